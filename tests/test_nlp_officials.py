"""The officials component on sentences written for these tests (fictional people, real offices)."""

import pytest
import spacy

import nlp.components.officials  # noqa: F401  (registers the factory)
from nlp.tokenizer import blank


@pytest.fixture(scope="module")
def nlp():
    pipeline = blank()  # spacy.blank("id") with the project's faster tokenizer
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("pantau_officials")
    return pipeline


def officials(nlp, text, **user_data):
    doc = nlp.make_doc(text)
    doc.user_data.update(user_data)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.officials


def by_name(found):
    return {o["name"]: o for o in found}


def names(nlp, text, **user_data):
    return sorted(o["name"] for o in officials(nlp, text, **user_data))


# -- role first -----------------------------------------------------------------------------

def test_role_comma_name(nlp):
    found = officials(nlp, "Ketua Bawaslu Kabupaten Kendal, Hendri Wirawan, mengatakan pengawasan diperketat.")
    assert [o["name"] for o in found] == ["Hendri Wirawan"]
    assert found[0]["role"].startswith("Ketua Bawaslu Kabupaten Kendal")
    assert found[0]["org"] == "Bawaslu Kabupaten Kendal"


def test_role_name_without_comma_keeps_region_out_of_name(nlp):
    found = officials(nlp, "Ketua Bawaslu Kendal Hendri Wirawan mengatakan ASN wajib netral.")
    assert [o["name"] for o in found] == ["Hendri Wirawan"]
    assert "Kendal" in found[0]["role"]


def test_mononym_after_region(nlp):
    found = officials(nlp, "Sementara itu, Ketua Bawaslu Jepara Mujiono menambahkan bahwa laporan sudah diterima.")
    assert [o["name"] for o in found] == ["Mujiono"]


def test_penjabat_written_out_and_abbreviated(nlp):
    found = officials(nlp, "Penjabat (Pj) Bupati Brebes, Joko Susanto, membuka apel netralitas ASN.")
    assert found[0]["name"] == "Joko Susanto"
    assert "Penjabat" in found[0]["role"] and "Brebes" in found[0]["role"]
    assert found[0]["org"] == "Pemerintah Kabupaten Brebes"
    found = officials(nlp, "Pj Bupati Brebes Joko Susanto membuka apel.")
    assert "Penjabat" in found[0]["role"].split() and "Pj" in found[0]["role"]


def test_represented_by_chain_and_degrees(nlp):
    text = ("Hadir sebagai narasumber Pj Bupati Blora Joko Susanto, S.H yang diwakili oleh Kepala Badan "
            "Kepegawaian Daerah (BKD) Bambang Irawan, M.Si., dan sejumlah camat.")
    found = by_name(officials(nlp, text))
    assert set(found) == {"Joko Susanto", "Bambang Irawan"}
    assert found["Bambang Irawan"]["role"].startswith("Kepala Badan Kepegawaian Daerah")
    assert found["Bambang Irawan"]["org"].startswith("Badan Kepegawaian Daerah")


def test_acronym_expanded_into_org(nlp):
    found = officials(nlp, "Sekretaris Bakesbangpol Kabupaten Klaten Wahyu Hidayat menjelaskan aturan itu.")
    assert found[0]["name"] == "Wahyu Hidayat"
    assert found[0]["org"] == "Badan Kesatuan Bangsa dan Politik Kabupaten Klaten"


def test_staf_ahli_with_field(nlp):
    found = officials(nlp, "Staf Ahli Bupati Kendal Bidang Hukum dan Politik Yusuf Maulana mengatakan hal serupa.")
    assert found[0]["name"] == "Yusuf Maulana"
    assert found[0]["role"].startswith("Staf Ahli Bupati Kendal Bidang Hukum dan Politik")
    assert found[0]["org"] == "Pemerintah Kabupaten Kendal"


def test_particle_names(nlp):
    found = officials(nlp, "Menurut Deputi Bidang Pengawasan La Ode Rahman, netralitas harus dijaga.")
    assert [o["name"] for o in found] == ["La Ode Rahman"]
    found = officials(nlp, "Ketua Bawaslu Provinsi Bali I Gusti Ngurah Putra mengatakan hal itu.")
    assert [o["name"] for o in found] == ["I Gusti Ngurah Putra"]


def test_police_rank_stripped(nlp):
    found = officials(nlp, "Kapolres Kudus AKBP Ronald Sihombing mengatakan pihaknya siap.")
    assert found[0]["name"] == "Ronald Sihombing"
    assert "Kapolres" in found[0]["role"]


def test_village_head_and_lowercase_title(nlp):
    found = by_name(officials(nlp, "Kepala Desa Karanganyar, Sutrisno, dilaporkan ke Bawaslu. "
                                   "Hal itu dibenarkan camat Wonosari, Agus Purnomo."))
    assert set(found) == {"Sutrisno", "Agus Purnomo"}
    assert found["Sutrisno"]["org"] == "Pemerintah Desa Karanganyar"


def test_legislator(nlp):
    found = officials(nlp, "Anggota DPRD Kabupaten Jepara, Siti Aminah, meminta ASN tidak berpolitik.")
    assert found[0]["name"] == "Siti Aminah"
    assert found[0]["org"] == "DPRD Kabupaten Jepara"


# -- name first -----------------------------------------------------------------------------

def test_name_comma_role(nlp):
    found = officials(nlp, "Siti Rahayu, Kepala Dinas Pendidikan Kabupaten Sleman, menegaskan larangan itu.")
    assert found[0]["name"] == "Siti Rahayu"
    assert found[0]["role"] == "Kepala Dinas Pendidikan Kabupaten Sleman"
    assert found[0]["org"] == "Dinas Pendidikan Kabupaten Sleman"


def test_name_selaku_role(nlp):
    found = officials(nlp, "Rudi Kurniadi selaku Camat Tembalang mengimbau seluruh perangkat kelurahan.")
    assert [o["name"] for o in found] == ["Rudi Kurniadi"]
    assert found[0]["role"].startswith("Camat Tembalang")


def test_name_in_parentheses_apposition(nlp):
    found = officials(nlp, "Dewi Lestari (Anggota KPU Kota Medan) menjelaskan tahapan kampanye.")
    assert [o["name"] for o in found] == ["Dewi Lestari"]
    assert found[0]["role"] == "Anggota KPU Kota Medan"


def test_name_with_degrees_before_role(nlp):
    found = officials(nlp, "Dr. H. Ahmad Syafii, S.H., M.Si. Ketua Bawaslu Kota Semarang dalam sambutannya mengatakan.")
    assert [o["name"] for o in found] == ["Ahmad Syafii"]


def test_two_people_in_a_list(nlp):
    text = ("Hadir Kepala Dinas Kesehatan Kota Tegal, Nur Hidayah, dan Kepala Satpol PP Kota Tegal, "
            "Agus Setiawan.")
    found = by_name(officials(nlp, text))
    assert set(found) == {"Nur Hidayah", "Agus Setiawan"}
    assert found["Agus Setiawan"]["org"] == "Satuan Polisi Pamong Praja Kota Tegal"


# -- later mentions -------------------------------------------------------------------------

def test_later_mentions_are_evidence_of_the_same_person(nlp):
    text = ("Ketua Bawaslu Kabupaten Kendal, Hendri Wirawan, mengatakan pengawasan diperketat. "
            "\"Kami tidak main-main,\" kata Hendri. Wirawan menambahkan bahwa laporan warga ditindaklanjuti.")
    found = officials(nlp, text)
    assert len(found) == 1
    ev = found[0]["evidence"]
    assert len(ev) == 3
    for e in ev:
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["text"] in e["sentence"]


def test_same_person_with_two_roles_is_one_official(nlp):
    text = ("Pj Bupati Pemalang Sri Wahyuni membuka acara. Sri Wahyuni, Penjabat Bupati Pemalang, "
            "mengingatkan ASN.")
    assert names(nlp, text) == ["Sri Wahyuni"]


# -- negatives ------------------------------------------------------------------------------

def test_reporter_and_editor_lines(nlp):
    text = ("Bawaslu menggelar sosialisasi netralitas ASN.\n\nPenulis: Rahmat Hidayat\nEditor: Lina Marlina\n"
            "(Red/Tono)")
    assert officials(nlp, text) == []


def test_author_is_never_an_official(nlp):
    text = "Kepala Dinas Kominfo Kota Solo Rina Marlina mengatakan hal itu."
    assert names(nlp, text) == ["Rina Marlina"]
    assert names(nlp, text, author="Rina Marlina") == []


def test_private_persons_and_lecturers(nlp):
    text = ("Warga Desa Sukamaju, Slamet Riyadi, mengaku melihat kejadian itu. Pengamat politik "
            "Universitas Diponegoro, Teguh Prasetyo, menilai hal itu wajar. Dosen Fakultas Hukum "
            "Universitas Jember, Dr. Bayu Aji, M.H., juga hadir.")
    assert officials(nlp, text) == []


def test_party_and_campaign_roles_are_not_offices(nlp):
    text = ("Ketua Tim Pemenangan Paslon Nomor 2, Agus Salim, membantah. Ketua DPC Partai Gerindra "
            "Kabupaten Kudus, Eko Prasetyo, enggan berkomentar. Calon Bupati Kudus Hartono Wibisono hadir.")
    assert officials(nlp, text) == []


