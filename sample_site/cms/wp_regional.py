"""Warta Lembah: the shapes of a WordPress regional-news theme (the JNews/Newspaper family):
Yoast-style JSON-LD and Open Graph, ``article:published_time``, a byline with an author link,
"Baca Juga" boxes inside the content, share buttons, a related-posts block, a post split with
``<!--nextpage-->`` (``/slug/2/``), the RSS feed, the core sitemap, the REST API and ``?s=``."""

from __future__ import annotations

import json

from sample_site.base import RSS, XML, Response, document, e, int_param, not_found, rfc822, share_links, xml_doc
from sample_site.cms import Ctx, Story

PER_PAGE = 1


def url(ctx: Ctx, s: Story, page: int = 1) -> str:
    return ctx.abs(f"/{s.published:%Y/%m/%d}/{s.slug}/" + (f"{page}/" if page > 1 else ""))


def handle(ctx: Ctx, rest: str) -> Response:
    q = ctx.query
    if rest in ("", "/"):
        if "s" in q:
            hits = [s for s in ctx.stories if any(w in (s.title + s.body).lower() for w in q["s"].lower().split())]
            return Response(200, listing(ctx, hits, 1, f"Hasil pencarian: {q['s']}"))
        return Response(200, listing(ctx, ctx.stories, 1, "Berita Terbaru"))
    if rest.startswith("/page/"):
        n = int_param({"n": rest.strip("/").split("/")[-1]}, "n")
        pages = max(1, -(-len(ctx.stories) // PER_PAGE))
        return Response(200, listing(ctx, ctx.stories, n, "Berita Terbaru")) if n and n <= pages else not_found()
    if rest == "/feed/":
        return Response(200, feed(ctx), RSS)
    if rest == "/wp-sitemap.xml":
        return Response(200, xml_doc('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                     f'<sitemap><loc>{ctx.abs("/wp-sitemap-posts-post-1.xml")}</loc></sitemap>'
                                     '</sitemapindex>'), XML)
    if rest == "/wp-sitemap-posts-post-1.xml":
        items = "".join(f"<url><loc>{url(ctx, s)}</loc><lastmod>{s.published.isoformat()}</lastmod></url>"
                        for s in ctx.stories)
        return Response(200, xml_doc(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'), XML)
    if rest == "/wp-json/wp/v2/posts":
        posts = [{"id": s.id, "date": s.published.isoformat(), "link": url(ctx, s),
                  "title": {"rendered": s.title}} for s in ctx.stories]
        return Response(200, json.dumps(posts), "application/json; charset=UTF-8")
    for s in ctx.stories:
        for n in range(1, len(s.pages) + 1):
            if ctx.prefix + rest == url(ctx, s, n).removeprefix(ctx.base):
                return Response(200, article(ctx, s, n))
    return not_found(document("Halaman tidak ditemukan – Warta Lembah", "",
                              '<h1 class="page-title">Oops! Halaman tidak ditemukan.</h1>', body_class="error404"))


def head(ctx: Ctx) -> str:
    return (f'<link rel="alternate" type="application/rss+xml" title="Warta Lembah &raquo; Feed" href="{ctx.abs("/feed/")}">\n'
            f'<link rel="https://api.w.org/" href="{ctx.abs("/wp-json/")}">\n'
            '<meta name="generator" content="WordPress 6.6.2">')


def chrome(ctx: Ctx, title: str, main: str, extra_head: str = "", body_class: str = "") -> str:
    menu = (f'<div class="jeg_header"><a class="jeg_logo" href="{ctx.abs("/")}">Warta Lembah</a>'
            '<ul class="jeg_menu"><li><a href="#">Pilkada</a></li><li><a href="#">Wonosobo</a></li></ul>'
            f'<form class="jeg_search_form" action="{ctx.abs("/")}"><input name="s"></form></div>')
    footer = '<div class="jeg_footer"><p>© 2024 Warta Lembah. Semua hak dilindungi.</p></div>'
    return document(title, head(ctx) + extra_head, menu + main + footer, body_class=body_class)


def listing(ctx: Ctx, items, page: int, heading: str) -> str:
    shown = items[(page - 1) * PER_PAGE: page * PER_PAGE] if heading == "Berita Terbaru" else items
    posts = "".join(f'<article class="jeg_post"><h3 class="jeg_post_title"><a href="{url(ctx, s)}">{e(s.title)}</a>'
                    f'</h3><div class="jeg_meta_date">{s.published:%d/%m/%Y}</div></article>' for s in shown)
    nav = "" if heading != "Berita Terbaru" else (
        f'<div class="jeg_navigation"><a class="page_number" href="{ctx.abs(f"/page/{page + 1}/")}">{page + 1}</a></div>'
        if page * PER_PAGE < len(items) else "")
    return chrome(ctx, f"{heading} – Warta Lembah", f'<div class="jeg_posts"><h1>{e(heading)}</h1>{posts}{nav}</div>',
                  body_class="home blog")


def article(ctx: Ctx, s: Story, page: int) -> str:
    paragraphs = s.pages[page - 1]
    body = []
    for i, p in enumerate(paragraphs):
        body.append(f"<p>{e(p)}</p>")
        if i == 1 and s.related:  # the theme's inline "Baca Juga" box
            body.append(f'<div class="jnews_inline_related_post"><p><strong>Baca Juga:</strong> '
                        f'<a href="{ctx.abs("/")}">{e(s.related[0])}</a></p></div>')
    links = "" if len(s.pages) == 1 else '<div class="page-links">Halaman: ' + " ".join(
        f'<span class="current">{n}</span>' if n == page else f'<a href="{url(ctx, s, n)}">{n}</a>'
        for n in range(1, len(s.pages) + 1)) + "</div>"
    related = "".join(f'<div class="jeg_post"><h3><a href="{ctx.abs("/")}">{e(t)}</a></h3></div>' for t in s.related)
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": s.title, "datePublished": s.published.isoformat(),
         "author": {"@type": "Person", "name": s.author}, "articleSection": s.section,
         "mainEntityOfPage": url(ctx, s)},
        {"@type": "Person", "name": s.author, "url": ctx.abs("/author/" + s.author.lower().replace(" ", "-") + "/")}]}
    extra = (f'\n<link rel="canonical" href="{url(ctx, s, page)}">\n<meta property="og:type" content="article">'
             f'\n<meta property="og:title" content="{e(s.title)}">'
             f'\n<meta property="article:published_time" content="{s.published.isoformat()}">'
             f'\n<meta name="author" content="{e(s.author)}">'
             f'\n<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph)}</script>')
    main = f"""<div class="jeg_main"><div class="jeg_inner_content">
<div class="jeg_breadcrumbs"><a href="{ctx.abs("/")}">Beranda</a> » <a href="#">{e(s.section)}</a></div>
<h1 class="jeg_post_title">{e(s.title)}</h1>
<div class="jeg_meta_container"><div class="jeg_meta_author">Oleh <a href="{ctx.abs('/author/')}">{e(s.author)}</a></div>
<div class="jeg_meta_date"><a href="#">{s.published:%d/%m/%Y, %H:%M} WIB</a></div></div>
<div class="jeg_share_button">{share_links(url(ctx, s), s.title)}</div>
<div class="entry-content"><div class="content-inner">
{"".join(body)}
{links}
</div></div>
<div class="jeg_share_bottom_container">{share_links(url(ctx, s), s.title)}</div>
<div class="jnews_related_post_container"><h2>Berita Terkait</h2>{related}</div>
</div></div>"""
    return chrome(ctx, f"{s.title} – Warta Lembah", main, extra, body_class="single single-post")


def feed(ctx: Ctx) -> str:
    items = "".join(f"<item><title>{e(s.title)}</title><link>{url(ctx, s)}</link>"
                    f"<pubDate>{rfc822(s.published)}</pubDate><dc:creator>{e(s.author)}</dc:creator></item>"
                    for s in ctx.stories)
    return xml_doc('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                   f'<title>Warta Lembah</title><link>{ctx.abs("/")}</link>{items}</channel></rss>')
