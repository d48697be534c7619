"""Whole crawls of the four sample sites over real HTTP: answer key coverage, every trap,
incremental re-crawls, a refresh with ETags, and a crawl killed half-way then resumed."""

from __future__ import annotations

import json
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from pantau.ids import canonical_url
from sample_site import traps
from sample_site.answer_key import answer_key
from pantau.store import Archive, ledger

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from crawl_support import LoggedSite, run_crawl, start_crawl  # noqa: E402

pytestmark = pytest.mark.slow
ARCHIVE = "archive.sqlite3"


@pytest.fixture(scope="module")
def site():
    s = LoggedSite()
    yield s
    s.close()


@pytest.fixture(scope="module")
def full(site, tmp_path_factory):
    """One uninterrupted crawl of every sample site: (data dir, summary, requested paths)."""
    data_dir = tmp_path_factory.mktemp("full")
    site.reset()
    summary = run_crawl(site, data_dir)
    return data_dir, summary, list(site.paths)


@pytest.fixture(scope="module")
def key(site):
    return answer_key(site.url)


def articles(data_dir: Path) -> list:
    with Archive.open(data_dir / ARCHIVE) as archive:
        return list(archive.iter_articles())


def by_canonical(data_dir: Path) -> dict:
    out: dict = {}
    for article in articles(data_dir):
        out.setdefault(canonical_url(article.canonical_url), []).append(article)
    return out


def trap(site, name: str) -> traps.Trap:
    return next(t for t in traps.all_traps(site.url) if t.name == name)


# -- the answer key ---------------------------------------------------------------------

def test_every_on_topic_article_is_stored_exactly_once(full, key):
    data_dir, summary, _ = full
    stored = by_canonical(data_dir)
    expected = {canonical_url(e["url"]): e for e in key if e["on_topic"]}
    assert set(stored) == set(expected)
    assert all(len(found) == 1 for found in stored.values())
    for url, (article,) in stored.items():
        assert article.source_id == expected[url]["site"]
    assert summary["total"]["articles"] == len(expected)


def test_off_topic_articles_are_captured_but_not_stored(full, key):
    data_dir, summary, _ = full
    stored = by_canonical(data_dir)
    off_topic = [e for e in key if not e["on_topic"]]
    assert off_topic and not any(canonical_url(e["url"]) in stored for e in off_topic)
    assert summary["total"]["off_topic"] == len(off_topic)
    with Archive.open(data_dir / ARCHIVE) as archive:
        for entry in off_topic:
            assert archive.latest_capture_for_url(entry["url"]) is not None
        rows = ledger.rows(archive.conn)
    assert sum(r["off_topic"] for r in rows) == len(off_topic)


def test_the_syndicated_release_is_stored_on_both_sites_and_clustered(full, key):
    data_dir, summary, _ = full
    stored = by_canonical(data_dir)
    clusters: dict = {}
    for entry in key:
        if entry.get("cluster") and entry["on_topic"]:
            clusters.setdefault(entry["cluster"], []).append(stored[canonical_url(entry["url"])][0])
    assert clusters
    for members in clusters.values():
        assert len({a.source_id for a in members}) == len(members) >= 2
        assert len({a.cluster_id for a in members}) == 1
    assert summary["total"]["duplicates"] == sum(len(m) - 1 for m in clusters.values())


def test_multi_page_articles_are_joined(full, key):
    data_dir, _, paths = full
    stored = by_canonical(data_dir)
    paged = [e for e in key if e["pages"] > 1]
    assert paged
    for entry in paged:
        (article,) = stored[canonical_url(entry["url"])]
        last_paragraph = entry["text"].split("\n\n")[-1]
        assert last_paragraph[:60] in article.text, entry["id"]
        assert not any("page=all" in p for p in paths)


def test_nothing_disallowed_by_robots_and_no_tracking_variant_is_requested(full):
    _, _, paths = full
    for prefix in traps.ROBOTS_DISALLOWED:
        assert not [p for p in paths if p.startswith(prefix)]
    assert not [p for p in paths if "utm_" in p]
    assert "/robots.txt" in paths


