"""Term lists several lexicons share (``pantau/data/terms.toml``), declared once.

A lexicon writes ``"@village_heads"`` among its terms; :func:`resolve` puts the list's terms
in its place (``"@village_heads:title"`` gives them title-cased, for lexicons that keep case).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

PATH = Path(__file__).resolve().parent / "data" / "terms.toml"
FORMS = {"": str, "title": str.title}


@cache
def shared(path: Path = PATH) -> dict[str, tuple[str, ...]]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    for name, terms in data.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) and t == t.lower() for t in terms):
            raise ValueError(f"{path}: {name} must be a list of lowercase terms")
    return {name: tuple(terms) for name, terms in data.items()}


def resolve(terms, path: Path = PATH) -> list:
    """``terms`` with every ``"@name[:form]"`` replaced by the shared list's terms; a term
    already present is not repeated."""
    out, seen = [], set()
    for term in terms:
        if isinstance(term, str) and term.startswith("@"):
            name, _, form = term[1:].partition(":")
            lists = shared(path)
            if name not in lists or form not in FORMS:
                raise ValueError(f"unknown shared term list {term!r} (see {path})")
            items = [FORMS[form](t) for t in lists[name]]
        else:
            items = [term]
        for item in items:
            key = item if not isinstance(item, list) else tuple(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out
