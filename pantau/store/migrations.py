"""Forward-only schema migrations of the archive.

The schema version of an archive is SQLite's ``PRAGMA user_version``: the version of the
last migration applied (0 for a new, empty file).

Adding tables (for example the NLP officials registry or the crawler's coverage ledger)
-------------------------------------------------------------------------------------

Append one :class:`Migration` to :data:`MIGRATIONS` with the next version number::

    Migration(2, "officials registry", '''
        CREATE TABLE officials (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            data TEXT NOT NULL            -- the pydantic model as JSON
        );
        CREATE INDEX officials_name ON officials(name);
    '''),

Rules:

- Never edit, reorder or remove a migration that has been committed: archives in the wild
  already carry it. Fix mistakes with a new migration.
- ``sql`` may hold several statements (triggers included); ``run`` may be a function
  ``(sqlite3.Connection) -> None`` for data changes SQL cannot express. Do not open or
  commit transactions in either: :func:`migrate` runs all pending migrations of one open in
  a single ``BEGIN IMMEDIATE`` transaction, so a crash leaves the archive at the old version.
- Put the read/write code for a new table in its own module (``pantau/store/<name>.py``)
  that takes an :class:`~pantau.store.archive.Archive` and uses ``archive.conn`` and
  ``archive.transaction()``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from pantau.errors import ArchiveError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str = ""
    run: Callable[[sqlite3.Connection], None] | None = None


INITIAL_SCHEMA = """
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    base_url TEXT NOT NULL,
    region_code TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    config TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE captures (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    url TEXT NOT NULL,
    url_key TEXT NOT NULL,            -- pantau.ids.normalize_url(url)
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,            -- JSON object
    body BLOB NOT NULL,               -- zlib-compressed raw bytes
    size INTEGER NOT NULL,            -- length of the uncompressed body
    sha256 TEXT NOT NULL,             -- of the uncompressed body
    fetched_at TEXT NOT NULL          -- ISO 8601, UTC
);
CREATE INDEX captures_source ON captures(source_id);
CREATE INDEX captures_url_key ON captures(url_key, fetched_at);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    capture_id TEXT NOT NULL REFERENCES captures(id),
    source_id TEXT NOT NULL REFERENCES sources(id),
    url TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT,
    published_at TEXT,
    language TEXT NOT NULL,
    section TEXT,
    content_hash TEXT NOT NULL,
    cluster_id TEXT,
    parser TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    methods TEXT NOT NULL,            -- JSON list of {field, method}
    parsed_at TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_capture ON articles(capture_id);
CREATE INDEX articles_canonical_url ON articles(canonical_url);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_cluster ON articles(cluster_id);

CREATE TABLE annotations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_version TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    created_at TEXT NOT NULL,         -- ISO 8601, UTC
    data TEXT NOT NULL,               -- the whole Annotation as JSON
    PRIMARY KEY (article_id, pipeline_version)
);
CREATE INDEX annotations_version ON annotations(pipeline_version);
CREATE INDEX annotations_doc_type ON annotations(doc_type);
"""

DEDUPE_SCHEMA = """
CREATE TABLE dedupe_signatures (
    article_id TEXT PRIMARY KEY,      -- not a foreign key: assigned before the article is stored
    content_hash TEXT NOT NULL,       -- sha256 of the normalised text (exact duplicates)
    scheme TEXT NOT NULL,             -- MinHash parameters; other schemes are not compared
    signature BLOB NOT NULL,          -- MinHash values, little-endian uint32
    cluster_id TEXT NOT NULL          -- = articles.cluster_id
);
CREATE INDEX dedupe_signatures_hash ON dedupe_signatures(content_hash);
CREATE INDEX dedupe_signatures_cluster ON dedupe_signatures(cluster_id);

