"""Search benchmark for the embedded backend (tantivy): index build rate, query latency, export.

    .venv/bin/python benchmarks/search.py                    # 100,000 documents
    .venv/bin/python benchmarks/search.py --size 1000000     # takes a while
    .venv/bin/python benchmarks/search.py --dir /tmp/bench --reuse   # query an existing index

Documents are generated directly as IndexDocuments (no archive, no NLP): 400-600 words of
sentences recombined from the bundled sample site's articles (our own writing), with names,
numbers and places varied from a long tail of generated names, so the vocabulary grows the
way a news corpus does. Facets follow skewed distributions: Zipf over provinces, kabupaten
and sources, a few violation types per incident, more documents in the campaign months of
2023-2024. Prints the build rate (generation time excluded; also per CPU second, which does not
suffer when other processes share the cores), p50/p95/p99 latency per query kind (wall
clock, and CPU time of the querying thread) and the time and peak memory of iterating every id for an export. Aims: >= 2,000
documents/s; p95 <= 50 ms (100k) / 300 ms (1M) for text + filters + facets. No assertions.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pantau.regions import get_region_table  # noqa: E402
from pantau.search.base import IndexDocument  # noqa: E402
from pantau.search.document import with_ancestors  # noqa: E402
from pantau.search.query import SearchQuery  # noqa: E402
from pantau.search.tantivy_engine import TantivyBackend  # noqa: E402
from pantau.taxonomy import DocType, ViolationType  # noqa: E402

SYLLABLES = ("ba be bi bo bu da de di do du ga gi gu ha hi ja jo ka ke ki ko ku la le li lo lu "
             "ma me mi mo mu na ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu "
             "wa wi ya yu an ar ur in ng").split()
TEXT_QUERIES = [
    "netralitas", "camat", "kepala desa", '"kepala desa" baliho', "mobil dinas", "sembako OR bansos",
    "pelanggaran netralitas asn", "bawaslu rekomendasi bkn", "media sosial", "lurah -kampanye",
    '"tim kampanye"', "guru pppk", "foto pose jari", "ktp dukungan", "sekda", "pj bupati",
    "apel netralitas", "kades kumpulkan", "melanggar", "diklarifikasi OR klarifikasi",
]
DOC_TYPES = [(DocType.INCIDENT, 45), (DocType.PREVENTION, 30), (DocType.STATISTICS, 10),
             (DocType.REGULATION, 5), (DocType.OTHER, 10)]


class Zipf:
    """Draws from ``values`` with weight 1/rank**s (fast: bisect on cumulative weights)."""

    def __init__(self, values: list, s: float = 1.0) -> None:
        self.values = list(values)
        self.cum = list(itertools.accumulate(1 / (i + 1) ** s for i in range(len(self.values))))

    def draw(self, rng: random.Random):
        return self.values[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


class Corpus:
    """A reproducible stream of synthetic documents."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.sentences, self.titles = _sample_sentences()
        self.names = Zipf(sorted({self._name() for _ in range(40_000)}), 0.8)
        table = get_region_table()
        provinces = [r.code for r in table.children(None)]
        self.rng.shuffle(provinces)
        self.provinces = Zipf(provinces, 1.1)
        self.regencies = {p: Zipf([r.code for r in table.children(p)] or [p], 0.9) for p in provinces}
        self.kecamatan = {}
        self.sources = Zipf([(f"src{i:03d}", "bawaslu" if i % 5 == 0 else "news") for i in range(200)], 1.0)
        self.violations = Zipf([v.value for v in ViolationType], 0.9)
        self.officials = Zipf([f"off{i:05d}" for i in range(20_000)], 0.9)
        self.days = self._day_weights()

    def documents(self, n: int):
        for i in range(n):
            yield self.document(i)

    def document(self, i: int) -> IndexDocument:
        rng = self.rng
        source_id, source_type = self.sources.draw(rng)
        day = self.days.draw(rng)
        published = datetime(day.year, day.month, day.day, rng.randrange(6, 23), rng.randrange(60),
                             tzinfo=timezone(timedelta(hours=7)))
        doc_type = rng.choices([d for d, _ in DOC_TYPES], [w for _, w in DOC_TYPES])[0]
        named = self._regions()
        return IndexDocument(
            id=hashlib.blake2b(i.to_bytes(8, "little"), digest_size=8).hexdigest(),  # 16 hex, as article ids
            url=f"https://{source_id}.example/{i}", canonical_url=f"https://{source_id}.example/{i}",
            source_id=source_id, source_name=f"Sumber {source_id}", source_type=source_type,
            title=self._vary(rng.choice(self.titles)), text=self._text(),
            published_at=published.isoformat(), published_date=day.isoformat(), doc_type=doc_type,
            violation_types=self._violations(doc_type), region_codes=with_ancestors(named, get_region_table()),
            named_region_codes=named, official_ids=list({self.officials.draw(rng) for _ in range(rng.randrange(4))}),
        )

    def _text(self) -> str:
        """Mostly the sentences of one sample article (a topic), some from any other."""
        rng, words, parts = self.rng, 0, []
        topic = rng.choice(self.sentences)
        target = rng.randrange(400, 600)
        while words < target:
            pool = topic if rng.random() < 0.75 else rng.choice(self.sentences)
            sentence = self._vary(rng.choice(pool))
            parts.append(sentence)
            words += sentence.count(" ") + 1
        return " ".join(parts)

    def _vary(self, sentence: str) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            sentence = re.sub(r"(?<=[a-z,] )[A-Z][a-z]{3,}", lambda m: self.names.draw(rng)
                              if rng.random() < 0.5 else m.group(0), sentence)
        return re.sub(r"\b\d{1,3}\b", lambda m: str(rng.randrange(1, 500)), sentence)

    def _regions(self) -> list[str]:
        out = set()
        for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3))):
            province = self.provinces.draw(self.rng)
            out.add(self.regencies[province].draw(self.rng) if self.rng.random() < 0.8 else province)
        return sorted(out)

    def _violations(self, doc_type: str) -> list[str]:
        if doc_type != DocType.INCIDENT and self.rng.random() < 0.8:
            return []
        return sorted({self.violations.draw(self.rng) for _ in range(self.rng.choice((1, 1, 2, 3)))})

    def _name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randrange(2, 4))).capitalize()

    def _day_weights(self) -> Zipf:
        """Days of 2023-2024, heavier in the campaign months (ranked by weight for Zipf)."""
        days = [date(2023, 1, 1) + timedelta(d) for d in range(731)]
        hot = {(2023, 11), (2023, 12), (2024, 1), (2024, 2), (2024, 9), (2024, 10), (2024, 11)}
        rng = random.Random(3)
        weighted = sorted(days, key=lambda d: -(3 if (d.year, d.month) in hot else 1) * rng.random())
        return Zipf(weighted, 0.15)


