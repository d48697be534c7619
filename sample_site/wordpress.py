"""Kabar Pantura: a regional portal on WordPress (posts, categories, tags, feed, sitemap)."""

from __future__ import annotations

import re

from pantau.ids import slugify
from sample_site import traps
from sample_site.base import (
    RSS, XML, Ctx, Response, ad_slot, document, e, iso, modified, not_found, page_count,
    page_slice, paragraphs_html, redirect, rfc822, share_links, tanggal, tanggal_jam, xml_doc,
)
from sample_site.catalog import Rendition

SITE = "kabarpantura"
NAME = "Kabar Pantura"
PREFIX = "/kabarpantura"
PER_PAGE = 5
STATIC = {
    "redaksi": ("Redaksi", "Kabar Pantura diterbitkan oleh PT Kabar Pantura Media. Pemimpin Redaksi: "
                "Hartono. Alamat redaksi: Jalan Pemuda, Kota Pekalongan, Jawa Tengah."),
    "pedoman-media-siber": ("Pedoman Pemberitaan Media Siber", "Kemerdekaan berpendapat, berekspresi, dan "
                            "pers adalah hak asasi manusia yang dilindungi Pancasila dan UUD 1945."),
    "kontak": ("Kontak", "Kirim rilis dan informasi ke redaksi melalui surel redaksi@kabarpantura.example."),
}


def handle(ctx: Ctx, rest: str) -> Response:
    if rest and not rest.endswith("/") and "." not in rest.rsplit("/", 1)[-1]:
        return redirect(ctx.abs(PREFIX + rest + "/"))  # WordPress adds the trailing slash
    if rest == "/feed/":
        return Response(200, feed(ctx), RSS)
    if rest == "/sitemap.xml":
        return Response(200, sitemap(ctx), XML)
    if rest.startswith("/wp-admin/"):
        return Response(200, login_page(), headers={"X-Robots-Tag": "noindex"})
    m = re.fullmatch(r"/?(?:page/(\d+)/)?", rest)
    if m and ctx.query.get("p", "").isdigit():  # shortlink ?p=<post id>
        post = next((r for r in ctx.catalog.site(SITE) if r.number == int(ctx.query["p"])), None)
        return redirect(ctx.url(post)) if post else _missing(ctx)
    if m:
        page = int(m.group(1) or 1) if ctx.query.get("s") is None else 1
        return listing(ctx, ctx.catalog.site(SITE), page, "", "Berita Terbaru", home=True)
    m = re.fullmatch(r"/(category|tag)/([a-z0-9-]+)/(?:page/(\d+)/)?", rest)
    if m:
        kind, slug, page = m.group(1), m.group(2), int(m.group(3) or 1)
        items = [r for r in ctx.catalog.site(SITE) if slug in _slugs(r, kind)]
        if not items:
            return _missing(ctx)
        label = next(lbl for r in items for lbl in _labels(r, kind) if slugify(lbl) == slug)
        heading = f"Kategori: {label}" if kind == "category" else f"Tag: {label}"
        return listing(ctx, items, page, f"/{kind}/{slug}", heading)
    m = re.fullmatch(r"/([a-z0-9-]+)/", rest)
    if m and m.group(1) in STATIC:
        title, text = STATIC[m.group(1)]
        return Response(200, chrome(ctx, title, "", f'<article class="page"><h1 class="entry-title">'
                                    f'{e(title)}</h1><div class="entry-content"><p>{e(text)}</p></div></article>'))
    r = ctx.catalog.by_path.get(PREFIX + rest)
    if r and r.site == SITE:
        return Response(200, article_page(ctx, r), headers={"Last-Modified": rfc822(modified(r.published), utc=True)})
    return _missing(ctx)


def _labels(r: Rendition, kind: str) -> list[str]:
    return [r.article.section] if kind == "category" else r.article.tags


def _slugs(r: Rendition, kind: str) -> set[str]:
    return {slugify(x) for x in _labels(r, kind)}


def _missing(ctx: Ctx) -> Response:
    body = ('<section class="error-404 not-found"><h1 class="page-title">Oops! Halaman tidak ditemukan.</h1>'
            '<p>Sepertinya tidak ada apa pun di lokasi ini. Coba cari?</p></section>')
    return not_found(chrome(ctx, "Halaman tidak ditemukan", "", body, body_class="error404"))


