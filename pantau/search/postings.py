"""Stem postings: the word half of the embedded full-text index, kept beside FTS5.

A word matches by its Sastrawi stem. Instead of a second (stemmed) copy of the text in FTS5,
the index keeps, per stem, the documents holding it and how often it occurs in the title and
in the body: one row of ``postings`` per stem and segment (a run of ``SEGMENT`` documents),
its ``data`` the document numbers (int32, ascending), then the title and body counts (uint16
each). Matching a word is reading one stem's rows; bm25 over every matching document is a
few numpy operations (FTS5's ``bm25()`` costs ~3 µs per match, which at 90,000 matches is
most of a query). FTS5 keeps the written text for "quoted phrases" and snippets.

The score is FTS5's bm25 (k1 = 1.2, b = 0.75, IDF floored at 1e-6, column weights title
``TITLE_WEIGHT`` and body 1), summed over the searched terms, with document length the
number of tokens of title and body.
"""

from __future__ import annotations

import math
import sqlite3
from array import array

import numpy as np

K1, B = 1.2, 0.75
SEGMENT = 10_000
_MAX_COUNT = 65535

SCHEMA = """
CREATE TABLE postings (stem TEXT NOT NULL, segment INTEGER NOT NULL, data BLOB NOT NULL,
                       PRIMARY KEY (stem, segment)) WITHOUT ROWID;
"""


class PostingsWriter:
    """Collects the stems of each document (``add``, numbered 1, 2, ... in order) and writes
    a segment of postings every ``SEGMENT`` documents and at ``finish``."""

    def __init__(self, conn: sqlite3.Connection, submit=None) -> None:
        """``submit(work)`` runs a write (default: now; the index writer's thread)."""
        self.conn = conn
        self.submit = submit or (lambda work: work())
        conn.execute(SCHEMA)
        self.stem_ids: dict[str, int] = {}
        self.stem_names: list[str] = []
        self._tokens = array("i")
        self._lengths = array("i")  # title, body, title, body, ... of the pending documents
        self._first = 1              # number of the first pending document
        self._segment = 0

    def stem_id(self, stemmed: str) -> int:
        found = self.stem_ids.get(stemmed)
        if found is None:
            found = self.stem_ids[stemmed] = len(self.stem_names)
            self.stem_names.append(stemmed)
        return found

    def add(self, title: list[int], body: list[int]) -> None:
        """One document's tokens as stem ids (``stem_id``)."""
        self._tokens.fromlist(title)
        self._tokens.fromlist(body)
        self._lengths.append(len(title))
        self._lengths.append(len(body))
        if len(self._lengths) >= 2 * SEGMENT:
            self.flush()

    def flush(self) -> None:
        if not self._lengths:
            return
        tokens = np.frombuffer(self._tokens, dtype=np.int32).astype(np.int64)
        runs = np.repeat(np.arange(len(self._lengths), dtype=np.int64), np.frombuffer(self._lengths, np.int32))
        keys = np.sort((tokens << 32) | runs)  # stem, local document, column (0 title, 1 body)
        rows = _segment_rows(keys, self._first, self.stem_names, self._segment)
        self.submit(lambda: self.conn.executemany("INSERT INTO postings VALUES (?, ?, ?)", rows))
        self._first += len(self._lengths) // 2
        self._segment += 1
        self._tokens, self._lengths = array("i"), array("i")


def _segment_rows(keys: np.ndarray, first: int, names: list[str], segment: int) -> list[tuple]:
    if not len(keys):
        return []
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    counts = np.minimum(np.diff(np.r_[starts, len(keys)]), _MAX_COUNT).astype(np.uint16)
    unique = keys[starts]
    pairs = unique >> 1
    new_pair = np.r_[True, pairs[1:] != pairs[:-1]]
    group = np.cumsum(new_pair) - 1
    size = int(group[-1]) + 1
    title, body = np.zeros(size, np.uint16), np.zeros(size, np.uint16)
    is_body = (unique & 1).astype(bool)
    title[group[~is_body]] = counts[~is_body]
    body[group[is_body]] = counts[is_body]
    pairs = pairs[new_pair]
    stems = pairs >> 31
    docs = ((pairs & (2**31 - 1)) + first).astype(np.int32)
    bounds = np.r_[np.flatnonzero(np.r_[True, stems[1:] != stems[:-1]]), size]
    out = []
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        out.append((names[int(stems[a])], segment, docs[a:b].tobytes() + title[a:b].tobytes() + body[a:b].tobytes()))
    return out


def read_postings(conn: sqlite3.Connection, stemmed: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(document numbers, title counts, body counts) of one stem, documents ascending."""
    parts = [bytes(d) for (d,) in conn.execute(
        "SELECT data FROM postings WHERE stem = ? ORDER BY segment", (stemmed,))]
    if not parts:
        return np.zeros(0, np.int32), np.zeros(0, np.uint16), np.zeros(0, np.uint16)
    docs, title, body = [], [], []
    for data in parts:
        n = len(data) // 8
        docs.append(np.frombuffer(data, np.int32, n))
        title.append(np.frombuffer(data, np.uint16, n, 4 * n))
        body.append(np.frombuffer(data, np.uint16, n, 6 * n))
    return np.concatenate(docs), np.concatenate(title), np.concatenate(body)


def idf(total: int, matching: int) -> float:
    """FTS5's IDF: log((N - n + 0.5) / (n + 0.5)), at least 1e-6 (very common terms)."""
    value = math.log((total - matching + 0.5) / (matching + 0.5)) if total else 0.0
    return value if value > 0 else 1e-6


def length_norm(lengths: np.ndarray) -> np.ndarray:
    """bm25's document length normalisation, k1 * (1 - b + b * length / average length)."""
    average = float(lengths.mean()) if len(lengths) else 1.0
    return K1 * (1 - B + B * lengths / (average or 1.0))


def bm25_part(weight: float, frequency: np.ndarray, norm: np.ndarray) -> np.ndarray:
    """One term's bm25 contribution (positive) for documents with weighted ``frequency`` and
    ``length_norm`` ``norm``."""
    return weight * frequency * (K1 + 1) / (frequency + norm)
