"""Suara Timur: a feed-only site. The RSS feed is the only way to find articles: no listing
pages, no sitemap, and the home page links no article."""

from __future__ import annotations

import re

from sample_site.base import (
    RSS, Ctx, Response, document, e, not_found, paragraphs_html, rfc822, share_links, tanggal_jam, xml_doc,
)
from sample_site.catalog import Rendition

SITE = "suaratimur"
NAME = "Suara Timur"
PREFIX = "/suaratimur"


def handle(ctx: Ctx, rest: str) -> Response:
    if rest in ("", "/"):
        main = ('<section class="intro"><h1>Suara Timur</h1><p>Kabar dari Nusa Tenggara, Maluku, dan Papua. '
                'Kami tidak lagi memperbarui halaman depan; ikuti berita terbaru melalui '
                f'<a href="{PREFIX}/feed.xml">umpan RSS</a> di aplikasi pembaca berita Anda.</p></section>')
        return Response(200, chrome(ctx, NAME, main))
    if rest == "/feed.xml":
        return Response(200, feed(ctx), RSS)
    m = re.fullmatch(r"/p/(\d+)", rest)
    r = ctx.catalog.by_path.get(PREFIX + rest) if m else None
    if r and r.site == SITE:
        return Response(200, article_page(ctx, r))
    return not_found(chrome(ctx, "Tidak ditemukan", "<h1>Tidak ditemukan</h1>"))


def chrome(ctx: Ctx, title: str, main: str, head: str = "") -> str:
    body = f"""<header class="masthead"><a href="{PREFIX}/" class="brand">SUARA TIMUR</a>
<span class="motto">Dari Timur untuk Indonesia</span> <a class="rss" href="{PREFIX}/feed.xml">RSS</a></header>
<main class="main">
{main}
</main>
<footer class="site-footer"><p>Suara Timur · Jl. El Tari, Kupang · redaksi@suaratimur.example</p>
<p>Dilarang mengutip tanpa izin redaksi.</p></footer>"""
    return document(title, head, body, body_class="suaratimur")


def article_page(ctx: Ctx, r: Rendition) -> str:
    a = r.article
    head = (f'<meta name="description" content="{e(r.excerpt)}">\n'
            f'<meta property="og:title" content="{e(a.title)}">\n<meta property="og:type" content="article">')
    main = f"""<article class="story">
<p class="kicker">{e(a.section)}</p>
<h1 class="headline">{e(a.title)}</h1>
<p class="dateline">Oleh {e(a.author)} — {tanggal_jam(a.published)}</p>
<div class="story-body">
{paragraphs_html(r.paragraphs)}
</div>
{f'<p class="editor">Editor: {e(a.editor)}</p>' if a.editor else ""}
{share_links(ctx.url(r), a.title)}
<p class="back"><a href="{PREFIX}/">&larr; Beranda</a></p>
</article>"""
    return chrome(ctx, f"{a.title} | {NAME}", main, head)


def feed(ctx: Ctx) -> str:
    items = ctx.catalog.site(SITE)
    entries = "".join(f"""<item>
<title>{e(r.title)}</title>
<link>{ctx.url(r)}</link>
<guid isPermaLink="true">{ctx.url(r)}</guid>
<pubDate>{rfc822(r.published)}</pubDate>
<dc:creator>{e(r.article.author)}</dc:creator>
<category>{e(r.article.section)}</category>
<description>{e(r.excerpt)}</description>
</item>
""" for r in items)
    built = rfc822(items[0].published) if items else ""
    return xml_doc(f"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{NAME}</title>
<link>{ctx.abs(PREFIX)}/</link>
<description>Kabar dari Nusa Tenggara, Maluku, dan Papua</description>
<language>id</language>
<lastBuildDate>{built}</lastBuildDate>
{entries}</channel>
</rss>""")
