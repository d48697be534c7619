"""Snippets stem only the words of a text that can have a searched stem; the snippets are the
ones stemming every word gives."""

from __future__ import annotations

import re

import pytest

from pantau.search import highlight
from pantau.search.analysis import stem, tokens
from pantau.search.query import parse_text
from sample_site import load_articles

QUERIES = ["pelanggaran", "melanggar netralitas", "kampanye", "sapu", "tulis", "pilih", "ajar", "kerja",
           "kumpul", "ambil", "panggil", '"kepala desa" camat', "dukung OR dukungan", "pasang baliho", "asn -foto"]


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    return [a.title + ". " + a.body for a in load_articles()]


def test_a_stem_less_its_first_letter_is_part_of_the_word(bodies):
    vocabulary = {w for body in bodies for w in tokens(body)}
    vocabulary |= {"menyapu", "memukul", "menulis", "mengirim", "menyanyi", "pelajar", "telunjuk", "kinerja",
                   "gemetar", "berunding", "memperbaiki", "kuambil", "dipertanyakan", "penyelenggaraan"}
    broken = [(w, stem(w)) for w in sorted(vocabulary) if stem(w) != w and stem(w)[1:] not in w]
    assert not broken


def _every_word_spans(body, text):
    """The spans with every word of the body stemmed, and one pattern per phrase."""
    words, phrases = highlight.terms_of(text)
    found = [m.span() for m in re.finditer(r"[^\W_]+", body) if stem(tokens(m.group())[0]) in words]
    for p in phrases:
        pattern = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, p)) + r"(?![^\W_])"
        found += [m.span() for m in re.finditer(pattern, body, re.IGNORECASE)]
    return highlight.merged(found)


@pytest.mark.parametrize("q", QUERIES)
def test_snippets_are_those_of_stemming_every_word(bodies, q, monkeypatch):
    text = parse_text(q)
    got = [highlight.snippet(b, text) for b in bodies]
    monkeypatch.setattr(highlight, "spans", _every_word_spans)
    assert got == [highlight.snippet(b, text) for b in bodies]
    assert any("<mark>" in s for s in got) or q in ("sapu", "tulis")


def test_overlapping_matches_keep_the_earlier_then_the_longer():
    text = parse_text('kepala "kepala desa" desa')
    body = "Kepala desa itu dan kepala dusun serta desa lain."
    assert highlight.spans(body, text) == [(0, 11), (20, 26), (39, 43)]
    assert highlight.snippet(body, text).startswith("<mark>Kepala desa</mark> itu dan <mark>kepala</mark>")


def test_words_are_matched_whole_and_by_stem():
    text = parse_text("langgar")
    body = "Pelanggaran itu melanggar aturan; kata pelangi dan langgarnya."
    marked = [body[a:b] for a, b in highlight.spans(body, text)]
    assert marked == ["Pelanggaran", "melanggar", "langgarnya"]
