"""Officials registry benchmark: seconds to merge N official mentions into persons.

    .venv/bin/python benchmarks/officials.py [--mentions 300000]

Mentions are synthetic (generated names from a long tail of first and last names, a few
spelling variants, orgs and regions drawn with a skew), about what 100,000 articles with three
officials each give. Prints mentions/s and the number of persons. No assertions.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pantau.officials_registry import merge_mentions  # noqa: E402

FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hesti", "Imam", "Joko", "Kartika",
         "Lukman", "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sri", "Teguh", "Umar", "Wahyu", "Yusuf"]
LAST = ["Santoso", "Lestari", "Harahap", "Siregar", "Wibowo", "Saputra", "Rahman", "Nasution",
        "Pratama", "Hidayat", "Kurniawan", "Setiawan", "Sihombing", "Pangaribuan", "Lubis"]
ROLES = ["Ketua Bawaslu", "Anggota Bawaslu", "Camat", "Kepala Desa", "Sekda", "Bupati", "Kepala Dinas"]


def mentions(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    people = [(f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}{rng.randint(1, 400)}",
               f"Lembaga {rng.randint(1, 3000)}", f"{rng.randint(11, 94)}.{rng.randint(1, 30):02d}")
              for _ in range(n // 3)]
    out = []
    for i in range(n):
        name, org, region = people[min(int(rng.paretovariate(1.2)) - 1, len(people) - 1) if i % 2 else
                                   rng.randrange(len(people))]
        if rng.random() < 0.2:
            name = name.split()[-1]  # the surname alone, as a later paragraph writes it
        out.append({"name": name, "role": rng.choice(ROLES), "org": org, "region_code": region,
                    "article_id": f"a{i // 3}", "published": date(2023, 1, 1) + timedelta(days=rng.randrange(700))})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=300_000)
    args = parser.parse_args()
    data = mentions(args.mentions)
    started, cpu = time.perf_counter(), time.process_time()
    persons = merge_mentions(data)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"merge: {len(data):,} mentions into {len(persons):,} persons in {wall:.1f} s "
          f"({len(data) / wall:,.0f} mentions/s; {cpu:.1f} CPU-s); peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
