"""The search API over HTTP: a real uvicorn server over a small archive and its search index."""

from __future__ import annotations

import csv
import io
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from pantau.settings import Settings
from pantau.taxonomy import DocType, SourceType, ViolationType
from pantau.search.factory import INDEX_DIR_NAME as INDEX_NAME
from pantau.search.tantivy_engine import TantivyBackend
from search_api import create_app
from search_api.config import ApiLimits
from tests.helpers.api_archive import ARTICLES, EXPECT, SCRIPT, aid, fill
from tests.helpers.api_server import serve_in_thread, serve_subprocess

KEYS = {aid(row[0]): row[0] for row in ARTICLES}
ALL = set(KEYS.values())


@pytest.fixture(scope="module")
def api_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("api") / "data"
    data.mkdir()
    fill(data)
    return data


@pytest.fixture(scope="module")
def http(api_data):
    with serve_in_thread(create_app(Settings(data_dir=api_data))) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client


def keys(page: dict) -> set[str]:
    return {KEYS[h["id"]] for h in page["hits"]}


def search(http, **params) -> dict:
    r = http.get("/v1/articles", params={"limit": 100, **params})
    assert r.status_code == 200, r.text
    return r.json()


def official_id(http, name: str, region: str) -> str:
    items = http.get("/v1/officials", params={"name": name, "region": region}).json()["items"]
    assert len(items) == 1, items
    return items[0]["id"]


# -- the server ----------------------------------------------------------------------------

def test_pantau_serve_subprocess(api_data):
    with serve_subprocess(api_data) as base:
        health = httpx.get(f"{base}/healthz").json()
        assert health["status"] == "ok" and health["backend"]["documents"] == EXPECT["articles"]
        assert health["archive"]["articles"] == EXPECT["articles"] and health["archive"]["officials"] == 5
        assert httpx.get(f"{base}/docs").status_code == 200
        paths = httpx.get(f"{base}/openapi.json").json()["paths"]
        assert {"/v1/articles", "/v1/export", "/v1/regions/{code}", "/healthz"} <= set(paths)
        assert search(httpx.Client(base_url=base), q="baliho")["total"] == 1


