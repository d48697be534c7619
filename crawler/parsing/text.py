"""The article's main text: pre-cleaning of the tree (chrome, "Baca juga" and related-story
boxes, layout tables), trafilatura in two modes with a choice on evidence
(``crawler.parsing.choice``), a block-level fallback for short or doubtful results
(``crawler.parsing.fallback``), and a line filter for what extractors keep but readers do
not want ("Baca juga", trailers, share and ad text, reporter/editor lines)."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from crawler.parsing.byline import TRAILING_CREDIT, is_credit_line

BR = "\u2028"  # what <br> becomes, so page_lines can split there (and not at source newlines)
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


@lru_cache(maxsize=4096)
def _noise(attrs: str) -> frozenset[str]:
    """The noise tokens of a class and id string (pages repeat the same few thousand)."""
    tokens = (t for part in attrs.lower().split() for t in [part, *re.split(r"[-_]+", part)] if t)
    return frozenset(t for t in tokens if NOISE_TOKENS.match(t))


def _noise_tokens(element) -> frozenset[str]:
    cls, ident = element.get("class"), element.get("id")
    return _noise(f"{cls or ''} {ident or ''}") if cls or ident else frozenset()


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


def clean_tree(tree, url: str = "", title: str | None = None) -> list[str]:
    """Remove scripts, chrome, related-article lists and boxes ("Baca juga", and boxes of
    links to other articles of the site at ``url``) in place (text around them is kept), and
    unwrap layout tables. Returns notes on what was removed."""
    from crawler.parsing.related import drop_related_boxes
    from crawler.parsing.tables import unwrap_layout_tables

    notes = []
    unwrapped = unwrap_layout_tables(tree)
    if unwrapped:
        notes.append(f"unwrapped {unwrapped} layout tables")
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
        tokens = _noise_tokens(element)
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
    notes += [f"removed {boxes} 'Baca juga' boxes"] if boxes else []
    related = drop_related_boxes(tree, url, title)
    return notes + ([f"removed {related} related-story boxes"] if related else [])


def own_text(element) -> str:
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
        text = own_text(element) if nested else element.text_content()
        for line in text.split(BR):
            line = " ".join(line.split())
            if line and (not lines or lines[-1] != line):
                lines.append(line)
    return lines


def clean_line(line: str) -> str:
    """The line without a "(Red/X)" trailer, or "" for a boilerplate or credit line."""
    line = " ".join(line.split())
    if not line or BOILERPLATE.match(line) or is_credit_line(line):  # every pattern is anchored at ^
        return ""
    if len(line) < 200 and SHORT_BOILERPLATE.search(line):
        return ""
    return TRAILING_CREDIT.sub("", line).strip() if line.endswith(")") else line


def clean_lines(lines: list[str]) -> list[str]:
    """Drop boilerplate and credit lines; strip "(Red/X)" trailers; collapse whitespace. A
    block of several lines (a table) is cleaned row by row and stays one block."""
    kept = []
    for line in lines:
        rows = [row for row in map(clean_line, line.split("\n")) if row]
        if rows:
            kept.append("\n".join(rows))
    return kept


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def without_headline(lines: list[str], title: str | None) -> list[str]:
    """The lines without the headline when the extractor repeats it as one of the first
    lines (with a kicker or label above it)."""
    for i, line in enumerate(lines[:3]):
        if title and _same(line, title) and all(len(x) < 60 for x in lines[:i]):
            return lines[i + 1:]
    return lines


def choose_blocks(tree, evidence) -> tuple[list[str], str]:
    """(blocks, method): trafilatura's balanced result, merged with its precision result on
    evidence when it has doubtful blocks; a short result checked against the headline and
    the block-level fallback."""
    from crawler.parsing import choice, fallback
    from crawler.parsing.extractors import trafilatura_blocks

    recall = without_headline(clean_lines(trafilatura_blocks(tree, "balanced")), evidence.title)
    blocks, method = recall, "trafilatura"
    if choice.needs_precision(recall, evidence):
        precise = without_headline(clean_lines(trafilatura_blocks(tree, "precision")), evidence.title)
        blocks, method = choice.merge(precise, recall, evidence)
    if choice.is_short(blocks):
        other, how = fallback.block_text(tree)
        blocks, method = choice.check_short(blocks, method, clean_lines(other), how, evidence)
    return blocks, method


def extract_text(tree, title: str | None = None, evidence=None) -> tuple[str, str]:
    """(text, method) of a cleaned tree: paragraphs separated by blank lines (a table's rows
    by single newlines), without the headline when the extractor repeats it as the first line."""
    from crawler.parsing.choice import Evidence

    lines, method = choose_blocks(tree, evidence or Evidence(title=title))
    return "\n\n".join(without_headline(lines, title)), method
