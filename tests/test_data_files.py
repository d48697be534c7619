"""Every data file loads: each file under a package's ``data/`` directory (``nlp/data``,
``pantau/data`` and any other) and every ``crawler/*.toml``, parsed by its format (TOML, JSON,
JSONL, CSV, gzip of those, plain term lists), non-empty, and without a term twice in a term
list (a TOML or JSON array of strings, a ``terms`` list, a section of a .txt list)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO

SKIP_DIRS = {".git", ".venv", "build", "dist", "node_modules", "__pycache__", ".pytest_cache"}


def data_files() -> list[Path]:
    found = set()
    for top in REPO.iterdir():
        if not top.is_dir() or top.name in SKIP_DIRS or top.name.startswith("."):
            continue
        for data_dir in [top / "data", *top.glob("**/data")]:
            if not data_dir.is_dir() or SKIP_DIRS & set(data_dir.relative_to(REPO).parts):
                continue
            found |= {p for p in data_dir.rglob("*") if p.is_file()
                      and not SKIP_DIRS & set(p.relative_to(REPO).parts)}
    found |= set((REPO / "crawler").glob("*.toml"))
    return sorted(found)


FILES = data_files()


def test_the_data_files_are_found():
    names = {p.relative_to(REPO).as_posix() for p in FILES}
    assert {"nlp/data/violation_cues.toml", "nlp/data/word_lists.toml", "pantau/data/regions.csv",
            "crawler/sources.toml"} <= names


def _duplicates(terms: list) -> list:
    return [t for t, n in Counter(terms).items() if n > 1]


def _check_terms(value, where: str) -> None:
    """Arrays of strings anywhere in a parsed value hold no term twice."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_terms(item, f"{where}.{key}")
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            assert not _duplicates(value), f"{where}: duplicate terms {_duplicates(value)}"
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)):
                _check_terms(item, f"{where}[{i}]")


def _text_list(text: str, where: str) -> None:
    """A plain list: one term a line, ``#`` comments, ``[section]`` headers; no term twice
    within a section."""
    sections: dict[str, list[str]] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line
            continue
        sections.setdefault(section, []).append(line)
    assert sections, f"{where}: no terms"
    for name, terms in sections.items():
        assert not _duplicates(terms), f"{where} {name}: duplicate terms {_duplicates(terms)}"


def check(name: str, raw: bytes, where: str) -> None:
    if name.endswith(".gz"):
        check(name[:-3], gzip.decompress(raw), where)
        return
    text = raw.decode("utf-8")
    assert text.strip(), f"{where}: empty"
    suffix = Path(name).suffix
    if suffix == ".toml":
        value = tomllib.loads(text)
        assert value, f"{where}: no keys"
        _check_terms(value, where)
    elif suffix == ".json":
        _check_terms(json.loads(text), where)
    elif suffix == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    pytest.fail(f"{where}:{number}: {exc}")
                assert isinstance(rows[-1], dict), f"{where}:{number}: not a JSON object"
                _check_terms(rows[-1], f"{where}:{number}")
        assert rows, f"{where}: no rows"
    elif suffix == ".csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len(rows) >= 2, f"{where}: no rows under the header"
        header = rows[0]
        assert all(header) and not _duplicates(header), f"{where}: bad header {header}"
        bad = [i for i, row in enumerate(rows[1:], 2) if len(row) != len(header)]
        assert not bad, f"{where}: rows {bad[:5]} do not have {len(header)} fields"
    elif suffix == ".txt":
        _text_list(text, where)
    elif suffix != ".md":
        pytest.fail(f"{where}: no check for this kind of file; add one to tests/test_data_files.py")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_data_file_is_well_formed(path):
    check(path.name, path.read_bytes(), path.relative_to(REPO).as_posix())


@pytest.mark.parametrize("name, content, problem", [
    ("x.toml", b"a = [\n", "Expected|Invalid|Unclosed|expected"),
    ("x.toml", b'a = ["b", "b"]\n', "duplicate"),
    ("x.jsonl", b'{"group": "A", "terms": ["x"]}\n{"group": \n', "x.jsonl:2"),
    ("x.jsonl", b'{"group": "A", "terms": ["x", "x"]}\n', "duplicate"),
    ("x.csv", b"code,name\n11,Aceh,extra\n", "fields"),
    ("x.txt", b"# only a comment\n", "no terms"),
    ("x.txt", b"[before]\nbapak\n[after]\nbapak\nsh\nsh\n", "duplicate"),
    ("x.json.gz", gzip.compress(b"{not json"), "Expecting"),
    ("x.toml", b"", "empty"),
])
def test_a_malformed_file_fails(name, content, problem):
    with pytest.raises((AssertionError, ValueError, pytest.fail.Exception), match=problem):
        check(name, content, name)
