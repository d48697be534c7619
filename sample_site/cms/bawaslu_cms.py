"""Bawaslu Kabupaten Wonosobo: the shapes of the Bawaslu office CMS (Drupal-like): the
"Lompat ke isi utama" skip link, news at ``berita/<slug>``, a ``berita`` listing paged with
``?page=n``, the date as "Senin, 18 November 2024 - 14:30 WIB" with a ``<time>`` in UTC,
"Penulis"/"Editor" fields, an AddToAny share block, a "Berita Terkait" view, ``rss.xml``,
``sitemap.xml`` and ``search/node?keys=``."""

from __future__ import annotations

from datetime import timezone

from sample_site.base import RSS, XML, Response, document, e, int_param, not_found, rfc822, tanggal, xml_doc, zone
from sample_site.cms import Ctx, Story

PER_PAGE = 1
NAME = "Bawaslu Kabupaten Wonosobo"


def url(ctx: Ctx, s: Story) -> str:
    return ctx.abs(f"/berita/{s.slug}")


def handle(ctx: Ctx, rest: str) -> Response:
    q = ctx.query
    if rest in ("", "/"):
        return Response(200, listing(ctx, ctx.stories[:3], None, "Berita Terbaru"))
    if rest == "/berita":
        page = int_param(q, "page")
        pages = max(1, -(-len(ctx.stories) // PER_PAGE))
        if not page or page > pages:
            return not_found(chrome(ctx, "Halaman tidak ditemukan", "<h1>Halaman tidak ditemukan</h1>"))
        return Response(200, listing(ctx, ctx.stories[(page - 1) * PER_PAGE: page * PER_PAGE], page, "Berita"))
    if rest == "/search/node":
        words = q.get("keys", "").lower().split()
        hits = [s for s in ctx.stories if words and all(w in (s.title + s.body).lower() for w in words)]
        return Response(200, listing(ctx, hits, None, "Hasil pencarian"))
    if rest == "/rss.xml":
        items = "".join(f"<item><title>{e(s.title)}</title><link>{url(ctx, s)}</link>"
                        f"<pubDate>{rfc822(s.published)}</pubDate></item>" for s in ctx.stories)
        return Response(200, xml_doc(f'<rss version="2.0"><channel><title>{NAME}</title>{items}</channel></rss>'), RSS)
    if rest == "/sitemap.xml":
        items = "".join(f"<url><loc>{url(ctx, s)}</loc><lastmod>{s.published.isoformat()}</lastmod></url>"
                        for s in ctx.stories)
        return Response(200, xml_doc(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'), XML)
    for s in ctx.stories:
        if ctx.abs(rest) == url(ctx, s):
            return Response(200, article(ctx, s))
    return not_found(chrome(ctx, "Halaman tidak ditemukan", "<h1>Halaman tidak ditemukan</h1>"))


def chrome(ctx: Ctx, title: str, main: str, head: str = "") -> str:
    body = f"""<a href="#main-content" class="visually-hidden focusable skip-link">Lompat ke isi utama</a>
<div class="dialog-off-canvas-main-canvas"><header role="banner"><div class="site-branding">
<a href="{ctx.abs("/")}" rel="home">BAWASLU <span>KABUPATEN WONOSOBO</span></a></div>
<nav role="navigation"><ul class="menu"><li><a href="{ctx.abs("/")}">Beranda</a></li>
<li><a href="{ctx.abs("/berita")}">Berita</a></li><li><a href="https://ppid.bawaslu.go.id/">PPID</a></li></ul></nav></header>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="region region-content">{main}</div></main>
<footer role="contentinfo"><p>Jl. Contoh No. 1, Wonosobo · © 2024 {NAME}</p></footer></div>"""
    head = ('<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{NAME}" href="{ctx.abs("/rss.xml")}">\n' + head)
    return document(f"{title} | {NAME}", head, body, body_class="path-node page-node-type-berita")


def listing(ctx: Ctx, items, page: int | None, heading: str) -> str:
    rows = "".join(f'<div class="views-row"><h2><a href="{url(ctx, s)}" hreflang="id">{e(s.title)}</a></h2>'
                   f'<div class="views-field-created">{tanggal(s.published)}</div></div>' for s in items)
    pager = ""
    if page:
        pages = -(-len(ctx.stories) // PER_PAGE)
        pager = '<nav class="pager"><ul class="pager__items">' + "".join(
            f'<li class="pager__item"><a href="?page={n}">{n}</a></li>' for n in range(1, pages + 1) if n != page) + "</ul></nav>"
    return chrome(ctx, heading, f'<h1 class="page-title">{heading}</h1><div class="view-content">{rows}</div>{pager}')


def article(ctx: Ctx, s: Story) -> str:
    utc = s.published.astimezone(timezone.utc)
    when = f"{tanggal(s.published, weekday=True)} - {s.published:%H:%M} {zone(s.published)}"
    related = "".join(f'<div class="views-row"><a href="{ctx.abs("/berita")}">{e(t)}</a></div>' for t in s.related)
    credit = (f'<div class="field field--name-field-penulis"><div class="field__label">Penulis</div>'
              f'<div class="field__item">{e(s.author)}</div></div>')
    if s.editor:
        credit += (f'<div class="field field--name-field-editor"><div class="field__label">Editor</div>'
                   f'<div class="field__item">{e(s.editor)}</div></div>')
    main = f"""<h1 class="page-title"><span class="field field--name-title">{e(s.title)}</span></h1>
<article role="article" class="node node--type-berita node--view-mode-full">
<div class="node__meta"><span class="field--name-created"><time datetime="{utc:%Y-%m-%dT%H:%M:%SZ}">{when}</time></span></div>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field__item">
{"".join(f"<p>{e(p)}</p>" for p in s.paragraphs)}
</div>
{credit}
<div class="addtoany"><span class="a2a_label">Bagikan:</span><a class="a2a_button_facebook" href="#">Facebook</a>
<a class="a2a_button_whatsapp" href="#">WhatsApp</a><a class="a2a_button_x" href="#">X</a></div>
</div></article>
<div class="views-element-container block-berita-terkait"><h2>Berita Terkait</h2>{related}</div>"""
    head = f'<link rel="canonical" href="{url(ctx, s)}">\n<meta property="og:title" content="{e(s.title)}">'
    return chrome(ctx, s.title, main, head)
