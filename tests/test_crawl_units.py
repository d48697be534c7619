"""Crawler pieces without a crawl: URL classes, sitemaps and feeds, the relevance filter,
retry backoff, the coverage ledger."""

from __future__ import annotations

import gzip
from datetime import date, datetime, timezone

import pytest

from crawler import discovery, urls
from crawler.middlewares import BackoffMiddleware, retry_after
from crawler.registry import load_registry
from crawler.relevance import RELEVANCE_PATH, judge, load_filter
from sample_site.catalog import Catalog
from pantau.store import Archive, ledger

BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def nusaraya():
    return load_registry().get("nusaraya").resolve(BASE)


def test_urls_are_cleaned_rewritten_and_classified(nusaraya):
    article = f"{BASE}/nusaraya/jateng/berita/2024/10/07/some-slug"
    assert urls.classify(nusaraya, article + "?utm_source=x&fbclid=y#top") == ("article", article)
    assert urls.classify(nusaraya, f"{BASE}/nusaraya/amp/jateng/berita/2024/10/07/some-slug") == ("article", article)
    assert urls.classify(nusaraya, f"{BASE}/nusaraya/files/laporan.PDF")[0] == "document"
    assert urls.classify(nusaraya, f"{BASE}/kabarpantura/2024/10/07/some-slug/")[0] is None  # other site
    assert urls.classify(nusaraya, "https://www.facebook.com/sharer/sharer.php?u=x")[0] is None
    assert urls.classify(nusaraya, article + "?page=2")[0] is None  # a next page is no article of its own
    real = load_registry().get("tribun-jateng").resolve()
    assert urls.classify(real, "http://m.jateng.tribunnews.com/amp/2024/10/07/asn-netral") == (
        "article", "https://jateng.tribunnews.com/2024/10/07/asn-netral")


SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://x.example/sitemap-news.xml</loc></sitemap>
<sitemap><loc>https://x.example/sitemap-2024-01.xml</loc><lastmod>2024-01-31</lastmod></sitemap>
</sitemapindex>"""
NEWS_SITEMAP = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://x.example/a</loc><image:image><image:loc>https://img.example/a.jpg</image:loc></image:image>
<news:news><news:publication_date>2024-10-07T14:32:00+07:00</news:publication_date></news:news></url>
<url><loc> https://x.example/b </loc><lastmod>2023-05-01</lastmod></url>
</urlset>"""


def test_sitemaps_indexes_news_sitemaps_and_gzip():
    kind, entries = discovery.sitemap(SITEMAP_INDEX)
    assert kind == "index" and [u for u, _ in entries] == ["https://x.example/sitemap-news.xml",
                                                           "https://x.example/sitemap-2024-01.xml"]
    kind, entries = discovery.sitemap(gzip.compress(NEWS_SITEMAP))
    assert kind == "urlset"
    assert entries[0] == ("https://x.example/a", datetime.fromisoformat("2024-10-07T14:32:00+07:00"))
    assert entries[1][0] == "https://x.example/b" and entries[1][1].date() == date(2023, 5, 1)
    assert discovery.sitemap(b"not xml at all")[1] == []
    since = date(2024, 1, 1)
    assert [u for u, when in entries if discovery.since_ok(when, since)] == ["https://x.example/a"]
    assert discovery.since_ok(None, since)


