"""SQL for the embedded index: one condition per filter of a ``SearchQuery``.

Each condition carries the filter it implements, so a facet can apply every filter except
its own (``where(conditions, skip="region")``). Table and column names are ours; every value
is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.regions import normalize_code
from pantau.search.query import SearchQuery

TEXT = "text"


@dataclass(frozen=True)
class Condition:
    key: str
    sql: str
    params: tuple = ()


def conditions(query: SearchQuery, match: str | None) -> list[Condition]:
    """The conditions on ``docs d`` for the query's text (an FTS5 expression) and filters."""
    out = []
    if match:
        out.append(Condition(TEXT, "d.doc IN (SELECT rowid FROM fts WHERE fts MATCH ?)", (match,)))
    if query.region:
        codes = sorted({normalize_code(c) for c in query.region})
        out.append(_side("region", "doc_regions", "code", codes))
    if query.official:
        out.append(_side("official", "doc_officials", "official_id", sorted(set(query.official))))
    if query.violation_type:
        out.append(_side("violation_type", "doc_violations", "type", sorted(set(query.violation_type))))
    for key, column in (("doc_type", "doc_type"), ("source", "source_id"), ("source_type", "source_type")):
        values = sorted(set(getattr(query, key)))
        if values:
            out.append(Condition(key, f"d.{column} IN ({_marks(values)})", tuple(values)))
    out.extend(_dates(query))
    return out


def where(conds: list[Condition], skip: str | None = None, extra: list[Condition] = ()) -> tuple[str, list]:
    """``WHERE a AND b ...`` (or "") and its parameters, leaving out conditions of ``skip``."""
    used = [c for c in conds if c.key != skip] + list(extra)
    if not used:
        return "", []
    params = [p for c in used for p in c.params]
    return "WHERE " + " AND ".join(c.sql for c in used), params


def filtered_docs(conds: list[Condition], skip: str | None = None) -> tuple[str | None, list]:
    """A subquery of the matching doc numbers, or None when nothing is filtered."""
    clause, params = where(conds, skip)
    if not clause:
        return None, []
    return f"SELECT d.doc FROM docs d {clause}", params


def _side(key: str, table: str, column: str, values: list[str]) -> Condition:
    return Condition(key, f"d.doc IN (SELECT doc FROM {table} WHERE {column} IN ({_marks(values)}))",
                     tuple(values))


def _dates(query: SearchQuery) -> list[Condition]:
    out = []
    if query.date_from:
        out.append(Condition("date", "d.published_date >= ?", (query.date_from.isoformat(),)))
    if query.date_to:
        out.append(Condition("date", "d.published_date <= ?", (query.date_to.isoformat(),)))
    return out


def _marks(values) -> str:
    return ", ".join("?" for _ in values)
