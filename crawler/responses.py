"""Small helpers between Scrapy responses/failures and the crawler's items."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import urljoin

from crawler.items import Page

HTML_TYPES = re.compile(r"html|xml", re.IGNORECASE)
CANONICAL = re.compile(rb"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", re.IGNORECASE)
HREF = re.compile(rb"\bhref=[\"']?([^\"'\s>]+)", re.IGNORECASE)


def headers_of(response) -> dict[str, str]:
    """Response headers as a plain dict (repeated headers joined with ", ")."""
    out = {}
    for key, values in response.headers.items():
        name = key.decode("latin-1")
        out[name] = ", ".join(v.decode("latin-1") for v in values)
    return out


def page_of(response) -> Page:
    redirects = response.request.meta.get("redirect_urls") or []
    return Page(url=redirects[0] if redirects else response.url, final_url=response.url,
                status=response.status, headers=headers_of(response), body=response.body,
                fetched_at=datetime.now(timezone.utc))


def is_html(response) -> bool:
    """HTML by its Content-Type (or by its first bytes when there is none)."""
    kind = (response.headers.get("Content-Type") or b"").decode("latin-1").split(";")[0].strip()
    if kind:
        return bool(HTML_TYPES.search(kind))
    head = response.body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<head" in head


def canonical_link(response) -> str | None:
    """The absolute ``<link rel="canonical">`` URL from the head of the page, if any."""
    match = CANONICAL.search(response.body[:200_000])
    href = HREF.search(match.group(0)) if match else None
    if not href:
        return None
    return urljoin(response.url, href.group(1).decode("utf-8", "replace").replace("&amp;", "&"))


def failure_reason(failure) -> tuple[str, int | None]:
    """(kind, HTTP status) of a failed request: http_404, robots, dns, timeout,
    connection_refused, connection_lost, too_large (cancelled: over DOWNLOAD_MAXSIZE)..."""
    from scrapy import exceptions as scrapy_errors
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet import error as net
    from twisted.internet.defer import CancelledError

    value = failure.value
    if failure.check(HttpError):
        from crawler.pagecheck import is_block_page

        status = value.response.status
        return ("blocked" if is_block_page(status, value.response.body) else f"http_{status}"), status
    if failure.check(scrapy_errors.IgnoreRequest):
        message = str(value).lower()
        if "robots" in message:
            return "robots", None
        return ("too_large" if "maxsize" in message or "max size" in message else "ignored"), None
    kinds = (
        ("dns", (scrapy_errors.CannotResolveHostError, net.DNSLookupError)),
        ("timeout", (scrapy_errors.DownloadTimeoutError, net.TimeoutError, net.TCPTimedOutError)),
        ("connection_refused", (scrapy_errors.DownloadConnectionRefusedError, net.ConnectionRefusedError)),
        ("too_large", (scrapy_errors.DownloadCancelledError, CancelledError)),
        ("connection_lost", (scrapy_errors.DownloadFailedError, scrapy_errors.ResponseDataLossError,
                             net.ConnectionLost, net.ConnectionDone)),
    )
    for kind, classes in kinds:
        if failure.check(*classes):
            return kind, None
    return type(value).__name__.lower(), None
