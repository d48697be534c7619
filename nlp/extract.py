"""From an analysed doc to the ``pantau extract`` object (``shared/eval/README.md``) and to
the archive's ``pantau.schema.Annotation``.

The object holds the contract fields (id, doc_type, violation_types, regions, officials,
dates) plus: ``evidence`` ({"dates": {iso: [ev]}, "violation_types": {code: [ev]}}; regions
and officials carry their own ``evidence``), ``incidents``, ``pipeline_version`` and
``text_offset`` (where the body starts in the analysed string, see ``nlp.runner.compose``).

Regions, dates and violation types named only in the title count; officials only when the
body names them (``_in_body``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from pantau.schema import Annotation, IncidentMention, OfficialMention, RegionMention
from pantau.taxonomy import DocType

REGION_KEYS = ("level", "name", "code", "parents", "evidence")
OFFICIAL_KEYS = ("name", "role", "org", "region_code", "evidence")


def doc_to_output(doc: Doc, doc_id: str, version: str) -> dict:
    violations = doc._.violations or []
    dates = doc._.dates or []
    return {
        "id": doc_id,
        "doc_type": doc._.doc_type or DocType.OTHER.value,
        "violation_types": [v["type"] for v in violations],
        "regions": [{k: r.get(k) for k in REGION_KEYS if k in r} for r in doc._.regions or []],
        "officials": [{k: o.get(k) for k in OFFICIAL_KEYS if k in o} for o in doc._.officials or []
                      if _in_body(o, doc.user_data.get("title_end", 0))],
        "dates": [d["date"] for d in dates],
        "incidents": list(doc._.incidents or []),
        "evidence": {
            "dates": {d["date"]: d.get("evidence", []) for d in dates},
            "violation_types": {v["type"]: v.get("evidence", []) for v in violations},
        },
        "pipeline_version": version,
        "text_offset": doc.user_data.get("title_end", 0),
    }


def _in_body(item: dict, body_start: int) -> bool:
    """Officials count when the body names them: title-case headlines ("Camat X Diperiksa
    Bawaslu") make names in the title unreliable, and news names its people in the body."""
    evidence = item.get("evidence") or []
    return not body_start or not evidence or any(ev["start"] >= body_start for ev in evidence)


def output_to_annotation(output: dict, article_id: str) -> Annotation:
    """The archive record of one analysed article. Only the schema's fields are kept (the
    models forbid extra keys), so a component may add keys of its own to its dicts."""
    ev = output.get("evidence", {})
    dates = []
    for iso in output.get("dates", []):
        found = _one(ev.get("dates", {}).get(iso))
        if found:
            dates.append({"date": iso, "evidence": found})
    return Annotation(
        article_id=article_id,
        pipeline_version=output["pipeline_version"],
        doc_type=output["doc_type"],
        violation_types=[{"type": code, "evidence": _evs(ev.get("violation_types", {}).get(code))}
                         for code in output.get("violation_types", [])],
        regions=[_pick(r, RegionMention) for r in output.get("regions", [])],
        officials=[{**_pick(o, OfficialMention), "role": o.get("role") or ""}
                   for o in output.get("officials", [])],
        dates=dates,
        incidents=_incidents(output.get("incidents", [])),
    )


def _ev(item: dict) -> dict:
    return {k: item[k] for k in ("text", "start", "end", "sentence") if k in item}


def _evs(items) -> list[dict]:
    return [_ev(e) for e in items or []]


def _pick(item: dict, model) -> dict:
    out = {k: v for k, v in item.items() if k in model.model_fields and v is not None}
    if "evidence" in out:
        out["evidence"] = _evs(out["evidence"]) if isinstance(out["evidence"], list) else _ev(out["evidence"])
    return out


def _one(evidence) -> dict | None:
    """The one evidence the schema keeps of a date or an incident: the first of a list (the
    output lists them in text order), or the evidence itself; None without one."""
    if isinstance(evidence, list):
        evidence = evidence[0] if evidence else None
    return _ev(evidence) if evidence else None


def _incidents(items: list[dict]) -> list[dict]:
    out = []
    for inc in items:
        ev = _one(inc.get("evidence"))
        if ev:
            out.append({**_pick(inc, IncidentMention), "evidence": ev})
    return out
