"""``pantau extract``: the file contract; bad lines reported and skipped, or --strict."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pantau.commands.extract import read_items
from pantau.errors import InvalidInput

GOOD = [
    {"id": "x1", "title": "Camat Diperiksa Bawaslu Kota Tegal",
     "text": "TEGAL - Bawaslu Kota Tegal memeriksa seorang camat yang diduga menghadiri kampanye "
             "pasangan calon pada Kamis (10/10/2024).",
     "published": "2024-10-11", "url": "https://contoh.id/a"},
    {"id": 7, "text": "Apel netralitas ASN digelar di Kabupaten Kendal, Senin (7/10/2024)."},
]


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_writes_one_line_per_input(tmp_path, cli_env):
    src = write(tmp_path / "in.jsonl", [json.dumps(o) for o in GOOD])
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pantau", "extract", str(src), "-o", str(out)],
                          capture_output=True, text=True, env=cli_env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["x1", "7"]
    for row in rows:
        assert {"doc_type", "violation_types", "regions", "officials", "dates",
                "pipeline_version", "evidence"} <= set(row)
    assert rows[0]["dates"] == ["2024-10-10"]
    assert rows[1]["dates"] == ["2024-10-07"]
    assert "2 articles written" in proc.stderr


def run_extract(src, out, env, *extra):
    return subprocess.run([sys.executable, "-m", "pantau", "extract", str(src), "-o", str(out), *extra],
                          capture_output=True, text=True, env=env, timeout=300)


def bad_input(tmp_path):
    """Good lines 1, 7 and 9 among every kind of bad line (issue 11, item 4)."""
    big = json.dumps({"id": "big", "text": "Camat hadir. " * 400_000})  # 5.2 MB
    lines = [json.dumps(GOOD[0]).encode(),                              # 1 good
             b"{not json",                                              # 2 invalid JSON
             json.dumps({"id": "z"}).encode(),                          # 3 no text
             json.dumps({"id": "e", "text": "   "}).encode(),           # 4 empty text
             big.encode(),                                              # 5 a 5 MB text
             b'{"id": "l", "text": "Camat \xff hadir"}',                 # 6 not UTF-8
             json.dumps(GOOD[1]).encode(),                              # 7 good
             b"",
             json.dumps({"id": "u", "text": "Camat Tegal hadir dalam kampanye."}).encode()]  # 9 good
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    return src


def test_bad_lines_are_reported_with_their_numbers_and_every_good_line_is_written(tmp_path, cli_env):
    src, out = bad_input(tmp_path), tmp_path / "out.jsonl"
    proc = run_extract(src, out, cli_env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["x1", "7", "u"]
    for number, reason in ((2, "Expecting"), (3, 'no "text"'), (4, 'empty "text"'),
                           (5, '"text" has 5,200,000 characters'), (6, "not UTF-8 (byte 0xff")):
        assert f"in.jsonl:{number}: {reason}" in proc.stderr, (number, proc.stderr)
    assert "in.jsonl:1:" not in proc.stderr and "in.jsonl:7:" not in proc.stderr
    assert "5 bad lines skipped" in " ".join(proc.stderr.split())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_strict_stops_at_the_first_bad_line_and_writes_nothing(tmp_path, cli_env):
    src, out = bad_input(tmp_path), tmp_path / "out.jsonl"
    out.write_text("previous output\n", encoding="utf-8")
    proc = run_extract(src, out, cli_env, "--strict")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "in.jsonl:2:" in " ".join(proc.stderr.split()) and "--strict" in proc.stderr
    assert out.read_text(encoding="utf-8") == "previous output\n"  # untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_bad_lines_are_listed_and_skipped(tmp_path):
    src = write(tmp_path / "in.jsonl", [json.dumps(GOOD[0]), "{not json", "[1, 2]",
                                        json.dumps({"id": "z"}), json.dumps({"text": "tanpa id"}),
                                        "", json.dumps(GOOD[1])])
    items, problems = read_items(src)
    assert [i.id for i in items] == ["x1", "7"]
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["2", "3", "4", "5"]
    assert 'no "text"' in problems[2] and 'no "id"' in problems[3]
    with pytest.raises(InvalidInput, match=r"in\.jsonl:2: "):
        read_items(src, strict=True)


def test_bad_published_date_is_a_bad_line(tmp_path):
    src = write(tmp_path / "in.jsonl", [json.dumps({"id": "1", "text": "x", "published": "kemarin"})])
    with pytest.raises(InvalidInput, match=r"in\.jsonl:1"):
        read_items(src, strict=True)
