"""The embedded index's schema and documents, derived from ``IndexDocument`` and the field
registry (``pantau.search.fields``).

- ``title``, ``text``: the text as written, folded (lower case, ASCII), stored: "phrases",
  snippets. ``title_stem``, ``text_stem``: the Sastrawi stems of the same tokens, computed in
  Python (``pantau.search.analysis``; region names are never stemmed): word matching, bm25.
- Every keyword field of the registry (``KEYWORD_FIELDS``): raw, fast: filters and facets
  (terms aggregations), the periods ``month`` and ``week`` included.
- Multi-valued facet fields (``SLOTTED``: provinces, kabupaten/kota, violation types) are
  also written as ``SLOTS`` dense single-valued columns ``<field>__0`` .. ``__3`` (a
  document's sorted values, then ``EMPTY``) plus ``<field>__more`` for a fifth value and
  beyond: tantivy aggregates a dense single-valued column several times faster than a
  multi-valued one (at 1M documents about 1.5 ms against 35 ms), so facets and timeline
  splits count the slots and add them up (``facet_fields``). Filters use the field itself.
- ``published_date``: a date (midnight UTC of the local day), for the date range filter.
- ``sort_key``: one i64 ordering documents by publication time then id: UTC seconds << 20
  plus the id's first 20 bits (undated documents: below every dated one). Equal keys are
  rare and resolved by ``idnum`` (``tantivy_engine``).
- ``idnum``: the 16-hex-digit article id as a u64 fast field (ids without a fast read back
  stored ``id``); ``hit``: the stored JSON a result needs.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache

import tantivy

from pantau.search.analysis import stem_tokens, tokens
from pantau.search.base import IndexDocument
from pantau.search.fields import KEYWORD_FIELDS
from pantau.search.query import HIT_DOCUMENT_FIELDS

FOLDED = "pantau_folded"
WRITTEN_FIELDS = ("title", "text")
STEM_FIELDS = ("title_stem", "text_stem")
TITLE_BOOST = 2.0
HIT_FIELDS = HIT_DOCUMENT_FIELDS
# Changes with any change of the schema or of what goes into a field: an index of another
# version is refused ("run pantau index") instead of answering wrongly.
SCHEMA_VERSION = 2
SLOTTED = ("province_codes", "regency_codes", "violation_types")
SLOTS = 4
EMPTY = "-"  # the value of an unused slot (no code or type is "-")
KEY_BITS = 20
UNDATED = -(1 << 40)  # seconds: before every real date


@lru_cache(maxsize=1)
def schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    for name in WRITTEN_FIELDS:
        sb.add_text_field(name, stored=True, tokenizer_name=FOLDED)
    for name in STEM_FIELDS:
        sb.add_text_field(name, tokenizer_name="whitespace")
    for name in KEYWORD_FIELDS:
        sb.add_text_field(name, fast=True, tokenizer_name="raw")
    for name in SLOTTED:
        for column in facet_fields(name):
            sb.add_text_field(column, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_date_field("published_date", indexed=True, fast=True)
    sb.add_integer_field("sort_key", indexed=True, fast=True)
    sb.add_unsigned_field("idnum", indexed=True, fast=True)
    sb.add_bytes_field("hit", stored=True)
    return sb.build()


def facet_fields(field: str) -> tuple[str, ...]:
    """The columns a facet over ``field`` counts: its slots, or the field itself."""
    if field in SLOTTED:
        return (*(f"{field}__{k}" for k in range(SLOTS)), f"{field}__more")
    return (field,)


def _add_slots(out: tantivy.Document, field: str, values: list[str]) -> None:
    ordered = sorted(set(values))
    for k in range(SLOTS):
        out.add_text(f"{field}__{k}", ordered[k] if k < len(ordered) else EMPTY)
    for value in ordered[SLOTS:]:
        out.add_text(f"{field}__more", value)


def register(index: tantivy.Index) -> tantivy.Index:
    """Register the folding analyzer (every Index object needs it)."""
    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())
    index.register_tokenizer(FOLDED, analyzer)
    return index


def id_number(doc_id: str) -> int:
    """The id as a number when it is 16 hex digits (article ids are), else 0."""
    if len(doc_id) == 16:
        try:
            return int(doc_id, 16)
        except ValueError:
            pass
    return 0


def utc_seconds(published_at: str | None) -> int:
    if not published_at:
        return UNDATED
    return int(datetime.fromisoformat(published_at).astimezone(timezone.utc).timestamp())


def sort_key(seconds: int, idnum: int) -> int:
    return (seconds << KEY_BITS) | (idnum >> (64 - KEY_BITS))


def day_value(day: str) -> datetime:
    """A YYYY-MM-DD day as the index stores it (midnight UTC)."""
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc)


def to_document(doc: IndexDocument) -> tantivy.Document:
    data = doc.model_dump(mode="json")
    out = tantivy.Document()
    out.add_text("id", doc.id)
    for name in WRITTEN_FIELDS:
        written = data[name] or ""
        out.add_text(name, written)
        out.add_text(f"{name}_stem", " ".join(stem_tokens(tokens(written))))
    for name in KEYWORD_FIELDS:
        value = data.get(name)
        for item in value if isinstance(value, list) else [value] if value else []:
            out.add_text(name, item)
    for name in SLOTTED:
        _add_slots(out, name, data[name])
    if doc.published_date and "1700" <= doc.published_date <= "2200-12-31":
        out.add_date("published_date", day_value(doc.published_date))
    idnum = id_number(doc.id)
    out.add_integer("sort_key", sort_key(utc_seconds(doc.published_at), idnum))
    out.add_unsigned("idnum", idnum)
    hit = {name: data[name] for name in HIT_FIELDS}
    out.add_bytes("hit", json.dumps(hit, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return out
