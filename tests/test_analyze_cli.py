"""``pantau analyze`` on a small archive filled through the store API."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from nlp.pipeline import PIPELINE_VERSION
from pantau.cli import app
from pantau.ids import article_id, capture_id, content_hash
from pantau.schema import Article, Capture, Source
from pantau.store import Archive

WIB = timezone(timedelta(hours=7))
TEXTS = [
    "Bawaslu Kabupaten Batang memanggil seorang kepala desa yang mengunggah foto pasangan calon "
    "di Facebook pada Senin (14/10/2024).",
    "Penjabat Bupati Kendal mengingatkan ASN agar tidak menghadiri kampanye, Rabu (16/10/2024).",
    "Sebanyak 52 dugaan pelanggaran netralitas ASN tercatat di Jawa Tengah hingga 30 September 2024.",
    "Camat di Kota Pekalongan diperiksa karena memasang baliho calon wali kota, Jumat (4/10/2024).",
    "ASN dilarang menjadi anggota partai politik, sesuai UU Nomor 20 Tahun 2023 tentang ASN.",
    "Apel netralitas digelar di alun-alun pada 21 Oktober 2024 dan diikuti 900 pegawai.",
    "Guru honorer di Kabupaten Pati diklarifikasi Bawaslu, Selasa (8/10/2024), soal unggahan dukungan.",
]


def fill(path, texts=TEXTS) -> list[str]:
    ids = []
    with Archive.open(path) as archive, archive.transaction():
        archive.upsert_source(Source(id="warta", name="Warta", type="news",
                                     base_url="https://warta.contoh.id/", region_code="33.25"))
        archive.upsert_source(Source(id="nasional", name="Nasional", type="news",
                                     base_url="https://nasional.contoh.id/"))
        for i, text in enumerate(texts):
            source = "warta" if i % 2 == 0 else "nasional"
            url = f"https://{source}.contoh.id/berita/{i}"
            body = f"<html><p>{text}</p></html>".encode()
            sha = hashlib.sha256(body).hexdigest()
            cap = Capture(id=capture_id(url, sha), source_id=source, url=url, final_url=url,
                          status=200, body=body, sha256=sha)
            archive.put_capture(cap)
            art = Article(id=article_id(url), capture_id=cap.id, source_id=source, url=url,
                          canonical_url=url, title=f"Berita {i}", text=text, author="Redaksi",
                          published_at=datetime(2024, 10, 22, 9, 0, tzinfo=WIB),
                          content_hash=content_hash(text.encode()), parser="test", parser_version="1")
            archive.upsert_article(art)
            ids.append(art.id)
    return ids


def run(path, *args):
    result = CliRunner().invoke(app, ["analyze", "--archive", str(path), *args])
    return result


def annotated(path) -> dict[str, int]:
    with Archive.open(path) as archive:
        return archive.annotations_by_version()


@pytest.fixture
def archive_path(tmp_path):
    path = tmp_path / "archive.sqlite3"
    fill(path)
    return path


def test_analyze_in_batches_with_limit_then_resume(archive_path):
    result = run(archive_path, "--batch-size", "3", "--limit", "4")
    assert result.exit_code == 0, result.output
    assert annotated(archive_path) == {PIPELINE_VERSION: 4}
    assert "4 articles annotated" in result.output
    result = run(archive_path, "--batch-size", "3")
    assert result.exit_code == 0, result.output
    assert annotated(archive_path) == {PIPELINE_VERSION: len(TEXTS)}
    result = run(archive_path)
    assert result.exit_code == 0 and "nothing to do" in result.output


def test_annotation_holds_evidence_and_version(archive_path):
    assert run(archive_path).exit_code == 0
    with Archive.open(archive_path) as archive:
        art = next(a for a in archive.iter_articles() if "Senin (14/10/2024)" in a.text)
        ann = archive.get_annotation(art.id, PIPELINE_VERSION)
    assert ann.pipeline_version == PIPELINE_VERSION
    assert [str(d.date) for d in ann.dates] == ["2024-10-14"]
    combined = f"{art.title}\n\n{art.text}"
    ev = ann.dates[0].evidence
    assert combined[ev.start:ev.end] == ev.text == "14/10/2024"


def test_source_region_is_the_default_region(archive_path, monkeypatch):
    import nlp.runner

    seen = {}
    original = nlp.runner.make_doc

    def spy(nlp_, item):
        seen[item.url] = item.default_region
        return original(nlp_, item)

    monkeypatch.setattr(nlp.runner, "make_doc", spy)
    assert run(archive_path).exit_code == 0
    assert seen["https://warta.contoh.id/berita/0"] == "33.25"
    assert seen["https://nasional.contoh.id/berita/1"] is None


def test_a_crash_loses_at_most_one_batch(archive_path, monkeypatch):
    calls = {"n": 0}
    original = Archive.put_annotation

    def flaky(self, annotation):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("disk full")
        return original(self, annotation)

    monkeypatch.setattr(Archive, "put_annotation", flaky)
    result = run(archive_path, "--batch-size", "2")
    assert result.exit_code != 0
    assert annotated(archive_path) == {PIPELINE_VERSION: 4}  # two whole batches
    monkeypatch.setattr(Archive, "put_annotation", original)
    assert run(archive_path, "--batch-size", "2").exit_code == 0
    assert annotated(archive_path) == {PIPELINE_VERSION: len(TEXTS)}


def test_failing_article_is_reported_and_the_rest_stored(tmp_path, monkeypatch):
    import nlp.runner

    path = tmp_path / "archive.sqlite3"
    fill(path, TEXTS[:3] + ["MELEDAK di sini."])
    original = nlp.runner.run_docs

    def explode(nlp_, docs, batch_size):
        if any("MELEDAK" in d.text for d in docs):
            raise ValueError("component crashed")
        return original(nlp_, docs, batch_size)

    monkeypatch.setattr(nlp.runner, "run_docs", explode)
    result = run(path, "--batch-size", "2")
    assert result.exit_code == 1
    assert "failed" in result.output and "component crashed" in result.output
    assert annotated(path) == {PIPELINE_VERSION: 3}
