"""pantau_doctype and pantau_incidents on short articles written for these tests."""

from __future__ import annotations

import pytest
import spacy

import nlp.components.doctype as doctype
import nlp.components.incidents as incidents
import nlp.components.violations  # noqa: F401  (registers the factory)
from nlp.tokenizer import blank
from pantau.schema import IncidentMention, ViolationMention

INCIDENT = (
    "Guru PNS di Kendal Dipanggil Bawaslu karena Unggah Foto Paslon di Facebook",
    """KENDAL - Badan Pengawas Pemilihan Umum (Bawaslu) Kabupaten Kendal memanggil seorang guru PNS berinisial AS terkait unggahan di akun Facebook pribadinya, Senin (14/10/2024).

Dalam unggahan tersebut, AS mengunggah foto pasangan calon bupati disertai tulisan ajakan untuk memilih pasangan nomor urut 2. Unggahan itu dilaporkan seorang warga pada pekan lalu.

Ketua Bawaslu Kendal mengatakan yang bersangkutan telah diklarifikasi dan mengakui akun tersebut miliknya. Hasil kajian akan diteruskan kepada Badan Kepegawaian Negara.

"Kami imbau ASN lain agar lebih berhati-hati dalam bermedia sosial," ujarnya.""",
)

PREVENTION = (
    "Bawaslu Wonosobo Ingatkan ASN Jaga Netralitas Jelang Kampanye",
    """WONOSOBO - Bawaslu Kabupaten Wonosobo menggelar sosialisasi netralitas aparatur sipil negara (ASN) bagi kepala organisasi perangkat daerah dan camat di aula kantor bupati, Rabu (11/9/2024).

Ketua Bawaslu Wonosobo mengingatkan ASN agar tidak menghadiri kampanye, tidak memberikan like pada unggahan pasangan calon, dan tidak berfoto dengan gestur jari yang menunjukkan dukungan.

Pada Pemilu 2019 lalu, Bawaslu mencatat 12 laporan dugaan pelanggaran netralitas ASN di Wonosobo. Sebanyak 8 kasus di antaranya diteruskan ke KASN.

"Kami berharap angka itu tidak terulang. Mari jaga netralitas bersama," kata dia.

Kegiatan ditutup dengan penandatanganan pakta integritas netralitas oleh seluruh peserta.""",
)

STATISTICS = (
    "Bawaslu Jatim Terima 400 Laporan Dugaan Pelanggaran Netralitas ASN",
    """SURABAYA - Bawaslu Provinsi Jawa Timur mencatat 400 laporan dugaan pelanggaran netralitas aparatur sipil negara (ASN) selama tahapan Pilkada 2024 hingga akhir Oktober.

Dari jumlah tersebut, 215 laporan berasal dari temuan pengawas dan 185 laporan dari masyarakat. Sebanyak 160 kasus telah direkomendasikan kepada Badan Kepegawaian Negara, sementara 90 kasus dihentikan karena tidak memenuhi unsur.

Pelanggaran terbanyak berupa aktivitas di media sosial sebesar 41 persen, disusul menghadiri kampanye 23 persen dan keberpihakan kepala desa 15 persen.

Kabupaten Jember menjadi daerah dengan laporan tertinggi, yakni 38 laporan, diikuti Kabupaten Malang dengan 31 laporan.""",
)

REGULATION = (
    "Ini Sanksi bagi ASN yang Tidak Netral dalam Pilkada",
    """JAKARTA - Aturan netralitas aparatur sipil negara (ASN) diatur dalam Undang-Undang Nomor 20 Tahun 2023 tentang ASN dan Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS.

Surat Keputusan Bersama (SKB) lima lembaga merinci bentuk pelanggaran, di antaranya menjadi anggota partai politik dan memasang spanduk pasangan calon.

Pelanggaran disiplin dijatuhi hukuman ringan berupa teguran lisan atau teguran tertulis. Hukuman sedang berupa pemotongan tunjangan kinerja, sedangkan hukuman berat berupa penurunan jabatan hingga pemberhentian dengan hormat tidak atas permintaan sendiri.

Selain sanksi disiplin, Pasal 188 Undang-Undang Pilkada mengatur ancaman pidana penjara paling lama enam bulan bagi pejabat yang melanggar larangan tersebut.""",
)

LEAD_ACT = (
    None,
    """JAKARTA - Dua unit kendaraan dinas milik Kecamatan Cilandak dipakai mengangkut peserta kampanye akbar salah satu pasangan calon gubernur di Lapangan Banteng, Minggu (10/11/2024).

Warga merekam kendaraan berpelat merah itu saat menurunkan penumpang di pintu masuk lapangan. Camat Cilandak mengaku belum mengetahui siapa yang memberi izin penggunaan kendaraan tersebut.

Bawaslu Kota Jakarta Selatan menyatakan akan menelusuri penggunaan kendaraan itu. Pemkot juga mengingatkan seluruh pegawai agar menjaga netralitas.""",
)

OTHER = (
    "Harga Cabai Rawit di Pasar Johar Naik Dua Kali Lipat",
    """SEMARANG - Harga cabai rawit di Pasar Johar, Kota Semarang, naik dari Rp40.000 menjadi Rp80.000 per kilogram dalam sepekan terakhir.

Pedagang menyebut pasokan dari petani di lereng Gunung Merbabu berkurang akibat hujan deras. Dinas Perdagangan berencana menggelar operasi pasar pekan depan.""",
)


ELECTION_OTHER = (
    "Polres Kawal Distribusi Logistik Pemilu ke 14 Kecamatan",
    """BLORA - Polres Blora mengawal distribusi logistik Pemilu 2024 dari gudang KPU Kabupaten Blora ke 14 kecamatan, Senin (12/2/2024).

Kapolres Blora mengatakan sebanyak 250 personel gabungan TNI dan Polri dikerahkan untuk pengamanan. Setiap truk pengangkut kotak suara dan surat suara didampingi dua anggota polisi.

Ketua KPU Blora menyebut logistik diterima panitia pemilihan kecamatan dalam kondisi baik. Camat dan anggota Bawaslu turut menyaksikan serah terima di setiap kecamatan.

"Kami pastikan pergeseran logistik berjalan aman dan tepat waktu sampai ke TPS," kata Kapolres.""",
)

SANCTION_CASE = (
    "Kepala Desa Karangrejo Dijatuhi Sanksi karena Ikut Kampanye Caleg",
    """GROBOGAN - Bupati Grobogan menjatuhkan sanksi teguran tertulis kepada Kepala Desa Karangrejo berinisial SW setelah terbukti ikut kampanye salah satu caleg DPRD, Kamis (7/3/2024).

Sanksi itu dijatuhkan berdasarkan rekomendasi Bawaslu Grobogan yang sebelumnya memeriksa SW. Dalam pemeriksaan, SW mengakui hadir dalam kampanye tersebut.

Menurut Bawaslu, perbuatan itu melanggar Pasal 280 ayat (2) huruf h Undang-Undang Nomor 7 Tahun 2017 tentang Pemilu serta Pasal 29 huruf g Undang-Undang Nomor 6 Tahun 2014 tentang Desa.

Pasal 30 undang-undang yang sama mengatur sanksi administratif berupa teguran lisan atau teguran tertulis, dan pemberhentian sementara bila teguran tidak dilaksanakan.

Ketentuan pidana dalam Pasal 490 UU Pemilu mengancam kepala desa yang menguntungkan peserta pemilu dengan pidana penjara paling lama satu tahun dan denda.""",
)

