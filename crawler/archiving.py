"""Storing what the spider fetched: the raw pages first (committed before any parsing), then
the parsed article, the URL state and the coverage ledger in one transaction. A crash loses
nothing stored and leaves nothing half-stored: a page captured but not yet judged is not
marked done, so the next crawl fetches it again (and finds the same capture)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from crawler import parse_bridge, relevance
from crawler.items import ArticleFetch, Event, Page
from pantau.errors import NotFound
from pantau.ids import capture_id, content_hash
from pantau.schema import Article, Capture, Source
from pantau.store import Archive, ledger


@dataclass
class Outcome:
    """What became of one item: ``kind`` is stored, duplicate (stored, in another article's
    cluster), seen (same article already stored), off_topic, too_old, not_article, incomplete
    or parse_error."""

    kind: str
    reason: str = ""
    article_id: str | None = None
    captures: list[str] = field(default_factory=list)
    # the parsed article: stored only for kind "keep" (off_topic and too_old carry it too,
    # for ``pantau parse``)
    article: Article | None = field(default=None, repr=False)
    is_amp: bool = False  # the article was parsed from an AMP page
    # sources whose stored article became a duplicate of this one (its smaller id now names
    # their cluster): each counts one more duplicate
    demoted: list[str] = field(default_factory=list)


def capture_of(source_id: str, page: Page) -> Capture:
    """The capture of a fetched page. Its id names the bytes and the URL that answered (the
    target of a redirect), not the URL requested: a page reached through any of its aliases
    (an old ``.html`` path redirected to the dated one) is one capture, whichever alias a
    crawl, or the rerun of a killed crawl, happened to request first."""
    sha = content_hash(page.body)
    return Capture(id=capture_id(page.final_url or page.url, sha), source_id=source_id, url=page.url,
                   final_url=page.final_url, status=page.status, headers=page.headers,
                   body=page.body, sha256=sha, fetched_at=page.fetched_at)


def judge(captures: list[Capture], source: Source, since: date | None = None) -> Outcome:
    """Parse the captured pages 1..n of one article of ``source`` and decide whether the
    article belongs in the archive: the one path from captures to an outcome, for the crawl
    (``store_fetch``) and for ``pantau reparse`` alike."""
    try:
        parsed = parse_bridge.parse_article(captures, source)
    except Exception as exc:  # noqa: BLE001 - recorded; the captures are kept, the crawl goes on
        return Outcome("parse_error", f"{type(exc).__name__}: {exc}"[:200])
    article = parsed.article
    if article is None:
        return Outcome("not_article", parsed.reason or "")
    if since and article.published_at and article.published_at.date() < since:
        return Outcome("too_old", article.published_at.date().isoformat(), article.id, article=article)
    verdict = relevance.judge(article.title, article.text)
    if not verdict.on_topic:
        return Outcome("off_topic", verdict.reason, article.id, article=article)
    return Outcome("keep", verdict.reason, article.id, article=article, is_amp=parsed.is_amp)


def _existing_hash(archive: Archive, article_id: str) -> str | None:
    try:
        return archive.get_article(article_id).content_hash
    except NotFound:
        return None


def store_article(archive: Archive, outcome: Outcome) -> Outcome:
    """Cluster and store a kept article (inside the caller's transaction)."""
    article = outcome.article
    if _existing_hash(archive, article.id) == article.content_hash:
        return Outcome("seen", "", article.id)
    article, previous = parse_bridge.with_cluster(archive, article)
    archive.upsert_article(article)
    # the cluster's former representative, if any, is now a copy of this one
    demoted = ledger.demote(archive.conn, previous) if previous is not None else []
    kind = "duplicate" if article.cluster_id != article.id else "stored"
    return Outcome(kind, outcome.reason, article.id, demoted=demoted)


def store_fetch(archive: Archive, fetch: ArticleFetch, source: Source, since: date | None = None) -> Outcome:
    """Store the raw pages (committed first, on their own), parse them, then store the
    article, the URL state and the ledger counts in a second transaction."""
    captures = [capture_of(fetch.source_id, page) for page in fetch.pages]
    with archive.transaction():
        for capture in captures:
            archive.put_capture(capture)
    outcome = Outcome("incomplete", fetch.incomplete) if fetch.incomplete else judge(captures, source, since)
    with archive.transaction():
        if outcome.kind == "keep":
            outcome = store_article(archive, outcome)
        outcome.captures = [c.id for c in captures]
        _remember(archive, fetch, captures, outcome)
        ledger.add(archive.conn, fetch.source_id, tally_of(outcome, len(captures)))
        for source_id in outcome.demoted:
            ledger.add(archive.conn, source_id, ledger.Tally(duplicates=1))
    return outcome


STATE = {"seen": "duplicate", "incomplete": "failed", "parse_error": "failed"}


def _remember(archive: Archive, fetch: ArticleFetch, captures: list[Capture], outcome: Outcome) -> None:
    state = STATE.get(outcome.kind, outcome.kind)
    for page, capture in zip(fetch.pages, captures):
        headers = {k.lower(): v for k, v in page.headers.items()}
        for url in dict.fromkeys([page.url, page.final_url]):
            ledger.mark(archive.conn, ledger.UrlState(
                url=url, source_id=fetch.source_id, outcome=state, status=page.status,
                final_url=page.final_url, capture_id=capture.id, article_id=outcome.article_id,
                etag=headers.get("etag"), last_modified=headers.get("last-modified")))


def tally_of(outcome: Outcome, pages: int) -> ledger.Tally:
    tally = ledger.Tally(pages=pages, success=True)
    if outcome.kind in ("stored", "duplicate"):
        tally.articles = 1
        tally.duplicates = int(outcome.kind == "duplicate")
    elif outcome.kind == "off_topic":
        tally.off_topic = 1
    elif outcome.kind in ("incomplete", "parse_error"):
        tally.failures[outcome.kind if outcome.kind == "parse_error" else f"next_page_{outcome.reason}"] = 1
    else:
        tally.skipped[outcome.kind] = 1
    return tally


def record_event(archive: Archive, event: Event) -> None:
    """Count a discovery page, failure, skip or 304 in the ledger (and remember final URLs)."""
    tally = ledger.Tally(unchanged=int(event.kind == "unchanged"))
    if event.fetched:
        tally.pages, tally.success = 1, True
    if event.kind == "failed":
        tally.failures[event.reason] = 1
    elif event.kind == "skipped":
        tally.skipped[event.reason] = 1
    with archive.transaction():
        ledger.add(archive.conn, event.source_id, tally)
        handled = _handled_target(archive, event)
        if handled is not None:  # an alias of a page already handled: the same record as the page
            ledger.mark(archive.conn, replace(handled, url=event.url, source_id=event.source_id))
            return
        known = ledger.get(archive.conn, event.url) if event.final else None
        if known is not None and event.kind != "failed":  # keep what was stored (ETag...)
            ledger.mark(archive.conn, known)
        elif event.final:
            state = "gone" if event.kind == "failed" else (event.reason or event.kind)
            state = {"already_processed": "duplicate", "alternate": "duplicate"}.get(state, state)
            ledger.mark(archive.conn, ledger.UrlState(event.url, event.source_id, state, event.status))


def _handled_target(archive: Archive, event: Event) -> ledger.UrlState | None:
    """The record of the page an ``already_processed`` URL led to (a redirect to a page this or
    an earlier crawl handled). The alias gets that record, as it does when the alias itself is
    fetched first (``_remember`` marks the requested and the final URL alike), so the records
    do not depend on which URL came first, nor on where an earlier crawl was interrupted."""
    if event.reason != "already_processed" or not event.final_url:
        return None
    handled = ledger.get(archive.conn, event.final_url)
    return handled if handled is not None and handled.capture_id else None
