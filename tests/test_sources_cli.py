"""``pantau sources`` and the argument checks of ``pantau crawl`` (in-process: no crawl
starts, so Scrapy's reactor is never needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from pantau.cli import app
from pantau.errors import InvalidInput, NotFound

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from crawl_support import LoggedSite  # noqa: E402

runner = CliRunner()


def test_sources_lists_the_registry():
    result = runner.invoke(app, ["sources", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 30 and {"id", "type", "region", "verified", "base_url"} <= set(rows[0])
    table = runner.invoke(app, ["sources"], env={"COLUMNS": "200"})
    assert "banjarnegara.bawaslu.go.id" in table.stdout and "kabarpantura" in table.stdout


SAMPLES = ("kabarpantura", "nusaraya", "bawaslu-temanggung", "suaratimur")


def test_sources_check_reports_instead_of_crashing():
    site = LoggedSite()
    try:
        # the local sample sites with a generous timeout (a busy machine may take over a
        # second), then every source with a short one: real sites answer or fail, never crash
        samples = runner.invoke(app, ["sources", *SAMPLES, "--check", "--timeout", "20",
                                      "--sample-url", site.url, "--json"])
        result = runner.invoke(app, ["sources", "--check", "--timeout", "1", "--sample-url", site.url, "--json"])
    finally:
        site.close()
    assert samples.exit_code == 0, samples.output
    checked = {r["id"]: r for r in json.loads(samples.stdout)}
    assert set(checked) == set(SAMPLES)
    for sample in SAMPLES:
        assert checked[sample]["ok"] is True and checked[sample]["status"] == 200
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(SAMPLES) < set(rows)
    for row in rows.values():  # real sites: an answer or an error, never a crash
        assert row["ok"] in (True, False) and (row["status"] or row["error"])


def test_crawl_refuses_bad_arguments_before_starting():
    no_sample = runner.invoke(app, ["crawl", "kabarpantura"])
    assert isinstance(no_sample.exception, InvalidInput) and "--sample-url" in no_sample.exception.message
    unknown = runner.invoke(app, ["crawl", "no-such-source"])
    assert isinstance(unknown.exception, NotFound)
    bad_date = runner.invoke(app, ["crawl", "--since", "kemarin", "--sample-url", "http://127.0.0.1:9"])
    assert isinstance(bad_date.exception, InvalidInput) and "--since" in bad_date.exception.message
    bad_mode = runner.invoke(app, ["crawl", "--politeness", "maybe"])
    assert isinstance(bad_mode.exception, InvalidInput)
