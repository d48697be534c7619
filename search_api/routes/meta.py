"""/v1/taxonomy, /v1/sources and /healthz."""

from __future__ import annotations

import json

from fastapi import APIRouter

from pantau.store import ledger
from pantau.taxonomy import DocType, RegionLevel, SourceType, ViolationType
from search_api.deps import ArchiveDep, BackendDep
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, Health, SourceInfo, Taxonomy
from search_api.params import ListFormat, json_or_csv
from search_api.tables import csv_response

router = APIRouter(tags=["meta"], route_class=CachedRoute)
# Per archive connection (one per worker thread, kept for the process's life) and kind:
# (connection, its PRAGMA data_version, the value). data_version changes when another
# connection commits, so a value is read again only after the archive changed.
_MEMO: dict[tuple[int, str], tuple] = {}


def _memo(archive, kind: str, compute):
    conn = archive.conn
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    kept = _MEMO.get((id(conn), kind))
    if kept is not None and kept[0] is conn and kept[1] == version:
        return kept[2]
    value = compute(archive)
    _MEMO[(id(conn), kind)] = (conn, version, value)
    return value
SOURCE_COLUMNS = ["id", "name", "type", "base_url", "region_code", "enabled", "articles",
                  "pages", "first_day", "last_day", "last_success"]


@router.get("/v1/taxonomy", response_model=Taxonomy, responses={**json_or_csv(), **ERRORS},
            summary="Codes and labels")
@cache_policy(Policy.STATIC)
def taxonomy(fmt: ListFormat = "json"):
    """Violation types, document types, source types and region levels: the codes the
    filters take, with Indonesian and English labels."""
    data = {"violation_types": ViolationType.describe(), "doc_types": DocType.describe(),
            "source_types": SourceType.describe(), "region_levels": RegionLevel.describe()}
    if fmt == "csv":
        rows = [{"kind": kind, **item} for kind, items in data.items() for item in items]
        return csv_response(rows, ["kind", "code", "label_id", "label_en"], "taxonomy")
    return Taxonomy(**data)


def _coverage(rows: list[dict]) -> dict:
    if not rows:
        return {}
    total: dict = {c: sum(r[c] for r in rows) for c in ledger.COUNTERS}
    for kind in ledger.KINDS:
        merged: dict[str, int] = {}
        for r in rows:
            for k, v in r[kind].items():
                merged[k] = merged.get(k, 0) + v
        total[kind] = merged
    days = [r["day"] for r in rows]
    successes = [r["last_success"] for r in rows if r["last_success"]]
    return {**total, "first_day": min(days), "last_day": max(days),
            "last_success": max(successes) if successes else None}


@router.get("/v1/sources", response_model=list[SourceInfo], responses={**json_or_csv(), **ERRORS},
            summary="Sources")
@cache_policy(Policy.ARCHIVE)
def sources(archive: ArchiveDep, fmt: ListFormat = "json"):
    """Registered outlets and Bawaslu offices, with their article counts and crawl coverage
    (ledger totals by source: pages, articles, off-topic, duplicates, skips and failures by
    kind, first and last day crawled, last successful fetch)."""
    items = _memo(archive, "sources", _source_items)
    if fmt == "csv":
        rows = [{**i.model_dump(exclude={"coverage"}), **{k: v if not isinstance(v, dict) else
                 json.dumps(v) for k, v in i.coverage.items()}} for i in items]
        return csv_response(rows, SOURCE_COLUMNS, "sources")
    return items


def _source_items(archive) -> list[SourceInfo]:
    conn = archive.conn
    counts = dict(conn.execute("SELECT source_id, count(*) FROM articles GROUP BY source_id"))
    by_source: dict[str, list[dict]] = {}
    for row in ledger.rows(conn):
        by_source.setdefault(row["source_id"], []).append(row)
    items = [SourceInfo(**s.model_dump(mode="json", exclude={"config"}), articles=counts.get(s.id, 0),
                        coverage=_coverage(by_source.get(s.id, []))) for s in archive.list_sources()]
    return items


@router.get("/healthz", response_model=Health, responses=ERRORS, summary="Health")
def healthz(archive: ArchiveDep, backend: BackendDep) -> Health:
    """The backend's health (name, index, documents; 503 when it cannot be reached) and
    the archive's counts by stage."""
    return Health(status="ok", backend=backend.health(), archive=_memo(archive, "counts", _counts))


def _counts(archive) -> dict:
    counts = archive.counts()
    counts["officials"] = archive.conn.execute("SELECT count(*) FROM officials").fetchone()[0]
    return counts
