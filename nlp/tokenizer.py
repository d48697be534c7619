"""A fast Indonesian tokenizer for news text.

spaCy's default Indonesian tokenizer loads ~16,000 exceptions, almost all hyphenated
reduplications ("anak-anak", "Anak-Anak", "ANAK-ANAK"), which costs 3-5 s at start-up.
This tokenizer drops them and keeps hyphenated words together by rule instead:

- a hyphen between letters stays inside the token ("anak-anak", "kerja-kerja",
  "tiba-tiba", "sebaik-baiknya", "bolak-balik") ...
- ... unless the part after it starts with a capital letter: "Sabtu-Minggu" ->
  "Sabtu", "-", "Minggu"; "KPU-Bawaslu" -> "KPU", "-", "Bawaslu";
- except full reduplications in any case ("Anak-Anak", "ANAK-ANAK"), which stay whole;
- "se-" before a capital is its own token: "se-Kabupaten" -> "se-", "Kabupaten".

Documented differences from ``spacy.blank("id")`` (see tests/test_nlp_tokenizer.py):
lowercase hyphenated words missing from spaCy's list ("pemilu-pemilu") stay whole here;
title-case compounds that are not reduplications ("Bolak-Balik") are split here;
"se-Kabupaten" gives "se-" + "Kabupaten" instead of "se" + "-" + "Kabupaten";
abbreviations from ``nlp/data/abbreviations.txt`` ("Kab.", "Kec.", "Prov.", "Jl.") and
single capital initials ("W.") stay one token.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_UPPER, HYPHENS
from spacy.lang.id.lex_attrs import LEX_ATTRS
from spacy.lang.id.punctuation import CURRENCY, TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.lang.id.syntax_iterators import SYNTAX_ITERATORS
from spacy.language import BaseDefaults, Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from nlp.cache import cached, code_fingerprint, compile_all

DATA = Path(__file__).parent / "data" / "abbreviations.txt"
TOKENIZER_NAME = "pantau.tokenizer.v1"

_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Infixes of spaCy that split a plain hyphen between letters; replaced in ``_infixes``.
_HYPHEN_SPLITS = {
    r"(?<=[{a}])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS),
    r"(?<=[{a}])[\/-](?={c}|[{a}])".format(a=ALPHA, c=CURRENCY),
}


def load_abbreviations(path: Path = DATA) -> list[str]:
    """Abbreviations of the data file; a trailing "*" adds lowercase and UPPERCASE forms."""
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.endswith("*"):
            line = line[:-1]
            out.extend([line, line.lower(), line.upper()])
        else:
            out.append(line)
    out.extend(f"{c}." for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return list(dict.fromkeys(out))


class IndonesianDefaults(BaseDefaults):
    """spaCy's ``IndonesianDefaults`` without its tokenizer exceptions, whose module takes
    ~40 ms to build into a tokenizer; the tokenizer reads
    ``special_cases()`` instead. Every other attribute is spaCy's."""

    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    syntax_iterators = SYNTAX_ITERATORS
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


class Indonesian(Language):
    """``spacy.lang.id.Indonesian`` with the defaults above; ``blank()`` makes one."""

    lang = "id"
    Defaults = IndonesianDefaults


def _spacy_exception_files() -> list[Path]:
    base = Path(spacy.__file__).parent / "lang"
    return [base / "tokenizer_exceptions.py", base / "id" / "tokenizer_exceptions.py",
            base / "id" / "_tokenizer_exceptions_list.py"]


@lru_cache(maxsize=1)
def special_cases() -> dict[str, list[dict]]:
    """spaCy's Indonesian exceptions without hyphenated words, plus our abbreviations; kept
    in ``nlp.cache`` (keyed by spaCy's exception files and this package)."""
    inputs = [code_fingerprint(), spacy.__version__, *_spacy_exception_files()]
    return cached("tokenizer-rules", inputs, _build_special_cases)


def _build_special_cases() -> dict[str, list[dict]]:
    from spacy.lang.id import Indonesian as SpacyIndonesian

    rules = {k: v for k, v in SpacyIndonesian.Defaults.tokenizer_exceptions.items()
             if not _COMPOUND.fullmatch(k)}
    for abbr in load_abbreviations():
        rules[abbr] = [{ORTH: abbr}]
    return rules


def _infixes() -> list[str]:
    kept = [p for p in Indonesian.Defaults.infixes if p not in _HYPHEN_SPLITS]
    missing = _HYPHEN_SPLITS - set(Indonesian.Defaults.infixes)
    assert not missing, "spaCy's Indonesian infixes changed; review nlp/tokenizer.py"
    return kept + [
        r"(?<=[{a}])(?:–|—|--|---|——|~)(?=[{a}])".format(a=ALPHA),  # long dashes
        r"(?<=[{a}])\/(?={c}|[{a}])".format(a=ALPHA, c=CURRENCY),   # "dan/atau"
        r"(?<=[{a}])-(?=[{u}])".format(a=ALPHA, u=ALPHA_UPPER),       # "Sabtu-Minggu"
    ]


def _prefixes() -> list[str]:
    return [r"[Ss]e-(?=[{u}])".format(u=ALPHA_UPPER)] + list(Indonesian.Defaults.prefixes)


def _prefix_pattern() -> str:
    # One anchor for the whole alternation: spaCy's "^a|^b|..." makes ``search`` try every
    # position of the string; "^(?:a|b|...)" fails at once (2-3x faster tokenisation).
    return "^(?:" + "|".join(p for p in _prefixes() if p.strip()) + ")"


def _prefix_regex() -> re.Pattern:
    return re.compile(_prefix_pattern())


def affix_patterns() -> list[str]:
    """The prefix, suffix and infix patterns: ``_prefix_pattern()`` and what spaCy's
    ``compile_suffix_regex``/``compile_infix_regex`` compile (tests/test_nlp_cache.py)."""
    return [_prefix_pattern(),
            "|".join([piece + "$" for piece in Indonesian.Defaults.suffixes if piece.strip()]),
            "|".join([piece for piece in _infixes() if piece.strip()])]


@lru_cache(maxsize=1)
def _affix_regexes() -> tuple[re.Pattern, ...]:
    """The affix regexes, compiled once and kept in ``nlp.cache``: their large character
    classes take ~0.1 s to compile."""
    return tuple(compile_all("tokenizer-affixes", [(p, 0) for p in affix_patterns()]))


# Whole reduplications stay one token whatever their case ("Anak-Anak", "ANAK-ANAK").
REDUPLICATION = re.compile(r"(?i)^([^\W\d_]+)-\1$")


def make_tokenizer(vocab) -> Tokenizer:
    prefix, suffix, infix = _affix_regexes()
    return Tokenizer(
        vocab,
        rules=special_cases(),
        prefix_search=prefix.search,
        suffix_search=suffix.search,
        infix_finditer=infix.finditer,
        token_match=REDUPLICATION.match,
        url_match=Indonesian.Defaults.url_match,
    )


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    def factory(nlp):
        return make_tokenizer(nlp.vocab)

    return factory


def blank() -> Language:
    """An empty Indonesian pipeline with this tokenizer: ``spacy.blank("id", config)`` but
    without importing spaCy's tokenizer exceptions."""
    return Indonesian.from_config({"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