RULES_AT_MEETING = (
    "Rakor Netralitas, Bawaslu Paparkan Aturan dan Sanksi bagi ASN",
    """PATI - Bawaslu Kabupaten Pati menggelar rapat koordinasi netralitas ASN bersama kepala perangkat daerah dan camat, Selasa (8/10/2024).

Dalam paparannya, anggota Bawaslu menjelaskan bahwa netralitas ASN diatur dalam Pasal 9 ayat (2) Undang-Undang Nomor 20 Tahun 2023 tentang ASN.

Larangan bagi ASN juga diatur dalam Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS dan SKB lima lembaga tentang pedoman netralitas.

Pelanggaran disiplin itu diganjar hukuman disiplin ringan berupa teguran lisan, teguran tertulis atau pernyataan tidak puas secara tertulis.

Hukuman disiplin sedang berupa pemotongan tunjangan kinerja, sedangkan hukuman disiplin berat berupa penurunan jabatan hingga pemberhentian.

Selain itu, Pasal 188 Undang-Undang Nomor 1 Tahun 2015 mengatur ancaman pidana penjara dan denda bagi pejabat yang melanggar.

Peserta rapat diminta meneruskan penjelasan tersebut kepada seluruh pegawai di unit kerjanya.""",
)


@pytest.fixture(scope="module")
def nlp():
    pipeline = blank()
    pipeline.add_pipe("sentencizer")
    for name in ("pantau_cues", "pantau_violations", "pantau_incidents", "pantau_doctype"):
        pipeline.add_pipe(name)
    return pipeline


def run(nlp, title, body):
    doc = nlp.make_doc(body)
    if title is not None:
        doc.user_data["title"] = title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize("article,expected", [
    (INCIDENT, "incident"), (PREVENTION, "prevention"), (STATISTICS, "statistics"),
    (REGULATION, "regulation"), (OTHER, "other"),
])
def test_doc_type_with_title(nlp, article, expected):
    doc = run(nlp, *article)
    assert doc._.doc_type == expected, doc.user_data.get("doc_type_scores")


@pytest.mark.parametrize("article,expected", [
    (INCIDENT, "incident"), (PREVENTION, "prevention"), (STATISTICS, "statistics"),
    (REGULATION, "regulation"), (OTHER, "other"),
])
def test_doc_type_from_body_alone(nlp, article, expected):
    doc = run(nlp, None, article[1])
    assert doc._.doc_type == expected, doc.user_data.get("doc_type_scores")


@pytest.mark.parametrize("article,expected", [
    (ELECTION_OTHER, "other"), (SANCTION_CASE, "incident"), (RULES_AT_MEETING, "regulation"),
])
def test_main_purpose(nlp, article, expected):
    """Election news without neutrality content is other; a named case told with legal
    citations is an incident; rules and sanctions explained at a meeting are regulation."""
    for title in (article[0], None):
        doc = run(nlp, title, article[1])
        assert doc._.doc_type == expected, (title, doc.user_data.get("doc_type_scores"))


def test_a_link_line_does_not_make_an_article_on_topic(nlp):
    body = ELECTION_OTHER[1] + ("\nBaca Juga: Kades Ikut Kampanye Caleg, Bawaslu Tegaskan Langgar "
                                "Netralitas ASN dan Terancam Sanksi")
    doc = run(nlp, None, body)
    assert doc._.violations == [] and doc._.doc_type == "other"


def test_an_act_told_in_the_lead_makes_an_incident(nlp):
    doc = run(nlp, *LEAD_ACT)
    assert "state_resources" in {v["type"] for v in doc._.violations}
    assert doc._.doc_type == "incident", doc.user_data.get("doc_type_scores")


def test_prevention_quoting_numbers_stays_prevention(nlp):
    scores = run(nlp, *PREVENTION).user_data["doc_type_scores"]
    assert scores["prevention"] > scores["statistics"] > 0


def test_violations_of_the_articles(nlp):
    assert {v["type"] for v in run(nlp, *INCIDENT)._.violations} == {"social_media", "partisan_support"}
    assert {v["type"] for v in run(nlp, *PREVENTION)._.violations} == {
        "campaign_attendance", "social_media", "partisan_photo"}
    assert run(nlp, *OTHER)._.violations == []


def test_incident_mentions(nlp):
    doc = run(nlp, *INCIDENT)
    found = doc._.incidents
    assert found, "a named case must give incident mentions"
    first = found[0]
    assert first["subject"] == "guru PNS berinisial AS"
    assert first["stage"] == "examined"
    assert first["violation_type"] == "social_media"
    ev = first["evidence"]
    assert doc.text[ev["start"]:ev["end"]] == ev["text"] and ev["text"] in ev["sentence"]
    stages = {i["stage"] for i in found}
    assert {"examined", "reported"} <= stages
    # "yang bersangkutan telah diklarifikasi" refers back to the same person
    assert all(i["subject"] == "guru PNS berinisial AS" for i in found)


def test_outputs_fit_the_schema(nlp):
    for article in (INCIDENT, PREVENTION, STATISTICS, REGULATION):
        doc = run(nlp, *article)
        for item in doc._.incidents:
            IncidentMention(**item)
        for item in doc._.violations:
            ViolationMention(**item)


@pytest.mark.parametrize("text", [
    "ASN dilarang menghadiri deklarasi pasangan calon dan dapat dijatuhi sanksi disiplin.",
    "Jika ada ASN yang kedapatan mengunggah foto paslon, silakan dilaporkan ke Bawaslu.",
    "Bawaslu mencatat 52 laporan dugaan pelanggaran netralitas ASN sepanjang tahapan kampanye.",
    "Sebanyak 14 ASN dijatuhi sanksi teguran karena terbukti melanggar netralitas.",
    "Ketua Bawaslu mengingatkan para kepala desa agar tidak ikut kampanye.",
])
def test_generic_sentences_are_not_incidents(nlp, text):
    assert run(nlp, None, text)._.incidents == []


@pytest.mark.parametrize("text,stage,subject", [
    ("Seorang kepala desa di Kecamatan Kaliwungu dilaporkan ke Bawaslu karena ikut kampanye paslon.",
     "reported", "Seorang kepala desa"),
    ("Bawaslu merekomendasikan oknum ASN Dinas Perhubungan yang menjadi tim sukses caleg kepada BKN.",
     "recommended", "oknum ASN Dinas Perhubungan"),
    ("Camat Sukorejo dijatuhi sanksi penurunan pangkat karena memobilisasi kepala desa.",
     "sanctioned", "Camat Sukorejo"),
    ("Kepala Pekon Sukamaju dilaporkan ke Bawaslu karena memasang baliho caleg di balai pekon.",
     "reported", "Kepala Pekon Sukamaju"),
    ("Dua ASN Pemkab Garut diperiksa Bawaslu setelah menghadiri deklarasi bakal calon bupati.",
     "examined", "Dua ASN Pemkab Garut"),
    # a finding registered or traced is still a report; a division's name is no stage
    ("Bawaslu meregistrasi temuan seorang lurah yang mengenakan kaus paslon saat kampanye.",
     "reported", "seorang lurah"),
    ("Koordinator Divisi Penanganan Pelanggaran Bawaslu menyebut seorang guru PNS ikut kampanye paslon.",
     "reported", "seorang guru PNS"),
    # a sanction Bawaslu recommends is a recommendation
    ("Bawaslu merekomendasikan Pj Bupati menjatuhkan sanksi kepada Kepala Desa Sukamaju yang "
     "terbukti mengumpulkan warga untuk mendukung calon bupati.", "recommended", "Kepala Desa Sukamaju"),
    # initials before the role they hold, as Bawaslu releases write them
    ("Bawaslu meneruskan dugaan pelanggaran atas nama RS, Kepala Bidang Pendapatan Bapenda, yang "
     "menghadiri kampanye paslon, kepada BKN.", "recommended", "Kepala Bidang Pendapatan Bapenda berinisial RS"),
    # released from office as a sanction
    ("Lurah Tanjung, Andi Rahman, yang menghadiri kampanye paslon, dibebaskan dari jabatannya selama 12 bulan.",
     "sanctioned", "Lurah Tanjung"),
    # a school head named by the school's level
    ("Bawaslu menghentikan penanganan dugaan pelanggaran yang melibatkan seorang kepala SD negeri di "
     "Kecamatan Pakem karena foto bersama calon bupati.", "examined", "seorang kepala SD"),
    # "terperiksa": the one examined
    ("Seorang camat kembali masuk daftar terperiksa Bawaslu karena ikut kampanye paslon.", "examined",
     "Seorang camat"),
    # initials before the longest role phrase they hold
    ("Bawaslu meneruskan rekomendasi atas nama ASM, kepala UPT sekolah dasar di Kecamatan Cina, yang "
     "berpidato di kampanye paslon, kepada BKN.", "recommended", "kepala UPT sekolah dasar berinisial ASM"),
    # initials after the violation they are told of; the case passed on is a recommendation
    ("Bawaslu meneruskan pelanggaran netralitas TS, guru PNS pada SD negeri di Kecamatan Sukajadi, yang "
     "memasang stiker caleg di kelas, kepada BKN.", "recommended", "guru PNS berinisial TS"),
    # a role word after a place level is the place's name (Kabupaten Kaur), not the role
    ("Pemkab menjatuhkan sanksi kepada Kepala Seksi Pelayanan Kecamatan Kaur Selatan berinisial TW karena "
     "ikut kampanye paslon.", "sanctioned", "Kepala Seksi Pelayanan berinisial TW"),
])
def test_specific_cases_are_incidents(nlp, text, stage, subject):
    [item] = run(nlp, None, text)._.incidents
    assert (item["stage"], item["subject"]) == (stage, subject)
    assert item["violation_type"] is not None


