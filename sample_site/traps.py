"""Every trap of the sample sites in one place: where it is, what links to it, what a good
crawler does with it. Crawler tests import ``all_traps(base_url)``.

Wrong-encoding trap (one page): the bytes are UTF-8 but the server declares
``Content-Type: text/html; charset=iso-8859-1`` and the page has no ``<meta charset>``.
Decoding by the header gives mojibake (``â€“`` for ``–``); a good parser sniffs UTF-8.
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sample_site.base import tanggal
from sample_site.catalog import Catalog, Rendition

WRONG_ENCODING = {"declared": "iso-8859-1", "actual": "utf-8"}
PDF_PATH = "/bawaslu-temanggung/unduhan/surat-edaran-netralitas-asn-2024.pdf"
DEAD_PATH = "/kabarpantura/2024/09/30/pemkab-tegal-buka-kembali-rekrutmen-pppk/"
DEAD_TITLE = "Pemkab Tegal Buka Kembali Rekrutmen PPPK, Ini Syaratnya"
ROBOTS_DISALLOWED = ["/kabarpantura/wp-admin/", "/nusaraya/arsip-internal/"]
INTERNAL_PAGE = "/nusaraya/arsip-internal/draf-laporan-netralitas-asn"
TRACKING_QUERY = "utm_source=terpopuler&utm_medium=widget&utm_campaign=sidebar"
LARGE_PAGE_BYTES = 5_000_000


@dataclass(frozen=True)
class Trap:
    name: str
    url: str  # absolute URL of the trap
    linked_from: str  # absolute URL of a page (listing, feed, sitemap) that links to it
    status: int  # status of the first response
    expect: str  # what a good crawler does
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


class TrapPlan:
    """Which paths carry a trap, derived from the catalog (so it follows the content)."""

    def __init__(self, catalog: Catalog) -> None:
        wp = catalog.site("kabarpantura")
        net = catalog.site("nusaraya")
        bw = catalog.site("bawaslu-temanggung")
        self.redirect_from: Rendition | None = wp[0] if wp else None
        on_topic_wp = [r for r in wp if r.article.on_topic] or wp
        self.large: Rendition | None = on_topic_wp[-1] if on_topic_wp else None
        self.flaky: Rendition | None = net[1] if len(net) > 1 else (net[0] if net else None)
        self.wrong_encoding: Rendition | None = bw[-1] if bw else None
        self.redirects: dict[str, str] = {}
        if self.redirect_from:
            self.redirects[old_path(self.redirect_from)] = self.redirect_from.path
        self.flaky_paths = {self.flaky.path} if self.flaky else set()
        self.wrong_encoding_paths = {self.wrong_encoding.path} if self.wrong_encoding else set()
        self.large_paths = {self.large.path} if self.large else set()


def old_path(r: Rendition) -> str:
    """The article's URL on Kabar Pantura's previous CMS (now a 301)."""
    return f"/kabarpantura/berita/{r.article.slug}.html"


class FlakyState:
    """Per-server request counters: the first request of a flaky URL fails with 500."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, int] = {}

    def hit(self, path: str) -> int:
        with self._lock:
            self._hits[path] = self._hits.get(path, 0) + 1
            return self._hits[path]

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


