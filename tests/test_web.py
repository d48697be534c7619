"""The web pages over HTTP (a real uvicorn server over the API tests' archive): the same
results as the API for the same parameters, facets, chips, paging, the timeline, the region
view, the article and official pages, languages, and errors as pages (400 with the input
kept, 404, never 500). The browser tests are in test_web_browser.py."""

from __future__ import annotations

import re

import httpx
import lxml.html
import pytest

from pantau.settings import Settings
from search_api import create_app
from tests.helpers.api_archive import ARTICLES, aid, fill
from tests.helpers.api_server import serve_in_thread

KEYS = {aid(row[0]): row[0] for row in ARTICLES}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "data"
    path.mkdir()
    fill(path).close()
    return path


@pytest.fixture(scope="module")
def http(data):
    with serve_in_thread(create_app(Settings(data_dir=data))) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client


def page(http, url: str, status: int = 200, **kwargs):
    r = http.get(url, **kwargs)
    assert r.status_code == status, (url, r.status_code, r.text[:2000])
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(r.text), r


def hit_ids(doc) -> list[str]:
    return [a.get("href").rsplit("/", 1)[1] for a in doc.cssselect("ol.hits li.hit h3 a")]


def api_ids(http, params) -> list[str]:
    r = http.get("/v1/articles", params=params)
    assert r.status_code == 200, r.text
    return [h["id"] for h in r.json()["hits"]]


def bucket(doc, facet: str, value: str):
    found = doc.cssselect(f'#facet-{facet} a.bucket[data-value="{value}"]')
    assert found, (facet, value)
    return found[0]


def count_of(a) -> int:
    return int(a.cssselect(".n")[0].text_content().replace(".", "").replace(",", ""))


# -- search -----------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "", "q=camat", "region=33", "region=33&violation_type=social_media", "q=foto&sort=oldest",
    "doc_type=incident&source=kabar-timur", "date_from=2024-02-01&date_to=2024-03-31",
    "q=netralitas OR baliho&limit=3", "q=%22pose jari%22",
])
def test_search_page_lists_what_the_api_lists(http, query):
    doc, _ = page(http, f"/?{query}")
    params = httpx.QueryParams(query)
    assert hit_ids(doc) == api_ids(http, params)
    total = http.get("/v1/articles", params=params).json()["total"]
    assert doc.cssselect("#results-h")[0].text_content().startswith(f"{total} ")


def test_search_page_facets_chips_and_links(http):
    doc, r = page(http, "/?region=33")
    province = bucket(doc, "province", "33")
    assert "selected" in province.get("class") and count_of(province) == 8
    # the kabupaten/kota of the chosen province appear; choosing one replaces the province
    batang = bucket(doc, "regency", "33.25")
    assert count_of(batang) == 3
    narrowed, _ = page(http, batang.get("href"))
    assert set(hit_ids(narrowed)) == set(api_ids(http, {"region": "33.25"}))
    assert not doc.cssselect('#facet-regency a.bucket[data-value="35.07"]')
    # facet toggles are the registry's toggle_url
    social = bucket(doc, "violation_type", "social_media")
    api = http.get("/v1/articles", params={"region": "33", "facets": "violation_type"}).json()
    expected = next(b for b in api["facets"]["violation_type"] if b["value"] == "social_media")
    assert count_of(social) == expected["count"]
    assert httpx.URL(social.get("href")).params == httpx.URL(expected["toggle_url"]).params.remove("facets")
    # a chip removes its filter
    chips = doc.cssselect(".chips li.chip")
    assert len(chips) == 1 and "Jawa Tengah" in chips[0].text_content()
    assert chips[0].cssselect("a")[0].get("href") == "/"
    # feed, exports and the API carry the filters
    assert doc.cssselect('link[rel="alternate"][type="application/atom+xml"]')[0].get("href") == \
        "/v1/articles.atom?region=33"
    exports = [a.get("href") for a in doc.cssselect(".exports a.button")]
    assert "/v1/export?region=33&format=csv&layout=raw" in exports
    assert "/v1/export?region=33&format=csv" in exports  # the zip bundle


def test_search_page_pages_forward_with_the_cursor(http):
    seen, url = [], "/?limit=5"
    while url:
        doc, _ = page(http, url)
        seen += hit_ids(doc)
        nxt = doc.cssselect('a[rel="next"]')
        url = nxt[0].get("href") if nxt else None
    assert len(seen) == len(set(seen)) == len(ARTICLES)
    assert seen == api_ids(http, {"limit": 100})


