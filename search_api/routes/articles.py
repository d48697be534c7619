"""/v1/articles: the search, one article with its evidence and provenance, the archived page."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from pantau.errors import NotFound
from pantau.records import cluster_members, load_records
from pantau.store.officials import refs_of_article
from search_api.deps import ArchiveDep, BackendDep, effective
from search_api.models import ERRORS, ArticleDetail, ArticlePage
from search_api.params import ListFormat, PageDep
from search_api.routes import links
from search_api.tables import csv_response

router = APIRouter(tags=["articles"])

ArticleId = Annotated[str, Path(min_length=1, max_length=64, description="Article id.")]
HIT_COLUMNS = ["id", "title", "url", "source_id", "source_type", "published_at", "doc_type",
               "violation_types", "region_codes", "score", "snippet"]
# The archived page may hold anything: no script, no plugin, no request may leave it.
CAPTURE_HEADERS = {
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
}
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)


@router.get("/v1/articles", response_model=ArticlePage, responses=ERRORS, summary="Search articles")
def search_articles(request: Request, query: PageDep, archive: ArchiveDep, backend: BackendDep,
                    fmt: ListFormat = "json"):
    """Full-text search with filters, facets and cursor pagination (newest first unless
    `q` is given). `format=csv` returns the same page as CSV with the next page in a
    `Link: <...>; rel="next"` header; for every matching article use `/v1/export`."""
    page = backend.search(effective(query, archive))
    next_url = links.replace_params(request, cursor=page.next_cursor) if page.next_cursor else None
    if fmt == "csv":
        headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
        headers["X-Total-Count"] = str(page.total)
        return csv_response([h.model_dump() for h in page.hits], HIT_COLUMNS, "articles", headers)
    return ArticlePage(**page.model_dump(), next_url=next_url)


@router.get("/v1/articles/{article_id}", response_model=ArticleDetail, responses=ERRORS,
            summary="One article")
def get_article(request: Request, article_id: ArticleId, archive: ArchiveDep) -> ArticleDetail:
    """The article's text, its latest annotation (doc type, violation types, regions,
    officials, dates, incidents, each with evidence: the sentence and character offsets),
    its provenance (source, raw capture, fetch time, parser and pipeline versions) and the
    other members of its near-duplicate cluster."""
    records = load_records(archive, [article_id])
    if not records:
        raise NotFound(f"article {article_id} not found", detail={"id": article_id})
    record = records[0]
    a = record.article
    capture = archive.conn.execute("SELECT final_url, status FROM captures WHERE id = ?",
                                   (a.capture_id,)).fetchone()
    members = [m for m in cluster_members(archive, a.cluster_id) if m["id"] != a.id]
    source = record.source
    return ArticleDetail(
        id=a.id, url=a.url, canonical_url=a.canonical_url, title=a.title, author=a.author,
        published_at=a.published_at.isoformat() if a.published_at else None,
        language=a.language, section=a.section, text=a.text, annotation=record.annotation,
        officials=refs_of_article(archive.conn, a.id),
        provenance={
            "source": {"id": a.source_id, **({"name": source.name, "type": source.type,
                                              "base_url": str(source.base_url)} if source else {})},
            "capture_id": a.capture_id,
            "capture_url": str(request.url_for("article_capture", article_id=a.id)),
            "fetched_at": record.fetched_at,
            "final_url": capture["final_url"] if capture else None,
            "http_status": capture["status"] if capture else None,
            "parser": a.parser, "parser_version": a.parser_version, "methods": a.methods,
            "parsed_at": a.parsed_at.isoformat(), "content_hash": a.content_hash,
            "pipeline_version": record.annotation.pipeline_version if record.annotation else None,
        },
        cluster={"id": a.cluster_id, "members": members},
    )


@router.get("/v1/articles/{article_id}/capture", name="article_capture", response_class=Response,
            responses={200: {"content": {"text/html": {}, "text/plain": {}},
                             "description": "The page as captured."}, **ERRORS},
            summary="The archived page")
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
