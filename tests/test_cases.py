"""The case stage's decisions, one rule at a time, on hand-made inputs (no NLP): what one
article reports, and when two reports are one case."""

from __future__ import annotations

import random
from datetime import date

import pytest

from pantau.cases import cases_of
from pantau.cases.inputs import CaseInput, Mention
from pantau.cases.reports import initials_match, reports
from pantau.cases.rules import RULES_PATH, parse, rules

PESAWARAN, GEDONG_TATAAN, NEGERI_KATON = "18.09", "18.09.01", "18.09.02"
TEBO, RIMBO_BUJANG = "15.09", "15.09.04"
DESA_A, DESA_B = "15.09.04.2001", "15.09.04.2002"


def article(aid: str, day: str, incidents: list[tuple], *, officials=(), regions=(), title: str = "",
            doc_type: str = "incident", source: str = "warta", cluster: str | None = None,
            text: str = "", dates=()) -> CaseInput:
    """``incidents``: (subject, stage, violation type, sentence); ``officials``: (name, role,
    person id, region code); ``regions``: (code, level, name, sentence)."""
    return CaseInput(
        id=aid, source=source, published=date.fromisoformat(day), cluster=cluster or aid, title=title,
        doc_type=doc_type,
        incidents=[Mention(s, "", st, vt, sent, s) for s, st, vt, sent in incidents],
        officials=[{"name": n, "role": r, "org": None, "region_code": c, "person": p}
                   for n, r, p, c in officials],
        regions=[(c, lvl, name, frozenset({sent})) for c, lvl, name, sent in regions],
        dates=list(dates), text=text)


def camat_report(aid, day, act="campaign_attendance", stage="reported", person="p-rudi", **kw):
    sentence = f"Camat Gedong Tataan, Rudi Setiabudi, {aid}."
    return article(aid, day, [("Rudi Setiabudi (Camat Gedong Tataan)", stage, act, sentence)],
                   officials=[("Rudi Setiabudi", "Camat Gedong Tataan", person, GEDONG_TATAAN)],
                   regions=[(GEDONG_TATAAN, "kecamatan", "Gedong Tataan", sentence),
                            (PESAWARAN, "kabupaten", "Pesawaran", sentence)], **kw)


def groups(cases) -> list[list[str]]:
    return sorted(sorted(c.articles) for c in cases)


# -- what one article reports -------------------------------------------------------------

@pytest.mark.parametrize("doc_type", ["statistics", "prevention", "regulation"])
def test_statistics_outreach_and_regulation_report_no_case(doc_type):
    item = camat_report("a1", "2024-10-01", doc_type=doc_type)
    assert reports(item) == []


def test_an_overseer_is_never_a_subject():
    role = "Kepala Bidang Penanganan Pelanggaran Bawaslu Pesawaran"  # a role word, and an overseer
    sentence = f"{role}, Ahmad Fauzan, meneruskan temuan itu."
    item = article("a1", "2024-10-01", [(f"Ahmad Fauzan ({role})", "recommended", "social_media", sentence)],
                   officials=[("Ahmad Fauzan", role, "p-fauzan", PESAWARAN)])
    assert reports(item) == []


def test_an_unnamed_mention_joins_the_named_subject_of_its_role():
    s1, s2 = "Seorang camat di Pesawaran dilaporkan.", "Camat Gedong Tataan, Rudi Setiabudi, diklarifikasi."
    item = article("a1", "2024-10-01", [("seorang camat", "reported", "social_media", s1),
                                        ("Rudi Setiabudi (Camat Gedong Tataan)", "examined", None, s2)],
                   officials=[("Rudi Setiabudi", "Camat Gedong Tataan", "p-rudi", GEDONG_TATAAN)])
    [rep] = reports(item)
    assert rep.persons == {"p-rudi"} and rep.stage == "clarified" and rep.acts == {"social_media"}


