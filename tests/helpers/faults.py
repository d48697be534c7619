"""SIGKILL trials of the long stages, shared by ``tests/test_faults.py`` (a few kills per
stage in CI) and ``tests/faults_run.py`` (``--kills 50`` on demand).

A trial copies the stage's starting data directory, starts the real ``pantau <stage>``
process, SIGKILLs it at a random moment of a clean run's duration (sometimes twice in a
row, killing the rerun too), reruns it to completion and checks:

- ``PRAGMA integrity_check`` of the archive is ``ok``;
- no duplicates (captures, articles, official roles, index documents);
- the final state equals the clean run's (row counts of every table, and the stage's own
  rows: crawl records, parsed articles, annotations, the registry, the index's ids);
- nothing is left over: the data directory holds only the archive, the index directory
  (``current`` and the one version it names) and an empty ``jobs`` directory; no partial
  files, journals, job directories or rollback journals.

Kill moments are random, but a kill only counts if the process was still running.

Known: a killed crawl's rerun can give a syndicated story's cluster another id (the id of
the copy stored first) and call the other copy's URL "duplicate" instead of "stored"; no row
is lost or added. Those two comparisons (crawl's ``articles`` and ``urls`` rows) are
counted as ``known`` rather than failures, until the cluster id stops depending on order.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STAGES = ("crawl", "reparse", "analyze", "officials", "cases", "index")


def env(data_dir: Path) -> dict:
    return {**os.environ, "PANTAU_DATA_DIR": str(data_dir), "COLUMNS": "200"}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pantau.cli", *args]


def run(data_dir: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(command(*args), env=env(data_dir), cwd=REPO, capture_output=True,
                            text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RuntimeError(f"pantau {' '.join(args)} exited {result.returncode}: {result.stderr[-3000:]}")
    return result


def tree(directory: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``directory`` with its size and mtime (to see whether a stage wrote)."""
    out = {}
    for path in directory.rglob("*"):
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        out[str(path.relative_to(directory))] = (st.st_size, st.st_mtime_ns)
    return out


def code_key() -> int:
    """Changes whenever code a stage runs changes (others edit the same working tree: a new
    NLP fingerprint means a new clean run to compare with)."""
    files = [p for d in ("nlp", "crawler", "pantau") for p in (REPO / d).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    return hash(tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files)))


# -- what a stage leaves -------------------------------------------------------------------

def _rows(conn, sql: str) -> list:
    return sorted((tuple(r) for r in conn.execute(sql)), key=lambda row: [(v is None, v) for v in row])


def _annotation_rows(conn) -> list:
    out = []
    for article_id, version, doc_type, data in conn.execute(
            "SELECT article_id, pipeline_version, doc_type, data FROM annotations"):
        body = json.loads(data)
        body.pop("created_at", None)  # the time it was written, not what was found
        out.append((article_id, version, doc_type, json.dumps(body, sort_keys=True)))
    return sorted(out)


KNOWN: dict[str, tuple[str, ...]] = {}  # differences counted apart (none left)

STAGE_ROWS = {
    "crawl": lambda c: {
        "captures": _rows(c, "SELECT id, sha256, final_url FROM captures"),
        "articles": _rows(c, "SELECT id, capture_id, url, canonical_url, title, content_hash, cluster_id, "
                             "published_at FROM articles"),
        "urls": _rows(c, "SELECT url_key, outcome, status, final_url, capture_id, article_id FROM crawl_urls")},
    "reparse": lambda c: {
        "articles": _rows(c, "SELECT id, capture_id, title, text, content_hash, cluster_id, published_at, "
                             "parser_version FROM articles")},
    "analyze": lambda c: {"annotations": _annotation_rows(c)},
    "officials": lambda c: {
        "officials": _rows(c, "SELECT id, name, name_key, article_count, first_seen, last_seen, data "
                              "FROM officials"),
        "roles": _rows(c, "SELECT official_id, role, org, region_code, first_seen, last_seen FROM official_roles"),
        "mentions": _rows(c, "SELECT mention_id, article_id, official_id FROM official_mentions")},
    "cases": lambda c: {
        "cases": _rows(c, "SELECT id, first_report, last_report, stage, status, reports, data FROM cases"),
        "members": _rows(c, "SELECT case_id, article_id, stage, score FROM case_articles"),
        "terms": _rows(c, "SELECT case_id, field, value FROM case_terms")},
    "index": lambda c: {},
}

DUPLICATES = {
    "captures with one URL and body": "SELECT url, sha256 FROM captures GROUP BY url, sha256 HAVING count(*) > 1",
    "articles with one canonical URL":
        "SELECT canonical_url FROM articles GROUP BY canonical_url HAVING count(*) > 1",
    "official roles": "SELECT official_id, role, org, region_code FROM official_roles "
                      "GROUP BY official_id, role, org, region_code HAVING count(*) > 1",
}


