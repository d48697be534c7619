"""Re-parse stored captures into articles, without the network (``pantau reparse``).

Every capture of the archive (or of one source) that starts an article is parsed again with
the current parser, through the crawl's own path (``crawler.archiving.judge``: the same
parser, the source's time zone, the same relevance filter); the pages of a multi-page
article are the stored captures of its next pages, followed as the spider follows them
(``parse_bridge.next_in_chain``). Articles are upserted under their stable ids with the
current parser version and re-clustered. When several captures give the same article (AMP
and normal page, re-fetches), the best one wins: not AMP, then the longest text, then the
newest fetch. Idempotent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from crawler import parse_bridge
from crawler.archiving import judge
from crawler.parsing.pages import page_number
from pantau.store import ledger


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


def _url(capture) -> str:
    return capture.final_url or capture.url


def article_captures(archive, first, summary: ReparseSummary) -> list:
    """Page 1 and the stored captures of its next pages, in order."""
    captures = [first]
    url = parse_bridge.next_in_chain(first.body, _url(first), [_url(first)])
    while url:
        stored = archive.latest_capture_for_url(url)
        if stored is None or not 200 <= stored.status < 300:
            summary.notes["next page not captured"] += 1
            break
        captures.append(stored)
        url = parse_bridge.next_in_chain(stored.body, _url(stored), [_url(c) for c in captures])
    return captures


def reparse_archive(archive, source_id: str | None = None,
                    progress: Callable[[int], None] | None = None) -> ReparseSummary:
    summary = ReparseSummary()
    sources = {s.id: s for s in archive.list_sources()}
    best: dict[str, tuple] = {}
    for capture in archive.iter_captures(source_id):
        summary.captures += 1
        if progress and summary.captures % 500 == 0:
            progress(summary.captures)
        if not 200 <= capture.status < 300:
            summary.failed[f"http {capture.status}"] += 1
            continue
        if page_number(_url(capture)) > 1:
            summary.skipped["continuation page (joined to page 1)"] += 1
            continue
        outcome = judge(article_captures(archive, capture, summary), sources[capture.source_id])
        if outcome.kind == "off_topic":
            summary.skipped["off-topic"] += 1  # the crawl keeps such pages as captures only
            continue
        if outcome.kind != "keep":
            summary.failed[_reason_key(outcome.reason) if outcome.kind == "not_article" else outcome.kind] += 1
            continue
        article = outcome.article
        rank = (not outcome.is_amp, len(article.text), capture.fetched_at.isoformat(), capture.id)
        if article.id in best:
            summary.skipped["other capture of the same article"] += 1
            if best[article.id] >= rank:
                continue
        best[article.id] = rank
        with archive.transaction():
            article, previous = parse_bridge.with_cluster(archive, article)
            archive.upsert_article(article)
            if previous is not None:
                ledger.demote(archive.conn, previous)
    summary.articles = len(best)
    return summary
