"""Page render time of the web pages at 100k articles: ``pantau serve`` as a real process,
one client asking one page at a time, every address different (pages are not cached).

    .venv/bin/python benchmarks/web.py                         # 100,000 articles in a temporary directory
    .venv/bin/python benchmarks/web.py --dir /tmp/web100k      # keep the archive; reused when present

The archive and its tantivy index are benchmarks/export.py's ``build()`` (synthetic
articles through the archive store), as in benchmarks/load.py. Two kinds of page:

- **search**: ``/`` with text (benchmarks/load.py's queries) or none, zero to three filters
  (a province, a violation type, a year), so every page computes its facets (province,
  violation type, document type, source, month; kabupaten/kota when a province is chosen),
  20 hits with snippets, chips, and renders them;
- **timeline**: ``/timeline`` with text or none, a filter or none, monthly or weekly, split by
  violation type or province or not: the backend's timeline, the SVG chart and the table.

Printed as JSON: p50/p95/p99 and mean (ms, wall time at the client, over localhost) per kind,
statuses, the load average before and after. Aim: p95 <= 100 ms for the search page. No
assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from load import PROVINCES, TEXT_QUERIES, VIOLATIONS, ensure_archive  # noqa: E402


def search_url(rng: random.Random) -> str:
    params: list[tuple[str, str]] = []
    if rng.random() < 0.8:
        params.append(("q", rng.choice(TEXT_QUERIES)))
    if rng.random() < 0.5:
        params.append(("region", rng.choice(PROVINCES)))
    if rng.random() < 0.4:
        params.append(("violation_type", rng.choice(VIOLATIONS)))
    if rng.random() < 0.3:
        year = rng.choice((2023, 2024))
        params += [("date_from", f"{year}-01-01"), ("date_to", f"{year}-12-31")]
    if rng.random() < 0.2:
        params.append(("sort", "newest"))
    return "/?" + urlencode(params) if params else "/"


def timeline_url(rng: random.Random) -> str:
    params: list[tuple[str, str]] = []
    if rng.random() < 0.7:
        params.append(("q", rng.choice(TEXT_QUERIES)))
    if rng.random() < 0.4:
        params.append(("region", rng.choice(PROVINCES)))
    params.append(("interval", rng.choice(("month", "month", "week"))))
    split = rng.choice(("violation_type", "province", None))
    if split:
        params.append(("split", split))
    return "/timeline?" + urlencode(params)


def distinct(make, rng: random.Random, n: int) -> list[str]:
    seen: dict[str, None] = {}
    for _ in range(n * 50):
        seen.setdefault(make(rng), None)
        if len(seen) == n:
            break
    return list(seen)


def start(workdir: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PANTAU_DATA_DIR": str(workdir)}
    proc = subprocess.Popen([sys.executable, "-m", "pantau", "serve", "--port", str(port), "--workers",
                             "1", "--log-level", "warning"], env=env, cwd=REPO)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("pantau serve did not start")


def measure(client: httpx.Client, urls: list[str], warm: int) -> dict:
    statuses: dict[int, int] = {}
    for url in urls[:warm]:
        client.get(url)
    times = []
    for url in urls[warm:]:
        started = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
    q = statistics.quantiles(times, n=100)
    return {"pages": len(times), "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1), "mean_ms": round(statistics.fmean(times), 1),
            "statuses": statuses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=300, help="measured pages per kind")
    parser.add_argument("--dir", type=Path, help="where to keep the archive (default: a temporary directory)")
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args()
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="pantau-web-"))
    ensure_archive(workdir, args.size)
    rng = random.Random(5)
    warm = 20
    kinds = {"search": distinct(search_url, rng, args.pages + warm),
             "timeline": distinct(timeline_url, rng, args.pages + warm)}
    report = {"size": args.size, "load_before": os.getloadavg()[0]}
    server = start(workdir, args.port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=60) as client:
            for name, urls in kinds.items():
                report[name] = measure(client, urls, warm)
    finally:
        server.terminate()
        server.wait(10)
        if args.dir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    report["load_after"] = os.getloadavg()[0]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
