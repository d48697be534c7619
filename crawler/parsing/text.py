"""The article's main text: pre-cleaning of the tree, trafilatura, a BeautifulSoup fallback,
and a line filter for what extractors keep but readers do not want ("Baca juga", trailers,
share and ad text, reporter/editor lines)."""

from __future__ import annotations

import re

import trafilatura
from lxml import etree

from crawler.parsing.byline import TRAILING_CREDIT, is_credit_line

BR = "\u2028"  # what <br> becomes, so page_lines can split there (and not at source newlines)
MIN_TEXT = 250  # below this many characters trafilatura's result is not trusted
BLOCK_TAGS = ("p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "section", "article", "header", "footer", "aside", "figcaption", "dd", "dt", "pre",
              "address", "main", "body", "figure", "ul", "ol", "table", "tr", "center")
DROP_TAGS = ("script", "style", "noscript", "iframe", "svg", "form", "nav", "footer", "aside",
             "button", "select", "template", "object", "embed", "canvas")
NOISE_TOKENS = re.compile(
    r"^(related|terkait|baca-?juga|bacajuga|populer|popular|terpopuler|trending|rekomendasi|"
    r"recommended?|sidebar|widget|komentar|comments?|respond|share|sharing|social|newsletter|"
    r"breadcrumbs?|ads|advert|advertisement|iklan|adsbygoogle|banner|footer|navbar|menu|pagination|"
    r"paging|tags|tag-list|terbaru|latest-news|most-popular|outbrain|taboola)$")
COMMENT_TOKENS = {"komentar", "comment", "comments", "respond"}
AD_TOKENS = {"ads", "advert", "advertisement", "iklan", "adsbygoogle", "banner"}
BOX_START = re.compile(r"^\s*(baca|lihat|simak)\s+(juga|pula)\b|^\s*baca\s*:|^\s*(berita|artikel)\s+terkait\b",
                       re.IGNORECASE)
BOILERPLATE = re.compile(r"|".join([
    r"^(baca|lihat|simak)\s+(juga|pula)\b", r"^baca\s*:", r"^(berita|artikel)\s+terkait\b",
    r"^artikel\s+ini\s+(telah|sudah)?\s*(tayang|terbit|dimuat|diterbitkan)",
    r"^simak\s+(berita|artikel|video|update|informasi)", r"^(ikuti|follow)\s+(kami|kanal|channel|berita|akun)",
    r"^dapatkan\s+(update|berita|informasi)", r"^(bagikan|share)\s*(ke|to|this|artikel|berita)?\s*:?\s*$",
    r"^(bagikan|share)\s*:", r"^advertisement$", r"^scroll\s+to\s+continue",
    r"^(tulis|lihat|kirim|beri)\s+komentar", r"^komentar\s*(\(\d+\)|\d+)?\s*:?\s*$",
    r"^(copyright|©|hak\s+cipta)", r"^klik\s+untuk\s+baca", r"^(halaman|page|hal\.?)\s*:?\s*(\d+\s*)+$",
    r"^(selanjutnya|berikutnya|sebelumnya)\W*$", r"^(tags?|topik)\s*:", r"^(foto|ilustrasi|sumber\s+foto)\s*:",
    r"^(sumber|source)\s*:\s*\S+\s*$", r"^(iklan|ads)$",
]), re.IGNORECASE)
SHORT_BOILERPLATE = re.compile(r"google\s+news|whatsapp\s+channel|saluran\s+whatsapp|telegram|"
                               r"download\s+aplikasi|unduh\s+aplikasi", re.IGNORECASE)


def _tokens(element) -> list[str]:
    attrs = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return [t for part in attrs.split() for t in [part, *re.split(r"[-_]+", part)] if t]


def _protected(element, tokens: set[str] | None = None) -> bool:
    """Whether a noisy-looking element (or a dropped tag) holds the article: the headline,
    an articleBody, or long paragraphs (one is enough inside an ad slot, which broken
    markup often leaves unclosed; never inside a comment thread)."""
    if element.xpath(".//h1 | .//*[@itemprop='articleBody']"):
        return True
    tokens = tokens or set()
    if tokens & COMMENT_TOKENS:
        return False
    long = sum(1 for p in element.iter("p") if len(p.text_content()) > 120)
    return long >= (1 if tokens & AD_TOKENS else 3)


