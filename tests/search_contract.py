"""The search backend contract: tests every backend must pass, over one small archive.

A backend's test module imports everything from here and provides a module-scoped
``search_backend`` fixture holding an index built from ``contract_docs``::

    from tests.search_contract import *  # noqa: F401,F403

    @pytest.fixture(scope="module")
    def search_backend(contract_docs):
        backend = TantivyBackend(...)
        backend.rebuild(contract_docs)
        yield backend

The archive is filled through the Archive API (source, capture, article, annotation) with
short articles we wrote; expected results come either from hand-made lists (text queries,
chosen so any reasonable Indonesian analyser agrees) or from the documents themselves
(filters, facets, timelines), computed here in plain Python.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, datetime, timezone

import pytest

from pantau.errors import InvalidInput
from pantau.ids import article_id, capture_id
from pantau.schema import Annotation, Article, Capture, OfficialMention, RegionMention, Source, ViolationMention
from pantau.search.base import IndexDocument
from pantau.search.document import build_documents
from pantau.search.query import SearchQuery
from pantau.store import Archive
from pantau.store.officials import rebuild as rebuild_officials

SOURCES = [("warta-jateng", "Warta Jateng", "news"), ("kabar-timur", "Kabar Timur", "news"),
           ("suara-sulsel", "Suara Sulsel", "news"), ("bawaslu-batang", "Bawaslu Batang", "bawaslu")]

# key, source, published, doc type, violation types, named regions, officials, title, text
ARTICLES = [
    ("a01", "warta-jateng", "2024-11-05T08:30:00+07:00", "incident", ["campaign_material"], ["33.25.01"],
     [("Sutrisno", "Kepala Dinas", "Dinas Pertanian", "33.25")],
     "Kepala Dinas di Batang Pasang Baliho Calon Bupati",
     "Bawaslu Kabupaten Batang menemukan baliho bergambar pasangan calon terpasang di halaman rumah "
     "seorang kepala dinas di Wonotunggal. Pejabat itu diduga melanggar netralitas aparatur sipil negara."),
    ("a02", "warta-jateng", "2024-10-20T14:00:00+07:00", "incident", ["vote_buying"], ["33.29"],
     [("Warsono", "Kepala Desa", "Pemerintah Desa Kaliwlingi", "33.29")],
     "Kades di Brebes Bagikan Sembako Berstiker Paslon",
     "Seorang kepala desa di Kabupaten Brebes membagikan paket sembako yang ditempeli stiker pasangan "
     "calon. Panitia pengawas sedang mengklarifikasi kepala desa tersebut."),
    ("a03", "bawaslu-batang", "2024-09-12T09:00:00+07:00", "prevention", [], ["33.25"], [],
     "Bawaslu Batang Sosialisasi Netralitas Kepala Desa dan Perangkat Desa",
     "Bawaslu Kabupaten Batang menggelar sosialisasi netralitas bagi kepala desa dan perangkat desa "
     "menjelang Pilkada 2024. Para pejabat diminta ikut mengawasi."),
    ("a04", "kabar-timur", "2024-11-18T10:15:00+07:00", "incident", ["campaign_attendance"], ["35.07"],
     [("Hariyanto", "Camat", "Pemerintah Kabupaten Malang", "35.07")],
     "Pejabat Kabupaten Malang Hadiri Kampanye Calon Bupati",
     "Seorang pejabat di Kabupaten Malang terekam menghadiri kampanye terbuka pasangan calon. Kepala "
     "bagian pemerintahan mengatakan desa-desa di wilayahnya tidak dilibatkan. Lurah setempat membantah "
     "ikut hadir."),
    ("a05", "kabar-timur", "2024-02-02T19:45:00+07:00", "incident", ["campaign_material", "social_media"],
     ["35.73"], [], "Guru PPPK Unggah Foto Baliho Caleg di Media Sosial",
     "Seorang guru PPPK di Kota Malang mengunggah foto baliho calon anggota legislatif di akun media "
     "sosialnya. Bawaslu menilai unggahan itu pelanggaran netralitas."),
    ("a06", "suara-sulsel", "2024-01-15T11:00:00+08:00", "statistics", [], ["73"], [],
     "Bawaslu Sulsel Catat 112 Dugaan Pelanggaran Netralitas ASN",
     "Bawaslu Provinsi Sulawesi Selatan mencatat 112 dugaan pelanggaran netralitas ASN sepanjang tahapan "
     "Pemilu 2024. Sebagian besar berupa dukungan di media sosial."),
    ("a07", "suara-sulsel", "2024-11-25T16:30:00+08:00", "incident", ["vote_buying", "partisan_support"],
     ["73.71"], [("Andi Rahman", "Lurah", "Pemerintah Kota Makassar", "73.71")],
     "Lurah di Makassar Diduga Arahkan Warga Pilih Paslon",
     "Seorang lurah di Kota Makassar diduga mengarahkan warga memilih pasangan calon tertentu sambil "
     "membagikan sembako. Atasannya sudah dipanggil Bawaslu."),
    ("a08", "warta-jateng", "2023-12-10T07:00:00+07:00", "regulation", [], ["33"], [],
     "Aturan Sanksi ASN Tidak Netral dalam Pemilu",
     "Peraturan pemerintah mengatur sanksi bagi aparatur sipil negara yang tidak netral, mulai dari "
     "teguran hingga pemberhentian. Kepala daerah wajib menindaklanjuti rekomendasi."),
    ("a09", "warta-jateng", "2024-11-05T20:00:00+00:00", "incident", ["state_resources"], ["33.24"],
     [("Budi Santoso", "Sekretaris Daerah", "Pemerintah Kabupaten Kendal", "33.24")],
     "Mobil Dinas Dipakai ke Lokasi Kampanye di Kendal",
     "Mobil dinas milik sebuah dinas di Kabupaten Kendal terparkir di lokasi kampanye calon bupati. "
     "Sekretaris daerah berjanji memeriksa pegawai yang memakainya."),
    ("a10", "bawaslu-batang", None, "prevention", [], ["33.25"], [],
     "Posko Aduan Netralitas ASN Dibuka di Batang",
     "Bawaslu Batang membuka posko aduan bagi warga yang melihat ASN, kepala desa, atau perangkat desa "
     "tidak netral."),
    ("a11", "kabar-timur", "2023-11-28T09:30:00+07:00", "incident", ["party_membership"], ["35"], [],
     "ASN Pemprov Jatim Tercatat Pengurus Partai",
     "Seorang ASN di lingkungan Pemerintah Provinsi Jawa Timur tercatat sebagai pengurus partai politik. "
     "Bawaslu meminta yang bersangkutan mundur."),
    ("a12", "warta-jateng", "2024-03-03T10:00:00+07:00", "incident", ["partisan_photo"], ["33.25", "33.29"],
     [("Warsono", "Kepala Desa", "Pemerintah Desa Kaliwlingi", "33.29")],
     "Perangkat Desa Batang dan Brebes Berfoto dengan Pose Jari",
     "Dua perangkat desa dari Batang dan Brebes berfoto dengan pose jari yang menunjukkan nomor urut "
     "pasangan calon. Foto itu beredar di grup percakapan warga."),
    ("a13", "suara-sulsel", "2024-06-06T08:00:00+08:00", "other", [], ["73.71"], [],
     "Festival Kuliner Makassar Ramai Pengunjung",
     "Ribuan warga memadati festival kuliner di pantai Losari. Panitia menyiapkan tiga ratus stan makanan."),
    ("a14", "kabar-timur", "2024-08-21T13:00:00+07:00", "incident", ["candidacy"], ["35.73"], [],
     "Kabid Pemkot Malang Daftar Bakal Calon Wakil Wali Kota Tanpa Mundur",
     "Seorang kepala bidang di Pemerintah Kota Malang mendaftar sebagai bakal calon wakil wali kota tanpa "
     "mengundurkan diri. Bawaslu menyebut tindakan itu melanggar aturan netralitas."),
    ("a15", "warta-jateng", "2024-11-05T08:30:00+07:00", "incident", ["campaign_material"], ["33.23"], [],
     "Baliho Paslon Terpasang di Kantor Pemerintah Temanggung",
     "Petugas menemukan baliho pasangan calon terpasang di pagar kantor pemerintah. Pejabat setempat "
     "mengaku tidak tahu siapa yang memasangnya."),
    ("a16", "bawaslu-batang", "2024-10-01T09:00:00+07:00", "incident", ["social_media"], ["33.25"], [],
     "Bawaslu Batang Klarifikasi ASN Komentari Unggahan Paslon",
     "Bawaslu Kabupaten Batang mengklarifikasi seorang ASN yang menulis komentar dukungan pada unggahan "
     "pasangan calon di media sosial. Pelanggaran itu diteruskan ke Badan Kepegawaian Negara."),
]

TEXT_CASES = [
    ("baliho", {"a01", "a05", "a15"}),
    ("BALIHO", {"a01", "a05", "a15"}),
    ("sembako", {"a02", "a07"}),
    ('"kepala desa"', {"a02", "a03", "a10"}),
    ("kepala desa", {"a02", "a03", "a04", "a10"}),
    ("lurah", {"a04", "a07"}),
    ("lurah -sembako", {"a04"}),
    ("sembako OR baliho", {"a01", "a02", "a05", "a07", "a15"}),
    ("pelanggaran", {"a01", "a05", "a06", "a14", "a16"}),   # pelanggaran/melanggar share a stem
    ('"media sosial"', {"a05", "a06", "a16"}),
    ('netralitas -"media sosial"', {"a01", "a03", "a10", "a14"}),
    ('"kepala desa" OR lurah sembako', {"a02", "a07"}),
    ("festival kuliner", {"a13"}),
    ("xylofonika", set()),
]


def fill_archive(archive: Archive) -> None:
    """Store the contract's sources, articles and annotations through the Archive API."""
    with archive.transaction():
        for sid, name, kind in SOURCES:
            archive.upsert_source(Source(id=sid, name=name, type=kind, base_url=f"https://{sid}.example.id/"))
        for row in ARTICLES:
            _store(archive, *row)


