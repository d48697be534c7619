"""The embedded search backend: SQLite FTS5 in its own file beside the archive.

    backend = SqliteBackend(settings.data_dir / "search.sqlite3")
    backend.rebuild(build_documents(archive))
    page = backend.search(SearchQuery(q="netralitas camat", region=["33"], facets=["regency"]))

Words are found through stem postings and ranked by bm25 (title weighted) in numpy;
FTS5 finds "quoted phrases" and cuts snippets (``pantau.search.text``); filters, counts, facets,
timelines and date order run over numpy columns stored in the same file
(``pantau.search.columns``). The file is read-only once built: ``rebuild`` writes a new one
and renames it over the old, so searches never wait. Each thread's connection notices the new
file on its next query; a running export keeps reading the file it started with.

Order: relevance is bm25 then document number (newest first when there is no text);
newest/oldest is UTC publication time then id, undated documents counting as the oldest.
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

import numpy as np

from pantau.atomic import partial_path, recover
from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search.analysis import seed_cache
from pantau.search.base import IndexDocument, IndexStats, SearchBackend
from pantau.search.columns import Columns
from pantau.search.cursor import decode_cursor, encode_cursor
from pantau.search.facets import facet_counts
from pantau.search.filters import combine, masks
from pantau.search.fts import highlight_expression
from pantau.search.query import Hit, SearchPage, SearchQuery, TextQuery, TimelineBucket, parse_text
from pantau.search.sqlite_build import IndexWriter, previous_stems
from pantau.search.text import evaluate

INDEX_NAME = "search.sqlite3"
SNIPPET_TOKENS = 32
LEAD_WORDS = 40
EXPORT_BATCH = 1000
_BAD_CURSOR = "the cursor is not valid: pass next_cursor from the previous page unchanged"
_columns_cache: dict[str, Columns] = {}
_columns_lock = threading.Lock()


class SqliteBackend(SearchBackend):
    name = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._local = threading.local()

    # -- building ------------------------------------------------------------------------

    def rebuild(self, docs: Iterable[IndexDocument]) -> IndexStats:
        started = time.monotonic()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        recover(self.path.parent)  # what killed builds left (pantau.atomic)
        tmp = partial_path(self.path, tag=str(threading.get_ident()))
        tmp.unlink(missing_ok=True)
        seed_cache(previous_stems(self.path))
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
        conn, cols = self._snapshot()
        text = parse_text(query.q)
        sort = _sort(query, text)
        scored = None
        if sort == "relevance":  # the text's matches and bm25 (words: postings; phrases: FTS5)
            matched, bm25 = evaluate(conn, cols, text)
            found = masks(cols, conn, query, matched)
            selected = combine(cols.n, found)
            docs = np.flatnonzero(selected)
            scored = (docs + 1, -bm25[docs])  # negated: ascending is best first
        else:
            found = self._masks(conn, cols, query, text)
            selected = combine(cols.n, found)
        if scored is not None:
            docs = _relevance_page(scored, query)
        else:
            docs = self._time_page(conn, cols, query, sort, selected)
        scores = {d: float(-bm25[d - 1]) for d in docs} if scored is not None else None
        hits = self._hits(conn, docs[:query.limit], scores)
        self._add_snippets(conn, text, hits)
        cursor = None
        if len(docs) > query.limit and hits:
            hit, doc = hits[-1]
            last = [scores[doc], doc] if scores is not None else [int(cols.sort[doc - 1]), hit.id]
            cursor = encode_cursor(sort, last)
        total = cols.n if selected is None else int(selected.sum())
        return SearchPage(total=total, hits=[h for h, _ in hits], next_cursor=cursor,
                          facets=facet_counts(cols, conn, found, query.facets))

    def count(self, query: SearchQuery) -> int:
        conn, cols = self._snapshot()
        selected = combine(cols.n, self._masks(conn, cols, query, parse_text(query.q)))
        return cols.n if selected is None else int(selected.sum())

    def timeline(self, query: SearchQuery, interval: Literal["week", "month"],
                 split: Literal["violation_type", "province"] | None = None) -> list[TimelineBucket]:
        if interval not in ("week", "month"):
            raise InvalidInput(f"interval must be 'week' or 'month', not {interval!r}")
        if split not in (None, "violation_type", "province"):
            raise InvalidInput(f"split must be 'violation_type' or 'province', not {split!r}")
        conn, cols = self._snapshot()
        selected = combine(cols.n, self._masks(conn, cols, query, parse_text(query.q)))
        return _timeline(cols, selected, interval, split)

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        """Newest first (UTC time, then id, both descending). Reads one index file from start
        to end, even if a rebuild replaces it meanwhile."""
        conn = self._open()
        try:
            cols = _load_columns(conn)
            selected = combine(cols.n, self._masks(conn, cols, query, parse_text(query.q)))
            order = cols.order[::-1]
            positions = order if selected is None else order[selected[order]]
            for start in range(0, len(positions), EXPORT_BATCH):
                batch = (positions[start:start + EXPORT_BATCH] + 1).tolist()
                ids = dict(conn.execute(f"SELECT doc, id FROM docs WHERE doc IN ({_marks(batch)})", batch))
                yield from (ids[d] for d in batch)
        finally:
            conn.close()

    def health(self) -> dict:
        conn, _ = self._snapshot()
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key != 'vocabularies'"))
        return {"backend": self.name, "index": str(self.path), "documents": int(meta.get("documents", 0)),
                "built_at": meta.get("built_at"), "build_id": meta.get("build_id")}

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- filtering and pages -------------------------------------------------------------

    def _masks(self, conn, cols: Columns, query: SearchQuery, text: TextQuery) -> dict:
        matched = None if text.empty else evaluate(conn, cols, text, scoring=False)[0]
        return masks(cols, conn, query, matched)

    def _time_page(self, conn, cols: Columns, query: SearchQuery, sort: str, selected) -> list[int]:
        """Document numbers of the page and one more, in time order."""
        in_order = np.ones(cols.n, bool) if selected is None else selected[cols.order]
        n = query.limit + 1
        if sort == "oldest":
            start = _position(conn, cols, query.cursor, sort) if query.cursor else 0
            picked = start + np.flatnonzero(in_order[start:])[:n]
        else:
            end = _position(conn, cols, query.cursor, sort) if query.cursor else cols.n
            picked = np.flatnonzero(in_order[:end])[-n:][::-1]
        return (cols.order[picked] + 1).tolist()

    def _hits(self, conn, docs: list[int], scores: dict | None) -> list[tuple[Hit, int]]:
        if not docs:
            return []
        rows = {r[0]: r for r in conn.execute(
            "SELECT d.doc, d.id, d.source_id, d.source_type, d.doc_type, c.title, c.url, c.published_at, "
            f"c.extra FROM docs d JOIN content c ON c.doc = d.doc WHERE d.doc IN ({_marks(docs)})", docs)}
        out = []
        for doc in docs:
            _, id_, source_id, source_type, doc_type, title, url, published_at, extra = rows[doc]
            extra = json.loads(extra)
            hit = Hit(id=id_, score=-scores[doc] if scores else None, title=title, url=url, source_id=source_id, source_type=source_type,
                      published_at=published_at, doc_type=doc_type, violation_types=extra["violation_types"],
                      region_codes=extra["region_codes"])
            out.append((hit, doc))
        return out

    def _add_snippets(self, conn, text: TextQuery, hits: list[tuple[Hit, int]]) -> None:
        expression = highlight_expression(text, conn) if not text.empty else None
        for hit, doc in hits:
            found = None
            if expression:
                found = conn.execute(
                    f"SELECT snippet(fts, 1, char(2), char(3), '…', {SNIPPET_TOKENS}) FROM fts "
                    "WHERE fts MATCH ? AND rowid = ?", (expression, doc)).fetchone()
            hit.snippet = _marked(found[0]) if found else _lead(conn, doc)

    # -- connections ---------------------------------------------------------------------

    def _snapshot(self) -> tuple[sqlite3.Connection, Columns]:
        """This thread's connection to the current index file and the file's columns."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            raise BackendUnavailable(f"no search index at {self.path}: run `pantau index` first",
                                     detail={"index": str(self.path)}) from None
        identity = (stat.st_dev, stat.st_ino, stat.st_mtime_ns)
        local = self._local
        if getattr(local, "conn", None) is None or local.identity != identity:
            self.close()
            local.conn = self._open()
            local.identity, local.columns = identity, _load_columns(local.conn)
        return local.conn, local.columns

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise BackendUnavailable(f"no search index at {self.path}: run `pantau index` first")
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False, isolation_level=None)
            conn.execute("SELECT 1 FROM columns, postings LIMIT 1")
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"the search index at {self.path} cannot be read ({exc}): "
                                     "run `pantau index` to rebuild it") from exc
        return conn


