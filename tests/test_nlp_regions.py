"""The pantau_regions component on sentences written for these tests.

The component reads only ``doc.text`` (and sentence bounds for evidence), so the tests use a
fast multi-language blank pipeline with spaCy's sentencizer, built once per module.
"""

import pytest
import spacy

import nlp.components.regions  # noqa: F401  (registers the factory)
from nlp.components.regions import RegionResolver
from pantau.errors import InvalidInput


def _pipeline(**config):
    lang = spacy.blank("xx")
    lang.add_pipe("sentencizer")
    lang.add_pipe("pantau_regions", config=config)
    return lang


@pytest.fixture(scope="module")
def nlp():
    return _pipeline()


def regions(nlp, text, **user_data):
    doc = nlp.make_doc(text)
    doc.user_data.update(user_data)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.regions


def found(nlp, text, **user_data):
    return {(r["level"], r["code"]) for r in regions(nlp, text, **user_data)}


BATANG, PEKALONGAN_KAB, BATAM, JATENG = ("kabupaten", "33.25"), ("kabupaten", "33.26"), ("kota", "21.71"), ("provinsi", "33")
SERANG_KAB, SERANG_KOTA = ("kabupaten", "36.04"), ("kota", "36.73")


@pytest.mark.parametrize("text, expected", [
    ("Apel digelar di Kabupaten Batang pada pagi hari.", {BATANG}),
    ("Kab. Batang dan Kab Pekalongan menggelar rapat bersama.", {BATANG, PEKALONGAN_KAB}),
    ("Pemkab Batang mengimbau pegawainya agar netral.", {BATANG}),
    ("Bupati Batang membuka acara itu.", {BATANG}),
    ("Acara itu dibuka Wakil Bupati Batang.", {BATANG}),
    ("Pj Bupati Batang memimpin upacara.", {BATANG}),
    ("Bawaslu Batang menerima dua laporan.", {BATANG}),
    ("Bawaslu Kabupaten Batang menerima dua laporan.", {BATANG}),
    ("KPU Kabupaten Batang menetapkan daftar pemilih.", {BATANG}),
    ("Rapat itu digelar Pemkot Batam.", {BATAM}),
    ("Wali Kota Batam dan Walikota Batam periode lalu hadir.", {BATAM}),
    ("Kota Batam menjadi tuan rumah rapat itu.", {BATAM}),
    ("Provinsi Jawa Tengah menggelar lomba.", {JATENG}),
    ("Prov. Jateng menggelar lomba.", {JATENG}),
    ("Pemprov Jateng menggelar lomba.", {JATENG}),
    ("Gubernur Jawa Tengah menggelar lomba.", {JATENG}),
    ("Bawaslu Jateng mencatat ratusan laporan.", {JATENG}),
    ("Peserta datang dari Kepulauan Riau.", {("provinsi", "21")}),
    ("Peserta datang dari Kepri dan NTT.", {("provinsi", "21"), ("provinsi", "53")}),
    ("Warga DKI Jakarta memadati lokasi.", {("provinsi", "31")}),
    ("Rapat digelar di Jakarta Selatan.", {("kota", "31.74")}),
    ("Rapat digelar di Jaksel.", {("kota", "31.74")}),
    ("Kepala OPD se-Kabupaten Batang hadir.", {BATANG}),
    ("BATANG - Bawaslu menggelar apel.", {BATANG}),
    ("TRIBUNJATENG.COM, BATANG - Bawaslu menggelar apel.", {BATANG}),
    ("Batang - Bawaslu menggelar apel.", {BATANG}),
    ("Sejumlah pegawai di Batam diminta netral.", {BATAM}),
    ("Pria kelahiran Maluku itu menjadi pembicara.", {("provinsi", "81")}),
    ("Kegiatan serupa digelar di Bali tahun lalu.", {("provinsi", "51")}),
    ("Ketua Bawaslu Kota Tanjungpinang dan Bawaslu Bau-Bau hadir.", {("kota", "21.72"), ("kota", "74.72")}),
    ("Kapolres Batang dan Kepala Kejaksaan Negeri Batang hadir.", {BATANG}),
    ("Kepala Dinas Pendidikan Jawa Tengah memberi sambutan.", {JATENG}),
    ("Bupati Kepulauan Seribu dan Wali Kota Administrasi Jakarta Utara hadir.",
     {("kabupaten", "31.01"), ("kota", "31.72")}),
    ("Kabupaten Lima Puluh Kota dan Kabupaten Pangkajene dan Kepulauan.",
     {("kabupaten", "13.07"), ("kabupaten", "73.10")}),
    ("Pilbup Batang dan Pilwalkot Pekalongan digelar serentak.", {BATANG, ("kota", "33.75")}),
    ("Pelatih muda asal Sumatera Selatan itu menang.", {("provinsi", "16")}),
    ("Pengurus Partai Golkar Jawa Barat menggelar rapat.", {("provinsi", "32")}),
    ("Kades di Kecamatan Gebog, Kudus, dipanggil.", {("kecamatan", "33.19.08"), ("kabupaten", "33.19")}),
    ("Pelanggaran terjadi di Desa Wonosari, Bawang, Batang.", {BATANG}),
    ("Apel digelar di Alun-alun Batang, Jawa Tengah.", {BATANG, JATENG}),
    ("Ia kini Kepala Bappeda Kabupaten Batang Hari.", {("kabupaten", "15.04")}),
    ("Bawaslu Tangsel dan warga Solo hadir.", {("kota", "36.74"), ("kota", "33.72")}),
    ("Ketua DPRD Batang Maulana Yusup hadir.", {BATANG}),
    ("Kegiatan di Palangka Raya (Kalteng) berjalan lancar.", {("kota", "62.71"), ("provinsi", "62")}),
    ("Jakarta (ANTARA) - Rapat digelar tertutup.", {("provinsi", "31")}),
    ("BATANG, KOMPAS.com - Rapat digelar tertutup.", {BATANG}),
])
def test_forms(nlp, text, expected):
    assert found(nlp, text) == expected