def test_org_name_is_not_a_person(nlp):
    text = ("Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Klaten mengatakan "
            "hal itu. Ketua Komisi Aparatur Sipil Negara menyampaikan surat edaran.")
    assert officials(nlp, text) == []


def test_kabupaten_and_regions_are_not_names(nlp):
    text = "Menurut Ketua Bawaslu Kabupaten Demak, jumlah laporan naik di Kabupaten Demak, Senin (18/11/2024)."
    assert officials(nlp, text) == []


def test_enumeration_of_titles_without_names(nlp):
    text = "Kegiatan diikuti kepada Parpol, Kades dan perangkat desa, Camat, Lurah serta Kepala OPD."
    assert officials(nlp, text) == []


def test_title_case_headline_is_skipped(nlp):
    assert officials(nlp, "Bupati Pemalang Minta ASN Jaga Netralitas Di Masa Kampanye Pilkada") == []


# -- regions and round trip -----------------------------------------------------------------

def test_region_code_from_doc_regions(nlp):
    text = "Ketua Bawaslu Kabupaten Kendal, Hendri Wirawan, mengatakan hal itu."
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("sentencizer")(doc)
    start = text.index("Kabupaten Kendal")
    doc._.regions = [{"level": "kabupaten", "name": "Kendal", "code": "33.24", "parents": ["33"],
                      "evidence": [{"text": "Kabupaten Kendal", "start": start, "end": start + 16,
                                    "sentence": text}]}]
    doc = nlp.get_pipe("pantau_officials")(doc)
    assert doc._.officials[0]["region_code"] == "33.24"
    assert doc._.officials[0]["name"] == "Hendri Wirawan"


def test_round_trip_to_disk(nlp, tmp_path):
    text = "Siti Rahayu, Kepala Dinas Pendidikan Kabupaten Sleman, menegaskan larangan itu."
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded(text)._.officials == nlp(text)._.officials
    assert loaded.get_pipe_config("pantau_officials")["max_name_tokens"] == 6


# -- harder forms ---------------------------------------------------------------------------

def test_level_word_with_acronym_gloss_before_place(nlp):
    text = ("Ketua Panitia Pengawas Pemilihan Kecamatan (Panwascam) Weleri, Nur Azizah, mengatakan temuan "
            "itu. Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Kendal, Agus Riyanto, menambahkan.")
    found = by_name(officials(nlp, text))
    assert set(found) == {"Nur Azizah", "Agus Riyanto"}
    assert found["Agus Riyanto"]["org"].startswith("Dinas Pemberdayaan Masyarakat dan Desa")


def test_shortened_first_name_and_age(nlp):
    found = officials(nlp, "Ketua Bawaslu Kabupaten Brebes, Moh. Sodikin, mengatakan hal itu.")
    assert [o["name"] for o in found] == ["Moh. Sodikin"]
    found = officials(nlp, "Pelakunya adalah Karsono (52), Kepala Desa Kalipucang, Kecamatan Pemalang.")
    assert [o["name"] for o in found] == ["Karsono"]


def test_relative_clause_between_role_and_name(nlp):
    found = officials(nlp, "Anggota Bawaslu Jateng yang membidangi pencegahan, Rina Astuti, mengatakan hal itu.")
    assert [o["name"] for o in found] == ["Rina Astuti"]


def test_military_number_and_rank(nlp):
    found = officials(nlp, "Turut hadir Dandim 0715/Kendal Letkol Inf Bayu Saputro dan Kapolres Kendal "
                           "AKBP Hendra Gunawan.")
    assert sorted(o["name"] for o in found) == ["Bayu Saputro", "Hendra Gunawan"]


def test_region_abbreviation_and_multiword_city(nlp):
    found = officials(nlp, "Ketua Bawaslu Jakarta Selatan, Fikri Ramadhan, menjelaskan. Kepala Dinas "
                           "Pertanian Kukar, Syamsul Rizal, membantah.")
    assert sorted(o["name"] for o in found) == ["Fikri Ramadhan", "Syamsul Rizal"]


def test_named_civil_servant_and_faction_member(nlp):
    text = ("ASN bernama Yusuf Ramli itu memasang baliho caleg. Wakil Ketua DPRD Kabupaten Kendal dari "
            "Fraksi PKB, Mahfud Hidayat, meminta sanksi tegas.")
    assert names(nlp, text) == ["Mahfud Hidayat", "Yusuf Ramli"]


def test_field_words_of_a_unit(nlp):
    found = officials(nlp, "Kepala Bidang Penyuluhan DKPP Kabupaten Tegal, Slamet Riyadi, terlihat di lokasi. "
                           "Asisten Deputi Pengaduan dan Penyelidikan KASN, Dodi Prasetyo, menjelaskan.")
    assert sorted(o["name"] for o in found) == ["Dodi Prasetyo", "Slamet Riyadi"]


def test_gloss_in_parentheses_is_not_a_role(nlp):
    text = "Pendaftaran Pengawas Tempat Pemungutan Suara (PTPS) dibuka. Honorarium PTPS naik tahun ini."
    assert officials(nlp, text) == []


def test_headline_without_function_words_is_skipped(nlp):
    assert officials(nlp, "Kadis Pendidikan Kendal Budi Santoso Diperiksa Bawaslu") == []


def test_candidates_and_relatives_are_not_officials(nlp):
    text = ("Pasangan calon Bupati dan Wakil Bupati Kendal, Budi Hartono dan Ani Susanti, hadir. "
            "Istri Bupati Kendal, Rina Lestari, membagikan sembako. Ketua Tim Pemenangan Paslon Bupati "
            "Kendal, Dodi Irawan, membantah.")
    assert officials(nlp, text) == []


def test_two_officials_joined_by_dan(nlp):
    text = ("Ketua Bawaslu Kabupaten Kendal Hasan Basri dan anggota Bawaslu Kendal Nur Hidayah hadir. "
            "Kepala Desa Wonosari Joko Susilo bersama Babinsa Serda Agus Salim mendatangi warga.")
    assert names(nlp, text) == ["Agus Salim", "Hasan Basri", "Joko Susilo", "Nur Hidayah"]


def test_one_word_official_takes_the_full_name_written_elsewhere(nlp):
    text = ("Budi Santoso hadir dalam acara itu. Dalam kesempatan itu Budi, Kepala Dinas Pendidikan "
            "Kendal, mengatakan ASN harus netral.")
    found = officials(nlp, text)
    assert [o["name"] for o in found] == ["Budi Santoso"]
    assert len(found[0]["evidence"]) == 2


# -- headline verbs and link lines ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pj Bupati Lebak Ajak ASN Jaga Netralitas",
    "Kapolres Pimpin Apel Pengamanan Pilkada di Alun-alun",
    "Bupati Jatuhkan Sanksi kepada Kades yang Ikut Kampanye",
    "Sekda Garut Hadiri Deklarasi Netralitas ASN di Pendopo",
    "Pemkab menggelar apel. Camat Tegaskan Netralitas kepada perangkat desa yang hadir.",
    "Dalam apel itu Bupati Serahkan Penghargaan kepada perangkat desa.",
])
def test_headline_verb_after_a_role_is_no_name(nlp, text):
    assert names(nlp, text) == []


def test_prefixed_verbs_are_no_names_but_prefix_like_names_are(nlp):
    assert names(nlp, "Kepala Desa Sukamaju Menyerahkan bantuan kepada warga.") == []
    assert names(nlp, "Ketua Bawaslu Garut, Mega Lestari, mengatakan ASN wajib netral.") == ["Mega Lestari"]
    assert names(nlp, "Camat Cibiuk Dina Marlina menghadiri apel.") == ["Dina Marlina"]
    assert names(nlp, "Kapolres Garut AKBP Bernard Simanjuntak memimpin apel.") == ["Bernard Simanjuntak"]


def test_roles_in_related_article_lines_are_skipped(nlp):
    text = ("Bawaslu mengawasi kampanye.\nBaca juga: Ketua KPU Garut Hendri Wirawan Buka Rakor\n"
            "Ketua Bawaslu Garut, Dedi Kurnia, mengatakan pengawasan diperketat.")
    assert names(nlp, text) == ["Dedi Kurnia"]


# -- unit words, bracketed abbreviations, unit seats ----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Deputi Bidang Pengawasan dan Pengendalian (Wasdal) BKN, Arif Gunawan, mengatakan ASN harus netral.",
     ["Arif Gunawan"]),
    ("Ketua Komisi Independen Pemilihan (KIP) Aceh Barat, Teuku Rizal, menyatakan siap.", ["Teuku Rizal"]),
    ("Kabid Pengadaan, Pemberhentian dan Informasi BKPSDM Garut, Lina Marlina, menjelaskan aturan.",
     ["Lina Marlina"]),
    ("Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMDes) Garut, Asep Sunandar, hadir.", ["Asep Sunandar"]),
    ("Kepala DPMDes Garut, Hj. Siti Aminah, S.E., menjelaskan sanksi.", ["Siti Aminah"]),
    ("Kepala Bidang Pencopotan Jabatan Rudi. Ia bekerja lama.", []),
    ("Apel dihadiri Dandim 0510/Tigaraksa Letkol Arm Budi Hartono dan Kapolres Garut.", ["Budi Hartono"]),
    ("Dandim 0510/Tigaraksa, Letnan Kolonel Infanteri Budi Hartono, hadir.", ["Budi Hartono"]),
])
def test_unit_words_and_glosses_are_no_names(nlp, text, expected):
    assert names(nlp, text) == expected


