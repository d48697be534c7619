"""Display labels of facet values: region names, taxonomy labels, source names."""

from __future__ import annotations

from pantau.errors import InvalidInput, NotFound
from pantau.regions import get_region_table
from pantau.search.query import FacetCount
from pantau.taxonomy import DocType, ViolationType


def _region(value: str) -> str | None:
    try:
        return get_region_table().display_name(value)
    except (NotFound, InvalidInput):
        return None


def _enum(enum, value: str) -> str | None:
    try:
        return enum(value).label_id
    except ValueError:
        return None


def label(facet: str, value: str, sources: dict[str, str | None]) -> str | None:
    if facet in ("province", "regency"):
        return _region(value)
    if facet == "violation_type":
        return _enum(ViolationType, value)
    if facet == "doc_type":
        return _enum(DocType, value)
    if facet == "source":
        return sources.get(value)
    return None


def facet_label(facet: str, value: str, count: int, sources: dict[str, str | None]) -> FacetCount:
    return FacetCount(value=value, label=label(facet, value, sources), count=count)
