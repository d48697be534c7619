"""Indonesia's three time zones and the day rule: one declaration for the crawler, the NLP
stage and the search index.

    WIB, WITA, WIT                      # UTC+7, +8, +9, named
    zone("WITA")                        # by name (case-insensitive)
    zone_for_region("73.71")            # WITA: the province decides
    local_day(datetime(..., tzinfo=UTC))  # the calendar day, a UTC time read in WIB

A time in UTC is read in WIB: most outlets are there and many publish their times in UTC,
so "2024-11-17T23:30Z" is the 18th in Jakarta. A time with its own offset keeps it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONE_NAMES = ("WIB", "WITA", "WIT")
_BY_NAME = {"wib": WIB, "wita": WITA, "wit": WIT}

# Kemendagri province codes outside WIB
WITA_PROVINCES = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96"})


def zone(name: str | None) -> timezone:
    """WIB, WITA or WIT by name; None or an empty name is WIB. Raises ValueError otherwise."""
    if not name:
        return WIB
    try:
        return _BY_NAME[name.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown time zone {name!r}; use one of {', '.join(ZONE_NAMES)}") from None


def zone_for_region(code: str | None) -> timezone:
    """The local offset of a Kemendagri region code (its province decides)."""
    province = (code or "")[:2]
    return WITA if province in WITA_PROVINCES else WIT if province in WIT_PROVINCES else WIB


def local_day(value: datetime | date | str | None) -> date | None:
    """The calendar day of a publication time: its own offset, a UTC time read in WIB, a naive
    time as written. Accepts ISO strings ("2024-11-17T23:30:00Z", "2024-11-17")."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        if len(value) <= 10:
            return date.fromisoformat(value)
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() == timedelta(0):
            value = value.astimezone(WIB)
        return value.date()
    return value