def test_one_entry_per_region_with_all_evidence(nlp):
    text = "Bupati Batang membuka apel.\nApel di Kabupaten Batang diikuti 300 pegawai."
    out = regions(nlp, text)
    assert len(out) == 1
    entry = out[0]
    assert entry["level"] == "kabupaten" and entry["name"] == "Batang" and entry["code"] == "33.25"
    assert entry["parents"] == ["33"]  # named parents only are separate entries
    assert [e["text"] for e in entry["evidence"]] == ["Batang", "Kabupaten Batang"]
    for ev in entry["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    assert entry["evidence"][1]["sentence"] == "Apel di Kabupaten Batang diikuti 300 pegawai."


def test_kecamatan_needs_its_level_word(nlp):
    text = "Bimbingan teknis di Kecamatan Cinangka diikuti camat se-Kabupaten Serang."
    out = {r["level"]: r for r in regions(nlp, text)}
    assert out["kecamatan"]["code"] == "36.04.31" and out["kecamatan"]["parents"] == ["36", "36.04"]
    assert out["kecamatan"]["evidence"][0]["text"] == "Kecamatan Cinangka"
    assert out["kabupaten"]["code"] == "36.04"
    # Many kecamatan are called Batang; the one in the named kabupaten is chosen.
    text = "Camat Batang dan Bupati Batang meninjau Kecamatan Batang."
    assert ("kecamatan", "33.25.11") in found(nlp, text)
    # A kecamatan name without the word is not a kecamatan.
    assert found(nlp, "Warga Cinangka antusias.") == set()
    # "Camat" before a person's name ("Bambang" is also a kecamatan in Mamasa)
    assert found(nlp, "Camat Bambang Suryanto hadir.") == set()
    assert found(nlp, "Ketua Panwascam Batang dan Bupati Batang hadir.") == {("kecamatan", "33.25.11"), BATANG}


# -- names shared by a kabupaten and a kota ----------------------------------------------

def test_ambiguous_bare_name_without_context_is_skipped(nlp):
    assert found(nlp, "Bawaslu Serang menggelar rapat koordinasi.") == set()
    assert found(nlp, "SERANG - Bawaslu menggelar rapat koordinasi.") == set()
    assert found(nlp, "Serang menjadi tuan rumah.") == set()


def test_ambiguous_name_explicit_mention_elsewhere(nlp):
    text = "Bawaslu Serang menggelar rapat. Rapat diikuti pegawai Pemkab Serang."
    assert found(nlp, text) == {SERANG_KAB}
    text = "SERANG - Rapat digelar di aula. Kepala Bakesbangpol Kota Serang hadir."
    assert found(nlp, text) == {SERANG_KOTA}


def test_ambiguous_name_office_words(nlp):
    assert found(nlp, "KPU Serang menggelar rapat. Wali Kota meminta ASN netral.") == {SERANG_KOTA}
    assert found(nlp, "KPU Serang menggelar rapat. Bupati meminta ASN netral.") == {SERANG_KAB}
    # both kinds of office word: undecided
    assert found(nlp, "KPU Serang menggelar rapat. Bupati dan Wali Kota hadir.") == set()


def test_ambiguous_name_default_region_and_title(nlp):
    text = "Bawaslu Serang menggelar rapat koordinasi."
    assert found(nlp, text, default_region="36.73") == {SERANG_KOTA}
    assert found(nlp, text, default_region="3604") == {SERANG_KAB}
    assert found(nlp, text, default_region="36") == set()  # both lie in Banten
    assert found(nlp, text, default_region="36.73.01.1001") == {SERANG_KOTA}  # a desa code
    assert found(nlp, text, default_region="not-a-code") == set()
    assert found(nlp, text, title="Pemkot Serang Gelar Sosialisasi Netralitas") == {SERANG_KOTA}
    assert found(nlp, text, title="Bupati Minta ASN Netral") == {SERANG_KAB}


def test_ambiguous_name_both_levels_named(nlp):
    text = ("Kabupaten Serang dan Kota Serang menggelar apel bersama. "
            "Bawaslu Serang mengawasi jalannya apel.")
    out = regions(nlp, text)
    assert {(r["level"], r["code"]) for r in out} == {SERANG_KAB, SERANG_KOTA}
    assert all(len(r["evidence"]) == 1 for r in out)  # "Bawaslu Serang" went to neither


def test_ambiguous_name_in_a_list_takes_the_level_of_its_head(nlp):
    out = found(nlp, "Kasus terbanyak di Kota Tegal, Pekalongan dan Brebes.")
    assert out == {("kota", "33.76"), ("kota", "33.75"), ("kabupaten", "33.29")}
    out = found(nlp, "Kasus di Kabupaten Tegal 14 kasus, Pemalang 12 kasus, dan Kendal 9 kasus.")
    assert out == {("kabupaten", "33.28"), ("kabupaten", "33.27"), ("kabupaten", "33.24")}


def test_undecided_tie_break_from_config():
    lang = _pipeline(undecided="kabupaten")
    assert found(lang, "Bawaslu Serang menggelar rapat koordinasi.") == {SERANG_KAB}


def test_province_and_city_share_a_name(nlp):
    assert found(nlp, "Rapat itu digelar di Jambi.") == set()
    assert found(nlp, "Gubernur Jambi membuka rapat di Jambi.") == {("provinsi", "15")}
    assert found(nlp, "Gubernur DIY menghadiri acara di Jogja.") == {("provinsi", "34")}


# -- what is not a region mention --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pak Bima datang ke kantor kecamatan.",
    "Bima Arya menjadi pembicara.",
    "Batu itu besar sekali.",
    "Di Batu banyak kebun apel.",  # stoplist: "Batu" needs "Kota"
    "Rapat dihadiri Wahyu Pratama dan Sinta Dewi.",
    "Batang pohon itu tumbuh miring.",
    "Batang menjadi lokasi kegiatan.",  # a bare single word without context
    "Mahasiswa Universitas Negeri Semarang dan pegawai Bank Jateng hadir.",
    "Dari Sabang sampai Merauke ASN harus netral.",
    "Ia tinggal di Jalan Batang dan bekerja di Desa Kendal.",
    "Dosen Unimus Ungaran menjadi narasumber.",
    "NETRALITAS DI BATANG DIJAGA KETAT",  # capitals outside a dateline
    "Sejumlah warga di Solo Raya menonton.",  # followed by a capitalised word
    "kata Kendal kepada wartawan.",
    "Baca juga: Bawaslu Kota Semarang Temukan Pelanggaran",
    "Laporan wartawan Tribun Jateng dari lokasi.",
    "Kepala BKN Bima Haria Wibisana menyampaikan data.",  # an acronym, then a person
    "Rombongan tiba di Bandara Internasional Yogyakarta.",
    "Puskesmas Bogor Tengah melayani warga.",
    "Foto diunggah akun bernama Bima Sakti.",
])
def test_negatives(nlp, text):
    assert found(nlp, text) == set()


