"""A BeautifulSoup fallback for pages trafilatura reads too little of: the first known
article container, else the block with the most paragraph text."""

from __future__ import annotations

from bs4 import BeautifulSoup

ARTICLE_SELECTORS = (
    '[itemprop="articleBody"]', ".entry-content", ".post-content", ".article-content",
    ".article-body", ".detail-text", ".detail__body-text", ".read__content", ".content-detail",
    ".isi-berita", ".news-content", ".field-name-body", ".post-body", "article", "main",
    "#content",
)
CONTAINERS = ("div", "article", "section", "td", "main")
MIN_BLOCK = 200


def _paragraphs(container) -> list[str]:
    paragraphs = [" ".join(p.get_text(" ").split()) for p in container.find_all("p")]
    paragraphs = [p for p in paragraphs if p]
    if sum(map(len, paragraphs)) >= MIN_BLOCK:
        return paragraphs
    lines = [" ".join(line.split()) for line in container.get_text("\n").splitlines()]
    return [line for line in lines if line]


def _largest_block(soup):
    best, best_size = None, 0
    for element in soup.find_all(CONTAINERS):
        size = sum(len(p.get_text()) for p in element.find_all("p", recursive=False))
        if size > best_size:
            best, best_size = element, size
    return best


def soup_text(markup: str) -> tuple[str, str]:
    """(text with one paragraph a line, method) of an already cleaned page."""
    soup = BeautifulSoup(markup, "lxml")
    for selector in ARTICLE_SELECTORS:
        container = soup.select_one(selector)
        if container is not None:
            paragraphs = _paragraphs(container)
            if sum(map(len, paragraphs)) >= MIN_BLOCK:
                return "\n".join(paragraphs), "bs4-selector"
    block = _largest_block(soup)
    if block is not None:
        return "\n".join(_paragraphs(block)), "bs4-largest-block"
    body = soup.body or soup
    return "\n".join(_paragraphs(body)), "bs4-body"