def _climb_box(node):
    """The block holding a "Baca juga" label: climb while the parent adds little text."""
    own = len(node.text_content())
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            return node
        if len(parent.text_content()) - own > 40:
            return node
        node = parent


def clean_tree(tree) -> list[str]:
    """Remove scripts, chrome, related-article lists and "Baca juga" boxes in place (text
    around them is kept). Returns notes on what was removed."""
    etree.strip_elements(tree, etree.Comment, with_tail=False)
    for br in tree.iter("br"):
        br.tail = BR + (br.tail or "")
    for element in list(tree.iter(*DROP_TAGS)):
        if element.getparent() is not None and not _protected(element):
            element.drop_tree()
    boxes, stack = 0, [tree]
    while stack:  # depth-first, never entering a removed subtree
        element = stack.pop()
        if not isinstance(element.tag, str) or element.getparent() is None and element is not tree:
            continue
        tokens = {t for t in _tokens(element) if NOISE_TOKENS.match(t)}
        if tokens and not _protected(element, tokens):
            element.drop_tree()
            continue
        if BOX_START.match(element.text or "") and len(element.text_content()) < 400:
            box = _climb_box(element)
            if box.getparent() is not None:
                box.drop_tree()
                boxes += 1
                continue
        stack.extend(reversed(element))
    return [f"removed {boxes} 'Baca juga' boxes"] if boxes else []


def _own_text(element) -> str:
    """Text of a block that holds other blocks: its direct text and the tails of children,
    plus the text of inline children."""
    parts = [element.text or ""]
    for child in element:
        if not (isinstance(child.tag, str) and child.tag in BLOCK_TAGS):
            parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


def page_lines(tree) -> list[str]:
    """The visible text of the (cleaned) page as lines: one per innermost block, split at
    ``<br>``."""
    lines: list[str] = []
    for element in tree.iter(*BLOCK_TAGS):
        nested = any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element)
        text = _own_text(element) if nested else element.text_content()
        for line in text.split(BR):
            line = " ".join(line.split())
            if line and (not lines or lines[-1] != line):
                lines.append(line)
    return lines


def clean_lines(lines: list[str]) -> list[str]:
    """Drop boilerplate and credit lines; strip "(Red/X)" trailers; collapse whitespace."""
    kept = []
    for line in lines:
        line = " ".join(line.split())
        if not line or BOILERPLATE.search(line) or is_credit_line(line):
            continue
        if len(line) < 200 and SHORT_BOILERPLATE.search(line):
            continue
        line = TRAILING_CREDIT.sub("", line).strip()
        if line:
            kept.append(line)
    return kept


def with_trafilatura(tree) -> str:
    text = trafilatura.extract(
        tree, fast=True, favor_precision=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, include_formatting=False,
        deduplicate=False, output_format="txt", with_metadata=False)
    return text or ""


def with_soup(tree) -> tuple[str, str]:
    from crawler.parsing.fallback import soup_text

    return soup_text(etree.tostring(tree, encoding="unicode", method="html"))


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def extract_text(tree, title: str | None = None) -> tuple[str, str]:
    """(text, method) of a cleaned tree: paragraphs separated by blank lines, without the
    headline when the extractor repeats it as the first line."""
    raw = with_trafilatura(tree)
    method = "trafilatura"
    if len(raw) < MIN_TEXT:
        fallback, how = with_soup(tree)
        if len(fallback) > len(raw):
            raw, method = fallback, how
    lines = clean_lines([line for line in raw.splitlines() if line.strip()])
    for i, line in enumerate(lines[:3]):  # the headline, and a kicker or label above it
        if title and _same(line, title) and all(len(x) < 60 for x in lines[:i]):
            lines = lines[i + 1:]
            break
    return "\n\n".join(lines), method
