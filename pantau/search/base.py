"""The interface every search backend implements (a provider, as in yente).

Backends are fed ``IndexDocument``s built from the archive (``pantau.search.document``)
and answer ``SearchQuery``s. The API and exports only talk to this interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Literal

from datetime import date

from pydantic import BaseModel, Field, computed_field

from pantau.article_fields import describe

from pantau.search.query import SearchPage, SearchQuery, TimelineBucket


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


class IndexStats(BaseModel):
    backend: str
    index: str
    documents: int
    seconds: float


class SearchBackend(ABC):
    """A search backend. Implementations: ``SqliteBackend``, ``ElasticsearchBackend``."""

    name: str

    @abstractmethod
    def rebuild(self, docs: Iterable[IndexDocument]) -> IndexStats:
        """Build a fresh index from ``docs`` and make it live atomically."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchPage:
        """One page of hits, the total, the next cursor and the requested facets.

        Orders: ``relevance`` (score, best first; newest first when there is no text),
        ``newest``/``oldest`` (publication time in UTC, then id, same direction; undated
        documents count as the oldest). Scores are backend-specific: the SQLite backend sums
        bm25 per searched term, exact for words (by stem), approximate for "phrases" (phrase
        IDF, frequency bounded by the phrase's words; ``pantau.search.text``); scores are
        deterministic for one index build. Each facet counts over every filter except its own
        (region for province/regency, date range for month); at most ``FACET_LIMIT`` values,
        most frequent first, months in calendar order. A bad cursor or query: InvalidInput."""

    @abstractmethod
    def timeline(self, query: SearchQuery, interval: Literal["week", "month"],
                 split: Literal["violation_type", "province"] | None = None) -> list[TimelineBucket]:
        """Counts per period (and split value) of the documents matching ``query``, sorted by
        period then key. Undated documents are left out; with a split, a document counts once
        per value it has (and not at all without one)."""

    @abstractmethod
    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        """Every matching id in a stable order (newest first), for complete exports."""

    @abstractmethod
    def count(self, query: SearchQuery) -> int:
        """Number of matching documents."""

    @abstractmethod
    def health(self) -> dict:
        """Backend name, index name, document count; raises BackendUnavailable when down."""

    def close(self) -> None:  # pragma: no cover - optional
        pass
