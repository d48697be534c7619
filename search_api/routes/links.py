"""URLs of related pages (the next page, a search restricted to one region or official)."""

from __future__ import annotations

from fastapi import Request


def replace_params(request: Request, **params: str) -> str:
    """The request's URL with ``params`` set (other parameters, repeated ones too, kept)."""
    return str(request.url.include_query_params(**params))


def articles_url(request: Request, **params: str) -> str:
    return str(request.url_for("search_articles").include_query_params(**params))
