"""The stemmer with compiled patterns gives Sastrawi's own stems."""

import re
import sys

from sample_site import load_articles
from pantau.search.analysis import tokens
from pantau.search.stemmer import _CompiledRe, create_stemmer

WORDS = ["pelanggaran", "melanggar", "dilanggar", "kampanye", "mengampanyekan", "pemenangan",
         "menyapu", "memukul", "penulis", "mengecat", "bersama", "ketidaknetralan",
         "berpolitik", "diklarifikasi", "klarifikasinya", "perekonomian", "mempertanggungjawabkan"]


def test_same_stems_as_sastrawi(monkeypatch):
    words = set(WORDS)
    for article in load_articles()[:20]:
        words.update(w for w in tokens(article.body) if w.isalpha())
    stemmer = create_stemmer()
    for name, module in list(sys.modules.items()):  # Sastrawi as published, with ``re``
        if name.startswith("Sastrawi.") and isinstance(getattr(module, "re", None), _CompiledRe):
            monkeypatch.setattr(module, "re", re)
    expected = {w: stemmer.stem_word(w) for w in sorted(words)}
    monkeypatch.undo()
    fast = create_stemmer()
    assert {w: fast.stem_word(w) for w in sorted(words)} == expected


def test_literal_words_are_replaced_like_patterns():
    shim = _CompiledRe()
    assert shim.sub("langgar", "", "melanggar", count=1) == "me"
    assert shim.sub("an", "", "anakan", count=1) == "akan"
    assert shim.sub(r"(kan|an)$", "", "tuliskan", count=1) == "tulis"
    assert shim.match(r"^me(.*)$", "menulis").group(1) == "nulis"