def _sample_sentences() -> tuple[list[list[str]], list[str]]:
    """The sentences of each bundled sample article, and the titles."""
    from sample_site import load_articles

    pools, titles = [], []
    for article in load_articles():
        titles.append(article.title)
        pool = [s.strip() for para in article.body.split("\n\n")
                for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", para) if len(s.split()) > 3]
        if pool:
            pools.append(pool)
    return pools, titles


# -- measuring --------------------------------------------------------------------------

class Timed:
    """Wraps a generator and adds up the time spent inside it (document generation)."""

    def __init__(self, items) -> None:
        self.items, self.seconds, self.cpu, self.count = items, 0.0, 0.0, 0

    def __iter__(self):
        it = iter(self.items)
        while True:
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - start
                self.cpu += time.thread_time() - cpu  # this thread's: the index writer's go to indexing
            self.count += 1
            if self.count % 50_000 == 0:
                print(f"  ... {self.count:,} documents", file=sys.stderr, flush=True)
            yield item


def build(backend: TantivyBackend, size: int) -> dict:
    docs = Timed(Corpus().documents(size))
    cpu = time.process_time()
    stats = backend.rebuild(docs)
    indexing = stats.seconds - docs.seconds
    indexing_cpu = time.process_time() - cpu - docs.cpu
    return {"documents": stats.documents, "wall_s": round(stats.seconds, 1),
            "generation_s": round(docs.seconds, 1), "indexing_s": round(indexing, 1),
            "docs_per_s": round(stats.documents / indexing),
            "docs_per_cpu_s": round(stats.documents / indexing_cpu),
            "index_mb": round(sum(f.stat().st_size for f in backend.path.rglob("*") if f.is_file()) / 2**20)}


def query_mix(rng: random.Random, corpus: Corpus) -> dict[str, callable]:
    def filters() -> dict:
        year = rng.choice((2023, 2024))
        return {"region": [corpus.provinces.draw(rng)], "violation_type": [corpus.violations.draw(rng)],
                "date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}

    all_facets = ["province", "regency", "violation_type", "doc_type", "source", "month"]
    return {
        "text": lambda b: b.search(SearchQuery(q=rng.choice(TEXT_QUERIES))),
        "text+3 filters+facets": lambda b: b.search(SearchQuery(q=rng.choice(TEXT_QUERIES), facets=all_facets,
                                                                **filters())),
        "facets only": lambda b: b.search(SearchQuery(facets=all_facets, limit=1)),
        "timeline": lambda b: b.timeline(SearchQuery(q=rng.choice(TEXT_QUERIES)), "month", "violation_type"),
    }


def latencies(backend: TantivyBackend, corpus: Corpus, runs: int) -> dict:
    rng = random.Random(11)
    out = {}
    for name, run in query_mix(rng, corpus).items():
        for _ in range(3):
            run(backend)  # warm up
        times, cpu_times = [], []
        for _ in range(runs):
            start, cpu = time.perf_counter(), time.thread_time()
            run(backend)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.thread_time() - cpu) * 1000)
        q, c = statistics.quantiles(times, n=100), statistics.quantiles(cpu_times, n=100)
        out[name] = {"p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
                     "cpu_p50_ms": round(c[49], 1), "cpu_p95_ms": round(c[94], 1)}
    return out


def export(backend: TantivyBackend, limit: int = 100_000) -> dict:
    tracemalloc.start()
    start = time.perf_counter()
    n = sum(1 for _ in itertools.islice(backend.iter_ids(SearchQuery()), limit))
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"ids": n, "seconds": round(seconds, 2), "python_peak_mb": round(peak / 2**20, 1),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="runs per query kind")
    parser.add_argument("--dir", type=Path, help="where to keep the index (default: a temporary directory)")
    parser.add_argument("--reuse", action="store_true", help="query the index in --dir without rebuilding")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="pantau-bench-"))
    backend = TantivyBackend(workdir / "search-index")
    report = {"size": args.size}
    try:
        if not (args.reuse and backend.dir.current() is not None):
            report["build"] = build(backend, args.size)
        report["latency"] = latencies(backend, Corpus(), args.queries)
        report["export"] = export(backend)
    finally:
        backend.close()
        if args.dir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
