"""Timeline periods (``YYYY-MM`` months, ``YYYY-Www`` ISO weeks): every period between two,
and the days a period covers (for a link to the search of that period)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def bounds(period: str) -> tuple[date, date]:
    if "-W" in period:
        year, week = period.split("-W")
        start = date.fromisocalendar(int(year), int(week), 1)
        return start, start + timedelta(days=6)
    year, month = (int(p) for p in period.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _name(day: date, interval: str) -> str:
    if interval == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def span(first: str, last: str, interval: str) -> list[str]:
    """Every period from ``first`` to ``last``, both included."""
    out, day, end = [], bounds(first)[0], bounds(last)[0]
    while day <= end:
        out.append(_name(day, interval))
        day = bounds(out[-1])[1] + timedelta(days=1)
    return out
