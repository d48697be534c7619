"""FTS5 match expressions for a parsed ``TextQuery``.

The index has four columns: ``title`` and ``body`` hold the text as written (folded by the
unicode61 tokenizer), ``title_stem`` and ``body_stem`` the Sastrawi stem of each token.
A word matches by stem ("pelanggaran" finds "melanggar"); a "quoted phrase" matches the
words as written. Highlighting runs a second expression over the written columns that lists
every form of each searched stem seen while indexing (the ``vocab`` table).
"""

from __future__ import annotations

import sqlite3

from pantau.search.analysis import stem, tokens
from pantau.search.query import TextQuery, is_phrase, phrase_words

RAW = "{title body}"
STEMMED = "{title_stem body_stem}"
MAX_FORMS = 64


def match_expression(text: TextQuery) -> str:
    """All clauses (AND), each an OR of its alternatives, minus the exclusions (NOT)."""
    positive = " AND ".join(_group(_term(t) for t in clause) for clause in text.clauses)
    if not text.exclude:
        return positive
    return f"({positive}) NOT {_group(_term(t) for t in text.exclude)}"


def highlight_expression(text: TextQuery, conn: sqlite3.Connection) -> str | None:
    """Any written form of any searched term, for snippet() on the written columns."""
    parts = [_highlight_term(t, conn) for clause in text.clauses for t in clause]
    parts = [p for p in parts if p]
    return " OR ".join(parts) if parts else None


def _term(term: str) -> str:
    words = tokens(phrase_words(term))
    if is_phrase(term):
        return f"{RAW} : {_phrase(words)}"
    return f"{STEMMED} : {_phrase([stem(w) for w in words])}"


def _highlight_term(term: str, conn: sqlite3.Connection) -> str:
    words = tokens(phrase_words(term))
    if is_phrase(term) or len(words) != 1:
        return f"{RAW} : {_phrase(words)}"
    stemmed = stem(words[0])
    forms = {words[0], stemmed}
    forms.update(w for (w,) in conn.execute(
        "SELECT word FROM vocab WHERE stem = ? LIMIT ?", (stemmed, MAX_FORMS)))
    return f"{RAW} : ({' OR '.join(_phrase([f]) for f in sorted(forms))})"


def _phrase(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def _group(parts) -> str:
    parts = list(parts)
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
