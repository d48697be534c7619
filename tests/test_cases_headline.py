"""A headline's stage against the body's: a headline may claim more than the body tells."""

from __future__ import annotations

import pytest

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


def test_a_dismissal_told_of_the_same_role_in_another_kabupaten_is_another_case():
    title = "Terbukti Tak Netral, TPP Kepala Puskesmas Ngasem Dipotong"
    act = "Pemkab Bojonegoro menjatuhkan sanksi kepada Kepala Puskesmas Ngasem karena unggahan kampanye."
    other = "Di Jember, kasus serupa yang melibatkan seorang kepala puskesmas justru dihentikan Bawaslu."
    item = article("a1", "2025-02-14", [("Kepala Puskesmas Ngasem", "sanctioned", "social_media", act)],
                   regions=[("35.22", "kabupaten", "Bojonegoro", act), ("35.09", "kabupaten", "Jember", other)],
                   title=title, text=f"{act} {other}")
    [rep] = reports(item)
    assert (rep.stage, rep.regency) == ("sanctioned", "35.22")
    # told of the case's own kabupaten, the dismissal is this case's
    item = article("a1", "2025-02-14", [("Kepala Puskesmas Ngasem", "sanctioned", "social_media", act)],
                   regions=[("35.22", "kabupaten", "Bojonegoro", act)], title=title,
                   text=f"{act} Kasus yang melibatkan kepala puskesmas itu kemudian dihentikan Bawaslu.")
    assert reports(item)[0].stage == "dismissed"


def test_a_headline_that_removes_from_office_is_a_sanction():
    from pantau.cases.rules import rules

    r = rules()
    assert r.headline_stage("Pj Bupati Kampar Copot Kadisdik yang Arahkan Kepsek Dukung Paslon") == "sanctioned"
    # named after a recommendation, the removal is the one recommended
    assert r.headline_stage("Bawaslu Rekomendasikan Bupati Copot Kadisdik") == "recommended"


def test_a_headline_sanction_the_body_leaves_to_later_is_not_yet_a_sanction():
    title = "Terbukti Kampanye, Kades Tembeng Putik Disanksi Pj Bupati"
    rec = "Bawaslu meneruskan rekomendasi terhadap Kepala Desa Tembeng Putik kepada Pj Bupati."
    later = "Nanti Pj Bupati yang memutuskan bentuk sanksinya."
    item = article("a1", "2024-10-23", [("Kepala Desa Tembeng Putik", "recommended", "campaign_attendance", rec)],
                   title=title, text=f"{rec} {later}")
    assert reports(item)[0].stage == "recommended"


def test_a_dismissal_of_another_holder_of_the_role_is_not_this_case():
    act = "Pj Bupati menjatuhkan sanksi teguran tertulis kepada Kepala Desa Tembeng Putik yang ikut berorasi di kampanye."
    other = "Di kecamatan yang sama, dugaan pelanggaran oleh kepala desa lain telah dihentikan."
    item = article("a1", "2024-11-12", [("Kepala Desa Tembeng Putik", "sanctioned", "campaign_attendance", act)],
                   title="Pj Bupati Beri Teguran Tertulis untuk Kades Tembeng Putik", text=f"{act} {other}")
    assert reports(item)[0].stage == "sanctioned"


def test_a_report_that_cannot_be_registered_is_dismissed():
    text = ("Bawaslu menyatakan laporan terhadap terlapor S, kepala sekolah pada salah satu SMP negeri, "
            "tidak dapat diregistrasi karena melewati batas waktu.")
    item = article("a1", "2024-10-24", [("kepala sekolah berinisial S", "reported", None, text)],
                   title="Laporan terhadap Kepala Sekolah Tidak Dapat Diregistrasi", text=text)
    assert reports(item)[0].stage == "dismissed"