def test_initials_join_the_person_whose_name_has_them():
    s1, s2 = "Lurah Sendangmulyo, Agus Haryadi, diperiksa.", "Lurah berinisial AP itu direkomendasikan."
    item = article("a1", "2024-10-01", [("Agus Haryadi (Lurah Sendangmulyo)", "examined", "vote_buying", s1),
                                        ("Lurah berinisial AP", "recommended", "vote_buying", s2)],
                   officials=[("Agus Haryadi", "Lurah Sendangmulyo", "p-agus", "33.74.10")])
    [rep] = reports(item)
    assert rep.stage == "recommended" and rep.persons == {"p-agus"}


def test_initials_another_sentence_gives_the_role_are_the_subjects():
    sentence = "Seorang guru PPPK di Kota Jayapura diduga mengunggah video ajakan memilih paslon."
    text = sentence + " Guru tersebut berinisial MK. Kepala sekolah itu berinisial TW."
    item = article("a1", "2024-10-10", [("Seorang guru", "reported", "social_media", sentence)], text=text)
    assert reports(item)[0].initials == "MK"
    two = article("a2", "2024-10-10", [("Seorang guru", "reported", "social_media", sentence)],
                  text=text + " Guru itu berinisial RS.")
    assert reports(two)[0].initials is None  # two sets of initials for one role: neither


def test_a_bare_role_mention_joins_the_person_the_article_names_by_that_role():
    """"Seorang penyuluh ... dilaporkan" and, later, "penyuluh bernama Bambang Sutrisno": one
    subject, whatever order the sentences come in."""
    s1 = "Seorang penyuluh pertanian di Grobogan dilaporkan karena mempromosikan istrinya."
    s2 = "Pelapor menyebut penyuluh bernama Bambang Sutrisno membagikan stiker caleg."
    item = article("a1", "2024-01-26", [("Seorang penyuluh", "reported", "partisan_support", s1),
                                        ("penyuluh bernama Bambang Sutrisno", "reported", "campaign_material", s2)])
    [rep] = reports(item)
    assert rep.names == {"bambang sutrisno"} and rep.acts == {"partisan_support", "campaign_material"}


def test_a_headline_case_takes_the_acts_the_article_names():
    """An article about one case whose sentences name no subject reports the headline's
    subject, with the violation types the article names as its acts."""
    item = article("a1", "2024-10-17", [], title="Panwaslih Teruskan Kasus Kepsek Pendukung Paslon ke BKN")
    item.violation_types = {"social_media"}
    [rep] = reports(item)
    assert rep.role == "kepala_sekolah" and rep.acts == {"social_media"}


def test_initials_of_one_word_names():
    assert initials_match("SP", "suparno") and initials_match("S", "suparno")
    assert not initials_match("SM", "suparno") and not initials_match("AP", "suparno")
    assert initials_match("AP", "agus priyanto") and not initials_match("AS", "agus priyanto")


def test_initials_of_the_first_words_or_the_first_and_last():
    assert initials_match("ML", "moh lutfi lasahido") and initials_match("MS", "muhammad iqbal saleh")
    assert initials_match("MLL", "moh lutfi lasahido") and not initials_match("LL", "moh lutfi lasahido")
    assert not initials_match("MI", "moh lutfi lasahido")


def test_a_step_is_dated_by_the_latest_recent_date_not_the_act_it_recalls():
    sentence = "Rekomendasi menyangkut Camat Gedong Tataan yang menghadiri kampanye pada 19 Oktober 2024."
    item = article("a1", "2024-11-13", [("Camat Gedong Tataan", "recommended", "campaign_attendance", sentence)],
                   dates=[("2024-11-11", "Bawaslu meneruskan rekomendasi, Senin (11/11/2024)."),
                          ("2024-10-19", sentence)])
    assert reports(item)[0].stage_date == "2024-11-11"
    # a report is dated by its act
    reported = article("a2", "2024-10-21", [("Camat Gedong Tataan", "reported", "campaign_attendance", sentence)],
                       dates=[("2024-10-20", "Warga melapor Minggu (20/10/2024)."), ("2024-10-19", sentence)])
    assert reports(reported)[0].stage_date == "2024-10-19"


