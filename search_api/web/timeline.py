"""The timeline page, ``/timeline``: counts per week or month of the current search (the
same filters as ``/v1/stats/timeline``, the same backend call), split by violation type or
province, as an SVG chart drawn on the server, a table and a CSV link."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from pantau.search import labels
from pantau.search.fields import SPLITS
from search_api.deps import BackendDep
from search_api.params import FiltersDep
from search_api.web import chips, i18n, periods, render, urls
from search_api.web.chart import PALETTE, Series, stacked_bars
from search_api.web.common import LangParam

router = APIRouter(include_in_schema=False)
TOP_KEYS = len(PALETTE) - 1  # split values drawn apart; the rest is "other"


def _series(buckets, split: str | None, lang: str, t) -> tuple[list[str], list[Series]]:
    if not buckets:
        return [], []
    interval = "week" if "-W" in buckets[0].period else "month"
    names = periods.span(min(b.period for b in buckets), max(b.period for b in buckets), interval)
    where = {p: i for i, p in enumerate(names)}
    totals: dict[str | None, int] = {}
    for b in buckets:
        totals[b.key] = totals.get(b.key, 0) + b.count
    ranked = sorted(totals, key=lambda k: (-totals[k], k or ""))
    kept = ranked[:TOP_KEYS] if len(ranked) > TOP_KEYS + 1 else ranked
    series = {k: Series(k, _label(split, k, lang, t), PALETTE[i], [0] * len(names))
              for i, k in enumerate(kept)}
    if len(kept) < len(ranked):
        series["\0other"] = Series(None, t("other"), PALETTE[-1], [0] * len(names))
    for b in buckets:
        target = series.get(b.key) or series["\0other"]
        target.values[where[b.period]] += b.count
    return names, list(series.values())


def _label(split: str | None, key: str | None, lang: str, t) -> str:
    if split is None or key is None:
        return t("count")
    return labels.label(split, key, {}, lang) or key


@router.get("/timeline", name="page_timeline")
def timeline_page(
    request: Request, query: FiltersDep, backend: BackendDep,
    interval: Annotated[Literal["week", "month"], Query()] = "month",
    split: Annotated[Literal[SPLITS] | None, Query()] = None,
    lang: LangParam = None,
):
    lang = i18n.lang_of(request, lang)
    t = i18n.translator(lang)
    buckets = backend.timeline(query, interval, split)
    names, series = _series(buckets, split, lang, t)
    items = urls.pairs(request)
    filters = urls.filters(request)
    rows = [{"period": p, "values": [s.values[i] for s in series],
             "url": urls.href("/", filters_for(filters, p))} for i, p in enumerate(names)]
    csv = urls.href("/v1/stats/timeline", urls.without(items, "lang") + [("format", "csv")])
    chart = stacked_bars(names, series, t("chart_title", interval=t(interval).lower()), t("chart_desc"))
    return render.page(
        request, "timeline.html", lang, page_name="timeline", chart=chart if names else None,
        series=series, rows=rows, total=backend.count(query), interval=interval, split=split,
        splits=[(s, labels.facet_title(s, lang)) for s in SPLITS], csv_url=csv,
        chips=chips.chips(request, query, {}, lang), clear_url=chips.clear_url(request),
        exports=urls.exports(items), feeds=[{"title": t("feed"), "url": urls.search_feed(filters)}])


def filters_for(filters: urls.Pairs, period: str) -> urls.Pairs:
    """The search of ``filters`` within ``period``."""
    low, high = periods.bounds(period)
    return urls.without(filters, "date_from", "date_to") + [("date_from", low.isoformat()),
                                                            ("date_to", high.isoformat())]