def test_a_service_acronym_before_a_comma_is_no_ones_initials(nlp):
    text = ("Bawaslu mencatat 12 laporan pelanggaran netralitas ASN, lurah dan kepala lingkungan "
            "yang ikut kampanye caleg.")
    assert not any("berinisial ASN" in i["subject"] for i in run(nlp, None, text)._.incidents)


@pytest.mark.parametrize("who", ["bakal calon perseorangan", "pelapor", "seorang warga", "relawan paslon"])
def test_initials_of_a_candidate_or_a_private_person_are_no_subject(nlp, who):
    text = (f"Pengawas menemukan fotokopi KTP dalam berkas dukungan {who} berinisial HS yang "
            "diduga dikumpulkan lewat ketua RT.")
    assert not any("HS" in i["subject"] for i in run(nlp, None, text)._.incidents)
    # the same initials after a civil servant's role are the subject
    civil = text.replace(who, "seorang guru PNS")
    assert any(i["subject"].endswith("berinisial HS") for i in run(nlp, None, civil)._.incidents)


@pytest.mark.parametrize("title,subject", [
    ("Rekaman Arahan ke Kepala Sekolah Beredar, Bawaslu Telusuri", None),
    ("Kepala Desa Sukamaju Dilaporkan ke Bawaslu karena Hadiri Kampanye", "Kepala Desa Sukamaju"),
    ("Camat Talang Padang Masih Bertugas meski Direkomendasikan Disanksi", "Camat Talang Padang"),
    ("Kades Wonorejo Terbukti Tak Netral, Bawaslu Teruskan ke Bupati", "Kades Wonorejo"),
])
def test_a_headline_verb_is_not_the_place_of_a_title(nlp, title, subject):
    found = [i["subject"] for i in run(nlp, None, f"{title}\n\nBawaslu menerima laporan itu pada Senin.")._.incidents]
    words = ("Beredar", "Dilaporkan", "Belum", "Terbukti", "Disanksi")
    assert all(w not in s for s in found for w in words)
    if subject:
        assert subject in found


def test_officials_become_subjects_and_overseers_do_not(nlp):
    text = ("Ketua Bawaslu Kabupaten Demak Ahmad Fauzi memanggil Sekretaris Desa Bonang Budi Santoso "
            "karena diduga memasang spanduk caleg di balai desa.")
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("sentencizer")(doc)
    doc = nlp.get_pipe("pantau_cues")(doc)
    doc = nlp.get_pipe("pantau_violations")(doc)

    def official(name, role):
        start = text.index(name)
        return {"name": name, "role": role, "org": None, "region_code": None,
                "evidence": [{"text": name, "start": start, "end": start + len(name), "sentence": text}]}

    doc._.officials = [official("Ahmad Fauzi", "Ketua Bawaslu Kabupaten Demak"),
                       official("Budi Santoso", "Sekretaris Desa Bonang")]
    doc = nlp.get_pipe("pantau_incidents")(doc)
    [item] = doc._.incidents
    assert item["subject"] == "Budi Santoso (Sekretaris Desa Bonang)"
    assert item["stage"] == "examined"
    assert item["violation_type"] == "campaign_material"


def test_officials_listed_in_one_sentence_are_each_a_subject(nlp):
    text = ("Keduanya adalah Mahmud Sanusi, kepala seksi pemerintahan, yang dijatuhi pemotongan tunjangan karena "
            "menjadi admin grup WhatsApp pendukung paslon, serta Yohanes Pakpahan, guru SMP negeri, yang dijatuhi "
            "teguran tertulis karena mengunggah foto paslon di Facebook.")
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    doc = nlp.get_pipe("pantau_violations")(nlp.get_pipe("pantau_cues")(doc))

    def official(name, role):
        start = text.index(name)
        return {"name": name, "role": role, "org": None, "region_code": None,
                "evidence": [{"text": name, "start": start, "end": start + len(name), "sentence": text}]}

    doc._.officials = [official("Mahmud Sanusi", "kepala seksi pemerintahan"), official("Yohanes Pakpahan", "guru")]
    found = {i["subject"]: i for i in nlp.get_pipe("pantau_incidents")(doc)._.incidents}
    assert set(found) == {"Mahmud Sanusi (kepala seksi pemerintahan)", "Yohanes Pakpahan (guru)"}
    assert {i["stage"] for i in found.values()} == {"sanctioned"}


def _incidents_with_official(nlp, text, name, role):
    """pantau_incidents on ``text`` with one official given, as pantau_officials would."""
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    doc = nlp.get_pipe("pantau_violations")(nlp.get_pipe("pantau_cues")(doc))
    start = text.index(name)
    doc._.officials = [{"name": name, "role": role, "org": None, "region_code": None,
                        "evidence": [{"text": name, "start": start, "end": start + len(name), "sentence": text}]}]
    return nlp.get_pipe("pantau_incidents")(doc)._.incidents


def test_an_overseer_named_as_respondent_is_the_subject(nlp):
    text = ("DKPP memeriksa Anggota KPU Kabupaten Demak Siti Rohmah sebagai teradu karena diduga "
            "menghadiri syukuran kemenangan pasangan calon.")
    role = "Anggota KPU Kabupaten Demak"
    found = _incidents_with_official(nlp, text, "Siti Rohmah", role)
    assert [i["subject"] for i in found] == ["Siti Rohmah (Anggota KPU Kabupaten Demak)"]
    # the same official without the respondent word is an overseer, not a subject
    found = _incidents_with_official(nlp, text.replace(" sebagai teradu", ""), "Siti Rohmah", role)
    assert all("Siti Rohmah" not in i["subject"] for i in found)


