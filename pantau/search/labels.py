"""Display labels: of facet values (region names, taxonomy labels, source names), of facets
and of filters, in Indonesian (``lang="id"``, the default) or English (``"en"``).

A facet's title is its registry label (``pantau.search.fields.Facet.label``), written
"Indonesian / English"; a filter is titled by the facet of the same name, or by
``FILTER_TITLES`` where no facet has its name."""

from __future__ import annotations

from pantau.errors import InvalidInput, NotFound
from pantau.regions import get_region_table
from pantau.search.fields import FACETS_BY_NAME, FILTERS_BY_NAME
from pantau.search.query import FacetCount
from pantau.taxonomy import DocType, ViolationType

LANGS = ("id", "en")
# Filters without a facet of their name: (Indonesian, English).
FILTER_TITLES = {"region": ("Wilayah", "Region"), "official": ("Pejabat", "Official"),
                 "source_type": ("Jenis sumber", "Source type"), "cluster": ("Klaster", "Cluster"),
                 "date": ("Tanggal terbit", "Publication date")}


def _region(value: str) -> str | None:
    try:
        return get_region_table().display_name(value)
    except (NotFound, InvalidInput):
        return None


def _enum(enum, value: str, lang: str = "id") -> str | None:
    try:
        member = enum(value)
    except ValueError:
        return None
    return member.label_en if lang == "en" else member.label_id


def label(facet: str, value: str, sources: dict[str, str | None], lang: str = "id") -> str | None:
    if facet in ("province", "regency"):
        return _region(value)
    if facet == "violation_type":
        return _enum(ViolationType, value, lang)
    if facet == "doc_type":
        return _enum(DocType, value, lang)
    if facet == "source":
        return sources.get(value)
    return None


def facet_title(facet: str, lang: str = "id") -> str:
    """The facet's registry label in one language."""
    parts = FACETS_BY_NAME[facet].label.split(" / ")
    return parts[-1] if lang == "en" else parts[0]


def filter_title(name: str, lang: str = "id") -> str:
    if name in FACETS_BY_NAME:
        return facet_title(name, lang)
    titles = FILTER_TITLES.get(name, (name, name))
    return titles[1] if lang == "en" else titles[0]


def value_label(name: str, value: str, names: dict[str, str | None], lang: str = "id") -> str:
    """A filter value as shown: a region's name, a code's label, or ``names[value]`` (sources,
    officials); the value itself otherwise."""
    flt = FILTERS_BY_NAME.get(name)
    if name == "region":
        shown = _region(value)
    elif flt is not None and flt.values is not None:
        shown = _enum(flt.values, value, lang)
    else:
        shown = names.get(value)
    return shown or value


def facet_label(facet: str, value: str, count: int, sources: dict[str, str | None]) -> FacetCount:
    return FacetCount(value=value, label=label(facet, value, sources), count=count)
