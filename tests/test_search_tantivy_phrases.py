"""Phrases checked only where the rest of the query matches (``tantivy_query.text_query``):
the same documents, counts, facet counts and scores as the plain form of the query."""

from __future__ import annotations

from datetime import date

import pytest

from pantau.search.clauses import filter_clauses
from pantau.search.query import SearchQuery, parse_text
from pantau.search.tantivy_engine import TantivyBackend
from pantau.search.tantivy_query import text_and_filters
from tests.search_contract import contract_docs  # noqa: F401

QUERIES = [
    '"kepala desa"', '"kepala desa" sembako', '"kepala desa" OR lurah sembako', 'netralitas -"media sosial"',
    '"media sosial" bawaslu pasangan', '"kepala desa" "perangkat desa"', "perangkat-desa bawaslu",
    'lurah OR camat OR "kepala desa" OR sekda', '"pasangan calon" -baliho', '"kepala desa" desa',
]
FILTERS = [
    {}, {"region": ["33"]}, {"region": ["33"], "doc_type": ["incident", "prevention"]},
    {"date_from": date(2024, 1, 1), "date_to": date(2024, 10, 31)}, {"source_type": ["bawaslu"]},
]
AGGS = {"doc_type": {"terms": {"field": "doc_type", "size": 100}},
        "source": {"terms": {"field": "source_id", "size": 100}}}


@pytest.fixture(scope="module")
def searcher(contract_docs, tmp_path_factory):  # noqa: F811
    # copies with other ids and days, so that postings are long enough to have several blocks
    docs = [d.model_copy(update={"id": f"{k:04x}{d.id[4:]}", "published_date": f"2024-{1 + k % 12:02d}-1{k % 10}"})
            for k in range(40) for d in contract_docs]
    backend = TantivyBackend(tmp_path_factory.mktemp("phrases") / "search-index")
    backend.rebuild(docs)
    yield backend._open().searcher()
    backend.close()


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("filters", FILTERS)
def test_restricted_phrases_match_the_plain_query(searcher, q, filters):
    text, clauses = parse_text(q), filter_clauses(SearchQuery(**filters))
    for scoring in (True, False):
        fast = text_and_filters(text, clauses, scoring=scoring)
        plain = text_and_filters(text, clauses, scoring=scoring, restrict_phrases=False)
        got, want = searcher.search(fast, 10_000, count=True), searcher.search(plain, 10_000, count=True)
        assert got.count == want.count
        assert [(score, addr.doc) for score, addr in got.hits] == [(score, addr.doc) for score, addr in want.hits]
        assert searcher.aggregate(fast, AGGS) == searcher.aggregate(plain, AGGS)