def test_the_doer_named_in_the_sentence_after_the_act(nlp):
    from nlp.pipeline import load

    text = ("Mobil dinas berpelat merah milik UPT Pendapatan Sanggau kedapatan mengangkut baliho pasangan calon "
            "gubernur, Rabu (16/10/2024). Kepala UPT tersebut, Gatot Sumarsono, berada di dalam kendaraan itu.")
    found = [(i["subject"], i["stage"], i["violation_type"]) for i in load()(text)._.incidents]
    assert found == [("Gatot Sumarsono (Kepala UPT)", "reported", "state_resources")]
    # a step taken on an act told without a subject is someone else's news
    text = ("Tahun lalu sanksi teguran dijatuhkan karena berfoto dengan pose dua jari bersama calon. "
            "Camat Tondano, Hendrik Rumengan, hadir dalam rapat itu.")
    assert load()(text)._.incidents == []


def test_a_one_sentence_text_keeps_the_splitters_sentence(nlp):
    from nlp.pipeline import load

    text = "Lurah Tanjung, Andi Muh. Yamin, yang menghadiri kampanye paslon, dibebaskan dari jabatannya."
    assert [(i["subject"], i["stage"]) for i in load()(text)._.incidents] == [
        ("Andi Muh. Yamin (Lurah Tanjung)", "sanctioned")]


def test_each_item_of_a_sanction_list_is_an_incident_of_its_own(nlp):
    text = ("Ketiganya adalah Joko Susilo, Sekretaris Kecamatan Wates, yang dijatuhi penurunan jabatan karena "
            "menghadiri deklarasi bakal pasangan calon; RS, staf Dinas Pertanian, yang dijatuhi teguran karena "
            "unggahan kampanye di Facebook; serta Ani Lestari, Kepala Puskesmas Galur, yang dijatuhi pemotongan "
            "tunjangan karena berfoto dengan stiker nomor urut pasangan calon.")
    from nlp.pipeline import load

    found = {(i["stage"], i["violation_type"]) for i in load()(text)._.incidents}
    assert {("sanctioned", "campaign_attendance"), ("sanctioned", "social_media"),
            ("sanctioned", "partisan_photo")} <= found


@pytest.mark.parametrize("text,stage", [
    ("The regency docked the performance allowance of Hendri Wirawan, the head of Cibadak subdistrict, after "
     "he attended a campaign rally.", "sanctioned"),
    ("Bawaslu has referred Hendri Wirawan, the head of Cibadak subdistrict, to the civil service commission.",
     "recommended"),
    ("Hendri Wirawan, the head of Cibadak subdistrict, was questioned by Bawaslu over a campaign photo.", "examined"),
    ("Bawaslu forwarded its recommendation on Hendri Wirawan, the head of Cibadak subdistrict, to the "
     "civil service agency.", "recommended"),
    ("The regency demoted Hendri Wirawan, the head of Cibadak subdistrict, for attending a campaign rally.",
     "sanctioned"),
])
def test_english_stage_words_make_an_incident_of_a_named_official(nlp, text, stage):
    found = _incidents_with_official(nlp, text, "Hendri Wirawan", "head of Cibadak subdistrict")
    assert [(i["subject"], i["stage"]) for i in found] == [("Hendri Wirawan (head of Cibadak subdistrict)", stage)]


def test_incident_cue_groups_are_checked(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[cue]]\ngroup = "MODAL"\nterms = ["akan"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lack groups"):
        incidents.IncidentFinder(cues_path=str(path))


def test_doctype_rejects_unknown_type(tmp_path):
    bad = doctype.DEFAULT_CUES.read_text("utf-8") + '\n[[cue]]\ntype = "gossip"\nterms = ["x"]\n'
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError, match="gossip"):
        doctype.DocTyper(cues_path=str(path))


def test_pipeline_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    for name, file_name in (("pantau_cues", "violation_cues.toml"), ("pantau_cues", "incident_cues.toml"),
                            ("pantau_cues", "doctype_cues.toml"),
                            ("pantau_violations", "violation_cues.toml"),
                            ("pantau_incidents", incidents.FILE_NAME),
                            ("pantau_doctype", doctype.FILE_NAME)):
        assert (tmp_path / "pipe" / name / file_name).exists()
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp.pipe_names
    a, b = run(loaded, *INCIDENT), run(nlp, *INCIDENT)
    assert (a._.doc_type, a._.violations, a._.incidents) == (b._.doc_type, b._.violations, b._.incidents)


# -- real-article classes: short incident excerpts, named sanctions, English copy ---------------

def _full_type(text, title=None):
    from nlp.pipeline import load
    from nlp.runner import Item, make_doc

    nlp = load()
    doc = make_doc(nlp, Item(id="t", text=text, title=title))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.doc_type


@pytest.mark.parametrize("text,title,expected", [
    ("LABUHA - Camat Bacan Timur, Kabupaten Halmahera Selatan, Rusli Taher, tidak memenuhi undangan "
     "klarifikasi Bawaslu yang dijadwalkan Senin (14/10). Ia dipanggil terkait pemasangan baliho "
     "di pekarangan rumahnya menjelang pilkada.", "Camat Mangkir dari Panggilan Bawaslu", "incident"),
    ("KASN menjatuhkan sanksi kepada sembilan ASN di Provinsi Gorontalo yang terbukti melanggar "
     "netralitas, di antaranya Kepala Bidang Dinas Pertanian, Yusran Olii, dan Camat Tilamuta, "
     "Salim Hasan. Sanksi berupa penundaan kenaikan pangkat.", None, "incident"),
    ("Kupang, E Nusa Tenggara (ANTARA) - The provincial election supervisory agency has recorded "
     "52 alleged violations of civil servant neutrality, with Kupang regency topping the list with "
     "14 reports, followed by Belu with 9 reports and Alor with 7 cases. Most of the reports concern "
     "civil servants who shared candidates' posts on Facebook.", None, "statistics"),
])
def test_real_article_classes(text, title, expected):
    assert _full_type(text, title) == expected


def test_an_english_statistics_story_with_two_cases_for_colour_stays_statistics():
    text = ("The Civil Service Commission has logged 640 reports of civil servants breaching neutrality "
            "rules this year, the highest number since 2018, commissioner Rudi Kurniadi said on Monday. "
            "East Java topped the list with 88 reports, followed by Central Sulawesi with 54 and Maluku "
            "with 41. By category, social media posts made up 35 percent of the reports, while attending "
            "campaign events accounted for 20 percent. One of the most serious cases involved the head of the "
            "education office in Buru regency, Sahrul Tuasikal, who was found to have instructed principals "
            "to gather support for a regent candidate. In another, a teacher in Poso was "
            "reprimanded over a campaign post on Facebook.")
    assert _full_type(text, "Commission logs record number of neutrality reports") == "statistics"


@pytest.mark.parametrize("text,expected", [
    ("Bawaslu Katingan merekomendasikan perawat PPPK yang menari di panggung kampanye cabup ke BKN.",
     [("perawat PPPK", "recommended")]),
    ("Pj Bupati menjatuhkan sanksi kepada guru yang mengunggah foto paslon di Facebook.", [("guru", "sanctioned")]),
    ("Bupati menjatuhkan sanksi teguran tertulis kepada kepala lembang di Rindingallo yang mengumpulkan KTP "
     "warga untuk bakal calon perseorangan.", [("kepala lembang di Rindingallo", "sanctioned")]),
    ("Bawaslu merekomendasikan lurah di Kecamatan Cakung yang dilaporkan bulan lalu kepada BKN.",
     [("lurah di Kecamatan Cakung", "recommended")]),
    ("Bawaslu merekomendasikan kepala SD negeri di Tanjung Selor Timur yang membagikan kaos paslon kepada BKN.",
     [("kepala SD negeri di Tanjung Selor Timur", "recommended")]),
    ("KASN merekomendasikan Bupati menjatuhkan hukuman disiplin kepada Sekretaris Dinas Perikanan Nabire yang "
     "menjadikan rumah dinasnya posko pemenangan caleg.", [("Sekretaris Dinas Perikanan Nabire", "recommended")]),
    # a list of kinds of case, a rule, and holders the step did not reach are no one subject
    ("Bawaslu menangani puluhan dugaan pelanggaran, mulai dari ASN yang membagikan konten kampanye di "
     "Facebook hingga kepala dinas yang mengumpulkan bawahannya.", []),
    ("Setiap guru yang mengunggah foto paslon akan diperiksa Bawaslu.", []),
])
def test_the_one_a_step_is_taken_on_described_by_a_clause(text, expected):
    from nlp.pipeline import load

    assert [(i["subject"], i["stage"]) for i in load()(text)._.incidents] == expected


