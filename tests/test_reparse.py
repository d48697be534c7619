"""``pantau reparse``: an archive filled with captures of the fixture pages (through the
Archive API) is parsed again without the network: the expected articles, multi-page and AMP
captures folded into one article, failures counted by reason, clusters set, idempotent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.parsing import PARSER_VERSION
from crawler.reparse import reparse_archive
from pantau.ids import article_id, capture_id, content_hash
from pantau.schema import Article, Capture, Source
from pantau.store import Archive

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = tomllib.loads((PAGES / "pages.toml").read_text(encoding="utf-8"))
FETCHED = datetime(2024, 11, 25, 1, 0, tzinfo=timezone.utc)
REPUBLISHED_URL = "https://kabarkedu.com/2024/11/19/bawaslu-temanggung-gelar-apel-siaga/"


def capture(url: str, body: bytes, source: str = "fixtures", status: int = 200,
            headers: dict | None = None, minutes: int = 0) -> Capture:
    digest = content_hash(body)
    return Capture(id=capture_id(url, digest), source_id=source, url=url, final_url=url, status=status,
                   headers=headers or {"Content-Type": "text/html"}, body=body, sha256=digest,
                   fetched_at=FETCHED + timedelta(minutes=minutes))


def republished_release() -> bytes:
    """The Bawaslu release as another site republishes it: other chrome, same text."""
    html = (PAGES / "bawaslu_release.html").read_text(encoding="utf-8")
    html = html.replace("| Bawaslu Kabupaten Temanggung</title>", "- Kabar Kedu</title>")
    return html.replace("BAWASLU KABUPATEN TEMANGGUNG", "KABAR KEDU").encode()


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.upsert_source(Source(id="fixtures", name="Fixture pages", type="news", base_url="https://x.id/"))
        archive.upsert_source(Source(id="kabarkedu", name="Kabar Kedu", type="news",
                                     base_url="https://kabarkedu.com/", region_code="33.08"))
        for minutes, (name, spec) in enumerate(EXPECTED.items()):
            archive.put_capture(capture(spec["url"], (PAGES / spec["file"]).read_bytes(),
                                        headers=spec["headers"], minutes=minutes))
        archive.put_capture(capture(REPUBLISHED_URL, republished_release(), source="kabarkedu"))
        archive.put_capture(capture("https://x.id/unduhan/edaran.pdf", b"%PDF-1.4\n...",
                                    headers={"Content-Type": "application/pdf"}))
        archive.put_capture(capture("https://x.id/hilang", b"<html><title>404</title></html>", status=404))
        archive.put_capture(capture("https://x.id/kosong", b""))
        yield archive


def stored(archive) -> dict[str, dict]:
    return {a.id: a.model_dump(exclude={"parsed_at"}) for a in archive.iter_articles()}


def test_reparse_builds_the_expected_articles(archive):
    summary = reparse_archive(archive)
    assert summary.captures == len(EXPECTED) + 4
    assert summary.articles == 7 and archive.count_articles() == 7
    assert dict(summary.failed) == {"not_html": 1, "http 404": 1, "empty": 1}
    assert summary.skipped["continuation page (joined to page 1)"] == 1
    assert summary.skipped["other capture of the same article"] == 1  # the AMP page

    network = archive.get_article(article_id(EXPECTED["network_p1"]["url"]))
    assert network.title == EXPECTED["network_p1"]["title"]
    assert network.text.startswith(EXPECTED["network_p1"]["body_start"])
    assert network.text.endswith(EXPECTED["network_p2"]["body_end"])  # page 2 joined
    assert network.url == EXPECTED["network_p1"]["url"]  # the normal page wins over AMP
    assert {m.field: m.method for m in network.methods}["text"] == "trafilatura+joined:2"

    for name in ("wp_kabarkedu", "bawaslu_release", "wrong_encoding", "malformed", "latin1_declared"):
        spec = EXPECTED[name]
        item = archive.get_article(article_id(spec["canonical_url"]))
        assert (item.title, item.author, item.published_at) == \
            (spec["title"], spec["author"], datetime.fromisoformat(spec["published_at"]))
        assert item.parser_version == PARSER_VERSION and item.source_id == "fixtures"


def test_reparse_clusters_the_republished_release(archive):
    reparse_archive(archive)
    original = archive.get_article(article_id(EXPECTED["bawaslu_release"]["url"]))
    copy = archive.get_article(article_id(REPUBLISHED_URL))
    assert copy.source_id == "kabarkedu" and copy.title.startswith("Bawaslu Temanggung Gelar Apel")
    assert original.cluster_id == copy.cluster_id is not None
    others = {a.cluster_id for a in archive.iter_articles() if a.id not in (original.id, copy.id)}
    assert original.cluster_id not in others and len(others) == 5


def test_reparse_is_idempotent_and_replaces_old_versions(archive):
    network_id = article_id(EXPECTED["network_p1"]["url"])
    first = reparse_archive(archive)
    before = stored(archive)
    old = archive.get_article(network_id).model_copy(update={"parser_version": "0.0.1", "title": "lama"})
    archive.upsert_article(old)
    second = reparse_archive(archive)
    assert second.to_dict() == first.to_dict()
    assert stored(archive) == before


def test_reparse_one_source(archive):
    summary = reparse_archive(archive, "kabarkedu")
    assert summary.captures == 1 and summary.articles == 1
    assert [a.source_id for a in archive.iter_articles()] == ["kabarkedu"]


def test_reparse_command(archive, tmp_path):
    env = {**os.environ, "PANTAU_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "pantau.cli", "reparse", "--archive", str(archive.path)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert f"parser {PARSER_VERSION}: {len(EXPECTED) + 4} captures, 7 articles parsed" in run.stdout
    assert "not_html: 1" in run.stdout and "http 404: 1" in run.stdout
    as_json = subprocess.run([sys.executable, "-m", "pantau.cli", "reparse", "--archive", str(archive.path),
                              "--json", "--source", "kabarkedu"], env=env, capture_output=True, text=True,
                             timeout=120)
    assert json.loads(as_json.stdout)["articles"] == 1


def test_reparse_command_unknown_source(archive):
    from pantau.commands.reparse import reparse
    from pantau.errors import NotFound

    with pytest.raises(NotFound, match="no source 'nope'"):
        reparse(source="nope", archive_path=archive.path, as_json=False)


def test_article_rows_keep_the_page_offset(archive):
    reparse_archive(archive)
    item = archive.get_article(article_id(EXPECTED["wrong_encoding"]["canonical_url"]))
    assert item.published_at.utcoffset() == timedelta(hours=8)
    assert isinstance(item, Article)


def test_reparse_keeps_off_topic_pages_out_of_the_articles(archive):
    html = ("<html><head><title>Harga Cabai Rawit di Pasar Kliwon Turun</title></head><body><article>"
            "<h1>Harga Cabai Rawit di Pasar Kliwon Turun</h1>"
            + "<p>Harga cabai rawit di Pasar Kliwon turun menjadi Rp40.000 per kilogram setelah panen "
              "raya di lereng Gunung Sumbing. Pedagang mengaku pembeli kembali ramai menjelang akhir "
              "pekan, sementara harga bawang merah masih bertahan.</p>" * 6
            + "</article></body></html>").encode()
    url = "https://x.id/2024/11/20/harga-cabai-rawit-turun/"
    archive.put_capture(capture(url, html, minutes=90))
    summary = reparse_archive(archive)
    assert summary.skipped["off-topic"] == 1
    with pytest.raises(Exception):
        archive.get_article(article_id(url))


def test_the_parser_version_changes_with_any_parsing_code_or_data(tmp_path):
    import shutil

    from crawler.parsing.version import ROOT, parser_files, parser_version

    files = parser_files()
    assert set((ROOT / "crawler" / "parsing").glob("*.py")) <= set(files)
    assert ROOT / "pantau" / "data" / "calendar.toml" in files  # the month and day names dates.py reads
    for path in files:
        (tmp_path / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, tmp_path / path.relative_to(ROOT))
    assert parser_version(tmp_path) == PARSER_VERSION  # the checkout's content, wherever it lies
    seen = {PARSER_VERSION}
    for relative in ("crawler/parsing/text.py", "crawler/parsing/dates.py", "pantau/data/calendar.toml"):
        with (tmp_path / relative).open("a", encoding="utf-8") as handle:
            handle.write("\n# changed\n")
        seen.add(parser_version(tmp_path))
    (tmp_path / "crawler" / "parsing" / "new_rule.py").write_text("X = 1\n")
    seen.add(parser_version(tmp_path))
    assert len(seen) == 5
