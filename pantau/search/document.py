"""Index documents from the archive: each article with its latest annotation and its source.

    for doc in build_documents(archive):
        ...

``region_codes`` holds the named regions and all their ancestors, so a filter on a province
finds articles that name one of its kabupaten. ``official_ids`` are the officials registry's
person ids (``official_mentions``), so the ``official`` filter takes a registry id as it is:
``pantau index`` brings the registry up to date before it builds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from pantau.errors import InvalidInput, NotFound
from pantau.regions import RegionTable, get_region_table
from pantau.schema import Annotation, Article, Source
from pantau.search.base import IndexDocument
from pantau.store.archive import Archive
from pantau.timezones import local_day


def build_documents(archive: Archive, batch_size: int = 500) -> Iterator[IndexDocument]:
    """Every article of the archive as an IndexDocument, by article id."""
    sources = {s.id: s for s in archive.list_sources()}
    persons = registry_persons(archive)
    table = get_region_table()
    for article in archive.iter_articles(batch_size=batch_size):
        try:
            annotation = archive.get_annotation(article.id)
        except NotFound:
            annotation = None
        yield make_document(article, annotation, sources.get(article.source_id), table,
                            persons.get(article.id, ()))


def registry_persons(archive: Archive) -> dict[str, list[str]]:
    """Article id -> the registry persons it names (``pantau officials`` builds them)."""
    out: dict[str, list[str]] = {}
    for article_id, person in archive.conn.execute(
            "SELECT DISTINCT article_id, official_id FROM official_mentions ORDER BY article_id, official_id"):
        out.setdefault(article_id, []).append(person)
    return out


def make_document(article: Article, annotation: Annotation | None, source: Source | None,
                  table: RegionTable | None = None, persons=()) -> IndexDocument:
    doc = IndexDocument(
        id=article.id, url=article.url, canonical_url=article.canonical_url,
        source_id=article.source_id, source_type=source.type if source else "news",
        source_name=source.name if source else None,
        title=article.title, text=article.text, author=article.author,
        published_at=article.published_at.isoformat() if article.published_at else None,
        published_date=publication_day(article.published_at), cluster_id=article.cluster_id,
    )
    if annotation is not None:
        add_annotation(doc, annotation, table or get_region_table())
        doc.official_ids = list(persons)
    return doc


def publication_day(value: datetime | None) -> str | None:
    """The calendar day of a publication time (``pantau.timezones.local_day``)."""
    day = local_day(value)
    return day.isoformat() if day else None


def add_annotation(doc: IndexDocument, annotation: Annotation, table: RegionTable) -> None:
    doc.doc_type = annotation.doc_type
    doc.pipeline_version = annotation.pipeline_version
    doc.violation_types = _unique(v.type for v in annotation.violation_types)
    named = _unique(r.code for r in annotation.regions if r.code)
    doc.named_region_codes = named
    doc.region_names = _unique(r.name for r in annotation.regions)
    doc.region_codes = with_ancestors(named, table, {r.code: r.parents for r in annotation.regions if r.code})
    doc.official_names = _unique(o.name for o in annotation.officials)


def with_ancestors(codes: list[str], table: RegionTable, known_parents: dict | None = None) -> list[str]:
    """``codes`` and every enclosing region, sorted: ["33.25.01"] -> ["33", "33.25", "33.25.01"].
    A code the table does not know keeps the parents the annotation gave it."""
    out = set()
    for code in codes:
        out.add(code)
        try:
            out.update(table.parents(code))
        except (NotFound, InvalidInput):
            out.update((known_parents or {}).get(code, ()))
    return sorted(out)


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))
