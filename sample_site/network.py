"""NusaRaya Network: a large portal with regional editions, paged articles, "Baca juga" boxes,
AMP pages, JSON-LD and a sitemap index."""

from __future__ import annotations

import json
import re

from pantau.ids import digest, slugify
from sample_site import traps
from sample_site.base import (
    XML, Ctx, Response, ad_slot, document, e, int_param, iso, modified, not_found, page_count, page_slice,
    share_links, tanggal_jam, xml_doc,
)
from sample_site.catalog import EDITIONS, Rendition, edition_name

SITE = "nusaraya"
NAME = "NusaRaya.com"
PREFIX = "/nusaraya"
PER_PAGE = 10
ARTICLE = re.compile(r"/(amp/)?([a-z0-9-]+)/berita/\d{4}/\d{2}/\d{2}/[a-z0-9-]+")


def handle(ctx: Ctx, rest: str) -> Response:
    items = ctx.catalog.site(SITE)
    if rest in ("", "/"):
        return Response(200, home(ctx, items))
    if rest == "/sitemap.xml":
        return Response(200, sitemap_index(ctx), XML)
    if rest == "/sitemap-news.xml":
        return Response(200, news_sitemap(ctx), XML)
    m = re.fullmatch(r"/sitemap-(\d{4})-(\d{2})\.xml", rest)
    if m and any(f"{r.published:%Y-%m}" == f"{m[1]}-{m[2]}" for r in items):
        month = [r for r in items if f"{r.published:%Y-%m}" == f"{m[1]}-{m[2]}"]
        urls = "".join(f"<url><loc>{ctx.url(r)}</loc><lastmod>{iso(modified(r.published))}</lastmod></url>\n"
                       for r in month)
        return Response(200, xml_doc(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>'), XML)
    if rest.rstrip("/") == "/arsip-internal" or rest.startswith("/arsip-internal/"):
        return internal(ctx, rest)
    m = ARTICLE.fullmatch(rest)
    if m:
        r = ctx.catalog.by_path.get(PREFIX + "/" + rest.split("/amp/", 1)[-1].lstrip("/")) if m[1] \
            else ctx.catalog.by_path.get(PREFIX + rest)
        if r is None or r.site != SITE:
            return _missing(ctx)
        return amp_page(ctx, r) if m[1] else article_page(ctx, r)
    m = re.fullmatch(r"/penulis/([a-z0-9-]+)/?", rest)
    if m:
        mine = [r for r in items if slugify(r.article.author) == m[1]]
        return listing(ctx, mine, f"Berita oleh {mine[0].article.author}", f"/penulis/{m[1]}") if mine else _missing(ctx)
    m = re.fullmatch(r"/([a-z0-9-]+)/?", rest)
    if m and (m[1] in EDITIONS or any(r.edition == m[1] for r in items)):
        mine = [r for r in items if r.edition == m[1]]
        return listing(ctx, mine, f"NusaRaya {edition_name(m[1])}", f"/{m[1]}/")
    return _missing(ctx)


def _missing(ctx: Ctx) -> Response:
    return not_found(chrome(ctx, "Halaman Tidak Ditemukan", "",
                            '<div class="error-page"><h1>404</h1><p>Maaf, halaman yang Anda cari tidak tersedia.</p></div>'))


def _editions(ctx: Ctx) -> list[str]:
    return sorted({r.edition for r in ctx.catalog.site(SITE)})


def chrome(ctx: Ctx, title: str, head: str, main: str, edition: str | None = None) -> str:
    items = ctx.catalog.site(SITE)
    eds = "".join(f'<li><a href="{PREFIX}/{x}/">{e(edition_name(x))}</a></li>' for x in _editions(ctx))
    popular = "".join(f'<li><a href="{ctx.url(r)}?{e(traps.TRACKING_QUERY)}">{e(r.title)}</a></li>' for r in items[:5])
    label = f' <span class="edition">{e(edition_name(edition))}</span>' if edition else ""
    body = f"""<div class="network-bar"><a href="{PREFIX}/">NusaRaya Network</a><ul class="editions">{eds}</ul>
<a class="login" href="https://akun.nusaraya.example/masuk" rel="nofollow">Masuk</a></div>
<header class="header"><div class="logo"><a href="{PREFIX}/">{NAME}</a>{label}</div>
<nav class="nav-main"><a href="{PREFIX}/">Terkini</a> <a href="{PREFIX}/nasional/">Nasional</a>
<a href="{PREFIX}/sitemap.xml">Indeks</a></nav></header>
{ad_slot("billboard", "970x250")}
<div class="container"><main class="col-main">
{main}
</main>
<aside class="col-side"><div class="widget most-popular"><h3>Terpopuler</h3><ol>{popular}</ol></div>
{ad_slot("side-1")}<div class="widget newsletter"><h3>Newsletter</h3><form action="https://akun.nusaraya.example/langganan" method="post"><input type="email" name="email"><button>Langganan</button></form></div>
{ad_slot("side-2", "300x600")}</aside></div>
<footer class="footer"><ul class="footer-editions">{eds}</ul>
<ul class="footer-links"><li><a href="https://www.nusaraya.example/tentang-kami">Tentang Kami</a></li>
<li><a href="https://www.nusaraya.example/pedoman-media-siber">Pedoman Media Siber</a></li>
<li><a href="https://www.nusaraya.example/karir">Karir</a></li>
<li class="hidden"><a href="{PREFIX}/arsip-internal/">Arsip Internal</a></li></ul>
<p class="copyright">Copyright &copy; 2024 NusaRaya Network. All Rights Reserved.</p></footer>"""
    return document(title, head, body, body_class="nusaraya")


def listing(ctx: Ctx, items: list[Rendition], heading: str, base: str) -> Response:
    page = int_param(ctx.query, "page")
    pages = page_count(len(items), PER_PAGE)
    if page is None or page > pages:
        return _missing(ctx)
    cards = "".join(
        f'<div class="latest__item"><h2 class="latest__title"><a href="{ctx.url(r)}">{e(r.title)}</a></h2>'
        f'<span class="latest__subtitle">{e(edition_name(r.edition))}</span> '
        f'<span class="latest__date">{tanggal_jam(r.published)}</span></div>\n'
        for r in page_slice(items, page, PER_PAGE))
    links = ["Halaman"] + [f'<a href="{PREFIX}{base}?page={n}"{" class=active" if n == page else ""}>{n}</a>'
                           for n in range(1, pages + 1)]
    if page < pages:
        links.append(f'<a class="next" href="{PREFIX}{base}?page={page + 1}">Selanjutnya</a>')
    main = f'<h1 class="section-title">{e(heading)}</h1><div class="latest">{cards}</div><div class="paging">{" ".join(links)}</div>'
    return Response(200, chrome(ctx, f"{heading} - {NAME}", "", main))


def home(ctx: Ctx, items: list[Rendition]) -> str:
    head = items[0] if items else None
    lead = (f'<div class="headline"><h1><a href="{ctx.url(head)}">{e(head.title)}</a></h1>'
            f'<p>{e(head.excerpt)}</p></div>') if head else ""
    latest = "".join(f'<li><a href="{ctx.url(r)}">{e(r.title)}</a> <span>{e(edition_name(r.edition))}</span></li>'
                     for r in items[1:11])
    return chrome(ctx, f"{NAME} - Berita Terkini Hari Ini dari Seluruh Nusantara", "",
                  f'{lead}<section class="latest"><h2>Berita Terkini</h2><ul>{latest}</ul></section>')


def _baca_juga(ctx: Ctx, r: Rendition) -> dict[int, str]:
    """Paragraph index -> "Baca juga" box inserted after that paragraph."""
    boxes, n = {}, len(r.paragraphs)
    for i, title in enumerate(r.article.baca_juga):
        target = ctx.catalog.find_title(SITE, title, exclude=r)
        href = ctx.url(target) if target else ctx.abs(f"{PREFIX}/{r.edition}/")
        boxes[min(1 + 3 * i, n - 1)] = (f'<p class="baca-juga"><strong>Baca juga: <a href="{href}">{e(title)}</a>'
                                        "</strong></p>")
    return boxes


def _body(ctx: Ctx, r: Rendition, first: int, paragraphs: list[str], last: bool) -> str:
    boxes = _baca_juga(ctx, r)
    out = []
    for i, text in enumerate(paragraphs, first):
        out.append(f"<p>{e(text)}</p>")
        if i in boxes:
            out.append(boxes[i])
        if i == first + 1:
            out.append(ad_slot("inarticle", "336x280"))
    a = r.article
    if last:
        if int(digest(a.slug), 16) % 2 == 0:
            out.append(f'<p class="trailer">Artikel ini telah tayang di NusaRaya.com dengan judul "{e(a.title)}", '
                       f'Klik untuk baca: <a href="{ctx.url(r)}">{ctx.url(r)}</a>.</p>')
        out.append(f'<p class="credit"><strong>Reporter: {e(a.author)}'
                   + (f" | Editor: {e(a.editor)}" if a.editor else "") + "</strong></p>")
    return "\n".join(out)


def json_ld(ctx: Ctx, r: Rendition) -> str:
    a = r.article
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": ctx.url(r)},
        "headline": a.title, "description": r.excerpt,
        "image": {"@type": "ImageObject", "url": f"https://img.nusaraya.example/{a.slug}.jpg",
                  "width": 1200, "height": 675},
        "datePublished": iso(a.published), "dateModified": iso(modified(a.published)),
        "author": {"@type": "Person", "name": a.author, "url": ctx.abs(f"{PREFIX}/penulis/{slugify(a.author)}")},
        "publisher": {"@type": "Organization", "name": NAME,
                      "logo": {"@type": "ImageObject", "url": "https://img.nusaraya.example/logo.png"}},
        "articleSection": a.section, "keywords": a.tags, "inLanguage": "id-ID",
    }
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": ctx.abs(PREFIX + "/")},
        {"@type": "ListItem", "position": 2, "name": edition_name(r.edition), "item": ctx.abs(f"{PREFIX}/{r.edition}/")},
    ]}
    return "".join(f'<script type="application/ld+json">{json.dumps(d, ensure_ascii=False)}</script>\n'
                   for d in (data, crumbs))


