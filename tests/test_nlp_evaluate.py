"""Our scorer (nlp/evaluate.py) on hand-made gold and predictions."""

from __future__ import annotations

import importlib.util
import json

import pytest

from nlp.evaluate import evaluate, main, name_key, region_key
from tests.conftest import SHARED

GOLD = {
    "a": {"id": "a", "gold": {
        "doc_type": "incident",
        "violation_types": ["social_media", "partisan_photo"],
        "optional_violation_types": ["partisan_support"],
        "regions": [{"level": "kota", "name": "Tegal"}, {"level": "provinsi", "name": "Jawa Tengah"},
                    {"level": "kecamatan", "name": "Margadana"},
                    {"level": "kabupaten", "name": "Brebes", "optional": True}],
        "officials": [{"name": "Rina Wulandari", "role": "Ketua Bawaslu Kota Tegal"},
                      {"name": "Joko Prasetyo", "role": "Camat Margadana"},
                      {"name": "Dewi Anggraini", "role": "Dosen", "optional": True}],
        "dates": ["2024-10-05", {"date": "2024-10-07", "optional": True}],
    }},
    "b": {"id": "b", "gold": {"doc_type": "prevention", "violation_types": [], "regions": [],
                              "officials": [], "dates": []}},
}
PRED = {
    "a": {"id": "a", "doc_type": "incident",
          "violation_types": ["social_media", "partisan_support", "vote_buying"],
          "regions": [{"level": "kota", "name": "Kota Tegal"}, {"level": "provinsi", "name": "Prov. Jawa Tengah"},
                      {"level": "kabupaten", "name": "Kabupaten Brebes"}, {"level": "kabupaten", "name": "Pemalang"}],
          "officials": [{"name": "Dr. Rina Wulandari, S.H., M.H.", "role": "Ketua", "org": "Bawaslu"},
                        {"name": "Joko Prasetyo", "role": "Sekretaris Kecamatan"},
                        {"name": "Dewi Anggraini", "role": "Dosen"}],
          "dates": ["2024-10-05", "2024-10-07", "2024-10-09"]},
    "b": {"id": "b", "doc_type": "statistics"},
}


def test_normalisation():
    assert region_key({"level": "Kota", "name": "Kota Administrasi Jakarta Utara"}) == ("kota", "jakarta utara")
    assert region_key({"level": "provinsi", "name": "DKI Jakarta"}) == ("provinsi", "jakarta")
    assert name_key("Dr. Agung W. Barata, S.H., M.M.") == "agung w barata"
    assert name_key("H. Ahmad Fauzi") == "ahmad fauzi"


def test_scores():
    result, errors = evaluate(GOLD, PRED)
    assert result["regions"] == {"precision": 0.667, "recall": 1.0, "f1": 0.8, "tp": 2, "fp": 1, "fn": 0}
    assert (result["officials"]["tp"], result["officials"]["fp"], result["officials"]["fn"]) == (2, 0, 0)
    assert (result["roles"]["tp"], result["roles"]["fn"]) == (1, 1)  # "camat" is not a word of "Sekretaris Kecamatan"
    assert (result["dates"]["tp"], result["dates"]["fp"]) == (1, 1)
    assert (result["violation_types"]["tp"], result["violation_types"]["fp"],
            result["violation_types"]["fn"]) == (1, 1, 1)
    assert result["doc_type_accuracy"] == 0.5
    f1s = [result[k]["f1"] for k in ("regions", "officials", "dates", "violation_types")]
    assert result["macro_f1"] == round((sum(f1s) + 0.5) / 5, 3)
    assert "a region false hit: ('kabupaten', 'pemalang')" in errors
    assert "b doc_type: want prevention, got statistics" in errors


def test_missing_prediction_counts_as_empty():
    result, _ = evaluate(GOLD, {"b": PRED["b"]})
    assert result["missing_predictions"] == ["a"]
    assert result["regions"]["fn"] == 2


def test_cli(tmp_path, capsys):
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold.write_text("\n".join(json.dumps(v) for v in GOLD.values()))
    pred.write_text("\n".join(json.dumps(v) for v in PRED.values()))
    main(["--gold", str(gold), "--pred", str(pred), "--show-errors"])
    out = capsys.readouterr().out
    assert "macro_f1=" in out and "a date false hit: 2024-10-09" in out


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared scorer absent")
def test_agrees_with_the_shared_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    theirs, _ = shared.score(GOLD, PRED)
    ours, _ = evaluate(GOLD, PRED)
    assert ours == theirs
