"""Second subjects of one article: which are cases of their own, one rule a test."""

from __future__ import annotations

import pytest

from pantau.cases.reports import reports
from tests.test_cases import article

MEDAN, DELI_SERDANG = "12.71", "12.07"
TEMBUNG, PERCUT = "12.71.14", "12.07.26"


MAIN = "Camat Medan Tembung, Rudi Siregar, diduga mengumpulkan lurah untuk memenangkan paslon."


def _camat_and_a_kades(other: str, other_regions: list[tuple], name: str = "Rudi Siregar"):
    """An article about a camat that also tells of an unnamed kepala desa in ``other``."""
    subject = f"{name} (Camat Medan Tembung)"
    return article("a1", "2024-11-12",
                   [("seorang kepala desa", "reported", "partisan_decision", other),
                    (subject, "examined", "partisan_decision", MAIN.replace("Rudi Siregar", name)),
                    (subject, "reported", "partisan_decision", MAIN.replace("Rudi Siregar", name))],
                   officials=[(name, "Camat Medan Tembung", f"p-{name}", TEMBUNG)],
                   regions=[(TEMBUNG, "kecamatan", "Medan Tembung", MAIN.replace("Rudi Siregar", name)),
                            (MEDAN, "kota", "Medan", MAIN.replace("Rudi Siregar", name)), *other_regions])


PERCUT_SENTENCE = "Di Deli Serdang, seorang kepala desa di Kecamatan Percut Sei Tuan dilaporkan mengumpulkan perangkat desa."
PERCUT_REGIONS = [(PERCUT, "kecamatan", "Percut Sei Tuan", PERCUT_SENTENCE),
                  (DELI_SERDANG, "kabupaten", "Deli Serdang", PERCUT_SENTENCE)]


def test_the_same_act_by_an_unnamed_subject_in_another_kabupaten_is_a_second_case():
    found = {r.role: r for r in reports(_camat_and_a_kades(PERCUT_SENTENCE, PERCUT_REGIONS))}
    assert sorted(found) == ["camat", "kepala_desa"]
    assert found["kepala_desa"].regency == DELI_SERDANG and found["kepala_desa"].stage == "reported"


def test_the_same_act_by_an_unnamed_subject_in_the_same_kabupaten_is_the_main_case():
    other = "Seorang kepala desa juga dilaporkan mengumpulkan perangkat desa di Medan."
    item = _camat_and_a_kades(other, [(MEDAN, "kota", "Medan", other)])
    assert [r.role for r in reports(item)] == ["camat"]


def test_initials_in_another_role_family_with_the_same_act_are_a_second_case():
    main = "Kepala Desa Jatireja, Saripudin Hasan, diklarifikasi soal pengumpulan KTP."
    other = "ASN berinisial AR itu dijadwalkan dimintai keterangan pekan ini."
    item = article("a1", "2024-06-04",
                   [("Saripudin Hasan (Kepala Desa Jatireja)", "examined", "id_card_support", main),
                    ("Saripudin Hasan (Kepala Desa Jatireja)", "reported", "id_card_support", main),
                    ("ASN berinisial AR", "examined", "id_card_support", other)],
                   officials=[("Saripudin Hasan", "Kepala Desa Jatireja", "p-saripudin", "32.16.11.2001")])
    found = {r.role: r for r in reports(item)}
    assert sorted(found) == ["asn", "kepala_desa"]
    assert found["asn"].initials == "AR" and found["asn"].stage == "reported"  # only scheduled


def test_initials_do_not_join_an_official_only_quoted_about_the_case():
    main = "Kepala Desa Jatireja, Saripudin Hasan, diklarifikasi soal pengumpulan KTP."
    quote = "Kepala DPMD, Agus Salim Rosadi, menunggu hasil kajian."
    other = "ASN berinisial AR itu dijadwalkan dimintai keterangan pekan ini."
    incidents = [("Saripudin Hasan (Kepala Desa Jatireja)", "examined", "id_card_support", main),
                 ("Saripudin Hasan (Kepala Desa Jatireja)", "reported", "id_card_support", main),
                 ("Agus Salim Rosadi (Kepala Dinas PMD)", "examined", None, quote),
                 ("ASN berinisial AR", "examined", "id_card_support", other)]
    officials = [("Saripudin Hasan", "Kepala Desa Jatireja", "p-saripudin", None),
                 ("Agus Salim Rosadi", "Kepala Dinas PMD", "p-agus", None)]
    found = {r.role: r for r in reports(article("a1", "2024-06-04", incidents, officials=officials))}
    assert found["asn"].persons == set() and found["asn"].initials == "AR"
    # the same initials join that official once a sentence tells an act of theirs
    incidents[2] = ("Agus Salim Rosadi (Kepala Dinas PMD)", "examined", "id_card_support", quote)
    found = reports(article("a1", "2024-06-04", incidents, officials=officials))
    assert not any(r.initials == "AR" for r in found)