def test_a_hedged_stage_is_still_a_report():
    sentence = "Bawaslu akan memanggil Camat Gedong Tataan, Rudi Setiabudi, untuk klarifikasi pekan depan."
    item = article("a1", "2024-10-01", [("Rudi Setiabudi (Camat Gedong Tataan)", "examined", "social_media",
                                         sentence)],
                   officials=[("Rudi Setiabudi", "Camat Gedong Tataan", "p-rudi", GEDONG_TATAAN)])
    assert reports(item)[0].stage == "reported"


@pytest.mark.parametrize("text,role", [("the ward chief of Sei Langkai", "lurah"), ("a state university lecturer", "guru"),
                                       ("the school principal", "kepala_sekolah"), ("a subdistrict head", "camat"),
                                       ("a pediatrician at the regional hospital", "tenaga_kesehatan"),
                                       ("kepala perangkat daerah di lingkungan Pemkab", "kepala_dinas"),
                                       ("head of the regency's fisheries office", "kepala_dinas"),
                                       ("Kepala Pelaksana BPBD Kabupaten Sumbawa", "kepala_dinas"),
                                       ("Kepala Bappeda Kolaka", "kepala_dinas"),
                                       ("Penghulu Kampung Teluk Lanus", "kepala_desa"),
                                       ("direktur BUMD air minum", "asn"),
                                       ("Kepala KUA Kecamatan Ngaglik", "kepala_kua"),
                                       ("kepala kantor urusan agama di kecamatan itu", "kepala_kua"),
                                       ("Sekretaris DPRD Kabupaten Nagekeo", "kepala_dinas"),
                                       ("the Nagekeo council secretary", "kepala_dinas"),
                                       ("penghulu ahli muda di KUA Kecamatan Depok", "penghulu"),
                                       ("Datuk Penghulu Sungai Liput", "kepala_desa"),
                                       ("kepala satuan pendidikan dasar negeri", "kepala_sekolah"),
                                       ("secretary of the regency health office", "sekretaris_dinas"),
                                       ("head of Nagekeo regency's fisheries agency", "kepala_dinas"),
                                       ("head of the bridges section at the city's public works agency",
                                        "kepala_bidang"),
                                       ("Direktur RSUD Nagekeo", "kepala_dinas"),
                                       ("the head of a community health centre in Nagekeo", "tenaga_kesehatan"),
                                       ("five ward chiefs", "lurah"), ("two school principals", "kepala_sekolah"),
                                       ("three civil servants", "asn"),
                                       ("an agriculture official in Kolaka", "asn"),
                                       ("the head of Sigi regency's library and archives agency",
                                        "kepala_dinas")])
def test_english_and_generic_subjects_have_their_roles(text, role):
    assert rules().role_of(text) == role


def test_a_promised_step_is_not_taken_yet():
    sentence = "Ketua Bawaslu berjanji memanggil Camat Gedong Tataan, Rudi Setiabudi, untuk dimintai penjelasan."
    item = article("a1", "2024-10-01", [("Rudi Setiabudi (Camat Gedong Tataan)", "examined", "social_media",
                                         sentence)],
                   officials=[("Rudi Setiabudi", "Camat Gedong Tataan", "p-rudi", GEDONG_TATAAN)])
    assert reports(item)[0].stage == "reported"


def test_the_headline_names_the_stage_the_sentences_miss():
    item = camat_report("a1", "2024-10-01", title="Bawaslu Pesawaran Rekomendasikan Camat Gedong Tataan ke BKN")
    assert reports(item)[0].stage == "recommended"
    hedged = camat_report("a2", "2024-10-01", title="Camat Gedong Tataan Terancam Sanksi")
    assert reports(hedged)[0].stage == "reported"


def test_a_sanction_the_headline_recommends_is_a_recommendation():
    item = camat_report("a1", "2024-10-01", title="Bawaslu Rekomendasikan Bupati Beri Sanksi Camat Gedong Tataan")
    assert reports(item)[0].stage == "recommended"
    item = camat_report("a2", "2024-10-01", title="Camat Gedong Tataan Disanksi Setelah Rekomendasi Bawaslu")
    assert reports(item)[0].stage == "sanctioned"


