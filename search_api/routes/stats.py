"""/v1/stats: counts over time."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from search_api.deps import BackendDep
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, Timeline
from search_api.params import FiltersDep, ListFormat, json_or_csv
from search_api.tables import csv_response

router = APIRouter(tags=["stats"], route_class=CachedRoute)


@router.get("/v1/stats/timeline", response_model=Timeline, responses={**json_or_csv(), **ERRORS},
            summary="Timeline")
@cache_policy(Policy.INDEX)
def timeline(
    query: FiltersDep, backend: BackendDep,
    interval: Annotated[Literal["week", "month"], Query(description="Bucket size (ISO weeks or "
                                                        "calendar months, by publication date).")] = "month",
    split: Annotated[Literal["violation_type", "province"] | None, Query(
        description="Count separately per violation type or per province code.")] = None,
    fmt: ListFormat = "json",
):
    """Articles matching the filters per week or month, optionally split by violation type
    or province (an article counts once in each of its values). Periods with no article
    are left out."""
    buckets = backend.timeline(query, interval, split)
    if fmt == "csv":
        return csv_response([b.model_dump() for b in buckets], ["period", "key", "count"],
                            f"timeline-{interval}")
    return Timeline(interval=interval, split=split, total=backend.count(query),
                    buckets=buckets)
