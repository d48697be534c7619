"""/v1/cases: incident reports from many outlets joined into cases (``pantau cases``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from pantau.cases import fields as case_fields
from pantau.cases.records import Case
from pantau.errors import InvalidInput
from pantau.query_input import check_region
from pantau.records import article_refs
from pantau.search.query import MAX_LIMIT, FacetCount
from pantau.store import case_query
from pantau.store.cases import get_case
from search_api.cursors import decode_cursor, encode_cursor
from search_api.deps import ArchiveDep
from search_api.facet_links import add_toggles
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, ArticleRef
from search_api.params import ID_PATTERN, ListFormat, _filter_signature, cursor_param, json_or_csv
from search_api.routes import links
from search_api.tables import csv_response

router = APIRouter(tags=["cases"], route_class=CachedRoute)
COLUMNS = ["id", "stage", "status", "subject", "official_ids", "role", "region_codes", "violation_types",
           "first_report", "last_report", "reports", "outlets", "lag_recommendation_days",
           "lag_sanction_days", "articles", "uncertain"]


class CasePage(BaseModel):
    total: int
    items: list[Case]
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)
    next_cursor: str | None = None
    next_url: str | None = None


class CaseDetail(Case):
    article_refs: list[ArticleRef] = Field(default_factory=list, description="The member articles.")


def case_filters(**values) -> case_query.CaseQuery:
    """The case filters, checked: known region codes, date_from <= date_to."""
    values["region"] = list(dict.fromkeys(check_region(c) for c in values.get("region") or []))
    low, high = values.get("date_from"), values.get("date_to")
    values["date_from"] = _day(low, "date_from")
    values["date_to"] = _day(high, "date_to")
    if values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        raise InvalidInput("date_from is after date_to", detail={"date_from": low, "date_to": high})
    return case_query.CaseQuery(**values)


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} {value!r} is not a real date", detail={name: value}) from None


case_filters.__signature__ = _filter_signature(filters=case_fields.FILTERS, with_q=False,
                                               returns=case_query.CaseQuery)
CaseFiltersDep = Annotated[case_query.CaseQuery, Depends(case_filters)]
CaseFacet = Literal[tuple(f.name for f in case_fields.FACETS)]  # type: ignore[valid-type]


def flat(case: Case) -> dict:
    return {**case.model_dump(include=set(COLUMNS)), "subject": case.subject.label,
            "official_ids": case.subject.official_ids, "role": case.subject.role}


@router.get("/v1/cases", response_model=CasePage, responses={**json_or_csv(), **ERRORS}, summary="List cases")
@cache_policy(Policy.ARCHIVE)
def list_cases(
    request: Request, archive: ArchiveDep, query: CaseFiltersDep,
    sort: Annotated[Literal["newest", "oldest"], Query(
        description="newest: latest report first; oldest: earliest first report first.")] = "newest",
    cursor: cursor_param("pantau-officials-cursor") = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")] = 20,
    facets: Annotated[list[CaseFacet], Query(description="Facet counts to return. Repeatable.",
                                             max_length=10)] = [],
    fmt: ListFormat = "json",
):
    """Cases: one subject and one act (or closely related acts) reported by one or more
    outlets, with the stages from report to sanction. Filters as /v1/articles where they
    apply, plus `stage` (a stage the case reached) and `status`."""
    page = case_page(request, archive, query, sort, cursor, limit, facets)
    if fmt == "csv":
        headers = {"Link": f'<{page.next_url}>; rel="next"'} if page.next_url else {}
        return csv_response([flat(c) for c in page.items], COLUMNS, "cases",
                            {**headers, "X-Total-Count": str(page.total)})
    return page


def case_page(request: Request, archive, query: case_query.CaseQuery, sort: str, cursor: str | None,
              limit: int, facets: list[str]) -> CasePage:
    """One page of cases with its facets (toggle URLs on this request's address): what
    /v1/cases answers and the /cases page shows."""
    query.sort, query.after, query.limit = sort, decode_cursor(cursor), limit
    query.facets = list(dict.fromkeys(facets))
    cases, total, after, counts = case_query.search(archive.conn, query)
    next_cursor = encode_cursor(after) if after else None
    next_url = links.replace_params(request, cursor=next_cursor) if next_cursor else None
    page = CasePage(total=total, items=cases, next_cursor=next_cursor, next_url=next_url,
                    facets={name: [FacetCount(value=v, count=n) for v, n in buckets]
                            for name, buckets in counts.items()})
    add_toggles(request, query, page, facets=case_fields.FACETS_BY_NAME,
                filters=case_fields.CASE_FILTERS_BY_NAME)
    return page


@router.get("/v1/cases/{case_id}", response_model=CaseDetail, responses=ERRORS, summary="One case")
@cache_policy(Policy.ARCHIVE)
def get_one(request: Request, archive: ArchiveDep,
            case_id: Annotated[str, Path(pattern=ID_PATTERN, description="Case id (16 hex digits).")]) -> CaseDetail:
    """A case: its subject, regions, violation types, the timeline of stages with the
    evidence sentences and reporting articles, lags, status and the member articles (with
    the score and reasons each joined with)."""
    case = get_case(archive.conn, case_id)
    return CaseDetail(**case.model_dump(), article_refs=[ArticleRef(**r) for r in
                                                         article_refs(archive, case.articles, 500)])
