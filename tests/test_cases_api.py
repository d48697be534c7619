"""Cases over HTTP on real pipeline output: ``pantau demo --no-serve`` (the sample sites
crawled, analysed, officials, cases, index), then /v1/cases, a case, the timeline in cases,
the export read back with csv and pyarrow, all checked against each other and against the
sample sites' gold cases."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from itertools import combinations
from urllib.parse import urlsplit

import httpx
import pytest

from pantau.cases.evaluate import bcubed
from pantau.settings import Settings
from sample_site.answer_key import answer_key
from search_api import create_app
from tests.helpers.api_server import serve_in_thread

pytestmark = pytest.mark.slow
FLOOR_BCUBED = 0.80   # the sample sites' gold cases, grouped by the archive's case stage


@pytest.fixture(scope="module")
def http(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo") / "data"
    env = {**os.environ, "PANTAU_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-m", "pantau", "demo", "--no-serve", "--data-dir", str(data)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    with serve_in_thread(create_app(Settings(data_dir=data))) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client


def all_cases(http, **params) -> list[dict]:
    out, cursor = [], None
    while True:
        r = http.get("/v1/cases", params={**params, "limit": 7, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        page = r.json()
        out += page["items"]
        if not (cursor := page["next_cursor"]):
            return out


def test_paging_returns_every_case_once(http):
    cases = all_cases(http)
    assert len(cases) == http.get("/v1/cases").json()["total"] > 8
    assert len({c["id"] for c in cases}) == len(cases)


def test_the_archive_cases_match_the_gold_cases_of_the_sample_sites(http):
    cases = all_cases(http)
    path_of = {}
    for case in cases:
        for ref in http.get(f"/v1/cases/{case['id']}").json()["article_refs"]:
            path_of[ref["id"]] = urlsplit(ref["url"]).path
    gold_rows = answer_key("http://sample.invalid")
    crawled = {urlsplit(r["url"]).path for r in gold_rows}
    ids = sorted(crawled)
    gold = {urlsplit(r["url"]).path: {c["case"] for c in r["gold"]["cases"]} for r in gold_rows}
    pred = {p: set() for p in ids}
    for case in cases:
        for a in case["articles"]:
            if path_of.get(a) in pred:
                pred[path_of[a]].add(case["id"])
    p, r, f1 = bcubed(ids, gold, pred)
    print(f"sample sites through the archive: B-cubed P={p:.3f} R={r:.3f} F1={f1:.3f}")
    assert f1 >= FLOOR_BCUBED, (p, r, f1)


def test_a_case_links_its_articles_and_each_article_its_case(http):
    for case in all_cases(http)[:12]:
        detail = http.get(f"/v1/cases/{case['id']}").json()
        assert sorted(a["id"] for a in detail["article_refs"]) == case["articles"]
        for article_id in case["articles"]:
            article = http.get(f"/v1/articles/{article_id}").json()
            assert case["id"] in {c["id"] for c in article["cases"]}
        for official in case["subject"]["official_ids"]:
            assert case["id"] in {c["id"] for c in http.get(f"/v1/officials/{official}").json()["cases"]}


def test_stages_lags_and_status_agree(http):
    rank = ["reported", "clarified", "recommended", "sanctioned", "dismissed"]
    for case in all_cases(http):
        stages = case["stages"]
        assert case["stage"] == max((s["stage"] for s in stages), key=rank.index)
        assert {s["article"] for s in stages} == set(case["articles"])
        if case["status"] in ("sanctioned", "dismissed"):
            assert case["status"] == case["stage"]
        assert case["reports"] <= len(case["articles"]) and case["outlets"] <= len(case["articles"])
        for lag, stage in (("lag_recommendation_days", "recommended"), ("lag_sanction_days", "sanctioned")):
            reached = any(rank.index(s["stage"]) >= rank.index(stage) and s["stage"] != "dismissed"
                          for s in stages)
            assert (case[lag] is not None) == reached
            assert case[lag] is None or case[lag] >= 0


def test_counts_per_region_and_the_facets_agree(http):
    cases = all_cases(http)
    page = http.get("/v1/cases", params={"facets": ["province", "status", "stage"], "limit": 1}).json()
    provinces = {b["value"]: b["count"] for b in page["facets"]["province"]}
    for code, count in provinces.items():
        assert count == sum(any(c == code or c.startswith(code + ".") for c in case["region_codes"])
                            for case in cases)
        assert http.get("/v1/cases", params={"region": code}).json()["total"] == count
    assert sum(b["count"] for b in page["facets"]["status"]) == page["total"]
    stage_counts = {b["value"]: b["count"] for b in page["facets"]["stage"]}
    for stage, count in stage_counts.items():
        assert count == sum(stage in {s["stage"] for s in case["stages"]} for case in cases)
    chosen = next(b for b in page["facets"]["province"] if not b["selected"])
    toggled = http.get(chosen["toggle_url"]).json()
    assert toggled["total"] == chosen["count"]


def test_timeline_in_cases_counts_each_case_once(http):
    timeline = http.get("/v1/stats/timeline", params={"unit": "cases", "interval": "month"}).json()
    assert sum(b["count"] for b in timeline["buckets"]) == timeline["total"] == len(all_cases(http))
    articles = http.get("/v1/stats/timeline", params={"interval": "month"}).json()
    assert articles["total"] > timeline["total"]  # more articles than cases


def test_article_filters_keep_the_cases_with_a_matching_member(http):
    """q (like doc_type, source_type, cluster) is not a property of a case: the timeline in
    cases and the case export keep the cases that have a member article matching it."""
    matching, cursor = set(), None
    while True:
        page = http.get("/v1/articles", params={"q": "camat", "limit": 100, **({"cursor": cursor} if cursor else {})}).json()
        matching |= {h["id"] for h in page["hits"]}
        if not (cursor := page["next_cursor"]):
            break
    expected = {c["id"] for c in all_cases(http) if set(c["articles"]) & matching}
    timeline = http.get("/v1/stats/timeline", params={"unit": "cases", "q": "camat"}).json()
    assert timeline["total"] == len(expected) > 0
    exported = http.get("/v1/export", params={"kind": "cases", "q": "camat", "format": "csv", "layout": "raw"})
    assert {r["id"] for r in csv.DictReader(io.StringIO(exported.text))} == expected


def test_article_export_of_the_cases_with_a_status(http):
    members = {a for c in all_cases(http, status="sanctioned") for a in c["articles"]}
    r = http.get("/v1/export", params={"status": "sanctioned", "format": "csv", "layout": "raw"})
    assert r.status_code == 200 and {row["id"] for row in csv.DictReader(io.StringIO(r.text))} == members
    bundle = http.get("/v1/export", params={"status": "sanctioned", "format": "jsonl"})
    with zipfile.ZipFile(io.BytesIO(bundle.content)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["query"]["cases"] == {"stage": [], "status": ["sanctioned"]}
    assert manifest["counts"]["rows"] == len(members) > 0


def test_export_of_cases_read_back_as_csv_and_parquet(http):
    import pyarrow.parquet as pq

    listed = {c["id"]: c for c in all_cases(http, region="33")}
    raw = http.get("/v1/export", params={"kind": "cases", "format": "csv", "layout": "raw", "region": "33"})
    assert raw.status_code == 200 and raw.headers["x-total-count"] == str(len(listed))
    rows = list(csv.DictReader(io.StringIO(raw.text)))
    assert {r["id"] for r in rows} == set(listed)
    for row in rows:
        case = listed[row["id"]]
        assert row["articles"].split(";") == case["articles"] and row["status"] == case["status"]
    bundle = http.get("/v1/export", params={"kind": "cases", "format": "parquet", "region": "33"})
    with zipfile.ZipFile(io.BytesIO(bundle.content)) as zf:
        assert sorted(zf.namelist()) == ["cases.parquet", "data_dictionary.csv", "manifest.json"]
        manifest = json.loads(zf.read("manifest.json"))
        table = pq.read_table(io.BytesIO(zf.read("cases.parquet")))
        dictionary = list(csv.DictReader(io.StringIO(zf.read("data_dictionary.csv").decode())))
    assert manifest["kind"] == "cases" and manifest["query"] == {"region": ["33"]}
    assert manifest["counts"]["rows"] == table.num_rows == len(listed)
    assert [d["field"] for d in dictionary] == table.schema.names
    assert sorted(table.column("id").to_pylist()) == sorted(listed)


@pytest.mark.parametrize("params", [{"stage": "found"}, {"status": "closed"}, {"region": "99"},
                                    {"date_from": "2024-02-30"}, {"date_from": "2024-05-01", "date_to": "2024-01-01"},
                                    {"cursor": "bm90LWEtY3Vyc29y"}, {"facets": "author"}, {"q": "camat"},
                                    {"limit": "0"}, {"doc_type": "incident"}])
def test_bad_case_parameters_are_400(http, params):
    r = http.get("/v1/cases", params=params)
    assert r.status_code in (400, 422) and r.status_code != 500
    assert r.json()["error"]


def test_case_ids_unknown_or_malformed(http):
    assert http.get("/v1/cases/0123456789abcdef").status_code == 404
    assert http.get("/v1/cases/not-an-id").status_code == 400


def test_pairs_of_a_syndicated_story_share_their_case(http):
    """Articles of one near-duplicate cluster are in the same cases."""
    cases = all_cases(http)
    by_article: dict[str, set] = {}
    for case in cases:
        for a in case["articles"]:
            by_article.setdefault(a, set()).add(case["id"])
    for case in cases:
        detail = http.get(f"/v1/cases/{case['id']}").json()
        clusters: dict[str, list[str]] = {}
        for member in detail["members"]:
            clusters.setdefault(member["cluster"], []).append(member["article"])
        for members in clusters.values():
            for a, b in combinations(members, 2):
                assert by_article[a] == by_article[b]


# -- the pages -----------------------------------------------------------------------------

def test_the_cases_page_lists_what_the_api_lists_and_its_facets_filter(http):
    import re

    api = http.get("/v1/cases", params={"region": "33"}).json()
    page = http.get("/cases", params={"region": "33"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    listed = re.findall(r'<h3><a href="/cases/([0-9a-f]{16})">', page.text)
    assert listed == [c["id"] for c in api["items"]]
    toggle = re.search(r'<a href="(http[^"]*status=[a-z]+[^"]*)" class="bucket">', page.text).group(1)
    narrowed = http.get(toggle.replace("&amp;", "&"))
    status = re.search(r"status=([a-z]+)", toggle).group(1)
    assert len(re.findall(r'<h3><a href="/cases/', narrowed.text)) == http.get(
        "/v1/cases", params={"region": "33", "status": status}).json()["total"]


def test_a_case_page_shows_its_stages_evidence_and_members(http):
    case = max(all_cases(http), key=lambda c: len(c["articles"]))
    page = http.get(f"/cases/{case['id']}", params={"lang": "en"})
    assert page.status_code == 200
    for article in case["articles"]:
        assert f'href="/articles/{article}"' in page.text
    for stage in case["stages"]:
        assert {"reported": "Reported or found", "clarified": "Clarified or examined",
                "recommended": "Recommended for sanction", "sanctioned": "Sanctioned",
                "dismissed": "Dismissed"}[stage["stage"]] in page.text
    assert "<blockquote>" in page.text
    article = http.get(f"/articles/{case['articles'][0]}")
    assert f'href="/cases/{case["id"]}"' in article.text


def test_case_pages_refuse_bad_input_with_a_page(http):
    assert http.get("/cases/0123456789abcdef").status_code == 404
    bad = http.get("/cases", params={"stage": "found"})
    assert bad.status_code == 400 and "text/html" in bad.headers["content-type"]


def test_a_case_feed_has_an_entry_per_stage(http):
    import feedparser

    case = max(all_cases(http), key=lambda c: len(c["stages"]))
    r = http.get(f"/v1/cases/{case['id']}.atom")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(r.content)
    assert not feed.bozo and len(feed.entries) == len(case["stages"])
    assert {e.link.rsplit("/", 1)[-1] for e in feed.entries} == set(case["articles"])
    assert all(any(t.term == s for t in e.tags) for e, s in
               zip(feed.entries, [s["stage"] for s in sorted(case["stage_evidence"] if "stage_evidence" in case else
                                                             case["stages"], key=lambda s: s["published"] or "",
                                                             reverse=True)]))
    page = http.get(f"/cases/{case['id']}")
    assert f'type="application/atom+xml" title=' in page.text
    assert http.get("/v1/cases/0123456789abcdef.atom").status_code == 404