def test_batu_with_level_word(nlp):
    assert found(nlp, "Kota Batu menggelar pilkada.") == {("kota", "35.79")}


def test_bare_name_repeated_from_an_explicit_mention(nlp):
    text = "Bawaslu Kabupaten Batang menggelar apel. Sementara itu, Batang juga menerima laporan."
    out = regions(nlp, text)
    assert len(out) == 1 and len(out[0]["evidence"]) == 2


def test_level_word_that_does_not_fit_is_a_locative(nlp):
    # "kota Batang": the town of the Batang regency, which has no kota of that name
    assert found(nlp, "Pusat kota Batang ramai pada akhir pekan.") == {BATANG}


def test_empty_and_region_free_texts(nlp):
    assert regions(nlp, "") == []
    assert regions(nlp, "Tidak ada nama daerah di kalimat ini.") == []


def test_levels_config():
    lang = _pipeline(levels=["provinsi"])
    assert found(lang, "Bupati Batang dan Gubernur Jawa Tengah hadir di Kecamatan Batang.") == {JATENG}


def test_bad_config():
    with pytest.raises(InvalidInput, match="undecided"):
        RegionResolver(undecided="guess")
    with pytest.raises(InvalidInput, match="levels"):
        RegionResolver(levels=["negara"])


def test_to_disk_and_load_round_trip(nlp, tmp_path):
    text = "SERANG - Bawaslu menggelar rapat. Bupati hadir di Kecamatan Cinangka."
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "pantau_regions" / "region_cues.toml").exists()
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp.pipe_names
    assert regions(loaded, text) == regions(nlp, text)
    assert found(loaded, text) == {SERANG_KAB, ("kecamatan", "36.04.31")}


