"""Load benchmark of the API: ``pantau serve`` as a real process, driven by ``wrk``.

    .venv/bin/python benchmarks/load.py                          # 100,000 articles in a temporary directory
    .venv/bin/python benchmarks/load.py --dir /tmp/load100k      # keep the archive; reused when present
    .venv/bin/python benchmarks/load.py --dir /tmp/load100k --checkout /tmp/before   # serve another checkout

Needs Debian's ``wrk`` (``apt-get install -y wrk``). The archive and its tantivy index are
benchmarks/export.py's ``build()`` (synthetic articles written through the archive store).
``pantau serve`` runs as a subprocess (``--workers`` when given; the code of ``--checkout``,
so the commit before a change can be measured on the same archive in the same run), then:

1. **mix**: ``wrk`` (``--connections``, two threads) for ``--duration`` seconds over a shuffled
   list of ``--urls`` distinct URLs, each request from the next URL of the list: searches with
   text, filters, facets and sorts (35 %), article pages of random articles (25 %), timelines
   (10 %), the region tree with filters (10 %) and one region (5 %), a small CSV export (5 %),
   sources and taxonomy (10 %); every request says ``Accept-Encoding: gzip``.
2. **conditional**: the same for ``--conditional-duration`` seconds, each request with the
   ``If-None-Match`` of an answer fetched before (only URLs whose answer has an ``ETag``).

``--swaps N`` runs ``pantau index`` N times, one after another, from 5 s into the mix: each
build swaps a new index in under the running server (and makes every answer new), so the
mix's errors and latencies include the swaps; the report gives each build's start and end
within the run.

The answers the workers share (``answer-cache`` under the archive directory) are removed
before the server starts, so every run begins as after a rebuild: each distinct answer is
computed once during the run (``--warm`` keeps them from the previous run).

Printed as JSON: requests/s, latency p50/p95/p99 (ms), errors (socket errors, timeouts and
answers other than 2xx/304), answers by status; for the conditional run the share of 304s;
the load average before and after. No assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

TEXT_QUERIES = ["netralitas", "camat", "kepala desa", '"kepala desa" baliho', "mobil dinas",
                "sembako OR bansos", "pelanggaran netralitas asn", "bawaslu rekomendasi",
                "media sosial", "lurah -kampanye", '"tim kampanye"', "guru pppk", "foto", "sekda",
                "pj bupati", "apel netralitas", "kades", "melanggar", "klarifikasi"]
VIOLATIONS = ["social_media", "campaign_attendance", "partisan_photo", "campaign_material",
              "vote_buying", "partisan_decision"]
DOC_TYPES = ["incident", "prevention", "statistics", "regulation", "other"]
PROVINCES = ["11", "12", "13", "31", "32", "33", "34", "35", "36", "51", "52", "61", "64", "73"]
REGENCIES = ["33.25", "33.29", "33.74", "35.07", "35.78", "32.73", "31.74", "34.71", "51.71", "73.71"]

LUA = r"""
local paths, etags, counter = {}, {}, 0
statuses = {}
cache = {hit = 0, miss = 0}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
threads = {}
function init(args)
  for line in io.lines(args[1]) do
    local path, etag = line:match("^([^\t]*)\t?(.*)$")
    table.insert(paths, path); table.insert(etags, etag)
  end
  math.randomseed(os.time() + tid * 7919)
  counter = math.random(#paths)
end
function request()
  counter = counter % #paths + 1
  local headers = {["Accept-Encoding"] = "gzip"}
  if etags[counter] ~= "" then headers["If-None-Match"] = etags[counter] end
  return wrk.format("GET", paths[counter], headers)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local kept = headers["x-pantau-cache"]
  if kept then cache[kept] = (cache[kept] or 0) + 1 end
end
function done(summary, latency, requests)
  local by_status, hits, misses = {}, 0, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do by_status[tostring(k)] = (by_status[tostring(k)] or 0) + v end
    local c = t:get("cache")
    hits, misses = hits + (c.hit or 0), misses + (c.miss or 0)
  end
  local parts = {}
  for k, v in pairs(by_status) do table.insert(parts, string.format('"%s": %d', k, v)) end
  local e = summary.errors
  io.write(string.format('LOADJSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"answer_cache_hits": %d, "answer_cache_misses": %d, "statuses": {%s}}\n', summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status,
    e.timeout, hits, misses, table.concat(parts, ", ")))
end
"""


# -- the archive -------------------------------------------------------------------------

def ensure_archive(workdir: Path, size: int) -> None:
    if (workdir / "search-index" / "current").exists() and (workdir / "archive.sqlite3").exists():
        return
    from export import build

    print(f"building a {size:,}-article archive in {workdir} ...", file=sys.stderr, flush=True)
    print(json.dumps({"build": build(workdir, size)}), flush=True)


def article_ids(workdir: Path, n: int, rng: random.Random) -> list[str]:
    conn = sqlite3.connect(f"file:{workdir / 'archive.sqlite3'}?mode=ro", uri=True)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    finally:
        conn.close()
    return rng.sample(ids, min(n, len(ids)))


# -- the mix -----------------------------------------------------------------------------

def _filters(rng: random.Random) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if rng.random() < 0.4:
        out.append(("region", rng.choice(PROVINCES + REGENCIES)))
    if rng.random() < 0.3:
        out.append(("violation_type", rng.choice(VIOLATIONS)))
    if rng.random() < 0.3:
        out.append(("doc_type", rng.choice(DOC_TYPES)))
    if rng.random() < 0.2:
        year = rng.choice((2023, 2024))
        month = rng.randrange(1, 12)
        out += [("date_from", f"{year}-{month:02d}-01"), ("date_to", f"{year}-{month + 1:02d}-01")]
    if rng.random() < 0.1:
        out.append(("source_type", rng.choice(("news", "bawaslu"))))
    return out


def _url(path: str, params: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def search_url(rng: random.Random) -> str:
    params = [("q", rng.choice(TEXT_QUERIES))] if rng.random() < 0.6 else []
    params += _filters(rng)
    for facet in ("province", "violation_type", "doc_type", "month", "source"):
        if rng.random() < 0.35:
            params.append(("facets", facet))
    if rng.random() < 0.3:
        params.append(("sort", rng.choice(("newest", "oldest"))))
    if rng.random() < 0.2:
        params.append(("limit", str(rng.choice((10, 50, 100)))))
    return _url("/v1/articles", params)


def mix(n: int, ids: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """``n`` distinct (kind, URL) pairs in the proportions of the module's docstring, shuffled."""
    makers = [
        (35, "search", lambda: search_url(rng)),
        (25, "article", lambda: f"/v1/articles/{ids.pop()}"),
        (10, "timeline", lambda: _url("/v1/stats/timeline", [
            p for p in _filters(rng) if p[0] != "date_from" and p[0] != "date_to"]
            + [("interval", rng.choice(("week", "month")))]
            + ([("split", rng.choice(("violation_type", "province")))] if rng.random() < 0.3 else []))),
        (10, "regions", lambda: _url("/v1/regions", [p for p in _filters(rng) if p[0] != "region"]
                                     + ([("include_empty", "false")] if rng.random() < 0.5 else []))),
        (5, "region", lambda: _url(f"/v1/regions/{rng.choice(PROVINCES + REGENCIES)}",
                                   [p for p in _filters(rng) if p[0] != "region"])),
        (5, "export", lambda: _url("/v1/export", [
            ("format", "csv"), ("layout", "raw"), ("source", f"src{rng.randrange(100, 200):03d}"),
            ("date_from", "2024-01-01"), ("date_to", "2024-01-31")])),
        (5, "sources", lambda: "/v1/sources" + rng.choice(("", "?format=csv"))),
        (5, "taxonomy", lambda: "/v1/taxonomy" + rng.choice(("", "?format=csv"))),
    ]
    total = sum(w for w, _, _ in makers)
    out, seen = [], set()
    for weight, kind, make in makers:
        want, tries = round(n * weight / total), 0
        while want and tries < want * 20:
            tries += 1
            url = make()
            if (kind, url) not in seen:
                seen.add((kind, url))
                out.append((kind, url))
                want -= 1
    # the few distinct sources/taxonomy URLs repeat: fill their share with repeats
    for kind, url in list(out):
        if kind in ("sources", "taxonomy"):
            out += [(kind, url)] * (round(n * 5 / total) // 2)
    rng.shuffle(out)
    return out


# -- the server --------------------------------------------------------------------------

def start_server(checkout: Path, workdir: Path, port: int, workers: int | None) -> subprocess.Popen:
    env = {**os.environ, "PANTAU_DATA_DIR": str(workdir), "PYTHONPATH": str(checkout),
           "PANTAU_API_REBUILD_OFFICIALS_ON_START": "false"}
    command = [sys.executable, "-m", "pantau", "serve", "--port", str(port), "--log-level", "warning"]
    if workers:
        command += ["--workers", str(workers)]
    proc = subprocess.Popen(command, cwd=checkout, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"pantau serve exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise SystemExit("pantau serve did not answer in 300 s")


def check_urls(base: str, urls: list[tuple[str, str]]) -> dict:
    """Fetch one URL of each kind (and time it): the mix must answer 200 before it is timed."""
    out = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for kind in dict.fromkeys(k for k, _ in urls):
            url = next(u for k, u in urls if k == kind)
            start = time.perf_counter()
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} -> {response.status_code}: {response.text[:300]}")
            out[kind] = round((time.perf_counter() - start) * 1000, 1)
    return out


def etags(base: str, urls: list[str]) -> list[tuple[str, str]]:
    out = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for url in urls:
            etag = client.get(url).headers.get("etag")
            if etag:
                out.append((url, etag))
    return out


def run_wrk(base: str, lines: list[str], seconds: int, connections: int, workdir: Path) -> dict:
    script, paths = workdir / "load.lua", workdir / "load-paths.tsv"
    script.write_text(LUA)
    paths.write_text("\n".join(lines) + "\n")
    done = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
                           "-s", str(script), base, "--", str(paths)],
                          capture_output=True, text=True, check=True)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("LOADJSON "))
    raw = json.loads(line.removeprefix("LOADJSON "))
    seconds_run = raw["duration_us"] / 1e6
    bad = sum(n for s, n in raw["statuses"].items() if not (s.startswith("2") or s == "304"))
    return {"requests": raw["requests"], "req_per_s": round(raw["requests"] / seconds_run, 1),
            "p50_ms": raw["p50_us"] / 1000, "p95_ms": raw["p95_us"] / 1000,
            "p99_ms": raw["p99_us"] / 1000, "max_ms": raw["max_us"] / 1000,
            "errors": bad + raw["connect"] + raw["read"] + raw["write"] + raw["timeout"],
            "socket_errors": {k: raw[k] for k in ("connect", "read", "write", "timeout")},
            "statuses": raw["statuses"],
            "answer_cache": {"hits": raw["answer_cache_hits"], "misses": raw["answer_cache_misses"]}}


