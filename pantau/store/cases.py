"""The case tables (migration 5): rebuilt whole from the latest annotations by ``pantau cases``.

``rebuild(archive)`` reads every incident article's latest annotation with its outlet,
publication day, near-duplicate cluster and registry persons, runs the case stage
(``pantau.cases``) and replaces the tables in one transaction: a killed run leaves the
previous cases. ``is_stale`` compares a stamp of the inputs and the stage's code version.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from pantau.cases import CaseInput, cases_of
from pantau.cases.inputs import build
from pantau.cases.records import Case
from pantau.errors import NotFound
from pantau.ids import files_digest
from pantau.officials_registry import normalize_name, official_id

_CODE = Path(__file__).resolve().parent.parent
VERSION_FILES = sorted((_CODE / "cases").glob("*.py")) + [_CODE / "data" / "case_rules.toml",
                                                          _CODE / "officials_registry.py"]

_INCIDENTS = """
SELECT n.article_id, n.data, a.source_id, a.published_at, a.cluster_id, a.title, a.text
FROM annotations n JOIN articles a ON a.id = n.article_id
WHERE (n.doc_type = 'incident' OR (n.doc_type = 'other' AND json_array_length(n.data, '$.incidents') > 1))
  AND n.rowid = (
    SELECT m.rowid FROM annotations m WHERE m.article_id = n.article_id
    ORDER BY m.created_at DESC, m.pipeline_version DESC LIMIT 1)
"""


def version() -> str:
    return files_digest(VERSION_FILES, _CODE).hexdigest()[:16]


def stamp(conn: sqlite3.Connection) -> str:
    """The stage's version and what it reads: annotations, registry, articles and clusters."""
    annotations = conn.execute("SELECT count(*), max(created_at) FROM annotations").fetchone()
    registry = conn.execute("SELECT value FROM officials_state WHERE key = 'stamp'").fetchone()
    articles = conn.execute("SELECT count(*), max(parsed_at), count(DISTINCT cluster_id) "
                            "FROM articles").fetchone()
    return json.dumps([version(), list(annotations), registry[0] if registry else None, list(articles)])


def is_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM cases_state WHERE key = 'stamp'").fetchone()
    return row is None or row[0] != stamp(conn)


def _persons(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT m.mention_id, m.article_id, m.official_id FROM official_mentions m "
                        "JOIN annotations n ON n.article_id = m.article_id AND n.doc_type IN ('incident', 'other')")
    return {(mid, aid): oid for mid, aid, oid in rows}


def inputs(conn: sqlite3.Connection) -> Iterator[CaseInput]:
    owner = _persons(conn)

    def person_of(aid: str, o: dict) -> str:
        mid = official_id(o.get("name", ""), o.get("org"), o.get("region_code"))
        return owner.get((mid, aid)) or "name:" + normalize_name(o.get("name", ""))

    for aid, data, source, published, cluster, title, text in conn.execute(_INCIDENTS):
        yield build({"id": aid, "source": source, "published": published, "cluster": cluster,
                     "title": title, "text": text}, json.loads(data), person_of)


def rebuild(archive) -> dict[str, int]:
    """Replace the case tables with cases built from the latest annotations."""
    from pantau.store.officials import ensure_fresh

    ensure_fresh(archive)
    conn = archive.conn
    cases = cases_of(inputs(conn))
    with archive.transaction():
        for table in ("case_terms", "case_articles", "cases"):
            conn.execute(f"DELETE FROM {table}")
        for case in cases:
            _insert(conn, case)
        conn.execute("INSERT OR REPLACE INTO cases_state (key, value) VALUES ('stamp', ?)", (stamp(conn),))
    return {"cases": len(cases), "articles": len({a for c in cases for a in c.articles})}


def terms(case: Case) -> set[tuple[str, str]]:
    """The (field, value) pairs the case is filtered and counted by."""
    out = {("status", case.status), ("stage_top", case.stage)}
    out |= {("stage", s.stage) for s in case.stages}
    out |= {("violation_type", v) for v in case.violation_types}
    out |= {("official", o) for o in case.subject.official_ids}
    out |= {("source", m.source) for m in case.members}
    for code in case.region_codes:
        parts = code.split(".")
        out |= {("region", ".".join(parts[:n])) for n in range(1, len(parts) + 1)}
        out.add(("province", code[:2]))
        if len(code) >= 5:
            out.add(("regency", code[:5]))
    if case.first_report:
        out.add(("month", case.first_report[:7]))
    return out


def _insert(conn: sqlite3.Connection, case: Case) -> None:
    conn.execute("INSERT INTO cases (id, first_report, last_report, stage, status, reports, data) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (case.id, case.first_report, case.last_report, case.stage, case.status, case.reports,
                  case.model_dump_json()))
    conn.executemany("INSERT OR IGNORE INTO case_articles (case_id, article_id, stage, score) "
                     "VALUES (?, ?, ?, ?)",
                     [(case.id, m.article, m.stage, m.score) for m in case.members])
    conn.executemany("INSERT INTO case_terms (case_id, field, value) VALUES (?, ?, ?)",
                     [(case.id, f, v) for f, v in sorted(terms(case))])


def get_case(conn: sqlite3.Connection, case_id: str) -> Case:
    row = conn.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound(f"case {case_id} not found", detail={"id": case_id})
    return Case.model_validate_json(row[0])


def cases_of_article(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    rows = conn.execute("SELECT c.id, c.stage, c.status, ca.stage FROM case_articles ca JOIN cases c "
                        "ON c.id = ca.case_id WHERE ca.article_id = ? ORDER BY c.first_report, c.id",
                        (article_id,))
    return [{"id": r[0], "stage": r[1], "status": r[2], "article_stage": r[3]} for r in rows]


def cases_of_official(conn: sqlite3.Connection, official: str) -> list[dict]:
    rows = conn.execute("SELECT c.id, c.stage, c.status, c.first_report FROM case_terms t JOIN cases c "
                        "ON c.id = t.case_id WHERE t.field = 'official' AND t.value = ? "
                        "ORDER BY c.first_report, c.id", (official,))
    return [{"id": r[0], "stage": r[1], "status": r[2], "first_report": r[3]} for r in rows]
