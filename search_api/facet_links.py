"""Facet buckets with ``selected`` and ``toggle_url`` (Datasette's shape): the URL of the same
search with the bucket's value added to, or removed from, the facet's filter. The cursor is
dropped (a new filter starts at the first page); every other parameter is kept.

For a date-range filter (the month facet) a value is selected when the range is exactly that
month; toggling sets the range to the month or removes it.
"""

from __future__ import annotations

import calendar
from urllib.parse import urlencode

from fastapi import Request

from pantau.search.fields import FACETS_BY_NAME, FILTERS_BY_NAME, Filter, wanted
from pantau.search.query import SearchPage, SearchQuery


def add_toggles(request: Request, query: SearchQuery, page: SearchPage, *,
                facets: dict = FACETS_BY_NAME, filters: dict = FILTERS_BY_NAME) -> None:
    """Set ``selected`` and ``toggle_url`` on the page's facet buckets (``facets`` and
    ``filters``: the registry of the list, articles by default)."""
    items = request.query_params.multi_items()
    path = str(request.url.replace(query=""))
    for name, buckets in page.facets.items():
        flt = filters[facets[name].filter]
        # the parameters every toggle of this facet keeps, encoded once per facet
        kept = urlencode([(k, v) for k, v in items if k not in flt.params and k != "cursor"])
        current = None if flt.kind == "date_range" else wanted(query, flt)
        for bucket in buckets:
            bucket.selected, changes = _toggle(flt, query, bucket.value, current)
            changed = urlencode([(k, v) for k, values in changes.items() for v in values])
            encoded = "&".join(part for part in (kept, changed) if part)
            bucket.toggle_url = f"{path}?{encoded}" if encoded else path


def _toggle(flt: Filter, query: SearchQuery, value: str,
            current: list[str] | None = None) -> tuple[bool, dict[str, list[str]]]:
    """(selected, the filter's parameters after the toggle)."""
    if flt.kind == "date_range":
        low, high = _month_bounds(value)
        current = tuple(getattr(query, p) for p in flt.params)
        selected = current == (low, high)
        values = [] if selected else [[low.isoformat()], [high.isoformat()]]
        return selected, dict(zip(flt.params, values or [[], []]))
    current = wanted(query, flt) if current is None else current
    selected = value in current
    after = [v for v in current if v != value] if selected else [*current, value]
    return selected, {flt.name: after}


def _month_bounds(month: str):
    from datetime import date

    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
