"""Snippets with the matches marked, cut from the stored text.

A word matches where the text holds a word of the same stem ("pelanggaran" marks
"melanggar"); a "phrase" where its words stand in a row. Each query's patterns are compiled once;
a body is scanned by them in one pass each, and only the words that can have a searched stem
are stemmed (stems are cached). The snippet is the window of about
``SNIPPET_CHARS`` characters holding the most matches, HTML-escaped, each match wrapped in
``<mark></mark>``. Without a match in the text, the lead.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from pantau.search.analysis import fold, stem, tokens
from pantau.search.query import TextQuery, is_phrase, phrase_words

SNIPPET_CHARS = 200
BEFORE_CHARS = 30
_WORD = re.compile(r"[^\W_]+")
LEAD_WORDS = 40


def terms_of(text: TextQuery) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(stems of the searched words, token tuples of the searched phrases); exclusions are
    not marked."""
    words, phrases = set(), []
    for clause in text.clauses:
        for term in clause:
            toks = tokens(phrase_words(term))
            if is_phrase(term) or len(toks) > 1:
                phrases.append(tuple(toks))
            elif toks:
                words.add(stem(toks[0]))
    return frozenset(words), tuple(p for p in phrases if p)


@lru_cache(maxsize=512)
def patterns(words: frozenset[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple, tuple]:
    """(cores of the searched stems, (first word, pattern) of each phrase) of one query,
    made once.

    A word can have a searched stem only if it holds the stem's core. Sastrawi strips
    prefixes and suffixes, removes an infix (-el-, -em-, -er-, -in-) and may put back one
    root letter (or "ny") its prefix had swallowed, so a stem other than the word itself,
    less its first letter, is part of the word ("menyapu" -> "sapu": "apu"). Only such
    candidates are stemmed: a body's long tail of names costs nothing (uncached, up to
    0.5 ms a word)."""
    cores = tuple(sorted({w[1:] for w in words}, key=len, reverse=True))
    compiled = tuple((p[0], re.compile(r"[\W_]+".join(map(re.escape, p)) + r"(?![^\W_])", re.IGNORECASE))
                     for p in phrases)
    return cores, compiled


def spans(body: str, text: TextQuery) -> list[tuple[int, int]]:
    """Where ``body`` matches the query: words of a searched stem and searched phrases, in
    order, without overlaps (of two overlapping matches the earlier, then the longer, stays)."""
    words, phrases = terms_of(text)
    cores, compiled = patterns(words, phrases)
    low = body.lower()
    if len(low) != len(body):  # lower() changed the offsets: look in the body itself
        low = body
    found = [s for s in _candidates(body, low, cores) if stem(fold(body[s[0]:s[1]])) in words] if cores else []
    for first, pattern in compiled:
        i = low.find(first)
        while i >= 0:
            m = None if i and low[i - 1].isalnum() else pattern.match(body, i)
            if m:
                found.append(m.span())
            i = low.find(first, i + 1)
    return merged(found)


def _candidates(body: str, low: str, cores: tuple[str, ...]) -> set[tuple[int, int]]:
    """The (start, end) of every word of ``body`` that holds one of ``cores``: each core is
    looked up in the lower-cased body with ``str.find`` (much faster than a regular expression
    over the body), then widened to its word."""
    if "" in cores:  # any word will do
        return {m.span() for m in _WORD.finditer(body)}
    out = set()
    for core in cores:
        i = low.find(core)
        while i >= 0:
            a = i
            while a and low[a - 1].isalnum():
                a -= 1
            b = _WORD.match(low, i).end() if low[i].isalnum() else i + len(core)
            out.add((a, max(b, i + len(core))))
            i = low.find(core, max(b, i + 1))
    return {(a, b) for a, b in out if _WORD.fullmatch(body, a, b)}


def merged(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(found, key=lambda s: (s[0], -s[1])):
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


def snippet(body: str, text: TextQuery) -> str:
    if text.empty:
        return lead(body)
    found = spans(body, text)
    if not found:
        return lead(body)
    start, end = _window(body, found)
    return _render(body, [s for s in found if s[0] >= start and s[1] <= end], start, end)


def _window(body: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The window of about SNIPPET_CHARS characters with the most matches (the earliest of
    equals), begun a little before its first match, on word boundaries."""
    best, best_count, j = 0, 0, 0
    for i, (a, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= a + SNIPPET_CHARS:
            j += 1
        if j - i > best_count:
            best, best_count = i, j - i
    first = spans[best][0]
    start = body.rfind(" ", 0, max(first - BEFORE_CHARS, 0)) + 1 if first > BEFORE_CHARS else 0
    end = body.find(" ", max(start + SNIPPET_CHARS, spans[best][1]))
    return start, len(body) if end < 0 else end


def _render(body: str, spans, start: int, end: int) -> str:
    out, pos = ["…" if start > 0 else ""], start
    for a, b in spans:
        out.append(html.escape(body[pos:a], quote=False))
        out.append(f"<mark>{html.escape(body[a:b], quote=False)}</mark>")
        pos = b
    out.append(html.escape(body[pos:end], quote=False))
    out.append("…" if end < len(body) else "")
    return " ".join("".join(out).split())


def lead(body: str) -> str:
    words = body[:2000].split()
    text = " ".join(words[:LEAD_WORDS]) + (" …" if len(words) > LEAD_WORDS else "")
    return html.escape(text, quote=False)
