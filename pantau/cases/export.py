"""Cases as a download: CSV, JSONL or Parquet, alone or in a zip with the data dictionary
and a manifest (``GET /v1/export?kind=cases``). The same renderers as the article export
(``pantau.render``); one row per case, lists as lists (CSV joins them with ``;``)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import BinaryIO

from pantau import render
from pantau.cases.records import Case
from pantau.export import DICTIONARY_COLUMNS, ExportResult, HashingWriter, _batches, _info, _Unseekable
from pantau.export_fields import LIST, STRING
from pantau.store.case_query import CaseQuery, search

_DESCRIBED = {**Case.model_fields}
FIELDS: list[tuple[str, str, str]] = [
    ("id", STRING, "Case id (/v1/cases/{id})."),
    ("stage", STRING, _DESCRIBED["stage"].description),
    ("status", STRING, _DESCRIBED["status"].description),
    ("subject", STRING, "The subject as the first report puts it."),
    ("role", STRING, "The subject's canonical role (pantau/data/case_rules.toml)."),
    ("official_ids", LIST, "Registry persons of the subject (/v1/officials/{id})."),
    ("region_codes", LIST, _DESCRIBED["region_codes"].description),
    ("violation_types", LIST, "Violation type codes of the acts reported."),
    ("stages", LIST, "Each reported stage as stage:date:article (date empty when the text gives none)."),
    ("sanctions", LIST, "Kinds of sanction reported."),
    ("first_report", STRING, "Publication day of the first report."),
    ("last_report", STRING, "Publication day of the last report."),
    ("reports", STRING, _DESCRIBED["reports"].description),
    ("outlets", STRING, "Distinct outlets."),
    ("lag_recommendation_days", STRING, "Days from the first report to the recommendation."),
    ("lag_sanction_days", STRING, "Days from the first report to the sanction."),
    ("articles", LIST, "Member article ids."),
    ("uncertain", STRING, _DESCRIBED["uncertain"].description),
]
FIELD_NAMES = [name for name, _, _ in FIELDS]


def to_row(case: Case) -> dict:
    def text(value) -> str:
        return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)

    return {"id": case.id, "stage": case.stage, "status": case.status, "subject": case.subject.label,
            "role": text(case.subject.role), "official_ids": case.subject.official_ids,
            "region_codes": case.region_codes, "violation_types": case.violation_types,
            "stages": [f"{s.stage}:{s.date or ''}:{s.article}" for s in case.stages],
            "sanctions": sorted({s.sanction for s in case.stages if s.sanction}),
            "first_report": text(case.first_report), "last_report": text(case.last_report),
            "reports": text(case.reports), "outlets": text(case.outlets),
            "lag_recommendation_days": text(case.lag_recommendation_days),
            "lag_sanction_days": text(case.lag_sanction_days), "articles": case.articles,
            "uncertain": text(case.uncertain)}


def _all(conn, query: CaseQuery, batch: int = 500) -> Iterator[Case]:
    query.sort, query.after, query.limit, query.facets = "oldest", None, batch, []
    while True:
        cases, _, after, _ = search(conn, query)
        yield from cases
        if after is None:
            return
        query.after = after


def arrow_schema():
    import pyarrow as pa

    return pa.schema([pa.field(n, pa.list_(pa.string()) if k == LIST else pa.string(),
                               metadata={"description": d}) for n, k, d in FIELDS])


def export(conn, query: CaseQuery, fmt: str, out: BinaryIO) -> ExportResult:
    result = ExportResult(format=fmt)

    def rows() -> Iterable[dict]:
        for case in _all(conn, query):
            result.rows += 1
            result.matched += 1
            yield to_row(case)

    writer = HashingWriter(out)
    batches = _batches(rows(), 500)
    if fmt == "parquet":
        render.write_parquet(batches, arrow_schema(), writer)
    else:
        {"csv": render.write_csv, "jsonl": render.write_jsonl}[fmt](batches, FIELD_NAMES, writer)
    writer.flush()
    result.sha256, result.bytes = writer.sha.hexdigest(), writer.size
    return result


def dictionary() -> list[dict]:
    return [{"field": n, "type": k, "csv": "values joined with ';'" if k == LIST else "as is",
             "description": d} for n, k, d in FIELDS]


def write_bundle(conn, query: CaseQuery, fmt: str, out: BinaryIO, *, archive) -> dict:
    from pantau import __version__
    from pantau.store.cases import version

    filters = query.filters()
    now = datetime.now(timezone.utc).timetuple()[:6]
    with zipfile.ZipFile(_Unseekable(out), "w") as zf:
        info = zipfile.ZipInfo(f"cases.{fmt}", date_time=now)
        info.compress_type = zipfile.ZIP_STORED if fmt == "parquet" else zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as entry:
            result = export(conn, query, fmt, entry)
        manifest = {
            "title": "Pantau export: cases of civil-servant neutrality (netralitas ASN) violations",
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "kind": "cases", "query": filters, "format": fmt,
            "files": {"data": f"cases.{fmt}", "data_dictionary": "data_dictionary.csv"},
            "counts": {"rows": result.rows}, "data_sha256": result.sha256, "data_bytes": result.bytes,
            "fields": FIELD_NAMES,
            "versions": {"pantau": __version__, "case_stage": version(),
                         "archive_schema": archive.schema_version()},
        }
        zf.writestr(_info("data_dictionary.csv", now), render.csv_bytes(dictionary(), DICTIONARY_COLUMNS))
        zf.writestr(_info("manifest.json", now), json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest
