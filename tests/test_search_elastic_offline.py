"""The Elasticsearch backend without a server: the mapping file, request bodies, cursors,
response parsing, error translation and the alias swap (with the in-memory fake of
tests/helpers/fake_es.py, the only fake allowed, for the alias logic only)."""

from __future__ import annotations

import inspect
import json
import socket
from datetime import UTC, date, datetime

import pytest

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search import elastic_index as ei
from pantau.search import elastic_query as eq
from pantau.search import elastic_results as er
from pantau.search.base import IndexDocument
from pantau.search.elastic import ElasticsearchBackend, safe_url
from pantau.search.cursor import decode_cursor, encode_cursor
from pantau.search.elastic_query import SORTS
from pantau.search.query import SearchQuery, TextQuery, parse_text
from tests.helpers.fake_es import FakeCluster, FakeIndices

KEYWORDS = ("id", "source_id", "source_type", "doc_type", "violation_types", "region_codes",
            "named_region_codes", "official_ids", "cluster_id", "province_codes", "regency_codes")


# -- mapping -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def mapping():
    return json.loads(ei.MAPPING_PATH.read_text(encoding="utf-8"))


def test_mapping_is_strict_and_versioned(mapping):
    assert mapping["mappings"]["dynamic"] == "strict"
    assert isinstance(mapping["mappings"]["_meta"]["mapping_version"], int)
    assert ei.mapping_version(mapping) >= 1


def test_every_index_document_field_is_mapped_and_nothing_else(mapping):
    props = set(mapping["mappings"]["properties"])
    fields = set(IndexDocument.model_fields) | set(IndexDocument.model_computed_fields)
    assert fields == props, f"unmapped: {fields - props}; not in IndexDocument: {props - fields}"


def test_stored_source_has_exactly_the_mapped_fields(mapping):
    doc = IndexDocument(id="a1", url="u", canonical_url="u", source_id="s", source_type="news",
                        title="t", text="x", region_codes=["33", "33.25", "33.25.01"])
    source = ei.to_source(doc)
    assert set(source) == set(mapping["mappings"]["properties"])
    assert source["province_codes"] == ["33"] and source["regency_codes"] == ["33.25"]


def test_field_types(mapping):
    props = mapping["mappings"]["properties"]
    for name in KEYWORDS:
        assert props[name]["type"] == "keyword", name
    assert props["source_name"]["type"] == "keyword"
    analyzers = mapping["settings"]["analysis"]["analyzer"]
    assert analyzers["indonesian_text"]["type"] == "indonesian"  # the built-in analyzer
    for name in ("title", "text"):
        assert props[name]["analyzer"] == "indonesian_text"
        assert props[name]["fields"]["exact"]["analyzer"] == "folded"
    folded = mapping["settings"]["analysis"]["analyzer"]["folded"]
    assert folded["filter"] == ["lowercase", "asciifolding"]
    for name in ("official_names", "region_names"):
        assert props[name]["type"] == "text"
        assert props[name]["fields"]["keyword"]["type"] == "keyword"
    assert props["published_at"]["type"] == "date"
    assert "strict_date_optional_time" in props["published_at"]["format"]
    assert props["published_date"] == {"type": "date", "format": "strict_date"}


def test_region_words_are_not_stemmed(mapping):
    definition = ei.index_definition(mapping)
    words = definition["settings"]["analysis"]["analyzer"]["indonesian_text"]["stem_exclusion"]
    assert {"pemalang", "bekasi", "temanggung"} <= set(words)
    assert words == sorted(set(words)) and all(w == w.lower() for w in words)
    assert mapping["settings"]["analysis"]["analyzer"]["indonesian_text"]["stem_exclusion"] == []


def test_index_names():
    now = datetime(2024, 11, 27, 8, 30, 1, 123456, tzinfo=UTC)
    assert ei.alias_name("pantau") == "pantau-articles"
    assert ei.new_index_name("pantau-articles", 3, now) == "pantau-articles-v3-20241127083001123456"


# -- text queries --------------------------------------------------------------------------

def body(text: TextQuery | None = None, **kw) -> dict:
    return eq.search_body(SearchQuery(**kw), text or TextQuery())


def test_empty_query_matches_all_newest_first():
    b = body(limit=5)
    assert b["query"] == {"match_all": {}}
    assert b["size"] == 6 and b["track_total_hits"] is True
    assert b["sort"] == SORTS["newest"] and "search_after" not in b  # relevance without text
    assert b["highlight"]["pre_tags"] == ["<mark>"] and b["highlight"]["post_tags"] == ["</mark>"]
    assert "post_filter" not in b and "aggs" not in b


