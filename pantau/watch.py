"""Saved searches (``pantau watch``): a name and the parameters of a search page or of
``/v1/articles``; each run reports the articles that match now and were not reported before.

State lives in its own SQLite file beside the archive (``PANTAU_DATA_DIR/watch.sqlite3``):
the saved searches and, per search, the ids already reported. ``add`` records what matches
when the search is saved, so the first run reports only what arrived since. A run finds the
new ids (the search backend's ``iter_ids``, every match), and ``mark_reported`` records them
in one transaction once the report was delivered (printed, written, e-mailed): a run killed
or failing before that reports the same articles again, never loses one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from pantau.errors import Conflict, InvalidInput, NotFound
from pantau.query_input import query_from_pairs

FILE_NAME = "watch.sqlite3"
# page and list parameters a saved address may carry; a watch takes its filters only
IGNORED = ("sort", "cursor", "limit", "facets", "lang", "format", "interval", "split")
SCHEMA = """
CREATE TABLE IF NOT EXISTS watches (
    name TEXT PRIMARY KEY, params TEXT NOT NULL, email TEXT, created_at TEXT NOT NULL,
    last_run TEXT);
CREATE TABLE IF NOT EXISTS reported (
    watch TEXT NOT NULL REFERENCES watches(name) ON DELETE CASCADE, article_id TEXT NOT NULL,
    PRIMARY KEY (watch, article_id)) WITHOUT ROWID;
"""


@dataclass
class Watch:
    name: str
    params: str
    email: str | None
    created_at: str
    last_run: str | None
    reported: int = 0

    @property
    def query(self):
        return query_from_pairs(parse_qsl(self.params, keep_blank_values=True), IGNORED)


@dataclass
class Report:
    watch: Watch
    new: list[dict] = field(default_factory=list)  # id, title, url, source_id, published_at


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def normalise(spec: str) -> str:
    """A search address (``http://host/?q=...``, ``/v1/articles?...``) or bare parameters
    (``q=camat&region=33``) -> its filter parameters as a query string, checked."""
    text = spec.strip()
    query = urlsplit(text).query if ("://" in text or text.startswith("/") or "?" in text) else text
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if v != ""]
    query_from_pairs(pairs, IGNORED)  # raises InvalidInput on a bad filter
    kept = [(k, v) for k, v in pairs if k not in IGNORED]
    if not kept:
        raise InvalidInput("a saved search needs at least one filter or words (e.g. 'q=camat&region=33')")
    return urlencode(kept)


class WatchStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "WatchStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, name: str, params: str, email: str | None, current_ids) -> None:
        if not name.strip() or len(name) > 100:
            raise InvalidInput("a watch name is 1 to 100 characters")
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.conn.execute("SELECT 1 FROM watches WHERE name = ?", (name,)).fetchone():
                raise Conflict(f"a watch named {name!r} exists; remove it first")
            self.conn.execute("INSERT INTO watches VALUES (?, ?, ?, ?, NULL)", (name, params, email, _now()))
            self.conn.executemany("INSERT INTO reported VALUES (?, ?)", ((name, i) for i in current_ids))

    def remove(self, name: str) -> None:
        with self.conn:
            if self.conn.execute("DELETE FROM watches WHERE name = ?", (name,)).rowcount == 0:
                raise NotFound(f"no watch named {name!r}")

    def list(self, names: list[str] | None = None) -> list[Watch]:
        rows = self.conn.execute(
            "SELECT w.*, (SELECT count(*) FROM reported r WHERE r.watch = w.name) FROM watches w "
            "ORDER BY name").fetchall()
        out = [Watch(*row) for row in rows]
        missing = set(names or ()) - {w.name for w in out}
        if missing:
            raise NotFound(f"no watch named {', '.join(sorted(missing))}")
        return [w for w in out if not names or w.name in names]

    def new_ids(self, watch: Watch, matching) -> list[str]:
        """Those of ``matching`` not reported for ``watch`` yet, in their order."""
        seen = {r[0] for r in self.conn.execute("SELECT article_id FROM reported WHERE watch = ?",
                                                (watch.name,))}
        return [i for i in matching if i not in seen]

    def mark_reported(self, reports: list[Report]) -> None:
        """Record a run's reports as delivered: one transaction for all of them."""
        now = _now()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            for report in reports:
                self.conn.executemany("INSERT OR IGNORE INTO reported VALUES (?, ?)",
                                      ((report.watch.name, a["id"]) for a in report.new))
                self.conn.execute("UPDATE watches SET last_run = ? WHERE name = ?", (now, report.watch.name))


def run(store: WatchStore, archive, backend, names: list[str] | None = None) -> list[Report]:
    """What is new for each watch (nothing is recorded: see ``WatchStore.mark_reported``)."""
    from pantau.records import article_refs

    reports = []
    for watch in store.list(names):
        new = store.new_ids(watch, backend.iter_ids(watch.query))
        reports.append(Report(watch, article_refs(archive, new)))
    return reports


def as_text(reports: list[Report], base_url: str) -> str:
    lines = []
    for report in reports:
        w = report.watch
        lines.append(f"{w.name} ({w.params}): {len(report.new)} new")
        for a in report.new:
            day = (a["published_at"] or "")[:10] or "undated"
            lines.append(f"  {day}  {a['title']}  {base_url.rstrip('/')}/articles/{a['id']}")
    return "\n".join(lines) + "\n"


def as_json(reports: list[Report], base_url: str) -> list[dict]:
    return [{"name": r.watch.name, "params": r.watch.params,
             "search_url": f"{base_url.rstrip('/')}/?{r.watch.params}",
             "new": [{**a, "page": f"{base_url.rstrip('/')}/articles/{a['id']}"} for a in r.new]}
            for r in reports]
