"""Request threads per worker (``PANTAU_API_THREADS``): the worker's event loop runs sync
routes on that many threads, and concurrent requests beyond them wait their turn."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import anyio
import pytest
from fastapi.testclient import TestClient

from pantau.settings import Settings
from search_api.app import create_app
from search_api.config import ApiLimits
from tests.helpers.api_archive import filled


@pytest.fixture()
def data(tmp_path):
    return filled(tmp_path)


@pytest.mark.parametrize("threads", [1, 3])
def test_requests_run_on_the_configured_threads_and_all_are_answered(data, threads):
    limits = ApiLimits(rebuild_officials_on_start=False, threads=threads, answer_cache_mb=0, shared_answers=False)
    with TestClient(create_app(Settings(data_dir=data), limits=limits)) as client:
        tokens = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)
        assert tokens == threads
        urls = [f"/v1/articles?q=camat&facets=province&limit={n}" for n in range(1, 13)]
        with ThreadPoolExecutor(12) as pool:
            answers = list(pool.map(client.get, urls))
        assert [a.status_code for a in answers] == [200] * len(urls)
        assert [len(a.json()["hits"]) <= n for a, n in zip(answers, range(1, 13))] == [True] * len(urls)


def test_the_setting_is_read_from_the_environment_and_checked(monkeypatch):
    monkeypatch.setenv("PANTAU_API_THREADS", "6")
    assert ApiLimits().threads == 6
    monkeypatch.setenv("PANTAU_API_THREADS", "0")
    with pytest.raises(ValueError):
        ApiLimits()
