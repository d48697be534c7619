"""Conversions between the pydantic models of ``pantau.schema`` and archive rows."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from datetime import datetime, timezone

from pantau.errors import ArchiveError, InvalidInput
from pantau.ids import normalize_url
from pantau.schema import Annotation, Article, Capture, Source

ZLIB_LEVEL = 6


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def utc_iso(value: datetime) -> str:
    """A sortable ISO 8601 string in UTC (naive datetimes are taken to be UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


# -- sources ---------------------------------------------------------------------------

SOURCE_COLUMNS = ("id", "name", "type", "base_url", "region_code", "enabled", "config")


def source_row(source: Source) -> dict:
    data = source.model_dump(mode="json")
    return {**data, "enabled": int(data["enabled"]), "config": dumps(data["config"])}


def source_from_row(row: sqlite3.Row) -> Source:
    return Source.model_validate({
        "id": row["id"], "name": row["name"], "type": row["type"], "base_url": row["base_url"],
        "region_code": row["region_code"], "enabled": bool(row["enabled"]),
        "config": json.loads(row["config"]),
    })


# -- captures --------------------------------------------------------------------------

CAPTURE_COLUMNS = ("id", "source_id", "url", "url_key", "final_url", "status", "headers",
                   "body", "size", "sha256", "fetched_at")


def capture_row(capture: Capture) -> dict:
    actual = hashlib.sha256(capture.body).hexdigest()
    if actual != capture.sha256:
        raise InvalidInput(f"capture {capture.id}: sha256 {capture.sha256} does not match its "
                           f"body ({actual})")
    return {
        "id": capture.id, "source_id": capture.source_id, "url": capture.url,
        "url_key": normalize_url(capture.url), "final_url": capture.final_url,
        "status": capture.status, "headers": dumps(capture.headers),
        "body": zlib.compress(capture.body, ZLIB_LEVEL), "size": len(capture.body),
        "sha256": capture.sha256, "fetched_at": utc_iso(capture.fetched_at),
    }


def capture_from_row(row: sqlite3.Row) -> Capture:
    try:
        body = zlib.decompress(row["body"])
    except zlib.error as exc:
        raise ArchiveError(f"capture {row['id']}: stored body is corrupt ({exc})") from exc
    if len(body) != row["size"] or hashlib.sha256(body).hexdigest() != row["sha256"]:
        raise ArchiveError(f"capture {row['id']}: stored body does not match its sha256")
    return Capture(
        id=row["id"], source_id=row["source_id"], url=row["url"], final_url=row["final_url"],
        status=row["status"], headers=json.loads(row["headers"]), body=body,
        sha256=row["sha256"], fetched_at=datetime.fromisoformat(row["fetched_at"]),
    )


# -- articles --------------------------------------------------------------------------

ARTICLE_COLUMNS = ("id", "capture_id", "source_id", "url", "canonical_url", "title", "text",
                   "author", "published_at", "language", "section", "content_hash",
                   "cluster_id", "parser", "parser_version", "methods", "parsed_at")


def article_row(article: Article) -> dict:
    data = article.model_dump(mode="json")
    data["methods"] = dumps(data["methods"])
    return data


def article_from_row(row: sqlite3.Row) -> Article:
    data = {name: row[name] for name in ARTICLE_COLUMNS}
    data["methods"] = json.loads(data["methods"])
    return Article.model_validate(data)


# -- annotations -----------------------------------------------------------------------

ANNOTATION_COLUMNS = ("article_id", "pipeline_version", "doc_type", "created_at", "data")


def annotation_row(annotation: Annotation) -> dict:
    data = annotation.model_dump(mode="json")
    return {
        "article_id": annotation.article_id, "pipeline_version": annotation.pipeline_version,
        "doc_type": data["doc_type"], "created_at": utc_iso(annotation.created_at),
        "data": dumps(data),
    }


def annotation_from_row(row: sqlite3.Row) -> Annotation:
    return Annotation.model_validate_json(row["data"])


def upsert_sql(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    """``INSERT ... ON CONFLICT(key) DO UPDATE`` of every non-key column (keeps rowids)."""
    names = ", ".join(columns)
    values = ", ".join(f":{c}" for c in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (f"INSERT INTO {table} ({names}) VALUES ({values}) "
            f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {updates}")


def insert_ignore_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(columns)
    values = ", ".join(f":{c}" for c in columns)
    return f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({values})"
