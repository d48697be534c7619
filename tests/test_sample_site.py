"""The sample news sites over real HTTP: every answer-key page, every trap, the feeds,
sitemaps, AMP, JSON-LD and pagination. Uses the bundled articles (set
PANTAU_SAMPLE_ARTICLES=DIR to point at another article directory)."""

from __future__ import annotations

import html
import json
import os
import re
import queue
import signal
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from sample_site import answer_key, start_server, traps
from sample_site.traps import all_traps
from sample_site.catalog import Catalog

ARTICLES = os.environ.get("PANTAU_SAMPLE_ARTICLES") or None
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
SCORE_CASES = SCORE.with_name("score_cases.py")


@pytest.fixture(scope="module")
def site():
    catalog = Catalog.load(ARTICLES)
    server, thread, base = start_server("127.0.0.1", 0, catalog=catalog)
    client = httpx.Client(timeout=20, follow_redirects=False)
    yield server, base, client, catalog
    client.close()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def key(site):
    _, base, _, catalog = site
    return answer_key(base, catalog)


@pytest.fixture(scope="module")
def trap_list(site):
    _, base, _, catalog = site
    return {t.name: t for t in all_traps(base, catalog) if t.name != "robots_disallowed"}


def get(client, url, retry=True, **kw):
    """GET, retrying once on 500 (the flaky trap) unless ``retry`` is False."""
    r = client.get(url, **kw)
    return client.get(url, **kw) if retry and r.status_code == 500 else r


def text_of(response) -> str:
    return response.content.decode("utf-8")


def links(page_url: str, page: str) -> set[str]:
    return {urljoin(page_url, html.unescape(h)) for h in re.findall(r'href="([^"]+)"', page)}


def by_site(key, site):
    return [k for k in key if k["site"] == site]


# --- the command ------------------------------------------------------------------------

def test_command_serves_on_free_port_and_stops_on_sigterm(tmp_path):
    out_key = tmp_path / "key.jsonl"
    cmd = [sys.executable, "-c", "from pantau.cli import main; main()", "sample-site", "--port", "0",
           "--answer-key", str(out_key)]
    if ARTICLES:
        cmd += ["--articles", ARTICLES]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()
        base = None
        while base is None:
            line = lines.get(timeout=30)
            m = re.match(r"Serving on (http://127\.0\.0\.1:(\d+))/$", line.strip())
            base = m.group(1) if m else None
        assert base, "no 'Serving on http://127.0.0.1:PORT/' line"
        assert int(base.rsplit(":", 1)[1]) > 0
        index = httpx.get(base + "/", timeout=10)
        assert index.status_code == 200
        for site_id in ("kabarpantura", "nusaraya", "bawaslu-temanggung", "suaratimur"):
            assert f'href="/{site_id}/"' in index.text
        entries = [json.loads(line) for line in out_key.read_text(encoding="utf-8").splitlines()]
        assert entries and all(e["url"].startswith(base + "/") for e in entries)
        assert httpx.get(entries[0]["url"], timeout=10).status_code in (200, 500)  # 500: the flaky trap
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, proc.stderr.read()


def test_command_no_serve_writes_key(tmp_path):
    out_key = tmp_path / "key.jsonl"
    cmd = [sys.executable, "-c", "from pantau.cli import main; main()", "sample-site", "--port", "9999",
           "--answer-key", str(out_key), "--no-serve"] + (["--articles", ARTICLES] if ARTICLES else [])
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    first = json.loads(out_key.read_text(encoding="utf-8").splitlines()[0])
    assert first["url"].startswith("http://127.0.0.1:9999/")


# --- answer key -------------------------------------------------------------------------