def test_release_from_office_is_its_sanction_kind():
    sentence = "Camat Gedong Tataan, Rudi Setiabudi, dibebaskan dari jabatannya selama 12 bulan, Senin (3/2/2025)."
    item = article("a1", "2025-02-05", [("Rudi Setiabudi (Camat Gedong Tataan)", "sanctioned", None, sentence)],
                   officials=[("Rudi Setiabudi", "Camat Gedong Tataan", "p-rudi", GEDONG_TATAAN)],
                   dates=[("2025-02-03", sentence)])
    assert reports(item)[0].sanction == "pembebasan_jabatan"


def test_stopping_the_handling_of_a_report_is_a_dismissal():
    text = "Bawaslu menghentikan penanganan laporan terhadap Camat Gedong Tataan karena unsurnya tidak terpenuhi."
    assert reports(camat_report("a1", "2024-10-01", text=text))[0].stage == "dismissed"


def test_dismissal_read_in_the_sentences_about_the_subject_not_after_a_conditional():
    text = ("Bawaslu menyatakan laporan terhadap Camat Gedong Tataan tidak memenuhi unsur pelanggaran. "
            "Dua laporan lain dihentikan pekan lalu.")
    assert reports(camat_report("a1", "2024-10-01", text=text))[0].stage == "dismissed"
    text = "Jika tidak terbukti, laporan terhadap camat itu tidak dilanjutkan. Camat Gedong Tataan membantah."
    assert reports(camat_report("a2", "2024-10-01", text=text))[0].stage == "reported"
    text = "Acara warga dihentikan petugas. Camat Gedong Tataan hadir."
    assert reports(camat_report("a3", "2024-10-01", text=text))[0].stage == "reported"


def test_the_kind_of_sanction_and_the_stage_date():
    sentence = "Camat Gedong Tataan, Rudi Setiabudi, dijatuhi penundaan kenaikan pangkat pada Senin (3/2/2025)."
    item = article("a1", "2025-02-05", [("Rudi Setiabudi (Camat Gedong Tataan)", "sanctioned", None, sentence)],
                   officials=[("Rudi Setiabudi", "Camat Gedong Tataan", "p-rudi", GEDONG_TATAAN)],
                   dates=[("2025-02-03", sentence), ("2024-09-01", "Kasus bermula pada September.")])
    [rep] = reports(item)
    assert (rep.stage, rep.sanction, rep.stage_date) == ("sanctioned", "penundaan_kenaikan_pangkat", "2025-02-03")


def test_an_official_quoted_about_the_case_is_not_a_second_case():
    main = "Kades Tirta Kencana, Suparno, hadir di kampanye."
    quote = "Camat Rimbo Bujang, Hasan, meneruskan rekomendasi itu."
    item = article("a1", "2024-10-01",
                   [("Suparno (Kepala Desa Tirta Kencana)", "recommended", "campaign_attendance", main),
                    ("Suparno (Kepala Desa Tirta Kencana)", "reported", "campaign_attendance", main),
                    ("Hasan (Camat Rimbo Bujang)", "recommended", "campaign_attendance", quote)],
                   officials=[("Suparno", "Kepala Desa Tirta Kencana", "p-suparno", DESA_A),
                              ("Hasan", "Camat Rimbo Bujang", "p-hasan", RIMBO_BUJANG)],
                   title="Kades Tirta Kencana Direkomendasikan ke Bupati")
    assert [r.persons for r in reports(item)] == [{"p-suparno"}]


def test_a_second_subject_with_its_own_act_is_its_own_case():
    s1, s2 = "Lurah Cipondoh, Ahmad, mengunggah ajakan.", "Dua kepala desa di Pasar Kemis memasang spanduk."
    item = article("a1", "2024-11-20", [("Ahmad (Lurah Cipondoh)", "recommended", "social_media", s1),
                                        ("Ahmad (Lurah Cipondoh)", "reported", "social_media", s1),
                                        ("dua kepala desa", "reported", "campaign_material", s2)],
                   officials=[("Ahmad", "Lurah Cipondoh", "p-ahmad", "36.71.01")])
    assert sorted(r.role for r in reports(item)) == ["kepala_desa", "lurah"]


