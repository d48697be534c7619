"""Choosing the article's text on evidence.

trafilatura's precision mode cuts real paragraphs (short last lines, lines in a wrapper it
finds link-heavy, text after an empty inline tag); its balanced mode keeps them, and some
chrome with them. ``merge`` takes the precision blocks and adds each block only the balanced
extraction has when it looks like part of the body:

- a sentence (ends in . ! ? : or a closing quote after one), a table, or, between two
  precision blocks, any line of a few words that is not a link to another article;
- when the page carries its own ``articleBody`` (JSON-LD) of comparable length, the version
  that agrees with it better wins.

``check_short`` guards against a short wrong block (a reprint notice, a caption) being
taken for the article: a short text is compared with the page's headline and description,
and the block-level fallback replaces it when the fallback agrees with them better.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crawler.parsing.related import is_article_url, key

SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$|^\(.+\)$")  # or a closing "(Humas ...)" line
WORD = re.compile(r"[^\W_]{4,}")
SHORT_WORDS = 150  # a text shorter than this is checked against the headline
MIN_TEXT = 250  # characters: below this an extraction gives way to a longer fallback
MIN_AGREEMENT_GAIN = 0.25
MIN_INTERIOR_WORDS = 3
MAX_LINK_LINE = 200  # characters: a longer line is no link alone
BODY_AGREES = 0.9  # token F1 with the page's articleBody above which the text needs no second look


@dataclass
class Evidence:
    """What the page says about its article besides the text: headline, description,
    JSON-LD ``articleBody``, and the targets of its links (by anchor text key)."""

    url: str = ""
    title: str | None = None
    description: str | None = None
    body: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    tree: object = field(default=None, repr=False)  # the cleaned page
    _blocks: dict | None = field(default=None, repr=False)

    def element(self, line: str):
        """The innermost block of the page whose text is ``line`` (None if none is)."""
        if self._blocks is None:
            from crawler.parsing.fallback import text_units

            units = text_units(self.tree) if self.tree is not None else []
            self._blocks = {key(u.text): u.element for u in reversed(units)}
        return self._blocks.get(key(line))

    def container(self, lines: list[str]):
        """The innermost block holding every one of ``lines`` that the page has, or None."""
        common = None
        for element in (e for e in map(self.element, lines) if e is not None):
            chain = [element, *element.iterancestors()]
            common = chain if common is None else [e for e in chain if any(e is c for c in common)]
        return common[0] if common else None

    def within(self, line: str, container) -> bool:
        """Whether ``line`` sits inside ``container`` (true when either is not found)."""
        element = self.element(line)
        if element is None or container is None:
            return True
        return element is container or any(a is container for a in element.iterancestors())


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def agreement(blocks: list[str], reference: str | None) -> float:
    """Token F1 of ``blocks`` against ``reference`` (0 when there is none)."""
    ours, theirs = _words(" ".join(blocks)), _words(reference or "")
    common = sum((ours & theirs).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ours.values()), common / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def coverage(blocks: list[str], reference: str | None) -> float:
    """Share of the distinct words of ``reference`` (headline, description) in ``blocks``."""
    wanted = set(_words(reference or ""))
    return len(wanted & set(_words(" ".join(blocks)))) / len(wanted) if wanted else 0.0


def _link_target(line: str, evidence: Evidence) -> str | None:
    """The absolute target of the link that is the whole line, if it is one."""
    from urllib.parse import urljoin

    href = evidence.links.get(key(line))
    return None if href is None else urljoin(evidence.url, href)


def body_like(line: str, interior: bool, evidence: Evidence) -> bool:
    """Whether a block only the balanced extraction has belongs to the article: a sentence or
    a table; inside the body also a subheading or a link that is no related story (never a
    dateline)."""
    from crawler.parsing.dates import find_dates

    if "\n" in line and " | " in line:
        return True
    target = _link_target(line, evidence) if len(line) <= MAX_LINK_LINE else None
    if target is not None:
        return interior and not is_article_url(target, evidence.url)
    if SENTENCE.search(line) and len(line.split()) >= 2:
        return True
    return interior and len(line.split()) >= MIN_INTERIOR_WORDS and not find_dates(line)


def _covered(line_key: str, keys: list[str]) -> bool:
    """The line, or a cut version of it, is among the precision blocks."""
    return line_key in keys or any(len(k) >= 20 and k in line_key for k in keys)


def _kept(recall: list[str], inside: list[bool], anchors: list[int], evidence: Evidence) -> list[bool]:
    """Which balanced blocks to keep: those precision has; between its first and last block
    the body-like ones; before and after them the unbroken runs of sentences or tables
    that adjoin them (the lead, the last lines of the article) and sit in the block that
    holds the precision blocks."""
    if not anchors:
        return [inside[i] or body_like(b, False, evidence) for i, b in enumerate(recall)]
    first, last = anchors[0], anchors[-1]
    keep = [inside[i] or (first < i < last and body_like(b, True, evidence)) for i, b in enumerate(recall)]
    container = ...  # looked up at the first sentence beyond the precision blocks
    for run in (range(last + 1, len(recall)), range(first - 1, -1, -1)):
        for i in run:
            if inside[i]:
                keep[i] = True
                continue
            if not body_like(recall[i], False, evidence):
                break
            if container is ...:
                container = evidence.container([recall[a] for a in anchors])
            if not evidence.within(recall[i], container):  # a box of its own (a bio, a notice)
                break
            keep[i] = True
    return keep


def merge(precise: list[str], recall: list[str], evidence: Evidence) -> tuple[list[str], str]:
    """(blocks, method): the precision blocks with the body-like blocks only the balanced
    extraction found, in the balanced order."""
    if not recall or precise == recall:
        return precise, "trafilatura"
    keys = [key(b) for b in precise]
    recall_keys = [key(b) for b in recall]
    if any(not any(k in r for r in recall_keys) for k in keys if k):
        return _by_article_body(precise, recall, evidence)
    inside = [_covered(k, keys) for k in recall_keys]
    title = key(evidence.title or "")
    anchors = [i for i, k in enumerate(recall_keys) if inside[i] and k != title]
    merged = [b for b, keep in zip(recall, _kept(recall, inside, anchors, evidence)) if keep]
    if [key(b) for b in merged] == keys:
        return precise, "trafilatura"
    if _usable_body(evidence, precise):
        if agreement(merged, evidence.body) < agreement(precise, evidence.body):
            return precise, "trafilatura"
    return merged, "trafilatura+recall"


def _usable_body(evidence: Evidence, blocks: list[str]) -> bool:
    """The page's articleBody is long enough to judge ``blocks`` by (not a teaser)."""
    return bool(evidence.body) and len(evidence.body) >= 0.8 * len(" ".join(blocks))