def article_page(ctx: Ctx, r: Rendition) -> Response:
    a, pages = r.article, r.pages
    raw = ctx.query.get("page", "1")
    page = len(pages) + 1 if raw == "all" else int_param(ctx.query, "page")
    if page is None or page > len(pages) + (raw == "all"):
        return _missing(ctx)
    url = ctx.url(r)
    if raw == "all":
        first, paras, last, self_url = 0, r.paragraphs, True, f"{url}?page=all"
    else:
        first = sum(len(p) for p in pages[:page - 1])
        paras, last = pages[page - 1], page == len(pages)
        self_url = url if page == 1 else f"{url}?page={page}"
    head = [f'<meta name="description" content="{e(r.excerpt)}">',
            f'<meta name="keywords" content="{e(", ".join(a.tags))}">',
            f'<meta name="news_keywords" content="{e(", ".join(a.tags))}">',
            f'<link rel="canonical" href="{self_url}">', f'<link rel="amphtml" href="{ctx.abs(r.amp_path)}">',
            f'<meta property="og:type" content="article"><meta property="og:title" content="{e(a.title)}">',
            f'<meta property="og:url" content="{url}"><meta property="og:site_name" content="{NAME}">',
            '<meta name="twitter:card" content="summary_large_image">', json_ld(ctx, r)]
    paging = ""
    if len(pages) > 1 and raw != "all":
        if page > 1:
            head.append(f'<link rel="prev" href="{url if page == 2 else f"{url}?page={page - 1}"}">')
        if page < len(pages):
            head.append(f'<link rel="next" href="{url}?page={page + 1}">')
        links = ["Halaman"]
        if page > 1:
            links.append(f'<a class="paging__link" href="{url if page == 2 else f"{url}?page={page - 1}"}">Sebelumnya</a>')
        links += [f'<a class="paging__link{" paging__link--active" if n == page else ""}" '
                  f'href="{url if n == 1 else f"{url}?page={n}"}">{n}</a>' for n in range(1, len(pages) + 1)]
        if page < len(pages):
            links.append(f'<a class="paging__link paging__link--next" href="{url}?page={page + 1}">Selanjutnya</a>')
        links.append(f'<a class="paging__link paging__link--all" href="{url}?page=all">Tampilkan semua</a>')
        paging = f'<div class="paging paging--article">{" ".join(links)}</div>'
    tags = " ".join(f'<a class="tag__link" href="{PREFIX}/{r.edition}/?tag={slugify(t)}">{e(t)}</a>' for t in a.tags)
    related = "".join(f'<li><a href="{ctx.url(o)}">{e(o.title)}</a></li>' for o in ctx.catalog.related(r, 4))
    main = f"""<div class="breadcrumb"><a href="{PREFIX}/">Home</a> &rsaquo; <a href="{PREFIX}/{r.edition}/">{e(edition_name(r.edition))}</a> &rsaquo; <span>{e(a.section)}</span></div>
<article class="read">
<h1 class="read__title">{e(a.title)}</h1>
<div class="read__info"><div class="read__author">Laporan Wartawan {NAME}, <a href="{PREFIX}/penulis/{slugify(a.author)}">{e(a.author)}</a></div>
<div class="read__time">{e(edition_name(r.edition))} - {tanggal_jam(a.published)}</div></div>
<div class="photo"><img src="https://img.nusaraya.example/{a.slug}.jpg" alt="{e(a.title)}" width="780" height="439">
<div class="photo__caption">Ilustrasi. (NusaRaya.com/Dok)</div></div>
<div class="read__content">
{_body(ctx, r, first, paras, last)}
</div>
{paging}
<div class="tag"><span>Tag:</span> {tags}</div>
{share_links(url, a.title)}
<div class="comment"><h3>Komentar</h3><div class="comment-box" data-provider="disqus" data-url="{url}">Muat komentar</div></div>
</article>
<section class="related"><h3>Berita Terkait</h3><ul>{related}</ul></section>"""
    title = f"{a.title} - {NAME}" if page == 1 or raw == "all" else f"{a.title} Halaman {page} - {NAME}"
    return Response(200, chrome(ctx, title, "\n".join(head), main, r.edition))


