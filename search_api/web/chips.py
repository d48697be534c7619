"""Active filters as removable chips: one per filter value (one per date range), each with
the URL of this page without it. Derived from the field registry."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from pantau.errors import PantauError
from pantau.regions import normalize_code
from pantau.search import fields, labels
from search_api.web import urls


@dataclass(frozen=True)
class Chip:
    title: str
    value: str
    remove_url: str


def _same(flt: fields.Filter, raw: str, value: str) -> bool:
    """Whether the URL's ``raw`` value is the query's (normalised) ``value``."""
    if flt.name != "region":
        return raw == value
    try:
        return normalize_code(raw) == value
    except PantauError:
        return False


def chips(request: Request, query, names: dict[str, str | None], lang: str) -> list[Chip]:
    items = urls.without(urls.pairs(request), "cursor")
    path, out = request.url.path, []
    for flt in fields.active(query):
        title = labels.filter_title(flt.name, lang)
        if flt.kind == "date_range":
            low, high = (getattr(query, p) for p in flt.params)
            value = f"{low or '…'} – {high or '…'}"
            out.append(Chip(title, value, urls.href(path, urls.without(items, *flt.params))))
            continue
        for value in fields.wanted(query, flt):
            kept = [(k, v) for k, v in items if not (k == flt.name and _same(flt, v, value))]
            out.append(Chip(title, labels.value_label(flt.name, value, names, lang),
                            urls.href(path, kept)))
    return out


def clear_url(request: Request) -> str:
    """This page without any filter (the language and page options kept)."""
    items = [(k, v) for k, v in urls.pairs(request) if k not in fields.FILTER_PARAMS and k != "cursor"]
    return urls.href(request.url.path, items)
