"""The OpenAPI document says exactly what the server accepts and returns: schemathesis, with
every check it has, against ``pantau serve`` running as a real process over a small archive.

Run as CI runs it (the CLI, every check, a fixed seed, a bounded number of examples per
operation):

    SCHEMATHESIS_HOOKS=tests.helpers.schemathesis_hooks schemathesis run \
        http://HOST:PORT/openapi.json --checks all -n 20 --seed 1 --generation-database none

The hooks generate the values the patterns cannot describe (codes of the region table,
cursors with their sort, the query language); the document's own examples make one valid
request together (schemathesis's examples phase sends them as one).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("schemathesis")

from tests.helpers.api_archive import fill  # noqa: E402
from tests.helpers.api_server import serve_subprocess  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = 20


def schemathesis_command(base: str, examples: int = EXAMPLES) -> list[str]:
    cli = Path(sys.executable).with_name("schemathesis")
    return [str(cli), "run", f"{base}/openapi.json", "--checks", "all", "-n", str(examples),
            "--seed", "1", "--no-color",
            "--generation-database", "none", "-w", "2", "--request-timeout", "60"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("contract") / "data"
    data.mkdir()
    fill(data)
    with serve_subprocess(data) as base:
        yield base


@pytest.mark.slow
def test_schemathesis_finds_nothing(server, tmp_path):
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.helpers.schemathesis_hooks",
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(schemathesis_command(server), cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-6000:]
    summary = [line for line in report.splitlines() if re.search(r"\d+ generated", line)]
    assert summary and "failed" not in summary[-1], report[-3000:]
