"""The search fields: one declaration per filter and per facet.

Everything else is derived from these two tuples: the query model (``SearchQuery``), the
API's query parameters (``search_api.params``), ``pantau export``'s options, the filter list
an export manifest cites, the embedded engine's filters and facets (``tantivy_engine``) and
the Elasticsearch filter clauses and aggregations (``elastic_query``), through one translator
per kind (``pantau.search.clauses``).

Adding a filter means: a ``Filter`` here, its field in ``mappings/articles.json`` and in the
document builder (``pantau.search.document``), and, for the embedded engine, nothing more
(its schema is derived from ``INDEX_FIELDS``).

Kinds:
- ``terms``: the document holds one or more values; any of the wanted values matches.
- ``hierarchy``: like terms, over region codes stored with all their ancestors, so a
  province matches documents naming one of its kabupaten.
- ``date_range``: two parameters, ``<name>_from`` and ``<name>_to`` (inclusive days).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from pantau.taxonomy import DocType, SourceType, ViolationType

Kind = Literal["terms", "hierarchy", "date_range"]


@dataclass(frozen=True)
class Filter:
    name: str            # the query parameter (date_range: its prefix)
    field: str           # the index field
    kind: Kind
    help: str
    values: type[Enum] | None = None   # the codes a value must be one of
    cli_flags: tuple[str, ...] = ()    # one per parameter; default --<parameter with dashes>
    cli_help: str = ""

    @property
    def flags(self) -> tuple[str, ...]:
        return self.cli_flags or tuple("--" + p.replace("_", "-") for p in self.params)

    @property
    def params(self) -> tuple[str, ...]:
        """The query parameters of this filter."""
        return (f"{self.name}_from", f"{self.name}_to") if self.kind == "date_range" else (self.name,)


@dataclass(frozen=True)
class Facet:
    name: str
    field: str           # keyword field counted
    label: str           # shown to users
    filter: str          # the filter this facet ignores when counting (Datasette's rule)
    order: Literal["count", "value"] = "count"   # most frequent first, or by value (months)
    limit: int | None = None  # values returned (count order); None: query.FACET_LIMIT


FILTERS: tuple[Filter, ...] = (
    Filter("region", "region_codes", "hierarchy",
           "Kemendagri region code (`33`, `33.25`, `3325`); a province includes its kabupaten/kota.",
           cli_help="Region code; a province includes its kabupaten/kota."),
    Filter("official", "official_ids", "terms", "Official id from /v1/officials."),
    Filter("violation_type", "violation_types", "terms", "Violation type code (see /v1/taxonomy).",
           values=ViolationType),
    Filter("doc_type", "doc_type", "terms", "Document type code (see /v1/taxonomy).", values=DocType),
    Filter("source", "source_id", "terms", "Source id (see /v1/sources)."),
    Filter("source_type", "source_type", "terms", "Source type: news, bawaslu, government.",
           values=SourceType),
    Filter("cluster", "cluster_id", "terms",
           "Near-duplicate cluster id (an article's `cluster.id`): every copy of one syndicated story."),
    Filter("date", "published_date", "date_range", "Published on or after / on or before (YYYY-MM-DD).",
           cli_flags=("--from", "--to")),
)

FACETS: tuple[Facet, ...] = (
    Facet("province", "province_codes", "Provinsi / Province", "region"),
    Facet("regency", "regency_codes", "Kabupaten/Kota / Regency", "region",
          limit=1000),  # every kabupaten/kota (514): the region tree counts them in one call
    Facet("violation_type", "violation_types", "Jenis pelanggaran / Violation type", "violation_type"),
    Facet("doc_type", "doc_type", "Jenis dokumen / Document type", "doc_type"),
    Facet("source", "source_id", "Sumber / Source", "source"),
    Facet("month", "month", "Bulan / Month", "date", order="value"),
)

FILTERS_BY_NAME = {f.name: f for f in FILTERS}
FACETS_BY_NAME = {f.name: f for f in FACETS}
FACET_NAMES = tuple(f.name for f in FACETS)
# Query parameters that select documents (q and every filter's parameters), in order.
FILTER_PARAMS: tuple[str, ...] = ("q", *(p for f in FILTERS for p in f.params))
# Timeline splits: a facet's field counted inside each period.
SPLITS = ("violation_type", "province")

# Keyword fields of the index: every filter's and facet's field, plus the periods.
KEYWORD_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(
    [f.field for f in FILTERS if f.kind != "date_range"] + [f.field for f in FACETS] + ["week"]))


@dataclass(frozen=True)
class Param:
    """One query parameter of a filter, as the API and the CLI declare it."""

    name: str
    filter: Filter
    many: bool           # repeatable (a list of values)
    value_type: type     # str, an Enum of codes, or date
    help: str
    flag: str


def params(filters: tuple[Filter, ...] = FILTERS) -> list[Param]:
    """Every filter's parameters, in registry order."""
    from datetime import date

    out = []
    for flt in filters:
        if flt.kind == "date_range":
            helps = ("Published on or after (YYYY-MM-DD, inclusive).",
                     "Published on or before (YYYY-MM-DD, inclusive).")
            out += [Param(name, flt, False, date, h, flag)
                    for name, h, flag in zip(flt.params, helps, flt.flags)]
        else:
            out.append(Param(flt.name, flt, True, flt.values or str, flt.help, flt.flags[0]))
    return out


def wanted(query, flt: Filter) -> list[str]:
    """The values of a terms/hierarchy filter in ``query``, as sorted unique strings."""
    return sorted({str(getattr(v, "value", v)) for v in getattr(query, flt.name)})


def active(query) -> list[Filter]:
    """The filters ``query`` uses."""
    out = []
    for flt in FILTERS:
        if any(getattr(query, p) for p in flt.params):
            out.append(flt)
    return out