def test_openapi_documents_limits(http):
    doc = http.get("/openapi.json").json()
    assert "at most 100" in doc["info"]["description"] and "500" in doc["info"]["description"]
    limit = next(p for p in doc["paths"]["/v1/articles"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100


# -- search ---------------------------------------------------------------------------------

def test_search_all_newest_first(http):
    page = search(http)
    assert page["total"] == len(ALL) and keys(page) == ALL
    dated = [h["published_at"] for h in page["hits"] if h["published_at"]]
    assert dated == sorted(dated, reverse=True)


def test_cursor_pages_cover_everything_once(http):
    seen, params = [], {"limit": 4}
    while True:
        page = http.get("/v1/articles", params=params).json()
        seen += [h["id"] for h in page["hits"]]
        if not page["next_cursor"]:
            break
        assert page["next_url"].startswith("http") and "cursor=" in page["next_url"]
        params = {"limit": 4, "cursor": page["next_cursor"]}
    assert len(seen) == len(set(seen)) == len(ALL)


def test_sort_oldest(http):
    dated = [h["published_at"] for h in search(http, sort="oldest")["hits"] if h["published_at"]]
    assert dated == sorted(dated)


def test_text_query_and_snippet(http):
    page = search(http, q="baliho")
    assert keys(page) == EXPECT["q_baliho"]
    assert "<mark>" in page["hits"][0]["snippet"]
    assert keys(search(http, q='"foto bersama"')) == {"camat-bandar", "klarifikasi-camat",
                                                       "klarifikasi-camat-salinan"}
    assert keys(search(http, q="baliho OR sembako")) == {"baliho-semarang", "kades-sembako"}
    assert keys(search(http, q="netralitas -pilkada")) >= {"sanksi-asn"}
    assert "rakor-temanggung" not in keys(search(http, q="netralitas -pilkada"))


@pytest.mark.parametrize("params, expected", [
    ({"region": "33"}, EXPECT["province_33"]),
    ({"region": "3325"}, EXPECT["budi_batang"]),
    ({"region": "33.25.02"}, {"camat-bandar"}),
    ({"region": ["33.29", "35.07"]}, {"kades-sembako", "guru-malang"}),
    ({"violation_type": "social_media"}, EXPECT["social_media"]),
    ({"violation_type": ["vote_buying", "partisan_decision"]}, {"kades-sembako", "lurah-surabaya"}),
    ({"doc_type": "statistics"}, {"statistik-jatim"}),
    ({"doc_type": ["regulation", "other"]}, {"sanksi-asn", "jalan-semarang"}),
    ({"source": "bawaslu-batang"}, {"klarifikasi-camat", "baliho-semarang"}),
    ({"source_type": "bawaslu"}, {"klarifikasi-camat", "baliho-semarang"}),
    ({"date_from": "2024-03-01"}, {"guru-malang", "statistik-jatim", "lurah-surabaya", "jalan-semarang",
                                   "belum-dianalisis"}),
    ({"date_to": "2023-12-31"}, {"sanksi-asn"}),
    ({"date_from": "2024-01-12", "date_to": "2024-01-12"}, {"klarifikasi-camat", "klarifikasi-camat-salinan"}),
    ({"region": "33", "violation_type": "social_media"}, EXPECT["budi_batang"]),
    ({"q": "camat", "region": "33.25", "source_type": "news"}, {"camat-bandar", "klarifikasi-camat-salinan"}),
])
def test_filters(http, params, expected):
    page = search(http, **params)
    assert keys(page) == expected and page["total"] == len(expected)


def test_official_filter_uses_the_registry(http):
    budi_batang = official_id(http, "Budi Santoso", "33.25")
    assert keys(search(http, official=budi_batang)) == EXPECT["budi_batang"]
    budi_sby = official_id(http, "budi", "35.78")
    assert keys(search(http, official=[budi_batang, budi_sby])) == EXPECT["budi_batang"] | {"lurah-surabaya"}
    assert search(http, official="0000000000000000")["total"] == 0


def test_facets(http):
    facets = search(http, limit=1, facets=["province", "regency", "violation_type", "doc_type",
                                           "source", "month"])["facets"]
    counts = {name: {f["value"]: f["count"] for f in values} for name, values in facets.items()}
    assert counts["province"] == {"33": 8, "35": 3, "31": 1}
    assert counts["regency"]["33.25"] == 3 and counts["regency"]["35.78"] == 1
    assert counts["violation_type"]["social_media"] == 4
    assert counts["doc_type"]["incident"] == 7 and counts["doc_type"]["statistics"] == 1
    assert counts["source"] == {"warta-jateng": 6, "kabar-timur": 5, "bawaslu-batang": 2}
    assert counts["month"]["2024-01"] == 3 and sum(counts["month"].values()) == len(ALL) - 1
    labels = {f["value"]: f["label"] for f in facets["violation_type"]}
    assert labels["social_media"] == ViolationType.SOCIAL_MEDIA.label_id


def test_facets_honour_filters(http):
    facets = search(http, limit=1, region="35", facets=["doc_type"])["facets"]
    assert {f["value"]: f["count"] for f in facets["doc_type"]} == {"incident": 2, "statistics": 1}


def test_facet_buckets_toggle_their_filter(http):
    first = search(http, limit=2, region="35", q="camat OR lurah OR kepala", facets=["province", "month"])
    province = {f["value"]: f for f in first["facets"]["province"]}
    assert province["35"]["selected"] and not province["33"]["selected"]
    # following a toggle URL gives the same result as asking with the changed parameters
    added = http.get(province["33"]["toggle_url"]).json()
    assert added["total"] == search(http, region=["35", "33"], q="camat OR lurah OR kepala")["total"]
    assert added["total"] == province["33"]["count"] + province["35"]["count"]
    removed = http.get(province["35"]["toggle_url"]).json()
    assert removed["total"] == search(http, q="camat OR lurah OR kepala")["total"] > first["total"]
    assert "cursor=" not in province["33"]["toggle_url"] and "limit=2" in province["33"]["toggle_url"]
    month = next(f for f in first["facets"]["month"])
    narrowed = http.get(month["toggle_url"]).json()
    assert narrowed["total"] == month["count"]
    chosen = next(f for f in narrowed["facets"]["month"] if f["value"] == month["value"])
    assert chosen["selected"] and "date_from" not in chosen["toggle_url"]


def test_cluster_filter_lists_the_copies_of_one_story(http):
    """A filter added by one line in pantau/search/fields.py reaches the API (and the export)."""
    page = search(http, cluster="cluster-batang")
    assert keys(page) == {"klarifikasi-camat", "klarifikasi-camat-salinan"} and page["total"] == 2


def test_facets_that_run_out_of_time_are_reported_not_failed(api_data):
    from pantau.search.factory import get_backend

    settings = Settings(data_dir=api_data, facet_budget_s=1e-9)
    app = create_app(settings, backend_factory=lambda: get_backend(settings))
    with serve_in_thread(app) as base:
        r = httpx.get(f"{base}/v1/articles", params={"facets": ["province", "source"], "q": "camat"})
        assert r.status_code == 200
        body = r.json()
        assert body["facets_timed_out"] == ["province", "source"] and body["facets"] == {}
        assert body["total"] > 0 and body["hits"]


def test_search_as_csv(http):
    r = http.get("/v1/articles", params={"format": "csv", "limit": 5, "region": "33"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5 and {KEYS[row["id"]] for row in rows} <= EXPECT["province_33"]
    assert list(rows[0])[:3] == ["id", "title", "url"]
    assert r.headers["x-total-count"] == "8" and 'rel="next"' in r.headers["link"]
    assert http.get("/v1/articles", params={"format": "csv", "region": "33"}).headers.get("link") is None


# -- one article -------------------------------------------------------------------------------

def test_article_detail(http):
    r = http.get(f"/v1/articles/{aid('klarifikasi-camat')}")
    assert r.status_code == 200
    a = r.json()
    assert a["title"].startswith("Bawaslu Batang") and "dua jari" in a["text"]
    ann = a["annotation"]
    assert ann["doc_type"] == "incident" and ann["pipeline_version"] == "test-2"
    assert {v["type"] for v in ann["violation_types"]} == {"partisan_photo", "social_media"}
    evidence = ann["officials"][0]["evidence"][0]
    assert a["text"][evidence["start"]:evidence["end"]] == evidence["text"] == "Budi Santoso"
    prov = a["provenance"]
    assert prov["source"] == {"id": "bawaslu-batang", "name": "Bawaslu Kabupaten Batang",
                              "type": "bawaslu", "base_url": "https://batang.bawaslu.example/"}
    assert prov["parser"] == "test-parser" and prov["parser_version"] == "1"
    assert prov["pipeline_version"] == "test-2" and prov["http_status"] == 200
    assert prov["fetched_at"].startswith("2024-06-01") and prov["capture_id"]
    assert prov["capture_url"].endswith(f"/v1/articles/{aid('klarifikasi-camat')}/capture")
    assert a["cluster"]["id"] == "cluster-batang"
    assert [m["id"] for m in a["cluster"]["members"]] == [aid("klarifikasi-camat-salinan")]
    assert [o["name"] for o in a["officials"]] == ["Budi Santoso"]


def test_article_detail_shows_latest_annotation_and_unanalysed(http):
    assert http.get(f"/v1/articles/{aid('camat-bandar')}").json()["annotation"]["pipeline_version"] == "test-2"
    a = http.get(f"/v1/articles/{aid('belum-dianalisis')}").json()
    assert a["annotation"] is None and a["provenance"]["pipeline_version"] is None


def test_capture_is_sandboxed(http):
    r = http.get(f"/v1/articles/{aid('camat-bandar')}/capture")
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.headers["content-security-policy"] == (
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert SCRIPT in r.content and b"Camat Bandar" in r.content
    raw = http.get(f"/v1/articles/{aid('camat-bandar')}/capture", params={"raw": 1})
    assert raw.headers["content-type"] == "text/plain; charset=utf-8" and raw.content == r.content
    assert raw.headers["content-security-policy"].startswith("sandbox")


# -- officials --------------------------------------------------------------------------------

def test_officials_list_and_search(http):
    page = http.get("/v1/officials").json()
    assert page["total"] == 5 and page["next_cursor"] is None
    names = [o["name"] for o in page["items"]]
    assert names == sorted(names, key=str.lower)
    assert len(http.get("/v1/officials", params={"name": "budi"}).json()["items"]) == 2
    assert len(http.get("/v1/officials", params={"q": "budi"}).json()["items"]) == 2
    by_org = http.get("/v1/officials", params={"q": "Kelurahan"}).json()["items"]
    assert {o["name"] for o in by_org} == {"Budi Santoso", "Rina Wulandari"}  # Lurah Ketintang, staf
    assert http.get("/v1/officials", params={"q": "100%_"}).json()["total"] == 0
    assert len(http.get("/v1/officials", params={"name": "Drs. Budi Santoso, M.Si."}).json()["items"]) == 2
    in_33 = {o["name"] for o in http.get("/v1/officials", params={"region": "33"}).json()["items"]}
    assert in_33 == {"Budi Santoso", "Siti Aminah", "Rina Wulandari"}
    camat = http.get("/v1/officials", params={"role": "camat"}).json()["items"]
    assert [(o["name"], o["article_count"]) for o in camat] == [("Budi Santoso", 3)]


def test_officials_cursor_and_csv(http):
    seen, params = [], {"limit": 2}
    while True:
        page = http.get("/v1/officials", params=params).json()
        seen += [o["id"] for o in page["items"]]
        if not page["next_cursor"]:
            break
        params = {"limit": 2, "cursor": page["next_cursor"]}
    assert len(seen) == len(set(seen)) == 5
    r = http.get("/v1/officials", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == seen and rows[0]["roles"]


def test_official_detail(http):
    oid = official_id(http, "Budi Santoso", "33.25")
    o = http.get(f"/v1/officials/{oid}").json()
    assert o["name"] == "Budi Santoso" and o["article_count"] == 3
    assert o["roles"] == [{"role": "Camat", "org": "Kecamatan Bandar", "region_code": "33.25",
                           "first_seen": "2024-01-10", "last_seen": "2024-01-12"}]
    assert {KEYS[a["id"]] for a in o["articles"]} == EXPECT["budi_batang"]
    assert o["articles"][0]["published_at"] >= o["articles"][-1]["published_at"]
    assert keys(httpx.get(o["articles_url"]).json()) == EXPECT["budi_batang"]


# -- regions -----------------------------------------------------------------------------------

def _tree(http, **params) -> dict:
    r = http.get("/v1/regions", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_region_tree(http):
    tree = _tree(http)
    assert tree["total"] == len(ALL) and len(tree["regions"]) == 38
    jateng = next(p for p in tree["regions"] if p["code"] == "33")
    assert jateng["count"] == 8 and len(jateng["children"]) == 35
    kids = {k["code"]: k["count"] for k in jateng["children"]}
    assert kids["33.25"] == 3 and kids["33.74"] == 2 and kids["33.01"] == 0


def test_region_tree_honours_filters(http):
    tree = _tree(http, violation_type="social_media", include_empty="false")
    assert {p["code"]: p["count"] for p in tree["regions"]} == {"33": 3, "35": 1}
    assert {k["code"] for p in tree["regions"] for k in p["children"]} == {"33.25", "35.07"}
    rows = list(csv.DictReader(io.StringIO(http.get("/v1/regions", params={
        "violation_type": "social_media", "include_empty": "false", "format": "csv"}).text)))
    assert {(r["code"], r["parent_code"], r["count"]) for r in rows} == {
        ("33", "", "3"), ("33.25", "33", "3"), ("35", "", "1"), ("35.07", "35", "1")}


def test_region_detail(http):
    r = http.get("/v1/regions/3325").json()
    assert r["region"]["code"] == "33.25" and r["region"]["display_name"] == "Kabupaten Batang"
    assert r["count"] == 3 and [p["code"] for p in r["parents"]] == ["33"]
    kids = {k["code"]: k["count"] for k in r["children"]}
    assert kids["33.25.02"] == 1 and kids["33.25.01"] == 0
    assert keys(httpx.get(r["articles_url"]).json()) == EXPECT["budi_batang"]
    province = http.get("/v1/regions/33", params={"doc_type": "incident"}).json()
    assert province["count"] == 5
    assert {k["code"]: k["count"] for k in province["children"] if k["count"]} == {
        "33.25": 3, "33.29": 1, "33.74": 1}


# -- stats and meta ----------------------------------------------------------------------------

def test_timeline(http):
    months = http.get("/v1/stats/timeline").json()
    assert months["interval"] == "month" and months["total"] == len(ALL)
    assert {b["period"]: b["count"] for b in months["buckets"]}["2024-01"] == 3
    weeks = http.get("/v1/stats/timeline", params={"interval": "week", "region": "33.25"}).json()
    assert {b["period"]: b["count"] for b in weeks["buckets"]} == {"2024-W02": 3}
    split = http.get("/v1/stats/timeline", params={"split": "violation_type",
                                                   "violation_type": "social_media"}).json()
    assert {(b["period"], b["key"]): b["count"] for b in split["buckets"]} == {
        ("2024-01", "social_media"): 3, ("2024-03", "social_media"): 1,
        ("2024-01", "partisan_photo"): 2}
    provinces = http.get("/v1/stats/timeline", params={"split": "province", "date_from": "2024-03-01",
                                                       "date_to": "2024-03-31"}).json()
    assert [(b["period"], b["key"], b["count"]) for b in provinces["buckets"]] == [("2024-03", "35", 2)]
    rows = list(csv.DictReader(io.StringIO(http.get("/v1/stats/timeline", params={
        "format": "csv", "region": "35"}).text)))
    assert [(r["period"], r["count"]) for r in rows] == [("2024-03", "2"), ("2024-04", "1")]


def test_taxonomy(http):
    t = http.get("/v1/taxonomy").json()
    assert t["violation_types"] == ViolationType.describe() and t["doc_types"] == DocType.describe()
    assert t["source_types"] == SourceType.describe() and len(t["region_levels"]) == 5
    rows = list(csv.DictReader(io.StringIO(http.get("/v1/taxonomy", params={"format": "csv"}).text)))
    assert len(rows) == 13 + 5 + 3 + 5


def test_sources_with_coverage(http):
    sources = {s["id"]: s for s in http.get("/v1/sources").json()}
    assert {k: s["articles"] for k, s in sources.items()} == {
        "warta-jateng": 6, "kabar-timur": 5, "bawaslu-batang": 2}
    cov = sources["warta-jateng"]["coverage"]
    assert cov["pages"] == 20 and cov["failures"] == {"http_404": 2}
    assert cov["first_day"] == "2024-06-01" and cov["last_day"] == "2024-06-02"
    assert sources["kabar-timur"]["coverage"] == {}
    rows = list(csv.DictReader(io.StringIO(http.get("/v1/sources", params={"format": "csv"}).text)))
    assert {r["id"]: r["pages"] for r in rows}["warta-jateng"] == "20"


# -- errors ------------------------------------------------------------------------------------

BAD = [
    ("/v1/articles", {"date_from": "2024-13-01"}, 400, "date_from"),
    ("/v1/articles", {"date_to": "yesterday"}, 400, "date_to"),
    ("/v1/articles", {"date_from": "2024-05-01", "date_to": "2024-01-01"}, 400, "date_from is after date_to"),
    ("/v1/articles", {"violation_type": "bribery"}, 400, "violation_type"),
    ("/v1/articles", {"doc_type": "opinion"}, 400, "doc_type"),
    ("/v1/articles", {"source_type": "blog"}, 400, "source_type"),
    ("/v1/articles", {"region": "99"}, 400, "unknown region code"),
    ("/v1/articles", {"region": "3x"}, 400, "not a Kemendagri region code"),
    ("/v1/articles", {"q": '"kepala desa'}, 400, "unbalanced quotes"),
    ("/v1/articles", {"q": "camat OR"}, 400, "OR"),
    ("/v1/articles", {"q": "-camat"}, 400, "only exclude"),
    ("/v1/articles", {"q": "x" * 501}, 400, "q"),
    ("/v1/articles", {"cursor": "not-a-cursor"}, 400, "cursor"),
    ("/v1/articles", {"limit": 101}, 400, "limit"),
    ("/v1/articles", {"limit": 0}, 400, "limit"),
    ("/v1/articles", {"limit": "many"}, 400, "limit"),
    ("/v1/articles", {"sort": "random"}, 400, "sort"),
    ("/v1/articles", {"facets": "author"}, 400, "facets"),
    ("/v1/articles", {"format": "xml"}, 400, "format"),
    ("/v1/articles", {"regoin": "33"}, 400, "unknown query parameter"),
    ("/v1/articles", {"region": ["33"] * 51}, 400, "at most 50"),
    ("/v1/articles/ffffffffffffffff", {}, 404, "not found"),
    ("/v1/articles/ffffffffffffffff/capture", {}, 404, "not found"),
    ("/v1/officials", {"cursor": "%%%"}, 400, "cursor"),
    ("/v1/officials", {"region": "1"}, 400, "region"),
    ("/v1/officials", {"limit": 500}, 400, "limit"),
    ("/v1/officials", {"name": "..."}, 400, "letters"),
    ("/v1/officials/ffffffffffffffff", {}, 404, "not found"),
    ("/v1/officials/nobody", {}, 400, "not an id"),
    ("/v1/articles/nope", {}, 400, "not an id"),
    ("/v1/articles", {"date_to": "0"}, 400, "not a date"),
    ("/v1/export", {"date_to": "0"}, 400, "not a date"),
    ("/v1/export/manifest", {"date_from": "1700000000"}, 400, "not a date"),
    ("/v1/regions", {"date_to": "2024-02-30"}, 400, "date_to"),
    ("/v1/stats/timeline", {"cursor": "abc"}, 400, "unknown query parameter"),
    ("/v1/articles", {"source": "Not A Source"}, 400, "not a source id"),
    ("/v1/regions/99", {}, 404, "no region"),
    ("/v1/regions/33.2", {}, 400, "not a Kemendagri region code"),
    ("/v1/regions/33", {"region": "33"}, 400, "region"),
    ("/v1/regions", {"region": "33"}, 400, "region"),
    ("/v1/stats/timeline", {"interval": "day"}, 400, "interval"),
    ("/v1/stats/timeline", {"split": "author"}, 400, "split"),
    ("/v1/export", {"format": "xlsx"}, 400, "format"),
    ("/v1/export", {"layout": "tar"}, 400, "layout"),
    ("/v1/export", {"region": "99"}, 400, "unknown region code"),
    ("/v1/export", {"q": '"open'}, 400, "unbalanced quotes"),
    ("/v1/nothing", {}, 404, "Not Found"),
]


@pytest.mark.parametrize("path, params, status, words", BAD)
def test_bad_parameters_are_4xx_json(http, path, params, status, words):
    r = http.get(path, params=params)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error", "message", "status", "detail"} and body["status"] == status
    assert words.lower() in body["message"].lower(), body


def test_cors_for_scripts_in_browsers(http):
    r = http.get("/v1/taxonomy", headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"


def test_wrong_method_is_json(http):
    r = http.post("/v1/articles")
    assert r.status_code == 405 and r.json()["error"] == "method_not_allowed"


def test_backend_down_is_503(api_data, tmp_path):
    settings = Settings(data_dir=api_data)
    app = create_app(settings, backend_factory=lambda: TantivyBackend(tmp_path / "missing-index"))
    with serve_in_thread(app) as base:
        r = httpx.get(f"{base}/healthz")
        assert r.status_code == 503 and r.json()["error"] == "backend_unavailable"
        assert httpx.get(f"{base}/v1/articles").status_code == 503
        assert httpx.get(f"{base}/v1/taxonomy").status_code == 200


class SlowBackend(TantivyBackend):
    def search(self, query):
        time.sleep(1.0)
        return super().search(query)


def test_request_time_limit(api_data):
    app = create_app(Settings(data_dir=api_data), limits=ApiLimits(request_timeout_s=0.3),
                     backend_factory=lambda: SlowBackend(api_data / INDEX_NAME))
    with serve_in_thread(app) as base:
        r = httpx.get(f"{base}/v1/articles")
        assert r.status_code == 503 and r.json()["error"] == "timeout"
        assert httpx.get(f"{base}/v1/stats/timeline").status_code == 200  # no search: in time
        assert httpx.get(f"{base}/v1/export", params={"layout": "raw"}).status_code == 200  # exempt


def test_concurrent_requests_each_use_their_own_connections(http):
    paths = ["/v1/articles?region=33", f"/v1/articles/{aid('camat-bandar')}", "/v1/officials",
             "/v1/regions/33", "/v1/stats/timeline", "/healthz", "/v1/sources"] * 6
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda p: http.get(p).status_code, paths))
    assert statuses == [200] * len(paths)
