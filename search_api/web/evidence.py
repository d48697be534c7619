"""An article's text with the evidence of each extracted item highlighted, from the
annotation's character offsets (regions, officials, dates, violation types).

Spans may overlap (an official's name inside a violation's sentence): the text is cut at
every span boundary, and each piece is marked with every kind that covers it. An offset
pair that does not hold its evidence text (an annotation of an older text) is looked up by
that text instead, or left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

KINDS = ("region", "official", "date", "violation")


@dataclass
class Span:
    start: int
    end: int
    kind: str
    note: str


@dataclass
class Piece:
    text: str
    kinds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _place(text: str, ev) -> tuple[int, int] | None:
    if 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end] == ev.text:
        return ev.start, ev.end
    found = text.find(ev.text) if ev.text else -1
    return (found, found + len(ev.text)) if found >= 0 else None


def spans(text: str, annotation, label) -> list[Span]:
    """Every evidence span of ``annotation``; ``label(kind, item)`` names its item."""
    if annotation is None:
        return []
    items = ([("region", r, r.evidence) for r in annotation.regions]
             + [("official", o, o.evidence) for o in annotation.officials]
             + [("date", d, [d.evidence]) for d in annotation.dates]
             + [("violation", v, v.evidence) for v in annotation.violation_types])
    out = []
    for kind, item, evidence in items:
        for ev in evidence:
            where = _place(text, ev)
            if where:
                out.append(Span(*where, kind, label(kind, item)))
    return out


def pieces(text: str, found: list[Span]) -> list[Piece]:
    cuts = sorted({0, len(text), *(s.start for s in found), *(s.end for s in found)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in found if s.start <= a and b <= s.end]
        kinds = sorted({s.kind for s in covering}, key=KINDS.index)
        out.append(Piece(text[a:b], kinds, list(dict.fromkeys(s.note for s in covering))))
    return out


def highlighted(text: str, found: list[Span]) -> Markup:
    html = []
    for piece in pieces(text, found):
        if not piece.kinds:
            html.append(escape(piece.text))
            continue
        classes = " ".join(f"ev-{k}" for k in piece.kinds)
        html.append(Markup('<mark class="ev {}" title="{}">{}</mark>').format(
            classes, "; ".join(piece.notes), piece.text))
    return Markup("").join(html)