# -- when reports are one case --------------------------------------------------------------

def test_a_syndicated_copy_is_one_report_of_the_case():
    [case] = cases_of([camat_report("a1", "2024-10-01"), camat_report("a2", "2024-10-01", cluster="a1",
                                                                      source="other")])
    assert case.articles == ["a1", "a2"] and case.reports == 1 and case.outlets == 2


def test_copies_of_an_article_about_two_cases_join_each_case():
    def two(aid, cluster):
        s1, s2 = "Camat berinisial FYT hadir di deklarasi.", "Camat berinisial AM mengunggah foto."
        return article(aid, "2024-10-01", [("Camat berinisial FYT", "recommended", "campaign_attendance", s1),
                                           ("Camat berinisial AM", "examined", "partisan_photo", s2)],
                       regions=[("53.71", "kota", "Kupang", s1), ("53.71", "kota", "Kupang", s2)],
                       cluster=cluster)
    cases = cases_of([two("a1", "a1"), two("a2", "a1")])
    assert groups(cases) == [["a1", "a2"], ["a1", "a2"]]
    assert sorted(c.subject.initials for c in cases) == ["AM", "FYT"]


def test_a_follow_up_naming_only_the_role_joins_the_case():
    first = camat_report("a1", "2024-10-01", act="social_media")
    sentence = "Bawaslu merekomendasikan camat di Gedong Tataan yang dilaporkan pekan lalu ke BKN."
    follow = article("a2", "2024-10-09", [("camat di Gedong Tataan", "recommended", "social_media", sentence)],
                     regions=[(GEDONG_TATAAN, "kecamatan", "Gedong Tataan", sentence)], source="bawaslu")
    [case] = cases_of([first, follow])
    assert case.articles == ["a1", "a2"] and case.stage == "recommended"
    assert case.lag_recommendation_days == 8


def test_same_official_another_act_months_apart_is_another_case():
    cases = cases_of([camat_report("a1", "2024-05-10", act="campaign_attendance"),
                      camat_report("a2", "2024-10-02", act="partisan_photo")])
    assert groups(cases) == [["a1"], ["a2"]]


def test_same_official_same_act_weeks_later_is_the_same_case():
    cases = cases_of([camat_report("a1", "2024-10-01", act="social_media"),
                      camat_report("a2", "2024-10-20", act="social_media", stage="sanctioned")])
    assert groups(cases) == [["a1", "a2"]] and cases[0].status == "sanctioned"


def test_same_role_and_act_in_another_kabupaten_is_another_case():
    s1, s2 = "Seorang kepala desa di Gowa hadir di kampanye.", "Seorang kepala desa di Takalar hadir di kampanye."
    a = article("a1", "2024-10-01", [("seorang kepala desa", "reported", "campaign_attendance", s1)],
                regions=[("73.06", "kabupaten", "Gowa", s1)])
    b = article("a2", "2024-10-02", [("seorang kepala desa", "reported", "campaign_attendance", s2)],
                regions=[("73.05", "kabupaten", "Takalar", s2)])
    assert groups(cases_of([a, b])) == [["a1"], ["a2"]]


def test_two_village_heads_of_one_kecamatan_stay_apart():
    def kades(aid, day, desa, name, person, act):
        sentence = f"Kepala Desa {name} dilaporkan."
        return article(aid, day, [(f"{name} (Kepala Desa)", "reported", act, sentence)],
                       officials=[(name, "Kepala Desa", person, desa)],
                       regions=[(desa, "desa", "Desa", sentence), (RIMBO_BUJANG, "kecamatan", "Rimbo Bujang", sentence)])
    cases = cases_of([kades("a1", "2024-10-01", DESA_A, "Suparno", "p1", "campaign_attendance"),
                      kades("a2", "2024-10-03", DESA_B, "Wagiman", "p2", "campaign_attendance")])
    assert groups(cases) == [["a1"], ["a2"]]
    s1, s2 = "Seorang kepala desa di Rimbo Bujang hadir.", "Seorang kepala desa di Rimbo Bujang mengunggah video."
    unnamed = [article("a3", "2024-10-01", [("seorang kepala desa", "reported", "campaign_attendance", s1)],
                       regions=[(RIMBO_BUJANG, "kecamatan", "Rimbo Bujang", s1)]),
               article("a4", "2024-10-04", [("seorang kepala desa", "reported", "social_media", s2)],
                       regions=[(RIMBO_BUJANG, "kecamatan", "Rimbo Bujang", s2)])]
    assert groups(cases_of(unnamed)) == [["a3"], ["a4"]]


