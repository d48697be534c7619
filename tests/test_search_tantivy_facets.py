"""Facet counts of the embedded backend when the facets over every filter ride along in the
call of a facet that leaves out a plain terms filter (a filter aggregation in tantivy's query
language), and when they cannot (a value that is not a plain word)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from pantau.search.clauses import filter_clauses
from pantau.search.query import SearchQuery
from pantau.search.tantivy_engine import TantivyBackend
from pantau.search.tantivy_query import query_string
from tests.search_contract import FILTER_OWN, contract_docs, facet_values, matches  # noqa: F401

FILTERS = [
    {"region": ["33.25"]},
    {"region": ["33", "35.73"], "doc_type": ["incident"]},
    {"region": ["33.25"], "source_type": ["bawaslu"]},
    {"violation_type": ["campaign_material", "social_media"], "date_from": date(2024, 1, 1)},
    {"doc_type": ["incident", "prevention"], "region": ["35"]},
    {"source": ["kabar-timur"], "doc_type": ["incident"]},          # "kabar-timur" is not plain
    {"source": ["kabar-timur"]},
    {"cluster": ["story-baliho"], "region": ["33"]},
]


@pytest.fixture(scope="module")
def search_backend(contract_docs, tmp_path_factory):  # noqa: F811
    backend = TantivyBackend(tmp_path_factory.mktemp("facets") / "search-index")
    backend.rebuild(contract_docs)
    yield backend
    backend.close()


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("facets", [list(FILTER_OWN), ["doc_type", "province"], ["source", "month", "regency"]])
def test_facets_count_what_every_other_filter_lets_through(search_backend, contract_docs, filters, facets):  # noqa: F811
    query = SearchQuery(facets=facets, limit=100, **filters)
    page = search_backend.search(query)
    assert list(page.facets) == facets
    for facet in facets:
        pool = [d for d in contract_docs if matches(d, query, skip=FILTER_OWN[facet])]
        assert {f.value: f.count for f in page.facets[facet]} == dict(Counter(
            v for d in pool for v in facet_values(d, facet))), facet
    assert page.total == sum(matches(d, query) for d in contract_docs)


def test_query_string_only_for_plain_terms():
    clauses = filter_clauses(SearchQuery(region=["33.25", "35"], source=["kabar-timur"], date_from=date(2024, 1, 1)))
    assert query_string(clauses["region"]) == "region_codes:IN [33.25 35]"
    assert query_string(clauses["source"]) is None
    assert query_string(clauses["date"]) is None
