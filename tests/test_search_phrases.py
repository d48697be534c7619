"""Phrases matched in two halves (a helper thread) find what one query finds."""

from __future__ import annotations

import sqlite3

from pantau.search import phrases
from pantau.search.query import SearchQuery
from pantau.search.sqlite import SqliteBackend
from tests.search_contract import contract_docs  # noqa: F401 - fixture

QUERIES = ['"kepala desa"', '"camat" bawaslu', 'netralitas -"kepala desa"', '"tidak ada frasa ini"']


def _results(backend: SqliteBackend) -> list:
    pages = [backend.search(SearchQuery(q=q, limit=50)) for q in QUERIES]
    return [(p.total, [(h.id, h.score) for h in p.hits]) for p in pages]


def test_split_matching_finds_the_same(contract_docs, tmp_path, monkeypatch):  # noqa: F811
    backend = SqliteBackend(tmp_path / "search.sqlite3")
    backend.rebuild(contract_docs)
    whole = _results(backend)
    monkeypatch.setattr(phrases, "SPLIT_ABOVE", 0)
    assert _results(backend) == whole
    assert any(total for total, _ in whole)


def test_helper_reads_only_the_same_build(contract_docs, tmp_path):  # noqa: F811
    backend = SqliteBackend(tmp_path / "search.sqlite3")
    backend.rebuild(contract_docs)
    conn = sqlite3.connect(backend.path)
    path, build_id = phrases._identity(conn)
    assert phrases._helper.submit(phrases._helper_match, (path, "another build"), '"desa"', 1, 10).result() is None
    found = phrases._helper.submit(phrases._helper_match, (path, build_id), '"desa"', 1, 10**6).result()
    assert list(found) == list(phrases._match(conn, '"desa"', 1, 10**6))
    conn.close()

