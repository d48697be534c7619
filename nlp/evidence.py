"""Evidence dicts ({"text", "start", "end", "sentence"}) for character spans of a doc.

``SentenceIndex(doc)`` finds the sentence around a character offset by bisection, so a
component that works on ``doc.text`` with regular expressions can attach evidence cheaply.
"""

from __future__ import annotations

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
