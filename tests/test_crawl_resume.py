"""A crawl interrupted anywhere, then rerun, ends with the records of an uninterrupted crawl,
also for an article reachable at two URLs (a dated path and an old ``.html`` path that
redirects to it): one capture, one article, the same crawl records (issue 18, item 4)."""

from __future__ import annotations

import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler import archiving
from crawler.items import ArticleFetch, Event, Page
from crawler.registry import REGISTRY_PATH
from pantau.schema import Source
from pantau.store import Archive

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from crawl_support import LoggedSite, run_crawl  # noqa: E402

PAGE = (Path(__file__).parent / "fixtures" / "pages" / "bawaslu_release.html").read_bytes()
TARGET = "https://warta.example/2024/11/18/bawaslu-gelar-apel-siaga/"
ALIAS = "https://warta.example/berita/bawaslu-gelar-apel-siaga.html"
SOURCE = Source(id="warta", name="Warta", type="news", base_url="https://warta.example/")


def records(path: Path) -> dict:
    """What a crawl leaves: captures, articles and the URL records (without times)."""
    conn = sqlite3.connect(path)
    try:
        return {
            "captures": sorted(conn.execute("SELECT id, sha256, final_url FROM captures")),
            "articles": sorted(conn.execute("SELECT id, capture_id, url, canonical_url, title, content_hash, "
                                            "cluster_id, published_at FROM articles")),
            "urls": sorted(conn.execute("SELECT url_key, outcome, status, final_url, capture_id, article_id "
                                        "FROM crawl_urls")),
        }
    finally:
        conn.close()


# -- the exact point: killed after the capture was committed, before its judgement ---------

class Killed(BaseException):
    """SIGKILL at this point: nothing after it runs, nothing uncommitted is kept."""


def fetch(requested: str) -> ArticleFetch:
    page = Page(url=requested, final_url=TARGET, status=200, headers={"Content-Type": "text/html"},
                body=PAGE, fetched_at=datetime(2024, 11, 25, tzinfo=timezone.utc))
    return ArticleFetch(SOURCE.id, [page])


def alias_skipped(url: str) -> Event:
    """What the spider yields for a URL whose redirect led to a page already handled."""
    return Event(SOURCE.id, "skipped", url, "already_processed", 200, final=True, fetched="article",
                 final_url=TARGET)


def open_archive(path: Path) -> Archive:
    archive = Archive.open(path)
    archive.upsert_source(SOURCE)
    return archive


def test_a_kill_between_capture_and_judgement_then_a_rerun_through_the_other_url(tmp_path, monkeypatch):
    with open_archive(tmp_path / "clean.sqlite3") as archive:  # uninterrupted: the alias came first
        assert archiving.store_fetch(archive, fetch(ALIAS), SOURCE).kind == "stored"
        archiving.record_event(archive, alias_skipped(TARGET))

    with open_archive(tmp_path / "killed.sqlite3") as archive:
        with monkeypatch.context() as patch:
            patch.setattr(archiving, "judge", lambda *a, **k: (_ for _ in ()).throw(Killed()))
            with pytest.raises(Killed):
                archiving.store_fetch(archive, fetch(ALIAS), SOURCE)
        assert archive.counts()["captures"] == 1 and archive.count_articles() == 0
        # the rerun (a new process: nothing handled yet) reaches the article at its dated URL first
        assert archiving.store_fetch(archive, fetch(TARGET), SOURCE).kind == "stored"
        archiving.record_event(archive, alias_skipped(ALIAS))

    clean, killed = records(tmp_path / "clean.sqlite3"), records(tmp_path / "killed.sqlite3")
    assert len(killed["captures"]) == 1
    assert {row[1] for row in killed["urls"]} == {"stored"}
    assert killed == clean


# -- a real crawl: the article stored through its dated URL, the kill before the alias -----

@pytest.fixture(scope="module")
def site():
    s = LoggedSite()
    yield s
    s.close()


@pytest.mark.slow
def test_an_alias_reached_after_a_killed_crawl_stored_the_article_adds_nothing(site, tmp_path):
    site.reset()
    run_crawl(site, tmp_path / "clean", "kabarpantura")
    clean = records(tmp_path / "clean" / "archive.sqlite3")

    # The killed crawl had stored the articles of the sitemap (the dated URLs) and not yet
    # read the home page, which links the old .html URL: a crawl of the sitemap alone.
    registry = REGISTRY_PATH.read_text(encoding="utf-8")
    discovery = 'feeds = ["feed/"]\nlistings = [{ url = "", pagination = "page/{n}/" }]\nsearch = ["?s={query}"]\n'
    assert registry.count(discovery) == 1
    sitemap_only = tmp_path / "sitemap_only.toml"
    sitemap_only.write_text(registry.replace(discovery, ""), encoding="utf-8")
    killed = tmp_path / "killed"
    run_crawl(site, killed, "kabarpantura", "--sources-file", str(sitemap_only))
    aliases = [u for u in records(killed / "archive.sqlite3")["urls"] if u[0].endswith(".html")]
    assert not aliases  # the alias was not reached before the "kill"

    site.reset()
    run_crawl(site, killed, "kabarpantura")  # the rerun
    assert records(killed / "archive.sqlite3") == clean