def test_a_subject_named_only_in_the_headline_takes_the_one_kecamatan_the_article_names():
    from pantau.cases import cases_of

    first_text = "Seorang kepala sekolah di Kecamatan Kalisat, Jember, diduga mengajak wali murid memilih paslon."
    first = article("a1", "2024-10-30", [("Seorang kepala sekolah", "reported", "partisan_support", first_text)],
                    regions=[("35.09.27", "kecamatan", "Kalisat", first_text), ("35.09", "kabupaten", "Jember", first_text)],
                    text=first_text, title="Kepala SMPN di Kalisat Diduga Ajak Wali Murid Pilih Paslon")
    body = ("Bawaslu Kabupaten Jember menyampaikan informasi awal terkait kepala SMP Negeri di Kecamatan "
            "Kalisat tidak dapat ditindaklanjuti.")
    release = article("a2", "2024-11-12", [], regions=[("35.09.27", "kecamatan", "Kalisat", body),
                                                       ("35.09", "kabupaten", "Jember", body)],
                      text=body, title="Informasi Penanganan Dugaan Pelanggaran Kepala Sekolah di Kalisat")
    [rep] = reports(release)
    assert rep.subregions == {"35.09.27"}
    [case] = cases_of([first, release])
    assert case.articles == ["a1", "a2"] and case.stage == "dismissed"


def test_the_authority_taking_the_step_in_a_headline_is_not_its_subject():
    from pantau.cases.reports import _role_near
    from pantau.cases.rules import rules

    r = rules()
    assert _role_near("Pj Bupati Majene Tegur Tertulis Tujuh Guru Banggae", r) == "guru"
    assert _role_near("Pj Bupati Kampar Copot Kadisdik yang Arahkan Kepsek", r) == "kepala_dinas"
    # passive or receiving forms keep the role the subject
    assert _role_near("Terbukti Pakai Mobil Dinas, Camat Terancam Sanksi", r) == "camat"
    assert _role_near("Kades di Tebo Dicopot", r) == "kepala_desa"
    assert _role_near("Bupati Hadiri Deklarasi Paslon", r) == "kepala_daerah"


def test_the_criminal_track_stopped_is_no_dismissal_of_the_neutrality_case():
    rec = "Bawaslu meneruskan rekomendasi pelanggaran netralitas Lurah Cijoro Lebak ke BKN."
    stop = "Sementara itu Sentra Gakkumdu menghentikan kasus pidananya karena tidak cukup bukti."
    item = article("a1", "2024-11-20", [("Lurah Cijoro Lebak", "recommended", "partisan_support", rec)],
                   title="Gakkumdu Hentikan Kasus Lurah Cijoro Lebak", text=f"{rec} {stop}")
    assert reports(item)[0].stage == "recommended"


@pytest.mark.parametrize("other", [
    "Sementara laporan serupa terhadap seorang kepala sekolah di Bintan telah dihentikan Bawaslu.",
    "Adapun laporan terhadap Kepala Desa Karangrejo telah dihentikan Bawaslu karena tidak memenuhi unsur.",
    "Sementara itu, laporan terhadap perbekel desa lain di kecamatan itu telah dihentikan bulan lalu.",
])
def test_a_dismissal_told_of_a_similar_case_or_another_holder_is_not_this_case(other):
    act = "Pj Bupati menjatuhkan teguran tertulis kepada Kepala Desa Tegalsari yang hadir di kampanye."
    item = article("a1", "2024-11-20", [("Kepala Desa Tegalsari", "sanctioned", "campaign_attendance", act)],
                   title="Pj Bupati Tegur Tertulis Kades Tegalsari", text=f"{act} {other}")
    assert reports(item)[0].stage == "sanctioned"


@pytest.mark.parametrize("title,stage", [
    ("BKN Minta Bupati Gunungkidul Jatuhkan Hukuman Disiplin Sedang untuk Panewu", "recommended"),
    ("Pj Bupati Jatuhkan Sanksi kepada Kades Sukamaju", "sanctioned"),
    ("Kades Sukamaju Minta Maaf Usai Dijatuhi Sanksi", "sanctioned"),
])
def test_a_sanction_a_headline_asks_for_is_a_recommendation(title, stage):
    from pantau.cases.rules import rules

    assert rules().headline_stage(title) == stage


