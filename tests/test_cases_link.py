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


def test_initials_that_fit_the_named_official_join_across_acts_of_one_event():
    from tests.test_cases import article

    named_text = "Kepala Dinas Pertanian, Markus Lolowang, diperiksa soal penyerahan traktor di Galela."
    named = article("a1", "2024-10-25", [("Markus Lolowang (Kepala Dinas Pertanian)", "examined",
                                          "campaign_material", named_text)],
                    officials=[("Markus Lolowang", "Kepala Dinas Pertanian", "p-markus", None)],
                    regions=[("82.03", "kabupaten", "Halmahera Utara", named_text)])
    release_text = "Bawaslu merekomendasikan ASN berinisial ML terkait penyerahan bantuan traktor."
    release = article("a2", "2024-10-26", [("ASN berinisial ML", "recommended", "vote_buying", release_text)],
                      regions=[("82.03", "kabupaten", "Halmahera Utara", release_text)])
    assert groups(cases_of([named, release])) == [["a1", "a2"]]
    # other initials stay apart
    other_text = release_text.replace("ML", "RK")
    other = article("a2", "2024-10-26", [("ASN berinisial RK", "recommended", "vote_buying", other_text)],
                    regions=[("82.03", "kabupaten", "Halmahera Utara", other_text)])
    assert groups(cases_of([named, other])) == [["a1"], ["a2"]]


def test_officials_sharing_only_a_balinese_birth_order_name_are_two_people():
    from tests.test_cases import article

    def perbekel(aid, name, desa, person):
        text = f"Perbekel {desa}, {name}, dilaporkan karena mengajak warga memilih paslon."
        return article(aid, "2024-10-11", [(f"{name} (Perbekel {desa})", "reported", "partisan_support", text)],
                       officials=[(name, f"Perbekel {desa}", person, "51.08.08")],
                       regions=[("51.08", "kabupaten", "Buleleng", text)])

    one = perbekel("a1", "I Made Sudana", "Tajun", "p-made")
    two = perbekel("a2", "I Made Wirawan", "Bengkala", "p-wirawan")
    assert groups(cases_of([one, two])) == [["a1"], ["a2"]]


def test_one_full_name_in_two_registry_persons_is_one_subject():
    from tests.test_cases import article

    def staff(aid, day, stage, role, person, region):
        text = f"Nurul Aini Lubis, {role}, {stage} terkait kampanye paslon."
        return article(aid, day, [(f"Nurul Aini Lubis ({role})", stage, "campaign_role", text)],
                       officials=[("Nurul Aini Lubis", role, person, region)],
                       regions=[("12.09", "kabupaten", "Asahan", text)])

    first = staff("a1", "2024-10-10", "reported", "pegawai PPPK di Dinas Sosial Asahan", "p-1", "12.09")
    later = staff("a2", "2025-01-20", "sanctioned", "pegawai PPPK Dinsos", "p-2", None)
    assert groups(cases_of([first, later])) == [["a1", "a2"]]
    # one shared name word with a generic role is not enough
    other = article("a2", "2025-01-20", [("Nurul Hidayah (pegawai PPPK Dinsos)", "sanctioned", "campaign_role",
                                          "Nurul Hidayah, pegawai PPPK Dinsos, disanksi.")],
                    officials=[("Nurul Hidayah", "pegawai PPPK Dinsos", "p-2", None)],
                    regions=[("12.09", "kabupaten", "Asahan", "Asahan")])
    assert groups(cases_of([first, other])) == [["a1"], ["a2"]]


