"""Scoring the case stage against gold: ``pantau cases --evaluate GOLD.jsonl``.

GOLD holds one article a line in ``pantau extract``'s input shape plus ``gold.cases``:
[{"case", "stage", "stage_date"}] (shared/eval/README.md). The articles are analysed and
grouped into cases exactly as ``pantau extract --cases`` does, then scored:

- extended B-cubed precision, recall and F1 over articles (an article may be in several
  cases; one of no gold case placed in a case counts against precision);
- pairwise precision, recall and F1 (pairs of articles sharing a case);
- stage accuracy: for each gold (article, case), the most advanced stage the matched
  predicted case gives the article (a gold case matches the predicted case it overlaps most);
- sanction lag error: for gold cases with a report date and a sanction date, the absolute
  difference in days between the gold lag and the predicted case's ``lag_sanction_days``.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from pantau.cases.reports import RANK


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(ids: list[str], gold: dict[str, set], pred: dict[str, set]) -> tuple[float, float, float]:
    def side(a: dict[str, set], b: dict[str, set]) -> float:
        scores = []
        for e in ids:
            if not a[e]:
                continue
            parts = [min(len(a[e] & a[o]), len(b[e] & b[o])) / len(a[e] & a[o])
                     for o in ids if a[e] & a[o]]
            scores.append(sum(parts) / len(parts))
        return sum(scores) / len(scores) if scores else 1.0
    p, r = side(pred, gold), side(gold, pred)
    return p, r, _f1(p, r)


def pairwise(ids: list[str], gold: dict[str, set], pred: dict[str, set]) -> tuple[float, float, float]:
    g = {pair for pair in combinations(ids, 2) if gold[pair[0]] & gold[pair[1]]}
    p = {pair for pair in combinations(ids, 2) if pred[pair[0]] & pred[pair[1]]}
    prec = len(g & p) / len(p) if p else float(not g)
    rec = len(g & p) / len(g) if g else 1.0
    return prec, rec, _f1(prec, rec)


def score(gold_rows: list[dict], cases: list[dict]) -> dict:
    """Figures for predicted ``cases`` (rows of ``contract_row``) against ``gold_rows``."""
    ids = [str(row["id"]) for row in gold_rows]
    gold = {str(row["id"]): {c["case"] for c in row["gold"].get("cases", [])} for row in gold_rows}
    pred = {i: set() for i in ids}
    for case in cases:
        for a in case["articles"]:
            if a in pred:
                pred[a].add(case["case"])
    bp, br, bf = bcubed(ids, gold, pred)
    pp, pr, pf = pairwise(ids, gold, pred)
    members: dict[str, set] = {}
    for row in gold_rows:
        for c in row["gold"].get("cases", []):
            members.setdefault(c["case"], set()).add(str(row["id"]))
    match = {g: max(cases, key=lambda c: len(m & set(c["articles"])) / len(m | set(c["articles"])),
                    default=None) for g, m in members.items()}
    stage_ok = stage_total = 0
    for row in gold_rows:
        for c in row["gold"].get("cases", []):
            stage_total += 1
            case = match.get(c["case"])
            got = [s["stage"] for s in case["stages"] if s["article"] == str(row["id"])] if case else []
            stage_ok += bool(got) and max(got, key=RANK.get) == c["stage"]
    lags = _lag_errors(gold_rows, members, match)
    return {"articles": len(ids), "gold_cases": len(members),
            "predicted_cases": sum(1 for c in cases if set(c["articles"]) & set(ids)),
            "bcubed": {"p": bp, "r": br, "f1": bf}, "pairwise": {"p": pp, "r": pr, "f1": pf},
            "stage_accuracy": stage_ok / stage_total if stage_total else 1.0,
            "stage_total": stage_total,
            "sanction_lag": {"cases": len(lags), "mean_abs_error_days": sum(lags) / len(lags) if lags else None,
                             "median_abs_error_days": sorted(lags)[len(lags) // 2] if lags else None}}


def _lag_errors(gold_rows: list[dict], members: dict[str, set], match: dict) -> list[int]:
    from datetime import date

    dates: dict[str, dict[str, list[date]]] = {}
    for row in gold_rows:
        published = str(row.get("published") or "")[:10]
        for c in row["gold"].get("cases", []):
            day = c.get("stage_date") or published
            if day:
                dates.setdefault(c["case"], {}).setdefault(c["stage"], []).append(date.fromisoformat(day))
    errors = []
    for g, by_stage in dates.items():
        start = min((d for days in by_stage.values() for d in days), default=None)
        if "sanctioned" not in by_stage or start is None:
            continue
        case = match.get(g)
        if case is None or case.get("lag_sanction_days") is None:
            continue
        errors.append(abs((min(by_stage["sanctioned"]) - start).days - case["lag_sanction_days"]))
    return errors


def evaluate_file(path: Path) -> dict:
    from pantau.cases import contract_row
    from pantau.commands.case_run import analyse, cases_for

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    outputs = analyse(rows)
    return score(rows, [contract_row(c) for c in cases_for(rows, outputs)])


def render(result: dict, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(result, indent=2)
    b, p, lag = result["bcubed"], result["pairwise"], result["sanction_lag"]
    lag_text = "n/a" if lag["mean_abs_error_days"] is None else \
        f"mean {lag['mean_abs_error_days']:.1f} days, median {lag['median_abs_error_days']} days"
    return "\n".join([
        f"articles={result['articles']} gold_cases={result['gold_cases']} predicted_cases={result['predicted_cases']}",
        f"bcubed    P={b['p']:.3f} R={b['r']:.3f} F1={b['f1']:.3f}",
        f"pairwise  P={p['p']:.3f} R={p['r']:.3f} F1={p['f1']:.3f}",
        f"stage     accuracy={result['stage_accuracy']:.3f} ({result['stage_total']} article-case stages)",
        f"sanction lag error: {lag_text} over {lag['cases']} cases",
        f"cases_f1={b['f1']:.3f}"])
