"""Our tokenizer against spaCy's default Indonesian tokenizer on sentences we wrote."""

from __future__ import annotations

import pytest
import spacy

from nlp.tokenizer import DATA, blank, load_abbreviations, make_tokenizer

SAME = [
    "Badan Pengawas Pemilu (Bawaslu) Kabupaten Pati menggelar apel netralitas, Senin (18/11/2024).",
    "Sebanyak 1.250 ASN hadir pukul 08.00 WIB; 12,5 persen di antaranya guru.",
    '"Kami minta ASN tetap netral," kata Ketua Bawaslu, Dr. Siti Rahma, M.Si., di Semarang.',
    "Anak-anak sekolah tidak boleh dilibatkan dalam kampanye, ujar Kepala Dinas.",
    "Kegiatan itu digelar pada Sabtu-Minggu di halaman kantor kecamatan.",
    "Laporan masuk melalui https://bawaslu.go.id/lapor dan email humas@bawaslu.go.id.",
    "Pasal 280 ayat (2) UU Nomor 7 Tahun 2017 melarang ASN ikut kampanye!",
    "Bupati dan Wakil Bupati terpilih dilantik 20 Februari 2025 di Jakarta.",
    "Ia menyebutnya kerja-kerja politik yang tidak pantas bagi pegawai.",
    "KPU-Bawaslu menggelar rapat bersama pada 5-6 Juni 2024.",
    "Harga beras naik menjadi Rp12.000 per kilogram.",
]

# Sentence, our tokens where they differ from spaCy's default, and why.
DIFFERENT = [
    ("Camat se-Kabupaten Batang hadir.", ["Camat", "se-", "Kabupaten", "Batang", "hadir", "."],
     "'se-' is one token before a capital"),
    ("Kantor Bawaslu di Jl. Pemuda No. 5, Kab. Batang, Kec. Warungasem.",
     ["Kantor", "Bawaslu", "di", "Jl.", "Pemuda", "No.", "5", ",", "Kab.", "Batang", ",",
      "Kec.", "Warungasem", "."], "news abbreviations stay whole"),
    ("Pemilu-pemilu sebelumnya berjalan damai.",
     ["Pemilu-pemilu", "sebelumnya", "berjalan", "damai", "."],
     "reduplications stay whole without a list"),
    ("Pegawai bolak-balik ke kantor.", ["Pegawai", "bolak-balik", "ke", "kantor", "."],
     "same as spaCy (in its list); lowercase compounds stay whole by rule"),
    ("Judul: Bolak-Balik Kantor", ["Judul", ":", "Bolak", "-", "Balik", "Kantor"],
     "title-case compounds that are not reduplications are split"),
    ("Ditandatangani Agung W. Barata, S.H.", ["Ditandatangani", "Agung", "W.", "Barata", ",", "S.H."],
     "same: capital initials stay whole"),
]


@pytest.fixture(scope="module")
def ours():
    return blank()


@pytest.fixture(scope="module")
def default():
    return spacy.blank("id")  # ~3 s: 16,000 exceptions


def tokens(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("text", SAME)
def test_same_tokens_as_spacy(ours, default, text):
    assert tokens(ours, text) == tokens(default, text)


@pytest.mark.parametrize("text,expected,why", DIFFERENT)
def test_documented_differences(ours, text, expected, why):
    assert tokens(ours, text) == expected, why


def test_reduplications_of_spacys_list_stay_whole(ours):
    from spacy.lang.id import Indonesian

    words = [w for w in Indonesian.Defaults.tokenizer_exceptions if "-" in w and w.isalpha() is False
             and w.replace("-", "").isalpha()][::97]
    assert len(words) > 100
    for word in words:
        left, _, right = word.partition("-")
        if right[:1].isupper() and left.lower() != right.lower():
            continue  # documented: title-case compounds split
        assert tokens(ours, word) == [word]


def test_text_round_trips(ours):
    for text in SAME + [d[0] for d in DIFFERENT]:
        assert ours.make_doc(text).text == text


def test_abbreviation_file_loads():
    abbrs = load_abbreviations(DATA)
    assert {"Kab.", "kab.", "KAB.", "Kec.", "Prov.", "No.", "Jl.", "S.H.", "M.Si.", "W."} <= set(abbrs)
    assert all(a.endswith(".") or a.startswith("Sp.") for a in abbrs)
    assert {"Sp.A", "Sp.A.", "Sp.PD"} <= set(abbrs)


def test_make_tokenizer_is_quick_to_build(ours):
    tok = make_tokenizer(ours.vocab)
    assert len(tok.rules) < 1000


def test_our_defaults_equal_spacys_except_the_exceptions():
    """nlp.tokenizer.IndonesianDefaults copies spaCy's Indonesian defaults (to skip importing
    its 16,000 exceptions); a spaCy upgrade that changes them must show up here."""
    from spacy.lang.id import Indonesian as SpacyIndonesian

    from nlp.tokenizer import Indonesian

    ours, theirs = Indonesian.Defaults, SpacyIndonesian.Defaults
    for name in ("prefixes", "suffixes", "infixes", "syntax_iterators", "lex_attr_getters",
                 "stop_words", "token_match", "url_match", "writing_system", "config"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert blank().lang == "id"
