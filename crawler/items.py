"""What the spider hands to the pipeline: an article's fetched pages, or an event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Page:
    """One HTTP response, exactly as received."""

    url: str  # the URL requested (first of a redirect chain)
    final_url: str  # the URL that answered
    status: int
    headers: dict[str, str]
    body: bytes = field(repr=False)
    fetched_at: datetime


@dataclass
class ArticleFetch:
    """Pages 1..n of one article, to be captured, parsed and stored together."""

    source_id: str
    pages: list[Page]
    incomplete: str | None = None  # why a next page could not be fetched (then no article)


@dataclass
class Event:
    """Anything else worth counting: a discovery page fetched, a failure, a skip, a 304.

    kind: "page" (a discovery page was fetched), "failed", "skipped", "unchanged";
    fetched: which kind of page answered ("discovery", "article"), None if none did.
    """

    source_id: str
    kind: str
    url: str
    reason: str = ""
    status: int | None = None
    final: bool = False  # remember the URL as done (a 404, a PDF...)
    fetched: str | None = None
    final_url: str | None = None  # the URL that answered (a redirect's target)
