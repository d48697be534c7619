"""Export benchmark: time and peak memory of a complete export, at several archive sizes.

    .venv/bin/python benchmarks/export.py                                 # 10,000 and 100,000 articles, csv
    .venv/bin/python benchmarks/export.py --sizes 100000 --formats csv,jsonl,parquet
    .venv/bin/python benchmarks/export.py --dir /tmp/exp --reuse          # export archives built before

For each size, a synthetic archive is written through the archive store (``Archive.open``,
its schema and migrations; sources through ``upsert_source``; captures, articles and
annotations bulk-inserted as the store's own rows) and its search index built with
``TantivyBackend.rebuild`` from the same documents (benchmarks/search.py's generator, names
and numbers left unvaried: cheaper). Then each export runs in a fresh process, through the
function ``pantau export`` and ``GET /v1/export`` call (``pantau.export.export``), to a file.
Printed: wall time, rows/s, CPU seconds, file size, resident memory before the export and
its peak (``VmHWM``), so memory that grows with the number of rows shows. With
``--tracemalloc``, also the peak of Python allocations (slower). No assertions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

CHUNK = 5000
PIPELINE = "bench-1"


def _corpus():
    from search import Corpus

    class Unvaried(Corpus):
        def _vary(self, sentence: str) -> str:
            return sentence

    return Unvaried()


# -- the synthetic archive --------------------------------------------------------------

def build(workdir: Path, size: int) -> dict:
    from pantau.search.tantivy_engine import TantivyBackend
    from pantau.store import Archive

    workdir.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(workdir / "search-index", ignore_errors=True)
    for name in ("archive.sqlite3", "archive.sqlite3-wal", "archive.sqlite3-shm"):
        (workdir / name).unlink(missing_ok=True)
    start = time.perf_counter()
    with Archive.open(workdir / "archive.sqlite3") as archive:
        writer = _ArchiveWriter(archive)
        backend = TantivyBackend(workdir / "search-index")
        try:
            backend.rebuild(writer.passing(_corpus().documents(size)))
        finally:
            backend.close()
        writer.flush()
    return {"articles": size, "build_s": round(time.perf_counter() - start, 1)}


class _ArchiveWriter:
    """Writes each IndexDocument as a capture, an article and an annotation, in chunks."""

    def __init__(self, archive) -> None:
        self.archive, self.rng, self.sources, self.pending = archive, random.Random(5), set(), []

    def passing(self, docs):
        for doc in docs:
            self.pending.append(doc)
            if len(self.pending) >= CHUNK:
                self.flush()
            yield doc

    def flush(self) -> None:
        from pantau.schema import Source
        from pantau.store import rows

        docs, self.pending = self.pending, []
        for doc in docs:
            if doc.source_id not in self.sources:
                self.sources.add(doc.source_id)
                self.archive.upsert_source(Source(id=doc.source_id, name=doc.source_name, type=doc.source_type,
                                                  base_url=f"https://{doc.source_id}.example/"))
        with self.archive.transaction() as conn:
            for table, columns, make in (("captures", rows.CAPTURE_COLUMNS, _capture),
                                         ("articles", rows.ARTICLE_COLUMNS, _article),
                                         ("annotations", rows.ANNOTATION_COLUMNS, self._annotation)):
                conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                                 f"({', '.join(':' + c for c in columns)})", [make(d) for d in docs])

    def _annotation(self, doc) -> dict:
        rng, text = self.rng, doc.text
        regions = [{"code": c, "level": "provinsi" if "." not in c else "kabupaten", "name": f"Wilayah {c}",
                    "parents": [c.split(".")[0]] if "." in c else [], "evidence": [_evidence(text, rng)]}
                   for c in doc.named_region_codes]
        data = {
            "article_id": doc.id, "pipeline_version": PIPELINE, "doc_type": doc.doc_type,
            "violation_types": [{"type": v, "evidence": [_evidence(text, rng)]} for v in doc.violation_types],
            "regions": regions,
            "officials": [{"name": f"Pejabat {o}", "role": "camat", "org": None, "region_code": None,
                           "evidence": [_evidence(text, rng)]} for o in doc.official_ids],
            "dates": [{"date": doc.published_date, "evidence": _evidence(text, rng)}],
            "incidents": [], "created_at": "2025-01-01T00:00:00Z",
        }
        return {"article_id": doc.id, "pipeline_version": PIPELINE, "doc_type": doc.doc_type,
                "created_at": "2025-01-01T00:00:00+00:00", "data": json.dumps(data, ensure_ascii=False)}


def _evidence(text: str, rng: random.Random) -> dict:
    start = rng.randrange(max(len(text) - 80, 1))
    return {"text": text[start:start + 20], "start": start, "end": start + 20,
            "sentence": text[start:start + 80]}


def _capture(doc) -> dict:
    body = f"<html><title>{doc.title}</title></html>".encode()
    fetched = datetime.fromisoformat(doc.published_at) + timedelta(hours=1)
    return {"id": f"cap-{doc.id}", "source_id": doc.source_id, "url": doc.url, "url_key": doc.url,
            "final_url": doc.url, "status": 200, "headers": "{}", "body": zlib.compress(body),
            "size": len(body), "sha256": hashlib.sha256(body).hexdigest(),
            "fetched_at": fetched.astimezone(timezone.utc).isoformat()}


def _article(doc) -> dict:
    return {"id": doc.id, "capture_id": f"cap-{doc.id}", "source_id": doc.source_id, "url": doc.url,
            "canonical_url": doc.canonical_url, "title": doc.title, "text": doc.text, "author": None,
            "published_at": doc.published_at, "language": "id", "section": None,
            "content_hash": hashlib.sha256(doc.text.encode()).hexdigest(), "cluster_id": None,
            "parser": "bench", "parser_version": "1", "methods": "[]",
            "parsed_at": "2025-01-01T00:00:00+00:00"}


# -- one export, in its own process ----------------------------------------------------

def _memory_mb(field: str) -> float:
    """VmRSS (resident now) or VmHWM (peak) of this process. Not ``ru_maxrss``: it keeps the
    peak of the process this one was forked from, before ``exec``."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_export(workdir: Path, fmt: str, trace: bool) -> dict:
    """The export as ``pantau export`` runs it (no filters), to ``workdir/export.<fmt>``."""
    import tracemalloc

    from pantau import export as exporter
    from pantau.query_input import build_query
    from pantau.search.tantivy_engine import TantivyBackend
    from pantau.store import Archive

    backend = TantivyBackend(workdir / "search-index")
    out = workdir / f"export.{fmt}"
    with Archive.open(workdir / "archive.sqlite3") as archive:
        query = build_query()
        if fmt == "parquet":
            import pyarrow.parquet  # noqa: F401 - imported before the baseline is taken
        before = _memory_mb("VmRSS")
        if trace:
            tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        with open(out, "wb") as fh:
            result = exporter.export(query, fmt, fh, archive=archive, backend=backend)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    backend.close()
    report = {"format": fmt, "rows": result.rows, "seconds": round(seconds, 2),
              "rows_per_s": round(result.rows / seconds), "rows_per_cpu_s": round(result.rows / cpu),
              "file_mb": round(out.stat().st_size / 2**20), "rss_before_mb": round(before),
              "max_rss_mb": round(_memory_mb("VmHWM"))}
    report["rss_growth_mb"] = report["max_rss_mb"] - report["rss_before_mb"]
    if trace:
        report["python_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    out.unlink()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="archive sizes, comma-separated")
    parser.add_argument("--formats", default="csv", help="csv, jsonl, parquet (comma-separated)")
    parser.add_argument("--dir", type=Path, help="where to keep the archives (default: a temporary directory)")
    parser.add_argument("--reuse", action="store_true", help="export the archives in --dir without rebuilding")
    parser.add_argument("--tracemalloc", action="store_true", help="also the peak of Python allocations")
    parser.add_argument("--child", nargs=2, metavar=("DIR", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_export(Path(args.child[0]), args.child[1], args.tracemalloc)))
        return
    root = args.dir or Path(tempfile.mkdtemp(prefix="pantau-export-bench-"))
    report = {"load_average": Path("/proc/loadavg").read_text().split()[:3], "runs": []}
    for size in [int(s) for s in args.sizes.split(",")]:
        workdir = root / str(size)
        entry = {"articles": size}
        if not (args.reuse and (workdir / "search-index" / "current").exists()):
            entry = build(workdir, size)
        for fmt in args.formats.split(","):
            command = [sys.executable, __file__, "--child", str(workdir), fmt]
            if args.tracemalloc:
                command.append("--tracemalloc")
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            entry[fmt] = json.loads(done.stdout.splitlines()[-1])
            print(json.dumps({"articles": size, **entry[fmt]}), flush=True)
        report["runs"].append(entry)
    if args.dir is None:
        import shutil

        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