def test_name_stops_at_a_sentence_end(nlp):
    assert names(nlp, "Ketua Bawaslu Garut Hendra. Wijaya hadir juga.") == ["Hendra"]


# -- lists -----------------------------------------------------------------------------------

def test_attendee_list_each_name_takes_the_role_before_it(nlp):
    found = by_name(officials(nlp, "Rapat dihadiri Sekda Garut Nurdin Yana, Kapolres Garut AKBP Rio Wahyu, "
                                   "Dandim 0611/Garut Letkol Inf Agus Mulyana, Ketua KPU Garut Dian Hasanah, "
                                   "dan Ketua Bawaslu Garut Ahmad Nurul."))
    assert set(found) == {"Nurdin Yana", "Rio Wahyu", "Agus Mulyana", "Dian Hasanah", "Ahmad Nurul"}
    assert "Dandim" in found["Agus Mulyana"]["role"]
    assert found["Dian Hasanah"]["role"].startswith("Ketua KPU")


def test_several_names_after_one_shared_title(nlp):
    assert names(nlp, "Anggota Bawaslu Garut, Dedi Kurnia dan Rina Marlina, memeriksa laporan.") == \
        ["Dedi Kurnia", "Rina Marlina"]
    assert names(nlp, "Anggota Bawaslu Garut Dedi Kurnia, Rina Marlina dan Asep Sunandar memeriksa.") == \
        ["Asep Sunandar", "Dedi Kurnia", "Rina Marlina"]
    # a one-person title does not spread over a list
    assert names(nlp, "Bupati Garut Rudy Gunawan dan Ahmad Yani dari LSM Garut hadir.") == ["Rudy Gunawan"]


# -- ethnic name particles and local titles --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kepala Dinas Pendidikan Taput, Rosmawati boru Sihombing, mengatakan hal itu.", "Rosmawati boru Sihombing"),
    ("Kabid Mutasi BKD Taput Lamria br. Simanjuntak hadir.", "Lamria br. Simanjuntak"),
    ("Menurut Ketua Bawaslu Bali, I Gusti Ngurah Agung Sudarma, ASN wajib netral.", "I Gusti Ngurah Agung Sudarma"),
    ("Camat Ubud, Ni Made Sukerti, hadir.", "Ni Made Sukerti"),
    ("Kang Ujang Sopandi, Ketua Panwascam Cibiuk, mengatakan hal itu.", "Ujang Sopandi"),
    ("Keuchik Gampong Lamteh, Teuku Mahmud, hadir.", "Teuku Mahmud"),
    ("Ketua Bawaslu Aceh Besar, Tgk. Ridwan Ali, hadir.", "Ridwan Ali"),  # Tgk. an honorific, Teuku a name
    ("Kepala Distrik Merauke, Yakobus Kaize, S.Sos, mengatakan ASN netral.", "Yakobus Kaize"),
])
def test_regional_names_and_titles(nlp, text, expected):
    assert names(nlp, text) == [expected]


def test_a_region_the_regions_component_found_ends_the_role():
    from nlp.pipeline import load

    doc = load()("Wali Kota Baubau La Ode Ahmad hadir.")  # "Bau Bau" is the source spelling
    assert [o["name"] for o in doc._.officials] == ["La Ode Ahmad"]


# -- appositions with commas, courts and prosecutors -------------------------------------------

def test_one_word_name_in_a_closed_apposition_with_an_organisation(nlp):
    found = officials(nlp, "Suharyono, anggota KPU Kabupaten Demak, menjelaskan jadwal rekapitulasi.")
    assert [(o["name"], o["role"]) for o in found] == [("Suharyono", "anggota KPU Kabupaten Demak")]


def test_an_apposition_ends_at_a_comma_before_a_lowercase_word(nlp):
    found = officials(nlp, "Menurut Dwi Prasetyo, anggota Bawaslu Demak, pengawasan diperketat.")
    assert [(o["name"], o["role"]) for o in found] == [("Dwi Prasetyo", "anggota Bawaslu Demak")]


def test_a_unit_name_with_commas_before_the_body(nlp):
    found = officials(nlp, "Kepala Biro Hukum, Humas, dan Kerja Sama KASN, Rina Oktaviani, menegaskan hal itu.")
    assert [(o["name"], o["role"]) for o in found] == [
        ("Rina Oktaviani", "Kepala Biro Hukum, Humas, dan Kerja Sama KASN")]


@pytest.mark.parametrize("text, name, role_word", [
    ("Vonis dibacakan Ketua Majelis Hakim Endang Puspitasari dalam sidang terbuka.", "Endang Puspitasari", "Hakim"),
    ("Jaksa Penuntut Umum Kejari Demak, Yudha Pratama, menuntut empat bulan.", "Yudha Pratama", "Jaksa"),
    ("Sekwan DPRD Demak Sutrisno ikut diperiksa.", "Sutrisno", "Sekretaris DPRD"),
    ("Ketua PPD Wamena, Yosias Lokbere, ikut menjadi teradu.", "Yosias Lokbere", "PPD"),
])
def test_courts_prosecutors_and_election_committees(nlp, text, name, role_word):
    found = by_name(officials(nlp, text))
    assert list(found) == [name] and role_word in found[name]["role"]


def test_a_name_ending_in_hakim_stays_whole(nlp):
    assert names(nlp, "Kepala Dinas Pendidikan Lukman Hakim membuka acara itu.") == ["Lukman Hakim"]


def test_commission_letters_adat_titles_and_agency_head_acronyms(nlp):
    found = by_name(officials(nlp, "Ketua Komisi B DPRD Kendal, Rahmat Hidayat, meminta hal itu diusut."))
    assert list(found) == ["Rahmat Hidayat"] and found["Rahmat Hidayat"]["role"] == "Ketua Komisi B DPRD Kendal"
    text = "Kepala Dinas PMN Kabupaten Agam, Zulkifli Dt. Bandaro Kayo, menyatakan siap diperiksa."
    assert names(nlp, text) == ["Zulkifli"]
    found = by_name(officials(nlp, "Hadir Kadisdik Jateng Wahyu Nugroho dan Kadinkes Jateng dr. Rina Lestari."))
    assert found["Wahyu Nugroho"]["role"].startswith("Kepala Dinas Pendidikan (Kadisdik)")
    assert found["Rina Lestari"]["role"].startswith("Kepala Dinas Kesehatan (Kadinkes)")


def test_balinese_i_starts_a_name_not_a_roman_numeral(nlp):
    text = "Kepala Bagian Hukum dan Pengaduan I Gusti Ayu Made Sriani menjelaskan prosedurnya."
    assert names(nlp, text) == ["I Gusti Ayu Made Sriani"]
    assert names(nlp, "Asisten I Sekda Kendal, Bambang Riyadi, membuka acara.") == ["Bambang Riyadi"]


def test_an_office_named_in_a_building_is_no_person(nlp):
    assert names(nlp, "Rapat digelar di Pendopo Bupati, Kajen, Senin pagi.") == []


def test_a_long_photo_caption_is_no_credit_line(nlp):
    text = ("Foto: Kapolres Kendal AKBP Hendri Wirawan (kiri) menyaksikan penandatanganan pakta integritas.\n"
            "Foto: Rudi Kurniadi")
    assert names(nlp, text) == ["Hendri Wirawan"]


def test_sasak_names_unit_chiefs_and_fields_ending_at_an_apposition(nlp):
    assert names(nlp, "Bupati Lombok Timur Lalu Ahmad Fauzan membuka apel.") == ["Lalu Ahmad Fauzan"]
    assert names(nlp, "Lalu Bupati Lombok Timur membuka apel.") == []
    found = by_name(officials(nlp, "Kanit Tipidum Satreskrim Polres Demak, Ipda Yoga Pratama, menjelaskan."))
    assert found["Yoga Pratama"]["role"].startswith("Kepala Unit (Kanit)")
    text = "Asisten Deputi Penegakan Disiplin ASN, Dewi Kartika Sari, menambahkan hal itu."
    assert [(o["name"], o["role"]) for o in officials(nlp, text)] == [
        ("Dewi Kartika Sari", "Asisten Deputi Penegakan Disiplin ASN")]


# -- real-article error classes (sentences written for these tests) --------------------------

def _full(text):
    from nlp.pipeline import load

    return {o["name"]: o["role"] for o in load()(text)._.officials}


def test_an_unknown_place_word_after_the_title_then_the_name():
    found = _full("Ketua Bawaslu Kabsel, Nurhayati Lasimpo, mengatakan laporan sudah diregistrasi. "
                  "Kepala Dinas Sosial Malteng, Drs. Yohanis, menyatakan siap diperiksa.")
    assert sorted(found) == ["Nurhayati Lasimpo", "Yohanis"]
    assert found["Nurhayati Lasimpo"].startswith("Ketua Bawaslu") and found["Yohanis"].startswith("Kepala Dinas")


def test_a_mononym_before_a_lowercase_title_and_its_described_place():
    found = _full("Bawaslu menghentikan laporan terhadap Mulyono, pembakal sebuah desa di Kecamatan Sungai Tabuk, "
                  "yang dilaporkan mengunggah poster calon.")
    assert list(found) == ["Mulyono"] and found["Mulyono"].startswith("pembakal")
    # without a place in the description it is no apposition of a person
    assert _full("Bawaslu menyurati Parpol, pembakal sebuah yayasan, dan warga.") == {}


