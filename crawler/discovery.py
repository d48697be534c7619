"""Reading discovery documents: sitemaps (indexes, news sitemaps) and RSS/Atom feeds.

Pure functions over raw bytes; every entry is ``(url, date or None)``.
"""

from __future__ import annotations

import gzip
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from lxml import etree

Entry = tuple[str, datetime | None]


def _xml(body: bytes):
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body.lstrip(), parser)
    except etree.XMLSyntaxError:
        return None


def _local(element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element, *names: str) -> str | None:
    """Text of the first descendant with one of the local ``names`` (namespaces ignored)."""
    for child in element.iter():
        if _local(child) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_date(value: str | None) -> datetime | None:
    """ISO 8601 (sitemaps, Atom) or RFC 822 (RSS) to an aware datetime (UTC if no offset)."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def sitemap(body: bytes) -> tuple[str, list[Entry]]:
    """("index", child sitemaps) or ("urlset", pages), each with lastmod or news date."""
    root = _xml(body)
    if root is None:
        return "invalid", []
    kind = "index" if _local(root) == "sitemapindex" else "urlset"
    entries = []
    for element in root:
        if _local(element) not in ("sitemap", "url"):
            continue
        loc = next((c.text.strip() for c in element if _local(c) == "loc" and c.text), None)
        if loc:
            when = _child_text(element, "publication_date") or _child_text(element, "lastmod")
            entries.append((loc, parse_date(when)))
    return kind, entries


def feed(body: bytes) -> list[Entry]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, with their dates."""
    root = _xml(body)
    if root is None:
        return []
    entries = []
    for element in root.iter():
        name = _local(element)
        if name == "item":
            link = _child_text(element, "link") or _guid_link(element)
            when = _child_text(element, "pubdate", "date", "published", "updated")
        elif name == "entry":
            link = _atom_link(element)
            when = _child_text(element, "published", "updated")
        else:
            continue
        if link:
            entries.append((link, parse_date(when)))
    return entries


def _guid_link(item) -> str | None:
    for child in item:
        if _local(child) == "guid" and child.get("isPermaLink", "true") != "false":
            text = (child.text or "").strip()
            return text if text.startswith("http") else None
    return None


def _atom_link(entry) -> str | None:
    for child in entry:
        if _local(child) == "link" and child.get("rel", "alternate") == "alternate" and child.get("href"):
            return child.get("href").strip()
    return None


def since_ok(when: datetime | None, since: date | None) -> bool:
    """Keep an entry unless it is dated before ``since`` (undated entries are kept)."""
    return since is None or when is None or when.date() >= since