def index_ids(data_dir: Path) -> list[str] | None:
    """The ids in the live search index (None without one)."""
    from pantau.search.query import SearchQuery
    from pantau.search.tantivy_engine import TantivyBackend

    root = data_dir / "search-index"
    if not (root / "current").exists():
        return None
    backend = TantivyBackend(root)
    try:
        return list(backend.iter_ids(SearchQuery()))
    finally:
        backend.close()


def state(data_dir: Path, stage: str) -> dict:
    """What the stage's result is made of (compared with a clean run's)."""
    conn = sqlite3.connect(f"file:{data_dir / 'archive.sqlite3'}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%'")]
        out = {"counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)},
               **STAGE_ROWS[stage](conn)}
    finally:
        conn.close()
    ids = index_ids(data_dir)
    out["index"] = None if ids is None else sorted(ids)
    return out


def problems(data_dir: Path, stage: str, clean: dict) -> list[str]:
    """What is wrong with ``data_dir`` after a killed run and its rerun (empty: all good)."""
    found = []
    conn = sqlite3.connect(f"file:{data_dir / 'archive.sqlite3'}?mode=ro", uri=True)
    try:
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            found.append(f"integrity_check: {check[:5]}")
        for what, sql in DUPLICATES.items():
            dup = conn.execute(sql).fetchall()
            if dup:
                found.append(f"duplicate {what}: {len(dup)}, e.g. {tuple(dup[0])}")
    finally:
        conn.close()
    ids = index_ids(data_dir)
    if ids is not None and len(ids) != len(set(ids)):
        found.append(f"duplicate index documents: {len(ids) - len(set(ids))}")
    now = state(data_dir, stage)
    for key in clean:
        if now.get(key) != clean[key]:
            found.append(f"{key} differ from a clean run's: {_differ(clean[key], now.get(key))}")
    found += [f"left over: {p}" for p in leftovers(data_dir)]
    return found


def _differ(clean, now) -> str:
    if isinstance(clean, dict) and isinstance(now, dict):
        return ", ".join(f"{k} {clean.get(k)} -> {now.get(k)}" for k in sorted(set(clean) | set(now))
                         if clean.get(k) != now.get(k))
    if isinstance(clean, list) and isinstance(now, list):
        a, b = set(map(str, clean)), set(map(str, now))
        first = lambda rows: sorted(rows)[0][:300] if rows else "-"  # noqa: E731
        return (f"{len(clean)} rows -> {len(now)} rows, {len(a - b)} changed, e.g. clean {first(a - b)} "
                f"now {first(b - a)}")
    return f"{str(clean)[:80]} -> {str(now)[:80]}"


def leftovers(data_dir: Path) -> list[str]:
    """Anything but the archive, the live index version and an empty jobs directory. (SQLite's
    own ``-wal``/``-shm`` files are the archive's: a clean crawl leaves them too, as one of
    its connections is not closed before the process ends; SQLite recovers them.)"""
    out = []
    for path in sorted(data_dir.iterdir()):
        if path.name in ("archive.sqlite3", "archive.sqlite3-wal", "archive.sqlite3-shm"):
            continue
        if path.name == "jobs" and path.is_dir():
            out += [str(p) for p in path.iterdir()]
            continue
        if path.name == "search-index" and path.is_dir():
            live = (path / "current").read_text().strip() if (path / "current").exists() else None
            out += [str(p) for p in path.iterdir() if p.name not in ("current", live)]
            continue
        out.append(str(path))
    return out


# -- the starting points -------------------------------------------------------------------

@dataclass
class Stage:
    name: str
    base: str                    # which starting data directory (Lab.base)
    args: list[str] = field(default_factory=list)


def stages(site_url: str | None) -> dict[str, Stage]:
    return {
        "crawl": Stage("crawl", "empty", ["crawl", "--sample-url", str(site_url), "--politeness", "off", "--json"]),
        "reparse": Stage("reparse", "crawled", ["reparse", "--json"]),
        "analyze": Stage("analyze", "small", ["analyze", "--batch-size", "16"]),
        "officials": Stage("officials", "big", ["officials", "--force"]),
        "cases": Stage("cases", "big", ["cases", "--force"]),
        "index": Stage("index", "big", ["index"]),
    }


@dataclass
class Result:
    stage: str
    kills: int = 0               # SIGKILLs that landed while the stage ran
    wrote: int = 0               # ... of which after the stage had changed the data directory
    trials: int = 0
    survived: int = 0
    failures: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)   # trials with only a known difference
    clean_s: float = 0.0