def _store(archive, key, source, published, doc_type, violations, regions, officials, title, text):
    url = f"https://{source}.example.id/berita/{key}"
    body = f"<html><h1>{title}</h1><p>{text}</p></html>".encode()
    sha = hashlib.sha256(body).hexdigest()
    capture = Capture(id=capture_id(url, sha), source_id=source, url=url, final_url=url, status=200,
                      body=body, sha256=sha)
    archive.put_capture(capture)
    aid = article_id(url)
    cluster = "story-baliho" if key in ("a01", "a15") else f"story-{key}"
    archive.upsert_article(Article(
        id=aid, capture_id=capture.id, source_id=source, url=url, canonical_url=url, title=title, text=text,
        published_at=datetime.fromisoformat(published) if published else None,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), parser="contract", parser_version="1",
        cluster_id=cluster))
    archive.put_annotation(Annotation(
        article_id=aid, pipeline_version="contract-1", doc_type=doc_type,
        violation_types=[ViolationMention(type=v) for v in violations],
        regions=[RegionMention(code=c, level=_level(c), name=c) for c in regions],
        officials=[OfficialMention(name=n, role=r, org=o, region_code=rc) for n, r, o, rc in officials]))


def _level(code: str) -> str:
    return {1: "provinsi", 2: "kabupaten", 3: "kecamatan"}[code.count(".") + 1]


