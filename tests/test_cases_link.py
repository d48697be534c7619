"""Joining reports across months: decisions come months after the report."""

from __future__ import annotations

from pantau.cases import cases_of
from tests.test_cases import article, groups

SIKKA = "53.07"


def _guru(aid: str, day: str, stage: str, sentence: str, title: str = "Guru Jadi Admin Grup Facebook Paslon"):
    return article(aid, day, [("Seorang guru", stage, "social_media", sentence)],
                   regions=[(SIKKA, "kabupaten", "Sikka", sentence)], title=title)


def test_a_sanction_months_after_the_report_joins_the_case():
    first = _guru("a1", "2024-10-11", "reported", "Seorang guru di Sikka menjadi admin grup Facebook pendukung paslon.")
    checked = _guru("a2", "2024-10-24", "examined", "Seorang guru di Sikka diperiksa soal admin grup Facebook paslon.")
    sanction = _guru("a3", "2025-02-10", "sanctioned",
                     "Seorang guru di Sikka, admin grup Facebook paslon, dijatuhi teguran tertulis.")
    assert groups(cases_of([first, checked, sanction])) == [["a1", "a2", "a3"]]


def test_a_new_report_months_later_is_another_case():
    first = _guru("a1", "2024-10-11", "reported", "Seorang guru di Sikka menjadi admin grup Facebook pendukung paslon.")
    checked = _guru("a2", "2024-10-24", "examined", "Seorang guru di Sikka diperiksa soal admin grup Facebook paslon.")
    again = _guru("a3", "2025-02-10", "reported",
                  "Seorang guru di Sikka menjadi admin grup Facebook pendukung paslon lain.")
    assert groups(cases_of([first, checked, again])) == [["a1", "a2"], ["a3"]]
