"""The query model shared by every backend, the API and exports.

A ``SearchQuery`` is what a user asks (the URL's parameters); each backend translates it.
The text part is parsed once here (``parse_text``) into a small AST, so quoting and operator
errors are reported the same way whatever the backend.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from pantau.taxonomy import DocType, SourceType, ViolationType

MAX_LIMIT = 100
MAX_QUERY_LENGTH = 500
FacetName = Literal["province", "regency", "violation_type", "doc_type", "source", "month"]
SortOrder = Literal["relevance", "newest", "oldest"]


class TextQuery(BaseModel):
    """Parsed full text: every clause must match (AND); a clause is one or more alternatives
    (OR) each of which is a word or a "quoted phrase"; ``exclude`` lists words/phrases that
    must not occur."""

    clauses: list[list[str]] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.exclude


class SearchQuery(BaseModel):
    q: str | None = Field(None, max_length=MAX_QUERY_LENGTH,
                          description='Words, "phrases", -exclusions, OR between alternatives.')
    region: list[str] = Field(default_factory=list, description="Region codes; a code matches itself and everything inside it.")
    official: list[str] = Field(default_factory=list, description="Official ids.")
    violation_type: list[ViolationType] = Field(default_factory=list)
    doc_type: list[DocType] = Field(default_factory=list)
    source: list[str] = Field(default_factory=list, description="Source ids.")
    source_type: list[SourceType] = Field(default_factory=list)
    date_from: date | None = Field(None, description="Published on or after (inclusive).")
    date_to: date | None = Field(None, description="Published on or before (inclusive).")
    sort: SortOrder = "relevance"
    cursor: str | None = Field(None, description="Opaque cursor from the previous page.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    facets: list[FacetName] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_dates(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        return self


class Hit(BaseModel):
    id: str
    score: float | None = None
    title: str
    url: str
    source_id: str
    source_type: str
    published_at: str | None = None
    doc_type: str | None = None
    violation_types: list[str] = Field(default_factory=list)
    region_codes: list[str] = Field(default_factory=list)
    snippet: str = Field("", description="Highlighted excerpt; matches wrapped in <mark></mark>.")


class FacetCount(BaseModel):
    value: str
    label: str | None = None
    count: int


class SearchPage(BaseModel):
    total: int
    hits: list[Hit]
    next_cursor: str | None = None
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)


class TimelineBucket(BaseModel):
    period: str = Field(description="YYYY-MM for months, YYYY-Www (ISO week) for weeks.")
    key: str | None = Field(None, description="Split value (violation type or province code).")
    count: int