def swap_indexes(checkout: Path, workdir: Path, n: int, delay: float, out: list) -> threading.Thread:
    """Run ``pantau index`` ``n`` times from ``delay`` seconds on, in a thread; each run's
    start and end (seconds since the call) and exit code are appended to ``out``."""
    env = {**os.environ, "PANTAU_DATA_DIR": str(workdir), "PYTHONPATH": str(checkout)}
    began = time.monotonic()

    def run() -> None:
        time.sleep(delay)
        for _ in range(n):
            start = time.monotonic() - began
            done = subprocess.run([sys.executable, "-m", "pantau", "index"], cwd=checkout, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out.append({"start_s": round(start, 1), "end_s": round(time.monotonic() - began, 1),
                        "exit": done.returncode})

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="archive directory (built when missing; default: temporary)")
    parser.add_argument("--size", type=int, default=100_000, help="articles of a new archive")
    parser.add_argument("--checkout", type=Path, default=REPO, help="the checkout whose pantau serve runs")
    parser.add_argument("--workers", type=int, help="pantau serve --workers (default: its own default)")
    parser.add_argument("--duration", type=int, default=60, help="seconds of the mix")
    parser.add_argument("--conditional-duration", type=int, default=30, help="seconds of conditional requests")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--urls", type=int, default=5000, help="distinct URLs of the mix")
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--warm", action="store_true", help="keep the answers of the previous run")
    parser.add_argument("--swaps", type=int, default=0, help="pantau index builds swapped in during the mix")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install -y wrk")
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="pantau-load-"))
    ensure_archive(workdir, args.size)
    rng = random.Random(11)
    urls = mix(args.urls, article_ids(workdir, args.urls, rng), rng)
    base = f"http://127.0.0.1:{args.port}"
    report: dict = {"checkout": str(args.checkout), "workers": args.workers, "urls": len(urls),
                    "connections": args.connections,
                    "load_average_before": Path("/proc/loadavg").read_text().split()[:3]}
    if not args.warm:
        shutil.rmtree(workdir / "answer-cache", ignore_errors=True)
    report["warm"] = args.warm
    proc = start_server(args.checkout, workdir, args.port, args.workers)
    try:
        report["first_request_ms"] = check_urls(base, urls)
        swaps: list = []
        swapper = swap_indexes(args.checkout, workdir, args.swaps, 5.0, swaps) if args.swaps else None
        report["mix"] = run_wrk(base, [u for _, u in urls], args.duration, args.connections, workdir)
        if swapper is not None:
            swapper.join()
            report["mix"]["swaps"] = swaps
        print(json.dumps({"mix": report["mix"]}), flush=True)
        if args.conditional_duration:
            cacheable = etags(base, list(dict.fromkeys(u for k, u in urls if k != "export"))[:2000])
            report["conditional_urls"] = len(cacheable)
            if cacheable:
                report["conditional"] = run_wrk(base, [f"{u}\t{e}" for u, e in cacheable],
                                                args.conditional_duration, args.connections, workdir)
                statuses = report["conditional"]["statuses"]
                report["conditional"]["share_304"] = round(
                    statuses.get("304", 0) / max(report["conditional"]["requests"], 1), 3)
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    report["load_average_after"] = Path("/proc/loadavg").read_text().split()[:3]
    if args.dir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