def amp_page(ctx: Ctx, r: Rendition) -> Response:
    a = r.article
    body = f"""<header class="amp-header"><a href="{PREFIX}/">{NAME}</a></header>
<article><h1>{e(a.title)}</h1><div class="meta">{e(a.author)} - {tanggal_jam(a.published)}</div>
<amp-img src="https://img.nusaraya.example/{a.slug}.jpg" width="780" height="439" layout="responsive"></amp-img>
<div class="content">{_body(ctx, r, 0, r.paragraphs, True)}</div>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/0000/nusaraya/amp"></amp-ad></article>
<footer>&copy; 2024 NusaRaya Network</footer>"""
    head = (f'<link rel="canonical" href="{ctx.url(r)}">\n<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            '<style amp-boilerplate>body{visibility:hidden}</style>\n' + json_ld(ctx, r))
    html = document(f"{a.title} - {NAME}", head, body).replace('<html lang="id">', '<html amp lang="id">', 1)
    return Response(200, html)


def sitemap_index(ctx: Ctx) -> str:
    months = sorted({f"{r.published:%Y-%m}" for r in ctx.catalog.site(SITE)}, reverse=True)
    maps = [ctx.abs(f"{PREFIX}/sitemap-news.xml")] + [ctx.abs(f"{PREFIX}/sitemap-{m}.xml") for m in months]
    body = "".join(f"<sitemap><loc>{u}</loc></sitemap>\n" for u in maps)
    return xml_doc(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</sitemapindex>')


def news_sitemap(ctx: Ctx) -> str:
    urls = "".join(
        f"<url><loc>{ctx.url(r)}</loc><news:news><news:publication><news:name>NusaRaya</news:name>"
        f"<news:language>id</news:language></news:publication><news:publication_date>{iso(r.published)}"
        f"</news:publication_date><news:title>{e(r.title)}</news:title></news:news></url>\n"
        for r in ctx.catalog.site(SITE)[:20])
    return xml_doc('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                   f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n{urls}</urlset>')


def internal(ctx: Ctx, rest: str) -> Response:
    """Behind the robots.txt Disallow: an unpublished draft that must never reach the archive."""
    if rest.rstrip("/") == "/arsip-internal":
        main = f'<h1>Arsip Internal</h1><ul><li><a href="{traps.INTERNAL_PAGE}">Draf: laporan netralitas ASN</a></li></ul>'
        return Response(200, chrome(ctx, f"Arsip Internal - {NAME}", '<meta name="robots" content="noindex">', main))
    if PREFIX + rest != traps.INTERNAL_PAGE:
        return _missing(ctx)
    main = ('<article class="read"><h1 class="read__title">DRAF - Puluhan ASN Diduga Hadiri Kampanye Paslon</h1>'
            '<div class="read__content"><p>DRAF BELUM TERBIT. Puluhan ASN diduga menghadiri kampanye pasangan calon. '
            'Naskah ini belum diverifikasi redaksi dan tidak boleh diarsipkan.</p></div></article>')
    return Response(200, chrome(ctx, f"DRAF - {NAME}", '<meta name="robots" content="noindex">', main))
