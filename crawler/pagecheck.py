"""Pages that are not what they claim: block pages (a bot wall, a challenge, an access
denial) and soft 404s (a "page not found" served with status 200).

Pure functions over a status and raw bytes, used by the spider (recorded as the failure
``blocked`` and the skip ``soft_404``), the probe and the check."""

from __future__ import annotations

import re

BLOCKED_STATUSES = (401, 403, 429)
BLOCK_MARKERS = (
    b"cf-chl-", b"challenge-platform", b"<title>just a moment", b"attention required! | cloudflare",
    b"g-recaptcha", b"h-captcha", b"hcaptcha.com", b"captcha-container", b"ddos-guard", b"incapsula incident",
    b"sucuri website firewall", b"access denied</title>", b"akses ditolak", b"verifikasi bahwa anda bukan robot",
    b"please enable cookies", b"bot verification",
)
SOFT_404 = re.compile(
    r"(^\W*(error\s*)?404\b|\b404\s*(-|:|\|)?\s*(not found|tidak ditemukan)|page not found|^\W*not found\b"
    r"|halaman\s+(yang\s+(anda|kamu)\s+cari\s+)?tidak\s+(di)?temukan|halaman\s+tidak\s+tersedia"
    r"|halaman\s+tidak\s+ada\b)", re.I)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
_H1 = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def _text(match) -> str:
    if not match:
        return ""
    raw = match.group(1)[:500].decode("utf-8", "replace")
    return " ".join(_TAGS.sub(" ", raw).split())


def is_block_page(status: int, body: bytes) -> bool:
    """A bot wall or access denial: the marks of the common shields, or a refusing status."""
    head = (body or b"")[:40_000].lower()
    if any(marker in head for marker in BLOCK_MARKERS):
        return True
    return status in BLOCKED_STATUSES


def is_soft_404(status: int, body: bytes) -> bool:
    """A 200 page whose title or main heading says the page does not exist."""
    if status != 200 or not body:
        return False
    head = body[:200_000]
    return any(SOFT_404.search(_text(rx.search(head))) for rx in (_TITLE, _H1))


def classify(status: int, body: bytes) -> str | None:
    """"blocked", "soft_404" or None (a page to use as it is)."""
    if is_block_page(status, body):
        return "blocked"
    if is_soft_404(status, body):
        return "soft_404"
    return None