def chrome(ctx: Ctx, title: str, head: str, main: str, body_class: str = "") -> str:
    """Header, navigation, sidebar and footer around ``main``."""
    items = ctx.catalog.site(SITE)
    today = items[0].published if items else None
    sections = sorted({r.article.section for r in items})
    tags = sorted({t for r in items for t in r.article.tags})
    nav = "".join(f'<li class="menu-item"><a href="{PREFIX}/category/{slugify(s)}/">{e(s)}</a></li>' for s in sections)
    popular = []
    for r in items[:5]:
        href = traps.old_path(r) if r is ctx.plan.redirect_from else r.path
        popular.append(f'<li><a href="{ctx.abs(href)}">{e(r.title)}</a></li>')
    cloud = " ".join(f'<a href="{PREFIX}/tag/{slugify(t)}/" class="tag-cloud-link">{e(t)}</a>' for t in tags)
    cats = "".join(f'<li class="cat-item"><a href="{PREFIX}/category/{slugify(s)}/">{e(s)}</a></li>' for s in sections)
    page = f"""<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Langsung ke konten</a>
<div class="top-bar"><span class="today">{e(tanggal(today, weekday=True)) if today else ""}</span>
<ul class="social"><li><a href="https://www.facebook.com/kabarpantura" rel="noopener">Facebook</a></li>
<li><a href="https://www.instagram.com/kabarpantura" rel="noopener">Instagram</a></li></ul></div>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="{PREFIX}/" rel="home">{NAME}</a></p>
<p class="site-description">Kabar Terkini dari Pantai Utara Jawa</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="{PREFIX}/">Beranda</a></li>{nav}</ul></nav>
<form role="search" method="get" class="search-form" action="{PREFIX}/"><input type="search" name="s" placeholder="Cari &hellip;"><button type="submit">Cari</button></form>
</header>
{ad_slot("leaderboard", "970x90")}
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><h2 class="widget-title">Cari</h2><form method="get" action="{PREFIX}/"><input type="search" name="s"></form></section>
<section class="widget widget_popular"><h2 class="widget-title">Terpopuler</h2><ol>{"".join(popular)}</ol></section>
{ad_slot("sidebar")}
<section class="widget widget_categories"><h2 class="widget-title">Kategori</h2><ul>{cats}</ul></section>
<section class="widget widget_tag_cloud"><h2 class="widget-title">Tag</h2><div class="tagcloud">{cloud}</div></section>
</aside></div>
<footer id="colophon" class="site-footer"><nav class="footer-menu"><a href="{PREFIX}/redaksi/">Redaksi</a> |
<a href="{PREFIX}/pedoman-media-siber/">Pedoman Media Siber</a> | <a href="{PREFIX}/kontak/">Kontak</a> |
<a href="{PREFIX}/wp-admin/">Masuk</a></nav>
<div class="site-info">&copy; 2024 {NAME}. Seluruh hak cipta dilindungi. Ditenagai WordPress.</div></footer>
</div>
<script src="{PREFIX}/wp-includes/js/wp-embed.min.js" defer></script>"""
    feed_link = f'<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; Feed" href="{ctx.abs(PREFIX)}/feed/">'
    return document(f"{title} - {NAME}", feed_link + "\n" + head, page, lang="id-ID", body_class=body_class)


