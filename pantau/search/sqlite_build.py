"""Writing a fresh embedded index file (SQLite FTS5) from IndexDocuments.

The file is written once, in one transaction with journaling off, and never modified after:
``SqliteBackend.rebuild`` writes it under a temporary name and renames it into place. FTS5
merging is switched off while loading and done once at the end (``optimize``); secondary
indexes are created after the rows are in.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path

from pantau.search.analysis import stem, stem_tokens, tokens
from pantau.search.base import IndexDocument

SCHEMA_VERSION = "1"
TITLE_WEIGHT = 4.0
BATCH = 500
_CONTROL = str.maketrans({"\x02": " ", "\x03": " "})  # our snippet markers

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
    doc INTEGER PRIMARY KEY,          -- FTS rowid
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_type TEXT NOT NULL,
    doc_type TEXT,
    published_at TEXT,                -- ISO 8601 with the original offset
    published_date TEXT,              -- YYYY-MM-DD in the original offset
    sort_key TEXT NOT NULL,           -- UTC 'YYYY-MM-DDTHH:MM:SS'; '' when undated
    month TEXT,                       -- YYYY-MM
    week TEXT,                        -- ISO week YYYY-Www
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    extra TEXT NOT NULL               -- JSON: violation_types, region_codes
);
CREATE TABLE doc_regions (code TEXT NOT NULL, depth INTEGER NOT NULL, doc INTEGER NOT NULL,
                          PRIMARY KEY (code, doc)) WITHOUT ROWID;
CREATE TABLE doc_violations (type TEXT NOT NULL, doc INTEGER NOT NULL,
                             PRIMARY KEY (type, doc)) WITHOUT ROWID;
CREATE TABLE doc_officials (official_id TEXT NOT NULL, doc INTEGER NOT NULL,
                            PRIMARY KEY (official_id, doc)) WITHOUT ROWID;
CREATE TABLE sources (id TEXT PRIMARY KEY, name TEXT, type TEXT NOT NULL);
CREATE TABLE vocab (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
CREATE VIEW fts_content AS
    SELECT doc, title, body, NULL AS title_stem, NULL AS body_stem FROM docs;
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, title_stem, body_stem,
    content='fts_content', content_rowid='doc', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES ('automerge', 0);
INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25({TITLE_WEIGHT}, 1.0, {TITLE_WEIGHT}, 1.0)');
"""

INDEXES = """
CREATE UNIQUE INDEX docs_id ON docs(id);
CREATE INDEX docs_sort ON docs(sort_key, id);
CREATE INDEX docs_date ON docs(published_date);
CREATE INDEX docs_doc_type ON docs(doc_type);
CREATE INDEX docs_source ON docs(source_id);
CREATE INDEX docs_source_type ON docs(source_type);
CREATE INDEX doc_regions_doc ON doc_regions(doc, depth, code);
CREATE INDEX doc_regions_depth ON doc_regions(depth, code);
CREATE INDEX doc_violations_doc ON doc_violations(doc, type);
CREATE INDEX vocab_stem ON vocab(stem);
"""


class IndexWriter:
    """Writes documents to a new index file: ``add`` each, then ``finish``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -262144",
                       "temp_store = MEMORY", "locking_mode = EXCLUSIVE"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript(SCHEMA)
        self.conn.execute("BEGIN")
        self.count = 0
        self._rows: dict[str, list] = {k: [] for k in ("docs", "fts", "regions", "violations", "officials")}
        self._sources: dict[str, tuple] = {}
        self._seen: set[str] = set()
        self._vocab: list[tuple[str, str]] = []

    def add_all(self, docs: Iterable[IndexDocument]) -> int:
        for doc in docs:
            self.add(doc)
        return self.count

    def add(self, doc: IndexDocument) -> None:
        self.count += 1
        n = self.count
        body = doc.text.translate(_CONTROL)
        self._rows["docs"].append(doc_row(n, doc, body))
        self._rows["fts"].append((n, doc.title, body, self._stemmed(doc.title), self._stemmed(body)))
        self._rows["regions"].extend((c, c.count(".") + 1, n) for c in set(doc.region_codes))
        self._rows["violations"].extend((v, n) for v in set(doc.violation_types))
        self._rows["officials"].extend((o, n) for o in set(doc.official_ids))
        self._sources.setdefault(doc.source_id, (doc.source_id, doc.source_name, doc.source_type))
        if n % BATCH == 0:
            self._flush()

    def finish(self) -> int:
        """Write what is pending, build indexes, merge the FTS index and close the file."""
        self._flush()
        conn = self.conn
        conn.executemany("INSERT INTO sources VALUES (?, ?, ?)", list(self._sources.values()))
        conn.executemany("INSERT INTO vocab VALUES (?, ?)", self._vocab)
        for statement in filter(str.strip, INDEXES.split(";")):
            conn.execute(statement)
        conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        built = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("schema_version", SCHEMA_VERSION), ("documents", str(self.count)), ("built_at", built)])
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.close()
        return self.count

    def abort(self) -> None:
        self.conn.close()

    def _stemmed(self, text: str) -> str:
        words = tokens(text)
        for word in set(words).difference(self._seen):
            self._seen.add(word)
            stemmed = stem(word)
            if stemmed != word:
                self._vocab.append((word, stemmed))
        return " ".join(stem_tokens(words))

    def _flush(self) -> None:
        rows, conn = self._rows, self.conn
        conn.executemany(f"INSERT INTO docs VALUES ({', '.join('?' * 14)})", rows["docs"])
        conn.executemany("INSERT INTO fts(rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)",
                         rows["fts"])
        conn.executemany("INSERT INTO doc_regions VALUES (?, ?, ?)", rows["regions"])
        conn.executemany("INSERT INTO doc_violations VALUES (?, ?)", rows["violations"])
        conn.executemany("INSERT INTO doc_officials VALUES (?, ?)", rows["officials"])
        for batch in rows.values():
            batch.clear()


def doc_row(n: int, doc: IndexDocument, body: str) -> tuple:
    day = doc.published_date
    month = day[:7] if day else None
    week = iso_week(day) if day else None
    extra = json.dumps({"violation_types": doc.violation_types, "region_codes": doc.region_codes},
                       ensure_ascii=False, separators=(",", ":"))
    return (n, doc.id, doc.url, doc.source_id, doc.source_type, doc.doc_type, doc.published_at,
            day, sort_key(doc), month, week, doc.title, body, extra)


def sort_key(doc: IndexDocument) -> str:
    """UTC time of publication as a sortable string; the date alone when there is no time;
    '' for an undated document (sorts as the oldest)."""
    if doc.published_at:
        value = datetime.fromisoformat(doc.published_at.replace("Z", "+00:00"))
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{doc.published_date}T00:00:00" if doc.published_date else ""


def iso_week(day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"
