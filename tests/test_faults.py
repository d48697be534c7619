"""Faults of whole stages, in real processes: a SIGKILL at any moment leaves the previous
complete result or the new one, never a partial file that looks whole, and the next run
removes what the killed one left (issue 18; the service issue's fault suite grows from here).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import bulk_archive

KILLS = 3


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory) -> Path:
    """An archive of 3,000 articles, its registry and its index (built once, copied per test)."""
    base = tmp_path_factory.mktemp("faults") / "data"
    bulk_archive.fill(base / "archive.sqlite3", 3000)
    for stage in ("officials", "index"):
        assert pantau(base, stage).returncode == 0
    return base


@pytest.fixture
def data(big_archive, tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(big_archive, target)
    return target


def env(data_dir: Path) -> dict:
    return {**os.environ, "PANTAU_DATA_DIR": str(data_dir), "COLUMNS": "200"}


def pantau(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "pantau.cli", *args], env=env(data_dir),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def kill_when(data_dir: Path, args: list[str], ready, timeout: float = 120) -> bool:
    """Start ``pantau *args``, SIGKILL it as soon as ``ready()`` is true; True if it was
    killed while running (False: it finished first)."""
    proc = subprocess.Popen([sys.executable, "-m", "pantau.cli", *args], env=env(data_dir),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline and not ready():
        time.sleep(0.002)
    alive = proc.poll() is None
    if alive:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return alive


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def partials(directory: Path) -> list[Path]:
    if not directory.exists():
        return []
    return [p for p in directory.iterdir() if "pantau-partial" in p.name or "pantau-commit" in p.name]


def growing(directory: Path):
    """True once a temporary export file has some bytes in it (the kill lands mid-write)."""
    return lambda: any(p.is_file() and p.stat().st_size > 0 for p in partials(directory))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["data.csv", "data.jsonl", "data.parquet", "bundle.zip"])
def test_killed_export_leaves_the_previous_export_untouched(data, tmp_path, name):
    out = tmp_path / "out"
    target = out / name
    fmt = name.split(".")[1] if not name.endswith(".zip") else "csv"
    args = ["export", "-f", fmt, "-o", str(target)]
    pantau(data, *args)
    files = sorted(p for p in out.iterdir())
    before = {p.name: sha(p) for p in files}
    assert len(before) == (1 if name.endswith(".zip") else 3)

    killed = sum(kill_when(data, args, growing(out)) for _ in range(KILLS))
    assert killed >= 1, "the export always finished before it could be killed"
    assert {p.name: sha(p) for p in out.iterdir() if not p.name.startswith(".")} == before
    assert all(p.name.startswith(".") for p in partials(out))  # hidden, named for what they are

    pantau(data, *args)
    assert partials(out) == []  # the next run removed what the killed runs left
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


@pytest.mark.slow
def test_killed_export_over_nothing_leaves_no_data_file(data, tmp_path):
    out = tmp_path / "fresh"
    args = ["export", "-f", "csv", "-o", str(out / "data.csv")]
    assert kill_when(data, args, growing(out))
    assert not (out / "data.csv").exists()
    assert not (out / "data.manifest.json").exists()


def index_leftovers(data_dir: Path) -> list[Path]:
    """Partial builds in the data directory or the index directory."""
    return partials(data_dir) + partials(data_dir / "search-index")


def test_index_removes_the_sqlite_index_of_earlier_versions_and_its_build_files(data):
    for name in ("search.sqlite3", "search.sqlite3.building-4242-1", "search.sqlite3-wal"):
        (data / name).write_bytes(b"old")
    pantau(data, "index")
    assert not list(data.glob("search.sqlite3*"))


@pytest.mark.slow
def test_killed_index_build_is_reported_and_removed_by_the_next_build(data):
    def building():
        return bool(index_leftovers(data))

    killed = sum(kill_when(data, ["index"], building) for _ in range(2))
    assert killed >= 1
    left = index_leftovers(data)
    assert left, "the kill should have left a build behind"
    status = pantau(data, "status").stdout
    assert "left by a killed run" in status and left[0].name in status

    pantau(data, "index")
    assert index_leftovers(data) == []
    kept = sorted(p.name for p in (data / "search-index").iterdir())
    assert len(kept) == 2 and kept[0] == "current"  # the pointer and one version
    assert "left by a killed run" not in pantau(data, "status").stdout