def key_of(doc_or_url) -> str:
    url = doc_or_url if isinstance(doc_or_url, str) else doc_or_url.url
    return url.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def contract_docs(tmp_path_factory) -> list[IndexDocument]:
    path = tmp_path_factory.mktemp("contract") / "archive.sqlite3"
    with Archive.open(path) as archive:
        fill_archive(archive)
        rebuild_officials(archive)
        return list(build_documents(archive))


@pytest.fixture(scope="module")
def by_key(contract_docs) -> dict[str, IndexDocument]:
    return {key_of(d): d for d in contract_docs}


# -- expectations computed from the documents -------------------------------------------

FILTER_OWN = {"province": "region", "regency": "region", "violation_type": "violation_type",
              "doc_type": "doc_type", "source": "source", "month": "date"}


def matches(doc: IndexDocument, query: SearchQuery, keys: set | None = None, skip: str | None = None) -> bool:
    checks = {
        "text": keys is None or key_of(doc) in keys,
        "region": not query.region or any(c in doc.region_codes for c in query.region),
        "official": not query.official or any(o in doc.official_ids for o in query.official),
        "violation_type": not query.violation_type or any(v in doc.violation_types for v in query.violation_type),
        "doc_type": not query.doc_type or doc.doc_type in query.doc_type,
        "source": not query.source or doc.source_id in query.source,
        "source_type": not query.source_type or doc.source_type in query.source_type,
        "cluster": not query.cluster or doc.cluster_id in query.cluster,
        "date": _in_dates(doc, query),
    }
    return all(ok for name, ok in checks.items() if name != skip)


