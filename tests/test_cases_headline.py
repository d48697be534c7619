"""A headline's stage against the body's: a headline may claim more than the body tells."""

from __future__ import annotations

from pantau.cases.reports import reports
from tests.test_cases import article

TITLE = "Mobil Dinas Dipakai ke Kampanye, Kabid DKPP Tegal Diperiksa"
SUBJECT = "Slamet Riyanto (Kepala Bidang DKPP Kabupaten Tegal)"
ACT = "Kepala Bidang DKPP Kabupaten Tegal, Slamet Riyanto, memakai mobil dinas ke kampanye caleg."


def _report(follow_up: str):
    text = f"{ACT} {follow_up}"
    item = article("a1", "2024-01-22",
                   [(SUBJECT, "examined", "state_resources", TITLE),
                    (SUBJECT, "reported", "state_resources", ACT)],
                   officials=[("Slamet Riyanto", "Kepala Bidang DKPP Kabupaten Tegal", "p-slamet", "33.28")],
                   title=TITLE, text=text)
    [rep] = reports(item)
    return rep


def test_a_headline_stage_the_body_only_promises_is_a_report():
    rep = _report("Ketua Bawaslu mengatakan yang bersangkutan akan kami klarifikasi pekan depan.")
    assert rep.stage == "reported"


def test_a_headline_stage_the_body_tells_as_done_stands():
    rep = _report("Ketua Bawaslu mengatakan yang bersangkutan sudah diperiksa pada Senin.")
    assert rep.stage == "clarified"


def test_a_headline_stage_the_body_does_not_mention_stands():
    rep = _report("Video itu beredar di media sosial sejak Sabtu.")
    assert rep.stage == "clarified"
