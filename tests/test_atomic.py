"""pantau.atomic: files that appear whole, alone or together."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pantau import atomic
from pantau.atomic import AtomicFiles, leftovers, partial_path, recover


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_group_appears_together_and_leaves_nothing(tmp_path):
    a, b = tmp_path / "data.csv", tmp_path / "data.manifest.json"
    with AtomicFiles([a, b]) as files:
        files.write_bytes(a, b"x,y\r\n")
        files.write_bytes(b, b"{}")
        assert not a.exists() and not b.exists()
    assert a.read_bytes() == b"x,y\r\n" and b.read_bytes() == b"{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv", "data.manifest.json"]


def test_a_failure_keeps_the_old_files_and_removes_the_parts(tmp_path):
    a = tmp_path / "data.csv"
    a.write_bytes(b"old")
    with pytest.raises(RuntimeError), AtomicFiles([a]) as files:
        files.write_bytes(a, b"new, half")
        raise RuntimeError("disk full")
    assert a.read_bytes() == b"old" and list(tmp_path.iterdir()) == [a]


def test_commit_refuses_a_group_with_a_file_never_written(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    files = AtomicFiles([a, b])
    files.write_bytes(a, b"1")
    with pytest.raises(FileNotFoundError):
        files.commit()
    assert not a.exists()


def test_recover_rolls_a_journal_of_a_killed_commit_forward(tmp_path):
    """Killed between two renames: the journal is whole, so the next run finishes them."""
    pid = dead_pid()
    a, b = tmp_path / "data.csv", tmp_path / "data.manifest.json"
    a.write_bytes(b"old data")
    b.write_bytes(b"old manifest")
    part_a, part_b = partial_path(a, pid), partial_path(b, pid)
    part_b.write_bytes(b"new manifest")
    a.write_bytes(b"new data")  # the first rename was done
    journal = tmp_path / f".data.csv.{atomic.JOURNAL}-{pid}"
    journal.write_text(json.dumps({"renames": [[part_a.name, a.name, str(tmp_path)],
                                               [part_b.name, b.name, str(tmp_path)]]}))
    assert {item["kind"] for item in leftovers(tmp_path)} == {"journal", "partial"}
    recover(tmp_path)
    assert a.read_bytes() == b"new data" and b.read_bytes() == b"new manifest"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv", "data.manifest.json"]


def test_recover_leaves_the_parts_of_running_processes(tmp_path):
    mine = partial_path(tmp_path / "x.csv")
    mine.write_bytes(b"busy")
    gone = partial_path(tmp_path / "y.csv", dead_pid())
    gone.write_bytes(b"dead")
    recover(tmp_path)
    assert mine.exists() and not gone.exists()


def test_leftovers_ignore_ordinary_files(tmp_path):
    (tmp_path / "data.csv").write_text("a")
    (tmp_path / ".hidden").write_text("b")
    assert leftovers(tmp_path) == [] and os.path.exists(tmp_path / ".hidden")
