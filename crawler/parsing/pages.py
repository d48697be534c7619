"""Multi-page articles: which page a URL is, where the next page is, and joining pages.

    url = next_page_url(html, page1_url)      # "...?page=2", or None on the last page
    article = join_pages([page1, page2, ...]) # ParsedPage with the bodies in order
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

PAGE_PARAMS = {"page", "hal", "halaman", "pg", "paged", "p"}
PATH_PAGE = re.compile(r"/(?:page|halaman|hal)/(\d{1,3})/?$|(?<=-)[^/]*/(\d{1,2})/?$", re.IGNORECASE)
NEXT_TEXT = re.compile(r"^(selanjutnya|berikutnya|lanjut(kan)?|next|halaman\s+berikutnya|[›»>]+|"
                       r"(halaman|hal\.?|page)?\s*(?P<n>\d{1,3}))\s*[›»>]*$", re.IGNORECASE)
MAX_PAGES = 30


def page_number(url: str) -> int:
    """The page of a multi-page article a URL shows (1 when it names none)."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in PAGE_PARAMS and value.isdigit() and 0 < int(value) <= 999:
            return int(value) if key.lower() != "p" or int(value) <= MAX_PAGES else 1
    match = PATH_PAGE.search(parts.path)
    if match:
        number = int(match.group(1) or match.group(2))
        return number if 0 < number <= 999 else 1
    return 1


def article_base(url: str) -> tuple[str, str, str]:
    """(host, path, query) of a URL with its page marker removed."""
    parts = urlsplit(url)
    path = parts.path
    match = PATH_PAGE.search(path)
    if match:
        group = 1 if match.group(1) else 2
        path = path[:match.start(group)].rstrip("/").removesuffix("/page").removesuffix("/halaman")
        path = path.removesuffix("/hal")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if k.lower() not in PAGE_PARAMS))
    return (parts.hostname or "").removeprefix("www."), path.rstrip("/"), query


def _candidates(tree, url: str, current: int):
    for element in tree.xpath('//link[@href][@rel="next"] | //a[@href][@rel="next"]'):
        yield element.get("href")
    path = urlsplit(url).path.rstrip("/")
    slug = re.sub(r"/(page|halaman|hal)/\d+$|/\d{1,2}$", "", path).rsplit("/", 1)[-1]
    for element in tree.iter("a"):
        href = element.get("href") or ""
        if not (href.startswith("?") or (slug and slug in href)):  # cheap: same article only
            continue
        match = NEXT_TEXT.match(" ".join(element.text_content().split()))
        if match and (match["n"] is None or int(match["n"]) == current + 1):
            yield href


def next_page_url(html, url: str) -> str | None:
    """The URL of the next page of the article at ``url`` ("Selanjutnya", "Halaman 2",
    ``rel=next``, ``?page=N``), or None. Links to other articles (a "Berita selanjutnya"
    to the next story) are ignored: the next page must be the same article's URL with the
    page number one higher. ``html`` is the page as text, bytes or an lxml tree."""
    from crawler.parsing.article import parse_html

    tree = html if hasattr(html, "xpath") else parse_html(html if isinstance(html, str)
                                                          else html.decode("utf-8", "replace"))
    if tree is None:
        return None
    current, base = page_number(url), article_base(url)
    for href in _candidates(tree, url, current):
        target = urljoin(url, (href or "").strip())
        if target.startswith("http") and article_base(target) == base and page_number(target) == current + 1:
            return urlunsplit(urlsplit(target)._replace(fragment=""))
    return None


def join_pages(pages: list):
    """One ParsedPage from the pages of a multi-page article, in order: page 1's metadata
    (fields it lacks taken from later pages, e.g. the credit line of the last page) and the
    bodies of pages 1..n joined by blank lines."""
    if not pages:
        raise ValueError("join_pages needs at least one page")
    first = pages[0]
    if len(pages) == 1 or first.reason not in (None, "too_short", "no_title"):
        return first  # a single page, or page 1 is no HTML page at all (empty, PDF, error)
    paragraphs: list[str] = []
    for page in pages:
        for paragraph in page.text.split("\n\n") if page.text else []:
            if paragraph and (not paragraphs or paragraphs[-1] != paragraph):
                paragraphs.append(paragraph)
    methods, changes = dict(first.methods), {}
    for name in ("author", "editor", "published_at", "section", "title"):
        if getattr(first, name) is None:
            donor = next((p for p in pages[1:] if getattr(p, name) is not None), None)
            if donor is not None:
                changes[name] = getattr(donor, name)
                if name in donor.methods:
                    methods[name] = donor.methods[name]
    methods["text"] = f"{first.methods.get('text', 'unknown')}+joined:{len(pages)}"
    joined = dataclasses.replace(first, text="\n\n".join(paragraphs), methods=methods,
                                 notes=[*first.notes, f"joined {len(pages)} pages"], **changes)
    return joined.checked()
