"""Quality gate of the case stage: B-cubed F1 and stage accuracy on each gold file stay at or
above the floors in ``tests/quality_floors.toml`` ([cases.*]), measured as ``pantau cases
--evaluate`` measures them (the NLP pipeline, near-duplicate clusters, the case stage)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from pantau.cases import contract_row
from pantau.cases.evaluate import score
from pantau.commands.case_run import analyse, cases_for

HERE = Path(__file__).parent
FLOORS = tomllib.loads((HERE / "quality_floors.toml").read_text(encoding="utf-8"))["cases"]


def _rows(name: str) -> list[dict]:
    if name == "sample":
        from sample_site import answer_key

        return answer_key("http://sample.invalid")
    path = HERE / "heldout" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def results():
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            rows = _rows(name)
            cache[name] = score(rows, [contract_row(c) for c in cases_for(rows, analyse(rows))])
        return cache[name]

    return get


@pytest.mark.parametrize("name,metric", [(n, m) for n, floors in FLOORS.items() for m in sorted(floors)])
def test_case_metric_at_or_above_floor(results, name, metric):
    result = results(name)
    value = result["bcubed"]["f1"] if metric == "bcubed_f1" else result[metric]
    assert value >= FLOORS[name][metric], f"{name}: {metric} = {value:.3f} < {FLOORS[name][metric]}\n{result}"


def test_every_gold_file_has_cases_and_articles_of_none(results):
    for name in FLOORS:
        rows = _rows(name)
        assert sum(1 for r in rows if r["gold"]["cases"]) >= 40 and sum(1 for r in rows if not r["gold"]["cases"]) >= 5
        assert results(name)["gold_cases"] >= 20
