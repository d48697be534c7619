"""The officials stage on the archive: it never crashes on its own input (issue 18 item 3)."""

from __future__ import annotations

from pantau.schema import Annotation, OfficialMention
from pantau.store import Archive
from pantau.store import officials as registry
from tests.test_store import make_article, make_capture, make_source


def _annotate(archive: Archive, n: int, officials: list[OfficialMention]) -> list[str]:
    archive.upsert_source(make_source())
    ids = []
    for i in range(n):
        capture = make_capture(url=f"https://warta.example.id/berita/{i}")
        archive.put_capture(capture)
        article = make_article(capture, title=f"Berita {i}")
        archive.upsert_article(article)
        archive.put_annotation(Annotation(article_id=article.id, pipeline_version="nlp-1",
                                          doc_type="incident", officials=officials))
        ids.append(article.id)
    return ids


def test_officials_stage_on_bare_mentions_does_not_crash(tmp_path):
    bare = [OfficialMention(name="Budi", role="camat", org=None, region_code=None)]
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        articles = _annotate(archive, 3, bare)
        counts = registry.rebuild(archive)
        assert counts == {"mentions": 3, "officials": 3}
        rows = archive.conn.execute("SELECT id, article_count FROM officials").fetchall()
        assert len({r[0] for r in rows}) == 3 and {r[1] for r in rows} == {1}
        assert {registry.refs_of_article(archive.conn, a)[0]["id"] for a in articles} == {r[0] for r in rows}
