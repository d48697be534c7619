"""Every command given a bad option value exits 2 with the reason on stderr, never a
traceback (issue 11, item 4). Each case runs the real ``pantau`` in a subprocess."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pantau.cli import COMMANDS

# command -> bad invocations (arguments after the command name) and a word of the reason
CASES: list = [
    ("status", ["--archive", "/proc/no/such/dir/a.sqlite3"], "archive"),
    ("status", ["--json=maybe"], "json"),
    ("sample-site", ["--port", "http"], "port"),
    ("sample-site", ["--port", "99999"], "port"),
    ("extract", ["{input}", "-o", "{out}", "--batch-size", "0"], "batch-size"),
    ("extract", ["{tmp}/missing.jsonl", "-o", "{out}"], "missing.jsonl"),
    ("crawl", ["--politeness", "sometimes"], "politeness"),
    ("crawl", ["--since", "kemarin"], "since"),
    ("crawl", ["--max-pages", "0"], "max-pages"),
    ("crawl", ["--set", "NOEQUALS"], "NAME=VALUE"),
    ("crawl", ["no-such-source"], "no-such-source"),
    ("sources", ["--days", "0"], "days"),
    ("sources", ["--timeout", "soon"], "timeout"),
    ("sources", ["--sources-file", "{tmp}/missing.toml"], "missing.toml"),
    ("sources", ["--probe", "ftp://example.org/"], "probe"),
    ("sources", ["--write"], "--write"),
    ("sources", ["--markdown"], "--markdown"),
    ("sources", ["--check", "--coverage"], "choose one"),
    ("sources", ["--check", "no-such-source"], "no-such-source"),
    ("sources", ["kabarpantura"], "--check"),
    ("analyze", ["--batch-size", "-1"], "batch-size"),
    ("analyze", ["--limit", "many"], "limit"),
    ("reparse", ["--source", "no-such-source"], "no-such-source"),
    ("parse", ["{input}", "-o", "{out}", "--source", "no-such-source"], "no-such-source"),
    ("parse", ["{input}"], "-o"),
    ("index", ["--backend", "lucene"], "lucene"),
    ("serve", ["--port", "-5"], "port"),
    ("serve", ["--log-level", "loud"], "loud"),
    ("export", ["-o", "{out}", "-f", "xml"], "xml"),
    ("export", ["-o", "{out}", "--from", "kemarin"], "date_from"),
    ("export", ["-o", "{out}", "--region", "99.99.99.99.99.99"], "region"),
    ("officials", ["--archive", "/proc/no/such/dir/a.sqlite3"], "archive"),
    ("cases", ["--archive", "/proc/no/such/dir/a.sqlite3"], "archive"),
    ("cases", ["--evaluate", "{tmp}/missing.jsonl"], "missing.jsonl"),
    ("demo", ["--port", "70000"], "port"),
]


def _values(case) -> tuple:
    return tuple(case.values) if hasattr(case, "values") else case


def test_every_command_has_a_case():
    assert {_values(c)[0] for c in CASES} == set(COMMANDS)


@pytest.mark.parametrize("command,args,reason", CASES,
                         ids=[f"{_values(c)[0]}:{' '.join(_values(c)[1])}" for c in CASES])
def test_bad_option_value_exits_2_with_the_reason(command, args, reason, tmp_path, cli_env):
    good = tmp_path / "in.jsonl"
    good.write_text('{"id": "1", "text": "Camat hadir dalam kampanye."}\n', encoding="utf-8")
    args = [a.format(tmp=tmp_path, input=good, out=tmp_path / "out.jsonl") for a in args]
    proc = subprocess.run([sys.executable, "-m", "pantau", command, *args], env={**cli_env, "COLUMNS": "200"},
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-3000:])
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert reason.lower() in proc.stderr.lower(), proc.stderr[-3000:]
    assert not (tmp_path / "out.jsonl").exists()