# -- lists, tallies and brackets -------------------------------------------------------------

def _names(nlp, text):
    return {(r["level"], r["name"]) for r in regions(nlp, text)}


def test_tally_list_of_bare_names(nlp):
    got = _names(nlp, "Sebaran laporan: Banjar: 12 kasus, Tabalong: 8 kasus, Kotabaru: 5 kasus.")
    # Banjar (a stop name, kabupaten in Kalsel or kota in Jabar) takes the province of the list
    assert got == {("kabupaten", "Banjar"), ("kabupaten", "Tabalong"), ("kabupaten", "Kotabaru")}
    got = _names(nlp, "Data Bawaslu: Tabalong 8 laporan, Balangan 4 laporan, Kotabaru 5 pelanggaran.")
    assert {("kabupaten", "Tabalong"), ("kabupaten", "Balangan"), ("kabupaten", "Kotabaru")} <= got


def test_a_list_of_bare_counts_is_a_tally(nlp):
    got = _names(nlp, "Sebaran kasus untuk kabupaten: Jember 14, Bangkalan 11, Sampang 9 dan Probolinggo 8.")
    assert got == {("kabupaten", "Jember"), ("kabupaten", "Bangkalan"), ("kabupaten", "Sampang"),
                   ("kabupaten", "Probolinggo")}
    # one name with a number is no tally
    assert _names(nlp, "Ia tinggal di rumah bernomor Sampang 9, dekat pasar.") == set()
    # counts in words
    got = _names(nlp, "Kasus terbanyak disusul Inhil enam, Rohul lima, Kuansing empat dan Bengkalis tiga.")
    assert got == {("kabupaten", "Indragiri Hilir"), ("kabupaten", "Rokan Hulu"),
                   ("kabupaten", "Kuantan Singingi"), ("kabupaten", "Bengkalis")}


def test_tally_with_counts_in_words(nlp):
    got = _names(nlp, "Kasus terbanyak ada di Kabupaten Sanggau. Disusul Sekadau lima kasus, "
                      "Melawi dua belas laporan dan Kapuas Hulu tiga kasus.")
    assert {("kabupaten", "Sekadau"), ("kabupaten", "Melawi"), ("kabupaten", "Kapuas Hulu")} <= got


def test_kabupaten_abbreviations_in_wide_use(nlp):
    got = _names(nlp, "Laporan terbanyak dari Kabupaten Kupang, disusul TTU enam laporan dan Pasbar dua laporan.")
    assert {("kabupaten", "Timor Tengah Utara"), ("kabupaten", "Pasaman Barat")} <= got


