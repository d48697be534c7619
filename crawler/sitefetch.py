"""Small synchronous HTTP for the probe and the check (httpx): never raises, remembers the
block-page or soft-404 verdict of every page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from crawler import pagecheck

MAX_BYTES = 5_000_000
HREF = re.compile(rb"""<a\b[^>]*?\bhref\s*=\s*["']([^"'#]+)""", re.I)


@dataclass
class Fetched:
    url: str
    status: int | None
    body: bytes = b""
    headers: dict | None = None
    error: str | None = None
    shield: str | None = None  # "blocked" or "soft_404"

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Fetcher:
    def __init__(self, timeout: float = 5.0) -> None:
        import httpx

        from pantau.settings import get_settings

        self.client = httpx.Client(timeout=timeout, follow_redirects=True,
                                   headers={"User-Agent": get_settings().crawler_user_agent})
        self.cache: dict[str, Fetched] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    def get(self, url: str) -> Fetched:
        if url not in self.cache:
            self.cache[url] = self._get(url)
        return self.cache[url]

    def _get(self, url: str) -> Fetched:
        import httpx

        try:
            with self.client.stream("GET", url) as response:
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        break
                return Fetched(str(response.url), response.status_code, body, dict(response.headers),
                               shield=pagecheck.classify(response.status_code, body))
        except (httpx.HTTPError, OSError, ValueError) as exc:
            return Fetched(url, None, error=f"{type(exc).__name__}: {exc}"[:160])


def links_of(page: Fetched) -> list[str]:
    """Absolute URLs of the page's ``<a href>`` links."""
    return [urljoin(page.url, h.decode("utf-8", "replace").replace("&amp;", "&")) for h in HREF.findall(page.body)]
