"""Elasticsearch responses turned into ``SearchPage``s and ``TimelineBucket``s (no client)."""

from __future__ import annotations

from datetime import UTC, datetime

from pantau.errors import NotFound
from pantau.search.cursor import encode_cursor
from pantau.search.query import FacetCount, Hit, SearchPage, SearchQuery, TimelineBucket
from pantau.taxonomy import DocType, ViolationType

_ENUM_FACETS = {"violation_type": ViolationType, "doc_type": DocType}


def snippet(highlight: dict) -> str:
    """The first highlighted fragment: stemmed word matches (``text``) before exact phrase
    matches (``text.exact``); the opening of the text when nothing matched."""
    text = highlight.get("text") or []
    exact = highlight.get("text.exact") or []
    for fragments in (text, exact):
        if fragments and "<mark>" in fragments[0]:
            return fragments[0]
    return text[0] if text else ""


def to_hit(raw: dict, sort: str) -> Hit:
    source = raw.get("_source") or {}
    score = raw.get("_score") if sort == "relevance" else None
    return Hit(
        id=source.get("id") or raw["_id"],
        score=score,
        title=source.get("title") or "",
        url=source.get("url") or "",
        source_id=source.get("source_id") or "",
        source_type=source.get("source_type") or "",
        published_at=source.get("published_at"),
        doc_type=source.get("doc_type"),
        violation_types=source.get("violation_types") or [],
        region_codes=source.get("region_codes") or [],
        snippet=snippet(raw.get("highlight") or {}),
    )


def facet_label(facet: str, value: str) -> str | None:
    """Indonesian label of a facet value: region names, taxonomy labels; None otherwise."""
    if facet in ("province", "regency"):
        from pantau.regions import get_region_table

        try:
            return get_region_table().display_name(value)
        except NotFound:
            return None
    enum = _ENUM_FACETS.get(facet)
    if enum is not None and value in enum._value2member_map_:
        return enum(value).label_id
    return None


def _bucket_label(facet: str, value: str, bucket: dict) -> str | None:
    if facet == "source":
        names = bucket.get("name", {}).get("buckets", [])
        return str(names[0]["key"]) if names else None
    return facet_label(facet, value)


def facet_counts(facet: str, agg: dict) -> list[FacetCount]:
    out = []
    for b in agg.get("values", {}).get("buckets", []):
        value = b.get("key_as_string") if facet == "month" else str(b["key"])
        out.append(FacetCount(value=value, label=_bucket_label(facet, value, b),
                              count=b["doc_count"]))
    return out


def to_page(resp: dict, query: SearchQuery, sort: str) -> SearchPage:
    """The page of ``query``; ``sort`` is the order actually used (``effective_sort``)."""
    raw_hits = resp["hits"]["hits"]
    page_hits = raw_hits[: query.limit]
    next_cursor = None
    if len(raw_hits) > query.limit and page_hits:
        next_cursor = encode_cursor(sort, page_hits[-1]["sort"])
    aggs = resp.get("aggregations") or {}
    facets = {f: facet_counts(f, aggs[f]) for f in dict.fromkeys(query.facets) if f in aggs}
    total = resp["hits"]["total"]
    return SearchPage(total=total["value"] if isinstance(total, dict) else int(total),
                      hits=[to_hit(h, sort) for h in page_hits],
                      next_cursor=next_cursor, facets=facets)


def period(key_millis: int, interval: str) -> str:
    """"YYYY-MM" for months, ISO "YYYY-Www" for weeks, from a histogram bucket key."""
    day = datetime.fromtimestamp(key_millis / 1000, tz=UTC).date()
    if interval == "month":
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def to_timeline(resp: dict, interval: str, split: str | None) -> list[TimelineBucket]:
    out = []
    for b in resp.get("aggregations", {}).get("timeline", {}).get("buckets", []):
        label = period(b["key"], interval)
        if split is None:
            out.append(TimelineBucket(period=label, count=b["doc_count"]))
            continue
        for s in b.get("split", {}).get("buckets", []):
            out.append(TimelineBucket(period=label, key=str(s["key"]), count=s["doc_count"]))
    return out
