"""The filters and facets of case lists: the article filters that apply to cases, taken
from the search registry (``pantau.search.fields``) as they are, plus the case's own
``stage`` and ``status``. Each filter's ``name`` is also its field in ``case_terms``."""

from __future__ import annotations

from pantau.search.fields import FILTERS_BY_NAME, Facet, Filter
from pantau.taxonomy import LabelledEnum


class Stage(LabelledEnum):
    reported = ("reported", "Dilaporkan/ditemukan", "Reported or found")
    clarified = ("clarified", "Diklarifikasi/diperiksa", "Clarified or examined")
    recommended = ("recommended", "Direkomendasikan", "Recommended for sanction")
    sanctioned = ("sanctioned", "Dijatuhi sanksi", "Sanctioned")
    dismissed = ("dismissed", "Dihentikan/tidak terbukti", "Dismissed")


class Status(LabelledEnum):
    open = ("open", "Berjalan", "Open")
    sanctioned = ("sanctioned", "Disanksi", "Sanctioned")
    dismissed = ("dismissed", "Dihentikan", "Dismissed")
    unknown = ("unknown", "Tidak diketahui (tanpa kabar 180 hari)", "Unknown (no news for 180 days)")


def label(name: str, value: str, lang: str = "id") -> str:
    """A stage's or status's label in one language (the value itself if unknown)."""
    enum = {"stage": Stage, "status": Status}[name]
    try:
        member = enum(value)
    except ValueError:
        return value
    return member.label_en if lang == "en" else member.label_id


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