def test_different_initials_are_different_people():
    s1, s2 = "Camat berinisial FYT hadir.", "Camat berinisial AM hadir."
    a = article("a1", "2024-10-01", [("Camat berinisial FYT", "reported", "campaign_attendance", s1)],
                regions=[("53.71", "kota", "Kupang", s1)])
    b = article("a2", "2024-10-02", [("Camat berinisial AM", "reported", "campaign_attendance", s2)],
                regions=[("53.71", "kota", "Kupang", s2)])
    assert groups(cases_of([a, b])) == [["a1"], ["a2"]]


def test_an_unnamed_subject_joins_the_named_official_later_identified():
    s1 = "Seorang camat di Kabupaten Pesawaran diduga hadir di kampanye."
    first = article("a1", "2024-10-01", [("seorang camat", "reported", "campaign_attendance", s1)],
                    regions=[(PESAWARAN, "kabupaten", "Pesawaran", s1)])
    [case] = cases_of([first, camat_report("a2", "2024-10-08", stage="examined")])
    assert case.articles == ["a1", "a2"] and [s.stage for s in case.stages] == ["reported", "clarified"]


def test_the_result_does_not_depend_on_the_order_of_the_articles():
    items = [camat_report("a1", "2024-10-01", act="social_media"),
             camat_report("a2", "2024-10-01", cluster="a1"),
             camat_report("a3", "2024-10-20", act="social_media", stage="recommended"),
             camat_report("a4", "2025-06-01", act="vote_buying")]
    expected = [(c.id, c.articles) for c in cases_of(items)]
    for seed in range(5):
        random.Random(seed).shuffle(items)
        assert [(c.id, c.articles) for c in cases_of(items)] == expected


def test_status_open_or_unknown_by_the_last_news():
    old = camat_report("a1", "2024-01-10", act="campaign_attendance")
    recent = camat_report("a2", "2024-10-02", act="partisan_photo", person="p-other")
    by_article = {c.articles[0]: c.status for c in cases_of([old, recent])}
    assert by_article == {"a1": "unknown", "a2": "open"}


def test_every_join_keeps_its_score_and_reasons():
    [case] = cases_of([camat_report("a1", "2024-10-01"), camat_report("a2", "2024-10-09", stage="examined")])
    second = case.members[1]
    assert second.score >= rules().link["join"] and "same official" in second.reasons


# -- the rules file ------------------------------------------------------------------------

def test_the_rules_file_loads_and_refuses_a_word_under_two_roles():
    import tomllib

    data = tomllib.loads(RULES_PATH.read_text(encoding="utf-8"))
    assert parse(data).role_of("Kepala Desa Tirta Kencana") == "kepala_desa"
    data["roles"]["camat"]["words"].append("kades")
    with pytest.raises(ValueError, match="kades"):
        parse(data)


def test_a_role_phrase_with_a_quantifier_is_read_as_its_role():
    r = rules()
    assert r.role_of("kepala salah satu dinas di lingkungan Pemerintah Kabupaten X") == "kepala_dinas"
    assert r.role_of("Kepala salah satu SMP negeri di Kecamatan Y") == "kepala_sekolah"


def test_a_headline_that_counts_many_subjects_reports_no_case():
    title = "Over 1,200 civil servants reported for partisanship in regional polls, BKN says"
    item = article("a1", "2024-12-10", [], title=title)
    assert reports(item) == []
    single = article("a1", "2024-12-10", [], title="Civil servant reported for partisanship in Nagekeo polls")
    assert [rep.role for rep in reports(single)] == ["asn"]