def test_a_provinces_staff_in_a_sanction_list_datelined_in_the_capital_joins_the_regency_case():
    from tests.test_cases import article

    report_text = "Suparjo, staf BPBD Provinsi, dilaporkan karena hadir di kampanye paslon di Arut Selatan."
    report = article("a1", "2024-10-10", [("Suparjo (staf BPBD Provinsi)", "reported", "campaign_attendance",
                                           report_text)],
                     officials=[("Suparjo", "staf BPBD Provinsi", "p-1", "62.01")],
                     regions=[("62.01", "kabupaten", "Kotawaringin Barat", report_text)])
    list_text = "Suparjo, staf BPBD Provinsi, dikenai teguran lisan karena hadir di kampanye paslon."
    sanction = article("a2", "2025-01-22", [("Suparjo (staf BPBD Provinsi)", "sanctioned", "campaign_attendance",
                                             list_text)],
                       officials=[("Suparjo", "staf BPBD Provinsi", "p-2", None)],
                       regions=[("62.71", "kota", "Palangka Raya", "PALANGKA RAYA - Pemprov Kalteng menjatuhkan sanksi.")])
    assert groups(cases_of([report, sanction])) == [["a1", "a2"]]
    # a kabupaten's own staff datelined elsewhere stays apart
    local = article("a2", "2025-01-22", [("Suparjo (staf BPBD)", "sanctioned", "campaign_attendance",
                                          list_text.replace(" Provinsi", ""))],
                    officials=[("Suparjo", "staf BPBD", "p-2", None)],
                    regions=[("62.71", "kota", "Palangka Raya", "PALANGKA RAYA - Pemkot menjatuhkan sanksi.")])
    assert groups(cases_of([report, local])) == [["a1"], ["a2"]]


def test_one_full_name_datelined_in_two_kabupaten_of_one_province_is_one_subject():
    from tests.test_cases import article

    def guru(aid, day, stage, region, person):
        text = f"Yohanes Lado Bria, guru SMA negeri, {stage} karena menjadi narasumber dialog paslon."
        return article(aid, day, [("Yohanes Lado Bria (guru SMA negeri)", stage, "campaign_role", text)],
                       officials=[("Yohanes Lado Bria", "guru SMA negeri", person, None)],
                       regions=[(region, "kabupaten", "x", text)])

    first = guru("a1", "2024-10-20", "reported", "53.10", "p-1")
    later = guru("a2", "2025-01-22", "sanctioned", "53.71", "p-2")
    assert groups(cases_of([first, later])) == [["a1", "a2"]]
    # the same name in another province is another person
    other = guru("a2", "2025-01-22", "sanctioned", "62.71", "p-2")
    assert groups(cases_of([guru("a1", "2024-10-20", "reported", "53.10", "p-1"), other])) == [["a1"], ["a2"]]


def _staff(aid, day, stage, name, person):
    text = f"{name}, pegawai Dinas Kominfo Asahan, {stage} terkait unggahan paslon."
    return article(aid, day, [(f"{name} (pegawai Dinas Kominfo Asahan)", stage, "social_media", text)],
                   officials=[(name, "pegawai Dinas Kominfo Asahan", person, "12.09")],
                   regions=[("12.09", "kabupaten", "Asahan", text)])


def test_a_name_with_a_word_written_as_its_initial_is_the_same_person():
    first = _staff("a1", "2024-10-10", "reported", "Rudi Hartono Siregar", "p-1")
    assert groups(cases_of([first, _staff("a2", "2025-01-20", "sanctioned", "Rudi H Siregar", "p-2")])) \
        == [["a1", "a2"]]
    assert groups(cases_of([first, _staff("a2", "2025-01-20", "sanctioned", "R Hartono Siregar", "p-2")])) \
        == [["a1", "a2"]]


def test_an_initial_that_does_not_fit_or_a_single_written_word_is_not():
    first = _staff("a1", "2024-10-10", "reported", "Rudi Hartono Siregar", "p-1")
    assert groups(cases_of([first, _staff("a2", "2025-01-20", "sanctioned", "Rudi S Siregar", "p-2")])) \
        == [["a1"], ["a2"]]
    assert groups(cases_of([first, _staff("a2", "2025-01-20", "sanctioned", "R H Siregar", "p-2")])) \
        == [["a1"], ["a2"]]


def _kades(aid, day, stage, sentence, kecamatan=None):
    regions = [("33.01", "kabupaten", "Cilacap", sentence)]
    if kecamatan:
        regions.append(kecamatan + (sentence,))
    return article(aid, day, [("Kepala desa", stage, None, sentence)], regions=regions)


