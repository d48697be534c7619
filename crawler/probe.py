"""Discovery on a site the registry has never seen: every method tried in order and recorded,
then a ready registry entry.

Order: robots.txt sitemaps (and the usual sitemap paths), feed autodiscovery
(``<link rel="alternate">``), the WordPress REST API, common listing paths, the site's search
page with the keywords. Block pages and soft 404s are recorded as such.

    result = probe_site("https://example.id/", keywords=["netralitas asn"])
    print(result.entry_toml)
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import quote_plus, urljoin, urlsplit

from crawler import discovery, pagecheck
from crawler.registry import DEFAULT_QUERIES
from crawler.sitefetch import Fetcher, links_of

SITEMAP_PATHS = ("sitemap.xml", "sitemap_index.xml", "wp-sitemap.xml", "sitemap-news.xml")
LISTING_PATHS = ("", "berita", "berita/", "news", "indeks", "terkini", "category/berita/", "kategori/berita")
FEED_PATHS = ("feed/", "feed.xml", "rss.xml", "rss", "atom.xml", "index.xml")
SEARCH_TEMPLATES = ("?s={query}", "search?q={query}", "search/node?keys={query}", "cari?q={query}")
NOT_ARTICLE = re.compile(r"(^|/)(tag|tags|category|kategori|topik|page|author|penulis|search|cari|feed|rss|"
                         r"wp-content|wp-json|wp-admin|login|amp/?$)(/|$)|\.(jpe?g|png|gif|webp|pdf|xml|css|js)$"
                         r"|[?#]", re.I)
ALTERNATE = re.compile(r"<link\b[^>]*>", re.I)


@dataclass
class Step:
    method: str
    url: str
    status: int | None = None
    found: int = 0
    note: str = ""
    urls: list[str] = field(default_factory=list, repr=False)
    used: str | None = None  # the registry value this step contributes (a relative URL, a template)


@dataclass
class ProbeResult:
    base_url: str
    steps: list[Step]
    site_notes: list[str]
    entry_toml: str = ""
    article_pattern: str | None = None

    def as_dict(self) -> dict:
        return {"base_url": self.base_url, "site_notes": self.site_notes, "article_pattern": self.article_pattern,
                "steps": [{k: v for k, v in s.__dict__.items() if k != "urls"} | {"sample": s.urls[:3]}
                          for s in self.steps], "entry": self.entry_toml}


def article_like(base: str, url: str) -> bool:
    """Under ``base`` and shaped like an article: a long slug or a numeric id with a slug."""
    if not url.startswith(base):
        return False
    rel = url[len(base):]
    if not rel or NOT_ARTICLE.search(rel):
        return False
    last = [p for p in rel.split("/") if p][-1] if rel.strip("/") else ""
    return last.count("-") >= 3 or bool(re.fullmatch(r"\d{4,}", last)) or \
        bool(re.search(r"(^|/)\d{3,}(/|-)", rel) and "-" in rel)


def _articles(base: str, urls: list[str]) -> list[str]:
    seen, out = set(), []
    for url in urls:
        url = url.split("#")[0]
        if article_like(base, url) and url not in seen:
            seen.add(url)
            out.append(url)
    return out


def _relative(base: str, url: str) -> str:
    return url[len(base):] if url.startswith(base) else url


def step_sitemaps(fetch: Fetcher, base: str) -> Step:
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base))
    robots = fetch.get(origin + "robots.txt")
    listed = [line.split(":", 1)[1].strip() for line in robots.text.splitlines()
              if line.lower().startswith("sitemap:")] if robots.ok else []
    mine = [u for u in listed if u.startswith(base)]
    step = Step("robots_sitemaps", origin + "robots.txt", robots.status,
                note=f"robots.txt lists {len(listed)} sitemap(s), {len(mine)} under the base URL")
    candidates = mine or [base + p for p in SITEMAP_PATHS]
    for url in candidates:
        page = fetch.get(url)
        if not page.ok or page.shield:
            continue
        kind, entries = discovery.sitemap(page.body)
        if kind == "index":
            for child, _ in entries[:2]:
                sub = fetch.get(child)
                entries = entries + (discovery.sitemap(sub.body)[1] if sub.ok else [])
        found = _articles(base, [u for u, _ in entries])
        if found:
            step.urls, step.found, step.used = found, len(found), _relative(base, url)
            step.note += f"; {step.used}: {len(found)} article URLs" + ("" if mine else " (a usual path)")
            break
    return step


def step_feeds(fetch: Fetcher, base: str, home) -> Step:
    step = Step("feed_autodiscovery", base, home.status)
    hrefs = [_attr(tag, "href") for tag in ALTERNATE.findall(home.text)
             if "alternate" in _attr(tag, "rel").lower() and re.search(r"(rss|atom)\+xml", _attr(tag, "type"))]
    step.note = f"{len(hrefs)} feed link(s) in the home page"
    for url in [urljoin(base, h) for h in hrefs] + [base + p for p in FEED_PATHS]:
        page = fetch.get(url)
        found = _articles(base, [u for u, _ in discovery.feed(page.body)]) if page.ok else []
        if found:
            step.url, step.status, step.urls, step.found, step.used = url, page.status, found, len(found), _relative(base, url)
            step.note += "" if hrefs else f"; {step.used}: a usual path"
            break
    return step


def _attr(tag: str, name: str) -> str:
    m = re.search(rf'\b{name}\s*=\s*["\']([^"\']*)["\']', tag, re.I)
    return m.group(1) if m else ""


def step_wordpress(fetch: Fetcher, base: str, home) -> Step:
    api = next((urljoin(base, _attr(t, "href")) for t in ALTERNATE.findall(home.text)
                if _attr(t, "rel") == "https://api.w.org/"), base + "wp-json/")
    url = api.rstrip("/") + "/wp/v2/posts?per_page=20&_fields=link,date"
    page = fetch.get(url)
    step = Step("wordpress_api", url, page.status)
    try:
        posts = json.loads(page.body) if page.ok else []
    except ValueError:
        posts = []
    links = [p.get("link", "") for p in posts if isinstance(p, dict)] if isinstance(posts, list) else []
    step.urls = _articles(base, links)
    step.found = len(step.urls)
    step.note = "WordPress REST API answers" if links else "no WordPress REST API"
    step.used = "wordpress" if links else None
    return step


def step_listings(fetch: Fetcher, base: str) -> Step:
    step = Step("listing_paths", base, note="")
    tried = []
    for path in LISTING_PATHS:
        page = fetch.get(base + path)
        tried.append(f"{path or '/'} {page.status or page.error}" + (f" ({page.shield})" if page.shield else ""))
        if not page.ok or page.shield:
            continue
        found, pagination = _articles(base, links_of(page)), _pagination(page, base + path)
        if len(found) + bool(pagination) > step.found + bool(step.used and " " in step.used):
            step.url, step.status, step.urls, step.found = page.url, page.status, found, len(found)
            step.used = path + (" " + pagination if pagination else "")
    step.note = "tried " + ", ".join(tried)
    return step


def _pagination(page, listing: str) -> str:
    hrefs = links_of(page)
    for template in ("page/{n}/", "?page={n}", "/page/{n}"):
        for n in (2, 1):
            if any(h.rstrip("/") == urljoin(listing, template.format(n=n)).rstrip("/") for h in hrefs):
                return template
    return ""


def step_search(fetch: Fetcher, base: str, keywords: list[str], home) -> Step:
    """A search page answers the query: its articles are not just the home page's."""
    query = (keywords or DEFAULT_QUERIES)[0]
    step = Step("search", base, note=f"query {query!r}")
    ignored = set(_articles(base, links_of(home))) if home.ok else set()
    for template in SEARCH_TEMPLATES:
        page = fetch.get(base + template.format(query=quote_plus(query)))
        if not page.ok or page.shield:
            continue
        found = _articles(base, links_of(page))
        if found and set(found) != ignored:
            step.url, step.status, step.urls, step.found, step.used = page.url, page.status, found, len(found), template
            break
    return step