def test_locative_list_with_a_stop_name(nlp):
    assert _names(nlp, "Pengawasan di wilayah Bima dan Dompu diperketat.") == \
        {("kabupaten", "Bima"), ("kabupaten", "Dompu")}


def test_bersama_and_village_words(nlp):
    assert ("kabupaten", "Kolaka") in _names(nlp, "Bawaslu Sultra bersama Kolaka menggelar patroli.")
    assert _names(nlp, "Sejumlah wali nagari di Solok diperiksa.") == {("kabupaten", "Solok")}


def test_province_in_brackets_after_a_region(nlp):
    assert _names(nlp, "Rapat digelar di Bengkulu Selatan (Bengkulu) pada Senin.") == \
        {("kabupaten", "Bengkulu Selatan"), ("provinsi", "Bengkulu")}


@pytest.mark.parametrize("text", [
    "Batu: 3 buah, pasir: 2 truk.",
    "Ia datang bersama Bima dan istrinya.",
    "Pak Banjar: 12 kasus sudah ditangani.",
])
def test_list_negatives(nlp, text):
    assert _names(nlp, text) == set()


# -- list openers, sentence openers, the province of the sentence, English copy --------------

@pytest.mark.parametrize("opener", ["termasuk", "yakni", "seperti", "antara lain"])
def test_a_list_opener_introduces_bare_names(nlp, opener):
    text = f"Sengketa muncul di tiga kabupaten di Jawa Tengah, {opener} Kendal, Demak dan Grobogan."
    assert {("kabupaten", "33.24"), ("kabupaten", "33.21"), ("kabupaten", "33.15")} <= found(nlp, text)


def test_a_capitalised_function_word_opening_a_sentence_is_not_part_of_the_name(nlp):
    text = ("Laporan terbanyak masuk dari Sumatera Utara (91). "
            "Selanjutnya Lampung (64), Jambi (58), Sumatera Barat (52) dan Bengkulu (40).")
    assert ("provinsi", "18") in found(nlp, text)


def test_the_province_of_the_sentence_decides_a_shared_or_stoplist_name(nlp):
    south_kalimantan = "Untuk wilayah Kalimantan Selatan, temuan paling banyak tercatat di Banjar."
    assert ("kabupaten", "63.03") in found(nlp, south_kalimantan)
    assert ("kota", "32.79") not in found(nlp, south_kalimantan)
    # without a province in the sentence the stoplist name still needs a level word
    assert {c for _, c in found(nlp, "Temuan paling banyak tercatat di Banjar.")} == set()


def test_english_wire_copy_locatives_and_lists(nlp):
    text = "Police deployed 900 officers in Batam and Karimun ahead of the vote."
    assert {BATAM, ("kabupaten", "21.02")} <= found(nlp, text)


def test_english_lists_after_followed_by_neighboring_and_in_the(nlp):
    got = _names(nlp, "Sleman topped the list with six cases, followed by Bantul with five and Gunungkidul "
                      "with two. Supporters from neighboring Klaten arrived by bus for the Jawa Tengah race, "
                      "and voters in the Papua gubernatorial race go to the polls too.")
    assert {("kabupaten", "Bantul"), ("kabupaten", "Gunungkidul"), ("kabupaten", "Klaten"),
            ("provinsi", "Papua")} <= got


def test_table_rows_of_names_and_counts(nlp):
    text = ("Sebaran laporan per daerah:\n\nKab. Semarang: 11\nGrobogan: 6\n- Blora = 3\n"
            "2. Salatiga: 1\nDaerah lain: 10\n\nKata Pati: 5 orang hadir, ujarnya.")
    got = found(nlp, text)
    assert {("kabupaten", "33.15"), ("kabupaten", "33.16"), ("kota", "33.73")} <= got
    assert ("kabupaten", "33.18") not in got  # "Pati: 5 orang" inside a sentence is no table row


def test_police_metro_names_partners_and_more_abbreviations(nlp):
    assert ("kota", "18.72") not in found(nlp, "Kapolres Metro Bekasi Kota meninjau TPS.")
    assert ("kota", "18.72") in found(nlp, "Pemkot Metro menggelar apel netralitas.")
    assert ("kota", "12.72") in found(nlp, "Pemkab berkoordinasi dengan Pematangsiantar soal ASN.")
    assert ("kabupaten", "71.06") in found(nlp, "Ia bertugas di Minut sejak 2019.")
    assert ("kabupaten", "92.03") in found(nlp, "Bawaslu Kabupaten Fakfak menerima laporan.")


