"""Write the generated sections of crawler/sources.toml: every Bawaslu office (from
crawler/data/bawaslu_offices.csv and the region table) and the regional outlets (from
crawler/data/news_outlets.csv). Entries marked verified keep the mark.

    .venv/bin/python scripts/build_sources.py            # rewrite both sections
    .venv/bin/python scripts/build_sources.py --offices  # first (re)derive bawaslu_offices.csv
                                                         # from the region table and the naming
                                                         # rule, keeping corrected rows
    .venv/bin/python scripts/build_sources.py --check    # exit 1 if sources.toml is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler import registry_build as rb  # noqa: E402
from crawler.registry import REGISTRY_PATH, load_registry  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offices", action="store_true", help="re-derive bawaslu_offices.csv first")
    parser.add_argument("--check", action="store_true", help="only report whether sources.toml is up to date")
    args = parser.parse_args(argv)
    if args.offices:
        existing = rb.read_csv(rb.OFFICES_CSV, rb.OFFICE_FIELDS) if rb.OFFICES_CSV.exists() else []
        rows = rb.seed_offices(rb.read_regions(), existing)
        rb.write_csv(rb.OFFICES_CSV, rb.OFFICE_FIELDS, rows)
        print(f"{rb.OFFICES_CSV}: {len(rows)} offices")
    old = REGISTRY_PATH.read_text(encoding="utf-8")
    new = rb.build(old)
    if args.check:
        print("up to date" if new == old else "out of date: run scripts/build_sources.py")
        return 0 if new == old else 1
    fd, tmp = tempfile.mkstemp(dir=REGISTRY_PATH.parent, prefix=".sources.", suffix=".toml")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(new)
    try:
        load_registry(tmp)  # refuse to install a registry that does not validate
        os.replace(tmp, REGISTRY_PATH)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    print(f"{REGISTRY_PATH}: {len(load_registry().entries)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