def test_an_ordinal_opening_a_list_item_is_no_name():
    found = _full("Ketiga, Kepala UPT Pengelolaan Pendapatan Daerah Sanggau, Gatot Sumarsono, dijatuhi "
                  "hukuman disiplin berat.")
    assert list(found) == ["Gatot Sumarsono"]


def test_the_outlet_of_a_dateline_is_no_name():
    found = _full("SENGKANG, Wajo Terkini – Bawaslu meregistrasi temuan. Dalam foto yang diperoleh Wajo Terkini, "
                  "lurah berinisial RM tampak berdiri di antara warga.")
    assert found == {}


def test_a_word_after_a_title_then_initials_is_no_name():
    assert _full("Bawaslu menyatakan Camat Sentosa berinisial RW terbukti menghadiri kampanye.") == {}


def test_items_of_a_semicolon_list_are_no_headlines():
    found = _full("Turut hadir Sekretaris Daerah Kabupaten Blora Ir. Wahyu Santosa; Kepala Dinas Pendidikan "
                  "Blora Ani Rahmawati; serta Kepala Satpol PP Blora Dedi Kurniawan.")
    assert sorted(found) == ["Ani Rahmawati", "Dedi Kurniawan", "Wahyu Santosa"]


def test_a_unit_field_before_its_office_is_no_name():
    found = _full("Bawaslu menegur Yusuf Halim, Kepala Seksi Pendataan pada Dinas Kependudukan Kota "
                  "Tidore Kepulauan, karena mengunggah foto calon.")
    assert list(found) == ["Yusuf Halim"] and found["Yusuf Halim"].startswith("Kepala Seksi Pendataan")


def test_a_region_word_inside_a_name_stays_in_the_name():
    found = _full("Ketua Bawaslu Sikka, Markus Ende Wolo, mengatakan pengawasan diperketat.")
    assert found == {"Markus Ende Wolo": "Ketua Bawaslu Sikka"}


def test_a_direction_word_before_a_full_name_is_not_part_of_it(nlp):
    assert names(nlp, "Kades Utara Budi Santoso membantah tuduhan itu.") == ["Budi Santoso"]


def test_misspelt_koordinator_is_a_title(nlp):
    assert names(nlp, "Kordinator Divisi Penanganan Pelanggaran Bawaslu Kota Bitung, Yusuf Lahope, "
                      "mengatakan laporan itu dikaji.") == ["Yusuf Lahope"]


def test_name_comma_role_after_a_sentence_that_ended_with_a_role():
    found = _full("Bawaslu menelusuri status seorang lurah di Kecamatan Ternate Utara. "
                  "Rudi Mahmud, Lurah Dufa Dufa, diketahui tercatat sebagai anggota partai.")
    assert found.get("Rudi Mahmud", "").startswith("Lurah")


def test_mononym_with_a_school_and_its_place_in_a_closed_apposition(nlp):
    found = by_name(officials(nlp, "Teguran diberikan kepada Darman, guru SD Negeri 2 Lainea, yang "
                                   "berfoto dengan calon."))
    assert list(found) == ["Darman"] and found["Darman"]["role"].startswith("guru SD Negeri 2")


# -- English-language copy --------------------------------------------------------------------

def test_english_titles_before_and_after_the_organisation():
    found = _full("Bitung, N Sulawesi (ANTARA) - North Sulawesi Bawaslu chairman Rendy Kalalo said on "
                  "Monday that the regent of Minahasa, Johanis Rumengan, had been asked to act. "
                  "The head of the Minahasa education office, Selvie Wowor, said she would comply. "
                  "KASN commissioner Arief Pranoto told reporters the case was clear.")
    assert found == {"Rendy Kalalo": "North Sulawesi Bawaslu chairman", "Johanis Rumengan": "regent of Minahasa",
                     "Selvie Wowor": "head of the Minahasa education office", "Arief Pranoto": "KASN commissioner"}


def test_english_name_before_its_title_and_a_place_between_title_and_name():
    found = _full("Jakarta (ANTARA) - Bawaslu said it was examining the case. Agus Salimin, the head of "
                  "Cibeber subdistrict, was seen at the rally. Serang KPU chief Rina Marlina confirmed the "
                  "report, while the head of the health agency in Lebak regency, West Java, Dedi Supriatna, "
                  "who was also present, declined to comment. I Made Sudarsana, the perbekel (village head) "
                  "of Tejakula, said he had been invited.")
    assert found == {"Agus Salimin": "head of Cibeber subdistrict", "Rina Marlina": "Serang KPU chief",
                     "Dedi Supriatna": "head of the health agency in Lebak regency",
                     "I Made Sudarsana": "perbekel (village head) of Tejakula"}


def test_english_name_then_a_civil_service_post():
    found = _full("Jakarta (ANTARA) - Bawaslu said it was examining the case. Budi Santoso, a teacher at a "
                  "state junior high school, attended the rally. Rina Wulandari, a civil servant at the "
                  "regency's health office, shared the post.")
    assert found == {"Budi Santoso": "teacher", "Rina Wulandari": "civil servant"}


def test_english_lecturer_or_private_post_after_a_name_is_no_office():
    found = _full("Jakarta (ANTARA) - Andi Pratama, a political lecturer at a private university, said the "
                  "rules were clear. Dewi Lestari, a volunteer for the campaign, was there too.")
    assert found == {}


def test_english_name_then_a_title_in_an_office():
    found = _full("TABANAN, Bali (Wire) - I Made Wira Santika, a sub-section head in the regency's protocol "
                  "office, can be seen in the video opening the event.")
    assert found == {"I Made Wira Santika": "sub-section head in the regency's protocol office"}


def test_a_school_head_described_by_the_schools_level_and_address():
    found = _full("Seorang kepala sekolah dasar di Kecamatan Cina, Kabupaten Bone, Andi Rahman Pawelloi, diduga "
                  "memberikan sambutan dalam kampanye paslon.")
    assert list(found) == ["Andi Rahman Pawelloi"] and found["Andi Rahman Pawelloi"].startswith("kepala sekolah")


def test_english_title_of_a_private_body_is_no_office():
    found = _full("The head of the family, Robert Tan, said the house was sold. The company's chairman "
                  "Peter Lim said the shares were sold to a bank and the deal was done.")
    assert found == {}


def test_english_rules_stay_out_of_indonesian_text():
    from nlp.components.officials_english import looks_english

    assert not looks_english("Ketua Bawaslu Kota Bitung, Rendy Kalalo, mengatakan laporan itu dikaji.")


def test_the_civil_servant_just_told_of_then_named(nlp):
    found = by_name(officials(nlp, "Seorang guru berstatus PNS ikut kampanye paslon. Guru tersebut, "
                                   "Bambang Sutejo, mengaku hanya menonton."))
    assert list(found) == ["Bambang Sutejo"] and found["Bambang Sutejo"]["role"].lower().startswith("guru")


def test_a_civil_servant_word_then_a_name_mid_sentence_is_no_official(nlp):
    assert names(nlp, "Ia bertemu guru itu, Bambang Sutejo, di pasar kemarin.") == []


def test_a_name_released_from_the_office_it_held(nlp):
    found = by_name(officials(nlp, "Penjabat Bupati resmi membebaskan Azhar Maulidin dari jabatan Kepala "
                                   "Dinas Pendidikan Kampar sejak Senin."))
    assert found["Azhar Maulidin"]["role"].startswith("Kepala Dinas Pendidikan")


def test_a_second_place_word_that_would_leave_a_one_word_name_is_the_first_name():
    """"Bambang" and "Hamdan" are village names somewhere; here they open the person's name."""
    found = _full("Bawaslu mengklarifikasi Lurah Sentul Bambang Wicaksono terkait unggahannya. Adapun "
                  "Sangadi Mopuya Hamdan Mokoginta menyebut tekanan datang dari keluarga.")
    assert found == {"Bambang Wicaksono": "Lurah Sentul", "Hamdan Mokoginta": "Sangadi Mopuya"}


@pytest.mark.parametrize("text,name,role", [
    ("Keputusan itu diumumkan Sekertaris Daerah Kukar, Ahmad Fauzan Noor, Selasa.", "Ahmad Fauzan Noor",
     "Sekertaris Daerah Kukar"),
    ("Kordinator Divisi Hukum Bawaslu Labura, Riski Siregar, mengatakan laporan dikaji.", "Riski Siregar",
     "Kordinator Divisi Hukum Bawaslu Labura"),
    ("Komisoner Bawaslu Boltim, Yeyen Mokodompit mengatakan bukti digital dicocokkan.", "Yeyen Mokodompit",
     "Komisoner Bawaslu Boltim"),
    ("\"Kami tetap teruskan,\" kata Ketau Bawaslu Katingan, Rahmadi Usman.", "Rahmadi Usman",
     "Ketau Bawaslu Katingan"),
    ("\"Bukti sudah kami terima,\" ujar Angota Bawaslu Dompu, Syarifuddin Ahmad, kepada wartawan.",
     "Syarifuddin Ahmad", "Angota Bawaslu Dompu"),
])
def test_misspelt_titles_are_read_and_kept_as_written(text, name, role):
    assert _full(text) == {name: role}


def test_a_civil_servants_post_in_a_region_or_facility_after_the_name():
    found = _full("Ketiga, Eko Prasetyo, penyuluh pertanian di Kecamatan Losarang, tercatat anggota partai. "
                  "Terakhir dr. Fajar Setiawan, dokter di Puskesmas Muara Badak, dipotong tunjangannya.")
    assert found == {"Eko Prasetyo": "penyuluh pertanian di Kecamatan Losarang",
                     "Fajar Setiawan": "dokter di Puskesmas Muara Badak"}


