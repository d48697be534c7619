"""Re-parse stored captures into articles, without the network (``pantau reparse``).

Every capture of the archive (or of one source) is parsed again with the current parser;
multi-page articles are joined from the stored captures of their next pages; articles are
upserted under their stable ids with the current parser version and re-clustered. When
several captures give the same article (AMP and normal page, re-fetches), the best one
wins: not AMP, then the longest text, then the newest fetch. Idempotent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from crawler import relevance
from crawler.dedupe import with_cluster
from crawler.parsing import ParsedPage, join_pages, parse_page, to_article
from crawler.parsing.dates import zone_for_region
from crawler.parsing.pages import MAX_PAGES


@dataclass
class ReparseSummary:
    captures: int = 0
    articles: int = 0  # distinct articles written
    failed: Counter = field(default_factory=Counter)  # reason -> captures
    skipped: Counter = field(default_factory=Counter)  # continuation pages, weaker duplicates
    notes: Counter = field(default_factory=Counter)  # e.g. missing next pages

    def to_dict(self) -> dict:
        return {"captures": self.captures, "articles": self.articles, "failed": dict(self.failed),
                "skipped": dict(self.skipped), "notes": dict(self.notes)}


def _reason_key(reason: str | None) -> str:
    return (reason or "unknown").split(" (")[0]


def _parse(capture, zones: dict) -> ParsedPage:
    return parse_page(capture.body, capture.final_url or capture.url, capture.headers,
                      capture.source_id, default_tz=zones.get(capture.source_id, zone_for_region(None)))


def follow_pages(archive, first: ParsedPage, zones: dict, summary: ReparseSummary) -> list[ParsedPage]:
    """Page 1 and the stored captures of its next pages, in order."""
    pages, seen, url = [first], {first.url}, first.next_page_url
    while url and url not in seen and len(pages) < MAX_PAGES:
        seen.add(url)
        stored = archive.latest_capture_for_url(url)
        if stored is None or not 200 <= stored.status < 300:
            summary.notes["next page not captured"] += 1
            break
        page = _parse(stored, zones)
        if not page.ok:
            summary.notes[f"next page unusable: {_reason_key(page.reason)}"] += 1
            break
        pages.append(page)
        url = page.next_page_url
    return pages


def reparse_archive(archive, source_id: str | None = None,
                    progress: Callable[[int], None] | None = None) -> ReparseSummary:
    summary = ReparseSummary()
    zones = {s.id: zone_for_region(s.region_code) for s in archive.list_sources()}
    best: dict[str, tuple] = {}
    for capture in archive.iter_captures(source_id):
        summary.captures += 1
        if progress and summary.captures % 500 == 0:
            progress(summary.captures)
        if not 200 <= capture.status < 300:
            summary.failed[f"http {capture.status}"] += 1
            continue
        page = _parse(capture, zones)
        if not page.ok:
            summary.failed[_reason_key(page.reason)] += 1
            continue
        if page.is_continuation:
            summary.skipped["continuation page (joined to page 1)"] += 1
            continue
        joined = join_pages(follow_pages(archive, page, zones, summary))
        article = to_article(joined, capture)
        if not relevance.judge(article.title, article.text).on_topic:
            summary.skipped["off-topic"] += 1  # the crawl keeps such pages as captures only
            continue
        rank = (not joined.is_amp, len(article.text), capture.fetched_at.isoformat(), capture.id)
        if article.id in best:
            summary.skipped["other capture of the same article"] += 1
            if best[article.id] >= rank:
                continue
        best[article.id] = rank
        with archive.transaction():
            archive.upsert_article(with_cluster(archive, article))
    summary.articles = len(best)
    return summary
