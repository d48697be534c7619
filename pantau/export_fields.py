"""The columns of an export and how an archive record becomes one row.

Every field is either a string or a list of strings. CSV joins lists with ``;`` (a ``;``
inside a value becomes ``,``); JSONL and Parquet keep them as lists. The ``official_*``
lists are parallel: the n-th name, role, org and region belong to one mention.
"""

from __future__ import annotations

from pantau.records import Record

STRING, LIST = "string", "list<string>"

# (name, type, description)
FIELDS: list[tuple[str, str, str]] = [
    ("id", STRING, "Article id (stable: a digest of the canonical URL)."),
    ("url", STRING, "URL the article was fetched from."),
    ("canonical_url", STRING, "Canonical URL declared by the page (or the normalised URL)."),
    ("source_id", STRING, "Source (outlet or Bawaslu office) id; see /v1/sources."),
    ("source_name", STRING, "Source name."),
    ("source_type", STRING, "news, bawaslu or government."),
    ("title", STRING, "Headline."),
    ("author", STRING, "Author or reporter, when the page names one."),
    ("published_at", STRING, "Publication time, ISO 8601 with the offset the page gave."),
    ("published_date", STRING, "Publication date (YYYY-MM-DD) in the page's own offset."),
    ("fetched_at", STRING, "When the page was captured, ISO 8601 UTC."),
    ("language", STRING, "Language code of the text."),
    ("section", STRING, "Section or rubric of the outlet, when known."),
    ("text", STRING, "Main text as extracted, paragraphs separated by blank lines."),
    ("content_hash", STRING, "sha256 of the normalised text (exact-duplicate key)."),
    ("cluster_id", STRING, "Near-duplicate cluster (syndicated copies share one)."),
    ("capture_id", STRING, "Raw capture the article was parsed from; see /v1/articles/{id}/capture."),
    ("parser", STRING, "Parser that produced the fields."),
    ("parser_version", STRING, "Version of that parser."),
    ("pipeline_version", STRING, "NLP pipeline version of the annotation (empty: not analysed)."),
    ("doc_type", STRING, "Document type: incident, prevention, statistics, regulation, other."),
    ("violation_types", LIST, "Violation type codes the text mentions; see /v1/taxonomy."),
    ("violation_evidence", LIST, "One sentence per violation type, as 'code: sentence'."),
    ("region_codes", LIST, "Kemendagri codes of the regions the text names."),
    ("region_names", LIST, "Names of those regions (same order)."),
    ("province_codes", LIST, "Province codes of the named regions (distinct)."),
    ("official_names", LIST, "Officials named in the text (normalised names)."),
    ("official_roles", LIST, "Role of each named official (parallel to official_names)."),
    ("official_orgs", LIST, "Organisation of each named official (parallel; may be empty)."),
    ("official_region_codes", LIST, "Region of each named official (parallel; may be empty)."),
    ("official_ids", LIST, "Officials registry ids of the persons named; see /v1/officials."),
    ("dates", LIST, "Calendar dates the text mentions (YYYY-MM-DD)."),
]
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