def test_a_doctor_or_midwife_without_a_public_post_is_no_official():
    assert _full("Menurut dr. Andi Wijaya, dokter di sebuah klinik swasta, pasien bertambah. "
                 "Bidan desa Sri Lestari mengaku ikut kampanye.") == {}


def test_a_village_head_named_after_an_address_with_a_local_level_word():
    found = _full("Pangulu Nagori Bah Bolon, Kecamatan Raya, Kabupaten Simalungun, Hotman Sinambela, diduga "
                  "membagikan kalender bergambar paslon.")
    assert list(found) == ["Hotman Sinambela"] and found["Hotman Sinambela"].startswith("Pangulu Nagori Bah Bolon")


def test_a_kecamatan_after_a_puskesmas_is_its_place_not_a_name():
    found = _full("Bawaslu mengklarifikasi KW, Kepala UPTD Puskesmas Ngasem, Senin. Kepala Puskesmas "
                  "Ngasem, dr. Kurniasih Pratiwi, dijatuhi sanksi.")
    assert found == {"Kurniasih Pratiwi": "Kepala Puskesmas Ngasem"}


def test_a_civil_servants_status_after_the_title_makes_it_a_post():
    found = _full("Yoseph Lewo Kelen, guru ASN di Maumere yang menjadi admin grup Facebook pendukung paslon, "
                  "dijatuhi sanksi. Yohana Ratu, guru PNS di SMP Negeri 1 Maumere, juga diperiksa.")
    assert found == {"Yoseph Lewo Kelen": "guru ASN", "Yohana Ratu": "guru PNS di SMP Negeri 1"}


@pytest.mark.parametrize("text,name,role_start", [
    ("Kades Soko yang diketahui bernama Mulyono itu kedapatan hadir dalam kampanye caleg.", "Mulyono", "Kepala Desa"),
    ("Bawaslu mengklarifikasi pemilik rumah, Fransiskus Kaize, yang sehari-hari bekerja sebagai Kepala Seksi "
     "pada Dinas Kependudukan dan Pencatatan Sipil.", "Fransiskus Kaize", "Kepala Seksi"),
    ("Belakangan ASN itu diketahui bernama Darsono Lapasere, penyuluh pertanian lapangan pada Dinas "
     "Tanaman Pangan Konsel.", "Darsono Lapasere", "penyuluh pertanian lapangan"),
    ("Koordinator Divisi Pengawasan Bawaslu Provinsi Maluku Utara yang berkantor di Ternate, Nurhayati Lasimpo, "
     "mengatakan temuan serupa muncul.", "Nurhayati Lasimpo", "Koordinator Divisi"),
    ("Ketua Bawaslu Tapin mengatakan pembakal tersebut, Masrani, sudah diklarifikasi Selasa.", "Masrani", "pembakal"),
])
def test_names_set_apart_from_their_titles(text, name, role_start):
    found = _full(text)
    assert name in found and found[name].startswith(role_start)


def test_a_name_after_an_anaphoric_title_that_is_another_persons_is_no_official():
    found = _full("Caleg yang kampanyenya dihadiri perbekel tersebut, Komang Sudiarta, belum memberikan tanggapan.")
    assert "Komang Sudiarta" not in found


def test_english_title_of_an_office_with_its_acronym_or_of_a_public_body_without_a_comma():
    found = _full("LEBAK, Banten (Wire) - The head of the Lebak Community and Village Empowerment Office (DPMD), "
                  "Dadang Suherman, said his office had not been told. \"They will be summoned on Friday,\" "
                  "chairperson of Lebak Bawaslu Ahmad Jaenudin said here on Wednesday.")
    assert found == {"Dadang Suherman": "head of the Lebak Community and Village Empowerment Office (DPMD)",
                     "Ahmad Jaenudin": "chairperson of Lebak Bawaslu"}


def test_a_possessive_title_before_a_name(nlp):
    found = by_name(officials(nlp, "Warga melaporkan kepala desanya, Darto Wiyono, ke Bawaslu."))
    assert list(found) == ["Darto Wiyono"]


def test_a_name_after_the_description_of_a_village_title():
    found = _full("Pembakal sebuah desa di Kecamatan Martapura Barat, Kabupaten Banjar, Rahmadi, "
                  "dijatuhi sanksi teguran tertulis.")
    assert list(found) == ["Rahmadi"] and found["Rahmadi"].lower().startswith("pembakal")


def test_a_place_after_a_described_title_is_no_name():
    found = _full("Penandatanganan pakta integritas diikuti perangkat desa di Pendopo Bupati, Tigaraksa, Kamis (19/9).")
    assert "Tigaraksa" not in found


def test_a_mononym_after_an_honorific_with_a_lowercase_title(nlp):
    found = by_name(officials(nlp, "Bawaslu menyatakan H. Rahmadi, pembakal sebuah desa di Kecamatan "
                                   "Martapura Barat, terbukti melanggar."))
    assert list(found) == ["Rahmadi"]
    assert officials(nlp, "Contohnya, kepala desa yang hadir di acara itu dilaporkan.") == []


@pytest.mark.parametrize("text,name,role_start", [
    ("Rekomendasi diteruskan atas nama Ir. Darwis, M.M., kepala salah satu dinas di lingkungan "
     "Pemerintah Kabupaten Pesisir Selatan, kepada KASN.", "Darwis", "kepala salah satu dinas"),
    ("Laporan menyebut Dedi Kurniawan, S.P., penyuluh pertanian di lingkungan Dinas Pertanian "
     "Kabupaten Blora, membagikan stiker caleg.", "Dedi Kurniawan", "penyuluh pertanian"),
    ("Kepala salah satu SMP negeri di Kecamatan Simpang Ulim, Teuku Rizal, S.Pd., memenuhi "
     "panggilan klarifikasi Panwaslih.", "Teuku Rizal", "Kepala salah satu SMP"),
])
def test_a_title_with_a_described_organisation(text, name, role_start):
    found = _full(text)
    assert list(found) == [name] and found[name].startswith(role_start)


def test_a_headline_with_one_lowercase_word_gives_no_official():
    assert _full("Kadis di Solok Selatan Dilaporkan, Diduga Arahkan Wali Nagari Dukung Cabup") == {}


def test_a_headline_passive_verb_after_a_role_is_no_name():
    assert _full("Staf Disdukcapil Kaur Disanksi, Unggah Foto Paslon di Grup Warga") == {}


def test_a_health_centre_is_named_after_its_kecamatan_and_a_status_word_follows_guru():
    assert _full("Kepala Puskesmas Bakarangan, Hj. Mardiana, dilaporkan ke Bawaslu.") == \
        {"Mardiana": "Kepala Puskesmas Bakarangan"}
    assert _full("Laporan terhadap Kepala Puskesmas Bakarangan dihentikan karena tidak terbukti.") == {}
    found = _full("Laporan itu menyangkut Yohana Wenda, S.Pd., guru PPPK pada SMA Negeri di Kota Jayapura.")
    assert list(found) == ["Yohana Wenda"] and found["Yohana Wenda"].startswith("guru PPPK")


def test_an_unknown_place_after_a_local_title_then_the_full_name():
    assert list(_full("Camat Lembahsari, Hendri Wirawan, diduga menghadiri kampanye.")) == ["Hendri Wirawan"]
    assert list(_full("Camat Sukorejo, Budi, hadir dalam rapat.")) == ["Budi"]


def test_removed_from_the_post_of_a_title():
    found = _full("Wali Kota mencopot Hendri Wirawan dari jabatannya sebagai Camat Lembah Sari.")
    assert list(found) == ["Hendri Wirawan"] and found["Hendri Wirawan"].startswith("Camat")


def test_a_fisheries_degree_and_a_headline_verb():
    found = _full("3. La Ode Kamaluddin, S.Pi., M.Si., Sekretaris Dinas Kelautan dan Perikanan, dijatuhi hukuman.")
    assert list(found) == ["La Ode Kamaluddin"]
    assert _full("Kabid di Dinas SDA Sultra Diduga Sebar Konten Cagub") == {}


def test_the_title_just_mentioned_then_the_name(nlp):
    assert names(nlp, "Camat tersebut, Budi Santoso, mengaku hanya diundang.") == ["Budi Santoso"]
    assert names(nlp, "Camat tersebut hadir dalam rapat.") == []
    assert names(nlp, "Caleg yang kampanyenya dihadiri perbekel tersebut, Komang Wirata, belum menjawab.") == []


def test_a_specialist_doctor_keeps_one_sentence_and_the_hospital():
    from nlp.pipeline import load

    doc = load()("Bawaslu menyatakan dr. Rina Kartika, Sp.PD, dokter spesialis penyakit dalam di RSUD "
                 "Kolaka, terbukti melanggar netralitas. Dr. Hendra Lase, Sp.A. hadir sebagai saksi.")
    assert len(list(doc.sents)) == 2
    found = {o["name"]: o["role"] for o in doc._.officials}
    assert found == {"Rina Kartika": "dokter spesialis penyakit dalam di RSUD Kolaka"}


