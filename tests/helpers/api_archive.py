"""A small archive for the API and export tests: three sources, thirteen articles written for
these tests (fictional people and events), annotations with evidence, and the search index.

Facts the tests rely on are in ``EXPECT``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pantau.ids import article_id, capture_id
from pantau.schema import (Annotation, Article, Capture, DateMention, Evidence, OfficialMention,
                           RegionMention, Source, ViolationMention)
from pantau.search.document import build_documents
from pantau.search.factory import INDEX_DIR_NAME as INDEX_NAME
from pantau.search.tantivy_engine import TantivyBackend
from pantau.store import Archive, ledger
from pantau.store.officials import rebuild

WIB = timezone(timedelta(hours=7))
SOURCES = [
    Source(id="warta-jateng", name="Warta Jateng", type="news", base_url="https://warta-jateng.example/",
           region_code="33"),
    Source(id="kabar-timur", name="Kabar Timur", type="news", base_url="https://kabar-timur.example/",
           region_code="35"),
    Source(id="bawaslu-batang", name="Bawaslu Kabupaten Batang", type="bawaslu",
           base_url="https://batang.bawaslu.example/", region_code="33.25"),
]
PARENTS = {"33.25.02": ["33", "33.25"]}

# key, source, published (WIB) or None, title, text, doc_type, violations, regions, officials, cluster
ARTICLES = [
    ("camat-bandar", "warta-jateng", (2024, 1, 10), "Camat Bandar Diperiksa Bawaslu karena Unggah Foto Calon",
     "Bawaslu Kabupaten Batang memeriksa Camat Bandar Budi Santoso. Camat itu mengunggah foto bersama "
     "calon bupati di media sosial. Pemeriksaan netralitas ASN berlangsung Rabu (10/1/2024).",
     "incident", ["social_media"], ["33.25.02", "33.25"],
     [("Budi Santoso", "Camat", "Kecamatan Bandar", "33.25")], None),
    ("klarifikasi-camat", "bawaslu-batang", (2024, 1, 12), "Bawaslu Batang Klarifikasi Camat soal Foto Pose Jari",
     "Bawaslu Batang mengklarifikasi Camat Bandar Budi Santoso. Dalam foto bersama calon itu sang camat "
     "berpose dua jari. Unggahan di media sosial itu diteruskan ke BKN.",
     "incident", ["partisan_photo", "social_media"], ["33.25"],
     [("Budi Santoso", "Camat", "Kecamatan Bandar", "33.25")], "cluster-batang"),
    ("klarifikasi-camat-salinan", "kabar-timur", (2024, 1, 12), "Camat di Batang Diklarifikasi soal Foto Pose Jari",
     "Bawaslu Batang mengklarifikasi Camat Bandar Budi Santoso. Dalam foto bersama calon itu sang camat "
     "berpose dua jari. Unggahan di media sosial itu diteruskan ke BKN.",
     "incident", ["partisan_photo", "social_media"], ["33.25"],
     [("Budi Santoso", "Camat", "Kecamatan Bandar", "33.25")], "cluster-batang"),
    ("kades-sembako", "warta-jateng", (2024, 2, 5), "Kepala Desa di Brebes Bagikan Sembako Berstiker Paslon",
     "Kepala Desa Kluwut Siti Aminah membagikan sembako berstiker pasangan calon. Ia juga hadir dalam "
     "kampanye terbuka di lapangan desa. Bawaslu Brebes mencatat dugaan pelanggaran netralitas.",
     "incident", ["vote_buying", "campaign_attendance"], ["33.29"],
     [("Siti Aminah", "Kepala Desa", "Desa Kluwut", "33.29")], None),
    ("rakor-temanggung", "warta-jateng", (2024, 2, 20), "Rakor Netralitas ASN Jelang Pilkada di Temanggung",
     "Pemerintah Kabupaten Temanggung menggelar rapat koordinasi netralitas ASN. Seluruh kepala dinas "
     "diminta menjaga netralitas selama Pilkada 2024.",
     "prevention", [], ["33.23"], [], None),
    ("guru-malang", "kabar-timur", (2024, 3, 3), "Guru PPPK di Malang Dilaporkan karena Komentari Unggahan Paslon",
     "Seorang guru PPPK, Ahmad Fauzi, dilaporkan ke Bawaslu Kabupaten Malang. Guru itu menulis komentar "
     "dukungan pada unggahan pasangan calon di media sosial.",
     "incident", ["social_media"], ["35.07"], [("Ahmad Fauzi", "Guru", "SMP Negeri 3 Turen", "35.07")], None),
    ("statistik-jatim", "kabar-timur", (2024, 3, 15), "Bawaslu Jatim Catat 120 Dugaan Pelanggaran Netralitas",
     "Bawaslu Jawa Timur mencatat 120 dugaan pelanggaran netralitas ASN. Sebagian besar berupa pemasangan "
     "alat peraga kampanye oleh aparatur.",
     "statistics", ["campaign_material"], ["35"], [], None),
    ("sanksi-asn", "warta-jateng", (2023, 11, 20), "Deretan Sanksi ASN yang Tidak Netral",
     "Aturan netralitas ASN mengatur sanksi dari teguran hingga pemberhentian. Peraturan pemerintah "
     "tentang disiplin pegawai menjadi dasar sanksi.",
     "regulation", [], ["33"], [], None),
    ("baliho-semarang", "bawaslu-batang", (2024, 2, 14), "Staf Kelurahan di Semarang Pasang Baliho Caleg",
     "Rina Wulandari, staf kelurahan di Kota Semarang, memasang baliho calon legislatif di depan rumahnya. "
     "Panwaslu kecamatan menurunkan baliho itu.",
     "incident", ["campaign_material"], ["33.74"],
     [("Rina Wulandari", "Staf Kelurahan", "Kelurahan Tembalang", "33.74")], None),
    ("lurah-surabaya", "kabar-timur", (2024, 4, 2), "Lurah di Surabaya Arahkan Ketua RT Pilih Calon",
     "Lurah Ketintang Budi Santoso mengarahkan para ketua RT untuk memilih calon tertentu. Arahan itu "
     "disampaikan lewat grup percakapan warga.",
     "incident", ["partisan_decision"], ["35.78"],
     [("Budi Santoso", "Lurah", "Kelurahan Ketintang", "35.78")], None),
    ("jalan-semarang", "warta-jateng", (2024, 4, 20), "Perbaikan Jalan di Kota Semarang Ditarget Rampung",
     "Dinas pekerjaan umum menargetkan perbaikan jalan di Kota Semarang rampung bulan depan.",
     "other", [], ["33.74"], [], None),
    ("apel-jakarta", "kabar-timur", None, "Apel Netralitas ASN di Jakarta Selatan",
     "Ratusan ASN mengikuti apel netralitas di halaman kantor wali kota Jakarta Selatan.",
     "prevention", [], ["31.74"], [], None),
    ("belum-dianalisis", "warta-jateng", (2024, 5, 1), "Kabar Netralitas yang Belum Dianalisis",
     "Artikel ini belum dianalisis oleh pipeline netralitas.", None, [], [], [], None),
]

EXPECT = {
    "articles": len(ARTICLES),
    "province_33": {"camat-bandar", "klarifikasi-camat", "klarifikasi-camat-salinan", "kades-sembako",
                    "rakor-temanggung", "sanksi-asn", "baliho-semarang", "jalan-semarang"},
    "social_media": {"camat-bandar", "klarifikasi-camat", "klarifikasi-camat-salinan", "guru-malang"},
    "budi_batang": {"camat-bandar", "klarifikasi-camat", "klarifikasi-camat-salinan"},
    "q_baliho": {"baliho-semarang"},
}
SCRIPT = b"<script>document.title='owned'</script>"
PIPELINE = "test-2"


def aid(key: str) -> str:
    return article_id(_url(key))


def _url(key: str) -> str:
    source = next(a[1] for a in ARTICLES if a[0] == key)
    return f"https://{source}.example/berita/{key}"


def _evidence(text: str, needle: str) -> Evidence:
    start = max(text.find(needle), 0)
    sentence = next((s.strip() + "." for s in text.split(".") if needle in s), text)
    return Evidence(text=needle, start=start, end=start + len(needle), sentence=sentence)


def _annotation(key: str, text: str, doc_type: str, violations, regions, officials, created) -> Annotation:
    table_names = {"33.25.02": ("kecamatan", "Bandar"), "33.25": ("kabupaten", "Batang"),
                   "33.29": ("kabupaten", "Brebes"), "33.23": ("kabupaten", "Temanggung"),
                   "35.07": ("kabupaten", "Malang"), "35": ("provinsi", "Jawa Timur"),
                   "33": ("provinsi", "Jawa Tengah"), "33.74": ("kota", "Semarang"),
                   "35.78": ("kota", "Surabaya"), "31.74": ("kota", "Jakarta Selatan")}
    first_word = text.split()[0]
    return Annotation(
        article_id=aid(key), pipeline_version=PIPELINE, doc_type=doc_type, created_at=created,
        violation_types=[ViolationMention(type=v, evidence=[_evidence(text, text.split(".")[0][:20])])
                         for v in violations],
        regions=[RegionMention(code=c, level=table_names[c][0], name=table_names[c][1],
                               parents=PARENTS.get(c, [c.split(".")[0]] if "." in c else []),
                               evidence=[_evidence(text, first_word)]) for c in regions],
        officials=[OfficialMention(name=n, role=r, org=o, region_code=rc, evidence=[_evidence(text, n)])
                   for n, r, o, rc in officials],
        dates=[DateMention(date=datetime(2024, 1, 10).date(), evidence=_evidence(text, "Rabu"))]
        if "Rabu" in text else [],
    )


def _store(archive: Archive, row: tuple, fetched: datetime) -> None:
    key, source, published, title, text, doc_type, violations, regions, officials, cluster = row
    url = _url(key)
    body = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p>".encode()
            + SCRIPT + b"</body></html>")
    sha = hashlib.sha256(body).hexdigest()
    capture = Capture(id=capture_id(url, sha), source_id=source, url=url, final_url=url, status=200,
                      headers={"Content-Type": "text/html; charset=utf-8"}, body=body, sha256=sha,
                      fetched_at=fetched)
    archive.put_capture(capture)
    archive.upsert_article(Article(
        id=aid(key), capture_id=capture.id, source_id=source, url=url, canonical_url=url, title=title,
        text=text, published_at=datetime(*published, 9, 30, tzinfo=WIB) if published else None,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), cluster_id=cluster,
        parser="test-parser", parser_version="1", author="Redaksi"))
    if doc_type is not None:
        if key == "camat-bandar":  # an older annotation of another version: the API shows the latest
            archive.put_annotation(Annotation(article_id=aid(key), pipeline_version="test-1",
                                              doc_type="other", created_at=fetched))
        archive.put_annotation(_annotation(key, text, doc_type, violations, regions, officials,
                                           fetched + timedelta(hours=1)))


def filled(parent: Path) -> Path:
    """``parent/data``, a new data directory that ``fill`` has filled."""
    path = parent / "data"
    path.mkdir()
    fill(path)
    return path


def fill(data_dir: Path) -> TantivyBackend:
    """Write the archive at ``data_dir/archive.sqlite3``, build the officials registry and
    the search index; return the backend."""
    with Archive.open(data_dir / "archive.sqlite3") as archive:
        with archive.transaction():
            for source in SOURCES:
                archive.upsert_source(source)
            for i, row in enumerate(ARTICLES):
                _store(archive, row, datetime(2024, 6, 1, tzinfo=timezone.utc) + timedelta(minutes=i))
            for day in (1, 2):
                ledger.add(archive.conn, "warta-jateng",
                           ledger.Tally(pages=10, articles=3, failures={"http_404": 1}, success=True),
                           when=datetime(2024, 6, day, 12, tzinfo=timezone.utc))
        rebuild(archive)
        backend = TantivyBackend(data_dir / INDEX_NAME)
        backend.rebuild(build_documents(archive))
    return backend
