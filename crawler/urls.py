"""Which URLs of a source are articles, and the URL to fetch for each.

    kind, url = classify(site, href)   # ("article", url) | ("document", url) | (None, url)
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.registry import Site
from pantau.ids import MOBILE_HOST, TRACKING_PARAMS

DOCUMENT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|zip|rar|7z|jpe?g|png|gif|webp|svg|mp[34]|avi|mov)$",
                      re.IGNORECASE)


def clean_url(url: str) -> str:
    """Drop the fragment and tracking parameters (utm_*, fbclid, amp...); keep the rest as
    it is (the trailing slash too: servers redirect when it is missing)."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def _host(netloc: str) -> str:
    return MOBILE_HOST.sub("", netloc.lower().removeprefix("www."))


def relative(site: Site, url: str) -> str | None:
    """The part of ``url`` after the site's base URL (host compared without www./m./amp.,
    scheme ignored), or None when ``url`` is not under it."""
    base, parts = urlsplit(site.base_url), urlsplit(url)
    if parts.scheme not in ("http", "https") or _host(parts.netloc) != _host(base.netloc):
        return None
    if not parts.path.startswith(base.path):
        return None
    rest = parts.path[len(base.path):]
    return rest + (f"?{parts.query}" if parts.query else "")


def rewrite(site: Site, url: str) -> str:
    """Apply the source's rewrites (AMP/mobile to article) to ``url``."""
    rest = relative(site, url)
    if rest is None or not site.rewrites:
        return url
    for pattern, replacement in site.rewrites:
        if pattern.fullmatch(rest):
            return site.base_url + pattern.sub(replacement, rest)
    return url


def is_article(site: Site, url: str) -> bool:
    rest = relative(site, url)
    return rest is not None and site.article_re.fullmatch(rest) is not None


def on_base_host(site: Site, url: str) -> str:
    """``url`` with the scheme and host of the base URL (folds http/https, www., m., amp.)."""
    base, parts = urlsplit(site.base_url), urlsplit(url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))


def prepare(site: Site, url: str) -> str:
    """The URL to request for ``url``: tracking parameters and fragment dropped, and, under
    the site, on the base URL's scheme and host with the source's rewrites applied."""
    url = clean_url(url)
    if relative(site, url) is None:
        return url
    return rewrite(site, on_base_host(site, url))


def classify(site: Site, url: str) -> tuple[str | None, str]:
    """("article", url to fetch), ("document", url) for a file link (PDF, image...) under
    the site, or (None, url) for anything else."""
    url = prepare(site, url)
    if relative(site, url) is None:
        return None, url
    if DOCUMENT.search(urlsplit(url).path):
        return "document", url
    return ("article", url) if is_article(site, url) else (None, url)