def _relevance_page(scored: tuple, query: SearchQuery) -> list[int]:
    """Document numbers of the page and one more: bm25 ascending (best first), then number."""
    docs, scores = scored
    if query.cursor:
        score, doc = decode_cursor(query.cursor, "relevance", 2)
        if not isinstance(score, (int, float)) or not isinstance(doc, int):
            raise InvalidInput(_BAD_CURSOR)
        after = (scores > score) | ((scores == score) & (docs > doc))
        docs, scores = docs[after], scores[after]
    n = query.limit + 1
    if len(docs) > n:
        part = np.argpartition(scores, n)[:n]
        cut = scores[part].max()
        keep = scores <= cut
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, scores))[:n]
    return docs[order].tolist()


def _load_columns(conn: sqlite3.Connection) -> Columns:
    build_id = conn.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()[0]
    with _columns_lock:
        cols = _columns_cache.get(build_id)
        if cols is None:
            cols = Columns.load(conn)
            if len(_columns_cache) >= 4:
                _columns_cache.pop(next(iter(_columns_cache)))
            _columns_cache[build_id] = cols
    return cols


def _position(conn, cols: Columns, cursor: str, sort: str) -> int:
    """Where the cursor's (time, id) falls in ``cols.order``: the number of documents before
    it, counting documents equal to it for "oldest" (the next page starts after them)."""
    value, doc_id = decode_cursor(cursor, sort, 2)
    if not isinstance(value, int) or not isinstance(doc_id, str):
        raise InvalidInput(_BAD_CURSOR)
    lo = int(np.searchsorted(cols.sorted_keys, value, "left"))
    hi = int(np.searchsorted(cols.sorted_keys, value, "right"))
    tied = (cols.order[lo:hi] + 1).tolist()
    ids = [r[0] for r in conn.execute(f"SELECT id FROM docs WHERE doc IN ({_marks(tied)})", tied)] if tied else []
    return lo + sum(1 for i in ids if (i <= doc_id if sort == "oldest" else i < doc_id))


