"""The API over real pipeline output: ``pantau demo --no-serve`` (sample sites crawled,
analysed, officials registry, index), then every article page, capture and export checked
against the search over HTTP."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile

import httpx
import pytest

from pantau.settings import Settings
from search_api import create_app
from tests.helpers.api_server import serve_in_thread

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def http(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo") / "data"
    env = {**os.environ, "PANTAU_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-m", "pantau", "demo", "--no-serve", "--data-dir", str(data)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    with serve_in_thread(create_app(Settings(data_dir=data))) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client


def all_ids(http, **params) -> list[str]:
    ids, cursor = [], None
    while True:
        page = http.get("/v1/articles", params={**params, "sort": "newest", "limit": 100,
                                                **({"cursor": cursor} if cursor else {})}).json()
        ids += [h["id"] for h in page["hits"]]
        if not (cursor := page["next_cursor"]):
            return ids


def test_every_article_page_and_capture(http):
    ids = all_ids(http)
    assert len(ids) == http.get("/healthz").json()["archive"]["articles"] > 20
    for article_id in ids:
        detail = http.get(f"/v1/articles/{article_id}")
        assert detail.status_code == 200 and detail.json()["annotation"] is not None
        capture = http.get(f"/v1/articles/{article_id}/capture")
        assert capture.status_code == 200 and capture.headers["content-security-policy"].startswith("sandbox")


@pytest.mark.parametrize("params", [{}, {"region": "33"}, {"violation_type": "social_media"},
                                    {"doc_type": "incident", "date_from": "2024-01-01"}])
def test_export_equals_search(http, params):
    r = http.get("/v1/export", params={**params, "format": "csv", "layout": "raw"})
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == all_ids(http, **params)


def test_officials_pages_agree_with_search(http):
    page = http.get("/v1/officials", params={"limit": 100}).json()
    assert page["total"] > 10
    for official in [o for o in page["items"] if o["article_count"] > 1]:
        detail = http.get(f"/v1/officials/{official['id']}").json()
        assert {a["id"] for a in detail["articles"]} == set(all_ids(http, official=official["id"]))


def test_region_tree_and_bundle(http):
    tree = http.get("/v1/regions", params={"include_empty": "false"}).json()
    assert tree["regions"] and all(p["count"] >= max([k["count"] for k in p["children"]], default=0)
                                   for p in tree["regions"])
    z = zipfile.ZipFile(io.BytesIO(http.get("/v1/export", params={"format": "parquet"}).content))
    assert z.namelist() == ["data.parquet", "data_dictionary.csv", "manifest.json"]
