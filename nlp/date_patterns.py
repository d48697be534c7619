"""Regular expressions of the dates component, built from ``nlp/data/dates.toml``
and the month and day names of ``pantau/data/calendar.toml``.

``find_raw(text)`` returns every date-like match as a ``Raw`` (days without a year keep
``year=None``); ``context_years(text)`` the explicit years the text names outside
regulation numbers; ``is_stamp_line`` tells a byline or publication stamp from body text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.cache import compile_all
from pantau.calendar import month_numbers, weekday_numbers

DATA = Path(__file__).parent / "data" / "dates.toml"
LETTER_AFTER = r"(?![^\W\d_])"
CONNECTOR = r"(?:-|–|—|s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga|dan|&)"


@dataclass
class Raw:
    start: int
    end: int
    days: list[int]
    month: int
    year: int | None
    weekday: int | None = None
    numeric: bool = False
    years_at: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def tables() -> dict:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {**data, "months": month_numbers(), "weekdays": weekday_numbers()}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """The compiled patterns, kept in ``nlp.cache``."""
    specs = _pattern_specs()
    return dict(zip(specs, compile_all("date-patterns", list(specs.values()))))


def _spec(pattern: str, flags: int = 0) -> tuple[str, int]:
    return pattern, int(flags)


def _pattern_specs() -> dict[str, tuple[str, int]]:
    t = tables()
    mon = rf"(?P<mon>{_alt(t['months'])})\.?{LETTER_AFTER}"
    days = (rf"(?P<days>\d{{1,2}}(?:(?:\s*,\s*\d{{1,2}})*\s*,?\s*(?:dan|&)\s*\d{{1,2}}"
            rf"|\s*{CONNECTOR}\s*\d{{1,2}})?)")
    year = r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})(?![\d]|[.,]\d))?"
    reg, num = _alt(t["context"]["regulation_words"]), _alt(t["context"]["number_words"])
    flags = re.IGNORECASE
    return {
        "text": _spec(rf"(?<![\w.:/-]){days}\s+{mon}{year}", flags),
        "month_before": _spec(rf"(?<!\w){mon}\s+$", flags),
        # "Nov 18, 2023", and without a year "As of June 15", "on Oct. 17", a range "Feb. 11 to 13"
        # (English copy)
        "month_first": _spec(
            r"(?P<days>\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|through|until)\s*\d{1,2}(?:st|nd|rd|th)?)?)"
            r"(?:\s*,\s*(?P<year>(?:19|20)\d{2}))?(?!\d|[.,:/-]\d|\s*%)",
            flags),
        # a bare "6/2" after a word that introduces a day ("pada 6/2", "tanggal 25/10")
        "date_word_before": _spec(rf"\b(?:{_alt(t['context']['date_words'])})\s*$", flags),
        "iso": _spec(r"(?<![\w./:-])(?P<year>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<days>\d{1,2})"
                          r"(?![\d/]|[.-]\d)"),
        "numeric": _spec(r"(?<![\w./:-])(?P<days>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)"
                              r"(?P<year>\d{4}|\d{2})(?![\w/]|[.,:-]\d)"),
        "day_month": _spec(r"(?<![\w./:-])(?P<days>\d{1,2})/(?P<m>\d{1,2})(?P<close>\s*\))?(?![\d/])"),
        # A digit after no digit: "(?<!\d)\d" written with the lookbehind after the digit, so
        # that the regex engine skips to digits instead of trying every position (same matches).
        "digits": _spec(r"\d(?<!\d\d)"),
        "weekday_before": _spec(rf"(?P<wd>{_alt(t['weekdays'])})\s*,?\s*\(?\s*$", flags),
        "number_before": _spec(rf"\b(?:{num})\s*[.:]?\s*$", flags),
        "fraction_before": _spec(rf"\b(?:{_alt(t['context']['fraction_words'])})\.?\s*\(\s*$",
                                      flags),
        # "(?<![\w.,/-])(?P<year>(?:19|20)\d{2})(?!\w|[.,]\d)", the lookbehind after the first digit
        "bare_year": _spec(r"(?P<year>(?:1(?<![\w.,/-]1)9|2(?<![\w.,/-]2)0)\d{2})(?!\w|[.,]\d)"),
        "regulation_before": _spec(
            rf"\b(?:{reg})\b\.?\s*:?\s*(?:[\w.]+\s+){{0,3}}?\d+\s*(?:tahun\s+|of\s+|/\s*)$", flags),
        "time": _spec(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b", flags),
        # English copy names a law by its year first: "the 2016 regional election law"
        "regulation_after": _spec(r"\s+(?:[a-z-]+\s+){0,3}?(?:law|laws|regulation|decree|act)\b"),
        "since_before": _spec(rf"\b(?:{_alt(t['context']['since_words'])})\s+(?:tahun\s+)?$", flags),
    }


def _weekday_before(text: str, start: int) -> int | None:
    m = patterns()["weekday_before"].search(text, max(0, start - 16), start)
    return tables()["weekdays"].get(m.group("wd").lower()) if m else None


def _days(s: str) -> list[int]:
    return [int(d) for d in re.findall(r"\d+", s)]


def _month(m: re.Match) -> int | None:
    word = m.group("mon")
    if word.islower() and (len(word) <= 4 or word == "may"):
        return None  # "des", "jun", "may" in lowercase are words, not months
    return tables()["months"][word.lower()]


def find_raw(text: str) -> list[Raw]:
    """Every date-like match, earlier pattern first when two overlap. Every form holds a
    day number, so the patterns are tried only where a run of digits starts."""
    p = patterns()
    kinds: dict[str, list[Raw]] = {k: [] for k in ("iso", "numeric", "text", "month_first", "dm")}
    for anchor in p["digits"].finditer(text):
        pos = anchor.start()
        for kind in ("iso", "numeric"):
            m = p[kind].match(text, pos)
            if m and not p["number_before"].search(text, max(0, pos - 12), pos):
                y = m.group("year")
                if len(y) == 4 or m.group("sep") == "/":
                    year = int(y) + 2000 if len(y) == 2 else int(y)
                    kinds[kind].append(Raw(pos, m.end(), [int(m.group("days"))], int(m.group("m")),
                                           year, numeric=True))
        m = p["text"].match(text, pos)
        if m and (month := _month(m)):
            year = int(m.group("year")) if m.group("year") else None
            kinds["text"].append(Raw(pos, m.end(), _days(m.group("days")), month, year))
        m = p["month_first"].match(text, pos)
        if m and (before := p["month_before"].search(text, max(0, pos - 14), pos)):
            if month := _month(before):
                year = int(m.group("year")) if m.group("year") else None
                if year or before.group("mon")[0].isupper():  # a bare "jun 5" is no date
                    kinds["month_first"].append(Raw(before.start(), m.end(), _days(m.group("days")),
                                                    month, year))
        m = p["day_month"].match(text, pos)
        if m and (m.group("close") and text[max(0, pos - 3):pos].rstrip().endswith("(")
                  and not p["fraction_before"].search(text, max(0, pos - 16), pos)
                  or _weekday_before(text, pos)
                  or p["date_word_before"].search(text, max(0, pos - 12), pos)):
            kinds["dm"].append(Raw(pos, m.end(), [int(m.group("days"))], int(m.group("m")), None,
                                   numeric=True))
    found: list[Raw] = []
    taken: list[tuple[int, int]] = []
    for raws in kinds.values():
        for raw in raws:
            if all(raw.end <= s or raw.start >= e for s, e in taken):
                taken.append((raw.start, raw.end))
                raw.weekday = _weekday_before(text, raw.start)
                found.append(raw)
    found.sort(key=lambda r: r.start)
    return found


def context_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of the years the text names, without regulation and document years and
    the years a state began ("since 2022")."""
    p = patterns()
    out = []
    for m in p["bare_year"].finditer(text):
        if p["regulation_before"].search(text, max(0, m.start() - 48), m.start()) \
                or p["regulation_after"].match(text, m.end()) \
                or p["since_before"].search(text, max(0, m.start() - 16), m.start()):
            continue
        out.append((m.start(), int(m.group("year"))))
    return out


