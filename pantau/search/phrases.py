"""The documents holding a "quoted phrase": FTS5 over the written text, in two halves.

Matching a phrase of common words reads long position lists (a third of a second at a
million documents). SQLite runs without Python's GIL, so the range of document numbers is
split: the querying thread matches the first half while a helper thread matches the second,
through its own connection to the same index file (checked by build id; when the file was
replaced meanwhile, the querying thread matches both halves itself). Small indexes are
matched in one go.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from pantau.errors import InvalidInput

SPLIT_ABOVE = 50_000  # documents; below, one query
_helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fts-phrase")
_local = threading.local()
_SQL = "SELECT group_concat(rowid) FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ?"


def phrase_docs(conn: sqlite3.Connection, n: int, expression: str) -> np.ndarray:
    """Document numbers (ascending) matching the FTS5 ``expression``, of ``n`` documents."""
    if n <= SPLIT_ABOVE:
        return _match(conn, expression, 1, n)
    middle = n // 2
    second = _helper.submit(_helper_match, _identity(conn), expression, middle + 1, n)
    first = _match(conn, expression, 1, middle)
    rest = second.result()
    if rest is None:
        rest = _match(conn, expression, middle + 1, n)
    return np.concatenate([first, rest])


def _match(conn: sqlite3.Connection, expression: str, low: int, high: int) -> np.ndarray:
    try:
        row = conn.execute(_SQL, (expression, low, high)).fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc):
            raise InvalidInput(f"the query cannot be searched: {exc}") from exc
        raise
    return np.fromstring(row, dtype=np.int64, sep=",") if row else np.zeros(0, np.int64)


def _identity(conn: sqlite3.Connection) -> tuple[str, str]:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    return path, conn.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()[0]


def _helper_match(identity: tuple[str, str], expression: str, low: int, high: int) -> np.ndarray | None:
    """The helper thread's half, or None when its file is not the querying thread's."""
    path, build_id = identity
    cached = getattr(_local, "conn", None)
    if cached is None or cached[0] != identity:
        if cached is not None:
            cached[1].close()
        _local.conn = None
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        found = conn.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()
        if not found or found[0] != build_id:
            conn.close()
            return None
        _local.conn = cached = (identity, conn)
    return _match(cached[1], expression, low, high)
