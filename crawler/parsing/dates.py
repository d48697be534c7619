"""Dates as Indonesian news sites write them.

    parse_datetime("2024-11-18T14:30:00+07:00")                 # ISO 8601 (JSON-LD, meta)
    find_dates("Temanggung – ... Senin (18/11/2024) ...")       # every date in a text
    first_date("Senin, 18 November 2024 14:30 WIB")             # the first one

Values are aware datetimes that keep the page's own offset (WIB +07:00, WITA +08:00,
WIT +09:00, declared once in ``pantau.timezones``); a value without a zone gets
``default_tz`` (WIB unless the caller knows better). ``to_utc`` gives the UTC value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from pantau.calendar import month_numbers, weekday_numbers
from pantau.timezones import WIB, WIT, WITA

ZONES = {"wib": WIB, "wita": WITA, "wit": WIT, "utc": timezone.utc, "gmt": timezone.utc, "z": timezone.utc}

MONTH_NUMBER = month_numbers()  # "nop" -> 11 (pantau/data/calendar.toml)


def _alternatives(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_MONTH = _alternatives(MONTH_NUMBER)
_DAY_NAME = f"(?:{_alternatives(weekday_numbers(abbreviations=True))})"
_TIME = (r"[\s,|\-–—]{0,6}(?:(?:pukul|jam|at)\s+)?"
         r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?(?!\d)"
         r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?"
         r"(?:\s*(?:(?P<zone>WITA|WIB|WIT)\b|(?:GMT|UTC)(?P<off>[+-]\d{1,2}(?::?\d{2})?)?))?")

# 18 November 2024 [14:30 WIB]; Senin, 18 Nov. 2024
DMY_WORDS = re.compile(
    rf"(?<![\w/])(?P<d>[0-3]?\d)\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)(?:{_TIME})?",
    re.IGNORECASE)
# Nov 18, 2023 - 11:26; November 18th, 2023
MDY_WORDS = re.compile(
    rf"(?<![\w/])(?P<m>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)(?:{_TIME})?",
    re.IGNORECASE)
# 18/11/2024 14:30 WITA; (18/11/2024); 18-11-2024
DMY_NUMBERS = re.compile(
    rf"(?<![\w/.-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/])(?:{_TIME})?",
    re.IGNORECASE)
# 2024-11-18[ 14:30[:00]]
YMD_NUMBERS = re.compile(
    rf"(?<![\w/.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![/\d])(?:T?{_TIME})?",
    re.IGNORECASE)
PATTERNS = (DMY_WORDS, MDY_WORDS, DMY_NUMBERS, YMD_NUMBERS)
DAY_NAME_BEFORE = re.compile(rf"{_DAY_NAME}\.?\s*[,(]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    value: datetime  # aware, with the text's (or the default) offset
    start: int
    end: int
    has_time: bool
    has_day_name: bool  # "Senin, 18 November 2024", "Senin (18/11/2024)"


def to_utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(timezone.utc)


def _offset(text: str) -> timezone | None:
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text.strip())
    if not m:
        return None
    minutes = int(m[2]) * 60 + int(m[3] or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=minutes if m[1] == "+" else -minutes))


def _zone(match: re.Match, default_tz: timezone) -> timezone:
    zone, off = match.group("zone"), match.group("off")
    if off and _offset(off) is not None:
        return _offset(off)
    if zone:
        return ZONES[zone.lower()]
    if match.group(0).rstrip().upper().endswith(("GMT", "UTC")):
        return timezone.utc
    return default_tz


def _build(match: re.Match, default_tz: timezone) -> tuple[datetime, bool] | None:
    month = match["m"]
    month = int(month) if month.isdigit() else MONTH_NUMBER.get(month.lower().rstrip("."))
    hour = minute = second = 0
    has_time = match["hh"] is not None
    if has_time:
        hour, minute, second = int(match["hh"]), int(match["mi"]), int(match["ss"] or 0)
        ampm = (match["ampm"] or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    try:
        tz = _zone(match, default_tz) if has_time else default_tz
        return datetime(int(match["y"]), month, int(match["d"]), hour, minute, second, tzinfo=tz), has_time
    except (TypeError, ValueError):
        return None


def find_dates(text: str, default_tz: timezone = WIB) -> list[FoundDate]:
    """Every date in ``text``, in order of position (overlapping matches dropped)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            built = _build(match, default_tz)
            if built is None:
                continue
            day_name = bool(DAY_NAME_BEFORE.search(text[max(0, start - 12):start]))
            found.append(FoundDate(built[0], start, end, built[1], day_name))
            taken.append((start, end))
    return sorted(found, key=lambda f: f.start)


def first_date(text: str, default_tz: timezone = WIB) -> datetime | None:
    found = find_dates(text, default_tz)
    return found[0].value if found else None


def parse_datetime(value: str | None, default_tz: timezone = WIB) -> datetime | None:
    """An ISO 8601 value (JSON-LD, meta, ``<time datetime>``), else any form ``find_dates``
    knows. Naive values get ``default_tz``."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.sub(r"(\.\d+)?Z$", "+00:00", text)
    iso = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", iso)
    try:
        parsed = datetime.fromisoformat(iso.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", iso) else iso)
    except ValueError:
        return first_date(text, default_tz)
    if not 1990 <= parsed.year <= 2100:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=default_tz)