def _remaining_words(line: str, dates: list[tuple[int, int]]) -> tuple[list[str], bool]:
    """Words of the line besides dates, times, weekdays and stamp words, and whether it has
    a byline cue (a clock time, a stamp word, a site name, or a "|" separator)."""
    for a, b in sorted(dates, reverse=True):
        line = line[:a] + " " + line[b:]
    p, t = patterns(), tables()
    cue = bool(p["time"].search(line)) or "|" in line
    line = p["time"].sub(" ", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)       # markdown links
    cue = cue or bool(SITE.search(line))
    line = SITE.sub(" ", line)
    cue_words, skip = set(t["stamp"]["cue_words"]), set(t["stamp"]["words"]) | set(t["weekdays"])
    other = []
    for word in re.findall(r"[^\W\d_][\w'’.-]*", line):
        key = word.lower().strip(".")
        if key in cue_words:
            cue = True
        elif key not in skip:
            other.append(word)
    return other, cue


SITE = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|news|co|tv)\b\S*",
                  re.IGNORECASE)


def is_stamp_line(line: str, dates: list[tuple[int, int]], in_header: bool,
                  is_published: bool = False) -> bool:
    """True for a line that only dates the article: "Nov 18, 2023 - 11:26",
    "Senin, 18 November 2023 | 11:26 WIB"; and, among the first lines, a byline with a few
    other words and a cue (time, stamp word, site name, "|", or the publication date itself):
    "Penulis Nama - situs.id - 18/11/2023". ``dates`` are spans relative to the line."""
    stamp = tables()["stamp"]
    if len(line) > stamp["max_line_chars"]:
        return False
    other, cue = _remaining_words(line, dates)
    if not other:
        return True
    if not in_header or line.rstrip().endswith((".", "!", "?", ":", ",")):
        return False
    return len(other) <= stamp["max_other_words"] and (cue or is_published)