def listing(ctx: Ctx, items: list[Rendition], page: int, base: str, heading: str, home: bool = False) -> Response:
    pages = page_count(len(items), PER_PAGE)
    if page > pages:
        return _missing(ctx)
    cards = [_card(r) for r in page_slice(items, page, PER_PAGE)]
    if home and page == 1:  # a post that was deleted after the listing was cached
        cards.insert(min(2, len(cards)), f'<article class="post type-post"><h2 class="entry-title">'
                     f'<a href="{ctx.abs(traps.DEAD_PATH)}" rel="bookmark">{e(traps.DEAD_TITLE)}</a></h2></article>')
    nav = []
    if page > 1:
        prev = f"{PREFIX}{base}/" if page == 2 else f"{PREFIX}{base}/page/{page - 1}/"
        nav.append(f'<a class="prev page-numbers" href="{prev}">&laquo; Sebelumnya</a>')
    for n in range(1, pages + 1):
        href = f"{PREFIX}{base}/" if n == 1 else f"{PREFIX}{base}/page/{n}/"
        nav.append(f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == page
                   else f'<a class="page-numbers" href="{href}">{n}</a>')
    if page < pages:
        nav.append(f'<a class="next page-numbers" href="{PREFIX}{base}/page/{page + 1}/">Selanjutnya &raquo;</a>')
    main = (f'<header class="page-header"><h1 class="page-title">{e(heading)}</h1></header>\n'
            + "\n".join(cards)
            + f'\n<nav class="navigation pagination" aria-label="Pos"><div class="nav-links">{"".join(nav)}</div></nav>')
    canonical = ctx.abs(f"{PREFIX}{base}/" + (f"page/{page}/" if page > 1 else ""))
    title = heading if page == 1 else f"{heading} - Halaman {page}"
    return Response(200, chrome(ctx, title, f'<link rel="canonical" href="{canonical}">', main,
                                body_class="home blog" if home else "archive"))


def _card(r: Rendition) -> str:
    a = r.article
    return (f'<article id="post-{r.number}" class="post-{r.number} post type-post status-publish">'
            f'<div class="post-thumbnail"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="{e(a.title)}" width="300" height="200"></div>'
            f'<span class="cat-links"><a href="{PREFIX}/category/{slugify(a.section)}/" rel="category tag">{e(a.section)}</a></span>'
            f'<h2 class="entry-title"><a href="{r.path}" rel="bookmark">{e(a.title)}</a></h2>'
            f'<div class="entry-meta"><time class="entry-date published" datetime="{iso(a.published)}">{tanggal(a.published)}</time>'
            f' <span class="byline">oleh {e(a.author)}</span></div>'
            f'<div class="entry-summary"><p>{e(r.excerpt)} [&hellip;]</p></div></article>')


def article_page(ctx: Ctx, r: Rendition) -> str:
    a, url = r.article, ctx.url(r)
    paras = r.paragraphs
    body = paragraphs_html(paras[:3]) + "\n" + ad_slot("inarticle") + "\n" + paragraphs_html(paras[3:])
    byline = f"Penulis: {a.author}" + (f" | Editor: {a.editor}" if a.editor else "")
    tags = ", ".join(f'<a href="{PREFIX}/tag/{slugify(t)}/" rel="tag">{e(t)}</a>' for t in a.tags)
    older, newer = ctx.catalog.neighbours(r)
    postnav = "".join(
        f'<div class="nav-{cls}"><a href="{o.path}" rel="{rel}"><span class="meta-nav">{label}</span> {e(o.title)}</a></div>'
        for o, cls, rel, label in ((older, "previous", "prev", "Sebelumnya"), (newer, "next", "next", "Selanjutnya")) if o)
    related = "".join(f'<li><a href="{o.path}">{e(o.title)}</a></li>' for o in ctx.catalog.related(r))
    n_comments = traps.comment_count(r, ctx.plan)
    comments = traps.comments_html(r.path, n_comments, a.published) if n_comments else ""
    head = "\n".join([
        f'<meta name="description" content="{e(r.excerpt)}">',
        f'<link rel="canonical" href="{url}">',
        f'<link rel="shortlink" href="{ctx.abs(PREFIX)}/?p={r.number}">',
        '<meta property="og:locale" content="id_ID">', '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{e(a.title)}">', f'<meta property="og:description" content="{e(r.excerpt)}">',
        f'<meta property="og:url" content="{url}">', f'<meta property="og:site_name" content="{NAME}">',
        f'<meta property="article:section" content="{e(a.section)}">',
        *(f'<meta property="article:tag" content="{e(t)}">' for t in a.tags),
        f'<meta property="article:published_time" content="{iso(a.published)}">',
        f'<meta property="article:modified_time" content="{iso(modified(a.published))}">',
        f'<meta name="author" content="{e(a.author)}">',
        '<meta name="twitter:card" content="summary_large_image">',
    ])
    main = f"""<nav class="breadcrumbs"><a href="{PREFIX}/">Beranda</a> &raquo; <a href="{PREFIX}/category/{slugify(a.section)}/">{e(a.section)}</a> &raquo; <span>{e(a.title)}</span></nav>
<article id="post-{r.number}" class="post-{r.number} post type-post status-publish format-standard hentry">
<header class="entry-header"><span class="cat-links"><a href="{PREFIX}/category/{slugify(a.section)}/" rel="category tag">{e(a.section)}</a></span>
<h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{iso(a.published)}">{tanggal_jam(a.published)}</time>
<time class="updated" datetime="{iso(modified(a.published))}"></time></span>
<span class="byline">{e(byline)}</span></div></header>
<div class="entry-content">
{body}
</div>
<footer class="entry-footer"><span class="tags-links">Tag: {tags}</span></footer>
{share_links(url, a.title)}
</article>
<nav class="navigation post-navigation" aria-label="Pos"><div class="nav-links">{postnav}</div></nav>
{f'<section class="related-posts"><h3>Berita Terkait</h3><ul>{related}</ul></section>' if related else ""}
<div id="comments" class="comments-area"><h2 class="comments-title">{n_comments} Komentar</h2>
<ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Tinggalkan Balasan</h3>
<form action="{PREFIX}/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Alamat email Anda tidak akan dipublikasikan.</p>
<textarea id="comment" name="comment" rows="8"></textarea><input name="author" type="text"><input name="email" type="email">
<input type="hidden" name="comment_post_ID" value="{r.number}"><input name="submit" type="submit" value="Kirim Komentar"></form></div></div>"""
    return chrome(ctx, a.title, head, main, body_class=f"post-template-default single single-post postid-{r.number}")