def test_words_are_anded_on_title_and_text():
    b = body(TextQuery(clauses=[["netralitas"], ["camat"]]))
    must = b["query"]["bool"]["must"]
    assert [m["multi_match"]["query"] for m in must] == ["netralitas", "camat"]
    assert all(m["multi_match"]["fields"] == ["title^2", "text"] for m in must)
    assert all(m["multi_match"]["operator"] == "and" for m in must)


def test_phrases_use_the_exact_subfields():
    q = eq.term_query('"kepala desa"')["multi_match"]
    assert q == {"query": "kepala desa", "type": "phrase", "fields": ["title.exact^2", "text.exact"]}


def test_parsed_query_string():
    b = body(parse_text('camat OR lurah "kepala desa" kampanye -pilpres'))["query"]["bool"]
    first, phrase, word = b["must"]
    assert [s["multi_match"]["query"] for s in first["bool"]["should"]] == ["camat", "lurah"]
    assert phrase["multi_match"]["fields"] == ["title.exact^2", "text.exact"]
    assert word["multi_match"]["query"] == "kampanye"
    assert b["must_not"][0]["multi_match"]["query"] == "pilpres"


def test_words_split_by_the_tokenizer_stay_together():
    q = eq.term_query("pose-jari")["multi_match"]
    assert q["type"] == "phrase" and q["fields"] == ["title^2", "text"]


def test_or_alternatives_become_should():
    q = eq.clause_query(["kades", '"kepala desa"'])["bool"]
    assert q["minimum_should_match"] == 1
    assert [s["multi_match"]["type"] for s in q["should"]] == ["best_fields", "phrase"]


def test_exclusions_are_must_not_and_never_match_everything():
    b = body(TextQuery(clauses=[["asn"]], exclude=["pilpres", '"foto bersama"']))
    must_not = b["query"]["bool"]["must_not"]
    assert must_not[0]["multi_match"]["zero_terms_query"] == "none"
    assert must_not[1]["multi_match"]["type"] == "phrase"
    assert b["query"]["bool"]["must"][0]["multi_match"]["zero_terms_query"] == "all"


def test_exclusion_only_query():
    b = body(TextQuery(exclude=["hoaks"]))
    assert set(b["query"]["bool"]) == {"must_not"}


# -- filters -------------------------------------------------------------------------------

def test_each_filter():
    b = body(region=["3325", "33"], official=["off-1"], violation_type=["social_media"],
             doc_type=["incident"], source=["kabarpantura"], source_type=["news"],
             date_from=date(2024, 9, 1), date_to=date(2024, 11, 30))
    filters = b["query"]["bool"]["filter"]
    assert {"terms": {"region_codes": ["33", "33.25"]}} in filters
    assert {"terms": {"official_ids": ["off-1"]}} in filters
    assert {"terms": {"violation_types": ["social_media"]}} in filters
    assert {"terms": {"doc_type": ["incident"]}} in filters
    assert {"terms": {"source_id": ["kabarpantura"]}} in filters
    assert {"terms": {"source_type": ["news"]}} in filters
    assert {"range": {"published_date": {"gte": "2024-09-01", "lte": "2024-11-30",
                                         "format": "strict_date"}}} in filters
    assert "must" not in b["query"]["bool"]


def test_region_hierarchy_is_a_term_on_region_codes():
    # region_codes holds every ancestor, so a province code matches its regencies' articles.
    b = body(region=["33"])
    assert b["query"]["bool"]["filter"] == [{"terms": {"region_codes": ["33"]}}]


def test_one_sided_dates_and_bad_region():
    b = body(date_from=date(2024, 1, 1))
    assert b["query"]["bool"]["filter"][0]["range"]["published_date"] == {
        "gte": "2024-01-01", "format": "strict_date"}
    with pytest.raises(InvalidInput):
        body(region=["Jawa Tengah"])


# -- sorts and cursors ---------------------------------------------------------------------

