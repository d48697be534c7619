"""FTS5 match expressions for the embedded index.

The FTS5 table has two columns, ``title`` and ``body``, holding the text as written (folded
by the unicode61 tokenizer). Words match by stem through the postings (``pantau.search.text``:
"pelanggaran" finds "melanggar"); a "quoted phrase" matches the words as written, here.
Highlighting runs an expression over the written columns that lists every form of each
searched stem seen while indexing (the ``vocab`` table).
"""

from __future__ import annotations

import sqlite3

from pantau.search.analysis import stem, tokens
from pantau.search.query import TextQuery, is_phrase, phrase_words

RAW = "{title body}"
MAX_FORMS = 64


def phrase_expression(words: list[str]) -> str:
    """The written tokens ``words``, adjacent and in order, in the title or the body."""
    return f"{RAW} : {_phrase(words)}"


def highlight_expression(text: TextQuery, conn: sqlite3.Connection) -> str | None:
    """Any written form of any searched term, for snippet() on the written columns."""
    parts = [_highlight_term(t, conn) for clause in text.clauses for t in clause]
    parts = [p for p in parts if p]
    return " OR ".join(parts) if parts else None


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
