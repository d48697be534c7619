"""`pantau demo --no-serve`: the whole flow on the sample sites, as a new user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sample_site import answer_key


@pytest.mark.slow
def test_demo_runs_every_stage_and_fills_archive_and_index(tmp_path, cli_env):
    demo_dir = tmp_path / "demo"
    run = subprocess.run([sys.executable, "-m", "pantau", "demo", "--no-serve", "--data-dir", str(demo_dir)],
                         env=cli_env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    for stage in ("crawl", "analyze", "officials", "index", "status"):
        assert f"$ pantau {stage}" in run.stderr
    assert "/docs" in run.stdout
    lines = run.stdout.splitlines()
    first = lines[next(i for i, line in enumerate(lines) if line.startswith("then open:")) + 1]
    assert first.split() == ["web", "pages", "http://127.0.0.1:8000/"]  # the web page first
    # The sample sites stop with the command: the note says how to serve the demo archive.
    assert f"PANTAU_DATA_DIR={demo_dir} pantau serve" in run.stdout
    assert "sample news sites   http" not in run.stdout

    env = {**cli_env, "PANTAU_DATA_DIR": str(demo_dir)}
    status = subprocess.run([sys.executable, "-m", "pantau", "status", "--json"], env=env,
                            capture_output=True, text=True, check=True)
    counts = json.loads(status.stdout)
    on_topic = [e for e in answer_key("http://127.0.0.1:1/") if e["on_topic"]]
    assert counts["articles"] == len(on_topic)
    assert counts["annotated_articles"] == counts["articles"]
    # The demo never touches the user's own archive.
    assert not (tmp_path / "data" / "archive.sqlite3").exists()