def test_sorts():
    words = TextQuery(clauses=[["asn"]])
    assert body(words)["sort"] == [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    # Like the embedded backend: undated documents count as the oldest, ties by id.
    assert body(words, sort="newest")["sort"] == [
        {"published_at": {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}]
    assert body(words, sort="oldest")["sort"] == [
        {"published_at": {"order": "asc", "missing": "_first"}}, {"id": {"order": "asc"}}]


def test_cursor_becomes_search_after():
    values = [1732694400000, "a-ü-1"]
    cursor = encode_cursor("newest", values)
    after = decode_cursor(cursor, "newest", 2)
    b = eq.search_body(SearchQuery(sort="newest", cursor=cursor), TextQuery(), after=after)
    assert b["search_after"] == values


def test_bad_cursors_are_invalid_input_before_any_request():
    backend = ElasticsearchBackend(f"http://127.0.0.1:{_closed_port()}", "x")
    newest = encode_cursor("newest", [1, "a"])
    for cursor in ("%%%", "bm90IGpzb24", newest[:-3], encode_cursor("newest", [1]),
                   encode_cursor("newest", [{"x": 1}, "a"])):
        with pytest.raises(InvalidInput, match="cursor"):
            backend.search(SearchQuery(sort="newest", cursor=cursor))
    with pytest.raises(InvalidInput, match="sort='oldest'"):
        backend.search(SearchQuery(q="asn", sort="oldest", cursor=newest))
    # Without a text query relevance means newest, so a newest cursor is accepted there:
    # the request is made, and fails only because no cluster listens.
    with pytest.raises(BackendUnavailable):
        backend.search(SearchQuery(cursor=newest))


# -- facets --------------------------------------------------------------------------------

def test_facets_exclude_their_own_filter():
    b = body(region=["33"], violation_type=["social_media"], official=["off-1"],
             facets=["province", "violation_type", "doc_type"])
    region = {"terms": {"region_codes": ["33"]}}
    violation = {"terms": {"violation_types": ["social_media"]}}
    # Filters no requested facet owns stay in the query; the others move to post_filter.
    assert b["query"]["bool"]["filter"] == [{"terms": {"official_ids": ["off-1"]}}]
    assert b["post_filter"] == {"bool": {"filter": [region, violation]}}
    aggs = b["aggs"]
    assert aggs["province"]["filter"] == {"bool": {"filter": [violation]}}
    assert aggs["violation_type"]["filter"] == {"bool": {"filter": [region]}}
    assert aggs["doc_type"]["filter"] == {"bool": {"filter": [region, violation]}}
    assert aggs["province"]["aggs"]["values"]["terms"]["field"] == "province_codes"


def test_facet_without_filters_and_month_facet():
    b = body(facets=["month", "regency", "source"])
    assert "post_filter" not in b
    assert b["aggs"]["month"]["filter"] == {"match_all": {}}
    month = b["aggs"]["month"]["aggs"]["values"]["terms"]
    assert month["field"] == "month" and month["size"] >= 1000  # a keyword field: every month
    assert b["aggs"]["regency"]["aggs"]["values"]["terms"]["field"] == "regency_codes"
    source = b["aggs"]["source"]["aggs"]["values"]
    assert source["terms"]["field"] == "source_id" and source["terms"]["size"] >= 1000
    assert source["aggs"]["name"]["terms"]["field"] == "source_name"


def test_date_filter_belongs_to_the_month_facet():
    b = body(date_from=date(2024, 1, 1), doc_type=["incident"], facets=["month"])
    assert b["post_filter"]["bool"]["filter"][0]["range"]
    assert b["query"]["bool"]["filter"] == [{"terms": {"doc_type": ["incident"]}}]


# -- timeline, ids -------------------------------------------------------------------------

@pytest.mark.parametrize("split,field", [(None, None), ("violation_type", "violation_types"),
                                         ("province", "province_codes")])
def test_timeline_body(split, field):
    b = eq.timeline_body(SearchQuery(region=["33"]), TextQuery(), "week", split)
    assert b["size"] == 0 and b["query"]["bool"]["filter"]
    hist = b["aggs"]["timeline"]
    assert hist["terms"]["field"] == "week"  # the ISO-week keyword of each document
    if split is None:
        assert "aggs" not in hist
    else:
        assert hist["aggs"]["split"]["terms"]["field"] == field


def test_ids_body_is_newest_first_without_source():
    b = eq.ids_body(SearchQuery(sort="oldest"), TextQuery(), 1000, after=[5, "x"])
    assert b["sort"][1] == {"id": {"order": "desc"}}
    assert b["sort"] == SORTS["newest"] and b["_source"] is False and b["search_after"] == [5, "x"]


# -- responses -----------------------------------------------------------------------------

def _raw_hit(i: int, highlight: dict | None = None) -> dict:
    return {"_id": f"a{i}", "_score": 1.5, "sort": [1.5, f"a{i}"],
            "_source": {"id": f"a{i}", "title": f"T{i}", "url": f"https://x/{i}",
                        "source_id": "s", "source_type": "news"},
            "highlight": highlight or {}}


def test_page_has_next_cursor_only_when_more_hits_exist():
    q = SearchQuery(q="asn", limit=2)
    resp = {"hits": {"total": {"value": 3, "relation": "eq"},
                     "hits": [_raw_hit(1), _raw_hit(2), _raw_hit(3)]}}
    page = er.to_page(resp, q, "relevance")
    assert [h.id for h in page.hits] == ["a1", "a2"] and page.total == 3
    assert page.hits[0].score == 1.5
    assert decode_cursor(page.next_cursor, "relevance", 2) == [1.5, "a2"]
    resp["hits"]["hits"].pop()
    assert er.to_page(resp, q, "relevance").next_cursor is None
    assert er.to_page(resp, q, "newest").hits[0].score is None


def test_snippet_prefers_marked_fragments():
    assert er.snippet({"text": ["awal teks"], "text.exact": ["kata <mark>kepala desa</mark>"]}) \
        == "kata <mark>kepala desa</mark>"
    assert er.snippet({"text": ["<mark>kampanye</mark> di"]}) == "<mark>kampanye</mark> di"
    assert er.snippet({"text": ["awal teks"]}) == "awal teks"
    assert er.snippet({}) == ""


def test_facet_counts_have_labels():
    agg = {"values": {"buckets": [{"key": "33", "doc_count": 4}, {"key": "99", "doc_count": 1}]}}
    counts = er.facet_counts("province", agg)
    assert [(c.value, c.label, c.count) for c in counts] == [("33", "Jawa Tengah", 4),
                                                             ("99", None, 1)]
    vt = er.facet_counts("violation_type", {"values": {"buckets": [{"key": "social_media",
                                                                    "doc_count": 2}]}})
    assert vt[0].label == "Kampanye/dukungan di media sosial"
    source = er.facet_counts("source", {"values": {"buckets": [
        {"key": "kabarpantura", "doc_count": 3,
         "name": {"buckets": [{"key": "Kabar Pantura", "doc_count": 3}]}}]}})
    assert (source[0].value, source[0].label) == ("kabarpantura", "Kabar Pantura")
    month = er.facet_counts("month", {"values": {"buckets": [
        {"key": "2024-11", "doc_count": 2}, {"key": "2024-10", "doc_count": 7}]}})
    assert [(m.value, m.count) for m in month] == [("2024-10", 7), ("2024-11", 2)]  # calendar order


def test_facet_buckets_most_frequent_first_ties_by_value():
    agg = {"values": {"buckets": [{"key": k, "doc_count": c} for k, c in
                                  [("35", 2), ("33", 5), ("11", 2), ("73", 0)]]}}
    assert [c.value for c in er.facet_counts("province", agg)] == ["33", "11", "35"]


def test_timeline_periods():
    resp = {"aggregations": {"timeline": {"buckets": [
        {"key": "2025-W01", "doc_count": 3, "split": {"buckets": [{"key": "33", "doc_count": 2},
                                                              {"key": "35", "doc_count": 1}]}}]}}}
    rows = er.to_timeline(resp, "week", "province")
    assert [(r.period, r.key, r.count) for r in rows] == [("2025-W01", "33", 2),
                                                          ("2025-W01", "35", 1)]
    assert er.to_timeline(resp, "week", None)[0].count == 3


# -- errors without a cluster --------------------------------------------------------------

def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_cluster_is_backend_unavailable_with_url():
    url = f"http://127.0.0.1:{_closed_port()}"
    backend = ElasticsearchBackend(url, "pantau-test", request_timeout=2)
    with pytest.raises(BackendUnavailable, match=url.replace(".", r"\.")):
        backend.health()
    with pytest.raises(BackendUnavailable, match="cannot be reached"):
        backend.count(SearchQuery())


def test_urls_in_messages_hide_credentials():
    assert safe_url("https://user:secret@es.example:9243/p") == "https://es.example:9243/p"
    assert safe_url("http://localhost:9200") == "http://localhost:9200"
    with pytest.raises(BackendUnavailable, match="PANTAU_ES_URL"):
        ElasticsearchBackend("", "pantau")


# -- alias swap (in-memory fake) -----------------------------------------------------------

def _docs(*ids: str) -> list[IndexDocument]:
    return [IndexDocument(id=i, url=f"https://x/{i}", canonical_url=f"https://x/{i}",
                          source_id="s", source_type="news", title=f"T {i}", text="isi",
                          region_codes=["33", "33.25"]) for i in ids]


def _at(second: int) -> datetime:
    return datetime(2024, 11, 27, 8, 0, second, tzinfo=UTC)


def test_fake_mirrors_real_client_signatures():
    from elasticsearch import Elasticsearch

    real = Elasticsearch("http://127.0.0.1:9")
    for name in ("create", "exists_alias", "get_alias", "refresh", "update_aliases", "delete"):
        fake_params = set(inspect.signature(getattr(FakeIndices, name)).parameters) - {"self"}
        assert fake_params <= set(inspect.signature(getattr(real.indices, name)).parameters), name
    assert "operations" in inspect.signature(real.bulk).parameters


def test_first_build_adds_the_alias():
    es = FakeCluster()
    name, count = ei.rebuild(es, "p-articles", _docs("a", "b", "c"), chunk_size=2, now=_at(1))
    assert name == f"p-articles-v{ei.mapping_version()}-20241127080001000000" and count == 3
    assert es.alias_targets("p-articles") == [name]
    assert set(es.indexes[name]["docs"]) == {"a", "b", "c"} and es.indexes[name]["refreshed"]
    assert [e for e in es.log if e[0] == "bulk"] == [("bulk", 2), ("bulk", 1)]
    swaps = [e for e in es.log if e[0] == "update_aliases"]
    assert swaps == [("update_aliases", [{"add": {"index": name, "alias": "p-articles"}}])]
    assert es.indexes[name]["mappings"]["dynamic"] == "strict"
    analyzer = es.indexes[name]["settings"]["analysis"]["analyzer"]["indonesian_text"]
    assert "pemalang" in analyzer["stem_exclusion"]


def test_rebuild_swaps_in_one_call_then_deletes_the_old_index():
    es = FakeCluster()
    old, _ = ei.rebuild(es, "p-articles", _docs("a"), now=_at(1))
    es.log.clear()
    new, _ = ei.rebuild(es, "p-articles", _docs("a", "b"), now=_at(2))
    swaps = [e[1] for e in es.log if e[0] == "update_aliases"]
    assert swaps == [[{"remove": {"index": old, "alias": "p-articles"}},
                      {"add": {"index": new, "alias": "p-articles"}}]]
    kinds = [e[0] for e in es.log]
    assert kinds.index("refresh") < kinds.index("update_aliases") < kinds.index("delete")
    assert ("delete", [old]) in es.log and old not in es.indexes
    assert es.alias_targets("p-articles") == [new]


def test_bulk_failure_deletes_the_new_index_and_keeps_the_alias():
    es = FakeCluster()
    old, _ = ei.rebuild(es, "p-articles", _docs("a"), now=_at(1))
    es.reject_ids = {"bad"}
    with pytest.raises(ei.IndexBuildError, match=r"'bad'.*document_parsing_exception"):
        ei.rebuild(es, "p-articles", _docs("ok", "bad"), now=_at(2))
    assert list(es.indexes) == [old] and es.alias_targets("p-articles") == [old]
    assert not [e for e in es.log if e[0] == "update_aliases" and e[1][-1]["add"]["index"] != old]


def test_alias_swap_failure_deletes_the_new_index():
    es = FakeCluster()
    old, _ = ei.rebuild(es, "p-articles", _docs("a"), now=_at(1))
    es.fail_update_aliases = True
    with pytest.raises(Exception, match="update_aliases refused"):
        ei.rebuild(es, "p-articles", _docs("b"), now=_at(2))
    assert list(es.indexes) == [old] and es.alias_targets("p-articles") == [old]


ALL_FILTERS = dict(region=["33"], official=["off-1"], violation_type=["social_media"],
                   doc_type=["incident"], source=["warta"], source_type=["news"],
                   date_from=date(2024, 1, 1))


def _clauses(query: dict) -> list[str]:
    return [json.dumps(c, sort_keys=True) for c in query.get("bool", {}).get("filter", [])]


@pytest.mark.parametrize("facets", [["province"], ["regency", "month"], ["violation_type", "source"],
                                    list(eq.FACET_FILTER)])
@pytest.mark.parametrize("drop", [None, "region", "date", "violation_type"])
def test_hits_see_every_filter_and_each_facet_all_but_its_own(facets, drop):
    params = {k: v for k, v in ALL_FILTERS.items() if not (drop and k.startswith(drop))}
    query = SearchQuery(facets=facets, **params)
    everything = {n: json.dumps(c, sort_keys=True) for n, c in eq.filter_clauses(query).items()}
    b = eq.search_body(query, TextQuery())
    base = _clauses(b["query"])
    assert sorted(base + _clauses(b.get("post_filter", {}))) == sorted(everything.values())
    for facet in facets:
        seen = sorted(base + _clauses(b["aggs"][facet]["filter"]))
        own = eq.FACET_FILTER[facet]
        assert seen == sorted(v for n, v in everything.items() if n != own), facet
