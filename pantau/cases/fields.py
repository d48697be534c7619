"""The filters and facets of case lists: the article filters that apply to cases, taken
from the search registry (``pantau.search.fields``) as they are, plus the case's own
``stage`` and ``status``. Each filter's ``name`` is also its field in ``case_terms``."""

from __future__ import annotations

from enum import Enum

from pantau.search.fields import FILTERS_BY_NAME, Facet, Filter


class Stage(str, Enum):
    reported = "reported"
    clarified = "clarified"
    recommended = "recommended"
    sanctioned = "sanctioned"
    dismissed = "dismissed"


class Status(str, Enum):
    open = "open"
    sanctioned = "sanctioned"
    dismissed = "dismissed"
    unknown = "unknown"


SHARED = ("region", "official", "violation_type", "source", "date")

FILTERS: tuple[Filter, ...] = tuple(FILTERS_BY_NAME[n] for n in SHARED) + (
    Filter("stage", "stage", "terms", "A stage the case has reached: reported, clarified, "
           "recommended, sanctioned, dismissed.", values=Stage),
    Filter("status", "status", "terms", "Case status: open, sanctioned, dismissed, unknown "
           "(no outcome and no news for 180 days).", values=Status),
)
FACETS: tuple[Facet, ...] = (
    Facet("province", "province", "Provinsi / Province", "region"),
    Facet("regency", "regency", "Kabupaten/Kota / Regency", "region", limit=1000),
    Facet("violation_type", "violation_type", "Jenis pelanggaran / Violation type", "violation_type"),
    Facet("stage", "stage", "Tahap / Stage", "stage"),
    Facet("status", "status", "Status", "status"),
    Facet("month", "month", "Bulan laporan pertama / Month of first report", "date", order="value"),
)
CASE_FILTERS_BY_NAME = {f.name: f for f in FILTERS}
FACETS_BY_NAME = {f.name: f for f in FACETS}
