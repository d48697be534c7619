"""The dates component on sentences we wrote: the forms news uses, and what is not a date."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.date_patterns import DATA, tables
from nlp.runner import Item, make_doc
from nlp.tokenizer import blank


@pytest.fixture(scope="module")
def nlp():
    import nlp.components.dates  # noqa: F401
    import nlp.components.sentences  # noqa: F401

    lang = blank()
    lang.add_pipe("pantau_sentences")
    lang.add_pipe("pantau_dates")
    return lang


def dates(nlp, text, published=None, title=None):
    doc = make_doc(nlp, Item(id="t", text=text, title=title, published=published))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [d["date"] for d in doc._.dates]


POSITIVE = [
    ("Apel digelar di halaman kantor bupati, Jumat (17/11/2023).", None, ["2023-11-17"]),
    ("Rapat berlangsung Rabu, 31 Januari 2024, di aula kecamatan.", None, ["2024-01-31"]),
    ("Sosialisasi digelar pada 24 Mei 2023 di Wonosobo.", None, ["2023-05-24"]),
    ("Kegiatan pada Senin (18/11) diikuti camat.", date(2024, 11, 20), ["2024-11-18"]),
    ("Pemungutan suara Pilkada 2024 digelar tanggal 27 November.", date(2024, 9, 1), ["2024-11-27"]),
    ("Pemungutan suara digelar tanggal 14 Februari.", date(2024, 1, 10), ["2024-02-14"]),
    ("Surat diterima 17-11-2023 dan dibalas 2023-11-20.", None, ["2023-11-17", "2023-11-20"]),
    ("Tanggal pelantikan 17/11/2023 sudah ditetapkan.", None, ["2023-11-17"]),
    ("Bimtek berlangsung 24–26 Mei 2023 di Semarang.", None, ["2023-05-24", "2023-05-26"]),
    ("Masa tenang 11 hingga 13 Februari 2024.", None, ["2024-02-11", "2024-02-13"]),
    ("Posko buka 14 dan 15 Agt. 2024.", None, ["2024-08-14", "2024-08-15"]),
    ("Kampanye berlangsung 28 November 2023 sampai 10 Februari 2024.", None,
     ["2023-11-28", "2024-02-10"]),
    ("Masa sanggah 30 November - 2 Desember 2024 dibuka.", None, ["2024-11-30", "2024-12-02"]),
    ("Pendaftaran ditutup 5 Sept 2024 dan 9 Okt 2024, lalu 3 Nop 2024.", None,
     ["2024-09-05", "2024-10-09", "2024-11-03"]),
    ("The report was filed on November 18, 2023 in Jakarta.", None, ["2023-11-18"]),
    ("Rekap hingga Senin (9/12/2024), dua pekan setelah pemungutan.", None, ["2024-12-09"]),
    ("Dibanding Pemilu 14 Februari lalu, jumlahnya naik.", date(2024, 12, 10), ["2024-02-14"]),
    ("Debat digelar 2 Januari mendatang.", date(2024, 12, 20), ["2025-01-02"]),
    ("Apel serupa digelar 17 Agustus tahun lalu.", date(2024, 3, 1), ["2023-08-17"]),
    ("Acara pada Kamis (28/12) diikuti 200 ASN.", date(2024, 1, 3), ["2023-12-28"]),
    ("Pada Rabu, 17 APRIL 2019 warga mencoblos.", None, ["2019-04-17"]),
    ("Putusan Nomor 12-PKE-DKPP/I/2024 tanggal 5 Februari 2024", None, ["2024-02-05"]),
    ("HUT RI ke-79 pada 17 Agustus mendatang", date(2024, 1, 20), ["2024-08-17"]),
    ("Guru itu diperiksa pada Kamis (10/8). Ia anggota partai sejak 2021.", date(2023, 8, 11),
     ["2023-08-10"]),
]

NEGATIVE = [
    "Pemilu 2024 berlangsung damai dan Pilkada 2024 menyusul.",
    "Apel dimulai pukul 09.00 WIB dan selesai pukul 11:26.",
    "Partisipasi naik 12,5 persen, dari 2,14 juta menjadi 2,41 juta pemilih.",
    "Hubungi 0812-3456-7890 atau (024) 351-2345 untuk melapor.",
    "Pasal 280 ayat (2) UU Nomor 7 Tahun 2017 mengatur larangan itu.",
    "Surat edaran No. 12/11/2023 sudah diterima. Nomor: 01/05/2024 juga.",
    "Kegiatan libur setiap Sabtu-Minggu dan Mei menjadi bulan sibuk.",
    "Tanggal 31/02/2024 tidak ada di kalender, begitu pula 30 Februari 2024.",
    "Sebanyak 14 desa dan 3 jun ior ikut; skor 3-1 dan rasio 1/3.",
    "Dandim 0706/Temanggung hadir; kode PK.01/11/2023 dicatat.",
    "Kuota itu setengah (1/2) dari jumlah kursi, sesuai ayat (3/4) aturan itu.",
]


@pytest.mark.parametrize("text,published,expected", POSITIVE)
def test_dates_found(nlp, text, published, expected):
    assert dates(nlp, text, published) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(nlp, text):
    assert dates(nlp, text, date(2024, 1, 1)) == []


def test_publication_stamp_lines_are_skipped(nlp):
    text = ("Reporter Satu - KABARDAERAH.ID\n\nNov 18, 2023 - 11:26\n\n"
            "BATANG - Apel digelar Jumat (17/11/2023) di alun-alun.")
    assert dates(nlp, text, date(2023, 11, 18)) == ["2023-11-17"]
    byline = "Rina Sihombing - Senin, 7 Oktober 2024 14:32 WIB\n\nMEDAN - ASN diperiksa Sabtu (5/10/2024)."
    assert dates(nlp, byline) == ["2024-10-05"]
    footer = "Bawaslu memeriksa ASN itu.\n\nSenin, 7 Oktober 2024 | 14:32 WIB"
    assert dates(nlp, footer) == []


def test_body_naming_the_publication_day_counts(nlp):
    text = "18 November 2023\n\nApel netralitas digelar hari ini, Sabtu (18/11/2023), di Batang."
    assert dates(nlp, text, date(2023, 11, 18)) == ["2023-11-18"]


def test_title_is_analysed_and_never_a_stamp(nlp):
    assert dates(nlp, "Isi berita tanpa tanggal.", title="Apel 17 Agustus 2024") == ["2024-08-17"]


def test_year_from_context_sentence_then_article(nlp):
    text = "Pemilu 2019 digelar 17 April. Pada 2024, pemungutan suara jatuh 14 Februari."
    assert dates(nlp, text) == ["2019-04-17", "2024-02-14"]
    # no publication date, no year nearby: the year the article names most
    text = "Pilkada 2024 di Jawa Tengah.\n\nPilkada 2024 aman.\n\nPencoblosan 27 November."
    assert dates(nlp, text) == ["2024-11-27"]


def test_the_year_of_a_law_is_no_context_in_english_copy_either(nlp):
    text = ("The candidate list was announced on August 19, 2023.\n\nThe agency found the case on Sept 4, "
            "citing Law No. 7 of 2017 on elections.")
    assert dates(nlp, text) == ["2023-08-19", "2023-09-04"]


def test_weekday_picks_the_year(nlp):
    # 18/11 is a Monday in 2024, not in 2023 (Saturday)
    assert dates(nlp, "Apel Senin (18/11).", date(2023, 12, 30)) == ["2024-11-18"]


def test_evidence_points_at_the_text(nlp):
    text = "Rapat digelar Rabu, 31 Januari 2024. Hasilnya dibahas 2 Februari 2024."
    doc = make_doc(nlp, Item(id="t", text=text))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    first = doc._.dates[0]["evidence"][0]
    assert text[first["start"]:first["end"]] == first["text"] == "31 Januari 2024"
    assert first["sentence"] == "Rapat digelar Rabu, 31 Januari 2024."


def test_data_file_loads():
    t = tables()
    assert DATA.exists()
    assert sorted(set(t["months"].values())) == list(range(1, 13))
    assert sorted(set(t["weekdays"].values())) == list(range(1, 8))
    assert t["months"]["agt"] == 8 and t["months"]["nop"] == 11


def test_a_headline_with_a_date_is_no_stamp(nlp):
    # no title given: the headline is the first line of the text
    text = "Bawaslu Gelar Apel 17 Agustus 2024\n\nApel digelar di lapangan kantor."
    assert dates(nlp, text, date(2024, 8, 18)) == ["2024-08-17"]
    text = "Kabar Daerah\n\nOleh Rina Sihombing, kabardaerah.id 18/08/2024\n\nApel digelar kemarin."
    assert dates(nlp, text, date(2024, 8, 18)) == []
    text = "Rina Sihombing\n18 Agustus 2024\n\nApel digelar kemarin."
    assert dates(nlp, text, date(2024, 8, 18)) == []


# -- days without a year in English copy, after a day word, and told as past ------------------

@pytest.mark.parametrize("text,published,expected", [
    ("As of June 15, the agency had received 30 reports ahead of the Dec. 9, 2020 election.",
     date(2020, 6, 20), {"2020-06-15", "2020-12-09"}),
    ("In a letter dated Nov. 9, the commission said they joined the rally on Oct. 17.",
     date(2020, 11, 12), {"2020-11-09", "2020-10-17"}),
    ("Pelanggaran itu terjadi pada Pemilu 2019. Laporan diterima pada 6/2 dan terlapor dipanggil "
     "tanggal 25/2.", None, {"2019-02-06", "2019-02-25"}),
    ("Masa kampanye Pemilu 2024 dimulai 28 November lalu.", date(2024, 1, 20), {"2023-11-28"}),
    # a range in English copy; a day far from publication takes the neighbouring year the
    # article names, a near one the publication year
    ("Campaigning began on Nov. 28.\n\nThe quiet period runs from Feb. 11 to 13.\n\nAbout 204 million "
     "people are registered for the 2024 election.", date(2023, 11, 28), {"2023-11-28", "2024-02-11", "2024-02-13"}),
    ("Rekapitulasi Pilkada 2024 dimulai 2 Desember.\n\nSeleksi panwas digelar 15 Agustus.",
     date(2024, 12, 3), {"2024-12-02", "2024-08-15"}),
    # the year of a law named first is no context; a day "ahead of" which lies before publication
    ("Under the 2016 regional election law, officials may not take sides ahead of the Nov. 27 vote.",
     date(2024, 10, 8), {"2024-11-27"}),
    ("The case surfaced ahead of the Feb. 14 general election.", date(2023, 12, 13), {"2024-02-14"}),
    # the start of a state is no year of the sentence's events; a day within the month before
    # publication is of the publication's year, whatever year another sentence names
    ("Yohanes, who has headed the office since 2021, was seen at the rally on Oct. 12.",
     date(2024, 10, 30), {"2024-10-12"}),
    ("Camat itu menjabat sejak tahun 2020 dan terlihat di lokasi kampanye pada 3 November.",
     date(2024, 11, 10), {"2024-11-03"}),
    ("The total is up from 29 cases in the 2019 election. As of March 4, KASN had issued 18 recommendations.",
     date(2024, 3, 6), {"2024-03-04"}),
])
def test_days_without_a_year(nlp, text, published, expected):
    assert set(dates(nlp, text, published)) == expected


@pytest.mark.parametrize("text", [
    "Skor akhir 6/2 untuk tim tamu.",
    "may 5 be the answer",
    "Rapat dihadiri 1/2 anggota dewan.",
])
def test_bare_fractions_and_lowercase_words_are_no_dates(nlp, text):
    assert dates(nlp, text, date(2024, 1, 1)) == []


def test_a_register_numbers_year_dates_a_day_when_nothing_else_does(nlp):
    text = ("Panwaslih mengklarifikasi MY, Camat Jangka, Kamis (1/2). Laporan teregistrasi dengan nomor "
            "004/Reg/LP/PL/Kab/01.17/I/2024.")
    assert dates(nlp, text) == ["2024-02-01"]
    # a law's year is no such hint, and a publication date comes first
    assert dates(nlp, "Camat diperiksa Kamis (1/2) sesuai UU 7/2017.") == []
    assert dates(nlp, text.replace("/I/2024", "/I/2018"), published=date(2024, 2, 5)) == ["2024-02-01"]
    assert dates(nlp, text.replace("/I/2024", "/I/2018")) == ["2018-02-01"]


@pytest.mark.parametrize("text,published,expected", [
    # a range across the new year: the later date's year is the day's next year
    ("Pemasangan alat peraga dibolehkan 15 Desember sampai 20 Januari, sebelum hari tenang 5 Februari 2025.",
     "2024-12-01", ["2024-12-15", "2025-01-20", "2025-02-05"]),
    # a year told before the day in the sentence is its own
    ("Pilkada 2024 digelar 27 November, sedangkan pendaftaran calon dibuka 27 Agustus 2024.", "2023-06-01",
     ["2024-11-27", "2024-08-27"]),
])
def test_a_range_across_the_new_year(nlp, text, published, expected):
    assert dates(nlp, text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    ("Surat itu diedarkan ke 19 sekolah sejak 30 Desember sampai 6 Januari lalu.", "2025-01-20",
     ["2024-12-30", "2025-01-06"]),
    # a day since which something runs, before publication, keeps the publication year
    ("Pendaftaran dibuka sejak 2 Maret dan ditutup 9 Maret.", "2024-03-05", ["2024-03-02", "2024-03-09"]),
])
def test_a_day_since_which_something_ran_is_past(nlp, text, published, expected):
    assert dates(nlp, text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    # a day named as an election's, far from publication: the scheduled one
    ("Nurses signed a neutrality pact for the Feb. 14 polls, officials said.", "2023-09-05",
     ["2024-02-14"]),
    # after the vote it is the one just held
    ("Turnout in the Feb. 14 election was higher than five years ago.", "2024-03-10", ["2024-02-14"]),
])
def test_a_day_named_as_an_elections(nlp, text, published, expected):
    assert dates(nlp, text, published) == expected


def test_a_voting_day_takes_the_publication_year_over_an_older_paragraph_year(nlp):
    text = ("Pada Pemilu 2019 ada dua kepala desa yang disanksi. Tahun ini pengawas desa akan memantau "
            "sampai hari pencoblosan 27 November.")
    assert dates(nlp, text, published=date(2024, 9, 20)) == ["2024-11-27"]
    # a day with no voting-day words keeps the paragraph's year
    text = "Pada Pemilu 2019 ada dua kepala desa yang disanksi. Kasus pertama terjadi 10 April."
    assert dates(nlp, text, published=date(2024, 1, 20)) == ["2019-04-10"]