def test_rss_and_atom_feeds():
    rss = b"""<rss version="2.0"><channel><item><title>A</title><link>https://x.example/a</link>
    <pubDate>Mon, 07 Oct 2024 14:32:00 +0700</pubDate></item>
    <item><guid isPermaLink="true">https://x.example/b</guid></item>
    <item><guid isPermaLink="false">123</guid></item></channel></rss>"""
    assert [u for u, _ in discovery.feed(rss)] == ["https://x.example/a", "https://x.example/b"]
    assert discovery.feed(rss)[0][1] == datetime(2024, 10, 7, 7, 32, tzinfo=timezone.utc)
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://x.example/c"/>
    <link rel="edit" href="https://x.example/edit"/><published>2024-10-07T07:32:00Z</published></entry></feed>"""
    assert discovery.feed(atom) == [("https://x.example/c", datetime(2024, 10, 7, 7, 32, tzinfo=timezone.utc))]


def test_relevance_keeps_every_on_topic_sample_article_and_drops_the_off_topic_ones():
    for r in Catalog.load().renditions:
        assert judge(r.title, r.text).on_topic == r.article.on_topic, r.key


def test_relevance_phrases():
    assert judge("Bawaslu ingatkan netralitas", "").on_topic
    assert judge("", "Kades di Brebes ikut kampanye, Bawaslu turun tangan").on_topic
    assert not judge("Bawaslu buka pendaftaran pengawas TPS", "Pendaftaran calon pengawas pemilihan dibuka.").on_topic
    assert not judge("Harga ikan naik", "Pedagang mengeluh; camat meninjau pasar.").on_topic
    assert load_filter(RELEVANCE_PATH).min_context >= 1


def test_backoff_grows_exponentially_and_honours_retry_after():
    mw = BackoffMiddleware(base=2.0, cap=60.0)
    assert [mw.delay(n, None) for n in range(5)] == [0.0, 2.0, 4.0, 8.0, 16.0]
    assert mw.delay(1, 30.0) == 30.0 and mw.delay(9, None) == 60.0
    assert BackoffMiddleware(base=0.0, cap=60.0).delay(3, 30.0) == 0.0  # politeness off
    assert retry_after(b"120") == 120.0 and retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after(None) is None and retry_after("soon") is None


def test_ledger_adds_up_per_source_and_day(tmp_path):
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        with archive.transaction():
            ledger.add(archive.conn, "s", ledger.Tally(pages=3, articles=1, failures={"http_404": 1}, success=True))
            ledger.add(archive.conn, "s", ledger.Tally(pages=1, skipped={"robots": 2}, failures={"http_404": 1}))
            ledger.mark(archive.conn, ledger.UrlState("http://x.example/a/?utm_source=y", "s", "stored", 200))
            ledger.mark(archive.conn, ledger.UrlState("http://x.example/b", "s", "failed", 503))
        (row,) = ledger.rows(archive.conn)
        assert (row["pages"], row["articles"]) == (4, 1)
        assert row["failures"] == {"http_404": 2} and row["skipped"] == {"robots": 2} and row["last_success"]
        assert ledger.done_keys(archive.conn, "s") == {"http://x.example/a"}
        assert ledger.get(archive.conn, "http://x.example/a").status == 200


@pytest.mark.parametrize("href, expected", [
    ("?page=2", "https://x.example/berita/slug-artikel?page=2"),
    ("/berita/slug-artikel?page=2", "https://x.example/berita/slug-artikel?page=2"),
    ("https://x.example/berita/slug-artikel?page=2", "https://x.example/berita/slug-artikel?page=2"),
    ("/berita/artikel-lain?page=2", None),
    ("#komentar", None),
])
def test_the_next_page_pre_check_agrees_with_the_parser(href, expected):
    from crawler.parse_bridge import next_page_url

    body = (f'<html><body><article><h1>Judul</h1><p>Isi.</p>'
            f'<a href="{href}">Selanjutnya</a><a href="/kanal/politik/">Politik</a></article></body></html>').encode()
    assert next_page_url(body, "https://x.example/berita/slug-artikel") == expected


def test_every_sample_site_trap_has_a_crawl_test():
    """A new trap in sample_site.traps needs handling and a test in test_crawl*.py."""
    from sample_site.traps import all_traps

    handled = {"redirect", "not_found", "flaky_500", "wrong_encoding", "large_page", "pdf",
               "robots_disallowed", "tracking_params"}
    assert {t.name for t in all_traps(BASE)} == handled
