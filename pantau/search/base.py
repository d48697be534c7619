"""The interface every search backend implements (a provider, as in yente).

Backends are fed ``IndexDocument``s built from the archive (``pantau.search.document``)
and answer ``SearchQuery``s. The API and exports only talk to this interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Literal

from pydantic import BaseModel

from pantau.search.index_document import IndexDocument
from pantau.search.query import SearchPage, SearchQuery, TimelineBucket

__all__ = ["IndexDocument", "IndexStats", "SearchBackend"]


class IndexStats(BaseModel):
    backend: str
    index: str
    documents: int
    seconds: float


class SearchBackend(ABC):
    """A search backend. Implementations: ``TantivyBackend``, ``ElasticsearchBackend``."""

    name: str

    @abstractmethod
    def rebuild(self, docs: Iterable[IndexDocument]) -> IndexStats:
        """Build a fresh index from ``docs`` and make it live atomically."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchPage:
        """One page of hits, the total, the next cursor and the requested facets.

        Orders: ``relevance`` (score, best first; newest first when there is no text),
        ``newest``/``oldest`` (publication time in UTC, then id, same direction; undated
        documents count as the oldest). Scores are backend-specific (bm25 over stems for
        words, over the written text for "phrases", the title boosted) and deterministic for
        one index build; filters never change a score. Each facet counts over every filter
        except its own (region for province/regency, date range for month); at most the
        facet's limit of values, most frequent first, months in calendar order
        (``pantau.search.clauses.sort_buckets``). A bad cursor or query: InvalidInput."""

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


class Only:
    """A backend seen through a set of article ids: ``iter_ids`` and ``count`` keep only
    those (the articles of the cases an export selects); everything else is the backend's."""

    def __init__(self, backend: SearchBackend, ids: set[str]) -> None:
        self._backend, self._ids = backend, ids

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        return (i for i in self._backend.iter_ids(query) if i in self._ids)

    def count(self, query: SearchQuery) -> int:
        return sum(1 for _ in self.iter_ids(query))

    def __getattr__(self, name: str):
        return getattr(self._backend, name)
