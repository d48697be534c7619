"""The columns of an export and how an archive record becomes one row.

Every field is either a string or a list of strings. CSV joins lists with ``;`` (a ``;``
inside a value becomes ``,``); JSONL and Parquet keep them as lists. The ``official_*``
lists are parallel: the n-th name, role, org and region belong to one mention.
"""

from __future__ import annotations

from pantau.article_fields import describe
from pantau.records import Record

STRING, LIST = "string", "list<string>"

# (name, type): descriptions in pantau.article_fields
_KINDS: list[tuple[str, str]] = [
    ("id", STRING),
    ("url", STRING),
    ("canonical_url", STRING),
    ("source_id", STRING),
    ("source_name", STRING),
    ("source_type", STRING),
    ("title", STRING),
    ("author", STRING),
    ("published_at", STRING),
    ("published_date", STRING),
    ("fetched_at", STRING),
    ("language", STRING),
    ("section", STRING),
    ("text", STRING),
    ("content_hash", STRING),
    ("cluster_id", STRING),
    ("capture_id", STRING),
    ("parser", STRING),
    ("parser_version", STRING),
    ("pipeline_version", STRING),
    ("doc_type", STRING),
    ("violation_types", LIST),
    ("violation_evidence", LIST),
    ("region_codes", LIST),
    ("region_names", LIST),
    ("province_codes", LIST),
    ("official_names", LIST),
    ("official_roles", LIST),
    ("official_orgs", LIST),
    ("official_region_codes", LIST),
    ("official_ids", LIST),
    ("dates", LIST),
]
FIELDS: list[tuple[str, str, str]] = [(name, kind, describe(name)) for name, kind in _KINDS]
FIELD_NAMES = [name for name, _, _ in FIELDS]
LIST_FIELDS = {name for name, kind, _ in FIELDS if kind == LIST}
ANNOTATION_FIELDS = FIELD_NAMES[FIELD_NAMES.index("pipeline_version"):]


def _s(value) -> str:
    return "" if value is None else str(value)


def _article_part(r: Record) -> dict:
    a = r.article
    published = a.published_at.isoformat() if a.published_at else ""
    return {
        "id": a.id, "url": a.url, "canonical_url": a.canonical_url, "source_id": a.source_id,
        "source_name": r.source.name if r.source else "",
        "source_type": _s(r.source.type) if r.source else "",
        "title": a.title, "author": _s(a.author), "published_at": published,
        "published_date": published[:10], "fetched_at": _s(r.fetched_at), "language": a.language,
        "section": _s(a.section), "text": a.text, "content_hash": a.content_hash,
        "cluster_id": _s(a.cluster_id), "capture_id": a.capture_id, "parser": a.parser,
        "parser_version": a.parser_version,
    }


def _annotation_part(r: Record) -> dict:
    """From the annotation's JSON (``Record.annotation_data``), defaults as in the schema."""
    n = r.annotation_data
    if n is None:
        return {name: [] if name in LIST_FIELDS else "" for name in ANNOTATION_FIELDS} | {
            "official_ids": r.official_ids}
    regions = [m for m in n.get("regions", ()) if m.get("code")]
    violations, officials = n.get("violation_types", ()), n.get("officials", ())
    return {
        "pipeline_version": n["pipeline_version"], "doc_type": _s(n["doc_type"]),
        "violation_types": [_s(v["type"]) for v in violations],
        "violation_evidence": [f"{v['type']}: {_evidence(v['evidence'][0])}"
                               for v in violations if v.get("evidence")],
        "region_codes": [m["code"] for m in regions],
        "region_names": [m["name"] for m in regions],
        "province_codes": list(dict.fromkeys(m["code"].split(".")[0] for m in regions)),
        "official_names": [o["name"] for o in officials],
        "official_roles": [o["role"] for o in officials],
        "official_orgs": [_s(o.get("org")) for o in officials],
        "official_region_codes": [_s(o.get("region_code")) for o in officials],
        "official_ids": r.official_ids,
        "dates": [d["date"] for d in n.get("dates", ())],
    }


def _evidence(evidence: dict) -> str:
    return evidence.get("sentence") or evidence["text"]


def to_row(record: Record) -> dict:
    """One export row: every field of FIELDS, strings and lists of strings."""
    return _article_part(record) | _annotation_part(record)  # both parts in FIELDS order

