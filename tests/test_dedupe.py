"""Duplicates: exact (content hash), near (MinHash + LSH) with texts we wrote — a Bawaslu
release and its lightly edited republication cluster; two different cases of the same kind
of violation, sharing the usual phrases, do not — and the index persisting in the archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.dedupe import (
    THRESHOLD, DedupeIndex, assign_cluster, normalize_text, shingles, signature, similarity, text_hash,
    with_cluster,
)
from pantau.schema import Article

TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in (Path(__file__).parent / "fixtures" / "dedupe").glob("*.txt")}


def article(key: str, text: str | None = None) -> Article:
    text = TEXTS[key] if text is None else text
    return Article(id=f"id-{key}", capture_id=f"cap-{key}", source_id="s", url=f"https://x.id/{key}",
                   canonical_url=f"https://x.id/{key}", title=key, text=text, content_hash=text_hash(text),
                   parser="test", parser_version="0")


def test_texts_loaded():
    assert set(TEXTS) == {"release", "republished", "case_boyolali", "case_klaten"}


def test_text_hash_ignores_case_spacing_and_punctuation():
    a = "Bawaslu  meneruskan rekomendasi,\n\nkata Widodo."
    assert text_hash(a) == text_hash("bawaslu meneruskan rekomendasi kata widodo") == text_hash(a.upper())
    assert text_hash(a) != text_hash("Bawaslu meneruskan rekomendasi, kata Heru.")
    assert len(text_hash(a)) == 64 and normalize_text("Pj. Bupati—Temanggung") == "pj bupati temanggung"


def test_shingles_are_word_five_grams():
    assert shingles("satu dua tiga empat lima enam") == {"satu dua tiga empat lima", "dua tiga empat lima enam"}
    assert shingles("terlalu pendek") == {"terlalu pendek"} and shingles("") == set()


def test_signature_is_deterministic_and_estimates_jaccard():
    a, b = TEXTS["release"], TEXTS["republished"]
    assert (signature(a) == signature(a)).all()
    exact = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
    assert abs(similarity(signature(a), signature(b)) - exact) < 0.15


def test_republication_is_similar_and_other_cases_are_not():
    sig = {k: signature(v) for k, v in TEXTS.items()}
    assert similarity(sig["release"], sig["republished"]) >= THRESHOLD + 0.1
    for a, b in [("case_boyolali", "case_klaten"), ("release", "case_boyolali"), ("release", "case_klaten")]:
        assert similarity(sig[a], sig[b]) < THRESHOLD - 0.15, (a, b)


def test_clusters_in_memory():
    index = DedupeIndex.in_memory()
    release = assign_cluster(index, article("release"))
    assert release == "id-release"
    assert assign_cluster(index, article("republished")) == release
    assert assign_cluster(index, article("case_boyolali")) == "id-case_boyolali"
    assert assign_cluster(index, article("case_klaten")) == "id-case_klaten"
    assert index.clusters() == {release: ["id-release", "id-republished"]}


def test_exact_duplicate_joins_even_when_short():
    index = DedupeIndex.in_memory()
    first = assign_cluster(index, article("a", "Bawaslu ingatkan ASN."))
    assert assign_cluster(index, article("b", "BAWASLU ingatkan  ASN!")) == first
    assert assign_cluster(index, article("c", "Bawaslu ingatkan kades.")) == "id-c"


def test_reassigning_is_idempotent_and_follows_text_changes():
    index = DedupeIndex.in_memory()
    for key in ("release", "republished", "case_klaten"):
        assign_cluster(index, article(key))
    assert assign_cluster(index, article("republished")) == "id-release"
    # the republication's text changes to the Klaten case (e.g. after a parser fix)
    assert assign_cluster(index, article("republished", TEXTS["case_klaten"] + " ")) == "id-case_klaten"
    assert index.members("id-release") == ["id-release"]


def test_clusters_persist_in_the_archive(tmp_path):
    from pantau.store import Archive

    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        stored = with_cluster(archive, article("release"))
        assert stored.cluster_id == "id-release"
        assert assign_cluster(archive, article("case_boyolali")) == "id-case_boyolali"
    with Archive.open(path) as archive:  # a restart
        assert assign_cluster(archive, article("republished")) == "id-release"
        assert DedupeIndex.of(archive).members("id-release") == ["id-release", "id-republished"]
        assert archive.conn.execute("SELECT count(*) FROM dedupe_bands").fetchone()[0] > 0


@pytest.fixture(scope="module")
def sample_entries():
    from sample_site.answer_key import answer_key

    return answer_key("http://127.0.0.1:8765")


def test_sample_site_syndication_clusters(sample_entries):
    from pantau.store import dedupe as store

    index = DedupeIndex.in_memory()
    items = {entry["id"]: article(entry["id"].replace("/", "_"), entry["text"]) for entry in sample_entries}
    for item in items.values():
        assign_cluster(index, item)
    got: dict[str, list[str]] = {}
    for key, item in items.items():  # the clusters once every article is in (a newcomer may relabel)
        got.setdefault(store.get(index.conn, item.id).cluster_id, []).append(key)
    expected: dict[str, list[str]] = {}
    for entry in sample_entries:
        expected.setdefault(entry.get("cluster") or entry["id"], []).append(entry["id"])
    assert sorted(map(sorted, got.values())) == sorted(map(sorted, expected.values()))


def test_the_smallest_member_id_names_a_cluster_whatever_the_order():
    """A resumed crawl may store syndicated copies in another order: the clusters come out the
    same (the smallest id names the cluster; a smaller newcomer relabels it)."""
    forward, backward = DedupeIndex.in_memory(), DedupeIndex.in_memory()
    first = [assign_cluster(forward, article(k)) for k in ("release", "republished")]
    second = [assign_cluster(backward, article(k)) for k in ("republished", "release")]
    assert first == ["id-release", "id-release"]
    assert second == ["id-republished", "id-release"]  # the second arrival relabels the cluster
    assert forward.clusters() == backward.clusters() == {"id-release": ["id-release", "id-republished"]}


def test_relabelling_moves_the_articles_and_the_crawl_record(tmp_path):
    from crawler.archiving import store_article, Outcome
    from pantau.store import Archive, ledger
    from tests.test_store import make_article, make_capture, make_source

    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.upsert_source(make_source())
        stored = {}
        for key, url in (("republished", "https://warta.example.id/z"), ("release", "https://warta.example.id/a")):
            capture = make_capture(url=url)
            archive.put_capture(capture)
            item = make_article(capture, text=TEXTS[key], content_hash=f"hash-{key}")
            with archive.transaction():
                outcome = store_article(archive, Outcome("keep", "", item.id, article=item))
                ledger.mark(archive.conn, ledger.UrlState(url, "warta-jateng", outcome.kind, 200,
                                                          article_id=item.id))
            stored[key] = item.id
        rows = dict(archive.conn.execute("SELECT id, cluster_id FROM articles"))
        smallest = min(stored.values())
        assert set(rows.values()) == {smallest}
        outcomes = {r[0]: r[1] for r in archive.conn.execute("SELECT article_id, outcome FROM crawl_urls")}
        assert outcomes == {smallest: "stored", max(stored.values()): "duplicate"}