def needs_precision(recall: list[str], evidence: Evidence) -> bool:
    """Whether the precision extraction must be run: the balanced one (headline removed) has
    a block that is not plainly body, or disagrees with the page's articleBody. When every
    block is a sentence or a table, precision could only take body away."""
    if not recall or any(not body_like(b, False, evidence) for b in recall):
        return True
    return _usable_body(evidence, recall) and agreement(recall, evidence.body) < BODY_AGREES


def _by_article_body(precise: list[str], recall: list[str], evidence: Evidence) -> tuple[list[str], str]:
    """The two extractions differ in their text, not only in extra blocks: the one closer to
    the page's articleBody, else the precision one."""
    if evidence.body and agreement(recall, evidence.body) > agreement(precise, evidence.body):
        return recall, "trafilatura-recall"
    return precise, "trafilatura"


def is_short(blocks: list[str]) -> bool:
    return sum(len(b.split()) for b in blocks) < SHORT_WORDS


def check_short(blocks: list[str], method: str, fallback: list[str], how: str,
                evidence: Evidence) -> tuple[list[str], str]:
    """A short extraction is kept unless the block-level fallback is longer and agrees
    clearly better with the headline and description (as well, for an extraction under
    ``MIN_TEXT`` characters)."""
    if not fallback:
        return blocks, method
    size, fallback_size = len(" ".join(blocks)), len(" ".join(fallback))
    if not blocks:
        return fallback, how
    reference = " ".join(filter(None, (evidence.title, evidence.description)))
    ours, theirs = coverage(blocks, reference), coverage(fallback, reference)
    gain = 0.0 if size < MIN_TEXT else MIN_AGREEMENT_GAIN
    if fallback_size > size and theirs >= ours + gain:
        return fallback, how
    return blocks, method
