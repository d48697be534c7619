"""/v1/export: every matching article as CSV, JSONL or Parquet, streamed.

The default is a zip bundle (``data.<format>``, ``data_dictionary.csv``, ``manifest.json``
with the query, counts, versions and the sha256 of the data file). ``layout=raw`` streams
the data file alone; ``/v1/export/manifest`` with the same parameters gives its manifest.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from pantau import export as exporter
from pantau.cases.fields import Stage, Status
from pantau.errors import LimitExceeded
from pantau.search.base import Only
from search_api.deps import ArchiveDep, BackendDep, ContextDep
from search_api.http_cache import CachedRoute, Policy, cache_policy
from search_api.models import ERRORS, DictionaryRow, ErrorModel
from search_api.params import CSV_CONTENT, FiltersDep, ListFormat
from search_api.tables import csv_response
from search_api.threads import primed, threaded_stream

router = APIRouter(tags=["export"], route_class=CachedRoute)
EXPORT_ERRORS = {**ERRORS, 422: {"model": ErrorModel, "description": "More articles than "
                                 "PANTAU_API_EXPORT_MAX_ROWS allows (`limit_exceeded`)"}}

Format = Annotated[Literal["csv", "jsonl", "parquet"], Query(
    alias="format", description="csv (flat; lists joined with ';'), jsonl or parquet (lists kept).")]
Kind = Annotated[Literal["articles", "cases"], Query(
    description="articles (default), or cases (`pantau cases`): one row per case, filtered by "
                "region, official, violation_type, source, date, stage and status.")]
Layout = Annotated[Literal["bundle", "raw"], Query(
    description="bundle: a zip with data, data dictionary and manifest; raw: the data file alone.")]
_BINARY = {"schema": {"type": "string", "format": "binary"}}
CONTENT = {"application/zip": _BINARY, "text/csv": {"schema": {"type": "string"}},
           "application/x-ndjson": {"schema": {"type": "string"}},
           "application/vnd.apache.parquet": _BINARY}
EXPORT_HEADERS = {
    "X-Total-Count": {"description": "Articles in the export.", "schema": {"type": "integer"}},
    "Content-Disposition": {"description": "`attachment; filename=\"pantau-<UTC time>.<ext>\"`.",
                            "schema": {"type": "string"}},
}


class _Null:
    def write(self, data: bytes) -> int:
        return len(data)


def _check_size(context, backend, query, members: set[str] | None = None) -> int:
    n = (Only(backend, members) if members is not None else backend).count(query)  # a bad query
    # fails here, before any byte is sent
    cap = context.limits.export_max_rows
    if cap is not None and n > cap:
        raise LimitExceeded(f"the export would hold {n} articles; the limit is {cap}. "
                            "Narrow the filters.", detail={"matched": n, "max_rows": cap})
    return n


@router.get("/v1/export", response_class=StreamingResponse, summary="Export matching articles",
            responses={200: {"content": CONTENT, "description": "The export, streamed: a zip "
                             "(`layout=bundle`) or the data file (`layout=raw`).",
                             "headers": EXPORT_HEADERS},
                       **EXPORT_ERRORS})
def export(query: FiltersDep, context: ContextDep, backend: BackendDep,
           fmt: Format = "csv", layout: Layout = "bundle", kind: Kind = "articles",
           stage: Annotated[list[Stage], Query(description="A stage the case reached (kind=cases); with "
                                               "kind=articles, the articles of such cases. Repeatable.",
                                               max_length=5)] = [],
           status: Annotated[list[Status], Query(description="Case status (kind=cases); with kind=articles, "
                                                 "the articles of such cases. Repeatable.",
                                                 max_length=4)] = []) -> StreamingResponse:
    """Every article matching the filters (no page size; complete), written in batches and
    streamed. See `/v1/export/data-dictionary` for the fields. The bundle's
    `manifest.json` holds the query, counts, pipeline/parser/archive versions,
    `generated_at` and the sha256 of the data file. With `kind=cases`, every matching case
    (`/v1/cases` filters) instead, one row per case, with its own dictionary."""
    if kind == "cases":
        return _export_cases(query, context, backend, fmt, layout, stage, status)
    members = _members_of(context, stage, status)
    n = _check_size(context, backend, query, members)

    def produce(sink) -> None:
        with context.open_archive() as own_archive:
            own_backend = context.new_backend()
            seen = Only(own_backend, members) if members is not None else own_backend
            try:
                if layout == "raw":
                    exporter.export(query, fmt, sink, archive=own_archive, backend=seen)
                else:
                    exporter.write_bundle(query, fmt, sink, archive=own_archive, backend=seen,
                                          cases={"stage": [s.value for s in stage],
                                                 "status": [s.value for s in status]} if members is not None else None)
            finally:
                own_backend.close()

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    ext = fmt if layout == "raw" else f"{fmt}.zip"
    media = exporter.MEDIA_TYPES[fmt if layout == "raw" else "zip"]
    headers = {"Content-Disposition": f'attachment; filename="pantau-{stamp}.{ext}"',
               "X-Total-Count": str(n)}
    return StreamingResponse(primed(threaded_stream(produce)), media_type=media, headers=headers)


def _members_of(context, stage, status) -> set[str] | None:
    """With kind=articles, ``stage`` and ``status`` keep the articles of such cases."""
    if not stage and not status:
        return None
    from pantau.store.case_query import CaseQuery, articles_of_cases

    with context.open_archive() as archive:
        return articles_of_cases(archive.conn, CaseQuery(stage=list(stage), status=list(status)))


def _export_cases(query, context, backend, fmt: str, layout: str, stage, status) -> StreamingResponse:
    from pantau.cases import export as case_export
    from pantau.store.case_query import search
    from search_api.routes.stats import case_query_of

    with context.open_archive() as archive:
        cases_query = case_query_of(query, archive, backend, stage=list(stage), status=list(status))
        n = search(archive.conn, cases_query)[1]

    def produce(sink) -> None:
        with context.open_archive() as own:
            if layout == "raw":
                case_export.export(own.conn, cases_query, fmt, sink)
            else:
                case_export.write_bundle(own.conn, cases_query, fmt, sink, archive=own)

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    ext = fmt if layout == "raw" else f"{fmt}.zip"
    media = exporter.MEDIA_TYPES[fmt if layout == "raw" else "zip"]
    headers = {"Content-Disposition": f'attachment; filename="pantau-cases-{stamp}.{ext}"',
               "X-Total-Count": str(n)}
    return StreamingResponse(primed(threaded_stream(produce)), media_type=media, headers=headers)


@router.get("/v1/export/manifest", summary="Manifest of a raw export", responses=EXPORT_ERRORS)
def export_manifest(query: FiltersDep, context: ContextDep, archive: ArchiveDep,
                    backend: BackendDep, fmt: Format = "csv") -> dict:
    """The manifest of `/v1/export?layout=raw` with the same parameters: it writes the
    export to nowhere to count it and hash it (the data are deterministic for an unchanged
    archive, so the sha256 matches the raw download)."""
    _check_size(context, backend, query)
    result = exporter.export(query, fmt, _Null(), archive=archive, backend=backend)
    return exporter.manifest(query, result, archive=archive, backend=backend,
                             data_file=f"data.{fmt}")


@router.get("/v1/export/data-dictionary", summary="Export fields", response_model=list[DictionaryRow],
            responses={200: {"description": "JSON, or CSV with `format=csv`.", "content": CSV_CONTENT},
                       **ERRORS})
@cache_policy(Policy.STATIC)
def data_dictionary(fmt: ListFormat = "json"):
    """Every field of an export: name, type (`string` or `list<string>`) and description."""
    rows = exporter.data_dictionary()
    if fmt == "csv":
        return csv_response(rows, exporter.DICTIONARY_COLUMNS, "data_dictionary")
    return rows
