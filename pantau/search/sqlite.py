"""The embedded search backend: SQLite FTS5 in its own file beside the archive.

    backend = SqliteBackend(settings.data_dir / "search.sqlite3")
    backend.rebuild(build_documents(archive))
    page = backend.search(SearchQuery(q="netralitas camat", region=["33"], facets=["regency"]))

The index file is read-only once built. ``rebuild`` writes a new file and renames it over
the old one, so searches never wait: each thread's connection notices the new file (by
inode) on its next query, and a running export keeps reading the file it started with.
Sorting: relevance is bm25 with the title weighted (newest first without a text query);
newest/oldest by UTC publication time then id, undated documents counting as the oldest.
"""

from __future__ import annotations

import html
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search.base import IndexDocument, IndexStats, SearchBackend
from pantau.search.cursor import decode_cursor, encode_cursor
from pantau.search.facets import facet_counts
from pantau.search.fts import highlight_expression, match_expression
from pantau.search.query import Hit, SearchPage, SearchQuery, TextQuery, TimelineBucket, parse_text
from pantau.search.sql import TEXT, Condition, conditions, where
from pantau.search.sqlite_build import IndexWriter

INDEX_NAME = "search.sqlite3"
SNIPPET_TOKENS = 32
LEAD_WORDS = 40
EXPORT_BATCH = 1000
_HIT_COLUMNS = "d.doc, d.id, d.title, d.url, d.source_id, d.source_type, d.published_at, d.doc_type, d.extra, d.sort_key"
_SPLITS = {
    "violation_type": ("JOIN doc_violations s ON s.doc = d.doc", "s.type"),
    "province": ("JOIN doc_regions s ON s.doc = d.doc AND s.depth = 1", "s.code"),
}


