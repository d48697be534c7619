"""Snippets stem only the words of a text that can have a searched stem; the snippets are the
ones stemming every word gives."""

from __future__ import annotations

import re

import pytest

from pantau.search import highlight
from pantau.search.analysis import stem, stem_tokens, tokens
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


def _every_word_matcher(body, text):
    """The matcher before: every distinct word of the body stemmed."""
    words, phrases = highlight.terms_of(text)
    vocabulary = list(set(tokens(body)))
    forms = [w for w, s in zip(vocabulary, stem_tokens(vocabulary)) if s in words]
    alternatives = [re.escape(f) for f in sorted(forms, key=len, reverse=True)]
    alternatives += [r"[\W_]+".join(map(re.escape, p)) for p in phrases if p]
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


@pytest.mark.parametrize("q", QUERIES)
def test_snippets_are_those_of_stemming_every_word(bodies, q, monkeypatch):
    text = parse_text(q)
    got = [highlight.snippet(b, text) for b in bodies]
    monkeypatch.setattr(highlight, "matcher", _every_word_matcher)
    assert got == [highlight.snippet(b, text) for b in bodies]
    assert any("<mark>" in s for s in got) or q in ("sapu", "tulis")
