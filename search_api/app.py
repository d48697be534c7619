"""The FastAPI application: ``create_app(settings)`` wires the routes to a search backend and
the archive. Serve it with ``pantau serve``; the OpenAPI docs are at ``/docs``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import anyio
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware

from pantau import __version__
from pantau.search.base import SearchBackend
from pantau.settings import Settings, get_settings
from search_api import errors
from search_api.config import ApiLimits, limits_text
from search_api.deps import AppContext
from search_api.middleware import TimeLimit
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES
from search_api.params import reject_unknown_params
from search_api.routes import articles, cases, export, feeds, meta, officials, regions, stats
from search_api import web

log = logging.getLogger("pantau.api")
PARQUET = "application/vnd.apache.parquet"

DESCRIPTION = """\
Search, read and download Pantau's archive of Indonesian news and Bawaslu announcements on
the neutrality of civil servants (netralitas ASN) in elections.

The query is the URL: filters repeat (`region=33&region=35`), a province includes its
kabupaten/kota, every list is also a CSV (`format=csv`), and `/v1/export` streams every
matching article as CSV, JSONL or Parquet with a data dictionary and a manifest.

**Errors** are JSON `{{"error", "message", "status", "detail"}}`: 400 for a bad parameter
(unknown parameter or code, bad date, date_from after date_to, malformed region code,
unbalanced quotes in `q`, bad cursor, page size over the limit), 404 for an unknown id or
region, 422 `limit_exceeded`, 503 when the search backend is down or a request times out.

{limits}
"""


def _default_backend(settings: Settings) -> Callable[[], SearchBackend]:
    def make() -> SearchBackend:
        from pantau.search.factory import get_backend

        return get_backend(settings)

    return make


def _refresh_registry(context: AppContext) -> None:
    _refresh(context.open_archive)


def _refresh(open_archive: Callable) -> None:
    from pantau.store.officials import ensure_fresh

    with open_archive() as archive:
        if ensure_fresh(archive):
            log.info("officials registry rebuilt from the annotations")


def _warm(context: AppContext) -> None:
    """Load once, before the first request, what every worker's first search would: the
    index's files and the stemmer's dictionary (a no-op when there is no index yet)."""
    from pantau.query_input import build_query

    try:
        backend = context.new_backend()
        try:
            backend.count(build_query(q="netralitas"))
        finally:
            backend.close()
    except Exception as exc:  # noqa: BLE001 - a warm-up never stops the start; requests report
        log.debug("warm-up skipped: %s", exc)


def refresh_registry_once(settings: Settings | None = None) -> None:
    """What a worker's start-up does when ``rebuild_officials_on_start``: for ``pantau
    serve --workers N``, which does it once before starting the workers."""
    from pantau.store import Archive

    settings = settings or get_settings()
    if ApiLimits().rebuild_officials_on_start:
        _refresh(lambda: Archive.open(settings.archive_path))


def _openapi(app: FastAPI) -> dict:
    """FastAPI's document without its default 422 answer: parameter errors are 400 here
    (``ErrorModel``), and 422 only means ``limit_exceeded`` where an endpoint says so."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                answer = operation.get("responses", {}).get("422", {})
                if "HTTPValidationError" in str(answer):
                    del operation["responses"]["422"]
        for name in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(settings: Settings | None = None, *,
               backend_factory: Callable[[], SearchBackend] | None = None,
               limits: ApiLimits | None = None) -> FastAPI:
    """The API over the archive and search backend of ``settings`` (default: environment)."""
    settings = settings or get_settings()
    limits = limits or ApiLimits()
    context = AppContext(settings, limits, backend_factory or _default_backend(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # few request threads per worker: a quick answer does not queue on the GIL behind
        # long computations (set here, in the running event loop)
        anyio.to_thread.current_default_thread_limiter().total_tokens = limits.threads
        if limits.rebuild_officials_on_start:
            await anyio.to_thread.run_sync(_refresh_registry, context)
        await anyio.to_thread.run_sync(_warm, context)
        yield
        context.close()

    app = FastAPI(title="Pantau API", version=__version__, lifespan=lifespan,
                  description=DESCRIPTION.format(limits=limits_text(limits)),
                  dependencies=[Depends(reject_unknown_params)])
    app.state.context = context
    app.openapi = lambda: _openapi(app)
    errors.install(app)
    for module in (feeds, articles, officials, cases, regions, stats, export, meta):  # feeds first: their
        # paths (/v1/regions/{code}.atom) would match the one-item routes
        app.include_router(module.router)
    web.install(app)  # the HTML pages at / (after errors.install: it wraps those handlers)
    app.add_middleware(TimeLimit, seconds=limits.request_timeout_s)
    # Compressed when the client accepts gzip; zip and Parquet exports are compressed already.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5,
                       exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, PARQUET))
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"],
                       expose_headers=["Link", "X-Total-Count", "Content-Disposition", "ETag",
                                       "Last-Modified"])
    return app