@pytest.mark.parametrize("text, role", [("Puskesmas Gedong Tataan", "tenaga_kesehatan"),
                                        ("Cempaka health centre", "tenaga_kesehatan"),
                                        ("SDN 3 Sukamaju", "kepala_sekolah"),
                                        ("UPT Pasar Induk", "kepala_bidang"),
                                        ("Dinas Perikanan", "kepala_dinas"),
                                        ("Dinkes Pesawaran", "kepala_dinas"),  # a shared term list
                                        ("Kantor Kecamatan Gedong Tataan", "camat"),
                                        ("Distrik Prafi", "camat")])
def test_an_office_standing_as_the_subject_is_read_as_its_head(text, role):
    assert rules().role_of(text) == role


def test_the_office_whose_car_did_the_act_joins_the_case_of_its_named_head():
    s1 = "Mobil siaga bertuliskan Puskesmas Gedong Tataan terlihat di pawai pendukung caleg."
    first = article("a1", "2024-10-01", [("Puskesmas Gedong Tataan", "reported", "state_resources", s1)],
                    regions=[(GEDONG_TATAAN, "kecamatan", "Gedong Tataan", s1),
                             (PESAWARAN, "kabupaten", "Pesawaran", s1)])
    s2 = "Kepala Puskesmas Gedong Tataan, Rina Marlina, diklarifikasi soal mobil siaga di pawai caleg."
    second = article("a2", "2024-10-08", [("Rina Marlina (Kepala Puskesmas Gedong Tataan)", "examined",
                                           "state_resources", s2)],
                     officials=[("Rina Marlina", "Kepala Puskesmas Gedong Tataan", "p-rina", GEDONG_TATAAN)],
                     regions=[(GEDONG_TATAAN, "kecamatan", "Gedong Tataan", s2),
                              (PESAWARAN, "kabupaten", "Pesawaran", s2)])
    [report] = reports(first)
    assert report.role == "asn"  # any holder of a post at the puskesmas may be the doer
    assert groups(cases_of([first, second])) == [["a1", "a2"]]


def test_the_civil_service_police_head_is_one_per_kabupaten_and_an_agency_head():
    r = rules()
    assert r.role_of("Kepala Satuan Polisi Pamong Praja Majalengka berinisial AR") == "kepala_satpol"
    assert r.role_of("the head of Majalengka regency's public order agency") == "kepala_satpol"
    assert r.role_of("Polisi Pamong Praja berinisial AR") == "asn"  # not the police
    assert r.compatible_roles("kepala_satpol", "kepala_dinas") == "generic"
    assert r.compatible_roles("kepala_satpol", "camat") is None
    assert r.roles["kepala_satpol"].unique_at == "kabupaten"


@pytest.mark.parametrize("title, stage", [("Satpol PP Disebut Cuma Copot Spanduk Paslon Nomor 3", None),
                                          ("Petugas Mencopot Spanduk Caleg di Pagar Sekolah", None),
                                          ("Kades Sukamaju Dicopot dari Jabatannya", "sanctioned")])
def test_taking_down_props_is_no_sanction(title, stage):
    assert rules().headline_stage(title) == stage


@pytest.mark.parametrize("text, role", [("Markus Ndiken (head of Muting district)", "camat"),
                                        ("head of the agency's plantation division", "kepala_bidang")])
def test_english_heads_of_a_district_and_of_a_division(text, role):
    assert rules().role_of(text) == role


def test_an_office_subject_joins_the_case_of_another_post_holder_of_the_office():
    s1 = "Truk milik Dinas Koperasi Kabupaten Pesawaran dipakai mengangkut panggung kampanye caleg."
    first = article("a1", "2024-10-06", [("Dinas Koperasi Kabupaten Pesawaran", "reported", "state_resources", s1)],
                    regions=[(PESAWARAN, "kabupaten", "Pesawaran", s1)])
    s2 = ("Bawaslu meneruskan Kepala Seksi Angkutan Dinas Koperasi Pesawaran berinisial RM yang meminjamkan truk "
          "dinas itu untuk kampanye caleg.")
    second = article("a2", "2024-10-24", [("Kepala Seksi Angkutan berinisial RM", "recommended", "state_resources",
                                           s2)], regions=[(PESAWARAN, "kabupaten", "Pesawaran", s2)])
    assert rules().office_role("Dinas Koperasi Kabupaten Pesawaran") == "asn"
    assert rules().office_role("Kepala Seksi Angkutan") is None
    assert groups(cases_of([first, second])) == [["a1", "a2"]]


