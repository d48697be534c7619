"""Structured metadata of a page: JSON-LD, OpenGraph/meta tags, canonical and AMP links.

``read_metadata(tree, url)`` collects what the page declares; ``article.py`` decides
between the candidates. Nothing here reads the visible text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit


ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                 "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "report",
                 "socialmediaposting", "liveblogposting"}
TITLE_SEPARATORS_KEEP = re.compile(r"(\s+(?:::|[-|–—·»])\s+)")


@dataclass
class Metadata:
    article: dict = field(default_factory=dict)  # the JSON-LD article node ({} if none)
    ids: dict = field(default_factory=dict)  # JSON-LD @id -> node, to resolve references
    meta: dict[str, str] = field(default_factory=dict)  # meta name/property -> first content
    canonical: str | None = None
    amphtml: str | None = None
    lang: str | None = None
    h1: str | None = None
    title_tag: str | None = None
    is_amp: bool = False  # <html amp> or <html ⚡>

    @property
    def site_name(self) -> str | None:
        publisher = self.resolve(self.article.get("publisher"))
        name = publisher.get("name") if isinstance(publisher, dict) else None
        return self.meta.get("og:site_name") or self.meta.get("application-name") or name

    def resolve(self, node):
        """Follow a JSON-LD ``{"@id": ...}`` reference (Yoast @graph style)."""
        if isinstance(node, dict) and set(node) <= {"@id"} and node.get("@id") in self.ids:
            return self.ids[node["@id"]]
        return node


def text_of(element) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _load_json(raw: str):
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    raw = re.sub(r"^\s*//\s*<!\[CDATA\[|//\s*\]\]>\s*$", "", raw)
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        try:  # trailing commas are the usual hand-written JSON-LD error
            return json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
        except ValueError:
            return None


def _nodes(data) -> list[dict]:
    """Flatten lists and @graph into a list of nodes."""
    if isinstance(data, list):
        return [n for item in data for n in _nodes(item)]
    if isinstance(data, dict):
        return [data] + _nodes(data.get("@graph", []))
    return []


def _types(node: dict) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def read_json_ld(tree, result: Metadata) -> None:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        for node in _nodes(_load_json(script.text or "")):
            if node.get("@id"):
                result.ids.setdefault(node["@id"], node)
            if not result.article and _types(node) & ARTICLE_TYPES:
                result.article = node


def read_meta(tree, result: Metadata) -> None:
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        value = element.get("content", "").strip()
        if key and value:
            result.meta.setdefault(key, value)


def _link(tree, rel: str, url: str) -> str | None:
    for element in tree.xpath(f'//link[@href][contains(concat(" ", normalize-space(@rel), " "), " {rel} ")]'):
        href = element.get("href", "").strip()
        if href and not href.startswith(("javascript:", "#")):
            return urljoin(url, href)
    return None


def read_metadata(tree, url: str) -> Metadata:
    result = Metadata()
    read_json_ld(tree, result)
    read_meta(tree, result)
    result.canonical = _link(tree, "canonical", url)
    result.amphtml = _link(tree, "amphtml", url)
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    result.lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    h1 = tree.xpath("//h1")
    result.h1 = text_of(h1[0]) if h1 else None
    title = tree.xpath("//title")
    result.title_tag = text_of(title[0]) if title else None
    result.is_amp = root.get("amp") is not None or root.get("⚡") is not None
    return result


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def strip_site_suffix(title: str, site_names: list[str], loose: bool = False) -> str:
    """Drop " - Site Name" (or "Site Name | ") parts that name the site. ``loose`` also drops
    a short last part (for ``<title>``, which nearly always ends in the brand)."""
    names = {_norm(n) for n in site_names if n and _norm(n)}
    pieces = TITLE_SEPARATORS_KEEP.split(title.strip())  # text, sep, text, sep, ...

    def is_site(part: str, loose_match: bool) -> bool:
        key = _norm(part)
        short = loose_match and len(part.split()) <= 3
        return bool(key) and (key in names or (short and any(len(n) > 3 and n in key for n in names)))

    before = len(pieces)
    while len(pieces) > 1 and is_site(pieces[-1], True):
        pieces = pieces[:-2]
    while len(pieces) > 1 and is_site(pieces[0], False):
        pieces = pieces[2:]
    if loose and len(pieces) == before and len(pieces) > 1 and len(pieces[-1].split()) <= 3:
        pieces = pieces[:-2]
    return "".join(pieces).strip()


def site_names(meta: Metadata, url: str) -> list[str]:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return [meta.site_name or "", host, host.split(".")[0] if host else ""]


def choose_title(meta: Metadata, url: str) -> tuple[str | None, str | None]:
    """(title, method): JSON-LD headline > og:title > <h1> > <title>."""
    names = site_names(meta, url)
    headline = meta.article.get("headline") or meta.article.get("name")
    candidates = [
        (headline if isinstance(headline, str) else None, "json-ld", False),
        (meta.meta.get("og:title") or meta.meta.get("twitter:title"), "opengraph", False),
        (meta.h1, "h1", False),
        (meta.title_tag, "title-tag", True),
    ]
    for value, method, loose in candidates:
        value = " ".join((value or "").split())
        if value:
            return strip_site_suffix(html.unescape(value), names, loose), method
    return None, None
