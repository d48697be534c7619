"""Exponential backoff for retried requests (Scrapy's RetryMiddleware retries at once).

A request that comes back for its n-th retry waits ``PANTAU_BACKOFF_BASE * 2**(n-1)``
seconds (at most ``PANTAU_BACKOFF_MAX``), or the server's ``Retry-After`` if longer.
With ``--politeness off`` the base is 0: retries are immediate.
"""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from datetime import datetime, timezone

from scrapy.utils.asyncio import sleep


def retry_after(value: bytes | str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class BackoffMiddleware:
    def __init__(self, base: float, cap: float) -> None:
        self.base, self.cap = base, cap

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(settings.getfloat("PANTAU_BACKOFF_BASE", 2.0), settings.getfloat("PANTAU_BACKOFF_MAX", 60.0))

    def delay(self, retries: int, server_hint: float | None) -> float:
        if retries <= 0:
            return 0.0
        wait = self.base * 2 ** (retries - 1)
        if server_hint is not None and self.base > 0:
            wait = max(wait, server_hint)
        return min(wait, self.cap)

    async def process_request(self, request, spider=None):
        wait = self.delay(request.meta.get("retry_times", 0), request.meta.get("retry_after"))
        if wait > 0:
            await sleep(wait)
        return None

    def process_response(self, request, response, spider=None):
        if response.status in (429, 503):
            hint = retry_after(response.headers.get("Retry-After"))
            if hint is not None:
                request.meta["retry_after"] = hint  # copied into the retry request
        return response