# -- English-language copy -----------------------------------------------------------------

def test_english_names_of_provinces_and_kabupaten(nlp):
    got = _names(nlp, "Reports came from West Java, Southeast Sulawesi and Central Lombok, "
                      "while the Riau Islands recorded none.")
    assert got == {("provinsi", "Jawa Barat"), ("provinsi", "Sulawesi Tenggara"),
                   ("kabupaten", "Lombok Tengah"), ("provinsi", "Kepulauan Riau")}


def test_english_level_words_after_and_before_the_name(nlp):
    got = _names(nlp, "Bima regency topped the list, followed by Bitung city and Wakatobi district. "
                      "The regent of Sleman was summoned.")
    assert got == {("kabupaten", "Bima"), ("kota", "Bitung"), ("kabupaten", "Wakatobi"),
                   ("kabupaten", "Sleman")}


def test_wire_dateline_with_a_short_province_name(nlp):
    got = _names(nlp, "Kupang, E Nusa Tenggara (ANTARA) - The agency recorded 12 reports.")
    assert ("provinsi", "Nusa Tenggara Timur") in got


def test_a_name_with_its_first_two_words_written_as_one(nlp):
    assert ("kabupaten", "Tanjung Jabung Barat") in _names(nlp, "Bawaslu Kabupaten Tanjungjabung Barat menggelar rapat.")


def test_an_abbreviation_in_brackets_inside_a_name(nlp):
    got = _names(nlp, "Bawaslu Kabupaten Ogan Komering Ulu (OKU) Selatan menerima laporan.")
    assert got == {("kabupaten", "Ogan Komering Ulu Selatan")}
    got = _names(nlp, "Bawaslu Kabupaten Ogan Komering Ulu (OKU) menerima laporan.")
    assert got == {("kabupaten", "Ogan Komering Ulu")}


def test_a_two_word_abbreviation_of_a_kabupaten(nlp):
    got = _names(nlp, "Kadis Pendidikan Tanjab Barat, Hasbullah, mengaku sudah memanggil kepala sekolah. "
                      "Kabupaten PALI mencatat 5 kasus.")
    assert got == {("kabupaten", "Tanjung Jabung Barat"), ("kabupaten", "Penukal Abab Lematang Ilir")}


def test_district_after_a_village_is_a_kecamatan(nlp):
    got = _names(nlp, "TABANAN, Bali - A civil servant at the Tabanan regency secretariat opened the event in "
                      "Nyitdah village, Kediri district.")
    assert ("kabupaten", "Kediri") not in got and ("kabupaten", "Tabanan") in got
    assert ("kabupaten", "Wakatobi") in _names(nlp, "Bawaslu of Wakatobi district summoned a teacher on Monday.")


@pytest.mark.parametrize("text", [
    "Temanggung Bawaslu said it had received the report on Monday.",
    "A nurse at the Temanggung regional hospital was questioned.",
    "The head of Temanggung's civil-service agency, Heru Kuswanto, confirmed the sanction.",
])
def test_english_body_written_after_its_region(nlp, text):
    assert _names(nlp, text) == {("kabupaten", "Temanggung")}


def test_a_bare_name_before_an_ordinary_english_word_stays_unread(nlp):
    assert _names(nlp, "Temanggung Santosa said the rally was over.") == set()


def test_a_kadis_title_before_its_region(nlp):
    assert _names(nlp, "Kadis Perikanan Halsel Dilaporkan ke Bawaslu") == {("kabupaten", "Halmahera Selatan")}


