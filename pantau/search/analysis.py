"""Indonesian text analysis for the embedded search index (tantivy): tokens and stems.

Tokens are runs of letters and digits after lower-casing and removing diacritics (what the
index's folding analyzer, ``simple + lowercase + ascii_fold``, sees as words). Stems come from PySastrawi
("pelanggaran", "melanggar", "dilanggar" -> "langgar"), cached per word because the stemmer
is slow (tens of microseconds a word) while a news corpus repeats words all the time.

Words that occur in region names are never stemmed: Sastrawi reads "Pemalang" as pe+malang
and "Bekasi" as be+kasi, which would make a search for Malang find Pemalang. Words with none
of the usual prefixes or suffixes are not tried either (Sastrawi costs ~0.5 ms a word
outside its dictionary, and a news corpus has a long tail of names): this skips a few rare
forms (infixes such as kinerja -> kerja, ku-/kau- prefixes). Change ANALYSIS_VERSION when the
analysis changes, so indexes stop reusing cached stems.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ANALYSIS_VERSION = "1"
_TOKEN = re.compile(r"[^\W_]+")
_PUNCTUATION = "“”‘’—–…•·«»„"  # common in news text; removed before the ASCII fast path
_ASCII_SPACES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_CACHE_LIMIT = 1_000_000
# Sastrawi returns the word itself unless removing these prefixes or suffixes (particles,
# possessives, -i/-kan/-an) leaves a dictionary word: other words need not be tried.
_AFFIXED = re.compile(r"^(?:di|ke|se|me|pe|be|te)|(?:lah|kah|tah|pun|ku|mu|nya|i|an)$")

_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower case without diacritics: "Pemilú" -> "pemilu"."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def tokens(text: str) -> list[str]:
    """The folded tokens of ``text``, in order (runs of letters and digits)."""
    folded = text.lower()
    if not folded.isascii():
        for mark in _PUNCTUATION:
            if mark in folded:
                folded = folded.replace(mark, " ")
        if not folded.isascii():
            if not unicodedata.is_normalized("NFKD", folded):
                folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
            return _TOKEN.findall(folded)
    # bytes.translate + split is several times faster than a regular expression
    return folded.encode("ascii").translate(_ASCII_SPACES).decode("ascii").split()


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
    if len(word) <= 3 or not word.isalpha() or not _AFFIXED.search(word) or word in _protected():
        return word
    return _stemmer().stem_word(word) or word


@lru_cache(maxsize=1)
def _stemmer():
    from pantau.search.stemmer import create_stemmer

    return create_stemmer()


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