CREATE TABLE dedupe_bands (
    band_key INTEGER NOT NULL,        -- 64-bit hash of (band number, band values)
    article_id TEXT NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX dedupe_bands_article ON dedupe_bands(article_id);
"""

CRAWL_SCHEMA = """
CREATE TABLE crawl_ledger (           -- coverage: one row per source per UTC day
    source_id TEXT NOT NULL,
    day TEXT NOT NULL,                -- YYYY-MM-DD (UTC)
    pages INTEGER NOT NULL DEFAULT 0,      -- responses received (discovery and article pages)
    articles INTEGER NOT NULL DEFAULT 0,   -- articles stored
    off_topic INTEGER NOT NULL DEFAULT 0,  -- parsed articles kept out by the relevance filter
    duplicates INTEGER NOT NULL DEFAULT 0, -- stored articles that joined another's cluster
    unchanged INTEGER NOT NULL DEFAULT 0,  -- 304 Not Modified on a refresh
    skipped TEXT NOT NULL DEFAULT '{}',    -- JSON {kind: count}: robots, document, not_html...
    failures TEXT NOT NULL DEFAULT '{}',   -- JSON {kind: count}: http_404, timeout, dns...
    last_success TEXT,                -- ISO 8601 UTC of the day's last successful fetch
    PRIMARY KEY (source_id, day)
);

CREATE TABLE crawl_urls (             -- the crawler's memory of each URL (incremental crawls)
    url_key TEXT PRIMARY KEY,         -- pantau.ids.normalize_url(url)
    url TEXT NOT NULL,
    source_id TEXT NOT NULL,
    outcome TEXT NOT NULL,            -- stored, off_topic, duplicate, not_article, gone, failed...
    status INTEGER,
    final_url TEXT,
    capture_id TEXT,
    article_id TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
);
CREATE INDEX crawl_urls_source ON crawl_urls(source_id, outcome);
"""

OFFICIALS_SCHEMA = """
CREATE TABLE officials (              -- the officials registry: persons merged across articles
    id TEXT PRIMARY KEY,              -- pantau.officials_registry id (of the first mention)
    name TEXT NOT NULL,               -- the fullest name form seen
    name_key TEXT NOT NULL,           -- officials_registry.normalize_name(name)
    article_count INTEGER NOT NULL,
    first_seen TEXT,                  -- YYYY-MM-DD of the earliest article
    last_seen TEXT,
    data TEXT NOT NULL                -- pantau.schema.Official as JSON (roles over time, articles)
);
CREATE INDEX officials_name_key ON officials(name_key, id);

CREATE TABLE official_roles (         -- one row per (person, role, org, region)
    official_id TEXT NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    role_key TEXT NOT NULL,           -- lower case, for search
    org TEXT,
    region_code TEXT,
    first_seen TEXT,
    last_seen TEXT
);
CREATE INDEX official_roles_official ON official_roles(official_id);
CREATE INDEX official_roles_region ON official_roles(region_code);

CREATE TABLE official_mentions (      -- which per-article mention belongs to which person
    mention_id TEXT NOT NULL,         -- officials_registry.official_id(name, org, region_code)
    article_id TEXT NOT NULL,
    official_id TEXT NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
    PRIMARY KEY (mention_id, article_id, official_id)
) WITHOUT ROWID;
CREATE INDEX official_mentions_official ON official_mentions(official_id);
CREATE INDEX official_mentions_article ON official_mentions(article_id);

CREATE TABLE officials_state (        -- bookkeeping of the last registry build
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

CASES_SCHEMA = """
CREATE TABLE cases (                  -- pantau.cases: reports of many articles joined into cases
    id TEXT PRIMARY KEY,
    first_report TEXT,                -- YYYY-MM-DD
    last_report TEXT,
    stage TEXT NOT NULL,              -- the most advanced stage reported
    status TEXT NOT NULL,             -- open, sanctioned, dismissed, unknown
    reports INTEGER NOT NULL,         -- distinct reports (syndicated copies once)
    data TEXT NOT NULL                -- pantau.cases.records.Case as JSON
);
CREATE INDEX cases_first ON cases(first_report, id);
CREATE INDEX cases_last ON cases(last_report, id);

CREATE TABLE case_articles (          -- member articles, with the stage each reports
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    score REAL NOT NULL,              -- how strongly it joined (10: a syndicated copy)
    PRIMARY KEY (case_id, article_id)
) WITHOUT ROWID;
CREATE INDEX case_articles_article ON case_articles(article_id);

CREATE TABLE case_terms (             -- what a case is filtered and counted by
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    field TEXT NOT NULL,              -- region (with ancestors), official, violation_type, source,
    value TEXT NOT NULL,              -- stage, stage_top, status, province, regency, month
    PRIMARY KEY (field, value, case_id)
) WITHOUT ROWID;
CREATE INDEX case_terms_case ON case_terms(case_id);

CREATE TABLE cases_state (            -- bookkeeping of the last case build
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "sources, captures, articles, annotations", INITIAL_SCHEMA),
    Migration(2, "near-duplicate index (MinHash signatures, LSH bands, clusters)", DEDUPE_SCHEMA),
    Migration(3, "crawler coverage ledger and URL state", CRAWL_SCHEMA),
    Migration(4, "officials registry (persons, roles, mentions)", OFFICIALS_SCHEMA),
    Migration(5, "cases (reports joined across articles) and their filter terms", CASES_SCHEMA),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def check_migrations(migrations: list[Migration] | None = None) -> None:
    """Raise if versions are not 1, 2, 3, ... in order (catches a badly merged append)."""
    migrations = MIGRATIONS if migrations is None else migrations
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ArchiveError(f"migration {migration.description!r} has version "
                               f"{migration.version}, expected {expected}")


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (``;`` inside triggers and strings kept)."""
    statements, buffer = [], ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        statements.append(buffer.strip().rstrip(";"))
    return statements


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None,
            *, name: str = "archive") -> int:
    """Bring the database forward to the newest version and return that version.

    Idempotent and atomic: pending migrations run in one ``BEGIN IMMEDIATE`` transaction
    (concurrent openers wait and then find nothing to do). An archive written by a newer
    Pantau raises :class:`~pantau.errors.ArchiveError`.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    check_migrations(migrations)
    target = migrations[-1].version if migrations else 0
    if current_version(conn) == target:
        return target
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(conn)
        if version > target:
            raise ArchiveError(
                f"the {name} has schema version {version}, but this Pantau knows versions up "
                f"to {target}; upgrade Pantau to open it",
                detail={"schema_version": version, "supported": target})
        for migration in migrations[version:]:
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            if migration.run is not None:
                migration.run(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise ArchiveError(f"migrating the {name} failed: {exc}") from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return target
