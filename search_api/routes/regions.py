"""/v1/regions: the Kemendagri region tree with article counts that honour the filters."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from pantau.regions import get_region_table, normalize_code
from pantau.search.base import SearchBackend
from pantau.search.fields import FACETS_BY_NAME
from pantau.search.query import FACET_LIMIT, SearchQuery
from search_api.deps import BackendDep
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, RegionDetail, RegionInfo, RegionNode, RegionTree
from search_api.params import (REGION_FORMAT, REGION_PATTERN, FiltersButRegionDep, ListFormat,
                               json_or_csv)
from search_api.routes import links
from search_api.tables import csv_response

router = APIRouter(tags=["regions"], route_class=CachedRoute)
COLUMNS = ["code", "level", "name", "parent_code", "count"]


def facet_counts(backend: SearchBackend, query: SearchQuery, facets: list[str]) -> tuple[int, dict]:
    """Total and {facet: {value: count}} of the articles matching ``query``."""
    page = backend.search(query.model_copy(update={"facets": facets, "limit": 1, "cursor": None,
                                                   "sort": "newest"}))
    return page.total, {name: {f.value: f.count for f in page.facets.get(name, [])} for name in facets}


def regency_counts(backend: SearchBackend, query: SearchQuery, provinces: list[str],
                   found: dict[str, int] | None = None) -> dict[str, int]:
    """Article counts of the kabupaten/kota of ``provinces`` (``found``: the regency facet's
    counts, when the caller has them). The regency facet lists every kabupaten/kota (its
    limit in ``pantau.search.fields`` is above their number); should it ever be full, the
    regencies it left out are counted one by one."""
    if found is None:
        found = facet_counts(backend, query, ["regency"])[1]["regency"]
    if len(found) < (FACETS_BY_NAME["regency"].limit or FACET_LIMIT):
        return found
    table = get_region_table()
    for province in provinces:
        for kid in table.children(province):
            if kid.code not in found:
                found[kid.code] = backend.count(query.model_copy(update={"region": [kid.code]}))
    return found


@lru_cache(maxsize=None)
def _tree() -> tuple[tuple[tuple[str, str, str], tuple[tuple[str, str, str], ...]], ...]:
    """(code, level, name) of every province with those of its kabupaten/kota: the region
    table's shape, read once (it ships with the code)."""
    table = get_region_table()
    return tuple(((p.code, p.level, p.name), tuple((k.code, k.level, k.name) for k in table.children(p.code)))
                 for p in table.children(None))


def _node(code: str, count: int, children: list[RegionNode] | None = None) -> RegionNode:
    region = get_region_table().get(code)
    return RegionNode(code=region.code, level=region.level, name=region.name, count=count,
                      children=children or [])


def _built(region: tuple[str, str, str], count: int, children: list[dict]) -> dict:
    """A ``RegionNode`` as JSON, from the region table's own values (nothing to validate)."""
    return {"code": region[0], "level": region[1], "name": region[2], "count": count,
            "children": children}


def _info(code: str) -> RegionInfo:
    table = get_region_table()
    r = table.get(code)
    return RegionInfo(code=r.code, level=r.level, name=r.name, display_name=table.display_name(r.code),
                      parent_code=r.parent_code, aliases=table.aliases(r.code))


def tree(backend: SearchBackend, query: SearchQuery, include_empty: bool) -> tuple[int, list[dict]]:
    """(articles matching ``query``, every province as a ``RegionNode`` dict with its
    kabupaten/kota), counted over every filter but ``region``; also the web's region page."""
    # both facets ignore the region filter: one aggregation counts them
    total, counts = facet_counts(backend, query, ["province", "regency"])
    by_province = counts["province"]
    by_regency = regency_counts(backend, query, [c for c, n in by_province.items() if n],
                                counts["regency"])
    provinces = []
    for province, regencies in _tree():
        kids = [_built(k, n, []) for k in regencies
                if (n := by_regency.get(k[0], 0)) or include_empty]
        count = by_province.get(province[0], 0)
        if include_empty or count:
            provinces.append(_built(province, count, kids))
    return total, provinces


@router.get("/v1/regions", response_model=RegionTree, responses={**json_or_csv(), **ERRORS},
            summary="Region tree")
@cache_policy(Policy.INDEX)
def region_tree(query: FiltersButRegionDep, backend: BackendDep, fmt: ListFormat = "json",
                include_empty: Annotated[bool, Query(description="List regions with no article.")] = True):
    """Provinces with their kabupaten/kota, each with the number of articles matching the
    filters that name it or a place inside it (an article naming two regions counts in
    both). Every filter applies except `region` (not a parameter here). `format=csv` gives
    one row per region."""
    total, provinces = tree(backend, query, include_empty)
    if fmt == "csv":
        rows = [{**n, "parent_code": parent}
                for p in provinces for n, parent in [(p, None), *((k, p["code"]) for k in p["children"])]]
        return csv_response(rows, COLUMNS, "regions")
    # 552 nodes of known shape: written as JSON directly, not validated again as RegionTree
    return JSONResponse({"total": total, "regions": provinces})


@router.get("/v1/regions/{code}", response_model=RegionDetail, responses=ERRORS, summary="One region")
@cache_policy(Policy.INDEX)
def region_detail(request: Request, query: FiltersButRegionDep, backend: BackendDep,
                  code: Annotated[str, Path(max_length=20, pattern=REGION_PATTERN,
                                            description="Kemendagri code, `33.25` or `3325`; "
                                            "not in the region table: 404.",
                                            examples=["33.25"],
                                            json_schema_extra={"format": REGION_FORMAT})]):
    """A region with its parents, its children and article counts honouring the filters
    (the path's code is the region filter). Malformed code: 400; unknown code: 404."""
    table = get_region_table()
    region = table.get(normalize_code(code))
    query = query.model_copy(update={"region": [region.code]})
    children = table.children(region.code)
    total = backend.count(query)
    if region.level == "provinsi":
        counts = regency_counts(backend, query, [region.code]) if total else {}
        nodes = [_node(c.code, counts.get(c.code, 0)) for c in children]
    else:
        nodes = [_node(c.code, backend.count(query.model_copy(update={"region": [c.code]})))
                 for c in children]
    return RegionDetail(region=_info(region.code), count=total,
                        parents=[_info(p) for p in table.parents(region.code)], children=nodes,
                        articles_url=links.articles_url(request, region=region.code))
