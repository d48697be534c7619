"""``pantau extract``: the file contract, bad lines, --skip-errors."""

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


def test_bad_line_names_its_number(tmp_path, cli_env):
    src = write(tmp_path / "in.jsonl", [json.dumps(GOOD[0]), "{not json", json.dumps({"id": "z"})])
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pantau", "extract", str(src), "-o", str(out)],
                          capture_output=True, text=True, env=cli_env, timeout=120)
    assert proc.returncode == 2
    assert "in.jsonl:2" in proc.stderr and "--skip-errors" in proc.stderr
    assert not out.exists()


def test_skip_errors_reports_and_skips(tmp_path):
    src = write(tmp_path / "in.jsonl", [json.dumps(GOOD[0]), "{not json", "[1, 2]",
                                        json.dumps({"id": "z"}), json.dumps({"text": "tanpa id"}),
                                        "", json.dumps(GOOD[1])])
    items, problems = read_items(src, skip_errors=True)
    assert [i.id for i in items] == ["x1", "7"]
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["2", "3", "4", "5"]
    assert 'no "text"' in problems[2] and 'no "id"' in problems[3]
    with pytest.raises(InvalidInput, match=r"in\.jsonl:2: "):
        read_items(src, skip_errors=False)


def test_bad_published_date_is_a_bad_line(tmp_path):
    src = write(tmp_path / "in.jsonl", [json.dumps({"id": "1", "text": "x", "published": "kemarin"})])
    with pytest.raises(InvalidInput, match=r"in\.jsonl:1"):
        read_items(src, skip_errors=False)
