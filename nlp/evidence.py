"""Evidence dicts ({"text", "start", "end", "sentence"}) for character spans of a doc.

``SentenceIndex(doc)`` finds the sentence around a character offset by bisection, so a
component that works on ``doc.text`` with regular expressions can attach evidence cheaply.

``ignored_spans(doc)`` gives the character spans every cue-based component must ignore:
related-article link lines ("Baca Juga: ...", "Simak juga", "Berita terkait"), whose words are
another article's headline. ``in_spans(spans, char)`` tests an offset against them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text`` without its cost: spaCy rebuilds it from the tokens on every access
    (~1-2 ms for a 600-word article). ``nlp.runner.make_doc`` and ``pantau_sentences`` leave
    the string in ``doc.user_data["text"]``."""
    text = doc.user_data.get("text")
    return text if text is not None else doc.text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, trailing whitespace included; the whole
    text as one sentence if none are set. Left by ``pantau_sentences`` in
    ``doc.user_data["sentence_bounds"]``, else read from the token arrays (``doc.sents`` and
    ``doc.has_annotation`` walk Python Token objects and cost ~1 ms an article)."""
    bounds = doc.user_data.get("sentence_bounds")
    if bounds is not None:
        return bounds
    if not len(doc):
        return []
    arr = doc.to_array([SENT_START, IDX]).astype("int64")
    begins = [int(arr[i, 1]) for i in range(len(doc)) if i == 0 or arr[i, 0] == 1]
    return list(zip(begins, begins[1:] + [len(doc_text(doc))]))


class SentenceIndex:
    """Character bounds of the doc's sentences (the whole text if it has none)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.bounds = sentence_bounds(doc) or [(0, len(self.text))]
        self.starts = [b[0] for b in self.bounds]

    def bounds_at(self, char: int) -> tuple[int, int]:
        i = max(bisect_right(self.starts, char) - 1, 0)
        return self.bounds[i]

    def sentence_at(self, char: int) -> str:
        start, end = self.bounds_at(char)
        return self.text[start:end].strip()

    def evidence(self, start: int, end: int) -> dict:
        return {"text": self.text[start:end], "start": start, "end": end,
                "sentence": self.sentence_at(start)}


def span_evidence(span) -> dict:
    """Evidence for a spaCy Span (its sentence if the doc has sentence boundaries)."""
    doc = span.doc
    sentence = span.sent.text.strip() if doc.has_annotation("SENT_START") else ""
    return {"text": span.text, "start": span.start_char, "end": span.end_char,
            "sentence": sentence}


# --- spans that cue-based components ignore ----------------------------------------------

# "Baca Juga: <headline of another article>" and its kin: a link to another story, whose
# words are not this article's content. A marker that opens a line takes the rest of the
# line (or, when nothing follows it, the next few short headline lines); a marker in the
# middle of a scraped paragraph takes the text up to the next sentence end or line end.
_LINK_VERBS = ("baca", "simak", "lihat", "cek", "tonton", "saksikan")  # "... juga"
_LINK_NOUNS = ("berita", "artikel", "bacaan", "topik", "related")  # "Berita terkait:"
RELATED_MARKER_RE = re.compile(
    r"(?i)\b(?P<strong>(?:%s)\s+(?:juga|pula)" % "|".join(_LINK_VERBS)
    + r"|baca\s+(?:berita\s+)?(?:lainnya|selengkapnya|terkait)|read\s+also|also\s+read)\b"
    r"|\b(?:%s)(?:\s+(?:terkait|lainnya|pilihan|populer|" % "|".join(_LINK_NOUNS)
    + r"terpopuler|terbaru|articles?|news|posts?))?"
    r"(?=[ \t\u00a0]*[:»>|]|[ \t\u00a0]+[-–—]|[ \t\u00a0]*(?:\r?\n|$))")
# Every marker starts with one of these words. Scanning the whole text with the marker
# pattern costs ~0.5 ms an article (case-insensitive alternatives tried at every
# position); finding these words in the lowercased text with str.find and trying the
# pattern only there gives the same matches. The characters outside ASCII that match an
# ASCII letter case-insensitively (İ ı for i, K for k, ſ for s) send a text to the full scan.
_MARKER_FIRST_WORDS = (*_LINK_VERBS, "read", "also", *_LINK_NOUNS)
_CASE_FOLDS_TO_ASCII_RE = re.compile("[\u0130\u0131\u212a\u017f]")
# what follows a marker that is a link label: a colon or arrow, a spaced dash, or the line end
_SEPARATED_RE = re.compile(r"[ \t\u00a0]*[:»>|]|[ \t\u00a0]+[-–—]|[ \t\u00a0]*(?:\r?\n|$)")
_HEADLINE_MAX_WORDS = 24
_LIST_MAX_LINES = 6
_INLINE_MAX_CHARS = 240


def related_link_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) character spans of related-article link lines."""
    spans: list[tuple[int, int]] = []
    for m in _markers(text):
        if spans and m.start() < spans[-1][1]:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        opens_line = not text[line_start:m.start()].strip(" \t\u00a0*>#-•|[(")
        rest = text[m.end():line_end].strip(" \t\u00a0:;-–—»>|*)]")
        separated = _SEPARATED_RE.match(text, m.end()) is not None
        strong = m.group("strong") is not None
        if not (separated or strong):
            continue  # "berita terkait kasus itu viral": prose, not a link
        if opens_line:
            end = line_end if rest else _headline_lines(text, line_end)
            spans.append((line_start, end))
            continue
        stop = _SENT_END_RE.search(text, m.end(), min(line_end, m.end() + _INLINE_MAX_CHARS))
        spans.append((m.start(), stop.end() if stop else min(line_end, m.end() + _INLINE_MAX_CHARS)))
    return spans


_SENT_END_RE = re.compile(r"[.!?](?=\s|$)")


def _markers(text: str):
    """``RELATED_MARKER_RE.finditer(text)``: the same matches, the pattern tried only where
    one of ``_MARKER_FIRST_WORDS`` starts."""
    low = text.lower()
    if len(low) != len(text) or _CASE_FOLDS_TO_ASCII_RE.search(text):
        yield from RELATED_MARKER_RE.finditer(text)
        return
    starts = set()
    for word in _MARKER_FIRST_WORDS:
        i = low.find(word)
        while i >= 0:
            starts.add(i)
            i = low.find(word, i + 1)
    end = 0
    match = RELATED_MARKER_RE.match
    for i in sorted(starts):
        if i < end:  # finditer goes on after the end of a match
            continue
        m = match(text, i)
        if m is not None:
            end = m.end()
            yield m


def _headline_lines(text: str, pos: int) -> int:
    """End of the short headline lines that follow a bare marker line ("Berita Terkait:")."""
    end, taken = pos, 0
    while taken < _LIST_MAX_LINES and pos < len(text):
        nxt = text.find("\n", pos + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[pos:nxt].strip()
        pos = nxt
        if not line:
            if taken:
                break
            continue
        if len(line.split()) > _HEADLINE_MAX_WORDS or line[-1] in ".!?\"”":
            break
        end, taken = nxt, taken + 1
    return end


def ignored_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of ``doc`` that cue-based components ignore (related-article link
    lines such as "Baca Juga: ..."), computed once and kept in ``doc.user_data``."""
    spans = doc.user_data.get("ignored_spans")
    if spans is None:
        spans = related_link_spans(doc_text(doc))
        doc.user_data["ignored_spans"] = spans
    return spans


def in_spans(spans: list[tuple[int, int]], char: int) -> bool:
    """Whether ``char`` lies inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (char, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]