def test_english_ranks_participles_and_a_title_without_its_article():
    found = _full("Denpasar (Wire) - The declaration was attended by Bali Bawaslu chairwoman Ni Luh Sari and "
                  "the Gianyar Police chief, Adj. Sr. Comr. Wayan Darsana. Earlier, Central Sulawesi Bawaslu "
                  "member Arham Lasimpo reminded civil servants of the rules. Ketut Wirya, head of the Gianyar "
                  "education office, said the teachers had been told. The village head, I Nyoman Seken of "
                  "Batubulan village, was seen on the stage.")
    assert found == {"Ni Luh Sari": "Bali Bawaslu chairwoman", "Wayan Darsana": "Gianyar Police chief",
                     "Arham Lasimpo": "Central Sulawesi Bawaslu member",
                     "Ketut Wirya": "head of the Gianyar education office", "I Nyoman Seken": "village head"}


def test_english_hajj_honorifics_are_no_names():
    found = _full("The sanction letter was handed to him on Monday, city regional secretary Hj. Nurlaila Amin "
                  "said on Tuesday, and regency secretary H. Abdul Gani confirmed it.")
    assert set(found) == {"Nurlaila Amin", "Abdul Gani"}


@pytest.mark.parametrize("text,name", [
    ('"Yang kami panggil Keuchik Blangkrueng, Zulkifli. Saksi juga dipanggil," ujarnya.', "Zulkifli"),
    ("Laporan menyangkut Kades Wonoketek, Sarmin, yang hadir di kampanye.", "Sarmin"),
])
def test_a_village_head_then_the_village_then_a_mononym(text, name):
    assert list(_full(text)) == [name]


def test_a_village_head_then_a_known_place_is_no_mononym():
    assert _full("Laporan menyangkut Kades Sidomulyo, Pemalang, yang hadir di kampanye.") == {}


def test_a_secretariat_acronym_after_a_title_is_no_name():
    assert _full("Kabag Umum Setkab Kaur yang dilaporkan awal bulan ini direkomendasikan ke BKN.") == {}
    found = _full("Kabag Umum Setkot Tual, Rudolf Renwarin, membantah memberi perintah.")
    assert list(found) == ["Rudolf Renwarin"] and "Setkot Tual" in found["Rudolf Renwarin"]


def test_a_paragraph_ending_in_a_full_stop_and_a_line_break_is_no_headline():
    found = _full("MANOKWARI – Ribuan ASN mengikuti apel. Apel dipimpin Sekretaris Daerah Papua Barat, "
                  "Dr. Yohanes Mandacan.\n\nUsai apel, para ASN menandatangani pakta integritas.")
    assert found == {"Yohanes Mandacan": "Sekretaris Daerah Papua Barat"}


def test_ode_ending_a_name_is_its_last_word():
    found = _full("Anggota Bawaslu Sultra, Rahmawati Ode, mengatakan laporan sudah diregistrasi.")
    assert found == {"Rahmawati Ode": "Anggota Bawaslu Sultra"}


def test_one_word_naming_a_kecamatan_after_a_village_head_is_no_name():
    assert _full("Bupati menjatuhkan teguran kepada Perbekel Tajun, Kubutambahan, yang mengunggah video.") == {}
    assert _full("Hadiri Kampanye Caleg di Pasar Rebo, Lurah Cijantung Direkomendasikan ke BKN") == {}
    found = _full("Bupati menjatuhkan teguran kepada Perbekel Tajun, Made Sarjana, yang mengunggah video.")
    assert list(found) == ["Made Sarjana"]
    found = _full("Laporan itu menyangkut guru SMA Negeri 1 Tanjung Morawa, Rosmawati Sembiring, yang berfoto.")
    assert list(found) == ["Rosmawati Sembiring"]


def test_a_kepala_ohoi_is_a_village_head():
    found = _full("Bawaslu menyebut nama Kepala Ohoi Debut, Markus Rahanra, dalam rekomendasinya.")
    assert found == {"Markus Rahanra": "Kepala Ohoi Debut"}


def test_a_platform_or_a_passive_verb_in_a_headline_is_no_name():
    assert _full("Unggah Dukungan di Grup WA dan Facebook, Staf Kecamatan di Sambas Dipotong Tunjangan") == {}


def test_english_name_then_a_title_of_an_agency_with_its_acronym():
    found = _full("Bima (Wire) - \"We are taking it all down,\" said Dewa Ketut Sudira, head of the Bima Public "
                  "Order Agency (Satpol PP). The mayor said the work was done and the agency was ready.")
    assert found == {"Dewa Ketut Sudira": "head of the Bima Public Order Agency (Satpol PP)"}


@pytest.mark.parametrize("text,expected", [
    ("Seorang staf kecamatan membagikan beras bergambar paslon. Staf tersebut diketahui bernama Sukardi. "
     "Dia mendatangi rumah warga.", {"Sukardi": "Staf"}),
    ("Seorang camat hadir di acara itu. Camat yang dimaksud ialah Baharuddin. Ia duduk satu meja dengan caleg.",
     {"Baharuddin": "Camat"}),
    ("Seorang staf kecamatan membagikan beras. Staf yang dimaksud ialah Sukardi. Ia mendatangi rumah warga.",
     {"Sukardi": "Staf"}),
    # the fuller role after the name is his
    ("Belakangan ASN itu diketahui bernama Laode Saleh, penyuluh pertanian pada Dinas Pertanian Muna.",
     {"Laode Saleh": "penyuluh pertanian pada Dinas Pertanian Muna"}),
])
def test_the_one_just_told_of_named_after_a_pointer(text, expected):
    assert _full(text) == expected


@pytest.mark.parametrize("region", ["Ogan Komering Ilir", "Tanjung Jabung Barat"])
def test_a_kabupaten_after_the_village_word_of_an_agency_is_no_village_and_no_name(region):
    text = f"Kepala Dinas Pemberdayaan Masyarakat dan Desa {region} mengatakan hal itu."
    assert _full(text) == {}
    named = _full(text.replace(" mengatakan", ", Budi Santoso, mengatakan"))
    assert named == {"Budi Santoso": f"Kepala Dinas Pemberdayaan Masyarakat dan Desa {region}"}


@pytest.mark.parametrize("text", ["Kepala Desa Sumber Kencana Timur dilaporkan ke Bawaslu.",
                                  "Kepala Desa Tanjung Kerasak Satu dilaporkan ke Bawaslu.",
                                  "Kepala Desa Lubuk Sidomukti Barat dilaporkan ke Bawaslu."])
def test_a_village_name_closed_by_a_direction_or_a_number_is_no_person(text):
    assert _full(text) == {}


@pytest.mark.parametrize("village", ["Sumber Kencana Timur", "Lubuk Sidomukti Barat", "Kencana Timur"])
def test_a_village_name_with_a_direction_then_the_name(village):
    found = _full(f"Kepala Desa {village}, Budi Santoso, dilaporkan ke Bawaslu.")
    assert list(found) == ["Budi Santoso"]


def test_a_mononym_before_a_lowercase_post_in_a_known_place():
    found = _full("Sutarno, kepala SD negeri di Kalasan, terbukti menjadi pembicara kampanye caleg.")
    assert found == {"Sutarno": "kepala SD negeri"}
    # the full name told earlier is the one named
    found = _full("Bupati menjatuhkan teguran kepada Sutarno Hadi Wibowo. Sutarno, kepala SD negeri di "
                  "Kalasan, terbukti menjadi pembicara kampanye caleg.")
    assert found == {"Sutarno Hadi Wibowo": "kepala SD negeri"}
    assert _full("Namun, kepala SD negeri di Kalasan, membantah tuduhan itu.") == {}


def test_words_after_di_before_a_title_are_a_place_or_an_event():
    assert _full("Spanduk Paslon di Pesta Panen, Kepala KUA di Sleman Disorot Warganet") == {}
    assert _full("Laporan itu menyebut Budi Santoso, Kepala KUA Ngaglik, mengajak tamu memilih paslon.") == \
        {"Budi Santoso": "Kepala KUA"}


def test_a_name_after_a_post_described_by_a_known_place():
    found = _full("Seorang guru PNS di sebuah SMA negeri di Kalasan, Bambang Suryanto, S.Pd., dilaporkan ke "
                  "Bawaslu Sleman.")
    assert list(found) == ["Bambang Suryanto"] and found["Bambang Suryanto"].startswith("guru PNS")


@pytest.mark.parametrize("text,name,role", [
    ("Pejabat tersebut, Drs. Hendra Wijaya, M.Pd, menjabat Kepala Bidang Pembinaan SD pada dinas itu.",
     "Hendra Wijaya", "Kepala Bidang Pembinaan SD"),
    ("Guru yang dimaksud, Rudi Hartono, mengajar di sekolah itu.", "Rudi Hartono", "Guru"),
    ("Dokter itu adalah dr. Nurul Hasanah, Sp.A.", "Nurul Hasanah", "Dokter"),
    ("Kepala desa yang dilaporkan, Sumarno Hadi, membantah.", "Sumarno Hadi", "Kepala desa"),
    ("Bupati menurunkan jabatan Hasanuddin Rauf. Hasanuddin sebelumnya menjabat Kepala Dinas Pendidikan.",
     "Hasanuddin Rauf", "Kepala Dinas Pendidikan"),
])
def test_a_name_then_its_post_told_after_it(text, name, role):
    assert _full(text) == {name: role}


def test_the_island_name_of_a_kepulauan_regency_is_no_person():
    assert _full("Bagikan Beras Bergambar Paslon, Kasi di Dinas Sosial Sula Direkomendasikan ke KASN") == {}


