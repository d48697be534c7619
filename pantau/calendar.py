"""Month and day names as Indonesian news writes them (``pantau/data/calendar.toml``).

    month_numbers()["nop"]            # 11
    weekday_numbers()["jum'at"]       # 5 (ISO weekday)

One table for the crawler's date parser and the NLP dates component, so a spelling added
for one is known to both.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "calendar.toml"


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, int]]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {section: {name: int(number) for number, names in rows.items() for name in names}
            for section, rows in data.items()}


def month_numbers() -> dict[str, int]:
    """Lower-case month name or abbreviation -> month number."""
    return dict(_tables()["months"])


def weekday_numbers(abbreviations: bool = False) -> dict[str, int]:
    """Lower-case day name -> ISO weekday; with ``abbreviations`` also "sen", "kam"..."""
    names = dict(_tables()["weekdays"])
    if abbreviations:
        names.update(_tables()["weekday_abbreviations"])
    return names