def test_form_empty_fields_are_dropped_from_the_address(http):
    r = http.get("/?q=camat&date_from=&date_to=&sort=relevance", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?q=camat&sort=relevance"


def test_snippets_are_highlighted(http):
    doc, _ = page(http, "/?q=baliho")
    assert [m.text_content().lower() for m in doc.cssselect(".snippet mark")][0] == "baliho"


# -- languages --------------------------------------------------------------------------

def test_language_switch_is_remembered(data):
    with serve_in_thread(create_app(Settings(data_dir=data))) as base:
        with httpx.Client(base_url=base) as client:
            doc, _ = page(client, "/?doc_type=incident")
            assert doc.get("lang") == "id" and doc.cssselect("#facet-doc_type h3")[0].text == "Jenis dokumen"
            doc, r = page(client, "/?doc_type=incident&lang=en")
            assert doc.get("lang") == "en" and "pantau_lang=en" in r.headers["set-cookie"]
            assert doc.cssselect("#facet-doc_type h3")[0].text == "Document type"
            assert "Incident report" in doc.cssselect(".chips")[0].text_content()
            doc, _ = page(client, "/timeline")  # the cookie remembers
            assert doc.get("lang") == "en" and doc.cssselect("h1")[0].text == "Timeline"
            doc, _ = page(client, "/?lang=xx")  # unknown: the remembered one
            assert doc.get("lang") == "en"
            doc, _ = page(client, "/?lang=id")
            assert doc.get("lang") == "id"


# -- timeline and regions -----------------------------------------------------------------

def test_timeline_page_chart_table_and_csv(http):
    doc, _ = page(http, "/timeline?region=33&split=violation_type")
    assert doc.cssselect("svg.chart title")[0].text
    api = http.get("/v1/stats/timeline", params={"region": "33", "split": "violation_type"}).json()
    table = doc.cssselect("table.numbers")[0]
    heads = [th.text_content() for th in table.cssselect("thead th")][1:]
    cells = {}
    for row in table.cssselect("tbody tr"):
        period = row.cssselect("th")[0].text_content()
        for head, td in zip(heads, row.cssselect("td")):
            if head != "Total":  # the row's sum
                cells[(period, head)] = int(td.text_content())
    for b in api["buckets"]:
        label = next(v["label_id"] for v in http.get("/v1/taxonomy").json()["violation_types"]
                     if v["code"] == b["key"])
        assert cells[(b["period"], label)] == b["count"]
    assert sum(cells.values()) == sum(b["count"] for b in api["buckets"])
    csv_link = next(a.get("href") for a in doc.cssselect(".exports a") if "stats/timeline" in a.get("href"))
    csv = http.get(csv_link)
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    # a period links to the search of that period
    jan = next(a for a in table.cssselect("tbody th a") if a.text == "2024-01")
    assert set(hit_ids(page(http, jan.get("href"))[0])) == set(
        api_ids(http, {"region": "33", "date_from": "2024-01-01", "date_to": "2024-01-31"}))


def test_region_pages_count_as_the_api(http):
    doc, _ = page(http, "/regions?doc_type=incident")
    api = http.get("/v1/regions", params={"doc_type": "incident", "include_empty": "false"}).json()
    expected = sorted(((p["name"], p["count"]) for p in api["regions"]), key=lambda x: (-x[1], x[0]))
    rows = [(r.cssselect("th a")[0].text, int(r.cssselect("td.n")[0].text_content()))
            for r in doc.cssselect("table.regions tbody tr")]
    assert rows == expected
    doc, _ = page(http, "/regions/33")
    api = http.get("/v1/regions/33").json()
    assert {r.cssselect("td.code")[0].text: int(r.cssselect("td.n")[0].text_content())
            for r in doc.cssselect("table.regions tbody tr")} == \
        {c["code"]: c["count"] for c in api["children"] if c["count"]}
    assert doc.cssselect('link[type="application/atom+xml"]')[0].get("href") == "/v1/regions/33.atom"


# -- article and official ----------------------------------------------------------------

def test_article_page_highlights_evidence_and_links_the_capture(http):
    doc, _ = page(http, f"/articles/{aid('camat-bandar')}")
    marks = doc.cssselect("#article-text mark.ev")
    kinds = {c for m in marks for c in m.get("class").split() if c.startswith("ev-")}
    assert {"ev-official", "ev-region", "ev-date", "ev-violation"} <= kinds
    assert any(m.text_content() == "Budi Santoso" for m in marks)
    # the text around the marks is the article's text, whole
    api = http.get(f"/v1/articles/{aid('camat-bandar')}").json()
    assert doc.cssselect("#article-text")[0].text_content() == api["text"]
    capture = doc.cssselect("#archived-link")[0].get("href")
    r = http.get(capture)
    assert r.headers["content-security-policy"].startswith("sandbox")
    assert api["provenance"]["pipeline_version"] in doc.text_content()
    official = doc.cssselect('a[href^="/officials/"]')
    assert official
    odoc, _ = page(http, official[0].get("href"))
    assert odoc.cssselect("h1")[0].text == "Budi Santoso"
    assert len(odoc.cssselect("ol.refs li")) == 3
    assert odoc.cssselect('link[type="application/atom+xml"]')


def test_cluster_is_listed(http):
    doc, _ = page(http, f"/articles/{aid('klarifikasi-camat')}")
    assert f"/articles/{aid('klarifikasi-camat-salinan')}" in [a.get("href") for a in doc.cssselect(".panel a")]


def test_officials_list_finds_a_name(http):
    doc, _ = page(http, "/officials?q=aminah")
    assert [a.text for a in doc.cssselect("ol.refs li > a")] == ["Siti Aminah"]


# -- errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("url, field", [
    ('/?q=%22kepala desa', "q"), ("/?q=camat OR", "q"), ("/?date_from=2024-05-01&date_to=2024-01-01", None),
    ("/?region=99", None), ("/?region=abc", None), ("/?cursor=zzz", None), ("/?limit=1000", None),
    ("/?regoin=33", None), ("/timeline?interval=year", None), ("/?date_from=2024-02-30", None),
])
def test_bad_input_is_a_400_page_with_the_api_message(http, url, field):
    doc, r = page(http, url, status=400)
    api_url = "/v1/articles" + url[1:] if url.startswith("/?") else url.replace("/timeline", "/v1/stats/timeline")
    message = http.get(api_url).json()["message"].split("; allowed")[0]  # the page allows lang too
    assert message in doc.cssselect('[role="alert"]')[0].text_content()
    if field:  # the user's input is kept in the box
        assert doc.cssselect("#q")[0].get("value") == httpx.URL(url).params["q"]


