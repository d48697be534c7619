"""A block-level fallback for pages trafilatura reads too little or the wrong part of: the
page is cut into text units (one per innermost block, split at ``<br>``), each paragraph-like
unit (a dozen words, few of them links) credits the blocks around it, and the text is the
units of the block with the most paragraph text. Menus, sidebars and footers are other
blocks, and link lists inside the chosen block are left out: never the whole ``<body>``.

    blocks, method = block_text(cleaned_tree)     # (["First paragraph.", ...], "blocks")
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.parsing.tables import table_rows
from crawler.parsing.text import BLOCK_TAGS, BR, own_text

MIN_WORDS = 12  # a paragraph-like unit
MAX_LINK_SHARE = 0.3  # of a paragraph-like unit's characters
DROP_LINK_SHARE = 0.6  # units more linked than this are left out of the chosen block
CONTAINERS = {"div", "article", "section", "main", "td", "body", "blockquote", "center", "form", "span"}


@dataclass
class Unit:
    text: str
    element: object  # the innermost block holding the text
    links: int  # characters of link text

    @property
    def link_share(self) -> float:
        return self.links / max(1, len(self.text))

    @property
    def is_paragraph(self) -> bool:
        return len(self.text.split()) >= MIN_WORDS and self.link_share <= MAX_LINK_SHARE


def _link_chars(element, text: str) -> int:
    anchors = [" ".join(a.text_content().split()) for a in element.iter("a")]
    return sum(len(a) for a in anchors if a and a in text)


def _in_table(element) -> bool:
    return any(a.tag == "table" for a in element.iterancestors())


def text_units(tree) -> list[Unit]:
    """The visible text of a cleaned tree as units, in document order; a (data) table is one
    unit, a row a line."""
    units, tables = [], tree.find(".//table") is not None
    for element in tree.iter(*BLOCK_TAGS):
        if tables and _in_table(element):
            continue
        if element.tag == "table":
            rows = table_rows(element)
            if rows:
                units.append(Unit("\n".join(rows), element, 0))
            continue
        nested = any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element)
        raw = own_text(element) if nested else element.text_content()
        for piece in raw.split(BR):
            piece = " ".join(piece.split())
            if piece:
                units.append(Unit(piece, element, _link_chars(element, piece)))
    return units


def _credit(units: list[Unit]) -> dict:
    """Paragraph text credited to the blocks around each paragraph-like unit: its own block
    (when it is a container), its parent fully, the grandparent half."""
    scores: dict = {}
    for unit in units:
        if not unit.is_paragraph:
            continue
        size = len(unit.text) - unit.links
        element = unit.element if unit.element.tag in CONTAINERS else unit.element.getparent()
        for share in (1.0, 0.5):
            if element is None:
                break
            scores[element] = scores.get(element, 0.0) + size * share
            element = element.getparent()
    return scores


def _inside(element, container) -> bool:
    while element is not None:
        if element is container:
            return True
        element = element.getparent()
    return False


def block_text(tree) -> tuple[list[str], str]:
    """(blocks, "blocks") of the block with the most paragraph text, from its first
    paragraph-like unit on; ([], "blocks") if the page has no paragraph at all."""
    units = text_units(tree)
    scores = _credit(units)
    if not scores:
        return [], "blocks"
    best = max(scores, key=scores.get)
    chosen = [u for u in units if _inside(u.element, best)]
    start = next((i for i, u in enumerate(chosen) if u.is_paragraph), len(chosen))
    return [u.text for u in chosen[start:] if u.link_share <= DROP_LINK_SHARE], "blocks"
