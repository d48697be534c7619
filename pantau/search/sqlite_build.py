"""Writing a fresh embedded index file (SQLite FTS5) from IndexDocuments.

The file is written once, in one transaction with journaling off, and never modified after:
``SqliteBackend.rebuild`` writes it under a temporary name and renames it into place. FTS5
holds the written text once (external content, no column sizes: bm25 is computed from the
stem postings, ``pantau.search.postings``); merging is switched off while loading and done
once at the end (``optimize``); FTS5 keeps up to 128 MB of pending terms in memory before
it writes a segment (``hashsize``; the default 1 MB makes many small segments that FTS5 merges
again and again); secondary indexes are created after the rows are in. Rows go to SQLite on
a second thread, so FTS5 indexes a batch while Python tokenizes and stems the next one.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from pantau.search.analysis import ANALYSIS_VERSION, stem, tokens
from pantau.search.base import IndexDocument
from pantau.search.columns import ColumnsBuilder, sort_value
from pantau.search.postings import PostingsWriter

SCHEMA_VERSION = "2"
TITLE_WEIGHT = 4.0
BATCH = 500

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (                   -- filter and facet fields are in ``columns`` too
    doc INTEGER PRIMARY KEY,          -- FTS rowid; position + 1 in the columns
    id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_type TEXT NOT NULL,
    doc_type TEXT,
    published_date TEXT,              -- YYYY-MM-DD in the original offset
    sort INTEGER NOT NULL             -- UTC seconds of publication (columns.sort_value)
);
CREATE TABLE content (                -- what hits and snippets show
    doc INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    url TEXT NOT NULL,
    published_at TEXT,                -- ISO 8601 with the original offset
    extra TEXT NOT NULL               -- JSON: violation_types, region_codes
);
CREATE TABLE doc_officials (official_id TEXT NOT NULL, doc INTEGER NOT NULL,
                            PRIMARY KEY (official_id, doc)) WITHOUT ROWID;
CREATE TABLE sources (id TEXT PRIMARY KEY, name TEXT, type TEXT NOT NULL);
CREATE TABLE vocab (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;  -- every token seen
CREATE VIEW fts_content AS SELECT doc, title, body FROM content;
CREATE VIRTUAL TABLE fts USING fts5(      -- the written text: phrases and snippets
    title, body, content='fts_content', content_rowid='doc', columnsize=0,
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES ('automerge', 0);
INSERT INTO fts(fts, rank) VALUES ('hashsize', 134217728);
"""

INDEXES = """
CREATE UNIQUE INDEX docs_id ON docs(id);
CREATE INDEX docs_sort ON docs(sort, id);
CREATE INDEX vocab_stem ON vocab(stem);
"""