# -- traps ------------------------------------------------------------------------------

def test_trap_redirect_is_followed_and_stored_under_the_final_url(full, site):
    data_dir, _, _ = full
    t = trap(site, "redirect")
    (article,) = by_canonical(data_dir)[canonical_url(t.details["location"])]
    assert article.url == t.details["location"]
    assert canonical_url(t.url) not in by_canonical(data_dir)
    with Archive.open(data_dir / ARCHIVE) as archive:
        assert ledger.get(archive.conn, t.url) is not None  # the old URL is remembered


def test_trap_404_is_recorded_as_a_failure_and_not_retried(full, site):
    data_dir, summary, paths = full
    t = trap(site, "not_found")
    assert summary["total"]["failed"].get("http_404") == 1
    assert len([p for p in paths if p == t.url.removeprefix(site.url)]) == 1
    with Archive.open(data_dir / ARCHIVE) as archive:
        state = ledger.get(archive.conn, t.url)
        assert (state.status, state.outcome) == (404, "gone")
        assert sum(r["failures"].get("http_404", 0) for r in ledger.rows(archive.conn)) == 1
    assert canonical_url(t.url) not in by_canonical(data_dir)


def test_trap_500_then_200_is_retried(full, site):
    data_dir, _, paths = full
    t = trap(site, "flaky_500")
    assert len([p for p in paths if p == t.url.removeprefix(site.url)]) >= 2
    assert canonical_url(t.url) in by_canonical(data_dir)


def test_trap_wrong_encoding_is_decoded_right(full, site, key):
    data_dir, _, _ = full
    t = trap(site, "wrong_encoding")
    (article,) = by_canonical(data_dir)[canonical_url(t.url)]
    entry = next(e for e in key if e["url"] == t.url)
    assert "â€" not in article.text and "Ã" not in article.text
    non_ascii = [p for p in entry["text"].split("\n\n") if any(ord(c) > 127 for c in p)]
    assert non_ascii and all(p in article.text for p in non_ascii)
    assert article.title == entry["title"]


def test_trap_large_page_is_fetched_and_only_its_body_kept(full, site):
    data_dir, _, _ = full
    t = trap(site, "large_page")
    (article,) = by_canonical(data_dir)[canonical_url(t.url)]
    with Archive.open(data_dir / ARCHIVE) as archive:
        assert len(archive.get_capture(article.capture_id).body) >= t.details["min_bytes"]
    assert "berkata:" not in article.text and "Balas" not in article.text
    assert len(article.text) < 20_000


def test_trap_pdf_is_not_fetched_as_an_article(full, site):
    data_dir, summary, paths = full
    t = trap(site, "pdf")
    assert traps.PDF_PATH not in paths
    assert summary["total"]["skipped"].get("document", 0) >= 1
    with Archive.open(data_dir / ARCHIVE) as archive:
        assert archive.latest_capture_for_url(t.url) is None


# -- the coverage ledger and the CLI ----------------------------------------------------

def test_the_ledger_counts_what_the_crawl_did(full):
    data_dir, summary, _ = full
    with Archive.open(data_dir / ARCHIVE) as archive:
        rows = {r["source_id"]: r for r in ledger.rows(archive.conn)}
    assert set(rows) == set(summary["sources"])
    for source_id, row in rows.items():
        s = summary["sources"][source_id]
        assert (row["pages"], row["articles"], row["off_topic"]) == (s["pages"], s["articles"], s["off_topic"])
        assert row["last_success"]


