"""pantau/data/calendar.toml: one table of month and day names for the crawler and the NLP."""

from __future__ import annotations

from pantau.calendar import month_numbers, weekday_numbers


def test_calendar_file_loads_every_month_and_day():
    months, days = month_numbers(), weekday_numbers()
    assert sorted(set(months.values())) == list(range(1, 13))
    assert sorted(set(days.values())) == list(range(1, 8))
    assert months["nop"] == 11 and months["agt"] == 8 and months["sept"] == 9 and months["des"] == 12
    assert days["jum'at"] == 5 and days["ahad"] == 7


def test_names_are_lower_case_and_not_shared_between_tables():
    months, full = month_numbers(), weekday_numbers()
    short = set(weekday_numbers(abbreviations=True)) - set(full)
    assert all(name == name.lower() for name in [*months, *full, *short])
    assert not set(months) & (set(full) | short)
    assert {"sen", "kam", "min"} <= short and "min" not in full  # abbreviations only on request


def test_crawler_and_nlp_read_the_same_table():
    from crawler.parsing import dates as crawler_dates
    from nlp.date_patterns import tables

    assert crawler_dates.MONTH_NUMBER == month_numbers() == tables()["months"]
    assert tables()["weekdays"] == weekday_numbers()
    assert crawler_dates.first_date("Sen, 18 Nop 2024 14:30 WIB").month == 11
