"""Read/write code of the crawler's tables (migration 3).

- ``crawl_ledger``: the coverage ledger, one row per source per UTC day: pages fetched,
  articles stored, off-topic articles, duplicates, unchanged pages (304), skips and
  failures by kind (JSON objects), and the time of the last successful fetch.
- ``crawl_urls``: what the crawler last did with each URL (by ``normalize_url``): status,
  outcome, capture and article ids, ETag/Last-Modified. It makes crawls incremental: a URL
  whose outcome is final is not fetched again unless the crawl is a refresh.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pantau.ids import normalize_url
from pantau.store.db import placeholders

COUNTERS = ("pages", "articles", "off_topic", "duplicates", "unchanged")
KINDS = ("skipped", "failures")
# Outcomes after which a URL is done until a refresh; anything else is retried next crawl.
# (too_old is not final: a later crawl with an earlier --since must see the article.)
FINAL_OUTCOMES = ("stored", "off_topic", "duplicate", "not_article", "unchanged", "gone", "not_html")


@dataclass
class Tally:
    """Counts to add to one ledger row."""

    pages: int = 0
    articles: int = 0
    off_topic: int = 0
    duplicates: int = 0
    unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    success: bool = False


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _merge(old: str, new: dict[str, int]) -> str:
    merged = json.loads(old or "{}")
    for key, value in new.items():
        merged[key] = merged.get(key, 0) + value
    return json.dumps(merged, sort_keys=True)


def add(conn: sqlite3.Connection, source_id: str, tally: Tally, when: datetime | None = None) -> None:
    """Add ``tally`` to the source's row of the day (call inside a transaction)."""
    when = (when or _now()).astimezone(timezone.utc)
    day = when.date().isoformat()
    row = conn.execute("SELECT skipped, failures FROM crawl_ledger WHERE source_id = ? AND day = ?",
                       (source_id, day)).fetchone()
    if row is None:
        conn.execute("INSERT INTO crawl_ledger (source_id, day) VALUES (?, ?)", (source_id, day))
        row = ("{}", "{}")
    sets = ", ".join(f"{c} = {c} + :{c}" for c in COUNTERS)
    params = {c: getattr(tally, c) for c in COUNTERS}
    params.update(source=source_id, day=day, skipped=_merge(row[0], tally.skipped),
                  failures=_merge(row[1], tally.failures),
                  success=when.isoformat() if tally.success else None)
    conn.execute(f"UPDATE crawl_ledger SET {sets}, skipped = :skipped, failures = :failures, "
                 "last_success = coalesce(:success, last_success) "
                 "WHERE source_id = :source AND day = :day", params)


def rows(conn: sqlite3.Connection, source_id: str | None = None, since_day: str | None = None) -> list[dict]:
    """Ledger rows (newest day first), with ``skipped``/``failures`` as dicts."""
    sql = "SELECT * FROM crawl_ledger WHERE 1=1"
    params: list = []
    if source_id:
        sql += " AND source_id = ?"
        params.append(source_id)
    if since_day:
        sql += " AND day >= ?"
        params.append(since_day)
    cursor = conn.execute(sql + " ORDER BY day DESC, source_id", params)
    names = [d[0] for d in cursor.description]
    out = []
    for values in cursor:
        row = dict(zip(names, values))
        row["skipped"], row["failures"] = json.loads(row["skipped"]), json.loads(row["failures"])
        out.append(row)
    return out


def last_success(conn: sqlite3.Connection) -> dict[str, str]:
    """Source id -> time of its last successful fetch."""
    return dict(conn.execute("SELECT source_id, max(last_success) FROM crawl_ledger "
                             "WHERE last_success IS NOT NULL GROUP BY source_id"))


# -- URL state --------------------------------------------------------------------------

@dataclass
class UrlState:
    url: str
    source_id: str
    outcome: str
    status: int | None = None
    final_url: str | None = None
    capture_id: str | None = None
    article_id: str | None = None
    etag: str | None = None
    last_modified: str | None = None


_URL_COLUMNS = ("url_key", "url", "source_id", "outcome", "status", "final_url", "capture_id",
                "article_id", "etag", "last_modified", "fetched_at")


def mark(conn: sqlite3.Connection, state: UrlState, when: datetime | None = None) -> None:
    """Record what happened to a URL, replacing the earlier record (inside a transaction)."""
    values = {**state.__dict__, "url_key": normalize_url(state.url),
              "fetched_at": (when or _now()).astimezone(timezone.utc).isoformat()}
    names = ", ".join(_URL_COLUMNS)
    conn.execute(f"INSERT OR REPLACE INTO crawl_urls ({names}) VALUES "
                 f"({', '.join(':' + c for c in _URL_COLUMNS)})", values)


def demote(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """The URLs that stored ``article_id`` now hold a duplicate (its cluster got a new
    representative); the sources of those URLs."""
    sources = [r[0] for r in conn.execute(
        "SELECT DISTINCT source_id FROM crawl_urls WHERE article_id = ? AND outcome = 'stored'", (article_id,))]
    conn.execute("UPDATE crawl_urls SET outcome = 'duplicate' WHERE article_id = ? AND outcome = 'stored'",
                 (article_id,))
    return sources


def get(conn: sqlite3.Connection, url: str) -> UrlState | None:
    row = conn.execute("SELECT url, source_id, outcome, status, final_url, capture_id, article_id, "
                       "etag, last_modified FROM crawl_urls WHERE url_key = ?",
                       (normalize_url(url),)).fetchone()
    return None if row is None else UrlState(*row)


def done_keys(conn: sqlite3.Connection, source_id: str) -> set[str]:
    """URL keys of the source whose outcome is final (not to be fetched again)."""
    marks = placeholders(FINAL_OUTCOMES)
    return {r[0] for r in conn.execute(
        f"SELECT url_key FROM crawl_urls WHERE source_id = ? AND outcome IN ({marks})",
        (source_id, *FINAL_OUTCOMES))}
