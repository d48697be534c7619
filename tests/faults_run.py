"""The fault suite's SIGKILL trials on demand, with figures (the CI share runs in
``tests/test_faults.py`` with a few kills per stage):

    .venv/bin/python -m tests.faults_run --kills 50 [--stage crawl --stage index] [--seed 11]

For each stage (crawl against the sample site served on localhost, reparse, analyze,
officials, index) it SIGKILLs the real ``pantau`` process at random moments until
``--kills`` kills landed, reruns it after each, and checks the archive's integrity, no
duplicates, the clean run's final state and no leftovers (``tests/helpers/faults.py``).
Prints survived / trials and kills per stage; exit status 1 if any trial failed (the data
directories of failed trials are kept under ``--workdir``/failed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.crawl_support import LoggedSite  # noqa: E402
from tests.helpers.faults import STAGES, Lab  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="SIGKILLs that must land per stage.")
    parser.add_argument("--stage", action="append", choices=STAGES, help="Only these stages (repeatable).")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workdir", type=Path, help="Where the data directories go (default: a temporary one).")
    parser.add_argument("--quiet", action="store_true", help="No line per trial.")
    args = parser.parse_args()
    if args.kills < 1:
        parser.error("--kills must be at least 1")

    root = args.workdir or Path(tempfile.mkdtemp(prefix="pantau-faults-"))
    site = LoggedSite()
    results = []
    try:
        lab = Lab(root, site=site, seed=args.seed)
        for name in args.stage or STAGES:
            started = time.monotonic()
            result = lab.run_stage(name, args.kills, log=None if args.quiet else print)
            results.append((result, time.monotonic() - started))
            print(f"== {name}: {result.survived}/{result.trials} trials survived, {result.kills} kills "
                  f"({result.wrote} after the stage had written), clean run {result.clean_s:.1f} s",
                  flush=True)
            for failure in result.failures:
                print(f"   FAILED {failure}", flush=True)
            if result.known:
                print(f"   {len(result.known)} trials with the known difference (tests/helpers/faults.py, KNOWN)")
    finally:
        site.close()
    print("\nstage      survived/trials  kills  kills after writing  known difference  minutes")
    for result, seconds in results:
        print(f"{result.stage:<10} {result.survived:>6}/{result.trials:<8} {result.kills:>6}  "
              f"{result.wrote:>19}  {len(result.known):>16}  {seconds / 60:>7.1f}")
    print(f"data directories under {root}")
    return 0 if all(not r.failures for r, _ in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