class Lab:
    """Starting data directories (built once) and the trials, under ``root``."""

    def __init__(self, root: Path, site=None, seed: int = 11) -> None:
        self.root = Path(root)
        self.site = site                 # a tests.helpers.crawl_support.LoggedSite (crawl only)
        self.rng = random.Random(seed)
        self.stages = stages(site.url if site else None)
        self._clean: dict[str, tuple[dict, float, int]] = {}
        self._n = 0

    def base(self, kind: str) -> Path:
        path = self.root / "base" / kind
        if path.exists():
            return path
        work = path.with_name(path.name + ".tmp")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        if kind == "crawled":
            self._reset_site()
            run(work, *self.stages["crawl"].args)
            conn = sqlite3.connect(work / "archive.sqlite3")
            with conn:  # an older parser's articles: reparse rewrites every one
                conn.execute("UPDATE articles SET parser_version = 'old'")
            conn.close()
        elif kind in ("small", "big"):
            from tests.helpers import bulk_archive

            n, officials = (300, 1) if kind == "small" else (3000, 4)
            bulk_archive.fill(work / "archive.sqlite3", n, officials=officials)
            run(work, "officials")
        elif kind != "empty":
            raise ValueError(kind)
        os.replace(work, path)
        return path

    def _reset_site(self) -> None:
        if self.site is not None:
            self.site.reset()

    def fresh(self, stage: Stage) -> Path:
        self._n += 1
        target = self.root / "runs" / f"{stage.name}-{self._n}"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.base(stage.base), target)
        return target

    def clean(self, name: str) -> tuple[dict, float]:
        """A clean run's state and duration (once per stage)."""
        if name not in self._clean or self._clean[name][2] != code_key():
            key = code_key()
            stage = self.stages[name]
            data = self.fresh(stage)
            self._reset_site()
            started = time.monotonic()
            run(data, *stage.args)
            seconds = time.monotonic() - started
            self._clean[name] = (state(data, name), seconds, key)
            left = leftovers(data)
            if left:
                raise AssertionError(f"a clean {name} run left {left}")
            shutil.rmtree(data)
        return self._clean[name][:2]

    def kill_at(self, data: Path, stage: Stage, delay: float) -> tuple[bool, bool]:
        """Run the stage and SIGKILL it ``delay`` seconds in: (killed while running, had the
        data directory changed by then)."""
        before = tree(data)
        proc = subprocess.Popen(command(*stage.args), env=env(data), cwd=REPO, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
            return False, True
        except subprocess.TimeoutExpired:
            pass
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        return True, tree(data) != before

    def trial(self, name: str, result: Result, log=None) -> None:
        """One trial: a kill (every third trial, two in a row), the rerun, the checks."""
        stage = self.stages[name]
        clean, seconds = self.clean(name)
        key, kills, wrote = self._clean[name][2], result.kills, result.wrote
        data = self.fresh(stage)
        result.trials += 1
        in_a_row = 2 if result.trials % 3 == 0 else 1
        for _ in range(in_a_row):
            self._reset_site()
            killed, wrote = self.kill_at(data, stage, self.rng.uniform(0.05, 0.95) * seconds)
            result.kills += killed
            result.wrote += killed and wrote
        self._reset_site()
        try:
            run(data, *stage.args)
            found = problems(data, name, clean)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            found = [f"rerun failed: {exc}"]
        if found and code_key() != key:  # the code changed under the trial: not a fault's doing
            result.trials, result.kills, result.wrote = result.trials - 1, kills, wrote
            shutil.rmtree(data)
            if log:
                log(f"{name}: trial discarded, the code changed meanwhile")
            return
        known = [f for f in found if f.split(" ")[0] in KNOWN.get(name, ())]
        found = [f for f in found if f not in known]
        if known:
            result.known.append(f"trial {result.trials}: " + "; ".join(known))
        if found:
            result.failures.append(f"trial {result.trials}: " + "; ".join(found))
            if log:
                log(f"FAILED {name} {result.failures[-1]}")
            keep = self.root / "failed" / data.name
            shutil.rmtree(keep, ignore_errors=True)
            shutil.move(data, keep)
        else:
            result.survived += 1
            shutil.rmtree(data)

    def run_stage(self, name: str, kills: int, log=None) -> Result:
        """Trials until ``kills`` SIGKILLs landed (a run that finished before its kill moment
        does not count)."""
        result = Result(name, clean_s=self.clean(name)[1])
        attempts = 0
        while result.kills < kills and attempts < kills * 4:
            attempts += 1
            self.trial(name, result, log)
            if log:
                log(f"{name}: trial {result.trials}, kills {result.kills}, survived {result.survived}")
        return result
