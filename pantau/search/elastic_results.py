"""Elasticsearch responses turned into ``SearchPage``s and ``TimelineBucket``s (no client)."""

from __future__ import annotations

from pantau.search.clauses import sort_buckets
from pantau.search.cursor import encode_cursor
from pantau.search.fields import FACETS_BY_NAME
from pantau.search.labels import label
from pantau.search.query import FacetCount, Hit, SearchPage, SearchQuery, TimelineBucket


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


def _bucket_label(facet: str, value: str, bucket: dict) -> str | None:
    if facet == "source":
        names = bucket.get("name", {}).get("buckets", [])
        return str(names[0]["key"]) if names else None
    return label(facet, value, {})


def facet_counts(facet: str, agg: dict) -> list[FacetCount]:
    buckets = {str(b["key"]): b for b in agg.get("values", {}).get("buckets", [])}
    ordered = sort_buckets(FACETS_BY_NAME[facet], [(k, b["doc_count"]) for k, b in buckets.items()])
    return [FacetCount(value=v, label=_bucket_label(facet, v, buckets[v]), count=c) for v, c in ordered]


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


def to_timeline(resp: dict, interval: str, split: str | None) -> list[TimelineBucket]:
    out = []
    for b in resp.get("aggregations", {}).get("timeline", {}).get("buckets", []):
        if split is None:
            out.append(TimelineBucket(period=str(b["key"]), count=b["doc_count"]))
            continue
        for s in b.get("split", {}).get("buckets", []):
            out.append(TimelineBucket(period=str(b["key"]), key=str(s["key"]), count=s["doc_count"]))
    return sorted(out, key=lambda t: (t.period, t.key or ""))
