"""The officials registry tables (migration 4): build from annotations, list, get.

``rebuild(archive)`` reads the official mentions of every article's latest annotation,
merges them into persons with :func:`pantau.officials_registry.merge_mentions` and
replaces the tables in one transaction. ``ensure_fresh(archive)`` rebuilds only when the
annotations changed since the last build (a stamp in ``officials_state``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from pantau.errors import InvalidInput, NotFound
from pantau.officials_registry import assignments, merge_mentions, normalize_name
from pantau.schema import Official

_LATEST = """
SELECT n.article_id, n.data, a.published_at FROM annotations n JOIN articles a ON a.id = n.article_id
WHERE n.rowid = (SELECT m.rowid FROM annotations m WHERE m.article_id = n.article_id
                 ORDER BY m.created_at DESC, m.pipeline_version DESC LIMIT 1)
"""


def stamp(conn: sqlite3.Connection) -> str:
    """What the registry was built from: annotation count and newest annotation time."""
    count, newest = conn.execute("SELECT count(*), max(created_at) FROM annotations").fetchone()
    return f"{count}:{newest or ''}"


def is_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM officials_state WHERE key = 'stamp'").fetchone()
    return row is None or row[0] != stamp(conn)


def ensure_fresh(archive) -> bool:
    """Rebuild the registry if the annotations changed; return whether it was rebuilt."""
    if not is_stale(archive.conn):
        return False
    rebuild(archive)
    return True


def _mentions(conn: sqlite3.Connection) -> Iterator[dict]:
    for article_id, data, published in conn.execute(_LATEST):
        for m in json.loads(data).get("officials", []):
            yield {"name": m.get("name", ""), "role": m.get("role") or "", "org": m.get("org"),
                   "region_code": m.get("region_code"), "article_id": article_id,
                   "published": (published or "")[:10] or None}


def rebuild(archive) -> dict[str, int]:
    """Replace the registry with one built from the latest annotations."""
    conn = archive.conn
    mentions = list(_mentions(conn))
    persons = merge_mentions(mentions)
    with archive.transaction():
        conn.execute("DELETE FROM officials")
        for person in persons:
            _insert(conn, person)
        conn.executemany("INSERT OR IGNORE INTO official_mentions (mention_id, article_id, "
                         "official_id) VALUES (?, ?, ?)", sorted(assignments(persons, mentions)))
        conn.execute("INSERT OR REPLACE INTO officials_state (key, value) VALUES ('stamp', ?)",
                     (stamp(conn),))
    return {"mentions": len(mentions), "officials": len(persons)}


def _insert(conn: sqlite3.Connection, person: dict) -> None:
    roles = person["roles"]
    days = [d for r in roles for d in (r["first_seen"], r["last_seen"]) if d]
    conn.execute(
        "INSERT INTO officials (id, name, name_key, article_count, first_seen, last_seen, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (person["id"], person["name"], normalize_name(person["name"]), len(person["article_ids"]),
         min(days, default=None), max(days, default=None), Official(**person).model_dump_json()))
    conn.executemany(
        "INSERT INTO official_roles (official_id, role, role_key, org, region_code, first_seen, "
        "last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(person["id"], r["role"] or "", (r["role"] or "").lower(), r["org"], r["region_code"],
          r["first_seen"], r["last_seen"]) for r in roles])


# -- reading -----------------------------------------------------------------------------

def _filters(name: str | None, region: str | None, role: str | None,
             text: str | None = None) -> tuple[str, dict]:
    where, params = ["1=1"], {}
    if text and text.strip():
        where.append("(o.name_key LIKE :text ESCAPE '\\' OR EXISTS (SELECT 1 FROM official_roles r "
                     "WHERE r.official_id = o.id AND (r.role_key LIKE :text ESCAPE '\\' "
                     "OR lower(r.org) LIKE :text ESCAPE '\\')))")
        params["text"] = f"%{_escape(' '.join(text.lower().split()))}%"
    if name:
        key = normalize_name(name)
        if not key:
            raise InvalidInput("the name filter must contain letters", detail={"name": name})
        where.append("o.name_key LIKE :name ESCAPE '\\'")
        params["name"] = f"%{_escape(key)}%"
    if region:
        where.append("EXISTS (SELECT 1 FROM official_roles r WHERE r.official_id = o.id AND "
                     "(r.region_code = :region OR r.region_code LIKE :region_below))")
        params.update(region=region, region_below=f"{region}.%")
    if role:
        where.append("EXISTS (SELECT 1 FROM official_roles r WHERE r.official_id = o.id AND "
                     "r.role_key LIKE :role ESCAPE '\\')")
        params["role"] = f"%{_escape(role.strip().lower())}%"
    return " AND ".join(where), params


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_officials(conn: sqlite3.Connection, *, text: str | None = None, name: str | None = None,
                   region: str | None = None, role: str | None = None,
                   after: tuple[str, str] | None = None, limit: int = 20) -> tuple[list[Official], int]:
    """One page of officials ordered by name, after the (name_key, id) ``after``; and the
    total number of officials that match the filters. ``text`` is looked for in the name,
    the roles and the organisations; ``name`` in the name only (honorifics ignored)."""
    where, params = _filters(name, region, role, text)
    total = conn.execute(f"SELECT count(*) FROM officials o WHERE {where}", params).fetchone()[0]
    if after is not None:
        where += " AND (o.name_key, o.id) > (:after_key, :after_id)"
        params.update(after_key=after[0], after_id=after[1])
    rows = conn.execute(f"SELECT o.data FROM officials o WHERE {where} ORDER BY o.name_key, o.id "
                        "LIMIT :limit", {**params, "limit": int(limit)}).fetchall()
    return [Official.model_validate_json(r[0]) for r in rows], total


def sort_key(official: Official) -> tuple[str, str]:
    return normalize_name(official.name), official.id


def get_official(conn: sqlite3.Connection, official_id_: str) -> Official:
    row = conn.execute("SELECT data FROM officials WHERE id = ?", (official_id_,)).fetchone()
    if row is None:
        raise NotFound(f"official {official_id_} not found", detail={"id": official_id_})
    return Official.model_validate_json(row[0])


def refs_of_article(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """The registry persons (id, name) an article names."""
    rows = conn.execute("SELECT DISTINCT o.id, o.name FROM official_mentions m JOIN officials o "
                        "ON o.id = m.official_id WHERE m.article_id = ? ORDER BY o.name_key, o.id",
                        (article_id,))
    return [{"id": r[0], "name": r[1]} for r in rows]

