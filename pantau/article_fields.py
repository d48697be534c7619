"""What each article field means: one description per field name, used by the export's
data dictionary, the search index document (``IndexDocument``), search hits and the
OpenAPI document wherever a field of the same name appears."""

from __future__ import annotations

DESCRIPTIONS: dict[str, str] = {
    "id": "Article id (stable: a digest of the canonical URL).",
    "url": "URL the article was fetched from.",
    "canonical_url": "Canonical URL declared by the page (or the normalised URL).",
    "source_id": "Source (outlet or Bawaslu office) id; see /v1/sources.",
    "source_name": "Source name.",
    "source_type": "news, bawaslu or government.",
    "title": "Headline.",
    "author": "Author or reporter, when the page names one.",
    "published_at": "Publication time, ISO 8601 with the offset the page gave.",
    "published_date": "Publication date (YYYY-MM-DD) in the page's own offset.",
    "fetched_at": "When the page was captured, ISO 8601 UTC.",
    "language": "Language code of the text.",
    "section": "Section or rubric of the outlet, when known.",
    "text": "Main text as extracted, paragraphs separated by blank lines.",
    "content_hash": "sha256 of the normalised text (exact-duplicate key).",
    "cluster_id": "Near-duplicate cluster (syndicated copies share one).",
    "capture_id": "Raw capture the article was parsed from; see /v1/articles/{id}/capture.",
    "parser": "Parser that produced the fields.",
    "parser_version": "Version of that parser.",
    "pipeline_version": "NLP pipeline version of the annotation (empty: not analysed).",
    "doc_type": "Document type: incident, prevention, statistics, regulation, other.",
    "violation_types": "Violation type codes the text mentions; see /v1/taxonomy.",
    "violation_evidence": "One sentence per violation type, as 'code: sentence'.",
    "region_codes": "Kemendagri codes of the regions the text names.",
    "region_names": "Names of those regions (same order).",
    "province_codes": "Province codes of the named regions (distinct).",
    "official_names": "Officials named in the text (normalised names).",
    "official_roles": "Role of each named official (parallel to official_names).",
    "official_orgs": "Organisation of each named official (parallel; may be empty).",
    "official_region_codes": "Region of each named official (parallel; may be empty).",
    "official_ids": "Officials registry ids of the persons named; see /v1/officials.",
    "dates": "Calendar dates the text mentions (YYYY-MM-DD).",
}


def describe(name: str) -> str:
    """The description of an article field (KeyError for an unknown name)."""
    return DESCRIPTIONS[name]