class SqliteBackend(SearchBackend):
    name = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._local = threading.local()

    # -- building ------------------------------------------------------------------------

    def rebuild(self, docs: Iterable[IndexDocument]) -> IndexStats:
        started = time.monotonic()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.building-{os.getpid()}-{threading.get_ident()}")
        tmp.unlink(missing_ok=True)
        writer = IndexWriter(tmp)
        try:
            writer.add_all(docs)
            count = writer.finish()
            os.replace(tmp, self.path)
        except BaseException:
            writer.abort()
            tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(self.path.parent)
        return IndexStats(backend=self.name, index=str(self.path), documents=count,
                          seconds=round(time.monotonic() - started, 3))

    # -- reading -------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchPage:
        conn = self._conn()
        text = parse_text(query.q)
        conds = self._conditions(query, text)
        rows = self._page_rows(conn, query, text, conds)
        more = len(rows) > query.limit
        rows = rows[:query.limit]
        hits = [self._hit(r, query) for r in rows]
        self._add_snippets(conn, text, rows, hits)
        cursor = encode_cursor(_sort(query, text), _key(rows[-1], query, text)) if more and rows else None
        return SearchPage(total=self._count(conn, conds), hits=hits, next_cursor=cursor,
                          facets=facet_counts(conn, conds, query.facets))

    def count(self, query: SearchQuery) -> int:
        conn = self._conn()
        return self._count(conn, self._conditions(query, parse_text(query.q)))

    def timeline(self, query: SearchQuery, interval: Literal["week", "month"],
                 split: Literal["violation_type", "province"] | None = None) -> list[TimelineBucket]:
        if interval not in ("week", "month"):
            raise InvalidInput(f"interval must be 'week' or 'month', not {interval!r}")
        if split is not None and split not in _SPLITS:
            raise InvalidInput(f"split must be one of {', '.join(_SPLITS)}, not {split!r}")
        conn = self._conn()
        conds = self._conditions(query, parse_text(query.q))
        join, key = _SPLITS[split] if split else ("", "NULL")
        clause, params = where(conds, extra=[Condition("", f"d.{interval} IS NOT NULL")])
        sql = (f"SELECT d.{interval}, {key}, count(*) FROM docs d {join} {clause} "
               f"GROUP BY 1, 2 ORDER BY 1, 2")
        return [TimelineBucket(period=p, key=k, count=n) for p, k, n in conn.execute(sql, params)]

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        """Newest first (UTC time, then id, both descending), streamed from one statement on
        a connection of its own: an export reads one consistent index even across a rebuild."""
        conn = self._open()
        try:
            conds = self._conditions(query, parse_text(query.q))
            clause, params = where(conds)
            cursor = conn.execute(f"SELECT d.id FROM docs d {clause} ORDER BY d.sort_key DESC, d.id DESC",
                                  params)
            while batch := cursor.fetchmany(EXPORT_BATCH):
                for (doc_id,) in batch:
                    yield doc_id
        finally:
            conn.close()

    def health(self) -> dict:
        conn = self._conn()
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        return {"backend": self.name, "index": str(self.path), "documents": int(meta.get("documents", 0)),
                "built_at": meta.get("built_at"), "schema_version": meta.get("schema_version")}

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- internals -----------------------------------------------------------------------

    def _conditions(self, query: SearchQuery, text: TextQuery) -> list[Condition]:
        return conditions(query, match_expression(text) if not text.empty else None)

    def _page_rows(self, conn, query: SearchQuery, text: TextQuery, conds: list[Condition]) -> list:
        sort = _sort(query, text)
        key = decode_cursor(query.cursor, sort, 2) if query.cursor else None
        if sort == "relevance":
            return self._relevance_rows(conn, query, conds, key)
        op, order = (">", "ASC") if sort == "oldest" else ("<", "DESC")
        extra = [Condition("", f"(d.sort_key, d.id) {op} (?, ?)", tuple(map(str, key)))] if key else []
        clause, params = where(conds, extra=extra)
        sql = (f"SELECT {_HIT_COLUMNS}, NULL FROM docs d {clause} "
               f"ORDER BY d.sort_key {order}, d.id {order} LIMIT ?")
        return _run(conn, sql, [*params, query.limit + 1])

    def _relevance_rows(self, conn, query: SearchQuery, conds: list[Condition], key: list | None) -> list:
        match = next(c for c in conds if c.key == TEXT)
        extra = []
        if key:
            if not isinstance(key[0], (int, float)):
                raise InvalidInput("the cursor is not valid: pass next_cursor from the previous page unchanged")
            extra = [Condition("", "(fts.rank > ? OR (fts.rank = ? AND d.id > ?))", (key[0], key[0], str(key[1])))]
        clause, params = where([c for c in conds if c.key != TEXT], extra=extra)
        clause = "WHERE fts MATCH ?" + (" AND " + clause[len("WHERE "):] if clause else "")
        sql = (f"SELECT {_HIT_COLUMNS}, fts.rank FROM fts JOIN docs d ON d.doc = fts.rowid "
               f"{clause} ORDER BY fts.rank, d.id LIMIT ?")
        return _run(conn, sql, [*match.params, *params, query.limit + 1])

    def _count(self, conn, conds: list[Condition]) -> int:
        clause, params = where(conds)
        return _run(conn, f"SELECT count(*) FROM docs d {clause}", params)[0][0]

    def _hit(self, row, query: SearchQuery) -> Hit:
        extra = json.loads(row[8])
        return Hit(id=row[1], score=None if row[10] is None else -row[10], title=row[2], url=row[3],
                   source_id=row[4], source_type=row[5], published_at=row[6], doc_type=row[7],
                   violation_types=extra["violation_types"], region_codes=extra["region_codes"])

    def _add_snippets(self, conn, text: TextQuery, rows: list, hits: list[Hit]) -> None:
        expression = highlight_expression(text, conn) if not text.empty else None
        for row, hit in zip(rows, hits):
            found = None
            if expression:
                found = conn.execute(
                    f"SELECT snippet(fts, 1, char(2), char(3), '…', {SNIPPET_TOKENS}) FROM fts "
                    "WHERE fts MATCH ? AND rowid = ?", (expression, row[0])).fetchone()
            hit.snippet = _marked(found[0]) if found else _lead(conn, row[0])

    def _conn(self) -> sqlite3.Connection:
        """This thread's connection to the current index file (reopened after a rebuild)."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            raise BackendUnavailable(f"no search index at {self.path}: run `pantau index` first",
                                     detail={"index": str(self.path)}) from None
        identity = (stat.st_dev, stat.st_ino, stat.st_mtime_ns)
        local = self._local
        if getattr(local, "conn", None) is None or local.identity != identity:
            self.close()
            local.conn, local.identity = self._open(), identity
        return local.conn

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise BackendUnavailable(f"no search index at {self.path}: run `pantau index` first")
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
            conn.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"the search index at {self.path} cannot be read ({exc}): "
                                     "run `pantau index` to rebuild it") from exc
        return conn


def _run(conn: sqlite3.Connection, sql: str, params: list) -> list:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc):
            raise InvalidInput(f"the query cannot be searched: {exc}") from exc
        raise


def _sort(query: SearchQuery, text: TextQuery) -> str:
    return "newest" if query.sort == "relevance" and text.empty else query.sort


def _key(row, query: SearchQuery, text: TextQuery) -> list:
    if _sort(query, text) == "relevance":
        return [row[10], row[1]]
    return [row[9], row[1]]


def _marked(snippet: str) -> str:
    return html.escape(snippet, quote=False).replace("\x02", "<mark>").replace("\x03", "</mark>")


def _lead(conn: sqlite3.Connection, doc: int) -> str:
    body = conn.execute("SELECT substr(body, 1, 2000) FROM docs WHERE doc = ?", (doc,)).fetchone()[0]
    words = body.split()
    lead = " ".join(words[:LEAD_WORDS]) + (" …" if len(words) > LEAD_WORDS else "")
    return html.escape(lead, quote=False)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