def site_checks(fetch: Fetcher, base: str, home) -> list[str]:
    notes = [f"home page: {home.status or home.error}" + (f", {home.shield}" if home.shield else "")]
    missing = fetch.get(base + f"pantau-probe-{secrets.token_hex(4)}-tidak-ada/")
    if missing.status == 200:
        notes.append("soft 404: a page that does not exist answers 200" +
                     (" and says so" if pagecheck.is_soft_404(200, missing.body) else ""))
    elif missing.status:
        notes.append(f"a missing page answers {missing.status}")
    return notes


def probe_site(url: str, *, keywords: list[str] | None = None, timeout: float = 5.0) -> ProbeResult:
    from crawler.probe_entry import entry_toml, infer_pattern

    base = url if url.endswith("/") else url + "/"
    with Fetcher(timeout) as fetch:
        home = fetch.get(base)
        notes = site_checks(fetch, base, home)
        steps = [step_sitemaps(fetch, base), step_feeds(fetch, base, home), step_wordpress(fetch, base, home),
                 step_listings(fetch, base), step_search(fetch, base, keywords or [], home)]
    result = ProbeResult(base, steps, notes)
    relative = [_relative(base, u) for s in steps for u in s.urls]
    result.article_pattern = infer_pattern(relative)
    result.entry_toml = entry_toml(result, home)
    return result
