"""Jinja2 templates (``templates/``) and the response of a page: its language (a ``lang``
parameter is remembered in a cookie), its security headers, no caching of a page."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from typing import get_args

from jinja2 import Environment, FileSystemLoader, select_autoescape

from pantau.search.query import SortOrder
from search_api.web import i18n, urls

HERE = Path(__file__).parent
ENV = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(),
                  trim_blocks=True, lstrip_blocks=True)
ENV.globals["SORTS"] = get_args(SortOrder)
# Pages run no script of their own and load nothing from elsewhere.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' "
                               "'unsafe-inline'; script-src 'self'; form-action 'self'; "
                               "frame-ancestors 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-cache",
    "Vary": "Cookie",
}
COOKIE_AGE_S = 365 * 24 * 3600


def _number(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "id" else text


def page(request: Request, template: str, lang: str, *, status: int = 200, **context) -> HTMLResponse:
    t = i18n.translator(lang)
    items = urls.pairs(request)
    other = "en" if lang == "id" else "id"
    html = ENV.get_template(template).render(
        t=t, lang=lang, request=request, path=request.url.path,
        filter_items=urls.filters(request), href=urls.href,
        number=lambda n: _number(n, lang),
        other_lang=other, other_lang_url=urls.href(request.url.path, urls.replaced(items, lang=other)),
        **context)
    response = HTMLResponse(html, status_code=status, headers=HEADERS)
    asked = request.query_params.get("lang")
    if asked in i18n.LANGS:
        response.set_cookie(i18n.COOKIE, asked, max_age=COOKIE_AGE_S, samesite="lax")
    return response