def test_a_named_official_the_headline_names_by_role_only_needs_an_act():
    main = "Camat Medan Tembung, Rudi Siregar, diperiksa karena mengumpulkan lurah."
    witness = "Lurah Bantan, Sri Pohan, mengaku hadir karena diundang."
    incidents = [("Rudi Siregar (Camat Medan Tembung)", "examined", "partisan_decision", main),
                 ("Rudi Siregar (Camat Medan Tembung)", "reported", "partisan_decision", main),
                 ("Sri Pohan (Lurah Bantan)", "examined", None, witness)]
    officials = [("Rudi Siregar", "Camat Medan Tembung", "p-rudi", TEMBUNG),
                 ("Sri Pohan", "Lurah Bantan", "p-sri", TEMBUNG)]
    title = "Kumpulkan Lurah untuk Menangkan Paslon, Camat Medan Tembung Diperiksa"
    item = article("a1", "2024-11-12", incidents, officials=officials, title=title)
    assert [r.role for r in reports(item)] == ["camat"]
    # named by name in the headline, the witness is a subject the article is about
    item = article("a1", "2024-11-12", incidents, officials=officials, title=title + ", Lurah Sri Pohan Juga")
    assert sorted(r.role for r in reports(item)) == ["camat", "lurah"]


@pytest.mark.parametrize("name", ["Rudi Siregar", "Hendra Lubis", "Amran Nasution", "Bonar Simanjuntak",
                                  "Dedi Harahap", "Fauzi Daulay", "Gindo Tanjung", "Irwan Ginting"])
def test_an_articles_main_case_is_listed_before_its_second_case(name):
    """Whatever the case ids, which are digests."""
    from pantau.cases import cases_of

    item = _camat_and_a_kades(PERCUT_SENTENCE, PERCUT_REGIONS, name)
    cases = cases_of([item])
    assert [c.subject.role for c in cases] == ["camat", "kepala_desa"]
    assert [c.stage for c in cases] == ["clarified", "reported"]


def test_the_head_of_a_puskesmas_unit_is_the_kepala_puskesmas():
    from pantau.cases.rules import rules

    r = rules()
    assert r.role_of("Kepala UPTD Puskesmas Ngasem berinisial KW") == r.role_of("Kepala Puskesmas Ngasem")


def test_the_head_of_a_school_unit_is_the_kepala_sekolah():
    from pantau.cases.rules import rules

    r = rules()
    assert r.role_of("kepala UPT sekolah dasar berinisial ASM") == r.role_of("Seorang kepala sekolah") == "kepala_sekolah"


def test_others_of_the_role_are_not_the_named_subject():
    main = "Bawaslu meneruskan rekomendasi terhadap Pangulu Nagori Bah Bolon, Hotman Sinambela, kepada bupati."
    other = "Bawaslu juga menangani dugaan keterlibatan dua pangulu lain di Kecamatan Bandar."
    item = article("a1", "2024-11-13", [("Hotman Sinambela (Pangulu Nagori Bah Bolon)", "recommended", "campaign_material", main),
                                        ("dua pangulu", "examined", None, other)],
                   officials=[("Hotman Sinambela", "Pangulu Nagori Bah Bolon", "p-rudolf", "12.08.29.2001")],
                   regions=[("12.08.23", "kecamatan", "Bandar", other)])
    [rep] = [r for r in reports(item) if r.persons]
    assert rep.subregions == {"12.08.29.2001"} and rep.stage == "recommended"


def test_a_bare_role_set_in_another_kabupaten_is_not_the_one_subject_of_the_role():
    main = "Bawaslu Kabupaten Jayapura menemukan Otniel Yoku, staf Bapenda, tercatat pengurus partai."
    other = "Bawaslu Kota Jayapura menelusuri dua ASN Pemerintah Kota Jayapura yang ikut kegiatan partai."
    item = article("a1", "2023-08-11",
                   [("Otniel Yoku (staf Bapenda)", "examined", "party_membership", main),
                    ("Otniel Yoku (staf Bapenda)", "reported", "party_membership", main),
                    ("dua ASN Pemerintah Kota Jayapura", "reported", "party_membership", other)],
                   officials=[("Otniel Yoku", "staf Bapenda", "p-otniel", "91.03")],
                   regions=[("91.03", "kabupaten", "Jayapura", main), ("91.71", "kota", "Jayapura", other)])
    found = sorted((r.regency, r.stage) for r in reports(item))
    assert found == [("91.03", "clarified"), ("91.71", "reported")]


def test_an_official_listed_beside_the_main_subject_at_a_step_is_a_case_of_their_own():
    listed = ("Keduanya adalah Mahmud Sanusi, kepala seksi, yang dijatuhi pemotongan tunjangan, serta "
              "Yohanes Pakpahan, guru SMP, yang dijatuhi teguran tertulis.")
    quote = "Kepala BKPSDM, Heriyanto, mengatakan keputusan sudah diserahkan."
    item = article("a1", "2025-01-21",
                   [("Mahmud Sanusi (kepala seksi)", "sanctioned", "social_media", listed),
                    ("Yohanes Pakpahan (guru SMP)", "sanctioned", "social_media", listed),
                    ("Heriyanto (Kepala BKPSDM)", "recommended", "social_media", quote)],
                   officials=[("Mahmud Sanusi", "kepala seksi", "p-mahmud", None),
                              ("Yohanes Pakpahan", "guru SMP", "p-yohanes", None),
                              ("Heriyanto", "Kepala BKPSDM", "p-heri", None)])
    assert sorted(p for r in reports(item) for p in r.persons) == ["p-mahmud", "p-yohanes"]
