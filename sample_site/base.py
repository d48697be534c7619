"""Shared pieces of the sample sites: responses, request context, Indonesian dates, page shell."""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from sample_site.catalog import Catalog, Rendition
    from sample_site.traps import TrapPlan

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass
class Ctx:
    """What a site handler needs for one request."""

    base: str  # e.g. "http://127.0.0.1:8765", no trailing slash
    catalog: Catalog
    plan: TrapPlan
    query: dict[str, str] = field(default_factory=dict)

    def abs(self, path: str) -> str:
        return self.base + path

    def url(self, rendition: Rendition) -> str:
        return self.base + rendition.path


def e(text: object) -> str:
    return escape(str(text), quote=True)


def redirect(location: str, status: int = 301) -> Response:
    return Response(status, f'<html><body>Moved <a href="{e(location)}">here</a></body></html>',
                    headers={"Location": location})


def not_found(html: str = "") -> Response:
    return Response(404, html or "<html><head><title>404 Not Found</title></head>"
                    "<body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>")


def server_error() -> Response:
    return Response(500, "<html><head><title>500 Internal Server Error</title></head><body>"
                    "<center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center>"
                    "</body></html>")


def zone(dt: datetime) -> str:
    hours = int(dt.utcoffset().total_seconds() // 3600) if dt.utcoffset() is not None else 7
    return ZONES.get(hours, f"GMT{hours:+d}")


def tanggal(dt: datetime, weekday: bool = False) -> str:
    """``18 November 2024`` or ``Senin, 18 November 2024``."""
    text = f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    return f"{DAYS[dt.weekday()]}, {text}" if weekday else text


def tanggal_jam(dt: datetime) -> str:
    """``Senin, 18 November 2024 14:32 WIB``."""
    return f"{tanggal(dt, weekday=True)} {dt:%H:%M} {zone(dt)}"


def rfc822(dt: datetime, utc: bool = False) -> str:
    """RSS pubDate: ``Mon, 07 Oct 2024 14:32:00 +0700`` (or +0000 when ``utc``)."""
    return format_datetime(dt.astimezone(timezone.utc) if utc else dt)


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def modified(dt: datetime) -> datetime:
    """A plausible last-modified time: a few hours after publication."""
    return dt + timedelta(hours=2, minutes=17)


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def page_slice(items: list, page: int, per_page: int) -> list:
    return items[(page - 1) * per_page: page * per_page]


def int_param(query: dict[str, str], name: str, default: int = 1) -> int | None:
    """A positive integer query parameter, ``default`` when absent, None when malformed."""
    raw = query.get(name)
    if raw is None:
        return default
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


def share_links(url: str, title: str) -> str:
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        '<div class="share-buttons"><span class="share-label">Bagikan:</span>'
        f'<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={u}" rel="nofollow noopener" target="_blank">Facebook</a>'
        f'<a class="share-x" href="https://twitter.com/intent/tweet?url={u}&amp;text={t}" rel="nofollow noopener" target="_blank">X</a>'
        f'<a class="share-wa" href="https://api.whatsapp.com/send?text={t}%20{u}" rel="nofollow noopener" target="_blank">WhatsApp</a>'
        f'<a class="share-tg" href="https://t.me/share/url?url={u}&amp;text={t}" rel="nofollow noopener" target="_blank">Telegram</a>'
        '<button class="copy-link" type="button">Salin tautan</button></div>'
    )


def ad_slot(name: str, size: str = "300x250") -> str:
    return (f'<div class="ads ads-{name}" data-ad-slot="{name}" data-size="{size}">'
            '<span class="ads-label">ADVERTISEMENT</span>'
            f'<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000" '
            f'data-ad-slot="{zlib.crc32(name.encode()):010d}"></ins></div>')


ANALYTICS = ("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
             "gtag('js',new Date());gtag('config','G-SAMPLE0000');</script>")


def document(title: str, head: str, body: str, *, lang: str = "id", body_class: str = "",
             charset_meta: bool = True) -> str:
    """A complete HTML document."""
    meta = '<meta charset="utf-8">\n' if charset_meta else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{meta}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n{head}\n{ANALYTICS}\n</head>\n"
        f'<body class="{e(body_class)}">\n{body}\n</body>\n</html>\n'
    )


def paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)


def xml_doc(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
