"""Filters and facets of a ``SearchQuery`` as Elasticsearch-shaped clauses, one translator per
kind of ``pantau.search.fields``. Elasticsearch takes them as they are; the embedded engine
turns each clause into a tantivy query (``tantivy_engine.to_query``), whose aggregation JSON
follows Elasticsearch's. So a filter is translated once for both backends.

    filter_clauses(query)   # {"region": {"terms": {"region_codes": ["33"]}}, "date": {"range": ...}}
    facet_agg(FACETS_BY_NAME["month"])
"""

from __future__ import annotations

from pantau.regions import normalize_code
from pantau.search.fields import FILTERS, Facet, Filter, wanted
from pantau.search.query import FACET_LIMIT

# Terms aggregations ask for more buckets than a facet shows: ties are then broken by value
# here, the same way on both backends (Elasticsearch's and tantivy's shard-size rules differ).
AGG_SIZE = 1000


def _terms(flt: Filter, query) -> dict:
    return {"terms": {flt.field: wanted(query, flt)}}


def _hierarchy(flt: Filter, query) -> dict:
    return {"terms": {flt.field: sorted({normalize_code(c) for c in getattr(query, flt.name)})}}


def _date_range(flt: Filter, query) -> dict:
    low, high = (getattr(query, p) for p in flt.params)
    bounds: dict = {}
    if low:
        bounds["gte"] = low.isoformat()
    if high:
        bounds["lte"] = high.isoformat()
    return {"range": {flt.field: {**bounds, "format": "strict_date"}}}


TRANSLATORS = {"terms": _terms, "hierarchy": _hierarchy, "date_range": _date_range}


def filter_clauses(query) -> dict[str, dict]:
    """Every active filter of ``query`` by filter name."""
    out = {}
    for flt in FILTERS:
        if any(getattr(query, p) for p in flt.params):
            out[flt.name] = TRANSLATORS[flt.kind](flt, query)
    return out


def facet_agg(facet: Facet) -> dict:
    """The terms aggregation of one facet (buckets sorted and cut by ``sort_buckets``)."""
    return {"terms": {"field": facet.field, "size": AGG_SIZE}}


def sort_buckets(facet: Facet, buckets: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(value, count) pairs in the facet's order: months by value, others most frequent
    first (ties by value), at most ``FACET_LIMIT``."""
    found = [(v, c) for v, c in buckets if c > 0]
    if facet.order == "value":
        return sorted(found)
    return sorted(found, key=lambda vc: (-vc[1], vc[0]))[:facet.limit or FACET_LIMIT]
