"""Indonesian text analysis for the embedded search index: tokens and stems.

Tokens are runs of letters and digits after lower-casing and removing diacritics, as
SQLite's ``unicode61 remove_diacritics 2`` tokenizer sees them. Stems come from PySastrawi
("pelanggaran", "melanggar", "dilanggar" -> "langgar"), cached per word because the stemmer
is slow (tens of microseconds a word) while a news corpus repeats words all the time.

Words that occur in region names are never stemmed: Sastrawi reads "Pemalang" as pe+malang
and "Bekasi" as be+kasi, which would make a search for Malang find Pemalang.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_CACHE_LIMIT = 500_000

_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower case without diacritics: "Pemilú" -> "pemilu"."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def tokens(text: str) -> list[str]:
    """The folded tokens of ``text``, in order."""
    folded = fold(text)
    if folded.isascii():
        return _ASCII_WORD.findall(folded)
    return _TOKEN.findall(folded)


def stem(word: str) -> str:
    """The stem of one folded token (cached)."""
    found = _cache.get(word)
    if found is None:
        found = _cache[word] = _stem_uncached(word)
    return found


def stems(text: str) -> list[str]:
    """The stems of the tokens of ``text``, in order (one stem per token)."""
    return stem_tokens(tokens(text))


def stem_tokens(toks: list[str]) -> list[str]:
    """The stem of each token (stemming each distinct uncached word once)."""
    if len(_cache) > _CACHE_LIMIT:
        _cache.clear()
    for word in set(toks).difference(_cache):
        stem(word)
    return list(map(_cache.__getitem__, toks))


def stem_text(text: str) -> str:
    """``stems(text)`` joined with spaces: the text of the stemmed index columns."""
    return " ".join(stems(text))


def _stem_uncached(word: str) -> str:
    if len(word) <= 3 or not word.isalpha() or word in _protected():
        return word
    return _stemmer().stem_word(word) or word


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


@lru_cache(maxsize=1)
def _protected() -> frozenset[str]:
    """Tokens of the region table's names and aliases (kept unstemmed)."""
    from pantau.regions import get_region_table

    table = get_region_table()
    words = set()
    for region in table:
        words.update(tokens(region.name))
    for alias, _ in table.alias_items():
        words.update(tokens(alias))
    return frozenset(words)