def test_answer_key_format(key):
    assert key
    ids = [k["id"] for k in key]
    assert len(ids) == len(set(ids))
    for k in key:
        assert {"id", "url", "site", "title", "published", "author", "on_topic", "text", "gold"} <= set(k)
        assert {"doc_type", "violation_types", "regions", "officials", "dates"} <= set(k["gold"])
        assert k["source"] == k["site"]
        assert all(set(c) == {"case", "stage", "stage_date"} for c in k["gold"]["cases"])
        assert "\n\n" in k["text"] or len(k["text"]) > 20
    clusters = {}
    for k in key:
        if "cluster" in k:
            clusters.setdefault(k["cluster"], []).append(k)
    for members in clusters.values():
        assert len(members) >= 2 and len({m["site"] for m in members}) == len(members)
        # a republished press release: same body, each outlet's own dateline
        assert len({m["text"].split("\n\n", 1)[-1] for m in members}) == 1
        assert len({m["text"].split("\n\n", 1)[0][-60:] for m in members}) == 1
        assert len({m["text"] for m in members}) == len(members)


@pytest.mark.skipif(not SCORE.exists(), reason="shared/eval/score.py not present")
def test_answer_key_is_accepted_by_the_scorer(key, tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(k) + "\n" for k in key), encoding="utf-8")
    pred.write_text("".join(json.dumps({"id": k["id"], **k["gold"]}) + "\n" for k in key), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), "--pred", str(pred)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "macro_f1=1.000" in done.stdout