def test_the_size_of_a_named_officials_sanction_is_no_statistic():
    text = ("Penjabat Bupati Kaur menjatuhkan hukuman disiplin sedang kepada Sekda Kaur berupa pemotongan "
            "tunjangan kinerja sebesar 25 persen selama enam bulan. Surat keputusan ditandatangani pada Senin "
            "(18/11/2024). Sanksi ini menindaklanjuti rekomendasi BKN yang menyatakan Sekda terbukti melanggar "
            "netralitas karena ikut dalam rombongan pendaftaran bakal paslon bupati.")
    assert _full_type(text, "Tunjangan Sekda Kaur Dipotong 25 Persen") == "incident"


def test_a_demand_that_bawaslu_act_on_a_named_officials_speech_is_an_incident():
    text = ("Kepala Dinas Pertanian Kabupaten Belu, Ir. Yakobus Manek, hadir dan memberikan sambutan dalam "
            "kampanye tatap muka seorang calon anggota DPRD di Kecamatan Tasifeto Timur, Selasa (5/3/2019). "
            "Dalam rekaman yang beredar, Yakobus memuji caleg nomor urut 2 di hadapan warga. Ketua sebuah LSM "
            "mendesak Bawaslu Belu memproses kejadian itu karena kepala dinas adalah ASN yang wajib netral.")
    assert _full_type(text, "Kadis Pertanian Belu Beri Sambutan di Kampanye Caleg, Bawaslu Diminta Bertindak") \
        == "incident"


def test_initials_keep_the_unit_their_role_heads():
    from nlp.pipeline import load
    from pantau.cases.rules import rules

    doc = load()("Bawaslu melakukan klarifikasi terhadap seorang kepala UPT puskesmas di Kecamatan Talang "
                 "Padang berinisial RS, Rabu (23/10/2024).")
    [subject] = [i["subject"] for i in doc._.incidents]
    assert subject == "kepala UPT puskesmas berinisial RS"
    assert rules().role_of(subject) == "tenaga_kesehatan"


@pytest.mark.parametrize("text,expected", [
    # an English article and role, a count, the regional secretary by his region, a collective number
    ("A midwife employed at a community health center in Buru regency is being investigated by the election "
     "supervisory agency after she appeared in a campaign video for a regent candidate.",
     [("A midwife", "reported")]),
    ("Election supervisors in Pidie are looking into a video in which a teacher at a state high school "
     "appeared to urge students to vote for candidate pair number 2.", [("a teacher", "reported")]),
    ("KASN has recommended sanctions for three civil servants in Jambi city who were found to have attended "
     "campaign events of a mayoral candidate.", [("three civil servants", "recommended")]),
    ("Sekda Kaur yang pekan lalu terekam dalam rombongan pendaftaran bakal paslon memenuhi panggilan "
     "klarifikasi Bawaslu, Kamis (5/9/2024).", [("Sekda Kaur", "examined")]),
    ("Bawaslu menyatakan ketujuh kepala desa asal Kecamatan Tulung Selapan yang muncul dalam video dukungan "
     "paslon terbukti melanggar larangan bagi kepala desa.", [("ketujuh kepala desa", "recommended")]),
])
def test_subjects_of_real_article_classes(text, expected):
    from nlp.pipeline import load

    assert [(i["subject"], i["stage"]) for i in load()(text)._.incidents] == expected


@pytest.mark.parametrize("text,subject", [
    ("Kepala Dinas Pendidikan Lebong, Harun Wijaya, mengatakan pencopotan itu tindak lanjut rekomendasi "
     "BKN. \"Yang bersangkutan berorasi di kampanye paslon,\" katanya.", None),
    ("Camat Talang Empat, Sudirman Efendi, menjelaskan bahwa guru berinisial RK tersebut sudah dijatuhi "
     "teguran tertulis.", "berinisial RK"),
])
def test_an_official_who_speaks_of_the_step_is_no_subject(text, subject):
    from nlp.pipeline import load

    found = [i["subject"] for i in load()(text)._.incidents]
    assert not any("Harun" in s or "Sudirman" in s or s.startswith(("Kepala Dinas", "Camat")) for s in found)
    if subject:
        assert any(s.endswith(subject) for s in found)


def test_an_official_who_speaks_but_is_the_one_summoned_stays_the_subject():
    from nlp.pipeline import load

    text = "Bawaslu memanggil Camat Talang Empat, Sudirman Efendi, karena mengunggah foto paslon di Facebook."
    assert [i["subject"] for i in load()(text)._.incidents] == ["Sudirman Efendi (Camat Talang Empat)"]



APPEAL_AS_ACT = (
    "Kades Suruh Ketua RT Datang ke Kampanye Paslon Lewat Pesan Berantai",
    """LEBONG - Pesan berantai dari seorang kepala desa di Kecamatan Rimbo Pengadang beredar di grup WhatsApp perangkat desa, Senin (14/10/2024).

Dalam pesan itu, sang kades meminta para ketua RT dan kader posyandu hadir dalam kampanye calon bupati nomor urut 1 di lapangan desa. "Wajib datang semua, siap-siap kalau absen," tulisnya.

Sejumlah perangkat desa mengaku resah.""",
)


def _full_doc(title, text):
    from nlp.pipeline import load
    from nlp.runner import Item, make_doc

    nlp = load()
    doc = make_doc(nlp, Item(id="t", text=text, title=title))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_an_appeal_to_commit_the_act_is_no_warning():
    doc = _full_doc(*APPEAL_AS_ACT)
    assert doc._.doc_type == "incident", doc.user_data.get("doc_type_scores")
    # the same appeal words in a warning count for prevention
    warning = _full_doc("Bupati Minta Kades Tak Suruh Ketua RT Datang ke Kampanye Paslon",
                        APPEAL_AS_ACT[1].replace("meminta seluruh", "dilarang meminta seluruh"))
    assert warning.user_data["doc_type_scores"]["prevention"] > doc.user_data["doc_type_scores"]["prevention"]


def test_a_regional_village_head_title_puts_a_case_on_topic():
    text = ("Panwaslih Kabupaten Aceh Timur memanggil Datok Penghulu Sukajadi karena rapat warga di rumahnya "
            "dipakai untuk penyampaian visi misi salah satu calon bupati.")
    doc = _full_doc("Panwaslih Panggil Datok Penghulu Sukajadi", text)
    assert doc._.doc_type == "incident", doc.user_data.get("doc_type_scores")
    assert [i["subject"] for i in doc._.incidents][:1] == ["Datok Penghulu Sukajadi"]


def test_initials_after_oleh_take_the_role_that_follows():
    from nlp.pipeline import load

    text = ("Bawaslu meneruskan hasil penanganan dugaan pelanggaran oleh RK, kepala desa di Kecamatan "
            "Pakem, kepada Bupati Sleman.")
    assert [i["subject"] for i in load()(text)._.incidents] == ["kepala desa berinisial RK"]


