"""SQLite connections for the archive: WAL, foreign keys, busy timeout, explicit transactions."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pantau.errors import ArchiveError


def placeholders(values) -> str:
    """"?,?,?" for an ``IN (...)`` of ``values`` (one question mark per value)."""
    return ",".join("?" * len(values))


def connect(path: Path, *, busy_timeout_ms: int | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` with the archive's pragmas.

    The connection is in autocommit mode (``isolation_level=None``): nothing is grouped
    unless a caller opens a transaction with :func:`transaction`.
    """
    if busy_timeout_ms is None:
        from pantau.settings import get_settings

        busy_timeout_ms = get_settings().sqlite_busy_timeout_ms
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms / 1000)
    except (OSError, sqlite3.Error) as exc:
        raise ArchiveError(_unwritable(path) or f"cannot open the archive at {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = _enable_wal(conn, busy_timeout_ms)
        if str(mode).lower() != "wal":
            raise ArchiveError(f"cannot switch the archive at {path} to WAL mode (got {mode!r})")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ArchiveError(_unwritable(path) or f"{path} is not a usable Pantau archive: {exc}") from exc
    except ArchiveError:
        conn.close()
        raise
    return conn


def _unwritable(path: Path) -> str | None:
    """Why the archive at ``path`` cannot be written, if its directory is the cause."""
    directory = path.parent
    try:
        read_only = bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    except OSError:
        return None
    if read_only:
        why = "is on a read-only file system"
    elif not os.access(directory, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        why = "is not writable by this user"
    else:
        return None
    return (f"cannot open the archive at {path}: the data directory {directory} {why} (SQLite "
            "keeps its journal beside the archive). Nothing was changed; make it writable or "
            "point PANTAU_DATA_DIR elsewhere.")


def _enable_wal(conn: sqlite3.Connection, busy_timeout_ms: int) -> str:
    """Switch to WAL. On a brand-new file several processes may race to do it; SQLite then
    answers "database is locked" at once (the busy handler does not cover this pragma), so
    retry with a short back-off until the busy timeout."""
    deadline = time.monotonic() + busy_timeout_ms / 1000
    delay = 0.01
    while True:
        try:
            return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception.

    Nested use opens a SAVEPOINT, so an inner block that fails is undone on its own and the
    outer transaction goes on (or fails, if the exception is not caught).
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT pantau_nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO pantau_nested")
            conn.execute("RELEASE pantau_nested")
            raise
        conn.execute("RELEASE pantau_nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
