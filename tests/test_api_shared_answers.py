"""Answers shared by the workers (search_api.shared_answers): a second worker is answered
from the first one's file; a rebuild drops the older version's answers; half-written files
are never served; an unwritable store leaves answers uncached, never failing."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from pantau.search.document import build_documents
from pantau.search.factory import INDEX_DIR_NAME
from pantau.search.tantivy_engine import TantivyBackend
from pantau.settings import Settings
from pantau.store import Archive
from search_api.app import create_app
from search_api.config import ApiLimits
from search_api.shared_answers import SharedAnswers
from tests.helpers.api_archive import filled

SEARCH = "/v1/articles?q=camat&facets=province"


@pytest.fixture()
def data(tmp_path):
    return filled(tmp_path)


def worker(data, **limits):
    """One worker's app (its own memory cache) over ``data``."""
    app = create_app(Settings(data_dir=data), limits=ApiLimits(rebuild_officials_on_start=False, **limits))
    return TestClient(app)


def store_files(data) -> list:
    root = data / "answer-cache"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_second_worker_is_answered_from_the_first_ones_file(data):
    with worker(data) as one, worker(data) as two:
        first = one.get(SEARCH)
        assert first.headers["x-pantau-cache"] == "miss"
        assert len(store_files(data)) == 1
        second = two.get(SEARCH)
        assert second.headers["x-pantau-cache"] == "hit"
        assert second.json() == first.json()
        assert second.headers["content-type"] == first.headers["content-type"]


def test_a_rebuild_drops_the_answers_of_the_older_index(data):
    with worker(data) as one:
        one.get(SEARCH)
        [old] = store_files(data)
        with Archive.open(data / "archive.sqlite3") as archive:
            TantivyBackend(data / INDEX_DIR_NAME).rebuild(build_documents(archive))
        deadline = time.monotonic() + 10  # the index version is looked up again within ~1 s
        while one.get(SEARCH).headers["x-pantau-cache"] == "hit" and time.monotonic() < deadline:
            time.sleep(0.2)
    files = store_files(data)
    assert not old.exists() and len(files) == 1 and files[0].parent != old.parent


def test_a_half_written_file_is_never_served(data, tmp_path):
    store = SharedAnswers(tmp_path / "store")
    key = ("v1", "http://x/v1/articles?q=a")
    store.put(key, b'{"total": 1}', {"content-type": "application/json"})
    folder, path = store._path(key)
    assert store.get(key) == (b'{"total": 1}', {"content-type": "application/json"})
    (folder / f".tmp-1-{path.name}").write_bytes(b"{\"content-type")  # a killed writer's
    path.write_bytes(b'{"content-type": "applic')  # a file cut short: no header end
    assert store.get(key) is None
    assert store.get(("v1", "http://x/other")) is None


def test_an_unusable_store_leaves_answers_uncached(data):
    (data / "answer-cache").write_text("not a directory")  # every write and read fails
    with worker(data) as one, worker(data) as two:
        assert one.get(SEARCH).status_code == 200
        assert one.get(SEARCH).headers["x-pantau-cache"] == "hit"  # its memory still works
        assert two.get(SEARCH).headers["x-pantau-cache"] == "miss"  # computed, never an error


def test_the_store_can_be_turned_off(data):
    with worker(data, shared_answers=False) as one, worker(data, shared_answers=False) as two:
        one.get(SEARCH)
        assert two.get(SEARCH).headers["x-pantau-cache"] == "miss"
    assert store_files(data) == []


def test_a_worker_writes_a_bounded_number_of_answers(tmp_path, monkeypatch):
    import search_api.shared_answers as shared

    monkeypatch.setattr(shared, "MAX_WRITES", 3)
    store = SharedAnswers(tmp_path / "store")
    for i in range(5):
        store.put(("v1", f"http://x/{i}"), b"{}", {})
    assert [store.get(("v1", f"http://x/{i}")) is not None for i in range(5)] == [True] * 3 + [False] * 2
