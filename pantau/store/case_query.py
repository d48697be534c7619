"""Reading the case tables: a filtered, sorted page of cases with facet counts, and case
counts per period (the timeline with ``unit=cases``).

Every terms filter of ``pantau.cases.fields`` is one ``case_terms`` lookup (region values
are stored with their ancestors, so a province matches its kabupaten/kota); the date range
keeps cases with a report inside it. A facet counts the cases that match every filter but
its own (Datasette's rule).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pantau.cases.fields import CASE_FILTERS_BY_NAME, FACETS_BY_NAME, FILTERS
from pantau.cases.records import Case
from pantau.store.db import placeholders

SORTS = {"newest": ("c.last_report", "DESC"), "oldest": ("c.first_report", "ASC")}


@dataclass
class CaseQuery:
    region: list[str] = field(default_factory=list)
    official: list[str] = field(default_factory=list)
    violation_type: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    stage: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "newest"
    after: tuple[str, str] | None = None
    limit: int = 20
    facets: list[str] = field(default_factory=list)
    ids: list[str] | None = None   # only these cases (cases with a member article of a search)

    def filters(self) -> dict:
        """The filter values, by parameter name (what a manifest cites)."""
        out = {}
        for flt in FILTERS:
            for p in flt.params:
                value = getattr(self, p)
                if value:
                    out[p] = [str(getattr(v, "value", v)) for v in value] if isinstance(value, list) \
                        else value.isoformat()
        return out


def _where(query: CaseQuery, without: str | None = None) -> tuple[str, list]:
    clauses, args = ["1=1"], []
    if query.ids is not None:
        clauses.append("c.id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(sorted(query.ids)))
    for flt in FILTERS:
        if flt.name == without:
            continue
        if flt.kind == "date_range":
            if query.date_from:
                clauses.append("c.last_report >= ?")
                args.append(query.date_from.isoformat())
            if query.date_to:
                clauses.append("c.first_report <= ?")
                args.append(query.date_to.isoformat())
            continue
        values = [str(getattr(v, "value", v)) for v in getattr(query, flt.name)]
        if values:
            clauses.append(f"c.id IN (SELECT case_id FROM case_terms WHERE field = ? AND value IN "
                           f"({placeholders(values)}))")
            args += [flt.name, *values]
    return " AND ".join(clauses), args


def cases_with_articles(conn: sqlite3.Connection, article_ids: Iterable[str]) -> list[str]:
    """The cases that have one of ``article_ids`` as a member."""
    rows = conn.execute("SELECT DISTINCT case_id FROM case_articles WHERE article_id IN "
                        "(SELECT value FROM json_each(?))", (json.dumps(list(article_ids)),))
    return [r[0] for r in rows]


def articles_of_cases(conn: sqlite3.Connection, query: CaseQuery) -> set[str]:
    """The member articles of the cases ``query`` selects."""
    where, args = _where(query)
    rows = conn.execute(f"SELECT DISTINCT ca.article_id FROM case_articles ca JOIN cases c ON c.id = ca.case_id "
                        f"WHERE {where}", args)
    return {r[0] for r in rows}


def search(conn: sqlite3.Connection, query: CaseQuery) -> tuple[list[Case], int, str | None, dict]:
    """(cases of the page, total, the sort key of the page's last case when there are more,
    facet counts {name: [(value, count)]})."""
    where, args = _where(query)
    total = conn.execute(f"SELECT count(*) FROM cases c WHERE {where}", args).fetchone()[0]
    column, direction = SORTS[query.sort]
    page_where, page_args = where, list(args)
    if query.after is not None:
        op = "<" if direction == "DESC" else ">"
        page_where += f" AND (coalesce({column}, ''), c.id) {op} (?, ?)"
        page_args += list(query.after)
    rows = conn.execute(f"SELECT c.data, coalesce({column}, ''), c.id FROM cases c WHERE {page_where} "
                        f"ORDER BY coalesce({column}, '') {direction}, c.id {direction} LIMIT ?",
                        [*page_args, query.limit + 1]).fetchall()
    more = len(rows) > query.limit
    rows = rows[:query.limit]
    after = (rows[-1][1], rows[-1][2]) if more and rows else None
    cases = [Case.model_validate_json(r[0]) for r in rows]
    return cases, total, after, {name: facet(conn, query, name) for name in query.facets}


def facet(conn: sqlite3.Connection, query: CaseQuery, name: str) -> list[tuple[str, int]]:
    spec = FACETS_BY_NAME[name]
    where, args = _where(query, without=CASE_FILTERS_BY_NAME[spec.filter].name)
    order = "t.value" if spec.order == "value" else "count(*) DESC, t.value"
    rows = conn.execute(f"SELECT t.value, count(*) FROM case_terms t WHERE t.field = ? AND t.case_id IN "
                        f"(SELECT c.id FROM cases c WHERE {where}) GROUP BY t.value ORDER BY {order} "
                        f"LIMIT ?", [spec.field, *args, spec.limit or 50]).fetchall()
    return [(r[0], r[1]) for r in rows]


def timeline(conn: sqlite3.Connection, query: CaseQuery, interval: str,
             split: str | None) -> list[tuple[str, str | None, int]]:
    """(period, split value, cases) by the case's first report: YYYY-MM or ISO YYYY-Www."""
    where, args = _where(query)
    rows = conn.execute(f"SELECT c.first_report, c.id FROM cases c WHERE {where} AND c.first_report "
                        "IS NOT NULL", args).fetchall()
    splits: dict[str, list[str]] = {}
    if split:
        field_name = {"violation_type": "violation_type", "province": "province"}[split]
        for case_id, value in conn.execute("SELECT case_id, value FROM case_terms WHERE field = ?",
                                           (field_name,)):
            splits.setdefault(case_id, []).append(value)
    counts: dict[tuple[str, str | None], int] = {}
    for first, case_id in rows:
        period = _period(first, interval)
        for key in (splits.get(case_id, []) if split else [None]):
            counts[(period, key)] = counts.get((period, key), 0) + 1
    return [(p, k, n) for (p, k), n in sorted(counts.items(), key=lambda x: (x[0][0], x[0][1] or ""))]


def _period(day: str, interval: str) -> str:
    if interval == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def from_article_query(query, conn: sqlite3.Connection, backend, **case_only) -> CaseQuery:
    """The case filters of an article query (``SearchQuery``). The filters cases share with
    articles apply to the case; the others (q, doc_type, source_type, cluster) select the
    cases that have a member article matching them ("cases reported in words like camat")."""
    from pantau.cases.fields import SHARED
    from pantau.query_input import build_query
    from pantau.search import fields

    shared = {p for n in SHARED for p in fields.FILTERS_BY_NAME[n].params}
    values = {p: getattr(query, p) for p in shared}
    others = {p: getattr(query, p) for p in fields.FILTER_PARAMS if p not in shared and getattr(query, p, None)}
    ids = cases_with_articles(conn, backend.iter_ids(build_query(**others))) if others else None
    return CaseQuery(**values, **case_only, ids=ids)