@pytest.mark.parametrize("text,name,role", [
    ("Bupati menjatuhkan teguran tertulis kepada Sulastri, guru SMP negeri di Kalasan.", "Sulastri", "guru SMP negeri"),
    ("Suparman, kepala seksi di Dinas Sosial, tercatat sebagai caleg DPRD.", "Suparman", "kepala seksi di Dinas Sosial"),
    ("Bupati menjatuhkan hukuman disiplin kepada Sarwono, staf Kantor Kecamatan Baturetno.", "Sarwono",
     "staf Kantor Kecamatan Baturetno"),
])
def test_a_mononym_before_a_post_closed_by_the_full_stop_or_in_an_office(text, name, role):
    assert _full(text) == {name: role}


def test_a_title_with_itu_is_the_full_name_a_quote_was_said_by_just_before():
    found = _full('"Unsur pelanggaran sudah terpenuhi," ujar Rahmat Hidayat Lubis. Ketua Bawaslu Langkat itu '
                  'menambahkan, rekomendasi dikirim hari ini.')
    assert found == {"Rahmat Hidayat Lubis": "Ketua Bawaslu Langkat"}
    assert _full("Bupati mengunjungi Budi Santoso. Camat itu menyebut hal itu biasa.") == {}


@pytest.mark.parametrize("text,name,role", [
    ("Perawat itu, Ratna Dewi, A.Md.Kep, terbukti mengirim flyer caleg.", "Ratna Dewi", "Perawat"),
    ("Kepala jaga Wenas Lumanauw, S.H., menolak mendata warga.", "Wenas Lumanauw", "Kepala jaga"),
])
def test_nurses_and_minahasa_hamlet_heads(text, name, role):
    assert _full(text) == {name: role}


def test_a_region_abbreviation_in_wide_use_ends_a_title_without_a_comma():
    assert _full("Ketua Bawaslu Solsel Yulia Rahmi menjelaskan, memberi tanda suka juga dilarang.") == \
        {"Yulia Rahmi": "Ketua Bawaslu Solsel"}


@pytest.mark.parametrize("word", ["Kemarin", "Besok", "Semalam"])
def test_a_relative_day_after_a_title_is_no_name(word):
    assert _full(f"Sekda Kabupaten Sinjai {word} sudah dipanggil Bawaslu untuk klarifikasi.") == {}


def test_english_name_who_heads_an_office_and_a_title_after_a_full_stop():
    found = _full("SUMEDANG, West Java (Wire) - The report was filed with Bawaslu. Bawaslu chairman Yudi "
                  "Permana said on Tuesday that Dadan Hermawan, who heads Tanjungsari district, had been "
                  "invited. Rosid Mulyana, the head of Cimalaka sub-district, was not at the rally.")
    assert found == {"Yudi Permana": "Bawaslu chairman", "Dadan Hermawan": "head of Tanjungsari district",
                     "Rosid Mulyana": "head of Cimalaka sub-district"}


def test_english_name_who_heads_a_private_body_is_no_official():
    found = _full("SUMEDANG, West Java (Wire) - The report was filed with Bawaslu on Monday. Dadan Hermawan, "
                  "who heads the family business, said the hall was rented by the campaign team.")
    assert found == {}


@pytest.mark.parametrize("text, name, role", [
    ("Ketua Bawaslu Bonebol Arman Hulopi menjelaskan laporan sudah diregistrasi.", "Arman Hulopi", "Ketua Bawaslu Bonebol"),
    ("Anggota Bawaslu Bateng Rosmala Dewi menerima laporan itu.", "Rosmala Dewi", "Anggota Bawaslu Bateng"),
])
def test_more_region_abbreviations_in_wide_use_end_a_title(text, name, role):
    assert _full(text) == {name: role}


@pytest.mark.parametrize("text, name, role", [
    # a branch office of a provincial agency is public ("cabang" alone may be a bank's)
    ("Rapat koordinasi dihadiri Kepala Cabang Dinas Pendidikan Wilayah II Provinsi Bengkulu, Yusran Effendi, "
     "dan para kepala SMA.", "Yusran Effendi", "Kepala Cabang Dinas Pendidikan Wilayah II Provinsi Bengkulu"),
    # an inspector of the ministry's inspectorate general
    ("Apel dihadiri Inspektur Wilayah II Inspektorat Jenderal Kemendagri, Dr. Sahat Pardede, M.Si. Ia mengingatkan "
     "larangan.", "Sahat Pardede", "Inspektur Wilayah II Inspektorat Jenderal Kemendagri"),
    # a text ending in a degree's full stop is no headline
    ("Acara dihadiri Kepala Dinas Pendidikan Kerinci, Dr. Budi Santoso, M.Si.", "Budi Santoso",
     "Kepala Dinas Pendidikan Kerinci"),
])
def test_branch_offices_inspectors_and_a_closing_degree(text, name, role):
    assert _full(text) == {name: role}


def test_a_branch_of_a_bank_is_no_office():
    assert _full("Kepala Cabang Bank Sumsel, Budi Santoso, menolak berkomentar soal kredit.") == {}


def test_english_short_given_names_spelled_ranks_staffers_and_a_second_post():
    found = _full("PAMEKASAN, East Java (Wire) - The case was forwarded on Wednesday, Sumenep Bawaslu chairman "
                  "Moh. Hasyim said. Dumai Police chief Senior Commissioner Arif Budiman said officers were "
                  "deployed. The name of Dedi Kurnia, a staffer at the regency's tourism office, is on the list. "
                  "Dani Prasetyo, a staffer at a private bank, was not involved. The account of Sarmin, the head "
                  "of Sidoharjo village and chairman of the association, posted the clip.")
    assert found == {"Moh. Hasyim": "Sumenep Bawaslu chairman", "Arif Budiman": "Dumai Police chief",
                     "Dedi Kurnia": "staffer", "Sarmin": "head of Sidoharjo village"}


@pytest.mark.parametrize("text, expected", [
    ("TARAKAN, North Kalimantan (Wire) - Residents said on Monday that Yanti Lumban, who runs the Juata health "
     "centre, handed out the calendars.", {"Yanti Lumban": "head of Juata health centre"}),
    ("SORONG (Wire) - The official was reprimanded on Tuesday. Markus Wanma, who heads the agency's plantation "
     "division, received the letter.", {"Markus Wanma": "head of agency's plantation division"}),
    ("TERNATE (Wire) - The case was forwarded on Monday. Hasan Malawat, the city's regional secretary, was "
     "questioned about the meeting.", {"Hasan Malawat": "city's regional secretary"}),
    # a name set after a pointer at the post just described
    ("SAMPIT (Wire) - A complaint lodged last week named the head of Cempaga subdistrict. The official, Yosef "
     "Ngabut, denied taking part in the rally.", {"Yosef Ngabut": "head of Cempaga subdistrict"}),
    # ... but not at a private post
    ("JAKARTA (Wire) - The company was founded by the head of the family. The official, Budi Hartono, said the "
     "shares were sold.", {}),
])
def test_english_posts_run_headed_or_pointed_back_at(text, expected):
    assert _full(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Deputi Bidang SDM Aparatur KemenPAN-RB, Gatot Wibowo, menjelaskan dasar aturannya.",
     {"Gatot Wibowo": "Deputi Bidang SDM Aparatur KemenPAN-RB"}),
    # a region abbreviation after a standalone title is its place, not a mononym
    ("Inspektur Konsel menguraikan sanksi disiplin dalam rapat OPD.", {}),
    ("Kepala BKPSDM Mansel, Yohanes Mandacan, menjelaskan larangan.", {"Yohanes Mandacan": "Kepala BKPSDM Mansel"}),
])
def test_hyphenated_acronyms_and_region_abbreviations_after_a_title(text, expected):
    assert _full(text) == expected


@pytest.mark.parametrize("text, name, role", [
    # a capitalised word made of agency syllables is the agency's name, not a person's
    ("Kepala Bidang Dinas Perindagkop Cianjur Wawan Setiawan hadir dalam deklarasi.", "Wawan Setiawan",
     "Kepala Bidang Dinas Perindagkop Cianjur"),
    ("Kepala Disnakertrans Cianjur Rina Oktaviani membuka pelatihan.", "Rina Oktaviani", "Kepala Disnakertrans Cianjur"),
    # names that look like syllables are kept ("Dinda": no two agency syllables, "Dikdik": one twice)
    ("Kepala Desa Dikdik Suherman menerima warga.", "Dikdik Suherman", "Kepala Desa"),
    ("Kepala Dinas Dinda Lestari menerima warga.", "Dinda Lestari", "Kepala Dinas"),
    # "pejabat" with a public body is an office
    ("Yusuf Maulana, pejabat Dinas Pertanian Cianjur, dibebaskan dari jabatannya.", "Yusuf Maulana",
     "pejabat Dinas Pertanian Cianjur"),
])
def test_agency_syllable_acronyms_and_pejabat_of_a_body(nlp, text, name, role):
    assert [(o["name"], o["role"]) for o in officials(nlp, text)] == [(name, role)]