@pytest.mark.parametrize("verb", ["mengklarifikasi", "memanggil", "merekomendasikan"])
def test_initials_after_a_step_verb_take_the_role_that_follows(verb):
    from nlp.pipeline import load

    text = f"Bawaslu Kabupaten Sleman {verb} RK, ASN pada dinas pertanian, pada Senin."
    assert [i["subject"] for i in load()(text)._.incidents] == ["ASN berinisial RK"]


def test_a_pronoun_opening_a_sentence_is_the_one_a_step_is_taken_on():
    from nlp.pipeline import load

    first = "Wahyu Pratama, Kepala Bidang Pelayanan Kesehatan, menghadiri kampanye akbar paslon nomor urut 3."
    found = [(i["subject"], i["stage"]) for i in load()(
        first + " Ia dijatuhi hukuman disiplin sedang berupa pemotongan tunjangan kinerja.")._.incidents]
    assert ("Wahyu Pratama (Kepala Bidang Pelayanan Kesehatan)", "sanctioned") in found
    # a pronoun inside the sentence may tell of another time
    found = [i["stage"] for i in load()(first + " Pada Pemilu lalu ia dijatuhi sanksi moral.")._.incidents]
    assert "sanctioned" not in found


def test_a_quotes_speaker_named_after_it_is_no_subject():
    from nlp.pipeline import load

    text = ('"Kalau diulang, sanksinya naik ke teguran tertulis sampai pemberhentian sementara," kata '
            'Kepala DPMD Sampang, Abdul Karim.')
    assert load()(text)._.incidents == []


def test_a_madurese_village_head_is_a_subject():
    from nlp.pipeline import load

    text = "Bupati Sampang menjatuhkan sanksi teguran lisan kepada Klebun H. Moh. Fauzan dari Kecamatan Omben."
    assert [i["subject"] for i in load()(text)._.incidents] == ["Moh. Fauzan (Klebun)"]


def test_those_a_recommendation_is_copied_to_are_no_subjects():
    from nlp.pipeline import load

    text = ('"Rekomendasi juga kami tembuskan kepada Bupati Sleman dan Kepala Dinas Pendidikan," kata Ketua '
            'Bawaslu Sleman, Arjuna Al Ichsan.')
    assert load()(text)._.incidents == []
    text = "Bawaslu meneruskan dugaan pelanggaran oleh SR, kepala satuan pendidikan dasar negeri, kepada BKN."
    assert [i["subject"] for i in load()(text)._.incidents] == ["kepala satuan pendidikan berinisial SR"]


def test_a_quoted_appeal_is_the_act_of_the_official_named_just_before():
    from nlp.pipeline import load

    text = ('Dalam rekaman itu, Kepala UPT Pertanian Ngaglik, Ir. Wahyu Hidayat, terlihat menyapa petani di '
            'sawah. "Besok jangan lupa, coblos nomor tiga ya," ujarnya.')
    found = [(i["subject"], i["violation_type"]) for i in load()(text)._.incidents]
    assert found == [("Wahyu Hidayat (Kepala UPT Pertanian)", "partisan_support")]
    # an overseer quoting the words is no doer
    text = 'Ketua Bawaslu Sleman, Arjuna, menerima laporan itu. "Pilih nomor dua itu ajakan kampanye," ujarnya.'
    assert load()(text)._.incidents == []


@pytest.mark.parametrize("text,subject", [
    ("The head of Nagekeo regency's fisheries and marine agency was questioned by election supervisors over a "
     "post backing a candidate on his Facebook page.",
     "The head of Nagekeo regency's fisheries and marine agency"),
    ("Bawaslu summoned the secretary of the regency health office over a post backing a candidate.",
     "the secretary of the regency health office"),
    ("The teacher was summoned by Bawaslu over the post.", "The teacher"),
    ("The head of the Boawae community health centre saw part of his performance allowance withheld.",
     "The head of the Boawae community health centre"),
    ("The head of the Nagekeo Bawaslu said the finding had been registered.", None),
])
def test_english_subjects_described_by_the_post_they_hold(text, subject):
    from nlp.pipeline import load

    found = [i["subject"] for i in load()(text)._.incidents]
    assert found == ([subject] if subject else [])


def test_one_span_with_two_types_gives_one_type_whatever_their_order(nlp):
    text = "Seorang kepala desa berorasi dalam kampanye dialogis paslon nomor urut 1."
    doc = nlp.get_pipe("pantau_cues")(nlp.get_pipe("sentencizer")(nlp.make_doc(text)))
    start = text.index("berorasi")
    ev = [{"text": "berorasi dalam kampanye", "start": start, "end": start + 23, "sentence": text}]
    pipe = nlp.get_pipe("pantau_incidents")
    found = set()
    for order in (["campaign_role", "campaign_attendance"], ["campaign_attendance", "campaign_role"]):
        doc._.violations = [{"type": t, "evidence": ev} for t in order]
        doc._.officials = []
        found |= {i["violation_type"] for i in pipe(doc)._.incidents}
    assert found == {"campaign_attendance"}


def test_an_account_pointed_back_at_is_the_official_named_just_before():
    from nlp.pipeline import load

    text = ("Sejumlah unggahan di akun Facebook atas nama Sekretaris Dinas Kesehatan Kota Bima, Hj. Rostina "
            "Latif, ramai dibicarakan. Akun itu membagikan ulang materi kampanye paslon nomor urut 1.")
    found = [(i["subject"], i["violation_type"]) for i in load()(text)._.incidents]
    assert found == [("Rostina Latif (Sekretaris Dinas Kesehatan Kota Bima)", "social_media")]


def test_english_plural_roles_and_a_statement_of_dissatisfaction():
    from nlp.pipeline import load

    text = "Five ward chiefs in the city have received a written statement of dissatisfaction."
    assert [(i["subject"], i["stage"]) for i in load()(text)._.incidents] == [("Five ward chiefs", "sanctioned")]


def test_counts_written_in_words_are_figures():
    title = "Neutrality breaches pile up in Riau, watchdog says"
    text = ("PEKANBARU — The Riau Elections Supervisory Agency has recorded nine alleged breaches of civil servant "
            "neutrality so far, most of them social media posts.\n\nKampar topped the list with four cases, "
            "followed by Siak with three cases and Bengkalis with two cases.\n\nIn Siak, a teacher was summoned "
            "over a post backing a candidate. A village head in Kampar was reported for attending a rally.")
    doc = _full_doc(title, text)
    assert doc._.doc_type == "statistics", doc.user_data.get("doc_type_scores")


@pytest.mark.parametrize("text, subject", [
    ("Mobil siaga bertuliskan Puskesmas Sukadana terlihat ikut dalam iring-iringan kampanye caleg DPRD, Minggu siang.",
     "Puskesmas Sukadana"),
    ("Kendaraan dinas milik Dinas Koperasi dipakai membawa spanduk caleg ke desa-desa.", "Dinas Koperasi"),
    ("Ruang Rapat UPT Terminal Dipakai Pertemuan Relawan Caleg", "UPT Terminal"),
    ("An ambulance of the Cempaka health centre drove in the motorcade of the mayoral candidate.",
     "Cempaka health centre"),
])
def test_the_office_owning_a_state_thing_that_did_the_act_is_the_subject(nlp, text, subject):
    [item] = run(nlp, None, text)._.incidents
    assert (item["subject"], item["violation_type"]) == (subject, "state_resources")


