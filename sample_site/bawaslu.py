"""Bawaslu Kabupaten Temanggung: an office site with press releases. No JSON-LD and no date
metadata: the date is only in the text ("Diposting pada 18 November 2024", the dateline)."""

from __future__ import annotations

from sample_site import traps
from sample_site.base import (
    Ctx, Response, document, e, int_param, not_found, page_count, page_slice, paragraphs_html, share_links,
    tanggal,
)
from sample_site.catalog import Rendition

SITE = "bawaslu-temanggung"
NAME = "Bawaslu Kabupaten Temanggung"
PREFIX = "/bawaslu-temanggung"
PER_PAGE = 5
TAGLINE = "Bersama Rakyat Awasi Pemilu – Bersama Bawaslu Tegakkan Keadilan Pemilu"


def handle(ctx: Ctx, rest: str) -> Response:
    items = ctx.catalog.site(SITE)
    if rest in ("", "/"):
        return Response(200, home(ctx, items))
    if rest in ("/berita", "/berita/"):
        return listing(ctx, items)
    if PREFIX + rest == traps.PDF_PATH:
        return Response(200, traps.pdf_bytes(), "application/pdf",
                        {"Content-Disposition": 'inline; filename="surat-edaran-netralitas-asn-2024.pdf"'})
    if rest == "/pengumuman":
        main = ('<h1 class="judul">Pengumuman</h1><ul class="pengumuman">'
                f'<li><a href="{traps.PDF_PATH}">Surat Edaran Nomor 12 Tahun 2024 tentang Pengawasan Netralitas ASN (PDF)</a></li>'
                '<li>Jam layanan pengaduan: Senin–Jumat, 08.00–16.00 WIB.</li></ul>')
        return Response(200, chrome(ctx, "Pengumuman", main))
    if rest == "/profil":
        main = ('<h1 class="judul">Profil</h1><p>Badan Pengawas Pemilihan Umum Kabupaten Temanggung bertugas '
                'mengawasi penyelenggaraan pemilu dan pemilihan di wilayah Kabupaten Temanggung.</p>')
        return Response(200, chrome(ctx, "Profil", main))
    r = ctx.catalog.by_path.get(PREFIX + rest)
    if r and r.site == SITE:
        return article_page(ctx, r)
    return not_found(chrome(ctx, "Halaman tidak ditemukan", "<h1>404</h1><p>Halaman tidak ditemukan.</p>"))


def chrome(ctx: Ctx, title: str, main: str, head: str = "", charset_meta: bool = True) -> str:
    latest = "".join(f'<li><a href="{r.path}">{e(r.title)}</a></li>' for r in ctx.catalog.site(SITE)[:5])
    body = f"""<div class="topbar"><span>{TAGLINE}</span> <a href="mailto:temanggung@bawaslu.example">temanggung@bawaslu.example</a></div>
<header class="header"><a class="logo" href="{PREFIX}/"><span class="logo-title">BAWASLU</span><span class="logo-sub">KABUPATEN TEMANGGUNG</span></a>
<nav class="menu"><ul><li><a href="{PREFIX}/">Beranda</a></li><li><a href="{PREFIX}/profil">Profil</a></li>
<li><a href="{PREFIX}/berita">Berita</a></li><li><a href="{PREFIX}/pengumuman">Pengumuman</a></li>
<li><a href="https://ppid.bawaslu.go.id/" rel="noopener">PPID</a></li></ul></nav></header>
<div class="marquee"><span>Laporkan dugaan pelanggaran pemilu ke Bawaslu Kabupaten Temanggung. Awasi, Laporkan!</span></div>
<div class="wrapper"><div class="konten">
{main}
</div>
<aside class="sidebar">
<div class="widget"><h3>Berita Terbaru</h3><ul>{latest}</ul></div>
<div class="widget unduhan"><h3>Unduhan</h3><ul><li><a href="{traps.PDF_PATH}">Surat Edaran Netralitas ASN 2024 (PDF)</a></li></ul></div>
<div class="widget"><h3>Tautan</h3><ul><li><a href="https://www.bawaslu.go.id/" rel="noopener">Bawaslu RI</a></li>
<li><a href="https://jdih.bawaslu.go.id/" rel="noopener">JDIH Bawaslu</a></li>
<li><a href="https://sigaplapor.bawaslu.go.id/" rel="noopener">Sigap Lapor</a></li></ul></div>
<div class="widget"><h3>Jam Layanan</h3><p>Senin–Kamis 07.30–16.00 WIB<br>Jumat 07.30–11.00 WIB</p></div>
</aside></div>
<footer class="footer"><p>Jl. Pahlawan, Temanggung, Jawa Tengah 56212 · Telp. (0293) 000000</p>
<p>© 2024 {NAME}. Hak cipta dilindungi.</p></footer>"""
    return document(f"{title} | {NAME}", head, body, charset_meta=charset_meta, body_class="bawaslu")