def test_a_post_told_later_replaces_a_bare_pejabat_or_pegawai(nlp):
    text = ("Foto pejabat Pemerintah Kabupaten Cianjur, Yusuf Maulana, di panggung deklarasi beredar luas. Yusuf "
            "yang menjabat Kepala Bidang Tanaman Pangan pada Dinas Pertanian Cianjur mengaku hanya diundang.")
    [found] = officials(nlp, text)
    assert found["role"] == "Kepala Bidang Tanaman Pangan pada Dinas Pertanian Cianjur"
    # a post is not replaced by a bare one told later
    text = ("Kepala Bidang Hortikultura Dinas Pertanian Cianjur, Yusuf Maulana, hadir. Yusuf Maulana, pejabat "
            "Pemerintah Kabupaten Cianjur, mengaku hanya diundang.")
    [found] = officials(nlp, text)
    assert found["role"] == "Kepala Bidang Hortikultura Dinas Pertanian Cianjur"


def test_a_post_written_right_before_another_is_the_same_persons(nlp):
    text = ("Anggota Bawaslu Garut Koordinator Divisi Hukum Rina Marlina menyebutkan ada 12 laporan.")
    [found] = officials(nlp, text)
    assert (found["name"], found["role"]) == (
        "Rina Marlina", "Anggota Bawaslu Garut Koordinator Divisi Hukum")
    # two people, each with a post of their own, stay apart
    assert names(nlp, "Ketua Bawaslu Garut, Ahmad Fauzi, dan Anggota Bawaslu Garut, Budi Santoso, hadir.") == [
        "Ahmad Fauzi", "Budi Santoso"]


def test_a_pointer_opening_the_next_sentence_names_the_post_told_before(nlp):
    text = "Yang dilaporkan adalah Camat Cibatu. Pejabat tersebut, Rahmat Hidayat, dijatuhi sanksi teguran."
    [found] = officials(nlp, text)
    assert (found["name"], found["role"]) == ("Rahmat Hidayat", "Camat Cibatu")
    assert "Pejabat tersebut, Rahmat Hidayat" in found["evidence"][-1]["text"]
    # a bare "seorang pejabat Dinas X" is no post to point back at: the post told after the name is
    text = ("Bawaslu memeriksa seorang pejabat Dinas Pendidikan Garut. Pejabat tersebut, Wawan Hermawan, menjabat "
            "Kepala Bidang Pembinaan SD pada dinas itu.")
    [found] = officials(nlp, text)
    assert found["role"].startswith("Kepala Bidang Pembinaan SD")


def test_a_regional_secretariat_acronym_is_no_name(nlp):
    text = "Plt Asisten Pemerintahan Setdakab Garut Hendra Gunawan menyampaikan arahan kepada para lurah."
    assert names(nlp, text) == ["Hendra Gunawan"]


def test_an_english_pointer_with_a_modifier_names_a_post_told_by_its_verb(nlp):
    text = ("The official heads the planning section at the regency's health agency. The section head, Made "
            "Wirawan, posted the photos on Jan. 12.")
    [found] = officials(nlp, text)
    assert found["name"] == "Made Wirawan" and found["role"].startswith("head of planning section")


@pytest.mark.parametrize("text, name, role_end", [
    # an office's acronym, its region, then the name with no comma: the region ends the role
    ("Kasatpol PP Cianjur Hendra Wijaya menyebut petugas menurunkan 40 spanduk.", "Hendra Wijaya", "Cianjur"),
    ("Kepala Dinas PMD Cianjur Ratna Dewi mengatakan kades hadir.", "Ratna Dewi", "Cianjur"),
])
def test_a_region_after_an_office_acronym_is_no_part_of_the_name(text, name, role_end):
    from nlp.pipeline import load  # the regions component reads the region first
    [found] = load()(text)._.officials
    assert found["name"] == name and found["role"].endswith(role_end)


@pytest.mark.parametrize("text, name, role", [
    ("Terlapor dalam kasus ini Sekretaris Daerah Kabupaten Cianjur. Pejabat eselon II itu, Darmawan Hidayat, "
     "dinilai mempromosikan diri.", "Darmawan Hidayat", "Sekretaris Daerah Kabupaten Cianjur"),
    ("Ia bertugas sebagai kepala seksi di kantor dinas itu. Pejabat tersebut, Muhammad Rusdi, membagikan pupuk.",
     "Muhammad Rusdi", "kepala seksi"),
])
def test_a_pointer_with_a_grade_or_to_a_bare_post(nlp, text, name, role):
    assert [(o["name"], o["role"]) for o in officials(nlp, text)] == [(name, role)]


def test_an_english_extension_worker_is_an_official():
    from nlp.components.officials_english import find
    [(name, role, _, _)] = find("Dedi Kurnia, a farm extension worker from Cianjur, was questioned.")
    assert (name, role) == ("Dedi Kurnia", "farm extension worker")


@pytest.mark.parametrize("text,name,role", [
    ("Guru honorer berstatus PPPK itu, Ratna Dewi, mengaku hanya ikut menonton.", "Ratna Dewi", "Guru"),
    ("Lurah atau kepala kelurahan itu, Samsul Bahri, sudah dipanggil dua kali.", "Samsul Bahri", "Lurah"),
    ("Kepala SD negeri di Kecamatan Sukamaju itu, Yosef Lani, membantah tuduhan tersebut.", "Yosef Lani",
     "Kepala SD"),
])
def test_a_described_role_pointing_at_the_name_after_it(nlp, text, name, role):
    found = by_name(officials(nlp, text))
    assert name in found and found[name]["role"].startswith(role)


def test_a_described_pointer_needs_a_name_closed_by_a_comma(nlp):
    assert names(nlp, "Guru honorer di sekolah itu, kata dia, tidak ikut kampanye.") == []
    # not opening the sentence: "itu" closes another phrase
    assert names(nlp, "Bawaslu memanggil guru berstatus PNS itu, Ratna Dewi, dan kepala sekolahnya.") == []


@pytest.mark.parametrize("text,name,role", [
    ("Bawaslu menerima laporan atas Kepala Dinas Sosial Wajo. Pejabat yang dilaporkan, Andi Tenri Ola, "
     "dinilai memakai bantuan dinas.", "Andi Tenri Ola", "Kepala Dinas Sosial Wajo"),
    ("Kepla Desa Tanjung Harapan Sulaiman Daud membantah tuduhan itu.", "Sulaiman Daud", "Kepla Desa"),
    ("Hal itu disampaikan Kakanreg VI BKN Palembang Meutia Sari dalam rapat.", "Meutia Sari", "Kepala Kantor Regional"),
])
def test_a_post_pointed_back_at_a_misspelt_title_and_a_regional_office_head(nlp, text, name, role):
    found = by_name(officials(nlp, text))
    assert name in found and found[name]["role"].startswith(role)


def test_a_village_pointed_back_at_is_no_name(nlp):
    text = "Ketua Bawaslu, Nur Hasanah, mengatakan Kepala Desa Sinduran itu mengakui unggahannya."
    assert names(nlp, text) == ["Nur Hasanah"]


def test_a_balinese_direction_ends_a_desa_name(nlp):
    found = by_name(officials(nlp, "Perbekel Tegal Kauh, Ketut Arsana, dimintai klarifikasi oleh Bawaslu."))
    assert found["Ketut Arsana"]["role"] == "Perbekel Tegal Kauh"
    assert names(nlp, "Rekomendasi dikirim atas nama Perbekel Tegal Kelod, Kecamatan Sawan.") == []


def test_tb_is_a_name_abbreviation_not_a_sentence_end(nlp):
    text = "Bupati menegur Sekretaris Kecamatan Cikeusal, Tb. Ahmad Fauzi, pada Senin."
    assert names(nlp, text) == ["Tb. Ahmad Fauzi"]


def test_a_generic_post_pointing_back_with_a_relative_clause(nlp):
    text = ("Bawaslu memanggil Kepala Dinas Perhubungan Kapuas soal mobil dinas. Pejabat yang dimintai "
            "keterangan, Hendrik Sahay, datang bersama dua stafnya.")
    assert by_name(officials(nlp, text))["Hendrik Sahay"]["role"].startswith("Kepala Dinas Perhubungan")


def test_a_role_pointing_back_after_an_opening_clause(nlp):
    text = "Dalam video itu, camat tersebut, Rudolf Mandey, tampak memegang bendera paslon."
    assert by_name(officials(nlp, text))["Rudolf Mandey"]["role"].lower() == "camat"


def test_a_balinese_hamlet_head_and_a_title_word_that_is_a_family_name(nlp):
    text = "Nomor itu terdaftar milik Kelian Banjar Dinas Tegalsari I Made Sukarta."
    assert by_name(officials(nlp, text))["I Made Sukarta"]["role"].startswith("Kelian Banjar Dinas")
    text = "Ketua Bawaslu Maluku Tengah, Yohanes Kelian, mengatakan laporan itu sudah diregistrasi."
    assert names(nlp, text) == ["Yohanes Kelian"]


def test_an_english_pointer_names_a_post_told_in_the_lead(nlp):
    lead = ("SOFIFI — Supervisors urged that the head of North Halmahera's fisheries agency be penalised "
            "for a speech at a boat handover. ")
    filler = "The handover drew about 300 fishermen from four villages along the western coast. " * 7
    text = lead + filler + "The official, Ridwan Lasido, has run the office since 2020."
    found = by_name(officials(nlp, text))
    assert found["Ridwan Lasido"]["role"].startswith("head of North Halmahera's fisheries agency")


def test_koordiantor_is_a_misspelt_koordinator(nlp):
    text = "Koordiantor Divisi Hukum Bawaslu Sikka, Maria Goreti, mengatakan laporan sudah masuk."
    assert "Maria Goreti" in by_name(officials(nlp, text))
