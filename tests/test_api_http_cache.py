"""HTTP caching and compression, over HTTP against ``pantau serve`` as a real process (two
workers): validators, 304s and Cache-Control per kind of answer (search_api.http_cache),
validators that follow a rebuild and a change of the archive, gzip that leaves streamed
exports intact."""

from __future__ import annotations

import gzip
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime

import httpx
import pytest

from pantau.search.document import build_documents
from pantau.search.factory import INDEX_DIR_NAME
from pantau.search.tantivy_engine import TantivyBackend
from pantau.store import Archive
from tests.helpers.api_archive import aid, filled
from tests.helpers.api_server import serve_subprocess

SEARCH = "/v1/articles?q=camat&facets=province"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return filled(tmp_path_factory.mktemp("http-cache"))


@pytest.fixture(scope="module")
def base(data):
    with serve_subprocess(data) as url:
        yield url


@pytest.fixture()
def http(base):
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client


def _until(check, seconds: float = 20.0):
    """Poll ``check`` (validators follow a change within a second or so)."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_index_answers_have_validators_and_304(http):
    first = http.get(SEARCH)
    assert first.status_code == 200
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('W/"') and first.headers["cache-control"].startswith("public, max-age=")
    parsedate_to_datetime(modified)
    again = http.get(SEARCH, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["cache-control"] == first.headers["cache-control"]
    assert http.get(SEARCH, headers={"If-None-Match": f'"other", {etag}'}).status_code == 304
    assert http.get(SEARCH, headers={"If-None-Match": "*"}).status_code == 304
    assert http.get(SEARCH, headers={"If-Modified-Since": modified}).status_code == 304
    earlier = format_datetime(parsedate_to_datetime(modified) - timedelta(days=1), usegmt=True)
    assert http.get(SEARCH, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
    assert http.get(SEARCH, headers={"If-None-Match": '"other"', "If-Modified-Since": modified}).status_code == 200
    assert http.get(SEARCH, headers={"If-None-Match": '"other"'}).json() == first.json()


@pytest.mark.parametrize("path", ["/v1/stats/timeline", "/v1/regions", "/v1/regions/33",
                                  "/v1/articles?format=csv"])
def test_every_index_answer_is_conditional(http, path):
    first = http.get(path)
    assert first.status_code == 200 and "public" in first.headers["cache-control"]
    assert http.get(path, headers={"If-None-Match": first.headers["etag"]}).status_code == 304


def test_a_kept_answer_is_the_same_answer(http):
    url = "/v1/articles?region=33&facets=violation_type&limit=3"
    one, two = http.get(url), http.get(url)
    assert one.json() == two.json() and one.headers["etag"] == two.headers["etag"]
    csv_one, csv_two = http.get(url + "&format=csv"), http.get(url + "&format=csv")
    assert csv_one.text == csv_two.text and csv_two.headers["content-type"].startswith("text/csv")
    assert csv_one.headers["x-total-count"] == csv_two.headers["x-total-count"]


def test_errors_and_health_are_not_cached(http):
    bad = http.get("/v1/articles?region=99")
    assert bad.status_code == 400 and "etag" not in bad.headers
    health = http.get("/healthz")
    assert health.headers["cache-control"] == "no-store" and "etag" not in health.headers


def test_archive_answers_have_a_body_etag(http):
    path = f"/v1/articles/{aid('camat-bandar')}"
    first = http.get(path)
    assert first.headers["cache-control"] == "no-cache" and "last-modified" not in first.headers
    assert http.get(path, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    for other in ("/v1/sources", "/v1/officials", "/v1/taxonomy", "/v1/export/data-dictionary"):
        answer = http.get(other)
        assert http.get(other, headers={"If-None-Match": answer.headers["etag"]}).status_code == 304


def test_gzip_when_accepted(http):
    plain = http.get("/v1/regions", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with http.stream("GET", "/v1/regions", headers={"Accept-Encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
        assert r.headers["content-encoding"] == "gzip" and "Accept-Encoding" in r.headers["vary"]
    assert gzip.decompress(raw) == plain.content


def test_streamed_exports_survive_gzip(http):
    url = "/v1/export?format=csv&layout=raw"
    plain = http.get(url, headers={"Accept-Encoding": "identity"})
    with http.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
        assert r.headers["cache-control"] == "no-store" and r.headers["x-total-count"] == "13"
    assert gzip.decompress(raw) == plain.content and plain.content.count(b"\n") >= 14
    with http.stream("GET", "/v1/export?format=csv", headers={"Accept-Encoding": "gzip"}) as r:
        assert r.headers["content-type"] == "application/zip" and "content-encoding" not in r.headers


def test_validators_follow_the_archive_and_a_rebuild(http, data):
    article = f"/v1/articles/{aid('jalan-semarang')}"
    old_article, old_search = http.get(article), http.get(SEARCH)
    with Archive.open(data / "archive.sqlite3") as archive:
        stored = archive.get_article(aid("jalan-semarang"))
        archive.upsert_article(stored.model_copy(update={"title": "Perbaikan Jalan Rampung"}))
        changed = http.get(article, headers={"If-None-Match": old_article.headers["etag"]})
        assert changed.status_code == 200 and changed.json()["title"] == "Perbaikan Jalan Rampung"
        assert changed.headers["etag"] != old_article.headers["etag"]
        TantivyBackend(data / INDEX_DIR_NAME).rebuild(build_documents(archive))

    def rebuilt():
        answer = http.get(SEARCH, headers={"If-None-Match": old_search.headers["etag"]})
        return answer if answer.status_code == 200 else None

    fresh = _until(rebuilt)
    assert fresh is not None, "the validator did not follow the rebuild"
    assert fresh.headers["etag"] != old_search.headers["etag"]
    assert parsedate_to_datetime(fresh.headers["last-modified"]) >= parsedate_to_datetime(
        old_search.headers["last-modified"])
    assert parsedate_to_datetime(fresh.headers["last-modified"]) <= datetime.now(timezone.utc)


@pytest.mark.parametrize("workers", ["1", "3"])
def test_workers_answer_concurrent_requests(data, workers):
    """Each worker opens its own archive connections and backend: concurrent requests of every
    kind succeed whatever the number of workers."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [SEARCH, "/v1/regions", f"/v1/articles/{aid('camat-bandar')}", "/v1/sources",
             "/v1/stats/timeline?interval=week", "/v1/export?format=jsonl&layout=raw"] * 6
    with serve_subprocess(data, "--workers", workers) as url:
        with httpx.Client(base_url=url, timeout=60) as client, ThreadPoolExecutor(12) as pool:
            codes = list(pool.map(lambda p: client.get(p).status_code, paths))
    assert codes == [200] * len(paths)
