"""Atom feeds: of every search (``/v1/articles.atom``, the parameters of ``/v1/articles``),
of an official, of a region and of a case. Newest first unless the search names its ``sort``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from pantau.regions import get_region_table, normalize_code
from pantau.search.query import SearchQuery
from pantau.store import officials as registry
from search_api import feeds
from search_api.deps import ArchiveDep, BackendDep
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS
from search_api.names import display_names
from search_api.params import (EXAMPLES, ID_PATTERN, REGION_FORMAT, REGION_PATTERN,
                               FiltersButRegionDep, PageDep)

router = APIRouter(tags=["feeds"], route_class=CachedRoute)
ENTRIES = 50  # entries of an official's or a region's feed
ATOM = {200: {"description": "An Atom 1.0 feed.",
              "content": {feeds.MEDIA_TYPE: {"schema": {"type": "string"}}}}, **ERRORS}


def _answer(request: Request, backend, archive, query: SearchQuery, title: str, page_path: str,
            page_query: str) -> Response:
    page = backend.search(query)
    base = str(request.base_url).rstrip("/")
    names = display_names(archive, query.official)
    body = feeds.atom(page, title=title or f"Pantau: {feeds.describe(query, names)}",
                      self_url=str(request.url), base=base, names=names,
                      alternate_url=f"{base}{page_path}" + (f"?{page_query}" if page_query else ""))
    return Response(body, media_type=f"{feeds.MEDIA_TYPE}; charset=utf-8")


@router.get("/v1/articles.atom", response_class=Response, responses=ATOM, summary="Search feed")
@cache_policy(Policy.INDEX)
def search_feed(request: Request, query: PageDep, backend: BackendDep, archive: ArchiveDep):
    """The search of `/v1/articles` with the same parameters, as an Atom feed: one entry per
    hit (title, link to the article's page, dates, snippet, region, violation-type and
    document-type categories). Newest first unless `sort` is given; `limit` entries."""
    if "sort" not in request.query_params:
        query = query.model_copy(update={"sort": "newest"})
    return _answer(request, backend, archive, query.model_copy(update={"facets": []}), "", "/",
                   request.url.query)


@router.get("/v1/officials/{official_id}.atom", response_class=Response, responses=ATOM,
            summary="An official's feed")
@cache_policy(Policy.ARCHIVE)
def official_feed(request: Request, backend: BackendDep, archive: ArchiveDep,
                  official_id: Annotated[str, Path(pattern=ID_PATTERN, description="Official id.",
                                                   examples=[EXAMPLES["official"]])]):
    """The newest articles naming the official (at most 50), as an Atom feed."""
    person = registry.get_official(archive.conn, official_id)
    query = SearchQuery(official=[person.id], sort="newest", limit=ENTRIES)
    return _answer(request, backend, archive, query, f"Pantau: {person.name}",
                   f"/officials/{person.id}", "")


@router.get("/v1/regions/{code}.atom", response_class=Response, responses=ATOM,
            summary="A region's feed")
@cache_policy(Policy.INDEX)
def region_feed(request: Request, query: FiltersButRegionDep, backend: BackendDep,
                archive: ArchiveDep,
                code: Annotated[str, Path(max_length=20, pattern=REGION_PATTERN,
                                          description="Kemendagri code; unknown: 404.",
                                          examples=["33.25"], json_schema_extra={"format": REGION_FORMAT})]):
    """The newest articles naming the region or a place in it (at most 50) that match the
    other filters, as an Atom feed."""
    region = get_region_table().get(normalize_code(code))
    query = query.model_copy(update={"region": [region.code], "sort": "newest", "limit": ENTRIES})
    title = f"Pantau: {get_region_table().display_name(region.code)}"
    return _answer(request, backend, archive, query, title, f"/regions/{region.code}",
                   request.url.query)


@router.get("/v1/cases/{case_id}.atom", response_class=Response, responses=ATOM, summary="A case's feed")
@cache_policy(Policy.ARCHIVE)
def case_feed(request: Request, archive: ArchiveDep,
              case_id: Annotated[str, Path(pattern=ID_PATTERN, description="Case id (16 hex digits).",
                                           examples=[EXAMPLES["official"]])]):
    """A case's stages as an Atom feed, newest first: one entry per reporting article and
    the stage it reports, with its evidence, region and violation-type categories."""
    from pantau.records import article_refs
    from pantau.store.cases import get_case

    case = get_case(archive.conn, case_id)
    refs = {r["id"]: r for r in article_refs(archive, case.articles, 500)}
    body = feeds.case_atom(case, refs, self_url=str(request.url), base=str(request.base_url).rstrip("/"),
                           names=display_names(archive, []))
    return Response(body, media_type=f"{feeds.MEDIA_TYPE}; charset=utf-8")
