"""Crawl benchmark: pages/s of a whole crawl of the four sample sites with politeness off,
and median/p95 parse time per article page.

    .venv/bin/python benchmarks/crawl.py [--repeat 3]

The sample server runs in this process; each crawl is ``pantau crawl`` in a subprocess
(Scrapy's reactor starts once per process) into a fresh data directory. "pages/s" is the
number of responses divided by the crawl's own elapsed time (Scrapy's stats, the slowest
source; process start-up excluded, reported separately).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def crawl_once(base_url: str, data_dir: Path) -> dict:
    env = {**os.environ, "PANTAU_DATA_DIR": str(data_dir)}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = resource.getrusage(resource.RUSAGE_SELF)  # the sample server's threads
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pantau.cli", "crawl", "--sample-url", base_url,
                             "--politeness", "off", "--json"], env=env, capture_output=True, text=True,
                            timeout=600, cwd=REPO)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    server_after = resource.getrusage(resource.RUSAGE_SELF)
    server = (server_after.ru_utime - server_before.ru_utime) + (server_after.ru_stime - server_before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed:\n{result.stderr[-3000:]}")
    summary = json.loads(result.stdout)
    seconds = max(s["seconds"] for s in summary["sources"].values())
    return {"pages": summary["total"]["pages"], "articles": summary["total"]["articles"],
            "crawl_seconds": seconds, "wall_seconds": wall, "cpu_seconds": cpu, "server_cpu_seconds": server}


def parse_times(data_dir: Path) -> list[float]:
    """Seconds to parse each captured article page (one page at a time)."""
    from crawler.parse_bridge import parse_article
    from pantau.store import Archive

    times = []
    with Archive.open(data_dir / "archive.sqlite3") as archive:
        ids = [r[0] for r in archive.conn.execute(
            "SELECT capture_id FROM crawl_urls WHERE capture_id IS NOT NULL GROUP BY capture_id")]
        sources = {s.id: s for s in archive.list_sources()}
        for capture_id in ids:
            capture = archive.get_capture(capture_id)
            started = time.perf_counter()
            parse_article([capture], sources[capture.source_id])
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Crawls to run (the median is reported).")
    args = parser.parse_args()

    from sample_site.server import start_server

    server, _, base_url = start_server()
    runs = []
    try:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
                server.app.reset()
                run = crawl_once(base_url, Path(tmp))
                run["rate"] = run["pages"] / run["crawl_seconds"]
                runs.append(run)
                print(f"crawl: {run['pages']} pages, {run['articles']} articles in {run['crawl_seconds']:.2f} s "
                      f"({run['rate']:.1f} pages/s; {run['wall_seconds']:.2f} s with process start-up, "
                      f"CPU-s: crawl process {run['cpu_seconds']:.2f}, sample server {run['server_cpu_seconds']:.2f}; "
                      f"load {os.getloadavg()[0]:.1f})")
                last_dir_times = parse_times(Path(tmp)) if len(runs) == args.repeat else None
    finally:
        server.shutdown()
        server.server_close()
    rates = sorted(r["rate"] for r in runs)
    print(f"pages/s (median of {len(runs)}): {statistics.median(rates):.1f}  "
          f"(min {rates[0]:.1f}, max {rates[-1]:.1f})")
    times = sorted(last_dir_times or [])
    if times:
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"parse time per article page over {len(times)} pages: median {statistics.median(times) * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
