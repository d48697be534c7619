"""/v1/regions: the Kemendagri region tree with article counts that honour the filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

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


def regency_counts(backend: SearchBackend, query: SearchQuery, provinces: list[str]) -> dict[str, int]:
    """Article counts of the kabupaten/kota of ``provinces``. The regency facet lists every
    kabupaten/kota (its limit in ``pantau.search.fields`` is above their number); should it
    ever be full, the regencies it left out are counted one by one."""
    _, counts = facet_counts(backend, query, ["regency"])
    found = counts["regency"]
    if len(found) < (FACETS_BY_NAME["regency"].limit or FACET_LIMIT):
        return found
    table = get_region_table()
    for province in provinces:
        for kid in table.children(province):
            if kid.code not in found:
                found[kid.code] = backend.count(query.model_copy(update={"region": [kid.code]}))
    return found


def _node(code: str, count: int, children: list[RegionNode] | None = None) -> RegionNode:
    region = get_region_table().get(code)
    return RegionNode(code=region.code, level=region.level, name=region.name, count=count,
                      children=children or [])


def _info(code: str) -> RegionInfo:
    table = get_region_table()
    r = table.get(code)
    return RegionInfo(code=r.code, level=r.level, name=r.name, display_name=table.display_name(r.code),
                      parent_code=r.parent_code, aliases=table.aliases(r.code))


@router.get("/v1/regions", response_model=RegionTree, responses={**json_or_csv(), **ERRORS},
            summary="Region tree")
@cache_policy(Policy.INDEX)
def region_tree(query: FiltersButRegionDep, backend: BackendDep, fmt: ListFormat = "json",
                include_empty: Annotated[bool, Query(description="List regions with no article.")] = True):
    """Provinces with their kabupaten/kota, each with the number of articles matching the
    filters that name it or a place inside it (an article naming two regions counts in
    both). Every filter applies except `region` (not a parameter here). `format=csv` gives
    one row per region."""
    table = get_region_table()
    total, counts = facet_counts(backend, query, ["province"])
    by_province = counts["province"]
    by_regency = regency_counts(backend, query, [c for c, n in by_province.items() if n])
    provinces = []
    for province in table.children(None):
        kids = [_node(k.code, by_regency.get(k.code, 0)) for k in table.children(province.code)]
        node = _node(province.code, by_province.get(province.code, 0),
                     [k for k in kids if include_empty or k.count])
        if include_empty or node.count:
            provinces.append(node)
    if fmt == "csv":
        rows = [{**n.model_dump(), "parent_code": parent}
                for p in provinces for n, parent in [(p, None), *((k, p.code) for k in p.children)]]
        return csv_response(rows, COLUMNS, "regions")
    return RegionTree(total=total, regions=provinces)


@router.get("/v1/regions/{code}", response_model=RegionDetail, responses=ERRORS, summary="One region")
@cache_policy(Policy.INDEX)
def region_detail(request: Request, query: FiltersButRegionDep, backend: BackendDep,
                  code: Annotated[str, Path(max_length=20, pattern=REGION_PATTERN,
                                            description="Kemendagri code, `33.25` or `3325`; "
                                            "not in the region table: 404.",
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
