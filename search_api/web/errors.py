"""Errors on pages: the API's own handlers decide the status and the message (so a page says
exactly what ``/v1`` would), and a page shows them as HTML. A bad parameter is a 400 page
with the query form still holding the user's input; an unknown id or address is a 404 page.
Answers under ``/v1``, ``/docs``, ``/openapi.json`` and ``/healthz`` stay JSON."""

from __future__ import annotations

import inspect
import json

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from pantau.errors import PantauError
from search_api.web import i18n, render

API_PREFIXES = ("/v1/", "/docs", "/redoc", "/openapi.json", "/healthz", "/static/")
# pages whose error page is the page itself with its form (the rest: a plain error page)
FORM_PAGES = {"/": "search.html"}


def is_page(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith(API_PREFIXES) or path == "/v1")


def _wrap(api_handler):
    async def handler(request: Request, exc: Exception):
        answer = api_handler(request, exc)
        if inspect.isawaitable(answer):
            answer = await answer
        if not is_page(request):
            return answer
        body = json.loads(answer.body)
        return error_page(request, answer.status_code, body.get("message", ""))

    return handler


def error_page(request: Request, status: int, message: str):
    lang = i18n.lang_of(request, request.query_params.get("lang"))
    title = {400: "error_400", 404: "error_404"}.get(status, "error_other")
    template = FORM_PAGES.get(request.url.path, "error.html") if status == 400 else "error.html"
    return render.page(request, template, lang, status=status, error=message, error_title=title,
                       page_name="error")


def install(app: FastAPI) -> None:
    """Wrap the API's handlers (``search_api.errors.install`` first)."""
    for kind in (PantauError, RequestValidationError, HTTPException, Exception):
        app.add_exception_handler(kind, _wrap(app.exception_handlers[kind]))
