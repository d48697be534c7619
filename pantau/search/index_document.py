"""One article as the search backends see it (``IndexDocument``): the fields both backends
index, the derived ones included, described once (``pantau.article_fields``). Search hits
(``pantau.search.query.Hit``) take their document fields from here."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, computed_field

from pantau.article_fields import describe


class IndexDocument(BaseModel):
    """One article as the search backends see it: article + latest annotation + source."""

    id: str = Field(description=describe("id"))
    url: str = Field(description=describe("url"))
    canonical_url: str = Field(description=describe("canonical_url"))
    source_id: str = Field(description=describe("source_id"))
    source_type: str = Field(description=describe("source_type"))
    source_name: str | None = Field(None, description=describe("source_name"))
    title: str = Field(description=describe("title"))
    text: str = Field(description=describe("text"))
    author: str | None = Field(None, description=describe("author"))
    published_at: str | None = Field(None, description=describe("published_at"))
    published_date: str | None = Field(None, description=describe("published_date"))
    cluster_id: str | None = Field(None, description=describe("cluster_id"))
    doc_type: str | None = Field(None, description=describe("doc_type"))
    violation_types: list[str] = Field(default_factory=list, description=describe("violation_types"))
    region_codes: list[str] = Field(default_factory=list, description="Named regions and all their ancestors.")
    named_region_codes: list[str] = Field(default_factory=list, description="Regions the text names.")
    region_names: list[str] = Field(default_factory=list, description=describe("region_names"))
    official_ids: list[str] = Field(default_factory=list, description=describe("official_ids"))
    official_names: list[str] = Field(default_factory=list, description=describe("official_names"))
    pipeline_version: str | None = Field(None, description=describe("pipeline_version"))

    # Derived once here for every backend (facets, timelines, filters).
    @computed_field(description="Province codes among region_codes (the province facet).")
    @property
    def province_codes(self) -> list[str]:
        return [c for c in self.region_codes if "." not in c]

    @computed_field(description="Kabupaten/kota codes among region_codes (the regency facet).")
    @property
    def regency_codes(self) -> list[str]:
        return [c for c in self.region_codes if c.count(".") == 1]

    @computed_field(description="YYYY-MM of published_date (the month facet and timeline).")
    @property
    def month(self) -> str | None:
        return self.published_date[:7] if self.published_date else None

    @computed_field(description="ISO week YYYY-Www of published_date (the weekly timeline).")
    @property
    def week(self) -> str | None:
        if not self.published_date:
            return None
        year, week, _ = date.fromisoformat(self.published_date).isocalendar()
        return f"{year}-W{week:02d}"
