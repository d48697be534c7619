"""Calendar dates: ``pantau_dates`` writes ``doc._.dates``.

Every specific day the text names, as ISO: "Jumat (17/11/2023)", "(17/11)", "Rabu, 31 Januari
2024", "24 Mei 2023", "tanggal 14 Februari", "Nov 18, 2023", "17-11-2023", "2023-11-17".
A range or list gives both ends / every day it spells ("24–26 Mei 2023" -> 24 and 26).
Bare years, clock times, percentages, decimals, phone, article and document numbers are
not dates. Impossible days (31/02) are dropped.

A day without a year takes, in this order:
1. the nearest explicit year in the same sentence, else in the same paragraph (a year of a
   full date, or a bare year such as "Pilkada 2024"; regulation years such as
   "UU Nomor 7 Tahun 2017" and the start of a state, "since 2022", do not count);
2. the publication year; "lalu"/"silam" after the day move it back a year if it would lie
   after the publication date, "mendatang"/"depan" after it or "menjelang"/"ahead of" before
   it forward if it would lie before; without
   such a word, a day more than half a year before (after) publication takes the next
   (previous) year when the article names that year;
   "tahun lalu"/"tahun depan" after the day move it a year back/forward;
3. the year the article names most often (the latest on a tie).
For the numeric form "(17/11)", used for days just before publication, and for a day that in
the publication year lies within a month before publication, the publication year comes
before the paragraph's year. If a weekday is given ("Senin (18/11)"), the first of
these years, or a year next to one, on which the day falls on that weekday wins.

Publication stamps are skipped: a line holding only a date and time ("Nov 18, 2023 - 11:26")
anywhere, and byline lines at the top ("Penulis - situs.id - 18/11/2023"); see
``nlp.date_patterns.is_stamp_line``. The title (``doc.user_data["title_end"]``) is never a
stamp line.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

import nlp.extensions  # noqa: F401  (registers doc._.dates)
from nlp.date_patterns import Raw, context_years, find_raw, is_stamp_line, patterns, tables
from nlp.evidence import SentenceIndex, doc_text

PAST = re.compile(r"^\W{0,3}(?:yang\s+)?(?:lalu|silam|kemarin)\b", re.IGNORECASE)
FUTURE = re.compile(r"^\W{0,3}(?:yang\s+)?(?:mendatang|depan|nanti)\b", re.IGNORECASE)
FUTURE_BEFORE = re.compile(r"\b(?:ahead of|menjelang|jelang|upcoming)\s+(?:the\s+)?$", re.IGNORECASE)
PAST_BEFORE = re.compile(r"\b(?:sejak|semenjak|since)\s+(?:tanggal\s+)?$", re.IGNORECASE)  # "sejak 30 Desember"
# a day named as an election's ("ahead of the April 17 general election", "the Nov. 27 regional elections"): a scheduled day, the one nearer publication
ELECTION_AFTER = re.compile(r"^\W{0,3}(?:(?:general|regional|presidential|legislative|simultaneous|local)\s+)?"
                            r"(?:elections?|polls?|voting day|pilkada|pemilu)\b", re.IGNORECASE)
# a voting day named before the day ("pemungutan suara 27 November", "polling day on Dec. 9"):
# a scheduled day, whose year is the publication's unless its own sentence names another
ELECTION_BEFORE = re.compile(r"\b(?:pemungutan suara|pencoblosan|coblosan|hari h|voting day|polling day|election day)"
                             r"\s+(?:pada\s+|tanggal\s+|on\s+)?$", re.IGNORECASE)
LAST_YEAR = re.compile(r"^\W{0,3}tahun\s+(?:lalu|kemarin|sebelumnya)\b", re.IGNORECASE)
NEXT_YEAR = re.compile(r"^\W{0,3}tahun\s+(?:depan|mendatang)\b", re.IGNORECASE)


class DateFinder:
    def __init__(self) -> None:
        tables()  # load the data once, at pipeline build time
        patterns()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def find_dates(doc: Doc) -> list[dict]:
    text = doc_text(doc)
    found = find_raw(text)
    raws = [r for r in found if not _in_stamp(text, r, found, doc.user_data)]
    if not raws:
        return []
    sents = SentenceIndex(doc)
    years = context_years(text)
    resolver = _YearResolver(text, sents, years, raws, doc.user_data.get("published"))
    out: dict[str, dict] = {}
    for raw in raws:
        for day in raw.days:
            iso = resolver.resolve(raw, day)
            if iso is None:
                continue
            entry = out.setdefault(iso, {"date": iso, "evidence": []})
            entry["evidence"].append(sents.evidence(raw.start, raw.end))
    return list(out.values())


def _in_stamp(text: str, raw: Raw, found: list[Raw], user_data: dict) -> bool:
    line_start = text.rfind("\n", 0, raw.start) + 1
    if line_start < (user_data.get("title_end") or 0):
        return False
    line_end = text.find("\n", raw.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    dates = [(r.start - line_start, r.end - line_start)
             for r in found if line_start <= r.start < line_end]
    header = _line_index(text, line_start, user_data.get("title_end") or 0)
    published = user_data.get("published")
    is_published = bool(published and raw.year and raw.days == [published.day]
                        and raw.month == published.month and raw.year == published.year)
    return is_stamp_line(line, dates, header < tables()["stamp"]["header_lines"], is_published)


def _line_index(text: str, line_start: int, body_start: int) -> int:
    """How many non-empty lines of the body come before the line at ``line_start``."""
    if line_start - body_start > 2000:
        return 99
    before = text[body_start:line_start]
    return sum(1 for ln in before.split("\n") if ln.strip())


# the year closing a register or letter number ("004/Reg/LP/PL/Kab/01.17/I/2024"): the last
# hint of the year when the text gives no other (a law's "7/2017" has one slash and is none)
REGISTER_YEAR = re.compile(r"\b[\w.-]+(?:/[\w.-]+){2,}/((?:19|20)\d{2})\b")


RECENT = 31  # days: a yearless day this close before publication is of the publication's year
HALF_YEAR = 183  # days: a yearless day farther than this from publication may take the next year


class _YearResolver:
    def __init__(self, text, sents, years, raws, published: date | None) -> None:
        self.text, self.sents, self.published = text, sents, published
        self.explicit = sorted(years + [(r.start, r.year) for r in raws if r.year])
        self.dated = sorted((r.start, r.year, r.month) for r in raws if r.year)
        counts = Counter(y for _, y in self.explicit)
        self.most = max(counts, key=lambda y: (counts[y], y)) if counts else None
        if self.most is None and not published:
            registers = Counter(int(m.group(1)) for m in REGISTER_YEAR.finditer(text))
            self.most = max(registers, key=lambda y: (registers[y], y)) if registers else None

    def resolve(self, raw: Raw, day: int) -> str | None:
        if raw.year:
            found = _make(raw.year, raw.month, day)
            return found.isoformat() if found else None
        years = [y for y in self._candidates(raw, day) if y is not None]
        if raw.weekday:  # the first candidate, or a neighbour of one, that fits the weekday
            for year in dict.fromkeys(years + [y + d for y in years for d in (-1, 1)]):
                found = _make(year, raw.month, day)
                if found and found.isoweekday() == raw.weekday:
                    return found.isoformat()
        found = _make(years[0], raw.month, day) if years else None
        found = self._not_after_past(raw, found)
        return found.isoformat() if found else None

    def _not_after_past(self, raw: Raw, found: date | None) -> date | None:
        """A day told as past ("28 November lalu") lies before the publication date, whatever
        year the context gave it ("Pemilu 2024 dimulai 28 November lalu", published January
        2024, is November 2023)."""
        if found and self.published and found > self.published and PAST.match(self.text[raw.end:raw.end + 24]):
            return _make(found.year - 1, found.month, found.day)
        return found

    def _candidates(self, raw: Raw, day: int) -> list[int | None]:
        """Years in order of preference. "(10/8)" is the news form for recent days, so the
        publication year comes before a year elsewhere in the paragraph."""
        bounds = self.sents.bounds_at(raw.start)
        sentence = self._before_new_year(raw, bounds, self._nearest(raw.start, bounds))
        paragraph = self._nearest(raw.start, self._paragraph(raw.start))
        published = self._from_published(raw, day) if self.published else None
        voting_day = ELECTION_BEFORE.search(self.text, max(0, raw.start - 40), raw.start) is not None
        if raw.numeric or voting_day or published is not None and self._recent(_make(published, raw.month, day)):
            return [sentence, published, paragraph, self.most]
        return [sentence, paragraph, published, self.most]

    def _before_new_year(self, raw: Raw, bounds: tuple[int, int], year: int | None) -> int | None:
        """ "berlaku 15 Desember sampai 20 Januari 2025": a later date of the sentence
        whose year is the one found, in an earlier month, puts this day in the year before."""
        later = next(((y, m) for p, y, m in self.dated if raw.start < p < bounds[1]), None)
        before = any(bounds[0] <= p < raw.start for p, _ in self.explicit)  # "Pilkada 2024 digelar 27 November"
        if year is not None and later is not None and not before and later[0] == year and later[1] < raw.month:
            return year - 1
        return year

    def _recent(self, found: date | None) -> bool:
        """Within RECENT days before publication: news tells of the last weeks, so another
        sentence's year ("up from 29 cases in the 2019 election") gives way to the publication's."""
        return found is not None and 0 <= (self.published - found).days <= RECENT

    def _nearest(self, pos: int, bounds: tuple[int, int]) -> int | None:
        lo, hi = bounds
        near = [(abs(p - pos), y) for p, y in self.explicit if lo <= p < hi]
        return min(near)[1] if near else None

    def _paragraph(self, pos: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        return lo, len(self.text) if hi < 0 else hi

    def _from_published(self, raw: Raw, day: int) -> int:
        pub = self.published
        year = pub.year
        found = _make(year, raw.month, day)
        after = self.text[raw.end:raw.end + 24]
        if LAST_YEAR.match(after):
            return year - 1
        if NEXT_YEAR.match(after):
            return year + 1
        if found and found > pub and (PAST.match(after) or PAST_BEFORE.search(
                self.text, max(0, raw.start - 24), raw.start)):
            year -= 1
        elif found and found < pub and (FUTURE.match(after) or FUTURE_BEFORE.search(
                self.text, max(0, raw.start - 24), raw.start)):
            year += 1  # "27 November mendatang", "ahead of the Feb. 14 election"
        elif found and abs((found - pub).days) > HALF_YEAR:
            # "Feb. 11" in a story of late November on "the 2024 General Election": the
            # neighbouring year the article names puts the day nearer the publication
            other = year + 1 if found < pub else year - 1
            if any(y == other for _, y in self.explicit) or ELECTION_AFTER.match(after):
                year = other
        return year


def _make(year: int, month: int, day: int) -> date | None:
    if not 1945 <= year <= 2099:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@Language.factory("pantau_dates", assigns=["doc._.dates"], requires=["doc.user_data"])
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder()
