"""The source registry file: it loads, validates, and its sample entries fit the sample site."""

from __future__ import annotations

import re

import pytest

from crawler import urls
from crawler.registry import load_registry
from pantau.errors import InvalidInput, NotFound
from pantau.regions import get_region_table
from sample_site.answer_key import answer_key
from sample_site.cms import SITES as CMS_SITES
from sample_site.content import SITES

BASE = "http://127.0.0.1:8765"


def test_the_registry_loads_and_has_the_required_sources():
    registry = load_registry()
    real = [e for e in registry.entries if not e.is_sample]
    assert len(real) >= 26
    assert not [e.id for e in real if e.verified]  # nothing checked against the live sites yet
    hosts = {re.sub(r"^https?://", "", e.base_url).split("/")[0] for e in real}
    for host in ("bagusnews.co", "banjarnegara.bawaslu.go.id", "bacakoran.co", "jateng.tribunnews.com",
                 "www.bawaslu.go.id", "jateng.bawaslu.go.id"):
        assert host in hosts
    assert any("24jam.co.id" in h for h in hosts)
    assert {e.id for e in registry.entries if e.is_sample} == set(SITES) | set(CMS_SITES)
    assert {e.id for e in registry.select(sample=True)} == set(SITES)  # the fixtures are crawled by id
    assert {e.type for e in real} == {"news", "bawaslu", "government"}


def test_regions_are_known_codes():
    table = get_region_table()
    for entry in load_registry().entries:
        assert entry.region is None or entry.region in table, entry.id


def test_sample_entries_match_every_answer_key_url_and_no_listing():
    registry = load_registry()
    for entry in answer_key(BASE):
        site = registry.get(entry["site"]).resolve(BASE)
        assert urls.classify(site, entry["url"]) == ("article", entry["url"]), entry["url"]
    for site_id in SITES:
        site = registry.get(site_id).resolve(BASE)
        for listing in ("", "sitemap.xml", "feed/", "page/2/", "berita?page=2", "berita"):
            assert urls.classify(site, site.url(listing))[0] is None, (site_id, listing)


def test_a_sample_source_needs_the_sample_url():
    with pytest.raises(InvalidInput, match="sample"):
        load_registry().get("kabarpantura").resolve(None)
    with pytest.raises(NotFound):
        load_registry().get("no-such-source")


def test_sources_become_archive_sources():
    site = load_registry().get("bawaslu-temanggung").resolve(BASE)
    source = site.to_source()
    assert (source.id, source.type, source.region_code) == ("bawaslu-temanggung", "bawaslu", "33.23")
    assert str(source.base_url) == f"{BASE}/bawaslu-temanggung/"
    assert source.config["discovery"]["article_pattern"]


ENTRY = """
[[source]]
id = "{id}"
name = "Broken"
type = "news"
base_url = "{base_url}"
{region}
[source.discovery]
sitemaps = ["sitemap.xml"]
search = [{search}]
article_pattern = '{pattern}'
"""
GOOD = {"id": "broken", "base_url": "https://example.org/", "region": "", "search": "", "pattern": r"\d+"}


@pytest.mark.parametrize("field, value, message", [
    ("region", 'region = "99.99"', "unknown region"),
    ("pattern", "(unclosed", "bad regular expression"),
    ("base_url", "ftp://example.org/", "http"),
    ("search", '"?s=netralitas"', "{query}"),
])
def test_a_bad_entry_is_reported_with_its_id(tmp_path, field, value, message):
    path = tmp_path / "sources.toml"
    path.write_text(ENTRY.format(**{**GOOD, field: value}))
    with pytest.raises(InvalidInput, match=re.escape(message)) as info:
        load_registry(path)
    assert "source broken" in info.value.message


def test_a_good_entry_loads_and_duplicate_ids_are_refused(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(ENTRY.format(**GOOD))
    assert [e.id for e in load_registry(path).entries] == ["broken"]
    path.write_text(ENTRY.format(**GOOD) + ENTRY.format(**GOOD))
    with pytest.raises(InvalidInput, match="used twice"):
        load_registry(path)
