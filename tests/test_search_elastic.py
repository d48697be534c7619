"""The Elasticsearch backend against a real cluster: the search contract
(tests/search_contract.py) plus what is particular to this backend (alias swap, refused
documents, PIT exports). Set PANTAU_TEST_ES_URL=http://localhost:9200 to run it; everything
here is skipped without it (no Elasticsearch can be installed on every machine). Each
fixture uses its own index prefix and deletes every index it created.
"""

from __future__ import annotations

import os
import uuid

import pytest

from pantau.errors import BackendUnavailable
from pantau.search.base import IndexDocument
from pantau.search.query import SearchQuery
from tests.search_contract import *  # noqa: F401,F403

ES_URL = os.environ.get("PANTAU_TEST_ES_URL", "")
SKIP_REASON = "PANTAU_TEST_ES_URL not set: no Elasticsearch cluster to test against"

pytestmark = [pytest.mark.es]


@pytest.fixture(scope="module")
def es_url() -> str:
    if not ES_URL:
        pytest.skip(SKIP_REASON)
    return ES_URL


def _new_prefix() -> str:
    return f"pantau-test-{uuid.uuid4().hex[:10]}"


def _delete_indexes(url: str, prefix: str) -> None:
    """Delete every index named ``<prefix>-*`` (by name: clusters refuse wildcard deletes)."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url)
    try:
        names = list(client.indices.get(index=f"{prefix}-*", ignore_unavailable=True,
                                        allow_no_indices=True))
        if names:
            client.indices.delete(index=names, ignore_unavailable=True)
    finally:
        client.close()


@pytest.fixture(scope="module")
def search_backend(es_url, contract_docs):
    """The contract's backend: one index built from the contract documents."""
    from pantau.search.elastic import ElasticsearchBackend

    prefix = _new_prefix()
    backend = ElasticsearchBackend(es_url, prefix)
    try:
        backend.rebuild(contract_docs)
        yield backend
    finally:
        backend.close()
        _delete_indexes(es_url, prefix)


@pytest.fixture
def es_backend(es_url):
    """An empty backend of its own for the tests below."""
    from pantau.search.elastic import ElasticsearchBackend

    prefix = _new_prefix()
    backend = ElasticsearchBackend(es_url, prefix)
    yield backend
    backend.close()
    _delete_indexes(es_url, prefix)


def _doc(i: int, **kw) -> IndexDocument:
    base = dict(id=f"d{i}", url=f"https://contoh.test/{i}", canonical_url=f"https://contoh.test/{i}",
                source_id="contoh", source_type="news", source_name="Contoh",
                title=f"Berita {i}", text="Camat diduga melanggar netralitas ASN.",
                published_at=f"2024-10-{i:02d}T09:00:00+07:00", published_date=f"2024-10-{i:02d}",
                region_codes=["33", "33.25"], named_region_codes=["33.25"])
    return IndexDocument(**{**base, **kw})


def test_missing_index_is_backend_unavailable(es_backend):
    with pytest.raises(BackendUnavailable, match="pantau index"):
        es_backend.search(SearchQuery())
    with pytest.raises(BackendUnavailable, match="pantau index"):
        es_backend.health()


def test_rebuild_moves_the_alias_and_deletes_the_old_index(es_backend):
    first = es_backend.rebuild([_doc(1), _doc(2)])
    assert first.documents == 2 and es_backend.health()["index"] == first.index
    second = es_backend.rebuild([_doc(3)])
    health = es_backend.health()
    assert health["index"] == second.index != first.index and health["documents"] == 1
    assert not es_backend.client.indices.exists(index=first.index)
    assert [h.id for h in es_backend.search(SearchQuery()).hits] == ["d3"]


def test_refused_document_keeps_the_live_index(es_backend):
    from pantau.search.elastic_index import IndexBuildError

    live = es_backend.rebuild([_doc(1)]).index
    bad = _doc(2, published_date="not a date")
    with pytest.raises(IndexBuildError, match="'d2'"):
        es_backend.rebuild([_doc(3), bad])
    assert es_backend.health()["index"] == live
    assert sorted(es_backend.client.indices.get(index=f"{es_backend.alias}-*")) == [live]


def test_stemming_phrases_highlight_and_region_names(es_backend):
    es_backend.rebuild([
        _doc(1, text="Kepala desa melanggar netralitas saat kampanye."),
        _doc(2, title="Banjir di Pemalang", text="Warga Pemalang mengungsi."),
        _doc(3, title="Pilkada Malang", text="Kota Malang bersiap."),
    ])
    page = es_backend.search(SearchQuery(q="pelanggaran"))
    assert [h.id for h in page.hits] == ["d1"] and "<mark>" in page.hits[0].snippet
    assert [h.id for h in es_backend.search(SearchQuery(q='"kepala desa"')).hits] == ["d1"]
    assert [h.id for h in es_backend.search(SearchQuery(q="malang")).hits] == ["d3"]


def test_pages_follow_cursors_and_exports_see_everything(es_backend):
    es_backend.rebuild([_doc(i) for i in range(1, 8)])
    seen, cursor = [], None
    while True:
        page = es_backend.search(SearchQuery(sort="oldest", limit=3, cursor=cursor))
        seen += [h.id for h in page.hits]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [f"d{i}" for i in range(1, 8)]
    assert list(es_backend.iter_ids(SearchQuery())) == [f"d{i}" for i in range(7, 0, -1)]
    assert es_backend.count(SearchQuery(region=["33"])) == 7
