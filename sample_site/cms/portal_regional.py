"""Portal Nusantara: the shapes of a national portal's regional section: articles at
``daerah/<province>/<id>/<slug>`` split over ``?page=2``, the date in a NewsArticle JSON-LD
and as "Rabu, 9 Oktober 2024 14:05 WITA", the credit line "Penulis: X | Editor: Y", "Baca
juga" links between paragraphs, a social share bar, a news sitemap, a section listing with
``?page=n``, and a soft 404 (a missing page answers 200 with "Halaman tidak ditemukan")."""

from __future__ import annotations

import json

from sample_site.base import XML, Response, document, e, int_param, share_links, tanggal, xml_doc, zone
from sample_site.cms import Ctx, Story

PER_PAGE = 1


def url(ctx: Ctx, s: Story) -> str:
    return ctx.abs(f"/daerah/{s.edition}/{s.id}/{s.slug}")


def handle(ctx: Ctx, rest: str) -> Response:
    q = ctx.query
    if rest in ("", "/"):
        return Response(200, listing(ctx, "", 1))
    if rest == "/sitemap-news.xml":
        items = "".join(
            f'<url><loc>{url(ctx, s)}</loc><news:news><news:publication><news:name>Portal Nusantara</news:name>'
            f'<news:language>id</news:language></news:publication><news:publication_date>{s.published.isoformat()}'
            f'</news:publication_date><news:title>{e(s.title)}</news:title></news:news></url>' for s in ctx.stories)
        return Response(200, xml_doc('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                                     'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                                     f'{items}</urlset>'), XML)
    parts = rest.strip("/").split("/")
    if parts[0] == "daerah" and len(parts) == 2:
        page = int_param(q, "page")
        if page and page <= max(1, len([s for s in ctx.stories if s.edition == parts[1]])):
            return Response(200, listing(ctx, parts[1], page))
    if parts[0] == "daerah" and len(parts) == 4:
        for s in ctx.stories:
            if url(ctx, s) == ctx.abs(rest):
                page = int_param(q, "page")
                if page and page <= len(s.pages):
                    return Response(200, article(ctx, s, page))
    # the portal's soft 404: status 200
    return Response(200, chrome(ctx, "Halaman tidak ditemukan | Portal Nusantara",
                                '<div class="error-page"><h1>Halaman tidak ditemukan</h1>'
                                f'<p>Kembali ke <a href="{ctx.abs("/")}">beranda</a>.</p></div>'))


def chrome(ctx: Ctx, title: str, main: str, head: str = "") -> str:
    nav = (f'<header class="header"><a class="logo" href="{ctx.abs("/")}">PortalNusantara</a><nav class="nav-daerah">'
           f'<a href="{ctx.abs("/daerah/sulteng")}">Sulteng</a> <a href="{ctx.abs("/daerah/jateng")}">Jateng</a></nav>'
           '</header>')
    return document(title, head, nav + main + '<footer class="footer">© 2024 Portal Nusantara</footer>')


def listing(ctx: Ctx, edition: str, page: int) -> str:
    items = [s for s in ctx.stories if not edition or s.edition == edition]
    shown = items[(page - 1) * PER_PAGE: page * PER_PAGE]
    cards = "".join(f'<div class="article__list"><h3 class="article__title"><a class="article__link" '
                    f'href="{url(ctx, s)}">{e(s.title)}</a></h3><div class="article__date">{tanggal(s.published)}'
                    '</div></div>' for s in shown)
    nav = (f'<div class="paging"><a class="paging__link paging__link--next" rel="next" '
           f'href="{ctx.abs(f"/daerah/{edition}")}?page={page + 1}">Selanjutnya</a></div>'
           if edition and page * PER_PAGE < len(items) else "")
    return chrome(ctx, f"Berita Daerah {edition.upper()} | Portal Nusantara", f'<main class="latest">{cards}{nav}</main>')


def article(ctx: Ctx, s: Story, page: int) -> str:
    paragraphs = s.pages[page - 1]
    body = []
    for i, p in enumerate(paragraphs):
        body.append(f"<p>{e(p)}</p>")
        if i == 0 and s.related:
            body.append(f'<div class="inner-link-baca-juga"><strong>Baca juga:</strong> '
                        f'<a href="{ctx.abs("/")}">{e(s.related[-1])}</a></div>')
    paging = "" if len(s.pages) == 1 else '<div class="read__paging"><span>Halaman:</span> ' + " ".join(
        f'<span class="paging__item paging__item--active">{n}</span>' if n == page else
        f'<a class="paging__link" href="{url(ctx, s)}?page={n}">{n}</a>' for n in range(1, len(s.pages) + 1)) + "</div>"
    nxt = f'<link rel="next" href="{url(ctx, s)}?page={page + 1}">' if page < len(s.pages) else ""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.title,
          "datePublished": s.published.isoformat(), "author": [{"@type": "Person", "name": s.author}],
          "publisher": {"@type": "Organization", "name": "Portal Nusantara"}}
    canonical = url(ctx, s) + (f"?page={page}" if page > 1 else "")
    head = (f'<link rel="canonical" href="{canonical}">{nxt}'
            f'<meta property="og:title" content="{e(s.title)}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    credit = f"Penulis: {e(s.author)}" + (f" | Editor: {e(s.editor)}" if s.editor else "")
    main = f"""<main class="read">
<div class="breadcrumb"><a href="{ctx.abs("/")}">Beranda</a> › <a href="{ctx.abs("/daerah/" + s.edition)}">{e(s.section)}</a></div>
<h1 class="read__title">{e(s.title)}</h1>
<div class="read__info"><div class="read__time">{tanggal(s.published, weekday=True)} {s.published:%H:%M} {zone(s.published)}</div>
<div class="read__credit">{credit}</div></div>
<div class="social-share">{share_links(url(ctx, s), s.title)}</div>
<div class="read__content">
{"".join(body)}
</div>
{paging}
<div class="read__tag"><a href="#">netralitas asn</a></div>
<section class="read__related"><h2>Berita Terkait</h2><ul>{"".join(f'<li><a href="{ctx.abs("/")}">{e(t)}</a></li>' for t in s.related)}</ul></section>
</main>"""
    return chrome(ctx, f"{s.title} | Portal Nusantara", main, head)
