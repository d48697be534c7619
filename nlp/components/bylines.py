"""Reporters, editors and authors named in an article: never officials.

"Penulis: X", "Editor: X", "Reporter: X", "(Red/X)", "(X/Red)", "Laporan Wartawan Site, X",
bylines "X - SITE.COM", the outlet named in a dateline ("WATAMPONE, Celebes Terkini – ..."),
and the author given in ``doc.user_data["author"]``."""

from __future__ import annotations

import re

from nlp.word_lists import word_list

LABELS = word_list("byline_labels")  # in file order: a regex alternation
_LABEL = re.compile(r"(?im)^[ \t*_>#-]*(?:%s)\s*[:：]\s*(.+?)\s*$" % "|".join(LABELS))
_RED = re.compile(r"\(\s*(?:red|redaksi|rls|adv)\s*/\s*([^)]+?)\s*\)|\(\s*([^)/]+?)\s*/\s*(?:red|redaksi)\s*\)",
                  re.I)
_REPORT = re.compile(r"(?m)(?:[Ll]aporan\s+(?:[Ww]artawan|[Rr]eporter|[Kk]ontributor|[Jj]urnalis)|"
                     r"^[ \t]*(?:Wartawan|Reporter|Kontributor|Jurnalis))[ \t]+"
                     r"[^,\n]{1,40},[ \t]*([A-Z][\w'’.]+(?:[ \t]+[A-Z][\w'’.]+){0,4})")
_SITE = re.compile(r"(?m)^[ \t*_]*([A-Z][\w'’.]+(?:[ \t]+[A-Z][\w'’.]+){0,4})[ \t]+[-–|][ \t]+\[?"
                   r"[A-Za-z0-9.-]+\.(?i:com|co\.id|id|net|org|news)\b")
# a dateline: the place in capitals, a comma, the outlet in Title Case, a dash
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'-]{2,40},[ \t]+([A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+){1,3})[ \t]*[-–—]")
_SPLIT = re.compile(r"\s*(?:[,;/|&]|\bdan\b)\s*")
# What any match of a pattern must contain: a text without it skips that pattern (with a
# multiline "^" first the regex engine tries every position of the text).
_HINTS = {
    _LABEL: lambda text: ":" in text or "：" in text,
    _REPORT: lambda text: any(w in text for w in ("artawan", "eporter", "ontributor", "urnalis")),
    _SITE: re.compile(r"[-–|][ \t]+\[?[A-Za-z0-9.-]+\.(?i:com|co\.id|id|net|org|news)\b").search,
}


def _finditer(rx: re.Pattern, text: str, found: dict | None = None) -> list[re.Match]:
    """``list(rx.finditer(text))``, skipped when the hint says there can be no match.
    ``found``: the matches of one text so far, by pattern (its reader's own dict), so names
    and spans read the text once."""
    matches = None if found is None else found.get(rx)
    if matches is None:
        hint = _HINTS.get(rx)
        matches = list(rx.finditer(text)) if hint is None or hint(text) else []
        if found is not None:
            found[rx] = matches
    return matches


CAPTION_WORDS = 8  # a labelled line longer than this is a caption ("Foto: Ketua Bawaslu X menyerahkan ...")


def _label_matches(text: str, found: dict | None) -> list[re.Match]:
    """"Penulis: X" lines; a "Foto:" line that tells what the picture shows is a caption, whose
    people may be officials, not a credit."""
    return [m for m in _finditer(_LABEL, text, found) if len(m.group(1).split()) <= CAPTION_WORDS]


def _names(value: str) -> list[str]:
    value = re.sub(r"\(.*?\)", " ", value)
    return [v for v in _SPLIT.split(value) if v and len(v) <= 60]


def byline_names(text: str, author: str | None = None, matches: dict | None = None) -> set[tuple]:
    """Normalised names (tuples of lowercase words) of the text's reporters and editors.
    ``matches``: a dict kept by the caller for one text (shared with ``byline_spans``)."""
    found = []
    for m in _label_matches(text, matches):
        found += _names(m.group(1))
    for m in _RED.finditer(text):
        found += _names(m.group(1) or m.group(2))
    for rx in (_REPORT, _SITE, _DATELINE):
        found += [m.group(1) for m in _finditer(rx, text, matches)]
    if author:
        found += _names(author)
    out = set()
    for name in found:
        words = tuple(w.lower().replace(".", "") for w in re.findall(r"[\w'’.]+", name))
        if words:
            out.add(words)
    return out


def byline_spans(text: str, matches: dict | None = None) -> list[tuple[int, int]]:
    """Character spans of byline lines, where no official is looked for."""
    return [m.span() for m in _label_matches(text, matches)] + [m.span() for m in _finditer(_RED, text, matches)]
