"""``pantau sources --check``: for each source, does it answer, does its discovery find
articles, does a sample article parse with title, date and text? ``--write`` records the
verdict as ``verified`` in the registry file (atomically: a temporary file, then a rename).
"""

from __future__ import annotations

import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote_plus

from crawler import discovery, urls
from crawler.registry import Entry, Site, load_registry
from crawler.sitefetch import Fetcher, links_of

MIN_TEXT = 200


def _discover(fetch: Fetcher, site: Site) -> tuple[list[str], list[str]]:
    """Article URLs found by the source's own discovery (one page of each method), with notes."""
    d, found, notes = site.entry.discovery, [], []
    candidates: list[tuple[str, str]] = []
    for rel in d.sitemaps[:2]:
        page = fetch.get(site.url(rel))
        kind, entries = discovery.sitemap(page.body) if page.ok else ("invalid", [])
        if kind == "index" and entries:
            child = fetch.get(entries[-1][0] if len(entries) > 1 else entries[0][0])
            entries = discovery.sitemap(child.body)[1] if child.ok else []
        candidates += [("sitemap", u) for u, _ in entries]
    for rel in d.feeds[:2]:
        page = fetch.get(site.url(rel))
        candidates += [("feed", u) for u, _ in (discovery.feed(page.body) if page.ok else [])]
    for listing in d.listings[:2]:
        page = fetch.get(site.url(listing.url))
        candidates += [("listing", u) for u in (links_of(page) if page.ok else [])]
    for template in d.search[:1]:
        page = fetch.get(site.url(template.format(query=quote_plus(d.queries[0] if d.queries else "asn"))))
        candidates += [("search", u) for u in (links_of(page) if page.ok else [])]
    candidates += [("seed", site.url(u)) for u in d.urls]
    by_method: dict[str, int] = {}
    for method, url in candidates:
        kind, clean = urls.classify(site, url)
        if kind == "article" and clean not in found:
            found.append(clean)
            by_method[method] = by_method.get(method, 0) + 1
    notes.append(", ".join(f"{m} {n}" for m, n in by_method.items()) or "no article URL")
    return found, notes


def _parse_sample(fetch: Fetcher, site: Site, found: list[str]) -> dict:
    from crawler.parsing import parse_page
    from pantau.timezones import zone as zone_named

    zone = zone_named(site.to_source().timezone)
    for url in found[:3]:
        page = fetch.get(url)
        if not page.ok or page.shield:
            continue
        parsed = parse_page(page.body, page.url, page.headers, site.id, default_tz=zone)
        ok = bool(parsed.title) and parsed.published_at is not None and len(parsed.text) >= MIN_TEXT
        return {"url": url, "ok": ok, "title": parsed.title, "published_at": parsed.published_at,
                "author": parsed.author, "text_chars": len(parsed.text), "reason": parsed.reason}
    return {"url": None, "ok": False, "reason": "no sample article could be fetched"}


def check_entry(entry: Entry, sample_url: str | None, timeout: float) -> dict:
    row = {"id": entry.id, "base_url": entry.base_url, "answers": False, "discovers": False, "parses": False}
    if entry.is_sample and not sample_url:
        return {**row, "ok": None, "note": "sample site: give --sample-url"}
    site = entry.resolve(sample_url)
    with Fetcher(timeout) as fetch:
        home = fetch.get(site.base_url)
        row.update(url=site.base_url, status=home.status, error=home.error, shield=home.shield)
        row["answers"] = home.ok and home.shield is None
        found, notes = _discover(fetch, site) if row["answers"] else ([], ["not tried"])
        row.update(discovers=bool(found), articles_found=len(found), discovery=notes[0])
        sample = _parse_sample(fetch, site, found) if found else {"ok": False, "reason": "no article to parse"}
    row.update(parses=sample["ok"], sample=sample)
    row["ok"] = row["answers"] and row["discovers"] and row["parses"]
    return row


def check(entries: list[Entry], sample_url: str | None, timeout: float) -> list[dict]:
    with ThreadPoolExecutor(max_workers=min(16, max(1, len(entries)))) as pool:
        return list(pool.map(lambda e: check_entry(e, sample_url, timeout), entries))


def set_verified(text: str, verdicts: dict[str, bool]) -> str:
    """The registry text with ``verified`` set for each id in ``verdicts`` (a line after ``id``)."""
    blocks = re.split(r"(?m)^(?=\[\[source\]\]\s*$)", text)
    for i, block in enumerate(blocks):
        m = re.search(r'(?m)^id\s*=\s*"([^"]+)"[ \t]*$', block)
        if not m or m.group(1) not in verdicts:
            continue
        head, sep, tail = block.partition("\n[source.")
        head = re.sub(r"(?m)^verified\s*=\s*(true|false)\s*\n", "", head)
        line = f"verified = {'true' if verdicts[m.group(1)] else 'false'}\n"
        head = head[:m.end()] + "\n" + line + head[m.end() + 1:]
        blocks[i] = head + sep + tail
    return "".join(blocks)


def write_verdicts(path: Path, rows: list[dict]) -> dict[str, bool]:
    """Record the verdict of every checked source (sample sites without a URL are left alone)."""
    verdicts = {r["id"]: bool(r["ok"]) for r in rows if r["ok"] is not None}
    new = set_verified(path.read_text(encoding="utf-8"), verdicts)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        load_registry(tmp)  # never install a registry that does not load
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return verdicts
