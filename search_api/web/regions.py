"""The region pages: ``/regions``, every province with its article count for the current
filters (the counts of ``/v1/regions``), and ``/regions/{code}``, one region with its
kabupaten/kota (or smaller units), as tables sorted by count with bars.

No choropleth: Pantau ships no boundary data (see the README), so the view is a table.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from pantau.search import labels
from search_api.deps import BackendDep
from search_api.params import REGION_PATTERN, FiltersButRegionDep
from search_api.routes.regions import region_detail, tree
from search_api.web import chips, i18n, render, urls
from search_api.web.common import LangParam

router = APIRouter(include_in_schema=False)


def _rows(nodes, filters: urls.Pairs) -> list[dict]:
    """Regions with articles, most first, each with its page and its search."""
    rows = [{"code": n["code"], "name": labels.value_label("region", n["code"], {}), "count": n["count"],
             "page": urls.href(f"/regions/{n['code']}", filters),
             "search": urls.href("/", urls.without(filters, "region") + [("region", n["code"])])}
            for n in nodes if n["count"]]
    return sorted(rows, key=lambda r: (-r["count"], r["name"]))


@router.get("/regions", name="page_regions")
def regions_page(request: Request, query: FiltersButRegionDep, backend: BackendDep,
                 lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    total, provinces = tree(backend, query, include_empty=False)
    filters = urls.filters(request)
    return render.page(
        request, "regions.html", lang, page_name="regions", region=None, parents=[], total=total,
        rows=_rows(provinces, filters), chips=chips.chips(request, query, {}, lang),
        clear_url=chips.clear_url(request), exports=urls.exports(filters),
        csv_url=urls.href("/v1/regions", filters + [("format", "csv")]),
        feeds=[{"title": i18n.translator(lang)("feed"), "url": urls.search_feed(filters)}])


@router.get("/regions/{code}", name="page_region")
def region_page(request: Request, query: FiltersButRegionDep, backend: BackendDep,
                code: Annotated[str, Path(max_length=20, pattern=REGION_PATTERN)],
                lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    t = i18n.translator(lang)
    detail = region_detail(request, query, backend, code)
    filters = urls.filters(request)
    here = urls.without(filters, "region") + [("region", detail.region.code)]
    feed = urls.href(f"/v1/regions/{detail.region.code}.atom", filters)
    return render.page(
        request, "regions.html", lang, page_name="regions", region=detail.region,
        parents=detail.parents, total=detail.count,
        rows=_rows([c.model_dump() for c in detail.children], filters),
        chips=chips.chips(request, query, {}, lang), clear_url=chips.clear_url(request),
        exports=urls.exports(here), search_url=urls.href("/", here),
        timeline_url=urls.href("/timeline", here), csv_url=None,
        root_url=urls.href("/regions", urls.without(filters, "region")),
        feeds=[{"title": t("feed_of", what=detail.region.display_name), "url": feed}])