def _item(r: Rendition) -> str:
    return (f'<div class="post-item"><h2><a href="{r.path}">{e(r.title)}</a></h2>'
            f'<p>{e(r.excerpt)}</p><a class="more" href="{r.path}">Baca selengkapnya &raquo;</a></div>')


def home(ctx: Ctx, items: list[Rendition]) -> str:
    main = (f'<section class="sambutan"><h1>Selamat Datang di Website {NAME}</h1></section>'
            f'<section class="berita-terbaru"><h2>Berita Terbaru</h2>{"".join(_item(r) for r in items[:4])}'
            f'<p><a href="{PREFIX}/berita">Indeks berita &raquo;</a></p></section>')
    return chrome(ctx, "Beranda", main)


def listing(ctx: Ctx, items: list[Rendition]) -> Response:
    page = int_param(ctx.query, "page")
    pages = page_count(len(items), PER_PAGE)
    if page is None or page > pages:
        return not_found(chrome(ctx, "Halaman tidak ditemukan", "<h1>404</h1>"))
    nav = []
    if page > 1:
        nav.append(f'<a href="{PREFIX}/berita?page={page - 1}">&laquo; Sebelumnya</a>')
    nav += [f'<span class="current">{n}</span>' if n == page else f'<a href="{PREFIX}/berita?page={n}">{n}</a>'
            for n in range(1, pages + 1)]
    if page < pages:
        nav.append(f'<a href="{PREFIX}/berita?page={page + 1}">Berikutnya &raquo;</a>')
    main = (f'<h1 class="judul">Berita</h1>{"".join(_item(r) for r in page_slice(items, page, PER_PAGE))}'
            f'<div class="pagination">{" ".join(nav)}</div>')
    return Response(200, chrome(ctx, "Berita" if page == 1 else f"Berita – Halaman {page}", main))


def article_page(ctx: Ctx, r: Rendition) -> Response:
    a = r.article
    credit = f"Penulis: {a.author}" + (f", Editor: {a.editor}" if a.editor else "")
    views = 87 + len(a.body) % 400
    others = "".join(f'<li><a href="{o.path}">{e(o.title)}</a></li>'
                     for o in [x for x in ctx.catalog.site(SITE) if x is not r][:5])
    main = f"""<div class="breadcrumb"><a href="{PREFIX}/">Beranda</a> / <a href="{PREFIX}/berita">Berita</a></div>
<div class="post">
<h1 class="judul">{e(a.title)}</h1>
<div class="post-meta">Diposting pada {tanggal(a.published)} · Dilihat {views} kali</div>
<div class="isi">
{paragraphs_html(r.paragraphs)}
<p><em>{e(credit)}</em></p>
</div>
{share_links(ctx.url(r), a.title)}
</div>
<div class="berita-lainnya"><h3>Berita Lainnya</h3><ul>{others}</ul></div>"""
    head = f'<meta name="description" content="{e(r.excerpt)}">\n<meta property="og:title" content="{e(a.title)}">'
    wrong = r.path in ctx.plan.wrong_encoding_paths
    html = chrome(ctx, a.title, main, head, charset_meta=not wrong)
    content_type = f"text/html; charset={traps.WRONG_ENCODING['declared']}" if wrong else "text/html; charset=utf-8"
    return Response(200, html.encode("utf-8"), content_type)