class IndexWriter:
    """Writes documents to a new index file: ``add`` each, then ``finish``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -262144",
                       "temp_store = MEMORY", "locking_mode = EXCLUSIVE"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript(SCHEMA)
        self.conn.execute("BEGIN")
        self.count = 0
        self._rows: dict[str, list] = {k: [] for k in ("docs", "content", "fts", "officials")}
        self.columns = ColumnsBuilder()
        self._sources: dict[str, tuple] = {}
        self._stems: dict[str, str] = {}  # every token of this build -> its stem
        self.background = Background()
        self.postings = PostingsWriter(self.conn, self.background.submit)
        self._stem_ids = _StemIds(self._stems, self.postings)  # every token -> its stem's id

    def add_all(self, docs: Iterable[IndexDocument]) -> int:
        for doc in docs:
            self.add(doc)
        return self.count

    def add(self, doc: IndexDocument) -> None:
        self.count += 1
        n = self.count
        body = _without_markers(doc.text)
        sort = sort_value(doc)
        self._rows["docs"].append((n, doc.id, doc.source_id, doc.source_type, doc.doc_type,
                                   doc.published_date, sort))
        self._rows["content"].append(content_row(n, doc, body))
        self._rows["fts"].append((n, doc.title, body))
        title, text = self._stemmed(tokens(doc.title)), self._stemmed(tokens(body))
        self.postings.add(title, text)
        self.columns.add(n - 1, doc, doc.published_date, sort, len(title) + len(text))
        self._rows["officials"].extend((o, n) for o in set(doc.official_ids))
        self._sources.setdefault(doc.source_id, (doc.source_id, doc.source_name, doc.source_type))
        if n % BATCH == 0:
            self._flush()

    def finish(self) -> int:
        """Write what is pending, build indexes, merge the FTS index and close the file."""
        self._flush()
        self.postings.flush()
        self.background.wait()
        conn = self.conn
        conn.executemany("INSERT INTO sources VALUES (?, ?, ?)", list(self._sources.values()))
        conn.executemany("INSERT INTO vocab VALUES (?, ?)", self._stems.items())
        for statement in filter(str.strip, INDEXES.split(";")):
            conn.execute(statement)
        conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        order = np.fromiter((d - 1 for (d,) in conn.execute("SELECT doc FROM docs ORDER BY sort, id")),
                            dtype=np.int32, count=self.count)
        self.columns.save(conn, order)
        built = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("schema_version", SCHEMA_VERSION), ("analysis_version", ANALYSIS_VERSION),
            ("build_id", uuid.uuid4().hex),
            ("documents", str(self.count)), ("built_at", built)])
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.close()
        return self.count

    def abort(self) -> None:
        try:
            self.background.wait()
        except Exception:  # noqa: BLE001 - the build is abandoned anyway
            pass
        self.conn.close()

    def _stemmed(self, words: list[str]) -> list[int]:
        """The stem ids of ``words`` (``PostingsWriter.stem_id``; new words are stemmed)."""
        return list(map(self._stem_ids.__getitem__, words))

    def _flush(self) -> None:
        """Hand the pending rows to the writing thread (SQLite releases the GIL, so FTS5
        indexes one batch while this thread prepares the next)."""
        rows, conn = self._rows, self.conn
        self._rows = {k: [] for k in rows}

        def write() -> None:
            conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", rows["docs"])
            conn.executemany("INSERT INTO content VALUES (?, ?, ?, ?, ?, ?)", rows["content"])
            conn.executemany("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", rows["fts"])
            conn.executemany("INSERT INTO doc_officials VALUES (?, ?)", rows["officials"])

        self.background.submit(write)


class Background:
    """One thread running submitted writes in order; ``wait`` for them all. A failed write
    is raised by the next ``submit`` or ``wait``."""

    def __init__(self, depth: int = 4) -> None:
        self._queue: queue.Queue = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="index-writer", daemon=True)
        self._thread.start()

    def submit(self, work) -> None:
        self._raise()
        self._queue.put(work)

    def wait(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def _run(self) -> None:
        while (work := self._queue.get()) is not None:
            if self._error is None:
                try:
                    work()
                except BaseException as exc:  # noqa: BLE001 - handed to the submitting thread
                    self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


class _StemIds(dict):
    """word -> stem id, stemming (and recording in ``stems``) each new word once."""

    def __init__(self, stems: dict[str, str], postings: PostingsWriter) -> None:
        super().__init__()
        self.stems, self.postings = stems, postings

    def __missing__(self, word: str) -> int:
        self.stems[word] = stemmed = stem(word)
        found = self[word] = self.postings.stem_id(stemmed)
        return found


def _without_markers(text: str) -> str:
    """\x02 and \x03 mark matches in snippets: they must not occur in the text itself."""
    if "\x02" in text or "\x03" in text:
        return text.replace("\x02", " ").replace("\x03", " ")
    return text


def previous_stems(path: Path) -> list[tuple[str, str]]:
    """The (word, stem) pairs of an existing index made with the same analysis, to spare
    the stemmer on a rebuild; [] if there is none."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("SELECT value FROM meta WHERE key = 'analysis_version'").fetchone()
            if not version or version[0] != ANALYSIS_VERSION:
                return []
            return conn.execute("SELECT word, stem FROM vocab").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def content_row(n: int, doc: IndexDocument, body: str) -> tuple:
    extra = json.dumps({"violation_types": doc.violation_types, "region_codes": doc.region_codes},
                       ensure_ascii=False, separators=(",", ":"))
    return (n, doc.title, body, doc.url, doc.published_at, extra)
