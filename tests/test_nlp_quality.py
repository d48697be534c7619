"""Quality gate: the pipeline on the sample site's answer key must stay at or above the
floors pinned in ``tests/quality_floors.toml`` (lowering one is a visible change)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from nlp.evaluate import evaluate, report
from nlp.runner import Item, analyze

FLOORS = Path(__file__).parent / "quality_floors.toml"


@pytest.fixture(scope="module")
def scores():
    from pantau.sample_site import answer_key

    entries = answer_key("http://sample.invalid")
    items = [Item(id=e["id"], text=e["text"], title=e.get("title"), url=e.get("url"),
                  published=e.get("published"), author=e.get("author")) for e in entries]
    preds = {r.output["id"]: r.output for r in analyze(items, batch_size=16)}
    result, errors = evaluate({e["id"]: e for e in entries}, preds)
    return result, errors


def floors() -> dict[str, float]:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))["floors"]


def measured(result: dict, key: str) -> float:
    if key in ("doc_type_accuracy", "macro_f1"):
        return result[key]
    field, metric = key.rsplit("_", 1)
    return result[field][metric]


@pytest.mark.parametrize("key", sorted(floors()))
def test_metric_at_or_above_floor(scores, key):
    result, errors = scores
    floor = floors()[key]
    assert measured(result, key) >= floor, (
        f"{key} = {measured(result, key)} < floor {floor}\n{report(result)}\n" + "\n".join(errors))


def test_every_article_has_a_prediction(scores):
    assert scores[0]["missing_predictions"] == []
    assert scores[0]["documents"] >= 40