def test_a_follow_up_that_fits_one_case_only_joins_it():
    first = article("a1", "2024-10-10", [("Kepala Desa Karangjati", "reported", "campaign_attendance",
                                          "Kepala Desa Karangjati hadir di kampanye paslon.")],
                    regions=[("33.01", "kabupaten", "Cilacap", "Cilacap")])
    sanction = _kades("a2", "2024-12-02", "sanctioned", "Seorang kepala desa di Cilacap ditegur bupati.")
    assert groups(cases_of([first, sanction])) == [["a1", "a2"]]
    # a second report of the same stage restates too little to join
    again = _kades("a2", "2024-12-02", "reported", "Seorang kepala desa di Cilacap dilaporkan warga.")
    assert groups(cases_of([first, again])) == [["a1"], ["a2"]]


def test_a_follow_up_that_fits_two_cases_joins_neither():
    one = article("a1", "2024-10-10", [("Kepala Desa Karangjati", "reported", "campaign_attendance",
                                        "Kepala Desa Karangjati hadir di kampanye paslon.")],
                  regions=[("33.01", "kabupaten", "Cilacap", "Cilacap")])
    two = article("a2", "2024-10-12", [("Kepala Desa Sidaurip", "reported", "social_media",
                                        "Kepala Desa Sidaurip mengunggah foto paslon.")],
                  regions=[("33.01", "kabupaten", "Cilacap", "Cilacap")])
    sanction = _kades("a3", "2024-12-02", "sanctioned", "Seorang kepala desa di Cilacap ditegur bupati.")
    assert groups(cases_of([one, two, sanction])) == [["a1"], ["a2"], ["a3"]]


def test_a_lurah_in_a_kabupaten_of_yogyakarta_heads_a_village():
    from pantau.cases.reports import reports

    def lurah(code, name):
        text = f"Lurah Tirtoadi di {name} diduga mengunggah foto paslon."
        return article("a1", "2024-10-10", [("Lurah Tirtoadi", "reported", "social_media", text)],
                       regions=[(code, "kabupaten" if code < "34.70" else "kota", name, text)])

    assert [rep.role for rep in reports(lurah("34.04", "Sleman"))] == ["kepala_desa"]
    assert [rep.role for rep in reports(lurah("34.71", "Kota Yogyakarta"))] == ["lurah"]


def test_a_short_form_of_a_name_word_is_the_word():
    first = _staff("a1", "2024-10-10", "reported", "Tubagus Hasan Basri", "p-1")
    assert groups(cases_of([first, _staff("a2", "2025-01-20", "sanctioned", "Tb Hasan Basri", "p-2")])) \
        == [["a1", "a2"]]
    assert groups(cases_of([first, _staff("a2", "2025-01-20", "sanctioned", "Tri Hasan Basri", "p-2")])) \
        == [["a1"], ["a2"]]


def test_a_place_word_taken_for_a_name_does_not_keep_the_named_head_apart():
    def head(aid, day, stage, name, role, person, title):
        text = f"{title}. Bawaslu menangani kasus itu."
        return article(aid, day, [(f"{name} ({role})", stage, "partisan_support", title)],
                       officials=[(name, role, person, "81.71")],
                       regions=[("81.71", "kota", "Ambon", text)], title=title, text=text)

    first = head("a1", "2024-11-03", "reported", "Lau", "Raja Negeri Tiang",  "p-lau",
                 "Raja Negeri Tiang Lau Ajak Warga Pilih Nomor 2")
    later = head("a2", "2024-11-11", "clarified", "Yosias Huwae", "Raja Negeri Tiang Lau", "p-yt",
                 "Bawaslu Klarifikasi Raja Negeri Tiang Lau, Yosias Huwae")
    assert groups(cases_of([first, later])) == [["a1", "a2"]]
    # two names of people stay two people
    other = head("a2", "2024-11-11", "clarified", "Yosias Huwae", "Raja Negeri Tiang", "p-yt",
                 "Bawaslu Klarifikasi Raja Negeri Tiang, Yosias Huwae")
    named = head("a1", "2024-11-03", "reported", "Markus Lau", "Raja Negeri Tiang", "p-ml",
                 "Raja Negeri Tiang, Markus Lau, Ajak Warga Pilih Nomor 2")
    assert groups(cases_of([named, other])) == [["a1"], ["a2"]]
