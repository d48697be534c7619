"""The web pages: server-rendered HTML (Jinja2) at ``/``, over the same query code and
backend as the JSON API under ``/v1``. Every page works without script.

- ``/`` search (``search``), ``/timeline`` (``timeline``), ``/regions`` and
  ``/regions/{code}`` (``regions``), ``/articles/{id}`` (``articles``), ``/officials`` and
  ``/officials/{id}`` (``officials``), ``/cases`` and ``/cases/{id}`` (``cases``).
- ``install(app)`` adds them, the static files, the HTML error pages (``errors``) and the
  redirect that drops a form's empty fields from the address.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from search_api.web import errors
from search_api.web.render import HERE


class DropEmptyParams:
    """A GET form sends its empty fields (``date_from=``); a page redirects (303) to its
    address without them, so the address is the query as a person would write it."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and b"=" in scope["query_string"]:
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            path = scope["path"]
            if any(v == "" for _, v in pairs) and not path.startswith(errors.API_PREFIXES):
                query = urlencode([(k, v) for k, v in pairs if v != ""])
                location = (quote(path) + ("?" + query if query else "")).encode("latin-1")
                await send({"type": "http.response.start", "status": 303,
                            "headers": [(b"location", location), (b"content-length", b"0")]})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)


def install(app: FastAPI) -> None:
    from search_api.web import articles, cases, officials, regions, search, timeline

    for module in (search, timeline, regions, articles, officials, cases):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    errors.install(app)
    app.add_middleware(DropEmptyParams)