@pytest.mark.skipif(not SCORE_CASES.exists(), reason="shared/eval/score_cases.py not present")
def test_answer_key_is_accepted_by_the_case_scorer(key, tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "cases.jsonl"
    gold.write_text("".join(json.dumps(k) + "\n" for k in key), encoding="utf-8")
    cases: dict[str, list] = {}
    for k in key:
        for c in k["gold"]["cases"]:
            cases.setdefault(c["case"], []).append({"stage": c["stage"], "date": c["stage_date"], "article": k["id"]})
    pred.write_text("".join(json.dumps({"case": cid, "articles": [s["article"] for s in stages], "stages": stages}) + "\n"
                            for cid, stages in cases.items()), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORE_CASES), "--gold", str(gold), "--pred", str(pred)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "cases_f1=1.000" in done.stdout


def test_every_answer_key_page(site, key):
    server, base, client, _ = site
    server.app.reset()
    for k in key:
        r = get(client, k["url"])  # the flaky trap fails once
        assert r.status_code == 200, k["url"]
        page = html.unescape(text_of(r))
        assert k["title"] in page, k["url"]
        assert k["text"].split("\n\n")[0] in page, f"first paragraph missing on {k['url']}"


def test_conditional_get_and_gzip(site, key):
    _, _, client, _ = site
    url = next(k["url"] for k in key if k["site"] == "suaratimur")
    first = get(client, url)
    assert first.headers["content-encoding"] == "gzip" and first.headers["etag"]
    again = get(client, url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    plain = get(client, url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == first.content


def test_index_head_and_unknown(site):
    _, base, client, _ = site
    assert client.head(base + "/robots.txt").headers["content-length"] == str(len(get(client, base + "/robots.txt").content))
    assert get(client, base + "/tidak-ada").status_code == 404
    assert get(client, base + "/kabarpantura/tidak-ada/").status_code == 404
    r = get(client, base + "/kabarpantura")
    assert r.status_code == 301 and r.headers["location"] == base + "/kabarpantura/"


# --- traps ------------------------------------------------------------------------------

def test_every_trap_is_linked(site):
    _, base, client, catalog = site
    for t in all_traps(base, catalog):
        r = get(client, t.linked_from)
        assert r.status_code == 200, t.linked_from
        found = links(t.linked_from, text_of(r)) | set(re.findall(r"<loc>([^<]+)</loc>", text_of(r)))
        assert t.url in found, f"{t.name}: {t.url} not linked from {t.linked_from}"


def test_redirect(site, trap_list):
    _, _, client, _ = site
    t = trap_list["redirect"]
    r = get(client, t.url)
    assert r.status_code == 301 and r.headers["location"] == t.details["location"]
    assert get(client, r.headers["location"]).status_code == 200


def test_dead_link(site, trap_list):
    _, base, client, _ = site
    t = trap_list["not_found"]
    assert get(client, t.url).status_code == 404
    assert t.url in text_of(get(client, base + "/kabarpantura/sitemap.xml"))


def test_flaky_500_then_200(site, trap_list):
    server, base, client, _ = site
    t = trap_list["flaky_500"]
    assert get(client, base + "/__reset").status_code == 200
    assert get(client, t.url, retry=False).status_code == 500
    assert get(client, t.url, retry=False).status_code == 200
    assert get(client, t.url, retry=False).status_code == 200
    server.app.reset()
    assert get(client, t.url, retry=False).status_code == 500
    assert get(client, t.url, retry=False).status_code == 200


def test_wrong_encoding(site, trap_list):
    _, _, client, _ = site
    t = trap_list["wrong_encoding"]
    r = get(client, t.url)
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=iso-8859-1"
    assert "<meta charset" not in r.content.decode("utf-8")  # strict UTF-8 decoding succeeds
    assert any(b > 127 for b in r.content)
    assert "\u00e2\u0080\u0093" in r.content.decode("iso-8859-1")  # "–" decoded by the header: mojibake


def test_large_page(site, trap_list, key):
    _, _, client, _ = site
    t = trap_list["large_page"]
    r = get(client, t.url)
    assert r.status_code == 200 and len(r.content) > 2_000_000
    assert any(k["url"] == t.url for k in key)


def test_pdf(site, trap_list):
    _, _, client, _ = site
    r = get(client, trap_list["pdf"].url)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    data = r.content
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
    assert data[xref:xref + 4] == b"xref"
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", data)]
    for n, offset in enumerate(offsets, 1):
        assert data[offset:].startswith(f"{n} 0 obj".encode())


def test_robots(site):
    _, base, client, catalog = site
    robots = text_of(get(client, base + "/robots.txt"))
    for path in traps.ROBOTS_DISALLOWED:
        assert f"Disallow: {path}" in robots.splitlines()
    for t in traps.all_traps(base, catalog):
        if t.name == "robots_disallowed":
            assert get(client, t.url, follow_redirects=True).status_code == 200
            assert any(urlsplit(t.url).path.startswith(p) for p in traps.ROBOTS_DISALLOWED)
    assert "Sitemap: " + base + "/nusaraya/sitemap.xml" in robots


def test_tracking_params_page(site, trap_list):
    _, _, client, _ = site
    t = trap_list["tracking_params"]
    page = text_of(get(client, t.url))
    assert f'<link rel="canonical" href="{t.details["canonical"]}">' in page


# --- sitemaps and feeds -----------------------------------------------------------------

def test_kabarpantura_sitemap_and_feed(site, key):
    _, base, client, _ = site
    wp = by_site(key, "kabarpantura")
    locs = {e.text for e in ET.fromstring(get(client, base + "/kabarpantura/sitemap.xml").content).iter(SM + "loc")}
    assert locs == {k["url"] for k in wp} | {base + traps.DEAD_PATH}
    channel = ET.fromstring(get(client, base + "/kabarpantura/feed/").content).find("channel")
    items = channel.findall("item")
    newest = sorted(wp, key=lambda k: _dt(k["published"]), reverse=True)[:10]
    assert [i.findtext("link") for i in items] == [k["url"] for k in newest]
    for item in items:
        k = next(k for k in wp if k["url"] == item.findtext("link"))
        assert parsedate_to_datetime(item.findtext("pubDate")) == _dt(k["published"])


def _dt(value):
    from datetime import datetime

    return datetime.fromisoformat(value)


def test_nusaraya_sitemap_index(site, key):
    _, base, client, _ = site
    index = ET.fromstring(get(client, base + "/nusaraya/sitemap.xml").content)
    children = [e.text for e in index.iter(SM + "loc")]
    assert base + "/nusaraya/sitemap-news.xml" in children and len(children) >= 2
    seen = set()
    for child in children:
        tree = ET.fromstring(get(client, child).content)
        seen |= {e.text for e in tree.iter(SM + "loc")}
    assert seen == {k["url"] for k in by_site(key, "nusaraya")}
    news = ET.fromstring(get(client, base + "/nusaraya/sitemap-news.xml").content)
    assert news.find(".//{http://www.google.com/schemas/sitemap-news/0.9}publication_date") is not None


def test_suaratimur_feed_only(site, key):
    _, base, client, _ = site
    st = by_site(key, "suaratimur")
    channel = ET.fromstring(get(client, base + "/suaratimur/feed.xml").content).find("channel")
    items = {i.findtext("link"): i for i in channel.findall("item")}
    assert set(items) == {k["url"] for k in st}
    for k in st:
        pub = items[k["url"]].findtext("pubDate")
        assert re.search(r"[+-]\d{4}$", pub) and parsedate_to_datetime(pub) == _dt(k["published"])
        assert parsedate_to_datetime(pub).utcoffset() == _dt(k["published"]).utcoffset()
    home = text_of(get(client, base + "/suaratimur/"))
    assert "/suaratimur/p/" not in home and "/suaratimur/feed.xml" in home
    assert get(client, base + "/suaratimur/sitemap.xml").status_code == 404


# --- templates --------------------------------------------------------------------------

def test_kabarpantura_article_metadata(site, key):
    _, _, client, _ = site
    for k in by_site(key, "kabarpantura")[:6]:
        page = text_of(get(client, k["url"]))
        assert f'<link rel="canonical" href="{k["url"]}">' in page
        assert f'<meta property="article:published_time" content="{k["published"]}">' in page
        assert f'<time class="entry-date published" datetime="{k["published"]}">' in page
        assert 'property="og:title"' in page
        byline = f"Penulis: {k['author']}" + (f" | Editor: {k['editor']}" if k["editor"] else "")
        assert html.escape(byline) in page


def test_nusaraya_amp_and_json_ld(site, key):
    _, _, client, _ = site
    for k in by_site(key, "nusaraya"):
        page = text_of(get(client, k["url"]))
        amp = re.search(r'<link rel="amphtml" href="([^"]+)">', page).group(1)
        assert "/nusaraya/amp/" in amp
        amp_page = text_of(get(client, amp))
        assert "<html amp" in amp_page and f'<link rel="canonical" href="{k["url"]}">' in amp_page
        blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]
        article = next(b for b in blocks if b["@type"] == "NewsArticle")
        assert article["headline"] == k["title"] and article["datePublished"] == k["published"]
        assert re.search(r"[+-]\d{2}:\d{2}$", article["datePublished"])
        assert article["author"]["name"] == k["author"] and article["publisher"]["name"]


def test_nusaraya_multi_page_articles(site, key):
    _, _, client, _ = site
    multi = [k for k in by_site(key, "nusaraya") if k["pages"] > 1]
    assert multi, "no multi-page article in the content"
    for k in multi:
        first = text_of(get(client, k["url"]))
        assert "Halaman" in first and "Selanjutnya" in first and f'{k["url"]}?page=2' in first
        seen = html.unescape(first)
        for n in range(2, k["pages"] + 1):
            r = get(client, f"{k['url']}?page={n}")
            assert r.status_code == 200
            seen += html.unescape(text_of(r))
        for paragraph in k["text"].split("\n\n"):
            assert paragraph in seen
        assert "Reporter: " + k["author"] in seen
        assert get(client, f"{k['url']}?page={k['pages'] + 1}").status_code == 404
        everything = html.unescape(text_of(get(client, f"{k['url']}?page=all")))
        assert all(p in everything for p in k["text"].split("\n\n"))


def test_nusaraya_baca_juga_and_trailer(site, key):
    _, _, client, _ = site
    pages = [html.unescape(text_of(get(client, f"{k['url']}?page=all"))) for k in by_site(key, "nusaraya")]
    assert any("Baca juga: " in p for p in pages)
    assert any("Artikel ini telah tayang di NusaRaya.com dengan judul" in p for p in pages)


def test_bawaslu_has_no_date_metadata(site, key):
    _, _, client, _ = site
    for k in by_site(key, "bawaslu-temanggung"):
        page = html.unescape(text_of(get(client, k["url"])))
        assert "ld+json" not in page and "published_time" not in page and "<time" not in page
        assert "Diposting pada " in page
        assert "Penulis: " + k["author"] in page


def _crawl_listing(client, start: str, pattern: str) -> tuple[set[str], int]:
    """Follow pagination links matching ``pattern``; return article links seen and pages visited."""
    todo, done, found = [start], set(), set()
    while todo:
        url = todo.pop()
        if url in done:
            continue
        done.add(url)
        r = get(client, url)
        assert r.status_code == 200, url
        for link in links(url, text_of(r)):
            if re.search(pattern, link):
                todo.append(link)
            found.add(link)
    return found, len(done)


def test_pagination_reaches_every_article(site, key):
    _, base, client, _ = site
    found, pages = _crawl_listing(client, base + "/kabarpantura/", r"/kabarpantura/page/\d+/$")
    assert pages >= 2 and {k["url"] for k in by_site(key, "kabarpantura")} <= found
    found, pages = _crawl_listing(client, base + "/bawaslu-temanggung/berita", r"/berita\?page=\d+$")
    assert pages >= 2 and {k["url"] for k in by_site(key, "bawaslu-temanggung")} <= found
    assert get(client, base + "/bawaslu-temanggung/berita?page=99").status_code == 404
    found = set()
    for edition in {urlsplit(k["url"]).path.split("/")[2] for k in by_site(key, "nusaraya")}:
        found |= _crawl_listing(client, f"{base}/nusaraya/{edition}/", rf"/nusaraya/{edition}/\?page=\d+$")[0]
    assert {k["url"] for k in by_site(key, "nusaraya")} <= found


def test_category_and_tag_listings(site, key):
    _, base, client, _ = site
    home = text_of(get(client, base + "/kabarpantura/"))
    categories = {u for u in links(base + "/kabarpantura/", home) if "/kabarpantura/category/" in u}
    tags = {u for u in links(base + "/kabarpantura/", home) if "/kabarpantura/tag/" in u}
    assert categories and tags
    found = set()
    for start in categories:
        found |= _crawl_listing(client, start, re.escape(start) + r"page/\d+/$")[0]
    assert {k["url"] for k in by_site(key, "kabarpantura")} <= found
    for start in tags:
        assert get(client, start).status_code == 200


def test_the_sample_site_is_a_fixture_outside_the_core():
    """``sample_site`` is a top-level package; of the product's packages only the ``demo`` and
    ``sample-site`` commands import it, inside their functions."""
    import ast

    repo = Path(__file__).resolve().parents[1]
    assert (repo / "sample_site" / "__init__.py").exists() and not (repo / "pantau" / "sample_site").exists()
    importers = {}
    for package in ("pantau", "crawler", "nlp", "search_api"):
        for path in (repo / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            top_level = {id(node) for node in tree.body}
            for node in ast.walk(tree):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if any(n == "sample_site" or n.startswith(("sample_site.", "pantau.sample_site")) for n in names):
                    assert id(node) not in top_level, f"{path}: import the sample site inside the function"
                    importers[path.relative_to(repo).as_posix()] = True
    assert set(importers) == {"pantau/commands/demo.py", "pantau/commands/sample_site.py"}
    loaded = subprocess.run([sys.executable, "-c", "import sys, pantau.cli, crawler.run, search_api.app; "
                             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sample_site'))"],
                            capture_output=True, text=True, timeout=120, cwd=repo)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"
