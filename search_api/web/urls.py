"""Page addresses built from the request's own parameters: the URL is the query, so every
link (a chip's removal, the next page, an export, a feed) is this page's parameters changed.

Parameters are (name, value) pairs in their order, repeated names kept.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request

from pantau.search.fields import FILTER_PARAMS

Pairs = list[tuple[str, str]]
EXPORT_FORMATS = ("csv", "jsonl", "parquet")


def pairs(request: Request) -> Pairs:
    return request.query_params.multi_items()


def filters(request: Request) -> Pairs:
    """The parameters that select articles (q and every filter of the registry)."""
    return [(k, v) for k, v in pairs(request) if k in FILTER_PARAMS]


def href(path: str, items: Pairs) -> str:
    query = urlencode(items)
    return f"{path}?{query}" if query else path


def without(items: Pairs, *names: str, value: str | None = None) -> Pairs:
    """``items`` less the parameters ``names`` (only those equal to ``value``, if given)."""
    return [(k, v) for k, v in items if not (k in names and (value is None or v == value))]


def replaced(items: Pairs, **changes: str | None) -> Pairs:
    """``items`` with each parameter of ``changes`` set to its value (None: removed)."""
    kept = without(items, *changes)
    return kept + [(k, v) for k, v in changes.items() if v is not None]


def exports(items: Pairs) -> list[tuple[str, str]]:
    """(label, URL) of the export of every article matching ``items``' filters."""
    kept = [(k, v) for k, v in items if k in FILTER_PARAMS]
    out = [(fmt.upper(), href("/v1/export", kept + [("format", fmt), ("layout", "raw")]))
           for fmt in EXPORT_FORMATS]
    return out + [("ZIP", href("/v1/export", kept + [("format", "csv")]))]


def search_feed(items: Pairs) -> str:
    """The Atom feed of a search: its filters and its sort."""
    return href("/v1/articles.atom", [(k, v) for k, v in items if k in FILTER_PARAMS or k == "sort"])
