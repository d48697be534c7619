"""NLP benchmark: start-up time, articles per second on one core, peak memory.

    .venv/bin/python benchmarks/nlp.py [--articles 2000] [--words 600] [--json]

Start-up is measured in fresh subprocesses (7 by default, with the load average before and
after: other processes on the machine slow it), from process start to ``nlp.pipeline.load()``
returning. Throughput is given per wall-clock second and per CPU second (the latter does not
suffer when other processes share the core). Throughput runs ``nlp.runner.analyze`` on synthetic articles of realistic length
made by recombining the sample site's sentences (names, numbers and dates varied), pinned
to one CPU core; the per-component split comes from running each pipe alone. ``--items
FILE.jsonl`` reads the articles from a file instead (id, title, text, published, url: what
``--save-items`` writes), so that two checkouts can be measured on the very same articles
while the sample site changes. Targets:
start-up < 2 s, >= 100 articles/s, peak memory < 1 GiB. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
FIRST = ["Ahmad", "Siti", "Budi", "Dewi", "Rizky", "Nur", "Agus", "Sri", "Hendra", "Yuni",
         "Fajar", "Lestari", "Bambang", "Ratna", "Dimas", "Wulan", "Eko", "Indah"]
LAST = ["Santoso", "Rahayu", "Saputra", "Lestari", "Wibowo", "Hidayat", "Nugroho", "Pratiwi",
        "Kurniawan", "Susanti", "Setiawan", "Handayani", "Firmansyah", "Maharani"]


def sentences() -> tuple[list[str], list[str]]:
    from sample_site import load_articles

    pool, titles = [], []
    for article in load_articles():
        titles.append(article.title)
        for para in article.body.split("\n\n"):
            pool.extend(s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", para) if s.strip())
    return pool, titles


def vary(sentence: str, rng: random.Random) -> str:
    def day(_m):
        d = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
        if rng.random() < 0.5:
            return f"{DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})"
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    sentence = re.sub(r"\b\d{1,2} (?:%s) \d{4}\b" % "|".join(MONTHS), day, sentence)
    sentence = re.sub(r"\b\d{2,3}\b(?! ?(?:/|Tahun))", lambda m: str(rng.randrange(2, 400)), sentence)
    if rng.random() < 0.3:
        sentence = sentence.replace(",", f", kata {rng.choice(FIRST)} {rng.choice(LAST)},", 1)
    return sentence


def synthetic(n: int, words: int, seed: int = 7) -> list:
    from nlp.runner import Item

    rng = random.Random(seed)
    pool, titles = sentences()
    items = []
    for i in range(n):
        paras, count = [], 0
        while count < words:
            para = " ".join(vary(rng.choice(pool), rng) for _ in range(rng.randint(2, 4)))
            paras.append(para)
            count += len(para.split())
        published = date(2023, 6, 1) + timedelta(days=rng.randrange(600))
        items.append(Item(id=str(i), title=rng.choice(titles), text="\n\n".join(paras),
                          published=published, url=f"https://contoh.id/{i}"))
    return items


def read_items(path: str, n: int) -> list:
    from nlp.runner import Item

    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if len(items) >= n:
                break
            d = json.loads(line)
            items.append(Item(id=d["id"], title=d.get("title"), text=d["text"], url=d.get("url"),
                              published=date.fromisoformat(d["published"]) if d.get("published") else None))
    return items


def save_items(path: str, items: list) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in items:
            fh.write(json.dumps({"id": i.id, "title": i.title, "text": i.text, "url": i.url,
                                 "published": i.published.isoformat() if i.published else None},
                                ensure_ascii=False) + "\n")


def load_average() -> str:
    try:
        with open("/proc/loadavg") as fh:
            return " ".join(fh.read().split()[:3])
    except OSError:
        return "n/a"


def startup(runs: int = 7) -> list[float]:
    code = "from nlp.pipeline import load; load()"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(f"the pipeline does not load:\n{proc.stderr[-2000:]}")
        times.append(time.perf_counter() - t0)
    return times


def per_component(nlp, items, limit: int = 300) -> dict[str, float]:
    """Seconds per component over ``limit`` articles (tokenizer included)."""
    from nlp.runner import make_doc

    t0 = time.perf_counter()
    docs = [make_doc(nlp, item) for item in items[:limit]]
    out = {"tokenizer": time.perf_counter() - t0}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = [proc(doc) for doc in docs]
        out[name] = time.perf_counter() - t0
    return {k: round(v / len(docs) * 1000, 3) for k, v in out.items()}  # ms per article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--startup-runs", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--items", metavar="FILE.jsonl", help="read the articles from this file")
    ap.add_argument("--save-items", metavar="FILE.jsonl", help="write the articles measured")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    load_before = load_average()
    starts = startup(args.startup_runs)
    load_after = load_average()
    from nlp.pipeline import PIPELINE_VERSION, load
    from nlp.runner import analyze

    nlp = load()
    items = read_items(args.items, args.articles) if args.items else synthetic(args.articles, args.words)
    if args.save_items:
        save_items(args.save_items, items)
    mean_words = statistics.mean(len(i.text.split()) for i in items)
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(1 for _ in analyze(items, batch_size=args.batch_size, nlp=nlp))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    split = per_component(nlp, items)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "pipeline_version": PIPELINE_VERSION,
        "components": nlp.pipe_names,
        "startup_s": {"min": round(min(starts), 2), "median": round(statistics.median(starts), 2),
                      "runs": len(starts), "load_average": [load_before, load_after]},
        "articles": n, "mean_words": round(mean_words), "seconds": round(elapsed, 2),
        "articles_per_s": round(n / elapsed, 1),
        "articles_per_cpu_s": round(n / cpu, 1),  # robust to other load on the machine
        "ms_per_article_by_component": split,
        "peak_memory_mib": round(peak_mib),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    mark = lambda ok: "ok" if ok else "BELOW TARGET"  # noqa: E731
    print(f"pipeline        {PIPELINE_VERSION}: {', '.join(nlp.pipe_names)}")
    print(f"start-up        {figures['startup_s']['median']:.2f} s median of {len(starts)} "
          f"(min {figures['startup_s']['min']:.2f}; target < 2 s) "
          f"{mark(figures['startup_s']['median'] < 2)}; load average {load_before} -> {load_after}")
    print(f"throughput      {figures['articles_per_s']:.1f} articles/s on one core "
          f"({n} articles, ~{figures['mean_words']} words, {elapsed:.1f} s; target >= 100) "
          f"{mark(figures['articles_per_s'] >= 100)}")
    print(f"                {figures['articles_per_cpu_s']:.1f} articles per CPU-second "
          f"(unaffected by other processes sharing the core)")
    print(f"peak memory     {peak_mib:.0f} MiB (target < 1024) {mark(peak_mib < 1024)}")
    print("ms per article  " + ", ".join(f"{k} {v:.2f}" for k, v in split.items()))


if __name__ == "__main__":
    main()
