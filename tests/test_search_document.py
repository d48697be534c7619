"""Index documents from the archive, and the Indonesian text analysis of the embedded index."""

from __future__ import annotations

import pytest

from pantau.officials_registry import official_id
from pantau.search.analysis import fold, stem, stem_text, tokens
from pantau.search.cursor import decode_cursor, encode_cursor
from pantau.errors import InvalidInput
from tests.search_contract import ARTICLES, by_key, contract_docs  # noqa: F401


def test_one_document_per_article_with_source_and_annotation(contract_docs, by_key):
    assert len(contract_docs) == len(ARTICLES)
    doc = by_key["a02"]
    assert (doc.source_id, doc.source_type, doc.source_name) == ("warta-jateng", "news", "Warta Jateng")
    assert (doc.doc_type, doc.violation_types, doc.pipeline_version) == ("incident", ["vote_buying"], "contract-1")
    assert doc.title.startswith("Kades di Brebes") and "sembako" in doc.text


def test_region_codes_hold_every_ancestor(by_key):
    assert by_key["a01"].named_region_codes == ["33.25.01"]
    assert by_key["a01"].region_codes == ["33", "33.25", "33.25.01"]
    assert by_key["a12"].region_codes == ["33", "33.25", "33.29"]
    assert by_key["a06"].region_codes == ["73"]


def test_official_ids_are_the_registry_ids_of_each_mention(by_key):
    assert by_key["a09"].official_ids == [official_id("Budi Santoso", "Pemerintah Kabupaten Kendal", "33.24")]
    assert by_key["a09"].official_names == ["Budi Santoso"]
    assert by_key["a03"].official_ids == []


def test_published_date_in_the_original_offset_and_utc_read_in_wib(by_key):
    assert by_key["a06"].published_date == "2024-01-15"            # +08:00 kept
    assert by_key["a06"].published_at == "2024-01-15T11:00:00+08:00"
    assert by_key["a09"].published_date == "2024-11-06"            # 20:00 UTC is 03:00 WIB next day
    assert by_key["a10"].published_date is None and by_key["a10"].published_at is None


@pytest.mark.parametrize("word, expected", [
    ("pelanggaran", "langgar"), ("melanggar", "langgar"), ("dilanggar", "langgar"),
    ("pemasangan", "pasang"), ("kampanye", "kampanye"), ("netralitas", "netralitas"),
    # region names are never stemmed: Pemalang is not pe+malang, Bekasi not be+kasi
    ("pemalang", "pemalang"), ("bekasi", "bekasi"), ("kediri", "kediri"), ("temanggung", "temanggung"),
    ("2024", "2024"), ("asn", "asn"),
])
def test_stems(word, expected):
    assert stem(word) == expected


def test_tokens_fold_case_diacritics_and_punctuation():
    assert tokens("“Pemilú” — KADES_Pemalang, e-KTP…") == ["pemilu", "kades", "pemalang", "e", "ktp"]
    assert tokens("Caf\u0065\u0301 Ñandú") == ["cafe", "nandu"]
    assert fold("Pemilú") == "pemilu"
    assert stem_text("Pelanggaran di Pemalang") == "langgar di pemalang"


def test_cursor_round_trip_and_errors():
    cursor = encode_cursor("newest", [1730770200, "abc"])
    assert decode_cursor(cursor, "newest", 2) == [1730770200, "abc"]
    with pytest.raises(InvalidInput, match="sort='newest'"):
        decode_cursor(cursor, "oldest", 2)
    for bad in ("", "%%%", encode_cursor("newest", [1]), encode_cursor("newest", [[1], "x"])):
        with pytest.raises(InvalidInput):
            decode_cursor(bad, "newest", 2)


def test_official_filter_takes_a_registry_id_as_it_is(tmp_path):
    """Issue 17 bug 3: one person merged from mentions with different (name, org, region)
    keys is found by its registry id alone, with no widening by the caller."""
    import hashlib
    from datetime import datetime, timezone

    from pantau.ids import article_id, capture_id
    from pantau.schema import Annotation, Article, Capture, OfficialMention, Source
    from pantau.search.document import build_documents
    from pantau.search.query import SearchQuery
    from pantau.search.tantivy_engine import TantivyBackend
    from pantau.store import Archive
    from pantau.store.officials import rebuild

    mentions = [("Dr. Budi Santoso", "Pemerintah Kabupaten Kendal", "33.24"),
                ("Budi Santoso, S.H.", "Pemerintah Kabupaten Kendal", "33.24.05"),
                ("Budi Santoso", None, None)]
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.upsert_source(Source(id="s", name="S", type="news", base_url="https://s.example/"))
        for i, (name, org, region) in enumerate(mentions):
            url = f"https://s.example/{i}"
            body = f"<p>{i}</p>".encode()
            sha = hashlib.sha256(body).hexdigest()
            archive.put_capture(Capture(id=capture_id(url, sha), source_id="s", url=url, final_url=url,
                                        status=200, body=body, sha256=sha))
            archive.upsert_article(Article(
                id=article_id(url), capture_id=capture_id(url, sha), source_id="s", url=url,
                canonical_url=url, title=f"Berita {i}", text="Camat diperiksa.", content_hash=sha,
                published_at=datetime(2024, 1, 1 + i, tzinfo=timezone.utc), parser="t", parser_version="1"))
            archive.put_annotation(Annotation(article_id=article_id(url), pipeline_version="t", doc_type="incident",
                                              officials=[OfficialMention(name=name, role="Sekda", org=org,
                                                                         region_code=region)]))
        rebuild(archive)
        persons = archive.conn.execute("SELECT id, article_count FROM officials ORDER BY article_count DESC").fetchall()
        docs = list(build_documents(archive))
    merged, bare = persons[0], persons[1]
    assert merged[1] == 2 and bare[1] == 1 and len(persons) == 2
    backend = TantivyBackend(tmp_path / "idx")
    backend.rebuild(docs)
    assert backend.count(SearchQuery(official=[merged[0]])) == 2
    assert backend.count(SearchQuery(official=[bare[0]])) == 1
