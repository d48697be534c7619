"""Case-stage benchmark: ``pantau cases`` on a synthetic archive, time and peak memory.

    .venv/bin/python benchmarks/cases.py                                   # 1M articles, 100k mentions
    .venv/bin/python benchmarks/cases.py --articles 100000 --mentions 10000
    .venv/bin/python benchmarks/cases.py --dir /tmp/cases-bench --reuse     # rerun on an archive built before

The archive is written through the store (``Archive.open``: its schema and migrations) with
bulk inserts of the store's own rows: sources, captures, articles and annotations. About one
article in sixteen is an incident report; the incident mentions are spread over stories of
one to six reports from different outlets over a few weeks, half of them about a named
official (with the registry's mention rows), half about an unnamed "seorang camat/kepala
desa/guru" in one of the 514 kabupaten/kota. Then the case stage runs in a fresh process
(``pantau cases --force``), and once more in this process by phase, counting how many
report-case comparisons the linking made (blocking keeps it near linear, not quadratic).
Printed: wall and CPU seconds, peak resident memory, cases, comparisons per report. No
assertions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHUNK = 20_000
ROLES = [("Camat", "camat"), ("Kepala Desa", "kepala desa"), ("Guru", "guru"), ("Lurah", "lurah"),
         ("Kepala Dinas", "kepala dinas"), ("Kepala Sekolah", "kepala sekolah")]
ACTS = ["social_media", "campaign_attendance", "campaign_material", "partisan_support", "vote_buying",
        "state_resources", "partisan_photo", "id_card_support"]
STAGES = ["reported", "examined", "recommended", "sanctioned"]
FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hesti", "Imam", "Joko", "Kurnia",
         "Lukman", "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sri", "Teguh", "Wahyu"]
LAST = ["Santoso", "Lestari", "Harahap", "Siregar", "Wibowo", "Saputra", "Rahman", "Nasution", "Hidayat",
        "Setiawan", "Gultom", "Pratama", "Kurniawan", "Manurung", "Tanjung", "Wijaya"]


def regencies() -> list[tuple[str, str]]:
    from pantau.regions import get_region_table

    return [(r.code, r.name) for r in get_region_table().regions("kabupaten")
            + get_region_table().regions("kota")]


def stories(mentions: int, rng: random.Random):
    """(subject, region, act, start day) per story, and its reports: (day offset, stage, n mentions)."""
    places = regencies()
    made = 0
    while made < mentions:
        code, name = rng.choice(places)
        title, word = rng.choice(ROLES)
        named = rng.random() < 0.5
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.randrange(1000)}" if named else None
        start = date(2023, 6, 1) + timedelta(days=rng.randrange(600))
        reports = []
        for k in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
            n = rng.choice([1, 1, 2, 3])
            reports.append((k * rng.randrange(3, 15), STAGES[min(k, 3)], n))
            made += n
        yield {"code": code, "place": name, "title": title, "word": word, "person": person,
               "act": rng.choice(ACTS), "start": start}, reports


def build(path: Path, articles: int, mentions: int, seed: int = 3) -> dict:
    from pantau.officials_registry import official_id
    from pantau.schema import Source
    from pantau.store import Archive, rows
    from pantau.store.officials import stamp

    rng = random.Random(seed)
    started = time.perf_counter()
    sources = [f"outlet-{i:03d}" for i in range(120)]
    incident_rows, mention_rows = [], []
    for story, reports in stories(mentions, rng):
        for offset, stage, n in reports:
            incident_rows.append((story, story["start"] + timedelta(days=offset), stage, n))
    every = max(1, articles // max(1, len(incident_rows)))
    with Archive.open(path) as archive:
        for s in sources:
            archive.upsert_source(Source(id=s, name=s, type="news", base_url=f"https://{s}.example/"))
        batch: list[tuple] = []
        for i in range(articles):
            incident = incident_rows[i // every] if i % every == 0 and i // every < len(incident_rows) else None
            batch.append((i, incident))
            if len(batch) >= CHUNK:
                _flush(archive, rows, batch, sources, rng, mention_rows, official_id)
                batch = []
        if batch:
            _flush(archive, rows, batch, sources, rng, mention_rows, official_id)
        with archive.transaction() as conn:
            persons = {(pid, name) for _, _, pid, name in mention_rows}
            conn.executemany("INSERT INTO officials (id, name, name_key, article_count, data) "
                             "VALUES (?, ?, lower(?), 1, '{}')", [(p, n, n) for p, n in sorted(persons)])
            mention_rows = [row[:3] for row in mention_rows]
            conn.executemany("INSERT OR IGNORE INTO official_mentions (mention_id, article_id, official_id) "
                             "VALUES (?, ?, ?)", mention_rows)
            conn.execute("INSERT OR REPLACE INTO officials_state (key, value) VALUES ('stamp', ?)", (stamp(conn),))
    return {"articles": articles, "incident_articles": min(len(incident_rows), articles // every + 1),
            "mentions": sum(n for *_, n in incident_rows), "build_s": round(time.perf_counter() - started, 1)}


def _flush(archive, rows, batch, sources, rng, mention_rows, official_id) -> None:
    caps, arts, anns = [], [], []
    for i, incident in batch:
        aid = hashlib.sha256(f"a{i}".encode()).hexdigest()[:16]
        day = incident[1] if incident else date(2023, 6, 1) + timedelta(days=i % 600)
        source = rng.choice(sources)
        url = f"https://{source}.example/berita/{i}"
        title, text, data = _content(aid, incident, day, mention_rows, official_id)
        body = zlib.compress(title.encode())
        caps.append({"id": f"c{aid}", "source_id": source, "url": url, "url_key": url, "final_url": url,
                     "status": 200, "headers": "{}", "body": body, "size": len(title), "sha256": aid,
                     "fetched_at": f"{day.isoformat()}T10:00:00+00:00"})
        arts.append({"id": aid, "capture_id": f"c{aid}", "source_id": source, "url": url, "canonical_url": url,
                     "title": title, "text": text, "author": None, "published_at": f"{day.isoformat()}T09:00:00+07:00",
                     "language": "id", "section": None, "content_hash": aid, "cluster_id": aid,
                     "parser": "bench", "parser_version": "1", "methods": "[]",
                     "parsed_at": "2025-01-01T00:00:00+00:00"})
        anns.append({"article_id": aid, "pipeline_version": "bench-1", "doc_type": data["doc_type"],
                     "created_at": "2025-01-01T00:00:00+00:00", "data": json.dumps(data, ensure_ascii=False)})
    with archive.transaction() as conn:
        for table, columns, items in (("captures", rows.CAPTURE_COLUMNS, caps),
                                      ("articles", rows.ARTICLE_COLUMNS, arts),
                                      ("annotations", rows.ANNOTATION_COLUMNS, anns)):
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                             f"({', '.join(':' + c for c in columns)})", items)


def _content(aid, incident, day, mention_rows, official_id):
    if incident is None:
        text = "Pemerintah daerah mengimbau aparatur sipil negara menjaga netralitas."
        return "Imbauan netralitas ASN", text, {"article_id": aid, "pipeline_version": "bench-1",
                                                "doc_type": "prevention", "incidents": []}
    story, _, stage, n = incident
    sentence = f"{story['title']} di {story['place']} diduga melanggar netralitas."
    ev = {"text": story["word"], "start": 0, "end": 5, "sentence": sentence}
    officials, subject = [], f"seorang {story['word']}"
    if story["person"]:
        org = f"Pemerintah {story['place']}"
        officials = [{"name": story["person"], "role": f"{story['title']} {story['place']}", "org": org,
                      "region_code": story["code"], "evidence": [ev]}]
        subject = f"{story['person']} ({story['title']} {story['place']})"
        mention_rows.append((official_id(story["person"], org, story["code"]), aid,
                             hashlib.sha256(story["person"].encode()).hexdigest()[:16], story["person"]))
    data = {"article_id": aid, "pipeline_version": "bench-1", "doc_type": "incident",
            "violation_types": [{"type": story["act"], "evidence": [ev]}],
            "regions": [{"code": story["code"], "level": "kabupaten", "name": story["place"], "parents": [],
                         "evidence": [ev]}],
            "officials": officials, "dates": [{"date": day.isoformat(), "evidence": ev}],
            "incidents": [{"subject": subject, "act": "hadir", "stage": stage if k == 0 else "reported",
                           "violation_type": story["act"], "evidence": ev} for k in range(n)]}
    return f"{story['title']} {story['place']} dilaporkan", sentence, data


def run_stage(path: Path) -> dict:
    """``pantau cases --force`` in a fresh process: wall, CPU and peak memory."""
    import os

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "pantau", "cases", "--force",
                           "--archive", str(path)], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PANTAU_DATA_DIR": str(path.parent)})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return {"wall_s": round(wall, 1), "cpu_s": round((after.ru_utime - before.ru_utime)
                                                      + (after.ru_stime - before.ru_stime), 1),
            "peak_mib": round(peak_kb / 1024), "said": done.stderr.strip().splitlines()[-2]}


def phases(path: Path) -> dict:
    """The stage's phases in this process, and the comparisons the linking made."""
    from pantau.cases import link as linking
    from pantau.cases.records import build_cases
    from pantau.cases.reports import reports
    from pantau.store import Archive
    from pantau.store.cases import inputs

    calls = 0
    score = linking.score

    def counted(*args):
        nonlocal calls
        calls += 1
        return score(*args)

    linking.score = counted
    out = {}
    with Archive.open(path) as archive:
        t = time.perf_counter()
        items = list(inputs(archive.conn))
        out["read_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        reps = [rep for item in items for rep in reports(item)]
        out["reports_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        cases = build_cases(reps)
        out["link_and_describe_s"] = round(time.perf_counter() - t, 1)
    linking.score = score
    out.update(incident_articles=len(items), reports=len(reps), cases=len(cases), comparisons=calls,
               comparisons_per_report=round(calls / max(1, len(reps)), 2))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/pantau-cases-bench"))
    parser.add_argument("--reuse", action="store_true", help="Use the archive in --dir as it is.")
    args = parser.parse_args()
    path = args.dir / "archive.sqlite3"
    if not args.reuse:
        args.dir.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        print("built", build(path, args.articles, args.mentions), flush=True)
    print("stage (fresh process)", run_stage(path), flush=True)
    print("phases (in process)", phases(path), flush=True)


if __name__ == "__main__":
    main()