def _in_dates(doc: IndexDocument, query: SearchQuery) -> bool:
    if not (query.date_from or query.date_to):
        return True
    if not doc.published_date:
        return False
    day = date.fromisoformat(doc.published_date)
    return (not query.date_from or day >= query.date_from) and (not query.date_to or day <= query.date_to)


def facet_values(doc: IndexDocument, facet: str) -> list[str]:
    return {
        "province": [c for c in doc.region_codes if c.count(".") == 0],
        "regency": [c for c in doc.region_codes if c.count(".") == 1],
        "violation_type": doc.violation_types,
        "doc_type": [doc.doc_type] if doc.doc_type else [],
        "source": [doc.source_id],
        "month": [doc.published_date[:7]] if doc.published_date else [],
    }[facet]


def time_key(doc: IndexDocument) -> tuple:
    if not doc.published_at:
        return (0, 0.0, doc.id)
    return (1, datetime.fromisoformat(doc.published_at).astimezone(timezone.utc).timestamp(), doc.id)


def all_pages(backend, **kw) -> tuple[list[str], list[int]]:
    ids, totals, cursor = [], [], None
    for _ in range(100):
        page = backend.search(SearchQuery(cursor=cursor, **kw))
        ids += [h.id for h in page.hits]
        totals.append(page.total)
        cursor = page.next_cursor
        if cursor is None:
            return ids, totals
    raise AssertionError("pagination did not end")


# -- the contract ------------------------------------------------------------------------

def test_health_counts_every_document(search_backend, contract_docs):
    health = search_backend.health()
    assert health["documents"] == len(contract_docs) == len(ARTICLES)
    assert health["backend"] == search_backend.name


@pytest.mark.parametrize("q, keys", TEXT_CASES)
def test_text_queries(search_backend, q, keys):
    ids, _ = all_pages(search_backend, q=q, limit=100)
    page = search_backend.search(SearchQuery(q=q, limit=100))
    assert {key_of(h.url) for h in page.hits} == keys
    assert page.total == len(keys) == search_backend.count(SearchQuery(q=q)) == len(ids)


def test_stemming_finds_other_forms_of_a_word(search_backend):
    found = {key_of(h.url) for h in search_backend.search(SearchQuery(q="pelanggaran", limit=100)).hits}
    assert "a01" in found and "a14" in found        # "melanggar" only
    assert "a05" in found                           # "pelanggaran"


def test_phrase_needs_adjacent_words(search_backend):
    loose = {key_of(h.url) for h in search_backend.search(SearchQuery(q="kepala desa", limit=100)).hits}
    exact = {key_of(h.url) for h in search_backend.search(SearchQuery(q='"kepala desa"', limit=100)).hits}
    assert exact < loose and "a04" in loose - exact


