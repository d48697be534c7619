"""Snippets with the matches marked, cut from the stored text.

A word matches where the text holds a word of the same stem ("pelanggaran" marks
"melanggar"); a "phrase" where its words stand in a row. Matching works on the distinct words
of the text (stems are cached), then one regular expression finds them: the cost grows with
the vocabulary of the text, not with its length. The snippet is the window of about
``SNIPPET_CHARS`` characters holding the most matches, HTML-escaped, each match wrapped in
``<mark></mark>``. Without a match in the text, the lead.
"""

from __future__ import annotations

import html
import re

from pantau.search.analysis import stem, stem_tokens, tokens
from pantau.search.query import TextQuery, is_phrase, phrase_words

SNIPPET_CHARS = 200
BEFORE_CHARS = 30
LEAD_WORDS = 40


def terms_of(text: TextQuery) -> tuple[set[str], list[list[str]]]:
    """(stems of the searched words, token lists of the searched phrases); exclusions are
    not marked."""
    words, phrases = set(), []
    for clause in text.clauses:
        for term in clause:
            toks = tokens(phrase_words(term))
            if is_phrase(term) or len(toks) > 1:
                phrases.append(toks)
            elif toks:
                words.add(stem(toks[0]))
    return words, phrases


def matcher(body: str, text: TextQuery) -> re.Pattern | None:
    """A pattern of every written form in ``body`` that the query matches, or None.

    Only the words that can have a searched stem are stemmed: Sastrawi strips prefixes and
    suffixes, removes an infix (-el-, -em-, -er-, -in-) and may put back one root letter (or
    "ny") its prefix had swallowed, so a stem other than the word itself, less its first
    letter, is part of the word ("menyapu" -> "sapu": "apu"). A body's long tail of names
    then costs no stemming (uncached, up to 0.5 ms a word)."""
    words, phrases = terms_of(text)
    cores = {w[1:] for w in words}
    vocabulary = [v for v in set(tokens(body)) if v in words or any(c in v for c in cores)]
    forms = [w for w, s in zip(vocabulary, stem_tokens(vocabulary)) if s in words]
    alternatives = [re.escape(f) for f in sorted(forms, key=len, reverse=True)]
    alternatives += [r"[\W_]+".join(map(re.escape, p)) for p in phrases if p]
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


def snippet(body: str, text: TextQuery) -> str:
    if text.empty:
        return lead(body)
    pattern = matcher(body, text)
    spans = [m.span() for m in pattern.finditer(body)] if pattern else []
    if not spans:
        return lead(body)
    start, end = _window(body, spans)
    return _render(body, [s for s in spans if s[0] >= start and s[1] <= end], start, end)


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
