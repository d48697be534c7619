"""Articles read from the archive in batches, with their latest annotation, source, capture
time and officials registry ids: what the API's article pages and the exports show.

``load_records(archive, ids)`` answers one batch with five queries, whatever its size
(keep batches to about a thousand ids: SQLite limits the number of parameters).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from pantau.schema import Annotation, Article, Source
from pantau.store import rows
from pantau.store.db import placeholders

BATCH_SIZE = 1000


@dataclass
class Record:
    article: Article
    annotation_json: str | None  # the latest annotation as stored (JSON)
    source: Source | None
    fetched_at: str | None
    official_ids: list[str] = field(default_factory=list)

    @cached_property
    def annotation(self) -> Annotation | None:
        """The latest annotation, validated (``annotation_data`` is the cheaper plain form)."""
        return None if self.annotation_json is None else Annotation.model_validate_json(self.annotation_json)

    @cached_property
    def annotation_data(self) -> dict | None:
        """The latest annotation as plain JSON data (what exports read: no model validation)."""
        return None if self.annotation_json is None else json.loads(self.annotation_json)


def _articles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Article]:
    cursor = conn.execute(f"SELECT * FROM articles WHERE id IN ({placeholders(ids)})", ids)
    return {r["id"]: rows.article_from_row(r) for r in cursor}


def _annotations(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """The JSON of the latest annotation of each article."""
    cursor = conn.execute(
        f"SELECT article_id, data FROM annotations WHERE article_id IN ({placeholders(ids)}) "
        "ORDER BY created_at DESC, pipeline_version DESC", ids)
    out: dict[str, str] = {}
    for row in cursor:
        if row["article_id"] not in out:  # the first row is the latest annotation
            out[row["article_id"]] = row["data"]
    return out


def _fetched(conn: sqlite3.Connection, capture_ids: list[str]) -> dict[str, str]:
    if not capture_ids:
        return {}
    cursor = conn.execute(f"SELECT id, fetched_at FROM captures WHERE id IN ({placeholders(capture_ids)})",
                          capture_ids)
    return {r["id"]: r["fetched_at"] for r in cursor}


def _officials(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[str]]:
    cursor = conn.execute(f"SELECT DISTINCT article_id, official_id FROM official_mentions "
                          f"WHERE article_id IN ({placeholders(ids)}) ORDER BY article_id, official_id", ids)
    out: dict[str, list[str]] = {}
    for row in cursor:
        out.setdefault(row[0], []).append(row[1])
    return out


class SourcesOf(dict):
    """The archive's sources, each read the first time it is asked for (an article page
    needs one of them, an export of one outlet a few)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn

    def get(self, source_id: str, default=None) -> Source | None:  # type: ignore[override]
        if source_id not in self:
            row = self.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
            self[source_id] = rows.source_from_row(row) if row is not None else None
        found = self[source_id]
        return default if found is None else found


def load_records(archive, ids: list[str], sources: dict[str, Source] | None = None) -> list[Record]:
    """The records of ``ids`` in the order given; ids not in the archive are left out."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    conn = archive.conn
    if sources is None:
        sources = SourcesOf(conn)
    articles = _articles(conn, ids)
    annotations = _annotations(conn, list(articles))
    fetched = _fetched(conn, sorted({a.capture_id for a in articles.values()}))
    officials = _officials(conn, list(articles))
    return [Record(a, annotations.get(i), sources.get(a.source_id), fetched.get(a.capture_id),
                   officials.get(i, []))
            for i in ids if (a := articles.get(i)) is not None]


def iter_records(archive, ids: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Record]:
    """Records of a long stream of ids, read ``batch_size`` at a time (flat memory)."""
    sources = SourcesOf(archive.conn)
    it = iter(ids)
    while batch := list(islice(it, batch_size)):
        yield from load_records(archive, batch, sources)


def cluster_members(archive, cluster_id: str | None, limit: int = 100) -> list[dict]:
    """Other articles of a near-duplicate cluster (id, url, source, title, published_at)."""
    if not cluster_id:
        return []
    cursor = archive.conn.execute(
        "SELECT id, url, source_id, title, published_at FROM articles WHERE cluster_id = ? "
        "ORDER BY published_at, id LIMIT ?", (cluster_id, limit))
    return [dict(r) for r in cursor]


def capture_meta(archive, capture_id: str) -> dict:
    """final_url and HTTP status of a capture, without reading its body ({} if unknown)."""
    row = archive.conn.execute("SELECT final_url, status FROM captures WHERE id = ?",
                               (capture_id,)).fetchone()
    return {"final_url": row[0], "http_status": row[1]} if row else {}


def article_refs(archive, ids: list[str], limit: int | None = None) -> list[dict]:
    """id, title, url, source_id, published_at of ``ids`` (those in the archive), newest first."""
    rows = []
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start:start + BATCH_SIZE]
        rows += archive.conn.execute(
            f"SELECT id, title, url, source_id, published_at FROM articles WHERE id IN ({placeholders(chunk)})",
            chunk).fetchall()
    rows.sort(key=lambda r: (r["published_at"] or "", r["id"]), reverse=True)
    return [dict(r) for r in rows[:limit]]