def test_sources_health_shows_the_ledger(full):
    import subprocess

    data_dir, _, _ = full
    env = {"PANTAU_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "pantau.cli", "sources", "--health", "--json"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    samples = {"kabarpantura", "nusaraya", "bawaslu-temanggung", "suaratimur"}
    assert {r["source_id"] for r in data["ledger"]} == samples
    states = {s["id"]: s["state"] for s in data["sources"]}  # from the ledger, not a flag
    assert set(states) == samples and set(states.values()) <= {"ok", "degraded"}


# -- incremental, refresh, kill ---------------------------------------------------------

def copy_archive(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source / ARCHIVE), sqlite3.connect(target / ARCHIVE)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


def article_paths(site, key) -> set[str]:
    paths = set()
    for entry in key:
        for url in [entry["url"], *entry["variants"].get("next_pages", [])]:
            paths.add(url.removeprefix(site.url))
    return paths


def test_an_incremental_recrawl_fetches_no_article_page_again(full, site, key, tmp_path):
    copy_archive(full[0], tmp_path)
    before = {(a.id, a.content_hash) for a in articles(tmp_path)}
    site.reset()
    summary = run_crawl(site, tmp_path)
    assert not article_paths(site, key) & set(site.paths)
    assert summary["total"]["article_pages"] == 0 and summary["total"]["articles"] == 0
    assert {(a.id, a.content_hash) for a in articles(tmp_path)} == before


def test_a_refresh_asks_with_etags_and_stores_nothing_new(full, site, tmp_path):
    copy_archive(full[0], tmp_path)
    with Archive.open(tmp_path / ARCHIVE) as archive:
        captures = archive.counts()["captures"]
    site.reset()
    summary = run_crawl(site, tmp_path, "--refresh", "suaratimur", "bawaslu-temanggung")
    total = summary["total"]
    assert total["unchanged"] >= 14 and total["articles"] == 0
    with Archive.open(tmp_path / ARCHIVE) as archive:
        assert archive.counts()["captures"] == captures


def test_a_crawl_killed_half_way_then_rerun_ends_like_an_uninterrupted_one(full, site, tmp_path):
    site.reset()
    site.delay = 0.02  # a slower server, so the kill lands mid-crawl
    try:
        process = start_crawl(site, tmp_path)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _captures(tmp_path) < 12:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        site.delay = 0.0
    killed_at = _captures(tmp_path)
    assert 0 < killed_at < 40
    assert any((tmp_path / "jobs").glob("*/RUNNING"))  # the killed crawl's marker
    site.server.app.reset()
    run_crawl(site, tmp_path)
    expected = {(a.id, a.content_hash) for a in articles(full[0])}
    assert {(a.id, a.content_hash) for a in articles(tmp_path)} == expected
    assert not list(tmp_path.glob("jobs/*/*"))  # finished crawls leave no job state


def _captures(data_dir: Path) -> int:
    path = data_dir / ARCHIVE
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM captures").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_a_crawl_stopped_early_keeps_its_queue_and_the_next_run_completes_it(full, site, tmp_path):
    site.reset()
    first = run_crawl(site, tmp_path, "nusaraya", "--max-pages", "5")
    assert first["sources"]["nusaraya"]["finish_reason"] == "closespider_pagecount"
    job = tmp_path / "jobs" / "nusaraya"
    assert (job / "requests.queue" / "active.json").exists() and not (job / "RUNNING").exists()
    second = run_crawl(site, tmp_path, "nusaraya")
    assert second["sources"]["nusaraya"]["finish_reason"] == "finished" and not job.exists()
    expected = {(a.id, a.content_hash) for a in articles(full[0]) if a.source_id == "nusaraya"}
    assert {(a.id, a.content_hash) for a in articles(tmp_path)} == expected


def test_since_skips_older_articles_before_fetching_them(site, key, tmp_path):
    site.reset()
    summary = run_crawl(site, tmp_path, "suaratimur", "--since", "2024-10-01")["sources"]["suaratimur"]
    newer = [e for e in key if e["site"] == "suaratimur" and e["published_date"] >= "2024-10-01"]
    older = [e for e in key if e["site"] == "suaratimur" and e["published_date"] < "2024-10-01"]
    assert newer and older
    assert summary["article_pages"] == len(newer) and summary["skipped"]["before_since"] == len(older)
    assert not [e for e in older if e["url"].removeprefix(site.url) in site.paths]