def login_page() -> str:
    body = ('<div id="login"><h1><a href="https://wordpress.org/">Ditenagai oleh WordPress</a></h1>'
            '<form name="loginform" id="loginform" action="wp-login.php" method="post">'
            '<p><label for="user_login">Nama Pengguna atau Alamat Email</label><input type="text" name="log" id="user_login"></p>'
            '<p><label for="user_pass">Kata Sandi</label><input type="password" name="pwd" id="user_pass"></p>'
            '<p class="submit"><input type="submit" name="wp-submit" value="Masuk"></p></form>'
            '<p id="nav"><a href="draf/">Draf tulisan internal</a></p></div>')
    return document(f"Masuk ‹ {NAME} — WordPress", '<meta name="robots" content="noindex, nofollow">',
                    body, body_class="login wp-core-ui")


def feed(ctx: Ctx) -> str:
    base = ctx.abs(PREFIX)
    items = []
    for r in ctx.catalog.site(SITE)[:10]:
        a = r.article
        cats = "".join(f"<category><![CDATA[{x}]]></category>" for x in [a.section, *a.tags])
        items.append(f"""<item>
<title>{e(a.title)}</title>
<link>{ctx.url(r)}</link>
<dc:creator><![CDATA[{a.author}]]></dc:creator>
<pubDate>{rfc822(a.published, utc=True)}</pubDate>
{cats}
<guid isPermaLink="false">{base}/?p={r.number}</guid>
<description><![CDATA[{r.excerpt} [&#8230;]]]></description>
<content:encoded><![CDATA[{paragraphs_html(r.paragraphs)}]]></content:encoded>
</item>""")
    newest = ctx.catalog.site(SITE)[0].published if ctx.catalog.site(SITE) else None
    return xml_doc(f"""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
<title>{NAME}</title>
<atom:link href="{base}/feed/" rel="self" type="application/rss+xml" />
<link>{base}/</link>
<description>Kabar Terkini dari Pantai Utara Jawa</description>
<lastBuildDate>{rfc822(newest, utc=True) if newest else ""}</lastBuildDate>
<language>id</language>
<sy:updatePeriod>hourly</sy:updatePeriod>
<generator>https://wordpress.org/?v=6.6.2</generator>
{"".join(items)}
</channel>
</rss>""")


def sitemap(ctx: Ctx) -> str:
    urls = [f"<url><loc>{ctx.url(r)}</loc><lastmod>{iso(modified(r.published))}</lastmod></url>"
            for r in ctx.catalog.site(SITE)]
    urls.append(f"<url><loc>{ctx.abs(traps.DEAD_PATH)}</loc><lastmod>2024-09-30T10:00:00+07:00</lastmod></url>")
    return xml_doc('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(urls) + "\n</urlset>")
