"""``pantau status`` run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pantau.store import Archive
from pantau.store.migrations import latest_version

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from crash_writer import VERSION, item  # noqa: E402


def pantau(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PANTAU_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "pantau.cli", "status", *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_status_on_a_missing_archive_prints_zeros(tmp_path):
    data_dir = tmp_path / "nothing-here"
    result = pantau(data_dir)
    assert result.returncode == 0, result.stderr
    assert str(data_dir / "archive.sqlite3") in result.stdout
    for line in ("sources", "captures", "articles (parsed)", "annotated articles"):
        row = next(r for r in result.stdout.splitlines() if line in r)
        assert row.split()[-2] == "0", row

    as_json = pantau(data_dir, "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == {
        "sources": 0, "captures": 0, "articles": 0, "annotated_articles": 0,
        "annotations": 0, "officials": 0, "cases": 0, "schema_version": latest_version()}


def test_status_on_a_filled_archive_shows_the_counts(tmp_path):
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        for i in range(3):
            source, capture, article, annotation = item(i)
            archive.upsert_source(source)
            archive.put_capture(capture)
            archive.upsert_article(article)
            if i < 2:
                archive.put_annotation(annotation)
        archive.put_annotation(annotation.model_copy(update={"pipeline_version": "nlp-9"}))

    result = pantau(tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {label: r.split()[-2] for r in result.stdout.splitlines()
            for label in ("sources", "captures", "articles (parsed)", "annotated articles",
                          "(all versions)", f"pipeline {VERSION}", "pipeline nlp-9") if label in r}
    assert rows == {"sources": "3", "captures": "3", "articles (parsed)": "3",
                    "annotated articles": "3", "(all versions)": "3",
                    f"pipeline {VERSION}": "2", "pipeline nlp-9": "1"}

    counts = json.loads(pantau(tmp_path, "--json").stdout)
    assert counts == {"sources": 3, "captures": 3, "articles": 3, "annotated_articles": 3,
                      "annotations": 3, f"annotations:{VERSION}": 2, "annotations:nlp-9": 1,
                      "officials": 0, "cases": 0, "schema_version": latest_version()}


def test_status_reports_a_newer_archive_as_an_error(tmp_path):
    Archive.open(tmp_path / "archive.sqlite3").close()
    import sqlite3

    conn = sqlite3.connect(tmp_path / "archive.sqlite3")
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    result = pantau(tmp_path)
    assert result.returncode == 2
    assert "upgrade Pantau" in result.stderr