def test_english_secretary_of_a_sub_district_is_a_sekcam():
    assert rules().role_of("The secretary of Cibatu sub-district") == "sekcam"


@pytest.mark.parametrize("title, role", [("Spanduk Paslon Wali Kota Terpasang di Pagar SMA Negeri 3", None),
                                         ("Laporan Truk Dinas Bawa Spanduk Dilimpahkan ke Bupati Pesawaran", None),
                                         ("Kades di Pesawaran Diduga Kampanyekan Calon Bupati", "kepala_desa")])
def test_a_headline_role_sought_by_a_candidate_or_receiving_the_case_is_no_subject(title, role):
    from pantau.cases.reports import _role_near

    assert _role_near(title, rules()) == role


def test_a_headline_overseer_after_the_step_leaves_the_role_the_subject():
    from pantau.cases.reports import _role_near

    assert _role_near("Camat Sukaresmi Diperiksa Bawaslu", rules()) == "camat"
    assert _role_near("Anggota Bawaslu Sukaresmi Diperiksa DKPP", rules()) is None


def test_an_english_official_of_an_office_is_a_civil_servant():
    assert rules().role_of("A traffic official at the Sukamaju regency transportation agency") == "asn"


@pytest.mark.parametrize("text", ["Mantri Pamong Praja Kemantren Jetis", "A district head", "Panewu Semanu"])
def test_camat_equivalents(text):
    assert rules().role_of(text) == "camat"


def test_the_head_of_a_village_even_in_a_district_is_a_village_head():
    r = rules()
    assert r.role_of("The head of a village of Cibeber district") == "kepala_desa"
    assert r.role_of("the head of Cibeber district") == "camat"


def test_an_english_post_of_an_agency_names_a_role_not_an_office():
    r = rules()
    assert r.office_role("The head of Cianjur regency's culture agency") is None
    assert r.role_of("The head of the regency's culture agency") == "kepala_dinas"
    assert r.office_role("Dinas Pertanian Cianjur") is not None


def test_the_head_of_one_agency_is_one_person_whatever_the_language():
    """One head per agency: the Indonesian and the English report of the same agency's head join
    even when they read different acts; another agency's head stays apart."""
    s1 = "Kepala Dinas Perikanan Kabupaten Pesawaran diduga mengarahkan nelayan binaan memilih paslon."
    s2 = "The Pesawaran fisheries agency chief was questioned over a video backing a candidate."
    s3 = "Kepala Dinas Pendidikan Kabupaten Pesawaran dilaporkan karena membagikan sembako bergambar paslon."
    region = [(PESAWARAN, "kabupaten", "Pesawaran", s) for s in (s1, s2, s3)]
    a1 = article("a1", "2024-10-01", [("Kepala Dinas Perikanan Kabupaten Pesawaran", "reported",
                                       "partisan_decision", s1)], regions=[region[0]])
    a2 = article("a2", "2024-10-20", [("The head of the fisheries agency", "examined",
                                       "social_media", s2)], regions=[region[1]])
    a3 = article("a3", "2024-10-21", [("Kepala Dinas Pendidikan Kabupaten Pesawaran", "reported", "vote_buying",
                                       s3)], regions=[region[2]])
    assert groups(cases_of([a1, a2, a3])) == [["a1", "a2"], ["a3"]]


def test_an_english_extension_worker_is_a_penyuluh():
    assert rules().role_of("a fisheries extension worker of Cianjur") == "penyuluh"


def test_english_election_officials_are_overseers():
    r = rules()
    assert all(r.excluded_re.search(t) for t in ("an election official", "the civil service commission"))
