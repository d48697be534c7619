"""Response bodies assembled from archive records (kept out of the routes)."""

from __future__ import annotations

from pantau.records import Record, capture_meta, cluster_members
from pantau.store.officials import refs_of_article
from search_api.models import ArticleDetail, Provenance, SourceRef


def _provenance(record: Record, archive, capture_url: str) -> Provenance:
    a, source = record.article, record.source
    ref = (SourceRef(id=a.source_id, name=source.name, type=source.type, base_url=str(source.base_url))
           if source else SourceRef(id=a.source_id))
    return Provenance(
        source=ref, capture_id=a.capture_id, capture_url=capture_url, fetched_at=record.fetched_at,
        **capture_meta(archive, a.capture_id), parser=a.parser, parser_version=a.parser_version,
        methods=a.methods, parsed_at=a.parsed_at.isoformat(), content_hash=a.content_hash,
        pipeline_version=record.annotation.pipeline_version if record.annotation else None)


def cases_of_article(conn, article_id: str) -> list[dict]:
    from pantau.store.cases import cases_of_article as lookup

    return lookup(conn, article_id)


def article_detail(record: Record, archive, capture_url: str) -> ArticleDetail:
    a = record.article
    members = [m for m in cluster_members(archive, a.cluster_id) if m["id"] != a.id]
    return ArticleDetail(
        id=a.id, url=a.url, canonical_url=a.canonical_url, title=a.title, author=a.author,
        published_at=a.published_at.isoformat() if a.published_at else None, language=a.language,
        section=a.section, text=a.text, annotation=record.annotation,
        officials=refs_of_article(archive.conn, a.id),
        provenance=_provenance(record, archive, capture_url),
        cluster={"id": a.cluster_id, "members": members},
        cases=cases_of_article(archive.conn, a.id))