@pytest.mark.parametrize("text", [
    # no act told: an accident of an office car is no incident
    "Mobil dinas milik Dinas Perikanan mengalami kecelakaan di jalan provinsi saat hujan.",
    # a person named does the act: the office is not the subject
    "Kepala Desa Sukamaju, Budi Santoso, memakai mobil dinas milik Kantor Desa untuk mengangkut baliho paslon nomor 2.",
    # an office word alone names no one office
    "Ambulans Puskesmas ikut iring-iringan pendukung caleg itu.",
])
def test_no_office_subject_without_an_act_or_beside_a_person(nlp, text):
    assert not any(i["subject"].startswith(("Dinas", "Kantor", "Puskesmas"))
                   for i in run(nlp, None, text)._.incidents)


@pytest.mark.parametrize("text, subject", [
    ("WARTA KOTA, SUKAMAJU – Satuan Polisi Pamong Praja Kabupaten Sukamaju dinilai pilih kasih karena cuma "
     "menurunkan spanduk caleg dari satu partai.", "Satuan Polisi Pamong Praja Kabupaten Sukamaju"),
    ("Kendaraan berlogo Dishub terlihat mengawal iring-iringan caleg DPRD.", "Dishub"),
    ("Sebuah mobil berpelat merah dengan logo Dinas Koperasi tampak di tengah pawai pendukung caleg itu.",
     "Dinas Koperasi"),
])
def test_an_office_opening_the_sentence_or_named_by_its_acronym_is_the_subject(nlp, text, subject):
    assert [i["subject"] for i in run(nlp, None, text)._.incidents] == [subject]


def test_an_opening_role_pointed_back_at_with_its_relative_clause_is_a_subject(nlp):
    text = "Penyuluh PNS yang menempel stiker caleg di gerobak pasar itu dijatuhi teguran tertulis oleh bupati."
    [item] = run(nlp, None, text)._.incidents
    assert (item["subject"], item["stage"]) == ("Penyuluh PNS", "sanctioned")
    # a rule about every holder of the role points back at no one
    rule = "ASN yang terbukti ikut kampanye akan dijatuhi sanksi disiplin sesuai aturan."
    assert run(nlp, None, rule)._.incidents == []
    # after a case told before, it is that case's subject
    two = ("Bawaslu melaporkan seorang penyuluh berinisial RA karena menempel stiker caleg. " + text)
    assert {i["subject"] for i in run(nlp, None, two)._.incidents} == {"penyuluh berinisial RA"}


def test_a_case_told_with_its_outcome_is_an_incident(nlp):
    title = "Perkara Stiker Caleg di Gerobak Pasar Berbuntut Potongan TPP"
    rest = (" Penyuluh PNS yang menempel stiker caleg itu dijatuhi pemotongan tunjangan kinerja 25 persen selama enam "
            "bulan. Surat keputusan ditandatangani sekretaris daerah setelah BKN memberikan pertimbangan.")
    told = run(nlp, title, "Perkara stiker caleg di gerobak pasar itu berakhir dengan hukuman disiplin." + rest)
    plain = run(nlp, title, "Stiker caleg di gerobak pasar menjadi perbincangan warga sejak pekan lalu." + rest)
    assert told._.doc_type == "incident"
    # "perkara itu", "berakhir dengan" tell a case's outcome: they count for an incident
    assert told.user_data["doc_type_scores"]["incident"] > plain.user_data["doc_type_scores"]["incident"]


def test_a_headline_recommending_a_sanction_for_a_named_official_is_an_incident(nlp):
    title = "Ikut Deklarasi Caleg, Bawaslu Rekomendasikan Sanksi Moral untuk Asisten Sekda"
    body = ("Bawaslu merekomendasikan bupati menjatuhkan sanksi moral kepada asisten sekda. Rekomendasi itu dikirim "
            "pada Rabu. Menurut Bawaslu, asisten itu terbukti menghadiri deklarasi caleg di sebuah gedung pertemuan dan "
            "berfoto sambil mengacungkan tiga jari. Pejabat pembina kepegawaian wajib menindaklanjuti sanksi moral "
            "paling lambat 14 hari.")
    assert run(nlp, title, body)._.doc_type == "incident"


def test_the_civil_service_police_is_no_police_and_its_head_is_a_subject(nlp):
    text = ("Bawaslu meneruskan dugaan pelanggaran netralitas oleh Kepala Satuan Polisi Pamong Praja Majalengka "
            "berinisial AR kepada BKN.")
    [item] = run(nlp, None, text)._.incidents
    assert item["subject"] == "Kepala Satuan Polisi Pamong Praja Majalengka berinisial AR"


@pytest.mark.parametrize("text, subject", [
    ("Sebuah motor dinas bercat hijau milik Dinas Koperasi Kabupaten Sukamaju tampak di bagian belakang pawai "
     "pendukung caleg DPR RI.", "Dinas Koperasi Kabupaten Sukamaju"),
    ("Ruang pelayanan Puskesmas Sukaresmi dipakai relawan caleg untuk menyebar kalender kepada pengunjung.",
     "Puskesmas Sukaresmi"),
])
def test_a_state_thing_described_before_its_owning_office(nlp, text, subject):
    assert [i["subject"] for i in run(nlp, None, text)._.incidents] == [subject]


def test_a_phone_call_is_no_summons(nlp):
    assert run(nlp, None, "Kepala Dinas Perhubungan Sukamaju belum menjawab panggilan telepon.")._.incidents == []
    [item] = run(nlp, None, "Camat Sukaresmi memenuhi panggilan Bawaslu pada Senin.")._.incidents
    assert item["stage"] == "examined"


def test_english_secretary_of_a_sub_district_pictured_beside_a_candidate(nlp):
    text = ("The secretary of Cibatu sub-district was given a written reprimand over a poster at the market that "
            "pictured him beside the regent candidate.")
    [item] = run(nlp, None, text)._.incidents
    assert (item["subject"], item["stage"], item["violation_type"]) == (
        "The secretary of Cibatu sub-district", "sanctioned", "campaign_material")


@pytest.mark.parametrize("text, subject", [
    ("A planning official at the Sukamaju regency public works agency has been relieved of his post for lending an "
     "agency car to a candidate's rally.", "A planning official at the Sukamaju regency public works agency"),
    ("Two officials of the regency health office were summoned over the photo with candidate pair number 2.",
     "Two officials of the regency health office"),
])
def test_english_officials_of_an_office_are_subjects(nlp, text, subject):
    assert [i["subject"] for i in run(nlp, None, text)._.incidents] == [subject]


def test_english_officials_of_an_election_body_are_no_subjects(nlp):
    assert run(nlp, None, "Two officials of the regency election supervisory agency were summoned.")._.incidents == []


@pytest.mark.parametrize("text, subject, stage", [
    ("The district head received a written statement of dissatisfaction after praising the regent candidate at a "
     "village gathering.", "The district head", "sanctioned"),
    ("Wali kota menjatuhkan hukuman disiplin kepada Mantri Pamong Praja Kemantren Jetis yang memuji caleg DPRD.",
     "Mantri Pamong Praja Kemantren Jetis", "sanctioned"),
])
def test_district_heads_of_english_copy_and_of_yogyakarta(nlp, text, subject, stage):
    [item] = run(nlp, None, text)._.incidents
    assert (item["subject"], item["stage"]) == (subject, stage)


def test_an_owning_office_named_with_a_long_regency_name(nlp):
    text = ("Sebuah speedboat milik Dinas Perikanan Kabupaten Maluku Barat Daya dipakai mengantar caleg berkampanye "
            "ke pulau-pulau.")
    assert [i["subject"] for i in run(nlp, None, text)._.incidents] == ["Dinas Perikanan Kabupaten Maluku Barat Daya"]


