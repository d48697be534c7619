"""The case tables: built from the archive's latest annotations and registry, rebuilt only
when an input or the stage's code changed, readable by article and by official."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pantau.store import Archive
from pantau.store import cases as case_store
from pantau.store.officials import rebuild as rebuild_registry
from tests.helpers import bulk_archive


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.sqlite3"
    bulk_archive.fill(path, 120, officials=2)
    with Archive.open(path) as opened:
        rebuild_registry(opened)
        yield opened


def test_a_build_fills_the_tables_and_a_second_has_nothing_to_do(archive):
    assert case_store.is_stale(archive.conn)
    stats = case_store.rebuild(archive)
    assert stats["cases"] > 0 and not case_store.is_stale(archive.conn)
    n = archive.conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    members = archive.conn.execute("SELECT count(DISTINCT article_id) FROM case_articles").fetchone()[0]
    assert n == stats["cases"] and members == stats["articles"]


def test_a_new_annotation_makes_the_cases_stale(archive):
    case_store.rebuild(archive)
    aid, data = archive.conn.execute("SELECT article_id, data FROM annotations LIMIT 1").fetchone()
    with archive.transaction():
        archive.conn.execute("UPDATE annotations SET created_at = '2030-01-01T00:00:00+00:00' "
                             "WHERE article_id = ?", (aid,))
    assert case_store.is_stale(archive.conn)


def test_a_change_of_the_stage_code_makes_the_cases_stale(archive, monkeypatch):
    case_store.rebuild(archive)
    monkeypatch.setattr(case_store, "version", lambda: "another-version")
    assert case_store.is_stale(archive.conn)


def test_a_relabelled_cluster_makes_the_cases_stale(archive):
    case_store.rebuild(archive)
    first, second = [r[0] for r in archive.conn.execute("SELECT id FROM articles ORDER BY id LIMIT 2")]
    with archive.transaction():
        archive.conn.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (first, second))
    assert case_store.is_stale(archive.conn)


def test_cases_by_article_and_by_official_agree_with_the_records(archive):
    case_store.rebuild(archive)
    for (case_id,) in archive.conn.execute("SELECT id FROM cases LIMIT 10").fetchall():
        case = case_store.get_case(archive.conn, case_id)
        for article in case.articles:
            assert case_id in {c["id"] for c in case_store.cases_of_article(archive.conn, article)}
        for official in case.subject.official_ids:
            assert case_id in {c["id"] for c in case_store.cases_of_official(archive.conn, official)}


def test_the_command_says_up_to_date_the_second_time(tmp_path):
    path = tmp_path / "archive.sqlite3"
    bulk_archive.fill(path, 40, officials=1)
    run = [sys.executable, "-m", "pantau", "cases", "--archive", str(path)]
    first = subprocess.run(run, capture_output=True, text=True, timeout=300)
    second = subprocess.run(run, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0 and "cases from" in first.stderr, first.stderr
    assert second.returncode == 0 and "up to date" in second.stderr
    with Archive.open(path) as opened:
        stored = json.loads(opened.conn.execute("SELECT value FROM cases_state").fetchone()[0])
    assert stored[0] == case_store.version()


def test_pantau_export_kind_cases_writes_the_cases_with_dictionary_and_manifest(tmp_path):
    import csv

    path = tmp_path / "archive.sqlite3"
    bulk_archive.fill(path, 60, officials=2)
    env = {"PANTAU_DATA_DIR": str(tmp_path)}
    import os

    run = lambda *args: subprocess.run([sys.executable, "-m", "pantau", *args], capture_output=True, text=True,
                                       timeout=300, env={**os.environ, **env})
    assert run("cases").returncode == 0
    out = tmp_path / "out" / "cases.csv"
    done = run("export", "--kind", "cases", "-o", str(out), "--status", "sanctioned")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    with Archive.open(path) as opened:
        expected = {r[0] for r in opened.conn.execute("SELECT id FROM cases WHERE status = 'sanctioned'")}
    assert {r["id"] for r in rows} == expected and rows
    manifest = json.loads((tmp_path / "out" / "cases.manifest.json").read_text())
    assert manifest["kind"] == "cases" and manifest["counts"]["rows"] == len(rows)
    assert manifest["query"] == {"status": ["sanctioned"]}
    fields = [r["field"] for r in csv.DictReader((tmp_path / "out" / "cases.data_dictionary.csv").open())]
    assert fields == list(rows[0].keys())
    bad = run("export", "--kind", "cases", "-o", str(out), "--stage", "found")
    assert bad.returncode == 2 and "unknown stage found" in bad.stderr
