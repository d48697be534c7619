"""Snippets with the matches marked, cut from the stored text.

A token matches when its stem is the stem of a searched word ("pelanggaran" marks
"melanggar"), or when it is part of a searched "phrase" written out in the text. The snippet
is the window of ``SNIPPET_TOKENS`` tokens holding the most matches; the text is HTML-escaped
and each match wrapped in ``<mark></mark>``. Without a match in the text, the lead.
"""

from __future__ import annotations

import html
import re

from pantau.search.analysis import fold, stem
from pantau.search.query import TextQuery, is_phrase, phrase_words

SNIPPET_TOKENS = 32
LEAD_WORDS = 40
_TOKEN = re.compile(r"[^\W_]+")


def terms_of(text: TextQuery) -> tuple[set[str], list[list[str]]]:
    """(stems of the searched words, token lists of the searched phrases); exclusions are
    not marked."""
    from pantau.search.analysis import tokens

    words, phrases = set(), []
    for clause in text.clauses:
        for term in clause:
            toks = tokens(phrase_words(term))
            if is_phrase(term) or len(toks) > 1:
                phrases.append(toks)
            elif toks:
                words.add(stem(toks[0]))
    return words, phrases


def snippet(body: str, text: TextQuery) -> str:
    if text.empty:
        return lead(body)
    words, phrases = terms_of(text)
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(body)]
    folded = [fold(body[a:b]) for a, b in spans]
    hit = [stem(t) in words for t in folded] if words else [False] * len(folded)
    for phrase in phrases:
        _mark_phrase(folded, phrase, hit)
    if not any(hit):
        return lead(body)
    start = _best_window(hit)
    end = min(start + SNIPPET_TOKENS, len(spans))
    return _render(body, spans, hit, start, end)


def _mark_phrase(folded: list[str], phrase: list[str], hit: list[bool]) -> None:
    n = len(phrase)
    if not n:
        return
    first = phrase[0]
    for i, token in enumerate(folded):
        if token == first and folded[i:i + n] == phrase:
            for j in range(i, i + n):
                hit[j] = True


def _best_window(hit: list[bool]) -> int:
    """The start of the window with the most matches (the earliest of equals), starting a
    few tokens before its first match."""
    n = len(hit)
    best, best_count, count = 0, -1, 0
    for i in range(n):
        count += hit[i]
        if i >= SNIPPET_TOKENS:
            count -= hit[i - SNIPPET_TOKENS]
        start = max(i - SNIPPET_TOKENS + 1, 0)
        if count > best_count:
            best, best_count = start, count
    first = next(i for i in range(best, n) if hit[i])
    return max(0, min(best, first - 4))


def _render(body: str, spans, hit, start: int, end: int) -> str:
    out = ["…" if start > 0 else ""]
    pos = spans[start][0]
    for i in range(start, end):
        a, b = spans[i]
        out.append(html.escape(body[pos:a], quote=False))
        word = html.escape(body[a:b], quote=False)
        out.append(f"<mark>{word}</mark>" if hit[i] else word)
        pos = b
    out.append("…" if end < len(spans) else html.escape(body[pos:], quote=False))
    return "".join(out).strip()


def lead(body: str) -> str:
    words = body[:2000].split()
    text = " ".join(words[:LEAD_WORDS]) + (" …" if len(words) > LEAD_WORDS else "")
    return html.escape(text, quote=False)
