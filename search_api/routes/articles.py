"""/v1/articles: the search, one article with its evidence and provenance, the archived page."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from pantau.errors import NotFound
from pantau.records import load_records
from pantau.search.query import Hit
from search_api.deps import ArchiveDep, BackendDep
from search_api.facet_links import add_toggles
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, ArticleDetail, ArticlePage
from search_api.params import ID_PATTERN, ListFormat, PageDep, json_or_csv
from search_api.routes import links
from search_api.tables import csv_response
from search_api.views import article_detail

router = APIRouter(tags=["articles"], route_class=CachedRoute)

ArticleId = Annotated[str, Path(pattern=ID_PATTERN, description="Article id (16 hex digits).")]
HIT_COLUMNS = list(Hit.model_fields)  # the CSV of a page: every field of a hit
# The archived page may hold anything: no script, no plugin, no request may leave it.
CAPTURE_HEADERS = {
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
}
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)


@router.get("/v1/articles", response_model=ArticlePage, responses={**json_or_csv(), **ERRORS},
            summary="Search articles")
@cache_policy(Policy.INDEX)
def search_articles(request: Request, query: PageDep, backend: BackendDep,
                    fmt: ListFormat = "json"):
    """Full-text search with filters, facets and cursor pagination (newest first unless
    `q` is given). `format=csv` returns the same page as CSV with the next page in a
    `Link: <...>; rel="next"` header; for every matching article use `/v1/export`."""
    page = backend.search(query)
    add_toggles(request, query, page)
    next_url = links.replace_params(request, cursor=page.next_cursor) if page.next_cursor else None
    if fmt == "csv":
        headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
        headers["X-Total-Count"] = str(page.total)
        return csv_response([h.model_dump() for h in page.hits], HIT_COLUMNS, "articles", headers)
    return ArticlePage(**page.model_dump(), next_url=next_url)


@router.get("/v1/articles/{article_id}", response_model=ArticleDetail, responses=ERRORS,
            summary="One article")
@cache_policy(Policy.ARCHIVE)
def get_article(request: Request, article_id: ArticleId, archive: ArchiveDep) -> ArticleDetail:
    """The article's text, its latest annotation (doc type, violation types, regions,
    officials, dates, incidents, each with evidence: the sentence and character offsets),
    its provenance (source, raw capture, fetch time, parser and pipeline versions) and the
    other members of its near-duplicate cluster."""
    records = load_records(archive, [article_id])
    if not records:
        raise NotFound(f"article {article_id} not found", detail={"id": article_id})
    capture_url = str(request.url_for("article_capture", article_id=article_id))
    return article_detail(records[0], archive, capture_url)


@router.get("/v1/articles/{article_id}/capture", name="article_capture", response_class=Response,
            responses={200: {"content": {"text/html": {}, "text/plain": {}},
                             "description": "The page as captured."}, **ERRORS},
            summary="The archived page")
@cache_policy(Policy.ARCHIVE)
def article_capture(article_id: ArticleId, archive: ArchiveDep,
                    raw: Annotated[bool, Query(description="Serve as text/plain (the source).")] = False
                    ) -> Response:
    """The raw page the article was parsed from, byte for byte, served so that nothing in it
    runs: `Content-Security-Policy: sandbox; default-src 'none'; img-src data:; style-src
    'unsafe-inline'` and `X-Content-Type-Options: nosniff`. `raw=1` serves it as
    `text/plain`."""
    capture = archive.get_capture(archive.get_article(article_id).capture_id)
    content_type = next((v for k, v in capture.headers.items() if k.lower() == "content-type"), "")
    match = _CHARSET.search(content_type)
    charset = match.group(1) if match else "utf-8"
    media = "text/plain" if raw else "text/html"
    headers = {**CAPTURE_HEADERS, "X-Pantau-Capture-Id": capture.id,
               "X-Pantau-Fetched-At": capture.fetched_at.isoformat()}
    return Response(capture.body, media_type=f"{media}; charset={charset}", headers=headers)
