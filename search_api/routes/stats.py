"""/v1/stats: counts over time."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from search_api.deps import ArchiveDep, BackendDep
from search_api.http_cache import CachedRoute, Policy, cache_policy
from pantau.search.query import TimelineBucket
from search_api.models import ERRORS, Timeline
from search_api.params import FiltersDep, ListFormat, json_or_csv
from search_api.tables import csv_response

router = APIRouter(tags=["stats"], route_class=CachedRoute)


@router.get("/v1/stats/timeline", response_model=Timeline, responses={**json_or_csv(), **ERRORS},
            summary="Timeline")
@cache_policy(Policy.INDEX, archive_when={"unit": "cases"})
def timeline(
    query: FiltersDep, backend: BackendDep, archive: ArchiveDep,
    interval: Annotated[Literal["week", "month"], Query(description="Bucket size (ISO weeks or "
                                                        "calendar months, by publication date).")] = "month",
    split: Annotated[Literal["violation_type", "province"] | None, Query(
        description="Count separately per violation type or per province code.")] = None,
    unit: Annotated[Literal["articles", "cases"], Query(
        description="Count articles (by publication date) or cases (by first report). For cases, "
                    "region, official, violation_type, source and date filter the case; q, doc_type, "
                    "source_type and cluster keep the cases with a member article that matches.")] = "articles",
    fmt: ListFormat = "json",
):
    """Articles matching the filters per week or month, optionally split by violation type
    or province (an article counts once in each of its values). Periods with no article
    are left out. With `unit=cases`, cases instead of articles (a case covered by six
    outlets counts once)."""
    if unit == "cases":
        return _case_timeline(query, archive, backend, interval, split, fmt)
    buckets = backend.timeline(query, interval, split)
    if fmt == "csv":
        return csv_response([b.model_dump() for b in buckets], ["period", "key", "count"],
                            f"timeline-{interval}")
    return Timeline(interval=interval, split=split, total=backend.count(query),
                    buckets=buckets)


def case_query_of(query, archive, backend, **case_only):
    """The case filters of an article query (``pantau.store.case_query.from_article_query``)."""
    from pantau.store.case_query import from_article_query

    return from_article_query(query, archive.conn, backend, **case_only)


def _case_timeline(query, archive, backend, interval: str, split: str | None, fmt: str):
    from pantau.store.case_query import CaseQuery, timeline as case_timeline

    values = case_query_of(query, archive, backend)
    rows = case_timeline(archive.conn, values, interval, split)
    buckets = [TimelineBucket(period=p, key=k, count=n) for p, k, n in rows]
    if fmt == "csv":
        return csv_response([b.model_dump() for b in buckets], ["period", "key", "count"],
                            f"timeline-cases-{interval}")
    from pantau.store.case_query import search

    values.limit = 0
    total = search(archive.conn, values)[1]
    return Timeline(interval=interval, split=split, total=total, buckets=buckets)
