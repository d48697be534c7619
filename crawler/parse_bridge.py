"""The crawler's only door to the page parser (``crawler.parsing``) and dedupe
(``crawler.dedupe``), so that a change of their API is a change here only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from pantau.schema import Article, Capture, Source


@dataclass
class Parsed:
    article: Article | None  # None when the pages are not an article
    reason: str | None = None  # why not (parser's reason)
    is_amp: bool = False  # page 1 is an AMP page


HREF = re.compile(rb"""href\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _may_have_next_page(body: bytes, url: str) -> bool:
    """Cheap pre-check on the raw bytes: does any link point at page n+1 of this article?
    (Saves the full parse of every single-page article.)"""
    from crawler.parsing.pages import article_base, page_number

    current, base = page_number(url), article_base(url)
    slug = base[1].rsplit("/", 1)[-1].encode("utf-8")
    for raw in {m.group(1) for m in HREF.finditer(body)}:
        if raw.startswith((b"#", b"javascript:", b"mailto:", b"data:")):
            continue
        if slug and slug not in raw and raw.startswith((b"http", b"/")):
            continue  # an absolute link to another path: not this article's next page
        href = urljoin(url, raw.decode("utf-8", "replace").replace("&amp;", "&"))
        if page_number(href) == current + 1 and article_base(href) == base:
            return True
    return False


def next_page_url(body: bytes, url: str) -> str | None:
    """The next page of the multi-page article at ``url``, or None."""
    from crawler.parsing import next_page_url as find_next

    return find_next(body, url) if _may_have_next_page(body, url) else None


def next_in_chain(body: bytes, url: str, chain: list[str]) -> str | None:
    """The page to fetch after the page ``url`` of an article whose pages so far are at
    ``chain`` (final URLs, in order), or None when the article is complete: no next page,
    a link back into the chain, or the page limit. The spider and ``reparse`` both follow
    an article's pages with this."""
    from crawler.parsing.pages import MAX_PAGES
    from pantau.ids import normalize_url

    nxt = next_page_url(body, url)
    if nxt is None or len(chain) >= MAX_PAGES or normalize_url(nxt) in {normalize_url(u) for u in chain}:
        return None
    return nxt


WARM_UP_PAGE = (b"<html><head><title>Pemanasan</title></head><body><article><h1>Pemanasan</h1>"
                + b"<p>Kalimat contoh untuk memuat pengurai. </p>" * 20 + b"</article></body></html>")


def warm_up() -> None:
    """Import the parser's lazily loaded libraries now (before the crawl starts), so the
    first article does not stall the crawl."""
    from crawler.parsing import parse_page

    import crawler.dedupe  # noqa: F401  (numpy)

    parse_page(WARM_UP_PAGE, "http://localhost/pemanasan", {"Content-Type": "text/html"}, "warm-up")


def parse_article(captures: list[Capture], source: Source) -> Parsed:
    """Parse the captured pages 1..n of one article of ``source`` and join them into an
    Article. Times written without an offset are in the source's zone (``source.timezone``).
    This is the one parse path: the crawl (``crawler.archiving.judge``) and ``pantau
    reparse`` both come through here."""
    from crawler.parsing import join_pages, parse_page, to_article
    from pantau.timezones import zone

    tz = zone(source.timezone)
    pages = [parse_page(c.body, c.final_url or c.url, c.headers, c.source_id, default_tz=tz) for c in captures]
    if pages[0].is_continuation:
        return Parsed(None, "continuation page")
    joined = join_pages(pages)
    if not joined.ok:
        return Parsed(None, joined.reason)
    return Parsed(to_article(joined, captures[0]), is_amp=joined.is_amp)


def with_cluster(archive, article: Article) -> tuple[Article, str | None]:
    """``article`` with its near-duplicate cluster id (the index is kept in the archive), and
    the cluster's previous id when this article's smaller id now names it (else None)."""
    from crawler.dedupe import DedupeIndex

    cluster, previous = DedupeIndex.of(archive).place(article)
    return article.model_copy(update={"cluster_id": cluster}), previous
