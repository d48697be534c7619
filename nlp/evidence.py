"""Evidence dicts ({"text", "start", "end", "sentence"}) for character spans of a doc.

``SentenceIndex(doc)`` finds the sentence around a character offset by bisection, so a
component that works on ``doc.text`` with regular expressions can attach evidence cheaply.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc


class SentenceIndex:
    """Character bounds of the doc's sentences (the whole text if it has none)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        if doc.has_annotation("SENT_START"):
            self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            self.bounds = [(0, len(self.text))]
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