def test_the_one_asked_to_sanction_is_not_the_subject_and_a_panewu_is_a_camat():
    from pantau.cases.reports import _role_near
    from pantau.cases.rules import rules

    assert _role_near("BKN Minta Bupati Gunungkidul Jatuhkan Hukuman Disiplin Sedang untuk Panewu", rules()) == "camat"


@pytest.mark.parametrize("sentence", [
    "The election supervisory agency has halted its handling of the report against the village head of Tajun.",
    "Laporan terhadap Kepala Desa Tajun tidak akan diproses karena disampaikan melewati batas waktu.",
])
def test_english_and_late_report_dismissals(sentence):
    subject = "the village head of Tajun" if sentence.startswith("The") else "Kepala Desa Tajun"
    item = article("a1", "2024-10-30", [(subject, "reported", "campaign_attendance", sentence)],
                   title="Report against village head halted", text=sentence)
    assert reports(item)[0].stage == "dismissed"


def _unlinked(doc_type: str, violation_types: set[str]):
    """An article whose sentences tie no act to a subject: the act is told of a thing
    ("tenda berlabel Setda"), the official only denies it."""
    item = article("a1", "2024-10-08", [], doc_type=doc_type,
                   officials=[("Yohanes Dapa", "Ketua Bawaslu Kabupaten Ende", "p-ketua", "53.08"),
                              ("Markus Bata", "Kepala Bagian Umum Setda Ende", "p-markus", "53.08")],
                   title="Kursi Berlabel Pemkab Terpakai di Lokasi Kampanye",
                   text="Kursi berlabel Pemkab terpasang di lokasi kampanye. Kepala Bagian Umum Setda Ende, "
                        "Markus Bata, mengatakan kursi itu disewa tim pasangan calon.")
    item.violation_types = violation_types
    return reports(item)


def test_an_incident_article_with_no_subject_sentence_is_about_the_official_it_names():
    [rep] = _unlinked("incident", {"state_resources"})
    assert rep.persons == {"p-markus"} and rep.role == "kepala_bidang" and rep.acts == {"state_resources"}


def test_an_article_the_gate_called_other_needs_an_act_for_that():
    assert [rep.persons for rep in _unlinked("other", {"state_resources"})] == [{"p-markus"}]
    assert _unlinked("other", set()) == []


def _office_act(doc_type: str, violation_types: set[str], text: str):
    item = article("a1", "2024-10-16", [], doc_type=doc_type,
                   regions=[("33.15", "kabupaten", "Grobogan", text)],
                   title="Undangan Berkop Kecamatan Dipakai untuk Acara Paslon", text=text)
    item.violation_types = violation_types
    return reports(item)


def test_an_act_of_an_office_that_names_no_one_is_the_offices():
    text = ("Para ketua RT diundang ke aula dengan surat berkop Pemerintah Kecamatan Wirosari, lalu tim "
            "paslon memaparkan program.")
    [rep] = _office_act("incident", {"state_resources"}, text)
    assert rep.role == "asn" and rep.acts == {"state_resources"} and not rep.persons


def test_no_office_report_without_an_act_or_an_office():
    text = "Para ketua RT diundang ke aula dengan surat berkop Pemerintah Kecamatan Wirosari."
    assert _office_act("incident", set(), text) == []
    assert _office_act("incident", {"state_resources"}, "Para ketua RT diundang ke sebuah aula.") == []


def test_an_overseers_office_is_no_subject():
    text = "Badan Kepegawaian Negara menerima berkas tentang surat berkop dinas yang dipakai tim paslon."
    assert _office_act("incident", {"state_resources"}, text) == []
