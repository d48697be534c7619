"""The archive: one SQLite file holding every stage's output.

    with Archive.open() as archive:            # PANTAU_DATA_DIR/archive.sqlite3
        with archive.transaction():            # group writes: all or nothing
            archive.upsert_source(source)
            archive.put_capture(capture)
            archive.upsert_article(article)

Each write method is atomic on its own; inside ``transaction()`` it joins the caller's
transaction. Reads return the pydantic models of ``pantau.schema``; missing ids raise
:class:`~pantau.errors.NotFound`. To add tables, see :mod:`pantau.store.migrations`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from pantau.errors import ArchiveError, NotFound
from pantau.ids import normalize_url
from pantau.schema import Annotation, Article, Capture, Source
from pantau.store import rows
from pantau.store.db import connect, transaction
from pantau.store.migrations import migrate

_UPSERT_SOURCE = rows.upsert_sql("sources", rows.SOURCE_COLUMNS, ("id",))
_INSERT_CAPTURE = rows.insert_ignore_sql("captures", rows.CAPTURE_COLUMNS)
_UPSERT_ARTICLE = rows.upsert_sql("articles", rows.ARTICLE_COLUMNS, ("id",))
_UPSERT_ANNOTATION = rows.upsert_sql("annotations", rows.ANNOTATION_COLUMNS,
                                     ("article_id", "pipeline_version"))
_CAPTURE_BATCH = 100


class Archive:
    """A connection to the archive database. Not shared between threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Archive:
        """Open the archive at ``path`` (default: the settings' ``archive_path``), creating
        it and its parent directories if needed and migrating it to the current schema."""
        if path is None:
            from pantau.settings import get_settings

            path = get_settings().archive_path
        path = Path(path)
        conn = connect(path)
        conn.row_factory = sqlite3.Row
        try:
            migrate(conn, name=f"archive at {path}")
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on error); nests as a savepoint."""
        return transaction(self.conn)

    def _write(self, sql: str, params: dict, what: str) -> sqlite3.Cursor:
        try:
            with self.transaction():
                return self.conn.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise ArchiveError(f"cannot store {what}: {exc} (is what it refers to stored?)",
                               detail={"what": what}) from exc

    def _one(self, sql: str, params: tuple, what: str) -> sqlite3.Row:
        row = self.conn.execute(sql, params).fetchone()
        if row is None:
            raise NotFound(f"{what} not found", detail={"what": what})
        return row

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- sources ---------------------------------------------------------------------

    def upsert_source(self, source: Source) -> None:
        self._write(_UPSERT_SOURCE, rows.source_row(source), f"source {source.id}")

    def get_source(self, source_id: str) -> Source:
        row = self._one("SELECT * FROM sources WHERE id = ?", (source_id,), f"source {source_id}")
        return rows.source_from_row(row)

    def list_sources(self) -> list[Source]:
        return [rows.source_from_row(r) for r in self.conn.execute("SELECT * FROM sources ORDER BY id")]

    # -- captures --------------------------------------------------------------------

    def put_capture(self, capture: Capture) -> bool:
        """Store a capture unless its id is already stored; return whether it was new.

        ``capture.id`` should be ``pantau.ids.capture_id(capture.url, capture.sha256)``;
        ``capture.sha256`` must be the sha256 of ``capture.body`` (else InvalidInput).
        """
        cursor = self._write(_INSERT_CAPTURE, rows.capture_row(capture), f"capture {capture.id}")
        return cursor.rowcount == 1

    def get_capture(self, capture_id: str) -> Capture:
        """The capture with its body decompressed and checked against its sha256."""
        row = self._one("SELECT * FROM captures WHERE id = ?", (capture_id,), f"capture {capture_id}")
        return rows.capture_from_row(row)

    def iter_captures(self, source_id: str | None = None) -> Iterator[Capture]:
        """Every capture (of one source), by id, read in batches so writes can interleave."""
        for row in self._batches("captures", "id", _CAPTURE_BATCH, source_id):
            yield rows.capture_from_row(row)

    def latest_capture_for_url(self, url: str) -> Capture | None:
        """The most recently fetched capture of ``url`` (compared after normalize_url), or
        None if the URL was never captured."""
        row = self.conn.execute(
            "SELECT * FROM captures WHERE url_key = ? ORDER BY fetched_at DESC, rowid DESC LIMIT 1",
            (normalize_url(url),)).fetchone()
        return None if row is None else rows.capture_from_row(row)

    # -- articles --------------------------------------------------------------------

    def upsert_article(self, article: Article) -> None:
        self._write(_UPSERT_ARTICLE, rows.article_row(article), f"article {article.id}")

    def get_article(self, article_id: str) -> Article:
        row = self._one("SELECT * FROM articles WHERE id = ?", (article_id,), f"article {article_id}")
        return rows.article_from_row(row)

    def iter_articles(self, batch_size: int = 500, source_id: str | None = None) -> Iterator[Article]:
        """Every article (of one source), by id, read ``batch_size`` at a time. Each batch is
        its own query, so the caller may write to the archive while iterating."""
        for row in self._batches("articles", "id", batch_size, source_id):
            yield rows.article_from_row(row)

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- annotations -----------------------------------------------------------------

    def put_annotation(self, annotation: Annotation) -> None:
        """Store the annotation of (article_id, pipeline_version), replacing an earlier one."""
        self._write(_UPSERT_ANNOTATION, rows.annotation_row(annotation),
                    f"annotation of article {annotation.article_id}")

    def get_annotation(self, article_id: str, version: str | None = None) -> Annotation:
        """The annotation of one pipeline version, or (``version=None``) the most recently
        created one (by ``created_at``, then pipeline version)."""
        if version is None:
            row = self._one(
                "SELECT data FROM annotations WHERE article_id = ? "
                "ORDER BY created_at DESC, pipeline_version DESC LIMIT 1",
                (article_id,), f"annotation of article {article_id}")
        else:
            row = self._one(
                "SELECT data FROM annotations WHERE article_id = ? AND pipeline_version = ?",
                (article_id, version), f"annotation {version} of article {article_id}")
        return rows.annotation_from_row(row)

    def articles_without_annotation(self, version: str, limit: int = 500) -> list[Article]:
        """Up to ``limit`` articles (by id) that have no annotation of ``version`` yet: call
        repeatedly, storing annotations in between, to resume an interrupted analysis."""
        cursor = self.conn.execute(
            "SELECT a.* FROM articles a WHERE NOT EXISTS (SELECT 1 FROM annotations n "
            "WHERE n.article_id = a.id AND n.pipeline_version = ?) ORDER BY a.id LIMIT ?",
            (version, int(limit)))
        return [rows.article_from_row(r) for r in cursor]

    def annotations_by_version(self) -> dict[str, int]:
        cursor = self.conn.execute(
            "SELECT pipeline_version, count(*) FROM annotations GROUP BY pipeline_version "
            "ORDER BY pipeline_version")
        return {version: n for version, n in cursor}

    # -- overview --------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per stage: ``sources``, ``captures``, ``articles``, ``annotated_articles``
        (with an annotation of any version), ``annotations``, one
        ``annotations:<pipeline_version>`` per version, ``officials`` (registry persons),
        ``cases``, and ``schema_version``."""
        def count(sql: str) -> int:
            return self.conn.execute(sql).fetchone()[0]

        by_version = self.annotations_by_version()
        result = {
            "sources": count("SELECT count(*) FROM sources"),
            "captures": count("SELECT count(*) FROM captures"),
            "articles": count("SELECT count(*) FROM articles"),
            "annotated_articles": count("SELECT count(DISTINCT article_id) FROM annotations"),
            "annotations": sum(by_version.values()),
        }
        result.update({f"annotations:{v}": n for v, n in by_version.items()})
        result["officials"] = count("SELECT count(*) FROM officials")
        result["cases"] = count("SELECT count(*) FROM cases")
        result["schema_version"] = self.schema_version()
        return result

    def _batches(self, table: str, key: str, size: int, source_id: str | None) -> Iterator[sqlite3.Row]:
        if size < 1:
            raise ValueError("batch size must be at least 1")
        where = "" if source_id is None else " AND source_id = :source"
        sql = f"SELECT * FROM {table} WHERE {key} > :after{where} ORDER BY {key} LIMIT :size"
        after = ""
        while True:
            batch = self.conn.execute(sql, {"after": after, "source": source_id, "size": size}).fetchall()
            yield from batch
            if len(batch) < size:
                return
            after = batch[-1][key]
