"""Facets of the embedded index, in the manner of Datasette: each facet counts its values over
the documents that match every filter except its own, so choosing a province still shows the
counts of the other provinces.

A facet is a small class: which filter it ignores (``own``), the SQL that groups the
filtered documents by its value, and the label of a value.
"""

from __future__ import annotations

import sqlite3

from pantau.errors import InvalidInput, NotFound
from pantau.regions import get_region_table
from pantau.search.query import FACET_LIMIT, FacetCount
from pantau.search.sql import Condition, filtered_docs, where
from pantau.taxonomy import DocType, ViolationType


class Facet:
    name: str
    own: str  # the filter this facet ignores

    def counts(self, conn: sqlite3.Connection, conds: list[Condition]) -> list[FacetCount]:
        sql, params = self.sql(conds)
        rows = conn.execute(sql, params).fetchall()
        return [FacetCount(value=str(v), label=self.label(conn, str(v)), count=n) for v, n in rows]

    def sql(self, conds: list[Condition]) -> tuple[str, list]:
        raise NotImplementedError

    def label(self, conn: sqlite3.Connection, value: str) -> str | None:
        return None


class SideTableFacet(Facet):
    """Values in a side table ``(value, doc)``: regions, violation types."""

    table: str
    column: str
    extra: str = ""  # more conditions on the side table
    extra_params: tuple = ()

    def sql(self, conds):
        sub, params = filtered_docs(conds, skip=self.own)
        where_parts = [p for p in (self.extra, sub and f"doc IN ({sub})") if p]
        clause = "WHERE " + " AND ".join(where_parts) if where_parts else ""
        return (f"SELECT {self.column}, count(*) AS n FROM {self.table} {clause} "
                f"GROUP BY {self.column} ORDER BY n DESC, {self.column} LIMIT {FACET_LIMIT}",
                [*self.extra_params, *params])


class RegionFacet(SideTableFacet):
    own = "region"
    table = "doc_regions"
    column = "code"
    extra = "depth = ?"

    def __init__(self, name: str, depth: int) -> None:
        self.name = name
        self.extra_params = (depth,)

    def label(self, conn, value):
        try:
            return get_region_table().display_name(value)
        except (NotFound, InvalidInput):
            return None


class ViolationFacet(SideTableFacet):
    name = own = "violation_type"
    table = "doc_violations"
    column = "type"

    def label(self, conn, value):
        return _enum_label(ViolationType, value)


class ColumnFacet(Facet):
    """A column of ``docs``: doc type, source, month."""

    by_value = False  # order by value (months) instead of by count

    def __init__(self, name: str, own: str, column: str) -> None:
        self.name, self.own, self.column = name, own, column

    def sql(self, conds):
        clause, params = where(conds, skip=self.own,
                               extra=[Condition("", f"d.{self.column} IS NOT NULL")])
        order = self.column if self.by_value else f"n DESC, {self.column}"
        limit = "" if self.by_value else f"LIMIT {FACET_LIMIT}"
        return (f"SELECT d.{self.column}, count(*) AS n FROM docs d {clause} "
                f"GROUP BY d.{self.column} ORDER BY {order} {limit}", params)


class DocTypeFacet(ColumnFacet):
    def __init__(self) -> None:
        super().__init__("doc_type", "doc_type", "doc_type")

    def label(self, conn, value):
        return _enum_label(DocType, value)


class SourceFacet(ColumnFacet):
    def __init__(self) -> None:
        super().__init__("source", "source", "source_id")

    def label(self, conn, value):
        row = conn.execute("SELECT name FROM sources WHERE id = ?", (value,)).fetchone()
        return row[0] if row else None


class MonthFacet(ColumnFacet):
    by_value = True

    def __init__(self) -> None:
        super().__init__("month", "date", "month")


FACETS: dict[str, Facet] = {f.name: f for f in (
    RegionFacet("province", 1), RegionFacet("regency", 2), ViolationFacet(),
    DocTypeFacet(), SourceFacet(), MonthFacet())}


def facet_counts(conn: sqlite3.Connection, conds: list[Condition], names: list[str]) -> dict[str, list[FacetCount]]:
    return {name: FACETS[name].counts(conn, conds) for name in dict.fromkeys(names)}


def _enum_label(enum, value: str) -> str | None:
    try:
        return enum(value).label_id
    except ValueError:
        return None
