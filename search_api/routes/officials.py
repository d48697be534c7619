"""/v1/officials: the officials registry (persons merged across articles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from pantau.records import article_refs
from pantau.search.query import MAX_LIMIT
from pantau.store import officials as registry
from search_api.deps import ArchiveDep
from pantau.query_input import check_region
from search_api.cursors import decode_cursor, encode_cursor
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, ArticleRef, OfficialDetail, OfficialPage, OfficialSummary
from search_api.params import (ID_PATTERN, ListFormat, cursor_param, json_or_csv,
                               region_param)
from search_api.routes import links
from search_api.tables import csv_response

router = APIRouter(tags=["officials"], route_class=CachedRoute)
MAX_ARTICLES = 500
COLUMNS = ["id", "name", "article_count", "roles"]


def _summary(o) -> OfficialSummary:
    return OfficialSummary(id=o.id, name=o.name, roles=o.roles, article_count=len(o.article_ids))


def _role_text(roles: list[dict]) -> list[str]:
    return [", ".join(x for x in (r.get("role"), r.get("org"), r.get("region_code")) if x)
            for r in roles]


@router.get("/v1/officials", response_model=OfficialPage, responses={**json_or_csv(), **ERRORS},
            summary="List officials")
@cache_policy(Policy.ARCHIVE)
def list_officials(
    request: Request, archive: ArchiveDep,
    q: Annotated[str | None, Query(max_length=200, description="Text in the name, a role or an "
                                   "organisation (`budi`, `bawaslu`, `kecamatan bandar`).")] = None,
    name: Annotated[str | None, Query(max_length=200, description="Part of the name (degrees and "
                                      "honorifics ignored).")] = None,
    region: region_param("Region code; officials seen with a role in it or in a place "
                         "inside it.") = None,
    role: Annotated[str | None, Query(max_length=100, description="Part of a role (`camat`, "
                                      "`kepala desa`).")] = None,
    cursor: cursor_param("pantau-officials-cursor") = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")] = 20,
    fmt: ListFormat = "json",
):
    """Officials named in the archive, merged across articles, ordered by name, with their
    roles over time. Cursor pagination: pass `next_cursor` as `cursor`."""
    items, total = registry.list_officials(
        archive.conn, text=q, name=name, region=check_region(region) if region else None, role=role,
        after=decode_cursor(cursor), limit=limit + 1)
    more = len(items) > limit
    items = items[:limit]
    next_cursor = encode_cursor(registry.sort_key(items[-1])) if more else None
    next_url = links.replace_params(request, cursor=next_cursor) if next_cursor else None
    if fmt == "csv":
        rows = [{**_summary(o).model_dump(), "roles": _role_text(o.roles)} for o in items]
        headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
        return csv_response(rows, COLUMNS, "officials", {**headers, "X-Total-Count": str(total)})
    return OfficialPage(total=total, items=[_summary(o) for o in items], next_cursor=next_cursor,
                        next_url=next_url)


@router.get("/v1/officials/{official_id}", response_model=OfficialDetail, responses=ERRORS,
            summary="One official")
@cache_policy(Policy.ARCHIVE)
def get_official(request: Request, archive: ArchiveDep,
                 official_id: Annotated[str, Path(pattern=ID_PATTERN, description="Official id "
                                                  "(16 hex digits).")]) -> OfficialDetail:
    """A person: names, roles over time (role, organisation, region, first and last seen)
    and the articles that name them (newest first, at most 500; `articles_url` searches
    all of them)."""
    from pantau.store.cases import cases_of_official

    official = registry.get_official(archive.conn, official_id)
    return OfficialDetail(
        **official.model_dump(), article_count=len(official.article_ids),
        cases=cases_of_official(archive.conn, official.id),
        articles=[ArticleRef(**r) for r in article_refs(archive, official.article_ids, MAX_ARTICLES)],
        articles_url=links.articles_url(request, official=official.id))