def all_traps(base_url: str, catalog: Catalog | None = None, directory: str | Path | None = None) -> list[Trap]:
    """The trap list for a server at ``base_url`` (no trailing slash needed)."""
    base = base_url.rstrip("/")
    catalog = catalog or Catalog.load(directory)
    plan = TrapPlan(catalog)
    out: list[Trap] = []
    if plan.redirect_from:
        r = plan.redirect_from
        out.append(Trap("redirect", base + old_path(r), base + "/kabarpantura/", 301,
                        "follow the 301 to the new URL and store the article once, under the new URL",
                        {"location": base + r.path}))
    out.append(Trap("not_found", base + DEAD_PATH, base + "/kabarpantura/", 404,
                    "record the 404, do not retry it, keep crawling (also listed in the sitemap)",
                    {"title": DEAD_TITLE, "also_in": base + "/kabarpantura/sitemap.xml"}))
    if plan.flaky:
        out.append(Trap("flaky_500", base + plan.flaky.path, base + "/nusaraya/sitemap-news.xml", 500,
                        "retry: the first request answers 500, every later one 200 "
                        "(counters reset with GET /__reset)",
                        {"reset": base + "/__reset", "then": 200}))
    if plan.wrong_encoding:
        from sample_site.bawaslu import PER_PAGE  # late: bawaslu imports this module

        page = catalog.site("bawaslu-temanggung").index(plan.wrong_encoding) // PER_PAGE + 1
        listing = "/bawaslu-temanggung/berita" + (f"?page={page}" if page > 1 else "")
        out.append(Trap("wrong_encoding", base + plan.wrong_encoding.path, base + listing, 200,
                        "bytes are UTF-8 but the header declares ISO-8859-1 and there is no meta "
                        "charset: detect UTF-8, do not produce mojibake",
                        dict(WRONG_ENCODING)))
    if plan.large:
        out.append(Trap("large_page", base + plan.large.path, base + "/kabarpantura/sitemap.xml", 200,
                        "a page of about 5 MB (thousands of reader comments): fetch within the size "
                        "limit or skip it cleanly; the article text is only the body",
                        {"min_bytes": LARGE_PAGE_BYTES}))
    out.append(Trap("pdf", base + PDF_PATH, base + "/bawaslu-temanggung/", 200,
                    "content type application/pdf: store or skip, never parse as HTML",
                    {"content_type": "application/pdf"}))
    out.append(Trap("robots_disallowed", base + ROBOTS_DISALLOWED[0], base + "/kabarpantura/", 200,
                    "disallowed by /robots.txt: never fetched by a polite crawler",
                    {"robots": base + "/robots.txt"}))
    out.append(Trap("robots_disallowed", base + INTERNAL_PAGE, base + ROBOTS_DISALLOWED[1], 200,
                    "an on-topic-looking draft behind a disallowed path: must not reach the archive",
                    {"robots": base + "/robots.txt"}))
    if catalog.site("nusaraya"):
        r = catalog.site("nusaraya")[0]
        out.append(Trap("tracking_params", f"{base}{r.path}?{TRACKING_QUERY}", base + "/nusaraya/", 200,
                        "the same article with utm_* parameters: normalise to one URL",
                        {"canonical": base + r.path}))
    return out


# --- generated content -------------------------------------------------------------------

_NAMES = ["Agus", "Bambang", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hesti", "Imam", "Joko",
          "Kartika", "Lestari", "Mulyono", "Nining", "Oky", "Purwanto", "Rahma", "Slamet", "Tri", "Wulan"]
_SENTENCES = [
    "ASN harus netral, jangan mau dipakai untuk kepentingan politik.",
    "Semoga Bawaslu benar-benar menindak tegas siapa pun yang melanggar.",
    "Di desa kami juga ada yang begitu, tapi tidak ada yang berani lapor.",
    "Berita seperti ini harus terus diangkat supaya masyarakat tahu.",
    "Kalau terbukti, sanksinya harus jelas dan diumumkan.",
    "Mohon redaksi menelusuri juga kasus di kecamatan sebelah.",
    "Setuju, pemilu harus jujur dan adil untuk semua calon.",
    "Jangan hanya pegawai kecil yang diperiksa, atasannya juga.",
    "Terima kasih infonya, sangat bermanfaat.",
    "Netralitas itu bukan pilihan, tapi kewajiban.",
]


@lru_cache(maxsize=64)
def comments_html(path: str, count: int, published: datetime) -> str:
    """A WordPress comment thread of ``count`` generated comments (deterministic per path)."""
    rng = random.Random(path)
    items = []
    for i in range(count):
        cid = 1000 + i
        name = f"{rng.choice(_NAMES)} {rng.choice(_NAMES)}{rng.randint(1, 99)}"
        text = " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(2, 5)))
        when = published + timedelta(minutes=17 + 9 * i + rng.randint(0, 8))
        items.append(
            f'<li id="comment-{cid}" class="comment {"even" if i % 2 else "odd"} depth-1">'
            f'<article id="div-comment-{cid}" class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
            f'class="avatar avatar-40" height="40" width="40"><b class="fn">{name}</b> '
            f'<span class="says">berkata:</span></div><div class="comment-metadata">'
            f'<a href="#comment-{cid}"><time datetime="{when.isoformat(timespec="seconds")}">'
            f'{tanggal(when)} pukul {when:%H.%M}</time></a></div></footer>'
            f'<div class="comment-content"><p>{text}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond" '
            f'data-commentid="{cid}">Balas</a></div></article></li>'
        )
    return "\n".join(items)


def comment_count(r: Rendition, plan: TrapPlan) -> int:
    if r.path in plan.large_paths:
        return 6_000  # about 5 MB of markup
    return len(r.article.slug) % 4


@lru_cache(maxsize=1)
def pdf_bytes() -> bytes:
    """A small valid one-page PDF (a Bawaslu circular), with a correct xref table."""
    lines = ["BAWASLU KABUPATEN TEMANGGUNG",
             "SURAT EDARAN NOMOR 12 TAHUN 2024",
             "TENTANG PENGAWASAN NETRALITAS APARATUR SIPIL NEGARA",
             "Dokumen contoh untuk pengujian Pantau."]
    text = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join(f"({s}) Tj T*" for s in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
