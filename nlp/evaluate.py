"""Our scorer for extraction output against gold answers (the metrics of
``shared/eval/README.md``, implemented here): precision, recall and F1 for regions
(level + name; provinsi, kabupaten and kota only), officials (normalised name), roles (the
first word of the gold role appears in the predicted role or org), dates and violation types;
doc_type accuracy; ``macro_f1`` = mean of the four F1 figures and the doc_type accuracy.
Gold items marked ``"optional": true`` (and ``optional_violation_types``) are neither
rewarded nor penalised.

    python -m nlp.evaluate --gold GOLD.jsonl --pred PRED.jsonl [--json] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field

SCORED_LEVELS = ("provinsi", "kabupaten", "kota")
FIELDS = ("regions", "officials", "roles", "dates", "violation_types")
MACRO = ("regions", "officials", "dates", "violation_types")
LEVEL_WORDS = re.compile(
    r"^(?:(?:kota|kabupaten)\s+administrasi|provinsi|prov\.?|kabupaten|kab\.?|kota|"
    r"daerah\s+khusus\s+(?:ibu\s*kota|jakarta)|daerah\s+istimewa|dki|di)\s+")
# Academic degrees and honorifics, compared without dots ("S.H." -> "sh").
TITLES = set("""
dr drs dra ir h hj prof kh tgh haji hajah sh mh mm msi ssos sip spd mpd map se st mt phd
skom mkom ssi sag mag lc ma mba mpa ak sstp mtp sp mp shi mhi spdi mpdi sthi sked mkes skm
bsc msc amd sei mesy mih mkn spsi mpsi sikom mikom sh ssh ipu ip mkn mt drg
""".split())


def words(s: str | None) -> list[str]:
    s = (s or "").lower().replace(".", "")
    return re.sub(r"[^\w\s]", " ", s).split()


def region_key(r: dict) -> tuple[str, str]:
    name = (r.get("name") or "").strip().lower()
    while True:
        shorter = LEVEL_WORDS.sub("", name, count=1)
        if shorter == name:
            break
        name = shorter
    return (r.get("level") or "").strip().lower(), " ".join(words(name))


def name_key(name: str | None) -> str:
    name = name or ""
    # "Agung W. Barata, S.H., M.M." -> drop the degrees after the first comma
    if re.search(r",\s*[A-Z]\.?\s*[A-Za-z]", name):
        name = name.split(",", 1)[0]
    return " ".join(w for w in words(name) if w not in TITLES)


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def compare(self, doc_id: str, label: str, gold: set, optional: set, pred: set) -> None:
        self.tp += len(pred & gold)
        for item in sorted(pred - gold - optional, key=str):
            self.fp += 1
            self.errors.append(f"{doc_id} {label} false hit: {item}")
        for item in sorted(gold - pred, key=str):
            self.fn += 1
            self.errors.append(f"{doc_id} {label} missed: {item}")

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _split(items: list, key) -> tuple[set, set]:
    required = {key(i) for i in items if not (isinstance(i, dict) and i.get("optional"))}
    optional = {key(i) for i in items if isinstance(i, dict) and i.get("optional")}
    return required, optional


def _regions(items) -> set:
    return {k for k in items if k[0] in SCORED_LEVELS}


def score_doc(doc_id: str, gold: dict, pred: dict, counts: dict[str, Count]) -> bool:
    """Add one document to ``counts``; returns whether its doc_type is right."""
    greg, oreg = _split(gold.get("regions", []), region_key)
    preg = {region_key(r) for r in pred.get("regions") or [] if isinstance(r, dict)}
    counts["regions"].compare(doc_id, "region", _regions(greg), oreg, _regions(preg))

    gold_people = {name_key(o["name"]): o for o in gold.get("officials", []) if not o.get("optional")}
    optional_people = {name_key(o["name"]) for o in gold.get("officials", []) if o.get("optional")}
    pred_people: dict[str, dict] = {}
    for o in pred.get("officials") or []:
        if isinstance(o, dict) and o.get("name"):
            pred_people.setdefault(name_key(o["name"]), o)
    counts["officials"].compare(doc_id, "official", set(gold_people), optional_people,
                                set(pred_people))
    for key, person in gold_people.items():
        role = counts["roles"]
        want = (words(person.get("role")) or [""])[0]
        got = pred_people.get(key)
        have = words((got or {}).get("role")) + words((got or {}).get("org"))
        if got and want and want in have:
            role.tp += 1
        else:
            role.fn += 1
            if got:
                role.errors.append(f"{doc_id} role of {key}: want '{want}', got '{got.get('role')}'")

    gdates = {d for d in gold.get("dates", []) if isinstance(d, str)}
    odates = {d["date"] for d in gold.get("dates", []) if isinstance(d, dict) and d.get("optional")}
    pdates = {str(d)[:10] for d in pred.get("dates") or [] if isinstance(d, str)}
    counts["dates"].compare(doc_id, "date", gdates, odates, pdates)

    counts["violation_types"].compare(
        doc_id, "violation", set(gold.get("violation_types", [])),
        set(gold.get("optional_violation_types", [])),
        {v for v in pred.get("violation_types") or [] if isinstance(v, str)})
    ok = pred.get("doc_type") == gold.get("doc_type")
    if not ok:
        counts["violation_types"].errors.append(
            f"{doc_id} doc_type: want {gold.get('doc_type')}, got {pred.get('doc_type')}")
    return ok


def evaluate(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> tuple[dict, list[str]]:
    """Scores and error lines; ``gold_docs`` maps id -> object with a ``gold`` answer."""
    counts = {name: Count() for name in FIELDS}
    right = 0
    missing = [doc_id for doc_id in gold_docs if doc_id not in pred_docs]
    for doc_id, g in gold_docs.items():
        right += score_doc(doc_id, g["gold"], pred_docs.get(doc_id, {}), counts)
    result: dict = {name: counts[name].scores() for name in FIELDS}
    result["doc_type_accuracy"] = round(right / len(gold_docs), 3) if gold_docs else 0.0
    parts = [result[name]["f1"] for name in MACRO] + [result["doc_type_accuracy"]]
    result["macro_f1"] = round(sum(parts) / len(parts), 3)
    result["documents"] = len(gold_docs)
    result["missing_predictions"] = missing
    return result, [e for name in FIELDS for e in counts[name].errors]


def read_jsonl(path: str) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{number}: not JSON: {exc}") from exc
                out[str(obj["id"])] = obj
    return out


def report(result: dict) -> str:
    lines = [f"{name:16} P={result[name]['precision']:.3f} R={result[name]['recall']:.3f} "
             f"F1={result[name]['f1']:.3f} (tp={result[name]['tp']} fp={result[name]['fp']} "
             f"fn={result[name]['fn']})" for name in FIELDS]
    lines.append(f"doc_type         accuracy={result['doc_type_accuracy']:.3f}")
    if result["missing_predictions"]:
        lines.append("no prediction for: " + ", ".join(result["missing_predictions"]))
    lines.append(f"macro_f1={result['macro_f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Score extraction output against gold answers.")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    result, errors = evaluate(read_jsonl(args.gold), read_jsonl(args.pred))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(report(result))
    if args.show_errors and errors:
        print("\n".join(errors), file=sys.stdout)


if __name__ == "__main__":
    main()
