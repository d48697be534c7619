"""From a probe to a registry entry: the article pattern generalised from the URLs found,
and the ``[[source]]`` text (it loads with ``crawler.registry``)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from urllib.parse import urlsplit

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def _segment(seg: str, last: bool) -> str:
    if re.fullmatch(r"\d{4}", seg):
        return r"\d{4}"
    if re.fullmatch(r"\d{1,2}", seg):
        return r"\d{2}" if len(seg) == 2 else r"\d{1,2}"
    if re.fullmatch(r"\d+", seg):
        return r"\d+"
    m = re.fullmatch(r"([a-z]+-)?\d+(-[a-z0-9-]+)?(\.html?)?", seg)
    if m and (m.group(1) or m.group(2)):
        return (re.escape(m.group(1)) if m.group(1) else "") + r"\d+" + \
            ("-[a-z0-9-]+" if m.group(2) else "") + (re.escape(m.group(3)) if m.group(3) else "")
    if last or "-" in seg:
        return "[a-z0-9-]+" + (r"\.html" if seg.endswith(".html") else "")
    return re.escape(seg)


def shape(relative: str) -> str:
    """'2024/10/07/asn-ditegur/' -> '\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/?'"""
    path = relative.split("?")[0]
    parts = [p for p in path.split("/") if p]
    if not parts:
        return ""
    shaped = "/".join(_segment(p, i == len(parts) - 1) for i, p in enumerate(parts))
    return shaped + "/?"


def _merge_literals(shapes: list[str]) -> list[str]:
    """Shapes alike but for literal segments ('jateng/berita/...', 'jatim/berita/...') become
    one, the differing segments a slug."""
    groups: dict[tuple, list[list[str]]] = {}
    for s in shapes:
        parts = s.split("/")
        key = tuple(p if "\\" in p or "[" in p else "" for p in parts)
        groups.setdefault(key, []).append(parts)
    out = []
    for members in groups.values():
        merged = [seg if len({m[i] for m in members}) == 1 else "[a-z0-9-]+" for i, seg in enumerate(members[0])]
        out.extend(["/".join(merged)] * len(members))
    return out


def infer_pattern(relative_urls: list[str]) -> str | None:
    """The shapes covering at least a tenth of the URLs found each, joined; None if none."""
    shapes = Counter(_merge_literals([s for s in map(shape, relative_urls) if s]))
    if not shapes:
        return None
    total = sum(shapes.values())
    kept = [s for s, n in shapes.most_common(4) if n * 10 >= total]
    return kept[0] if len(kept) == 1 else "(" + "|".join(kept) + ")"


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_toml(v) for v in values) + "]"


def entry_toml(result, home) -> str:
    """The registry entry of a probe: every method that found articles, in the probe's order."""
    steps = {s.method: s for s in result.steps}
    host = urlsplit(result.base_url).hostname or "site"
    path = urlsplit(result.base_url).path.strip("/").replace("/", "-")
    ident = re.sub(r"[^a-z0-9-]+", "-", (path or host.removeprefix("www.").split(".")[0]).lower()).strip("-") or "site"
    title = " ".join(_TITLE.search(home.text).group(1).split())[:80] if home.ok and _TITLE.search(home.text) else host
    lines = ["[[source]]", f"id = {_toml(ident)}", f"name = {_toml(title or host)}", 'type = "news"',
             f"base_url = {_toml(result.base_url)}"]
    if steps["wordpress_api"].used:
        lines.append('software = "wordpress"')
    found = "; ".join(f"{s.method} {s.found}" for s in result.steps)
    notes = "; ".join([f"probed {date.today().isoformat()}: {found}", *result.site_notes])
    lines += ["verified = false", f"notes = {_toml(notes)}", "[source.discovery]"]
    discovery = []
    if steps["robots_sitemaps"].used:
        discovery.append(f"sitemaps = {_list([steps['robots_sitemaps'].used])}")
    if steps["feed_autodiscovery"].used:
        discovery.append(f"feeds = {_list([steps['feed_autodiscovery'].used])}")
    listing = steps["listing_paths"].used
    if listing is not None:
        url, _, pagination = listing.partition(" ")
        discovery.append("listings = [{ url = %s%s }]" % (_toml(url), f", pagination = {_toml(pagination)}"
                                                        if pagination else ""))
    if steps["search"].used:
        discovery.append(f"search = {_list([steps['search'].used])}")
    if not discovery:
        discovery.append(f"urls = {_list([result.base_url])}  # nothing found: give seeds by hand")
    pattern = result.article_pattern or r"[a-z0-9]+(-[a-z0-9]+){3,}/?"
    discovery.append(f"article_pattern = '{pattern}'")
    return "\n".join(lines + discovery) + "\n"
