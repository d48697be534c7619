"""Facet groups of the search page, from the registry's facet buckets (``selected``,
``toggle_url``, labelled in the page's language).

The kabupaten/kota facet is shown once a region is chosen, with the kabupaten/kota of the
chosen provinces: choosing one replaces its province (region values are OR-ed, so adding a
kabupaten beside its province would not narrow the search).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from pantau.search import labels
from pantau.search.fields import FACET_NAMES
from pantau.search.query import FacetCount, SearchPage
from search_api.web import urls

SHOWN = 8  # buckets shown before "more"


@dataclass
class Bucket:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Group:
    name: str
    title: str
    shown: list[Bucket] = field(default_factory=list)
    more: list[Bucket] = field(default_factory=list)


def wanted(query) -> list[str]:
    """The facets the search page asks for."""
    return [name for name in FACET_NAMES if name != "regency" or query.region]


def _province(code: str) -> str:
    return code.split(".")[0]


def _regency_url(request: Request, query, bucket: FacetCount) -> str:
    province = _province(bucket.value)
    if bucket.selected or province not in query.region:
        return bucket.toggle_url
    items = urls.without(urls.pairs(request), "cursor")
    kept = [(k, v) for k, v in items if not (k == "region" and v.replace(".", "") == province)]
    return urls.href(request.url.path, kept + [("region", bucket.value)])


def _buckets(request: Request, query, name: str, page: SearchPage, sources: dict, lang: str):
    found = page.facets.get(name, [])
    if name == "regency":
        chosen = {_province(c) for c in query.region}
        found = [b for b in found if _province(b.value) in chosen]
    if name == "month":
        found = list(reversed(found))  # newest first
    for b in found:
        url = _regency_url(request, query, b) if name == "regency" else b.toggle_url
        shown = labels.label(name, b.value, sources, lang) or b.label or b.value
        yield Bucket(b.value, shown, b.count, b.selected, url)


def groups(request: Request, query, page: SearchPage, sources: dict, lang: str) -> list[Group]:
    out = []
    for name in wanted(query):
        buckets = list(_buckets(request, query, name, page, sources, lang))
        if not buckets:
            continue
        group = Group(name, labels.facet_title(name, lang))
        for i, bucket in enumerate(buckets):
            (group.shown if i < SHOWN or bucket.selected else group.more).append(bucket)
        out.append(group)
    return out