@pytest.mark.parametrize("text,expected", [
    ("Panwaslih Aceh mencatat 30 dugaan pelanggaran netralitas.", {("provinsi", "Aceh")}),
    ("The rest of the cases were scattered across Blitar, Trenggalek and Madiun.",
     {("kabupaten", "Blitar"), ("kabupaten", "Trenggalek"), ("kabupaten", "Madiun")}),
    ("The cities of Probolinggo and Pasuruan each recorded two cases.",
     {("kota", "Probolinggo"), ("kota", "Pasuruan")}),
    # a kecamatan or village named like a kabupaten elsewhere is neither
    ("Three of the reports came from Jombang sub-district and two from Kediri village.", set()),
])
def test_english_lists_city_plurals_and_places_inside_a_region(nlp, text, expected):
    assert _names(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # three or more bare names, all kabupaten or kota of one province: a list of regions
    ("Purbalingga, Banjarnegara, Wonosobo dan Kebumen juga menggelar pemungutan suara ulang.",
     {("kabupaten", "33.03"), ("kabupaten", "33.04"), ("kabupaten", "33.07"), ("kabupaten", "33.05")}),
    ("Purbalingga, Banjarnegara and Wonosobo also vote on Wednesday.",
     {("kabupaten", "33.03"), ("kabupaten", "33.04"), ("kabupaten", "33.07")}),
    # two bare names are not enough, and names of no one province are people
    ("Purbalingga dan Banjarnegara juga memilih.", set()),
    ("Budi, Santoso, Ahmad dan Rina hadir dalam rapat.", set()),
])
def test_a_bare_list_of_regions_of_one_province(nlp, text, expected):
    assert found(nlp, text) == expected


def test_a_count_given_for_each_of_a_list(nlp):
    assert found(nlp, "Cilacap dan Kebumen masing-masing 3 kasus.") == {("kabupaten", "33.01"), ("kabupaten", "33.05")}


def test_a_kecamatan_named_kota_x_is_no_kota(nlp):
    assert ("kota", "13.71") not in found(nlp, "Warga Kecamatan Kota Padang di Rejang Lebong menggelar apel.")
    assert ("kota", "13.71") in found(nlp, "Wali Kota Padang membuka apel netralitas.")


def test_an_outlets_name_in_capitals_is_no_region(nlp):
    assert found(nlp, "WARTA BATANG › Pilkada 2024\n\nBawaslu Kendal memanggil kades.") == {("kabupaten", "33.24")}
    assert found(nlp, "PGRI Batang menggelar rapat.") == {BATANG}


@pytest.mark.parametrize("text,expected", [
    ("BUMIAYU, Brebes — Bawaslu memanggil seorang kepala desa.", {("kabupaten", "33.29")}),
    ("LEMBANG, Jawa Barat — The regency election supervisory agency summoned a village head.", {("provinsi", "32")}),
    ("He said the Banten gubernatorial race drew few complaints.", {("provinsi", "36")}),
])
def test_the_province_of_a_dateline_and_an_english_race(nlp, text, expected):
    assert found(nlp, text) == expected


def test_a_region_between_an_office_acronym_and_a_name(nlp):
    assert found(nlp, "Kepala Dinas PMD Cianjur Ratna Dewi mengatakan kades hadir.") == {("kabupaten", "32.03")}
    assert found(nlp, "Kasatpol PP Cianjur Hendra Wijaya mengatakan baliho diturunkan.") == {("kabupaten", "32.03")}


def test_a_tally_list_keeps_going_past_a_name_the_table_lacks(nlp):
    got = _names(nlp, "Sisanya Jember 6, Pandalungan 4, Bondowoso 3 dan Situbondo 1.")
    assert {("kabupaten", "Jember"), ("kabupaten", "Bondowoso"), ("kabupaten", "Situbondo")} <= got


def test_each_with_a_bare_count_is_a_tally(nlp):
    got = _names(nlp, "Kasus lain tercatat di Konsel 2, sedangkan Koltim dan Kolut masing-masing 1.")
    assert {("kabupaten", "Kolaka Timur"), ("kabupaten", "Kolaka Utara")} <= got


def test_english_plural_level_after_a_list(nlp):
    got = _names(nlp, "Sintang and Ketapang regencies logged four cases each.")
    assert got == {("kabupaten", "Sintang"), ("kabupaten", "Ketapang")}


def test_none_at_all_is_a_count_too(nlp):
    got = _names(nlp, "Kotim dan Katingan masing-masing 2 kasus, sedangkan Lamandau dan Barut nihil.")
    assert {("kabupaten", "Lamandau"), ("kabupaten", "Barito Utara")} <= got


def test_counts_in_parentheses_make_a_tally(nlp):
    got = _names(nlp, "Kasus terbanyak di Manggarai, disusul Matim (5), Sumtim (4) dan Flotim (2).")
    assert {("kabupaten", "Manggarai Timur"), ("kabupaten", "Sumba Timur"), ("kabupaten", "Flores Timur")} <= got