FILTER_CASES = [
    {"region": ["33"]},
    {"region": ["33.25"]},
    {"region": ["33.25.01"]},
    {"region": ["35", "73"]},
    {"violation_type": ["campaign_material"]},
    {"violation_type": ["vote_buying", "social_media"]},
    {"doc_type": ["prevention"]},
    {"source": ["kabar-timur"]},
    {"source_type": ["bawaslu"]},
    {"cluster": ["story-baliho"]},
    {"date_from": date(2024, 11, 1)},
    {"date_to": date(2024, 1, 31)},
    {"date_from": date(2024, 11, 6), "date_to": date(2024, 11, 6)},
    {"region": ["33"], "doc_type": ["incident"], "date_from": date(2024, 1, 1)},
]


@pytest.mark.parametrize("filters", FILTER_CASES)
def test_filters(search_backend, contract_docs, filters):
    query = SearchQuery(limit=100, **filters)
    expected = {d.id for d in contract_docs if matches(d, query)}
    page = search_backend.search(query)
    assert {h.id for h in page.hits} == expected
    assert page.total == len(expected) == search_backend.count(query)


def test_official_filter(search_backend, by_key):
    warsono = set(by_key["a02"].official_ids)
    assert warsono and warsono == set(by_key["a12"].official_ids)
    page = search_backend.search(SearchQuery(official=sorted(warsono), limit=100))
    assert {key_of(h.url) for h in page.hits} == {"a02", "a12"}


def test_province_includes_its_kabupaten_and_kecamatan(search_backend):
    keys = {key_of(h.url) for h in search_backend.search(SearchQuery(region=["33"], limit=100)).hits}
    assert {"a01", "a03", "a08", "a10", "a12", "a16", "a09", "a15", "a02"} == keys  # a01 names 33.25.01
    assert "33.25" in search_backend.search(SearchQuery(q="wonotunggal")).hits[0].region_codes


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_time_orders(search_backend, contract_docs, sort):
    ids, _ = all_pages(search_backend, sort=sort, limit=100)
    expected = [d.id for d in sorted(contract_docs, key=time_key, reverse=sort == "newest")]
    if sort == "oldest":  # undated documents count as the oldest
        expected = [d.id for d in sorted(contract_docs, key=time_key)]
    assert ids == expected


def test_relevance_order_has_non_increasing_scores(search_backend):
    hits = search_backend.search(SearchQuery(q="netralitas OR baliho", limit=100)).hits
    scores = [h.score for h in hits]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("params", [
    {"sort": "newest"}, {"sort": "oldest"}, {"sort": "relevance"},
    {"q": "netralitas OR pasangan OR bawaslu", "sort": "relevance"},
    {"q": "pasangan OR asn", "sort": "newest"}, {"region": ["33"], "sort": "oldest"},
])
@pytest.mark.parametrize("limit", [1, 3, 5])
def test_cursor_pagination_covers_everything_once(search_backend, params, limit):
    whole = search_backend.search(SearchQuery(limit=100, **params))
    ids, totals = all_pages(search_backend, limit=limit, **params)
    assert ids == [h.id for h in whole.hits]
    assert len(ids) == len(set(ids)) == whole.total
    assert set(totals) == {whole.total}


def test_facets_honour_every_other_filter(search_backend, contract_docs):
    keys = {"a01", "a05", "a06", "a14", "a16"}
    query = SearchQuery(q="pelanggaran", region=["33"], violation_type=["campaign_material"],
                        date_from=date(2024, 1, 1), facets=list(FILTER_OWN), limit=100)
    page = search_backend.search(query)
    for facet, own in FILTER_OWN.items():
        pool = [d for d in contract_docs if matches(d, query, keys, skip=own)]
        expected = Counter(v for d in pool for v in facet_values(d, facet))
        got = {f.value: f.count for f in page.facets[facet]}
        assert got == dict(expected), facet


