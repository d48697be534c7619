"""Atom feeds over HTTP, read with feedparser: every search (the parameters of
/v1/articles), an official and a region; entries carry title, link, dates, summary and
region, violation-type and document-type categories."""

from __future__ import annotations

import feedparser
import httpx
import pytest

from pantau.settings import Settings
from search_api import create_app
from tests.helpers.api_archive import aid, fill
from tests.helpers.api_server import serve_in_thread


@pytest.fixture(scope="module")
def http(tmp_path_factory):
    data = tmp_path_factory.mktemp("feeds") / "data"
    data.mkdir()
    fill(data).close()
    with serve_in_thread(create_app(Settings(data_dir=data))) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client


def feed(http, url: str):
    r = http.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(r.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def entry_ids(parsed) -> list[str]:
    return [e.link.rsplit("/", 1)[1] for e in parsed.entries]


@pytest.mark.parametrize("params", [
    {}, {"region": "33"}, {"q": "camat"}, {"violation_type": "social_media", "sort": "oldest"},
    {"q": "netralitas", "doc_type": "prevention", "limit": "2"},
])
def test_search_feed_has_the_search_hits(http, params):
    parsed = feed(http, str(httpx.URL("/v1/articles.atom", params=params)))
    api = {**params, "sort": params.get("sort", "newest")}
    assert entry_ids(parsed) == [h["id"] for h in http.get("/v1/articles", params=api).json()["hits"]]
    assert parsed.feed.title.startswith("Pantau")
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link.endswith(str(httpx.URL("/v1/articles.atom", params=params)))


def test_entries_carry_dates_summary_and_categories(http):
    parsed = feed(http, "/v1/articles.atom?q=baliho")
    (entry,) = parsed.entries
    assert entry.title == "Staf Kelurahan di Semarang Pasang Baliho Caleg"
    assert entry.link.endswith(f"/articles/{aid('baliho-semarang')}")
    assert entry.published.startswith("2024-02-14") and entry.updated
    assert "memasang baliho calon legislatif" in entry.summary  # the snippet (feedparser drops <mark>)
    terms = {(t.term, t.label) for t in entry.tags}
    assert ("33.74", "Kota Semarang") in terms
    assert ("campaign_material", "Memasang alat peraga kampanye") in terms
    assert ("incident", "Kasus/dugaan pelanggaran") in terms
    assert entry.author == "Bawaslu Kabupaten Batang"


def test_official_and_region_feeds(http):
    items = http.get("/v1/officials", params={"name": "Budi Santoso", "region": "33.25"}).json()["items"]
    parsed = feed(http, f"/v1/officials/{items[0]['id']}.atom")
    assert parsed.feed.title == "Pantau: Budi Santoso" and len(parsed.entries) == 3
    parsed = feed(http, "/v1/regions/33.25.atom")
    api = http.get("/v1/articles", params={"region": "33.25", "sort": "newest"}).json()
    assert entry_ids(parsed) == [h["id"] for h in api["hits"]]
    assert "Batang" in parsed.feed.title
    parsed = feed(http, "/v1/regions/3325.atom?doc_type=incident")  # undotted, with a filter
    assert len(parsed.entries) == api["total"]


@pytest.mark.parametrize("url, status", [
    ("/v1/articles.atom?q=%22x", 400), ("/v1/articles.atom?regoin=33", 400),
    ("/v1/regions/99.atom", 404), ("/v1/regions/x.atom", 400),
    ("/v1/officials/0000000000000000.atom", 404),
])
def test_feed_errors_are_json(http, url, status):
    r = http.get(url)
    assert r.status_code == status and r.json()["status"] == status


def test_pages_link_their_feeds(http):
    r = http.get("/?region=33&q=camat")
    assert 'rel="alternate" type="application/atom+xml"' in r.text
    assert "/v1/articles.atom?region=33&amp;q=camat" in r.text
