"""The small word lists of ``nlp/data/word_lists.toml`` (connectors, direction words, unit
words, name particles, byline labels, verb prefixes, sentence punctuation...), read once:

    word_set("directions")      # frozenset of the terms
    word_list("byline_labels")  # tuple, in file order (for lists whose order matters)
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pantau.terms import resolve

PATH = Path(__file__).resolve().parent / "data" / "word_lists.toml"


@lru_cache(maxsize=1)
def _lists() -> dict[str, list]:
    with open(PATH, "rb") as fh:
        return tomllib.load(fh)


def word_list(name: str) -> tuple:
    """The terms of list ``name`` in file order (nested lists become tuples)."""
    return tuple(tuple(t) if isinstance(t, list) else t for t in resolve(_lists()[name]))


def word_set(name: str) -> frozenset:
    return frozenset(word_list(name))
