"""The news sentence splitter and the cheap text / sentence-bounds helpers."""

from __future__ import annotations

import pytest

from nlp.evidence import SentenceIndex, doc_text, sentence_bounds
from nlp.tokenizer import blank

TEXT = ('Judul Berita Hari Ini\n\nBATANG - Bawaslu Kab. Batang menggelar apel. "Kami netral," kata '
        'Dr. Agung W. Barata. Dia menambahkan, "ASN wajib netral." Acara ditutup! Apa benar? "Ya." '
        '17 ASN hadir.\nBaris tanpa titik\nBaca juga: berita lain')
EXPECTED = [
    "Judul Berita Hari Ini",
    "BATANG - Bawaslu Kab. Batang menggelar apel.",
    '"Kami netral," kata Dr. Agung W. Barata.',
    'Dia menambahkan, "ASN wajib netral."',
    "Acara ditutup!",
    "Apa benar?",
    '"Ya."',
    "17 ASN hadir.",
    "Baris tanpa titik",
    "Baca juga: berita lain",
]


@pytest.fixture(scope="module")
def nlp():
    import nlp.components.sentences  # noqa: F401

    lang = blank()
    lang.add_pipe("pantau_sentences")
    return lang


def test_sentences(nlp):
    doc = nlp(TEXT)
    assert [s.text.strip() for s in doc.sents] == EXPECTED


def test_bounds_and_text_left_in_user_data(nlp):
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    bounds = sentence_bounds(doc)  # trailing whitespace included
    assert [TEXT[a:b].strip() for a, b in bounds] == EXPECTED
    assert [a for a, _ in bounds] == [s.start_char for s in doc.sents]
    del doc.user_data["sentence_bounds"]
    assert sentence_bounds(doc) == bounds
    index = SentenceIndex(doc)
    start = TEXT.index("Barata")
    assert index.sentence_at(start) == EXPECTED[2]
    assert index.evidence(start, start + 6)["text"] == "Barata"


def test_lowercase_after_a_dot_does_not_split(nlp):
    doc = nlp("Nilainya naik 2,5 persen. dan seterusnya tetap. Berikutnya baru.")
    assert len(list(doc.sents)) == 2


def test_a_semicolon_ends_an_item_of_a_list(nlp):
    doc = nlp("Ketiganya adalah Budi, camat A, yang hadir; RS, staf B, yang mengunggah; serta Ani, guru SD. "
              "Nilainya 2; 3 dan 4.")
    assert [s.text.strip() for s in doc.sents] == [
        "Ketiganya adalah Budi, camat A, yang hadir;", "RS, staf B, yang mengunggah;", "serta Ani, guru SD.",
        "Nilainya 2; 3 dan 4."]


def test_the_dot_of_a_shortened_first_name_ends_no_sentence(nlp):
    doc = nlp("Lurah itu, Andi Muh. Yamin, hadir. Staf itu, Moh. Lutfi, juga. Lalu Muh. Pergi. "
              "Kadis itu, Yusuf Hi. Umar, absen.")
    assert [s.text.strip() for s in doc.sents] == [
        "Lurah itu, Andi Muh. Yamin, hadir.", "Staf itu, Moh. Lutfi, juga.", "Lalu Muh. Pergi.",
        "Kadis itu, Yusuf Hi. Umar, absen."]


def test_empty_doc(nlp):
    assert sentence_bounds(nlp("")) == []


def test_diploma_degrees_end_no_sentence():
    from nlp.pipeline import load

    doc = load()("Seorang perawat, Rina Yuliani, A.Md.Kep., hadir di acara caleg itu bersama kader posyandu.")
    assert len(list(doc.sents)) == 1