@pytest.mark.parametrize("text, subject", [
    ("Bawaslu masih menelaah laporan dugaan pelanggaran oleh pejabat Dinas Pertanian yang hadir dalam deklarasi "
     "bakal calon bupati.", "pejabat Dinas Pertanian"),
    ("Bawaslu masih mengkaji dugaan pelanggaran netralitas oleh pegawai kecamatan yang memasang spanduk caleg.",
     "pegawai kecamatan"),
])
def test_the_agent_of_a_reported_act_after_oleh_is_the_subject(nlp, text, subject):
    assert [i["subject"] for i in run(nlp, None, text)._.incidents] == [subject]


def test_a_partys_endorsement_is_no_recommendation_of_bawaslu(nlp):
    text = ("Seorang kepala sekolah menemui pengurus partai untuk meminta rekomendasi maju sebagai calon wakil "
            "bupati.")
    assert [i["stage"] for i in run(nlp, None, text)._.incidents] == ["reported"]
    text = "Bawaslu mengirim rekomendasi ke BKN atas kasus kepala sekolah berinisial AS yang menemui pengurus partai."
    assert [i["stage"] for i in run(nlp, None, text)._.incidents] == ["recommended"]


def test_the_one_a_step_is_taken_on_pointed_at_with_itu_is_a_subject(nlp):
    text = "Pj Bupati meneken sanksi teguran bagi guru SD negeri di Cibatu tersebut pada Senin."
    assert [(i["subject"], i["stage"]) for i in run(nlp, None, text)._.incidents] == [
        ("guru SD negeri di Cibatu", "sanctioned")]
    # after a subject told before, the pointer is that subject
    two = ("Bawaslu melaporkan kepala SD negeri berinisial RA karena memasang stiker caleg. Bupati menjatuhkan "
           "teguran tertulis kepada kepala SD negeri di Cibatu itu.")
    assert {i["subject"] for i in run(nlp, None, two)._.incidents} == {"kepala SD negeri berinisial RA"}
    # a rule for every holder is no one
    assert run(nlp, None, "Sanksi disiplin berlaku bagi ASN yang ikut kampanye.")._.incidents == []


def test_a_campaign_event_told_as_the_act_is_no_outreach(nlp):
    title = "Aula SMP Negeri di Cibatu Dipakai Tim Paslon Saat Jam Sekolah"
    body = ("Aula SMP negeri di Kecamatan Cibatu dipakai relawan pasangan calon bupati nomor urut 2 untuk menggelar "
            "sosialisasi, Rabu (9/10). Kegiatan itu berjalan saat murid masih belajar. "
            "Topi pasangan calon pun dibagikan kepada para guru. Kepala sekolah, Ratna Dewi, berdalih aula itu "
            "hanya disewa komite.")
    doc = run(nlp, title, body)
    assert doc._.doc_type == "incident"
    # a neutrality outreach is still prevention
    outreach = run(nlp, "Bawaslu Gelar Sosialisasi Netralitas ASN", "Bawaslu menggelar sosialisasi netralitas ASN "
                   "di aula kantor bupati, Kamis. Peserta diminta tidak ikut kampanye pasangan calon mana pun.")
    assert outreach._.doc_type == "prevention"


@pytest.mark.parametrize("text, expected", [
    # another case of the same person told in passing is no step of this one
    ("Tahun lalu Rudi juga disanksi dalam kasus lain, yakni memasang spanduk caleg.", []),
    # an overseer's warning on the spot is no disciplinary sanction
    ("Camat Cibatu, Rudi Hartono, menurunkan spanduk itu setelah ditegur pengawas desa.", []),
    ("Bupati menjatuhkan teguran tertulis kepada Camat Cibatu, Rudi Hartono.", ["sanctioned"]),
    # English: a dismissal from the civil service is a sanction, telling election supervisors a clarification
    ("The teacher Budi Santoso was dismissed from the civil service on Friday.", ["sanctioned"]),
    ("Camat Cibatu, Rudi Hartono, told the election supervisors that the banners were not his.", ["examined"]),
])
def test_other_cases_overseer_warnings_and_english_dismissals(nlp, text, expected):
    assert [i["stage"] for i in run(nlp, None, text)._.incidents] == expected


def test_the_doer_described_in_the_sentence_after_the_act(nlp):
    text = ("Paket minyak goreng dibagikan di balai warga bersama brosur caleg nomor 8. "
            "Seorang pegawai kelurahan diduga membagikan paket tersebut.")
    assert [i["stage"] for i in run(nlp, None, text)._.incidents] == ["reported"]
    # no one is described by "not a civil servant", nor by an article before another word
    text = ("The manager gave a speech at a campaign event for candidate number 4. The manager was never a civil "
            "servant, commissioner Rina said.")
    assert run(nlp, None, text)._.incidents == []


def test_an_english_extension_worker_given_a_written_warning(nlp):
    text = ("The extension worker was given a written warning for a TikTok video that asked fishermen to back "
            "candidate pair number 5.")
    assert [(i["subject"], i["stage"]) for i in run(nlp, None, text)._.incidents] == [
        ("The extension worker", "sanctioned")]


def test_initials_opening_the_items_of_a_list_are_the_subjects(nlp):
    text = ("Ketiga, YT, Kepala Dinas Pendidikan Kabupaten Cianjur, karena meminta guru mendukung pasangan calon nomor 4 "
            "di grup percakapan. Kedua, AR, Kepala Dinas Pendidikan Kabupaten Garut, yang ikut pawai kampanye "
            "pasangan calon nomor 4.")
    assert [i["subject"] for i in run(nlp, None, text)._.incidents] == [
        "Kepala Dinas Pendidikan Kabupaten Cianjur berinisial YT", "Kepala Dinas Pendidikan Kabupaten Garut berinisial AR"]


def test_a_release_passing_on_a_named_case_is_an_incident(nlp):
    title = "Bawaslu Teruskan Pelanggaran Kepala Desa Sukamaju ke Bupati"
    text = ("Bawaslu Kabupaten Ciamis meneruskan pelanggaran yang dilakukan ZA, Kepala Desa Sukamaju, "
            "kepada bupati, Selasa (20/2). ZA membagikan kalender bergambar caleg nomor urut 4 kepada "
            "para ketua RT di balai desa.")
    assert run(nlp, title, text)._.doc_type == "incident"


@pytest.mark.parametrize("text,stage", [
    ("The camat of Cibeber is to have his monthly allowance cut after the meeting with the "
     "candidate's team.", "sanctioned"),
    ("A civil servant at the Cibeber district office was penalised for handing out a candidate's "
     "calendars.", "sanctioned"),
    # a sanction still to come is no sanction
    ("The camat of Cibeber has still not been penalised, six weeks after the recommendation on "
     "the meeting with the candidate's team was sent.", "recommended"),
])
def test_english_sanction_news(nlp, text, stage):
    found = run(nlp, None, text)._.incidents
    assert found and max((i["stage"] for i in found), key=incidents.STAGES.index) == stage


def test_a_welfare_allowance_is_no_sanction(nlp):
    text = ("A ward chief was reported for sharing a list of recipients of the city's elderly allowance "
            "with a candidate's volunteers.")
    assert all(i["stage"] != "sanctioned" for i in run(nlp, None, text)._.incidents)


def test_a_candidates_slogan_ready_to_serve_is_no_appeal(nlp):
    title = "Baliho 'Siap Mengabdi' Kepala Dinas Sosial Bertebaran Jelang Pilkada"
    text = ("Sedikitnya enam baliho bergambar Kepala Dinas Sosial Kabupaten Sigi, Anwar Mangge, bertuliskan "
            "\"Siap Mengabdi untuk Sigi\" terpasang di Biromaru. Panwaslu kecamatan mencatat temuan dugaan "
            "pelanggaran netralitas ASN itu, Senin (13/5). Anwar juga disebut sudah mendaftar ke penjaringan sebuah partai.")
    assert run(nlp, title, text)._.doc_type == "incident"
