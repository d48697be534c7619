"""Kill a writer with SIGKILL at random points; the archive must stay consistent and a
re-run must finish the work with the same result as an uninterrupted run."""

from __future__ import annotations

import importlib.util
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pantau.ids import article_id
from pantau.store import Archive

WRITER_PATH = Path(__file__).parent / "helpers" / "crash_writer.py"
N = 400
MIN_KILLS = 20
MAX_ROUNDS = 80

_spec = importlib.util.spec_from_file_location("crash_writer", WRITER_PATH)
writer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(writer)


def start_writer(db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER_PATH), str(db), str(N)],
                            stdout=subprocess.PIPE, bufsize=0)


def wait_for(proc: subprocess.Popen, items: int, deadline: float) -> None:
    """Read the writer's output until ``items`` items are committed in this run, the
    deadline passes, or the writer exits."""
    fd, seen, pending = proc.stdout.fileno(), 0, b""
    while seen < items:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        *lines, pending = (pending + chunk).split(b"\n")
        seen += sum(line.isdigit() for line in lines)


def run_and_kill(db: Path, rng: random.Random, early: bool) -> bool:
    """Start the writer, kill it at a random point; return whether it was still running."""
    proc = start_writer(db)
    try:
        if early or rng.random() < 0.25:  # anywhere in start-up, migration or the first item
            wait_for(proc, 1, time.monotonic() + rng.uniform(0.0, 0.6))
        else:  # after a few committed items, somewhere in the next ones
            wait_for(proc, rng.randint(1, 8), time.monotonic() + 30)
            time.sleep(rng.uniform(0.0, 0.003))
        alive = proc.poll() is None
        if alive:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return alive and proc.returncode == -signal.SIGKILL
    finally:
        proc.stdout.close()


def check_consistent(db: Path) -> int:
    """Assert the archive is intact and holds only whole items 0..k-1; return k."""
    with Archive.open(db) as archive:
        conn = archive.conn
        assert [tuple(r) for r in conn.execute("PRAGMA integrity_check")] == [("ok",)]
        assert list(conn.execute("PRAGMA foreign_key_check")) == []
        counts = archive.counts()
        done = counts["annotations"]
        assert counts["sources"] == counts["captures"] == counts["articles"] == done, counts
        assert conn.execute("SELECT count(*) FROM articles a LEFT JOIN captures c "
                            "ON c.id = a.capture_id WHERE c.id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM annotations n LEFT JOIN articles a "
                            "ON a.id = n.article_id WHERE a.id IS NULL").fetchone()[0] == 0
        stored = {row[0] for row in conn.execute("SELECT id FROM articles")}
        assert stored == {article_id(writer.url(i)) for i in range(done)}
        if done:
            last = writer.item(done - 1)
            assert archive.get_capture(last[1].id).body == last[1].body
            assert archive.get_annotation(last[2].id) == last[3]
        return done


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        result = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
        result["schema"] = conn.execute("SELECT type, name, sql FROM sqlite_master "
                                        "ORDER BY name").fetchall()
        result["user_version"] = conn.execute("PRAGMA user_version").fetchall()
        return result
    finally:
        conn.close()


def test_sigkill_at_random_points_loses_nothing_and_duplicates_nothing(tmp_path):
    seed = int(os.environ.get("PANTAU_CRASH_SEED") or random.SystemRandom().randrange(2**32))
    print(f"crash test seed {seed} (repeat with PANTAU_CRASH_SEED={seed})")
    rng = random.Random(seed)
    db = tmp_path / "crashed.sqlite3"

    kills, rounds, done = 0, 0, 0
    while kills < MIN_KILLS:
        rounds += 1
        assert rounds <= MAX_ROUNDS, f"only {kills} kills landed in {rounds} rounds"
        kills += run_and_kill(db, rng, early=rounds == 1)
        now_done = check_consistent(db)
        assert now_done >= done, "committed items were lost"
        done = now_done
    print(f"{kills} kills in {rounds} rounds, {done}/{N} items done before the final run")
    assert done < N, "the writer finished before the kills; raise N"

    final = subprocess.run([sys.executable, str(WRITER_PATH), str(db), str(N)],
                           capture_output=True, timeout=120)
    assert final.returncode == 0, final.stderr.decode()
    assert check_consistent(db) == N
    with Archive.open(db) as archive:
        counts = archive.counts()
        for table in ("sources", "captures", "articles", "annotations"):
            assert counts[table] == N
        conn = archive.conn
        assert conn.execute("SELECT count(DISTINCT url_key) FROM captures").fetchone()[0] == N
        assert conn.execute("SELECT count(DISTINCT canonical_url) FROM articles").fetchone()[0] == N

    reference = tmp_path / "reference.sqlite3"
    clean = subprocess.run([sys.executable, str(WRITER_PATH), str(reference), str(N)],
                           capture_output=True, timeout=120)
    assert clean.returncode == 0, clean.stderr.decode()
    assert dump(db) == dump(reference)