def _timeline(cols: Columns, selected, interval: str, split: str | None) -> list[TimelineBucket]:
    periods = getattr(cols, interval).astype(np.int64)
    if split is None:
        docs, keys, key_names = np.arange(cols.n), np.zeros(cols.n, np.int64), [None]
    elif split == "province":
        (docs, keys), key_names = cols.depth_entries(1), cols.vocabs["region"].values
    else:
        docs, keys, key_names = cols.violation_doc, cols.violation_code, cols.vocabs["violation"].values
    if selected is not None:
        keep = selected[docs]
        docs, keys = docs[keep], keys[keep]
    p = periods[docs]
    dated = p >= 0
    width = max(len(key_names), 1)
    counts = np.bincount(p[dated] * width + keys[dated].astype(np.int64))
    names = cols.vocabs[interval].values
    buckets = [TimelineBucket(period=names[i // width], key=key_names[i % width], count=int(counts[i]))
               for i in np.flatnonzero(counts)]
    return sorted(buckets, key=lambda b: (b.period, b.key or ""))


def _sort(query: SearchQuery, text: TextQuery) -> str:
    return "newest" if query.sort == "relevance" and text.empty else query.sort


def _marks(values) -> str:
    return ", ".join("?" for _ in values)


def _marked(snippet: str) -> str:
    return html.escape(snippet, quote=False).replace("\x02", "<mark>").replace("\x03", "</mark>")


def _lead(conn: sqlite3.Connection, doc: int) -> str:
    body = conn.execute("SELECT substr(body, 1, 2000) FROM content WHERE doc = ?", (doc,)).fetchone()[0]
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
