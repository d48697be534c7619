"""The crawler's only door to the page parser (``crawler.parsing``) and dedupe
(``crawler.dedupe``), so that a change of their API is a change here only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from pantau.schema import Article, Capture


@dataclass
class Parsed:
    article: Article | None  # None when the pages are not an article
    reason: str | None = None  # why not (parser's reason)


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


WARM_UP_PAGE = (b"<html><head><title>Pemanasan</title></head><body><article><h1>Pemanasan</h1>"
                + b"<p>Kalimat contoh untuk memuat pengurai. </p>" * 20 + b"</article></body></html>")


def warm_up() -> None:
    """Import the parser's lazily loaded libraries now (before the crawl starts), so the
    first article does not stall the crawl."""
    from crawler.parsing import parse_page

    import crawler.dedupe  # noqa: F401  (numpy)

    parse_page(WARM_UP_PAGE, "http://localhost/pemanasan", {"Content-Type": "text/html"}, "warm-up")


def _timezone(name: str | None):
    from crawler.parsing import dates

    return getattr(dates, name or "WIB", dates.WIB)


def parse_article(captures: list[Capture], timezone: str | None = None) -> Parsed:
    """Parse the captured pages 1..n of one article and join them into an Article."""
    from crawler.parsing import join_pages, parse_page, to_article

    pages = [parse_page(c.body, c.final_url, c.headers, c.source_id, default_tz=_timezone(timezone))
             for c in captures]
    joined = join_pages(pages)
    if not joined.ok:
        return Parsed(None, joined.reason)
    return Parsed(to_article(joined, captures[0]))


def with_cluster(archive, article: Article) -> Article:
    """``article`` with its near-duplicate cluster id (the index is kept in the archive)."""
    from crawler.dedupe import with_cluster as assign

    return assign(archive, article)