@pytest.mark.parametrize("filters", [{}, {"source_type": ["news"]}, {"region": ["35"], "doc_type": ["incident"]}])
def test_facets_without_text(search_backend, contract_docs, filters):
    query = SearchQuery(facets=list(FILTER_OWN), **filters)
    page = search_backend.search(query)
    for facet, own in FILTER_OWN.items():
        pool = [d for d in contract_docs if matches(d, query, skip=own)]
        assert {f.value: f.count for f in page.facets[facet]} == dict(Counter(
            v for d in pool for v in facet_values(d, facet))), facet
    labels = {f.value: f.label for f in page.facets["province"]}
    assert labels.get("33") == "Jawa Tengah" or "33" not in labels


def test_snippets_mark_the_matches(search_backend):
    for q in ("baliho", '"kepala desa"', "pelanggaran"):
        hits = search_backend.search(SearchQuery(q=q, limit=100)).hits
        assert hits and all("<mark>" in h.snippet and "</mark>" in h.snippet for h in hits), q


def test_snippet_marks_other_forms_of_the_word(search_backend):
    hit = next(h for h in search_backend.search(SearchQuery(q="pelanggaran", limit=100)).hits
               if key_of(h.url) == "a14")
    assert "<mark>melanggar</mark>" in hit.snippet.lower()


@pytest.mark.parametrize("interval", ["month", "week"])
@pytest.mark.parametrize("split", [None, "violation_type", "province"])
def test_timeline_counts(search_backend, contract_docs, interval, split):
    query = SearchQuery(region=["33", "35"])
    buckets = search_backend.timeline(query, interval, split)
    pool = [d for d in contract_docs if matches(d, query) and d.published_date]
    keys = {None: lambda d: [None], "violation_type": lambda d: d.violation_types,
            "province": lambda d: [c for c in d.region_codes if "." not in c]}[split]
    expected = Counter((_period(d.published_date, interval), k) for d in pool for k in keys(d))
    assert {(b.period, b.key): b.count for b in buckets} == dict(expected)
    if split is None:
        undated = sum(1 for d in contract_docs if matches(d, query) and not d.published_date)
        assert sum(b.count for b in buckets) == search_backend.count(query) - undated


def _period(day: str, interval: str) -> str:
    if interval == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


@pytest.mark.parametrize("params", [{}, {"q": "pasangan OR netralitas"}, {"region": ["33"]},
                                    {"q": "baliho", "violation_type": ["campaign_material"]}])
def test_iter_ids_equals_all_pages_newest_first(search_backend, params):
    pages, _ = all_pages(search_backend, sort="newest", limit=4, **params)
    assert list(search_backend.iter_ids(SearchQuery(**params))) == pages


@pytest.mark.parametrize("cursor", ["nonsense", "e30", "eyJzIjoibmV3ZXN0IiwiayI6WzFdfQ", "!!!"])
def test_bad_cursor_is_invalid_input(search_backend, cursor):
    with pytest.raises(InvalidInput):
        search_backend.search(SearchQuery(cursor=cursor, sort="newest"))


def test_cursor_of_another_sort_is_invalid_input(search_backend):
    page = search_backend.search(SearchQuery(sort="oldest", limit=2))
    with pytest.raises(InvalidInput):
        search_backend.search(SearchQuery(sort="newest", limit=2, cursor=page.next_cursor))


@pytest.mark.parametrize("q", ['"kepala desa', "OR baliho", "baliho OR", "-baliho", '""'])
def test_bad_query_is_invalid_input(search_backend, q):
    for call in (lambda: search_backend.search(SearchQuery(q=q)), lambda: search_backend.count(SearchQuery(q=q)),
                 lambda: list(search_backend.iter_ids(SearchQuery(q=q)))):
        with pytest.raises(InvalidInput):
            call()


def test_hits_carry_the_document_fields(search_backend, by_key):
    hit = search_backend.search(SearchQuery(q="mobil dinas")).hits[0]
    doc = by_key["a09"]
    assert (hit.id, hit.title, hit.url, hit.source_id, hit.source_type, hit.doc_type) == \
        (doc.id, doc.title, doc.url, "warta-jateng", "news", "incident")
    assert hit.violation_types == ["state_resources"] and "33" in hit.region_codes
    assert hit.published_at and hit.published_at.startswith("2024-11-05T20:00")
