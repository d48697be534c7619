"""Read/write code of the near-duplicate index (tables of migration 2): one MinHash
signature and cluster id per article, and its LSH band keys. The algorithm lives in
``crawler.dedupe``; this module only stores and looks up."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pantau.store.db import placeholders


@dataclass(frozen=True)
class Entry:
    article_id: str
    content_hash: str
    scheme: str
    signature: bytes
    cluster_id: str


def _entry(row) -> Entry:
    return Entry(row[0], row[1], row[2], bytes(row[3]), row[4])


_COLUMNS = "article_id, content_hash, scheme, signature, cluster_id"


def get(conn: sqlite3.Connection, article_id: str) -> Entry | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM dedupe_signatures WHERE article_id = ?",
                       (article_id,)).fetchone()
    return None if row is None else _entry(row)


def put(conn: sqlite3.Connection, entry: Entry, band_keys: list[int]) -> None:
    """Replace the article's entry and band keys (call inside a transaction)."""
    delete(conn, entry.article_id)
    conn.execute(f"INSERT INTO dedupe_signatures ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                 (entry.article_id, entry.content_hash, entry.scheme, entry.signature, entry.cluster_id))
    conn.executemany("INSERT OR IGNORE INTO dedupe_bands (band_key, article_id) VALUES (?, ?)",
                     [(key, entry.article_id) for key in band_keys])


def relabel(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Give every member of cluster ``old`` the cluster id ``new`` (in the index, and in the
    articles table when the connection has one)."""
    conn.execute("UPDATE dedupe_signatures SET cluster_id = ? WHERE cluster_id = ?", (new, old))
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").fetchone():
        conn.execute("UPDATE articles SET cluster_id = ? WHERE cluster_id = ?", (new, old))


def delete(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute("DELETE FROM dedupe_bands WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM dedupe_signatures WHERE article_id = ?", (article_id,))


def same_hash(conn: sqlite3.Connection, content_hash: str, exclude: str) -> Entry | None:
    """The earliest-clustered other article with exactly this content hash."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM dedupe_signatures WHERE content_hash = ? AND "
                       "article_id != ? ORDER BY cluster_id, article_id LIMIT 1",
                       (content_hash, exclude)).fetchone()
    return None if row is None else _entry(row)


def candidates(conn: sqlite3.Connection, band_keys: list[int], scheme: str, exclude: str) -> list[Entry]:
    """Other articles (of the same signature scheme) sharing at least one band key."""
    if not band_keys:
        return []
    marks = placeholders(band_keys)
    rows = conn.execute(
        f"SELECT {', '.join('s.' + c.strip() for c in _COLUMNS.split(','))} FROM dedupe_signatures s "
        f"WHERE s.article_id IN (SELECT DISTINCT article_id FROM dedupe_bands WHERE band_key IN ({marks})) "
        "AND s.article_id != ? AND s.scheme = ? ORDER BY s.article_id", (*band_keys, exclude, scheme))
    return [_entry(r) for r in rows]


def members(conn: sqlite3.Connection, cluster_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT article_id FROM dedupe_signatures WHERE cluster_id = ? ORDER BY article_id", (cluster_id,))]


def clusters(conn: sqlite3.Connection, min_size: int = 2) -> dict[str, list[str]]:
    """Cluster id -> member article ids, for clusters of at least ``min_size`` members."""
    result: dict[str, list[str]] = {}
    for cluster_id, article_id in conn.execute(
            "SELECT cluster_id, article_id FROM dedupe_signatures ORDER BY cluster_id, article_id"):
        result.setdefault(cluster_id, []).append(article_id)
    return {k: v for k, v in result.items() if len(v) >= min_size}
