"""Full text of a ``TextQuery`` over the embedded index: which documents match, and their
relevance scores.

Words match by stem through the postings (``pantau.search.postings``) and are scored with
FTS5's bm25 computed in numpy, exactly. "Quoted phrases" (and words that split into several
tokens, such as "desa-desa", searched as the phrase of their written tokens) match through
FTS5 on the written columns; their score is approximate: bm25 with the phrase's own IDF but,
for its frequency in title and body, the smallest frequency of any of its words' stems
(an upper bound of the phrase's). Scores are deterministic for a given index file.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from pantau.search.analysis import stem, tokens
from pantau.search.columns import Columns
from pantau.search.fts import phrase_expression
from pantau.search.phrases import phrase_docs
from pantau.search.postings import bm25_part, idf, length_norm, read_postings
from pantau.search.query import TextQuery, is_phrase, phrase_words
from pantau.search.sqlite_build import TITLE_WEIGHT


def evaluate(conn: sqlite3.Connection, cols: Columns, text: TextQuery,
             scoring: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """(mask of the matching documents, bm25 of every document or None): all clauses, each
    any of its alternatives, none of the exclusions. A score is positive, higher is better;
    it is only meaningful where the mask is set."""
    n = cols.n
    scores = np.zeros(n) if scoring else None
    norm = _length_norm(cols) if scoring else None
    matched = None
    for clause in text.clauses:
        found = np.zeros(n, bool)
        for term in clause:
            docs, frequency = _term(conn, n, term, scoring)
            found[docs - 1] = True
            if scoring and len(docs):
                scores[docs - 1] += bm25_part(idf(n, len(docs)), frequency, norm[docs - 1])
        matched = found if matched is None else matched & found
    for term in text.exclude:
        docs, _ = _term(conn, n, term, False)
        matched[docs - 1] = False
    return matched, scores


def _length_norm(cols: Columns) -> np.ndarray:
    """``length_norm`` of every document, computed once per loaded index."""
    found = cols.__dict__.get("_length_norm")
    if found is None:
        found = cols.__dict__["_length_norm"] = length_norm(cols.length)
    return found


def _term(conn, n: int, term: str, scoring: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """Document numbers matching one word or phrase (of ``n`` documents), and their weighted
    frequency."""
    words = tokens(phrase_words(term))
    if not is_phrase(term) and len(words) == 1:
        docs, title, body = read_postings(conn, stem(words[0]))
        return docs, (TITLE_WEIGHT * title + body.astype(np.float64)) if scoring else None
    docs = phrase_docs(conn, n, phrase_expression(words))
    if not scoring or not len(docs):
        return docs, None
    title = body = None
    for word in dict.fromkeys(words):
        have, t, b = read_postings(conn, stem(word))
        at = np.minimum(np.searchsorted(have, docs), max(len(have) - 1, 0))
        present = have[at] == docs if len(have) else np.zeros(len(docs), bool)
        t = np.where(present, t[at] if len(have) else 0, 0)
        b = np.where(present, b[at] if len(have) else 0, 0)
        title = t if title is None else np.minimum(title, t)
        body = b if body is None else np.minimum(body, b)
    return docs, TITLE_WEIGHT * title + body.astype(np.float64)

