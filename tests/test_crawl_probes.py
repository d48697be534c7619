"""A crawl with a registry of probe sources: an AMP page and a tracking-parameter variant
resolve to the one canonical article, a PDF served as a seed is skipped without parsing,
a robots-disallowed seed is never fetched, a page over DOWNLOAD_MAXSIZE is refused cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pantau.ids import canonical_url
from sample_site import traps
from sample_site.answer_key import answer_key
from pantau.store import Archive, ledger

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from crawl_support import LoggedSite, run_crawl  # noqa: E402

pytestmark = pytest.mark.slow

PROBES = """
[[source]]
id = "amp-probe"
name = "AMP probe"
type = "news"
base_url = "{{sample}}/nusaraya/"
[source.discovery]
urls = ["{amp}", "{tracked}"]
article_pattern = '(amp/)?[a-z0-9-]+/berita/\\d{{4}}/\\d{{2}}/\\d{{2}}/[a-z0-9-]+'

[[source]]
id = "pdf-probe"
name = "PDF probe"
type = "bawaslu"
base_url = "{{sample}}/bawaslu-temanggung/"
[source.discovery]
urls = ["unduhan/surat-edaran-netralitas-asn-2024.pdf"]
article_pattern = 'berita/[a-z0-9-]+'

[[source]]
id = "robots-probe"
name = "robots probe"
type = "news"
base_url = "{{sample}}/nusaraya/"
[source.discovery]
urls = ["arsip-internal/draf-laporan-netralitas-asn"]
listings = [{{ url = "arsip-internal/" }}]
article_pattern = '.*'

[[source]]
id = "large-probe"
name = "size limit probe"
type = "news"
base_url = "{{sample}}/kabarpantura/"
[source.discovery]
urls = ["{large}"]
article_pattern = '.*'
"""


@pytest.fixture(scope="module")
def probed(tmp_path_factory):
    site = LoggedSite()
    try:
        entry = next(e for e in answer_key(site.url) if e["site"] == "nusaraya" and e["on_topic"] and e["pages"] == 1)
        rel = entry["url"].removeprefix(site.url + "/nusaraya/")
        registry = tmp_path_factory.mktemp("reg") / "probes.toml"
        large = next(t for t in traps.all_traps(site.url) if t.name == "large_page").url
        registry.write_text(PROBES.format(amp=entry["variants"]["amp"].removeprefix(site.url + "/nusaraya/"),
                                          tracked=f"{rel}?{traps.TRACKING_QUERY}",
                                          large=large.removeprefix(site.url + "/kabarpantura/")))
        data_dir = tmp_path_factory.mktemp("probe")
        summary = run_crawl(site, data_dir, "--sources-file", str(registry), "--set", "DOWNLOAD_MAXSIZE=1000000",
                            "amp-probe", "pdf-probe", "robots-probe", "large-probe")
        yield site, data_dir, summary, entry, list(site.paths)
    finally:
        site.close()


def test_amp_and_tracking_variants_resolve_to_one_canonical_article(probed):
    site, data_dir, summary, entry, paths = probed
    with Archive.open(data_dir / "archive.sqlite3") as archive:
        stored = [a for a in archive.iter_articles() if a.source_id == "amp-probe"]
        amp_state = ledger.get(archive.conn, entry["variants"]["amp"])
    assert [canonical_url(a.canonical_url) for a in stored] == [canonical_url(entry["url"])]
    assert stored[0].url == entry["url"]
    assert amp_state.outcome == "duplicate"
    assert summary["sources"]["amp-probe"]["skipped"].get("alternate") == 1
    assert not [p for p in paths if "utm_" in p]


def test_a_pdf_is_recorded_as_skipped_and_never_parsed(probed):
    site, data_dir, summary, _, paths = probed
    assert traps.PDF_PATH in paths  # a seed is fetched as it is...
    assert summary["sources"]["pdf-probe"]["skipped"] == {"not_html": 1}  # ...and not parsed
    with Archive.open(data_dir / "archive.sqlite3") as archive:
        assert ledger.get(archive.conn, site.url + traps.PDF_PATH).outcome == "not_html"
        assert not [a for a in archive.iter_articles() if a.source_id == "pdf-probe"]


def test_robots_disallowed_pages_are_never_fetched(probed):
    site, data_dir, summary, _, paths = probed
    assert not [p for p in paths if p.startswith("/nusaraya/arsip-internal")]
    assert summary["sources"]["robots-probe"]["skipped"].get("robots") == 2
    with Archive.open(data_dir / "archive.sqlite3") as archive:
        assert archive.latest_capture_for_url(site.url + traps.INTERNAL_PAGE) is None


def test_a_page_over_the_size_limit_is_refused_cleanly(probed):
    site, data_dir, summary, _, _ = probed
    assert summary["sources"]["large-probe"]["failed"] == {"too_large": 1}
    assert summary["sources"]["large-probe"]["finish_reason"] == "finished"
    with Archive.open(data_dir / "archive.sqlite3") as archive:
        assert not [a for a in archive.iter_articles() if a.source_id == "large-probe"]
