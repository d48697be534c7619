#!/usr/bin/env python3
"""Measure the pantau_regions component alone: region P/R/F1 on a JSONL gold file
(shared/eval format) and/or the sample site's answer keys, with the errors and speed.

Usage: .venv/bin/python scripts/measure_regions.py [--dev ../shared/eval/dev.jsonl] [--sample] [-v]
"""

from __future__ import annotations

import argparse
import glob
import json
import time
import tomllib
from pathlib import Path

SCORED = {"provinsi", "kabupaten", "kota"}
ROOT = Path(__file__).resolve().parent.parent


def build():
    import spacy

    import nlp.components.regions  # noqa: F401

    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("pantau_regions")
    return nlp


def key(r):
    return (r["level"], r.get("code") or r["name"].lower())


def load_dev(path):
    docs = []
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        gold = {(r["level"], r["name"].lower()) for r in o["gold"]["regions"]
                if r["level"] in SCORED and not r.get("optional")}
        opt = {(r["level"], r["name"].lower()) for r in o["gold"]["regions"] if r.get("optional")}
        docs.append((o["id"], o["text"], o.get("title"), None, gold, opt, "name"))
    return docs


def load_sample():
    docs = []
    for f in sorted(glob.glob(str(ROOT / "sample_site/articles/*/*.toml"))):
        a = tomllib.load(open(f, "rb"))
        regs = a.get("answer", {}).get("regions", [])
        gold = {(r["level"], r["code"]) for r in regs if r["level"] in SCORED and not r.get("optional")}
        opt = {(r["level"], r["code"]) for r in regs if r.get("optional")}
        docs.append((Path(f).stem, a["body"], a.get("title"), None, gold, opt, "code"))
    return docs


def run(nlp, docs, verbose, label):
    tp = fp = fn = 0
    t = 0.0
    comp = nlp.get_pipe("pantau_regions")
    comp(nlp.make_doc("Bupati Batang hadir di Kota Batam."))  # warm-up
    for doc_id, text, title, default, gold, opt, by in docs:
        doc = nlp.make_doc(text)
        doc.user_data.update({"title": title, "default_region": default})
        doc = nlp.get_pipe("sentencizer")(doc)
        t0 = time.perf_counter()
        comp(doc)
        t += time.perf_counter() - t0
        pred = {(r["level"], r["code"] if by == "code" else r["name"].lower())
                for r in doc._.regions if r["level"] in SCORED}
        for p in pred - gold - opt:
            fp += 1
            if verbose:
                ev = next(r for r in doc._.regions if (r["level"], r["code"] if by == "code" else r["name"].lower()) == p)
                print(f"  {doc_id} FALSE {p}: {[e['text'] for e in ev['evidence']]} | {ev['evidence'][0]['sentence'][:160]}")
        for g in gold - pred:
            fn += 1
            if verbose:
                print(f"  {doc_id} MISSED {g}")
        tp += len(pred & gold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{label}: docs={len(docs)} P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn}) "
          f"component {1000 * t / max(1, len(docs)):.2f} ms/doc")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default=str(ROOT.parent / "shared/eval/dev.jsonl"))
    ap.add_argument("--sample", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    nlp = build()
    if a.dev and Path(a.dev).exists():
        run(nlp, load_dev(a.dev), a.verbose, "dev")
    if a.sample:
        run(nlp, load_sample(), a.verbose, "sample")


if __name__ == "__main__":
    main()
