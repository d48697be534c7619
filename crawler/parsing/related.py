"""Related-story boxes inside the body: a block made of links to other articles of the same
site, with at most a short label ("Pilihan Redaksi:", "Read more") and a date beside them.
Found by what the block is, not by its class or label, so a box of any outlet and language
goes: the links' targets are article pages of this site (a slug of several words, or a date
or a long number in the path), and the text around the links is no sentence.

    drop_related_boxes(tree, url)      # in place; returns how many boxes were removed
    link_targets(tree, url)            # {anchor text key: absolute URL} for the line judge
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

BOX_TAGS = ("p", "div", "li", "section", "figure", "ul", "ol", "span", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "strong", "b")
MAX_BOX_TEXT = 600  # characters: a box of a few headlines
MAX_LABEL_WORDS = 6  # words outside the links: a label and a date
MIN_HEADLINE_WORDS = 3
FILE = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|rar|mp[34])$", re.IGNORECASE)
DATE_PATH = re.compile(r"/(19|20)\d\d/|\d{5,}")
MAYBE_DATED = re.compile(r"\d{4}")
SENTENCE_END = re.compile(r"[.!?…][\"”’)]*$")


class Links:
    """The anchors of a page that point at other articles of its site, resolved once."""

    def __init__(self, tree, url: str, title: str | None = None) -> None:
        self.url, self.title_key = url, key(title or "")
        self.article: dict = {}  # anchor element -> its text, for links to other articles
        own_path, own_site = urlsplit(url).path.rstrip("/"), site_of(url)
        for a in tree.iter("a"):
            href = (a.get("href") or "").strip()
            if href.count("-") < 3 and not MAYBE_DATED.search(href):
                continue  # cheap: no slug of several words, no year or long number
            path = urlsplit(href).path.rstrip("/")
            if not _article_path(path) or path == own_path:
                continue
            text = " ".join(a.text_content().split())
            if len(text.split()) < MIN_HEADLINE_WORDS or key(text) == self.title_key:
                continue
            href = href if href.startswith(("http://", "https://")) else urljoin(url, href)
            if href.startswith("http") and site_of(href) == own_site:
                self.article[a] = text

    def within(self, element) -> list[str]:
        return [self.article[a] for a in element.iter("a") if a in self.article]


def site_of(url: str) -> str:
    from crawler.parsing.article import site_key

    return site_key(url)


def _article_path(path: str) -> bool:
    """A path that names an article: a slug of several words, or a date or a long number in
    it (not a file, not a section)."""
    if not path or FILE.search(path):
        return False
    return path.rsplit("/", 1)[-1].count("-") >= 3 or bool(DATE_PATH.search(path + "/"))


def is_article_url(href: str, page_url: str) -> bool:
    """An article page of the same site as ``page_url`` other than the page itself."""
    parts = urlsplit(href)
    path = parts.path.rstrip("/")
    if parts.scheme not in ("http", "https") or not _article_path(path):
        return False
    return path != urlsplit(page_url).path.rstrip("/") and site_of(href) == site_of(page_url)


def key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def is_related_box(element, links: Links) -> bool:
    """Links to other articles of this site with headline-like texts, and around them no more
    than a label and a date."""
    text = " ".join(element.text_content().split())
    if not text or len(text) > MAX_BOX_TEXT or next(element.iter("h1"), None) is not None:
        return False
    anchors = links.within(element)
    if not anchors:
        return False
    rest = text
    for anchor in anchors:
        rest = rest.replace(anchor, " ", 1)
    words = [w for w in rest.split() if re.search(r"[^\W\d]", w)]
    if len(words) > MAX_LABEL_WORDS:
        return False
    return not any(SENTENCE_END.search(t) and len(t.split()) > 12 for t in anchors)


def _box_of(anchor, links: Links, judged: dict):
    """The largest related-story box holding ``anchor`` (None if there is none, or if the
    anchor went with an earlier box). ``judged`` remembers the blocks already looked at."""
    chain = list(anchor.iterancestors())
    if not chain or chain[-1].tag != "html":
        return None
    box = None
    for node in chain:
        if node.tag in ("body", "html"):
            break
        if node not in judged:
            judged[node] = len(node.text_content()) <= 2 * MAX_BOX_TEXT and (
                node.tag not in BOX_TAGS or is_related_box(node, links))
        if judged[node] is False:
            break
        if node.tag in BOX_TAGS:
            box = node
    return box


def drop_related_boxes(tree, url: str, title: str | None = None) -> int:
    """Remove related-story boxes (the largest block that is one) from the page, in place;
    a link whose text is the page's own headline is no related story."""
    if not url.startswith("http"):
        return 0
    links, removed, judged = Links(tree, url, title), 0, {}
    for anchor in list(links.article):
        box = _box_of(anchor, links, judged)
        if box is not None and box.getparent() is not None:
            box.drop_tree()
            removed += 1
    return removed


def link_targets(tree) -> dict[str, str]:
    """Anchor texts of the (cleaned) page, by key, with their targets as written."""
    targets = {}
    for a in tree.iter("a"):
        text = a.text_content()
        if len(text.split()) >= 2:
            targets.setdefault(key(text), (a.get("href") or "").strip())
    return targets
