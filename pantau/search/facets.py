"""Facets, in the manner of Datasette: each facet counts its values over the documents that
match every filter except its own, so choosing a province still shows the other provinces.

A facet is a small class: the filter it ignores (``own``), how it counts values over a set of
documents (a boolean mask, or None for all), and the label of a value.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from pantau.errors import InvalidInput, NotFound
from pantau.regions import get_region_table
from pantau.search.columns import Columns
from pantau.search.filters import combine
from pantau.search.query import FACET_LIMIT, FacetCount
from pantau.taxonomy import DocType, ViolationType


class Facet:
    name: str
    own: str  # the filter this facet ignores
    vocab: str
    by_value = False  # months: every value, in order; others: the most frequent first

    def counts(self, cols: Columns, conn: sqlite3.Connection, masks: dict) -> list[FacetCount]:
        counts = self.count(cols, combine(cols.n, masks, skip=self.own))
        values = cols.vocabs[self.vocab].values
        found = [(values[i], int(counts[i])) for i in np.flatnonzero(counts)]
        if self.by_value:
            found.sort()
        else:
            found = sorted(found, key=lambda vc: (-vc[1], vc[0]))[:FACET_LIMIT]
        return [FacetCount(value=v, label=self.label(conn, v), count=c) for v, c in found]

    def count(self, cols: Columns, mask: np.ndarray | None) -> np.ndarray:
        raise NotImplementedError

    def label(self, conn: sqlite3.Connection, value: str) -> str | None:
        return None


class EntriesFacet(Facet):
    """A multi-valued field kept as (document, value) entries: regions, violation types."""

    def entries(self, cols: Columns) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def count(self, cols, mask):
        docs, values = self.entries(cols)
        if mask is not None:
            values = values[mask[docs]]
        return np.bincount(values, minlength=len(cols.vocabs[self.vocab].values))


class RegionFacet(EntriesFacet):
    own = "region"
    vocab = "region"

    def __init__(self, name: str, depth: int) -> None:
        self.name, self.depth = name, depth

    def entries(self, cols):
        return cols.depth_entries(self.depth)

    def label(self, conn, value):
        try:
            return get_region_table().display_name(value)
        except (NotFound, InvalidInput):
            return None


class ViolationFacet(EntriesFacet):
    name = own = "violation_type"
    vocab = "violation"

    def entries(self, cols):
        return cols.violation_doc, cols.violation_code

    def label(self, conn, value):
        return _enum_label(ViolationType, value)


class ColumnFacet(Facet):
    """A single-valued column (-1 for none): document type, source, month."""

    def __init__(self, name: str, own: str, column: str) -> None:
        self.name, self.own, self.column, self.vocab = name, own, column, column

    def count(self, cols, mask):
        values = getattr(cols, self.column)
        if mask is not None:
            values = values[mask]
        values = values[values >= 0]
        return np.bincount(values, minlength=len(cols.vocabs[self.vocab].values))


class DocTypeFacet(ColumnFacet):
    def label(self, conn, value):
        return _enum_label(DocType, value)


class SourceFacet(ColumnFacet):
    def label(self, conn, value):
        row = conn.execute("SELECT name FROM sources WHERE id = ?", (value,)).fetchone()
        return row[0] if row else None


class MonthFacet(ColumnFacet):
    by_value = True


FACETS: dict[str, Facet] = {f.name: f for f in (
    RegionFacet("province", 1), RegionFacet("regency", 2), ViolationFacet(),
    DocTypeFacet("doc_type", "doc_type", "doc_type"), SourceFacet("source", "source", "source"),
    MonthFacet("month", "date", "month"))}


def facet_counts(cols: Columns, conn: sqlite3.Connection, masks: dict, names: list[str]) -> dict[str, list[FacetCount]]:
    return {name: FACETS[name].counts(cols, conn, masks) for name in dict.fromkeys(names)}


def _enum_label(enum, value: str) -> str | None:
    try:
        return enum(value).label_id
    except ValueError:
        return None
