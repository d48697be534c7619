"""``pantau sources --probe``, ``--check [--write]``, ``--coverage`` and ``--health`` against
the sample sites and the structure fixtures over HTTP; block pages, soft 404s and the health
states as units."""

from __future__ import annotations

import json
import shutil
import tomllib

import pytest
from typer.testing import CliRunner

from crawler import health, pagecheck
from crawler.registry import REGISTRY_PATH, load_registry
from pantau.cli import app
from sample_site.server import start_server

runner = CliRunner()


@pytest.fixture(scope="module")
def base():
    server, _, url = start_server()
    yield url
    server.shutdown()
    server.server_close()


def probe(base: str, site: str, *extra: str) -> dict:
    result = runner.invoke(app, ["sources", "--probe", f"{base}/{site}/", "--timeout", "5", "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def loads_as_entry(text: str):
    data = tomllib.loads(text)
    from crawler.registry import Registry

    return Registry.model_validate(data).entries[0]


def test_probe_tries_every_method_in_order_on_a_wordpress_site(base):
    out = probe(base, "warta-lembah", "--keyword", "baliho")
    steps = {s["method"]: s for s in out["steps"]}
    assert list(steps) == ["robots_sitemaps", "feed_autodiscovery", "wordpress_api", "listing_paths", "search"]
    assert steps["robots_sitemaps"]["found"] == 2 and steps["feed_autodiscovery"]["found"] == 2
    assert steps["wordpress_api"]["found"] == 2 and steps["search"]["found"] == 1
    entry = loads_as_entry(out["entry"])
    assert entry.software == "wordpress" and not entry.verified
    assert entry.discovery.sitemaps == ["wp-sitemap.xml"] and entry.discovery.feeds == ["feed/"]
    assert entry.discovery.search == ["?s={query}"]
    site = entry.resolve()
    assert site.article_re.fullmatch("2024/10/08/camat-kalikajar-diklarifikasi-bawaslu-soal-unggahan-dukungan/")


def test_probe_finds_the_bawaslu_cms_strategy(base):
    entry = loads_as_entry(probe(base, "bawaslu-wonosobo")["entry"])
    assert entry.discovery.feeds == ["rss.xml"] and entry.discovery.sitemaps == ["sitemap.xml"]
    assert entry.discovery.search == ["search/node?keys={query}"]
    assert entry.resolve().article_re.fullmatch("berita/bawaslu-wonosobo-buka-posko-aduan-di-15-kecamatan")


def test_probe_records_soft_404s_and_block_pages(base):
    portal = probe(base, "portal-nusantara")
    assert any("soft 404" in n for n in portal["site_notes"])
    assert "soft_404" in next(s for s in portal["steps"] if s["method"] == "listing_paths")["note"]
    assert loads_as_entry(portal["entry"]).resolve().article_re.fullmatch(
        "daerah/sulteng/731204/bawaslu-palu-teruskan-dugaan-pelanggaran-netralitas-lurah-ke-bkn")
    wall = probe(base, "tembok")
    assert "blocked" in wall["site_notes"][0] and all(s["found"] == 0 for s in wall["steps"])


@pytest.mark.parametrize("site, feed", [("suaratimur", "feed.xml"), ("kabarpantura", "feed/")])
def test_probe_on_the_sample_outlets(base, site, feed):
    entry = loads_as_entry(probe(base, site)["entry"])
    assert entry.discovery.feeds == [feed]


def test_check_and_write_mark_only_sources_that_pass(base, tmp_path):
    registry = tmp_path / "sources.toml"
    shutil.copy(REGISTRY_PATH, registry)
    ids = ["warta-lembah", "portal-nusantara", "bawaslu-wonosobo", "tembok", "kabarpantura"]
    result = runner.invoke(app, ["sources", "--check", *ids, "--sample-url", base, "--sources-file", str(registry),
                                 "--write", "--json", "--timeout", "5"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    for site in ("warta-lembah", "portal-nusantara", "bawaslu-wonosobo", "kabarpantura"):
        assert (rows[site]["answers"], rows[site]["discovers"], rows[site]["parses"]) == (True, True, True), rows[site]
        assert rows[site]["sample"]["title"] and rows[site]["sample"]["text_chars"] > 200
    assert rows["tembok"]["answers"] is False and rows["tembok"]["shield"] == "blocked"
    written = load_registry(registry)
    assert written.get("warta-lembah").verified and written.get("bawaslu-wonosobo").verified
    assert not written.get("tembok").verified
    assert len(written.entries) == len(load_registry().entries)
    assert not list(tmp_path.glob(".*.tmp"))


def test_check_without_network_reports_and_the_table_prints(base):
    result = runner.invoke(app, ["sources", "--check", "bawaslu-batang", "kabarpantura", "--sample-url", base,
                                 "--timeout", "2"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "1 of 2 sources answer" in result.stdout and "bawaslu-batang" in result.stdout


def test_coverage_lists_every_province_and_no_gap():
    result = runner.invoke(app, ["sources", "--coverage", "--json"])
    data = json.loads(result.stdout)
    assert len(data["provinces"]) == 38 and data["gaps"] == []
    assert all(r["outlets"] >= 2 and r["bawaslu"] == r["regencies"] + 1 for r in data["provinces"])
    markdown = runner.invoke(app, ["sources", "--coverage", "--markdown"]).stdout
    assert "| 95 | Papua Pegunungan |" in markdown and "gaps): none" in markdown


def test_a_province_without_outlet_is_a_gap(tmp_path):
    from crawler import coverage

    entries = [e for e in load_registry().entries if not (e.region or "").startswith("93") or e.type != "news"]
    data = coverage.summary(entries)
    assert data["gaps"] == ["Papua Selatan"]


def test_block_pages_and_soft_404s():
    challenge = b"<html><head><title>Just a moment...</title></head><body>cf-chl-token</body></html>"
    assert pagecheck.classify(403, challenge) == "blocked"
    assert pagecheck.classify(200, challenge) == "blocked"
    assert pagecheck.classify(429, b"slow down") == "blocked"
    missing = "<html><head><title>Halaman tidak ditemukan | Portal</title></head><body></body></html>".encode()
    assert pagecheck.classify(200, missing) == "soft_404"
    article = "<title>Bawaslu: Pelanggaran Tidak Ditemukan di TPS 5</title><h1>Bukti tidak ditemukan</h1>".encode()
    assert pagecheck.classify(200, article) is None
    assert pagecheck.classify(404, missing) is None


def row(day, pages=0, articles=0, failures=None, skipped=None, **kw):
    return {"source_id": kw.get("source", "s"), "day": day, "pages": pages, "articles": articles, "off_topic": 0,
            "duplicates": 0, "unchanged": kw.get("unchanged", 0), "skipped": skipped or {},
            "failures": failures or {}, "last_success": kw.get("success")}


@pytest.mark.parametrize("rows, expected", [
    ([], "unknown"),
    ([row("2026-12-07", 20, 3, success="2026-12-07T01:00")], "ok"),
    ([row("2026-12-07", 10, 0, unchanged=10)], "ok"),
    ([row("2026-12-07", failures={"dns": 3}), row("2026-12-06", failures={"timeout": 2})], "dead"),
    ([row("2026-12-07", 1, failures={"blocked": 5})], "blocked"),
    ([row("2026-12-07", 10, 2, failures={"http_500": 4})], "degraded"),
    ([row("2026-12-07", 10, 1, skipped={"soft_404": 2})], "degraded"),
    ([row("2026-12-07", 5), row("2026-12-06", 5)], "degraded"),
])
def test_health_comes_from_the_last_crawls(rows, expected):
    assert health.state(rows)[0] == expected


def test_health_command_on_an_empty_archive(tmp_path):
    result = runner.invoke(app, ["sources", "--health", "--json", "--archive", str(tmp_path / "a.sqlite3")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"sources": [], "ledger": []}


@pytest.mark.slow
def test_a_crawl_records_blocks_and_health_follows(tmp_path):
    """Crawl two fixtures by id over HTTP: the wall's 403 challenges are recorded as
    'blocked', and --health derives blocked and ok from the ledger."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "helpers"))
    from crawl_support import LoggedSite, run_crawl

    site = LoggedSite()
    try:
        summary = run_crawl(site, tmp_path, "warta-lembah", "tembok")
    finally:
        site.close()
    assert summary["sources"]["tembok"]["failed"].get("blocked", 0) >= 1
    result = runner.invoke(app, ["sources", "--health", "--json", "--archive", str(tmp_path / "archive.sqlite3")])
    states = {s["id"]: s["state"] for s in json.loads(result.stdout)["sources"]}
    assert states == {"tembok": "blocked", "warta-lembah": "ok"}
