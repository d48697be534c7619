"""Crawl tests' tools: the sample site served in this process with a request log, and
``pantau crawl`` run in a subprocess (Scrapy's reactor starts once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from sample_site.server import base_url, make_server

REPO = Path(__file__).resolve().parents[2]


class LoggedSite:
    """The sample server in a thread; ``paths`` lists every request path (and query)."""

    def __init__(self) -> None:
        self.server = make_server()
        self.paths: list[str] = []
        self.delay = 0.0
        site = self
        parent = self.server.RequestHandlerClass

        class Handler(parent):
            def _respond(self, head: bool) -> None:
                site.paths.append(self.path)
                if site.delay:
                    time.sleep(site.delay)
                super()._respond(head)

        self.server.RequestHandlerClass = Handler
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = base_url(self.server)

    def reset(self) -> None:
        """Forget the request log and re-arm the flaky URL."""
        self.paths.clear()
        self.server.app.reset()

    def requested(self, fragment: str) -> list[str]:
        return [p for p in self.paths if fragment in p]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def crawl_command(site: LoggedSite, data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pantau.cli", "crawl", "--sample-url", site.url, "--politeness", "off",
            "--json", *args]


def crawl_env(data_dir: Path) -> dict:
    return {**os.environ, "PANTAU_DATA_DIR": str(data_dir), "COLUMNS": "200"}


def run_crawl(site: LoggedSite, data_dir: Path, *args: str) -> dict:
    """Run ``pantau crawl`` to the end; return its JSON summary."""
    result = subprocess.run(crawl_command(site, data_dir, *args), env=crawl_env(data_dir), cwd=REPO,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout)


def start_crawl(site: LoggedSite, data_dir: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(crawl_command(site, data_dir, *args), env=crawl_env(data_dir), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
