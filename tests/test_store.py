"""The archive store against a real SQLite file."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from datetime import date, datetime, timedelta, timezone

import pytest

from pantau.errors import ArchiveError, InvalidInput, NotFound
from pantau.ids import article_id, capture_id, content_hash
from pantau.schema import (Annotation, Article, Capture, DateMention, Evidence, FieldMethod,
                           IncidentMention, OfficialMention, RegionMention, Source,
                           ViolationMention)
from pantau.settings import get_settings
from pantau.store import Archive
from pantau.store.migrations import MIGRATIONS, Migration, latest_version, migrate, split_statements

T0 = datetime(2024, 11, 5, 8, 30, tzinfo=timezone.utc)
WIB = timezone(timedelta(hours=7))


def make_source(sid: str = "warta-jateng", **kw) -> Source:
    return Source(id=sid, name="Warta Jateng", type="news", base_url="https://warta.example.id/",
                  region_code="33", config={"sitemaps": ["https://warta.example.id/sitemap.xml"],
                                            "delay": 1.5}, **kw)


def make_capture(url: str = "https://warta.example.id/berita/1", body: bytes | None = None,
                 source_id: str = "warta-jateng", fetched_at: datetime = T0) -> Capture:
    body = body if body is not None else b"<html>\x00\xff Camat \xe2\x80\x94 ASN</html>" * 50
    sha = hashlib.sha256(body).hexdigest()
    return Capture(id=capture_id(url, sha), source_id=source_id, url=url, final_url=url + "?x=1",
                   status=200, headers={"content-type": "text/html; charset=utf-8"}, body=body,
                   sha256=sha, fetched_at=fetched_at)


def make_article(capture: Capture, **kw) -> Article:
    text = "Bawaslu Kabupaten Demak menemukan Camat yang mengunggah dukungan di media sosial."
    fields = dict(id=article_id(capture.url), capture_id=capture.id, source_id=capture.source_id,
                  url=capture.url, canonical_url=capture.url, title="ASN tidak netral", text=text,
                  author="Redaksi", published_at=datetime(2024, 11, 4, 19, 0, tzinfo=WIB),
                  section="Pilkada", content_hash=content_hash(text.encode()), cluster_id="c1",
                  parser="generic", parser_version="2",
                  methods=[FieldMethod(field="title", method="json-ld"),
                           FieldMethod(field="published_at", method="htmldate")],
                  parsed_at=T0 + timedelta(minutes=1))
    fields.update(kw)
    return Article(**fields)


def make_annotation(article: Article, version: str = "nlp-1", created_at: datetime = T0,
                    doc_type: str = "incident") -> Annotation:
    ev = Evidence(text="Camat", start=34, end=39, sentence=article.text)
    return Annotation(
        article_id=article.id, pipeline_version=version, doc_type=doc_type,
        violation_types=[ViolationMention(type="social_media", evidence=[ev])],
        regions=[RegionMention(code="33.21", level="kabupaten", name="Demak", parents=["33"],
                               evidence=[ev])],
        officials=[OfficialMention(name="Budi", role="camat", org="Kecamatan Mranggen",
                                   region_code="33.21", evidence=[ev])],
        dates=[DateMention(date=date(2024, 11, 4), evidence=ev)],
        incidents=[IncidentMention(subject="Camat", act="mengunggah dukungan", stage="reported",
                                   violation_type="social_media", evidence=ev)],
        created_at=created_at)


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "a" / "archive.sqlite3") as archive:
        yield archive


@pytest.fixture
def stored(archive):
    """An archive holding one source, capture, article and annotation."""
    source = make_source()
    capture = make_capture()
    article = make_article(capture)
    annotation = make_annotation(article)
    archive.upsert_source(source)
    archive.put_capture(capture)
    archive.upsert_article(article)
    archive.put_annotation(annotation)
    return archive, source, capture, article, annotation


def table_count(archive: Archive, table: str) -> int:
    return archive.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- connection and migrations -----------------------------------------------------------

def test_open_creates_parent_dirs_and_sets_pragmas(tmp_path):
    path = tmp_path / "deep" / "er" / "archive.sqlite3"
    with Archive.open(path) as archive:
        conn = archive.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == get_settings().sqlite_busy_timeout_ms
        assert archive.schema_version() == latest_version()
    assert path.is_file()


def test_open_without_path_uses_settings(data_dir, monkeypatch):
    monkeypatch.setenv("PANTAU_SQLITE_BUSY_TIMEOUT_MS", "1234")
    get_settings.cache_clear()
    with Archive.open() as archive:
        assert archive.path == data_dir / "archive.sqlite3"
        assert archive.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
    assert (data_dir / "archive.sqlite3").is_file()


def test_migrates_an_empty_file_and_reopens_without_change(tmp_path):
    path = tmp_path / "archive.sqlite3"
    path.touch()
    with Archive.open(path) as archive:
        archive.upsert_source(make_source())
        schema = archive.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    with Archive.open(path) as archive:
        assert archive.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
        assert archive.counts()["sources"] == 1
        assert archive.counts()["schema_version"] == latest_version()


def test_older_archive_is_migrated_forward(tmp_path):
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.upsert_source(make_source())
    later = MIGRATIONS + [Migration(latest_version() + 1, "ledger",
                                    "CREATE TABLE ledger (url TEXT PRIMARY KEY, note TEXT DEFAULT 'a;b');"
                                    "INSERT INTO ledger (url) SELECT base_url FROM sources;")]
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(conn, later) == latest_version() + 1
        assert migrate(conn, later) == latest_version() + 1  # idempotent
        assert conn.execute("SELECT url, note FROM ledger").fetchall() == [
            ("https://warta.example.id/", "a;b")]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version() + 1
    finally:
        conn.close()


def test_failed_migration_leaves_the_archive_at_its_old_version(tmp_path):
    path = tmp_path / "archive.sqlite3"
    Archive.open(path).close()
    broken = MIGRATIONS + [Migration(latest_version() + 1, "broken",
                                     "CREATE TABLE ok_table (x); CREATE TABLE sources (x);")]
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(ArchiveError, match="migrating"):
            migrate(conn, broken)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ok_table'").fetchone()[0] == 0
    finally:
        conn.close()


def test_newer_archive_is_refused(tmp_path):
    path = tmp_path / "archive.sqlite3"
    Archive.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    with pytest.raises(ArchiveError, match="upgrade Pantau") as info:
        Archive.open(path)
    assert info.value.detail["schema_version"] == latest_version() + 5


def test_not_a_database_is_an_archive_error(tmp_path):
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError):
        Archive.open(path)


def test_migration_versions_are_contiguous_and_statements_split():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    script = ("CREATE TABLE t (x TEXT DEFAULT ';');\n"
              "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES ('y'); END;\n")
    assert len(split_statements(script)) == 2


# -- round trips and idempotency -----------------------------------------------------------

def test_source_round_trip_and_upsert(archive):
    source = make_source()
    archive.upsert_source(source)
    archive.upsert_source(source)
    assert archive.get_source(source.id) == source
    changed = source.model_copy(update={"name": "Warta Jawa Tengah", "enabled": False})
    archive.upsert_source(changed)
    archive.upsert_source(make_source("bawaslu-demak", ))
    assert archive.get_source(source.id) == changed
    assert [s.id for s in archive.list_sources()] == ["bawaslu-demak", "warta-jateng"]
    assert table_count(archive, "sources") == 2


def test_capture_round_trip_is_byte_identical_and_compressed(stored):
    archive, _, capture, _, _ = stored
    got = archive.get_capture(capture.id)
    assert got == capture
    assert got.body == capture.body
    stored_body, size, sha = archive.conn.execute(
        "SELECT body, size, sha256 FROM captures WHERE id = ?", (capture.id,)).fetchone()
    assert stored_body != capture.body and len(stored_body) < len(capture.body)
    assert zlib.decompress(stored_body) == capture.body
    assert (size, sha) == (len(capture.body), hashlib.sha256(capture.body).hexdigest())


def test_put_capture_is_insert_or_ignore(stored):
    archive, _, capture, _, _ = stored
    assert archive.put_capture(capture) is False
    assert archive.put_capture(capture.model_copy(update={"status": 500})) is False
    assert archive.get_capture(capture.id).status == 200
    assert table_count(archive, "captures") == 1
    other = make_capture(body=b"changed page")
    assert archive.put_capture(other) is True
    assert table_count(archive, "captures") == 2


def test_capture_with_wrong_sha256_is_refused(stored):
    archive, _, capture, _, _ = stored
    bad = capture.model_copy(update={"id": "other", "sha256": "0" * 64})
    with pytest.raises(InvalidInput):
        archive.put_capture(bad)


def test_corrupted_capture_body_is_detected(stored):
    archive, _, capture, _, _ = stored
    archive.conn.execute("UPDATE captures SET body = ? WHERE id = ?",
                         (zlib.compress(b"tampered"), capture.id))
    with pytest.raises(ArchiveError, match="sha256"):
        archive.get_capture(capture.id)


def test_capture_needs_its_source(archive):
    with pytest.raises(ArchiveError, match="capture"):
        archive.put_capture(make_capture(source_id="unknown"))
    assert table_count(archive, "captures") == 0


def test_iter_captures_and_latest_capture_for_url(archive):
    archive.upsert_source(make_source())
    archive.upsert_source(make_source("other"))
    url = "https://warta.example.id/berita/1"
    old = make_capture(url, b"old", fetched_at=T0)
    new = make_capture(url, b"new", fetched_at=T0 + timedelta(days=1))
    elsewhere = make_capture("https://other.example.id/", b"x", source_id="other")
    for capture in (new, old, elsewhere):
        archive.put_capture(capture)
    assert sorted(c.id for c in archive.iter_captures()) == sorted([old.id, new.id, elsewhere.id])
    assert [c.id for c in archive.iter_captures(source_id="other")] == [elsewhere.id]
    assert archive.latest_capture_for_url(url).body == b"new"
    assert archive.latest_capture_for_url("https://WARTA.example.id/berita/1/?utm_source=x").id == new.id
    assert archive.latest_capture_for_url("https://warta.example.id/never") is None


def test_article_round_trip_and_upsert(stored):
    archive, _, capture, article, _ = stored
    got = archive.get_article(article.id)
    assert got == article
    assert got.methods == article.methods and got.parser_version == "2"
    assert got.published_at.utcoffset() == timedelta(hours=7)
    reparsed = article.model_copy(update={"title": "Judul baru", "parser_version": "3",
                                          "methods": [FieldMethod(field="title", method="css")]})
    archive.upsert_article(reparsed)
    archive.upsert_article(reparsed)
    assert archive.get_article(article.id) == reparsed
    assert archive.count_articles() == 1


def test_iter_articles_in_batches_while_writing(archive):
    archive.upsert_source(make_source())
    archive.upsert_source(make_source("other"))
    ids = []
    for i in range(7):
        capture = make_capture(f"https://warta.example.id/berita/{i}",
                               source_id="other" if i == 3 else "warta-jateng")
        archive.put_capture(capture)
        article = make_article(capture)
        archive.upsert_article(article)
        ids.append(article.id)
    seen = []
    for article in archive.iter_articles(batch_size=2):
        seen.append(article.id)
        archive.put_annotation(make_annotation(article))  # writing while iterating
    assert seen == sorted(ids)
    assert len(list(archive.iter_articles(source_id="other"))) == 1
    assert archive.count_articles() == 7
    with pytest.raises(ValueError):
        list(archive.iter_articles(batch_size=0))


def test_annotation_round_trip_replace_and_latest(stored):
    archive, _, _, article, annotation = stored
    assert archive.get_annotation(article.id, "nlp-1") == annotation
    assert archive.get_annotation(article.id) == annotation
    redone = make_annotation(article, "nlp-1", T0 + timedelta(hours=1), doc_type="prevention")
    archive.put_annotation(redone)
    assert archive.get_annotation(article.id, "nlp-1") == redone
    assert table_count(archive, "annotations") == 1
    assert archive.conn.execute("SELECT doc_type FROM annotations").fetchone()[0] == "prevention"
    newer = make_annotation(article, "nlp-2", T0 + timedelta(days=1))
    archive.put_annotation(newer)
    assert archive.get_annotation(article.id) == newer
    assert archive.get_annotation(article.id, "nlp-1") == redone


def test_annotation_needs_its_article(archive):
    ghost = make_article(make_capture())
    with pytest.raises(ArchiveError):
        archive.put_annotation(make_annotation(ghost))


def test_not_found(stored):
    archive, _, _, article, _ = stored
    for call in (lambda: archive.get_source("nope"), lambda: archive.get_capture("nope"),
                 lambda: archive.get_article("nope"), lambda: archive.get_annotation("nope"),
                 lambda: archive.get_annotation(article.id, "nlp-9")):
        with pytest.raises(NotFound):
            call()


def test_articles_without_annotation_honours_the_version(archive):
    archive.upsert_source(make_source())
    articles = []
    for i in range(5):
        capture = make_capture(f"https://warta.example.id/berita/{i}")
        archive.put_capture(capture)
        articles.append(make_article(capture))
        archive.upsert_article(articles[-1])
    all_ids = sorted(a.id for a in articles)
    for article in articles[:3]:
        archive.put_annotation(make_annotation(article, "nlp-1"))
    pending = archive.articles_without_annotation("nlp-1", limit=10)
    assert sorted(a.id for a in pending) == sorted(a.id for a in articles[3:])
    assert pending[0] in articles
    assert [a.id for a in archive.articles_without_annotation("nlp-2", limit=10)] == all_ids
    assert [a.id for a in archive.articles_without_annotation("nlp-2", limit=2)] == all_ids[:2]
    # resuming: annotate a batch at a time until nothing is left
    rounds = 0
    while batch := archive.articles_without_annotation("nlp-2", limit=2):
        rounds += 1
        for article in batch:
            archive.put_annotation(make_annotation(article, "nlp-2"))
    assert rounds == 3
    assert archive.articles_without_annotation("nlp-1", limit=10) == pending


def test_transaction_groups_writes_and_rolls_back(archive):
    source = make_source()
    with pytest.raises(RuntimeError):
        with archive.transaction():
            archive.upsert_source(source)
            archive.put_capture(make_capture())
            raise RuntimeError("crash in the middle")
    assert archive.counts()["sources"] == 0 and archive.counts()["captures"] == 0
    with archive.transaction():
        archive.upsert_source(source)
        with pytest.raises(ArchiveError):  # fails inside, caught: only it is undone
            archive.put_capture(make_capture(source_id="unknown"))
        archive.put_capture(make_capture())
    assert archive.counts()["sources"] == 1 and archive.counts()["captures"] == 1


def test_counts(stored):
    archive, _, _, article, _ = stored
    archive.put_annotation(make_annotation(article, "nlp-2"))
    capture = make_capture("https://warta.example.id/berita/2")
    archive.put_capture(capture)
    archive.upsert_article(make_article(capture))
    assert archive.counts() == {
        "sources": 1, "captures": 2, "articles": 2, "annotated_articles": 1, "annotations": 2,
        "annotations:nlp-1": 1, "annotations:nlp-2": 1, "officials": 0, "cases": 0,
        "schema_version": latest_version(),
    }



def test_many_connections_creating_a_new_archive_at_once_all_succeed(tmp_path):
    # Writers racing to create the same archive (a crawl's worker and the CLI, say) must all
    # get a WAL connection. SQLite answers "database is locked" at once to a racing
    # journal-mode switch; the race is rare, so try it many times.
    import threading

    from pantau.store.db import connect

    errors = []
    for round_ in range(150):
        path = tmp_path / f"race{round_}" / "archive.sqlite3"
        barrier = threading.Barrier(8)

        def open_close():
            barrier.wait()
            try:
                connect(path, busy_timeout_ms=5000).close()
            except Exception as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(str(exc))

        threads = [threading.Thread(target=open_close) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