@pytest.mark.parametrize("url", ["/articles/0000000000000000", "/officials/0000000000000000",
                                 "/regions/99", "/no-such-page"])
def test_unknown_is_a_404_page(http, url):
    doc, _ = page(http, url, status=404)
    assert doc.cssselect('[role="alert"] h1')


def test_api_errors_stay_json(http):
    r = http.get("/v1/articles?q=%22x")
    assert r.status_code == 400 and r.json()["error"] == "invalid_input"


def test_pages_say_no_script_runs(http):
    _, r = page(http, "/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert not re.search(r"<script", r.text)


def test_no_index_is_a_503_page_not_a_500(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with serve_in_thread(create_app(Settings(data_dir=empty))) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            for url in ("/", "/timeline", "/regions"):
                doc, _ = page(client, url, status=503)
                assert "pantau index" in doc.cssselect('[role="alert"]')[0].text_content()
            page(client, "/officials")  # the registry is in the archive: an empty list
            page(client, "/articles/0123456789abcdef", status=404)


@pytest.mark.parametrize("url", [
    "/regions/abc", "/regions/33?region=35", "/officials?cursor=zzz", "/articles/xyz", "/officials/XYZ",
    "/timeline?split=kabupaten", "/?q=" + "a" * 600, "/?q=%00", "/?sort=random", "/?limit=0",
    "/?" + "&".join(["region=33"] * 60), "/?date_to=31-12-2024", "/?violation_type=bribery",
    "/?doc_type=%F0%9F%98%80", "/?facets=nope", "/?official=123",
])
def test_odd_input_is_a_page_below_500(http, url):
    r = http.get(url)
    assert r.status_code in (400, 404), (url, r.status_code)
    assert r.headers["content-type"].startswith("text/html")
    assert lxml.html.fromstring(r.text).cssselect('[role="alert"]')
