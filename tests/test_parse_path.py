"""One parse path: a crawl and a later ``pantau reparse`` store the same articles.

The four sample sites and one more source (a WITA outlet with no region, served here on
localhost, whose page gives its time without an offset) are crawled over real HTTP; the
archive is then re-parsed, and every stored article must be identical."""

from __future__ import annotations

import sys
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawler.registry import REGISTRY_PATH, load_registry
from crawler.reparse import reparse_archive
from pantau.store import Archive

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from crawl_support import LoggedSite, run_crawl  # noqa: E402

pytestmark = pytest.mark.slow

WITA_PATH = "/berita/2024/10/02/asn-kupang-diingatkan-netral.html"
WITA_PAGE = ("""<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Bawaslu Ingatkan ASN Kupang Jaga Netralitas Pilkada</title>
<meta property="article:published_time" content="2024-10-02 09:30">
</head><body><article><h1>Bawaslu Ingatkan ASN Kupang Jaga Netralitas Pilkada</h1>
<p>Kupang – Bawaslu Kota Kupang mengingatkan aparatur sipil negara (ASN) agar menjaga
netralitas selama tahapan Pilkada 2024. Ketua Bawaslu menyebut ASN dilarang mengunggah
dukungan kepada pasangan calon di media sosial dan dilarang hadir dalam kampanye.</p>
<p>Menurut dia, pelanggaran netralitas ASN akan diteruskan kepada Badan Kepegawaian Negara
untuk dijatuhi sanksi. Bawaslu juga membuka posko pengaduan bagi warga yang melihat ASN
berpihak dalam pemilihan kepala daerah.</p></article></body></html>""").encode()

WITA_SOURCE = """
[[source]]
id = "timur-tanpa-wilayah"
name = "Timur Tanpa Wilayah"
type = "news"
base_url = "{base}"
timezone = "WITA"
[source.discovery]
urls = ["{path}"]
article_pattern = 'berita/.+'
"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        found = self.path == WITA_PATH
        body = WITA_PAGE if found else b"not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def servers():
    site = LoggedSite()
    wita = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=wita.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{wita.server_address[1]}/"
    wita.shutdown()
    wita.server_close()
    site.close()


def stored(path: Path) -> dict[str, dict]:
    with Archive.open(path) as archive:
        return {a.id: a.model_dump(exclude={"parsed_at"}) for a in archive.iter_articles()}


def test_a_crawl_and_a_reparse_store_identical_articles(servers, tmp_path):
    site, wita_base = servers
    registry = tmp_path / "sources.toml"
    registry.write_text(REGISTRY_PATH.read_text(encoding="utf-8")
                        + WITA_SOURCE.format(base=wita_base, path=WITA_PATH.lstrip("/")), encoding="utf-8")
    entry = load_registry(registry).get("timur-tanpa-wilayah")
    assert entry.timezone == "WITA" and entry.region is None
    sample_ids = [e.id for e in load_registry(registry).select(sample=True)]
    site.reset()
    summary = run_crawl(site, tmp_path, *sample_ids, "timur-tanpa-wilayah", "--sources-file", str(registry))
    assert summary["sources"]["timur-tanpa-wilayah"]["articles"] == 1

    archive_path = tmp_path / "archive.sqlite3"
    crawled = stored(archive_path)
    (wita,) = [a for a in crawled.values() if a["source_id"] == "timur-tanpa-wilayah"]
    assert wita["published_at"].isoformat() == "2024-10-02T09:30:00+08:00"
    assert wita["published_at"].utcoffset() == timedelta(hours=8)
    assert len(crawled) > 40

    with Archive.open(archive_path) as archive:
        assert archive.get_source("timur-tanpa-wilayah").timezone == "WITA"
        result = reparse_archive(archive)
    assert result.articles == len(crawled)
    assert stored(archive_path) == crawled


def test_the_source_timezone_is_a_field_kept_by_the_archive(tmp_path):
    from pantau.schema import Source

    entries = load_registry(REGISTRY_PATH)
    assert entries.get("suaratimur").resolve("http://127.0.0.1:1").to_source().timezone == "WITA"
    assert entries.get("bawaslu-papua").resolve().to_source().timezone == "WIT"
    assert entries.get("kabarpantura").resolve("http://127.0.0.1:1").to_source().timezone == "WIB"
    by_region = Source(id="makassar", name="Makassar", type="news", base_url="https://m.id/", region_code="73.71")
    no_region = Source(id="kupang", name="Kupang", type="news", base_url="https://k.id/", timezone="WITA")
    assert by_region.timezone == "WITA"  # none given: the region's zone
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        for source in (by_region, no_region):
            archive.upsert_source(source)
            assert archive.get_source(source.id).timezone == source.timezone == "WITA"
