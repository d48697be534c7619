"""The embedded tantivy backend: the search contract, plus what is particular to it (the
versioned directory and its atomic swap, Indonesian stemming, snippets, the factory)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search.analysis import stem, tokens
from pantau.search.base import IndexDocument
from pantau.search.factory import get_backend, index_path
from pantau.search.query import SearchQuery
from pantau.search.tantivy_engine import TantivyBackend
from pantau.settings import Settings
from pantau.store import Archive
from tests.search_contract import *  # noqa: F401,F403
from tests.search_contract import ARTICLES, fill_archive


@pytest.fixture(scope="module")
def search_backend(contract_docs, tmp_path_factory):
    backend = TantivyBackend(tmp_path_factory.mktemp("index") / "search-index")
    backend.rebuild(contract_docs)
    yield backend
    backend.close()


def versions(root) -> list[str]:
    return sorted(p.name for p in root.iterdir())


def test_missing_index_is_backend_unavailable(tmp_path):
    backend = TantivyBackend(tmp_path / "none")
    for call in (backend.health, lambda: backend.search(SearchQuery()), lambda: list(backend.iter_ids(SearchQuery()))):
        with pytest.raises(BackendUnavailable, match="pantau index"):
            call()


def test_rebuild_swaps_atomically_while_reading(contract_docs, tmp_path):
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild(contract_docs[:5])
    export = backend.iter_ids(SearchQuery())
    first = next(export)
    assert backend.count(SearchQuery()) == 5
    stats = backend.rebuild(contract_docs)
    assert stats.documents == len(contract_docs)
    assert backend.count(SearchQuery()) == len(contract_docs)       # the next query sees the new version
    assert len([first, *export]) == 5                               # the export keeps its snapshot
    names = versions(tmp_path / "idx")
    assert len(names) == 2 and "current" in names                   # the old version is gone


def test_failed_rebuild_keeps_the_old_index_and_leaves_nothing(contract_docs, tmp_path):
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild(contract_docs[:3])
    before = versions(tmp_path / "idx")

    def broken():
        yield from contract_docs[:2]
        raise RuntimeError("archive went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert backend.count(SearchQuery()) == 3
    assert versions(tmp_path / "idx") == before


def test_text_markers_in_articles_cannot_forge_highlights(contract_docs, tmp_path):
    doc = contract_docs[0].model_copy(update={"text": "baliho \x02<script>\x03 terpasang & rusak <mark>"})
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild([doc])
    snippet = backend.search(SearchQuery(q="terpasang")).hits[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet and "<mark>terpasang</mark>" in snippet
    assert snippet.count("<mark>") == 1


def test_unknown_timeline_interval_is_invalid(search_backend):
    with pytest.raises(InvalidInput):
        search_backend.timeline(SearchQuery(), "year")


def test_factory(tmp_path):
    settings = Settings(data_dir=tmp_path)
    backend = get_backend(settings)
    assert isinstance(backend, TantivyBackend) and backend.path == index_path(settings)
    with pytest.raises(BackendUnavailable, match="PANTAU_ES_URL"):
        get_backend(settings, "elasticsearch")
    with pytest.raises(InvalidInput, match="unknown search backend"):
        get_backend(settings, "solr")


def test_index_command_builds_the_index(tmp_path, cli_env):
    with Archive.open(tmp_path / "data" / "archive.sqlite3") as archive:
        fill_archive(archive)
    result = subprocess.run([sys.executable, "-m", "pantau", "index"], env=cli_env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{len(ARTICLES)} documents" in result.stdout
    backend = TantivyBackend(tmp_path / "data" / "search-index")
    assert backend.search(SearchQuery(q="sembako")).total == 2


def test_empty_index_answers_everything(tmp_path):
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild([])
    page = backend.search(SearchQuery(q="camat", region=["33"], facets=["province", "month", "source"]))
    assert (page.total, page.hits, page.next_cursor) == (0, [], None)
    assert page.facets == {"province": [], "month": [], "source": []}
    assert backend.timeline(SearchQuery(), "week", "violation_type") == []
    assert list(backend.iter_ids(SearchQuery())) == [] and backend.health()["documents"] == 0


def _doc(contract_docs, i, title, text):
    return contract_docs[0].model_copy(update={"id": f"rank{i}", "url": f"https://x.example/{i}",
                                               "title": title, "text": text})


def test_relevance_ranks_title_matches_first_and_matches_every_form(contract_docs, tmp_path):
    docs = [_doc(contract_docs, 1, "Rapat desa", "Camat membagikan sembako kepada warga."),
            _doc(contract_docs, 2, "Camat diperiksa Bawaslu", "Pemeriksaan berlangsung tertutup."),
            _doc(contract_docs, 3, "Kades dan perangkat-perangkat desa", "Para pelanggar dipanggil; pelanggaran dicatat."),
            _doc(contract_docs, 4, "Berita lain", "Tidak ada yang dicari di sini.")]
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild(docs)
    hits = backend.search(SearchQuery(q="camat")).hits
    assert [h.id for h in hits] == ["rank2", "rank1"] and hits[0].score > hits[1].score > 0
    assert {h.id for h in backend.search(SearchQuery(q="melanggar")).hits} == {"rank3"}  # by stem
    assert [h.id for h in backend.search(SearchQuery(q="perangkat-perangkat")).hits] == ["rank3"]
    assert [h.id for h in backend.search(SearchQuery(q='"perangkat desa" -sembako')).hits] == ["rank3"]
    ranked = backend.search(SearchQuery(q='camat OR "perangkat desa"')).hits
    assert [h.id for h in ranked][1:] == ["rank2", "rank1"] and ranked[0].score >= ranked[1].score


def test_filters_do_not_change_scores(search_backend):
    plain = {h.id: h.score for h in search_backend.search(SearchQuery(q="netralitas", limit=100)).hits}
    scoped = search_backend.search(SearchQuery(q="netralitas", region=["33"], limit=100)).hits
    assert scoped and all(h.score == pytest.approx(plain[h.id]) for h in scoped)


WORDS = ["camat", "melanggar", "pelanggaran", "kampanye", "mengunggah", "dukungan", "memasang",
         "netralitas", "pemalang"]


def test_stemmed_counts_on_the_sample_articles(tmp_path):
    """Each word finds every article holding a word of the same stem (what the previous
    engine counted), not only its written form; region names are never stemmed."""
    from tests.helpers.sample_articles import sample_articles

    docs = [IndexDocument(id=f"{i:016x}", url=f"https://x.example/{i}", canonical_url=f"https://x.example/{i}",
                          source_id="s", source_type="news", title=a.title, text=a.body)
            for i, a in enumerate(sample_articles())]
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild(docs)
    stems = [{stem(t) for t in tokens(f"{d.title} {d.text}")} for d in docs]
    written = [set(tokens(f"{d.title} {d.text}")) for d in docs]
    for word in WORDS:
        expected = sum(stem(word) in s for s in stems)
        assert backend.count(SearchQuery(q=word)) == expected, word
    assert backend.count(SearchQuery(q="camat")) > sum("camat" in w for w in written)
    assert backend.count(SearchQuery(q="melanggar")) > sum("melanggar" in w for w in written)


def test_facets_count_every_value_of_a_document_with_more_values_than_slots(contract_docs, tmp_path):
    """Multi-valued facets are counted from dense slot columns plus an overflow column."""
    from pantau.search.tantivy_schema import SLOTS

    many = [f"33.{n:02d}" for n in range(1, SLOTS + 4)]
    types = ["social_media", "vote_buying", "campaign_material", "state_resources", "candidacy",
             "partisan_photo"][:SLOTS + 2]
    doc = contract_docs[0].model_copy(update={"region_codes": ["33", *many], "violation_types": types})
    other = contract_docs[1].model_copy(update={"region_codes": ["33", many[-1]], "violation_types": types[-1:]})
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild([doc, other])
    facets = backend.search(SearchQuery(facets=["regency", "violation_type", "province"])).facets
    assert {f.value: f.count for f in facets["regency"]} == {**{c: 1 for c in many}, many[-1]: 2}
    assert {f.value: f.count for f in facets["violation_type"]} == {**{t: 1 for t in types}, types[-1]: 2}
    assert {f.value: f.count for f in facets["province"]} == {"33": 2}
    split = backend.timeline(SearchQuery(), "month", "violation_type")
    assert sum(b.count for b in split) == sum(len(d.violation_types) for d in (doc, other) if d.published_date)


def test_an_index_of_another_schema_version_is_refused_until_rebuilt(contract_docs, tmp_path):
    import json

    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild(contract_docs[:2])
    meta_path = backend.dir.current() / "pantau.json"
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "schema_version": 1}))
    with pytest.raises(BackendUnavailable, match="another version.*pantau index"):
        TantivyBackend(tmp_path / "idx").search(SearchQuery())
    fresh = TantivyBackend(tmp_path / "idx")
    fresh.rebuild(contract_docs[:2])
    assert fresh.count(SearchQuery()) == 2
