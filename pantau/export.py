"""Complete, filter-honouring exports (CSV, JSONL, Parquet) with a data dictionary and a
manifest. Used by ``pantau export`` and the API's ``/v1/export``.

    result = export(query, "csv", fh, archive=archive, backend=backend)
    manifest = write_bundle(query, "parquet", fh, archive=archive, backend=backend)

Every article the backend matches is written (``backend.iter_ids``), read from the archive
``BATCH_SIZE`` at a time, so memory stays flat whatever the size of the export. A bundle is
a zip holding ``data.<format>``, ``data_dictionary.csv`` and ``manifest.json``; it is
written front to back, so it can go straight to a socket.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from typing import BinaryIO

from pantau.errors import InvalidInput, LimitExceeded
from pantau import render
from pantau.export_fields import FIELD_NAMES, FIELDS, LIST, to_row
from pantau.records import BATCH_SIZE, iter_records
from pantau.search.fields import FILTER_PARAMS

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
               "parquet": "application/vnd.apache.parquet", "zip": "application/zip"}
FORMATS = ("csv", "jsonl", "parquet")
FILTER_FIELDS = FILTER_PARAMS  # what a manifest cites (pantau.search.fields)


class HashingWriter:
    """A write-only binary stream that counts and hashes what passes through it."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.sha, self.size, self.closed = out, hashlib.sha256(), 0, False

    def write(self, data: bytes) -> int:
        data = bytes(data)
        self.sha.update(data)
        self.size += len(data)
        self.out.write(data)
        return len(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        if hasattr(self.out, "flush"):
            self.out.flush()

    def writable(self) -> bool:
        return True

    def close(self) -> None:  # the caller owns ``out``
        self.closed = True


@dataclass
class ExportResult:
    format: str
    matched: int = 0          # ids the backend returned
    rows: int = 0             # rows written (matched ids found in the archive)
    sha256: str = ""
    bytes: int = 0
    pipeline_versions: Counter = field(default_factory=Counter)
    parser_versions: Counter = field(default_factory=Counter)

    @property
    def missing(self) -> int:
        return self.matched - self.rows


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}",
                           detail={"format": fmt})
    return fmt


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def arrow_schema():
    import pyarrow as pa

    return pa.schema([pa.field(name, pa.list_(pa.string()) if kind == LIST else pa.string(),
                               metadata={"description": desc}) for name, kind, desc in FIELDS])


def _write_parquet(batches: Iterable[list[dict]], columns, out) -> None:
    render.write_parquet(batches, arrow_schema(), out)


_WRITERS = {"csv": render.write_csv, "jsonl": render.write_jsonl, "parquet": _write_parquet}


def export(query, fmt: str, out: BinaryIO, *, archive, backend, batch_size: int = BATCH_SIZE,
           max_rows: int | None = None, progress: Callable[[int], None] | None = None) -> ExportResult:
    """Write every article matching ``query`` to ``out`` in ``fmt``; return counts and hash.
    ``progress(rows)`` is called after every ``batch_size`` rows."""
    check_format(fmt)
    if max_rows is not None and (n := backend.count(query)) > max_rows:
        raise LimitExceeded(f"the export would hold {n} articles; the limit is {max_rows}. "
                            "Narrow the filters.", detail={"matched": n, "max_rows": max_rows})
    result = ExportResult(format=fmt)

    def counted_ids() -> Iterator[str]:
        for article_id in backend.iter_ids(query):
            result.matched += 1
            yield article_id

    def rows() -> Iterator[dict]:
        for record in iter_records(archive, counted_ids(), batch_size):
            result.rows += 1
            result.parser_versions[f"{record.article.parser} {record.article.parser_version}"] += 1
            if record.annotation_data is not None:
                result.pipeline_versions[record.annotation_data["pipeline_version"]] += 1
            if progress is not None and result.rows % batch_size == 0:
                progress(result.rows)
            yield to_row(record)

    writer = HashingWriter(out)
    _WRITERS[fmt](_batches(rows(), batch_size), FIELD_NAMES, writer)
    writer.flush()
    result.sha256, result.bytes = writer.sha.hexdigest(), writer.size
    return result


DICTIONARY_COLUMNS = ["field", "type", "csv", "description"]


def data_dictionary() -> list[dict]:
    """One row per export field: field, type, how CSV writes it, description."""
    return [{"field": name, "type": kind, "csv": "values joined with ';'" if kind == LIST else "as is",
             "description": desc} for name, kind, desc in FIELDS]


def data_dictionary_csv() -> bytes:
    return render.csv_bytes(data_dictionary(), DICTIONARY_COLUMNS)


def query_filters(query) -> dict:
    """The filters of a query, as JSON (what a manifest cites)."""
    return query.model_dump(mode="json", include=set(FILTER_FIELDS))


def manifest(query, result: ExportResult, *, archive, backend, data_file: str,
             cases: dict | None = None) -> dict:
    """What an export holds, how it was made, and the sha256 of its data file. ``cases``:
    the case filters (stage, status) that kept the articles of such cases."""
    from pantau import __version__

    return {
        "title": "Pantau export: Indonesian news on civil-servant neutrality (netralitas ASN)",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "query": {**query_filters(query), **({"cases": cases} if cases else {})},
        "format": result.format,
        "files": {"data": data_file, "data_dictionary": "data_dictionary.csv"},
        "counts": {"rows": result.rows, "matched": result.matched,
                   "missing_from_archive": result.missing},
        "data_sha256": result.sha256,
        "data_bytes": result.bytes,
        "fields": FIELD_NAMES,
        "versions": {
            "pantau": __version__,
            "archive_schema": archive.schema_version(),
            "pipeline_versions": dict(sorted(result.pipeline_versions.items())),
            "parser_versions": dict(sorted(result.parser_versions.items())),
            "index": backend.health(),
        },
        "archive_counts": archive.counts(),
    }


def write_bundle(query, fmt: str, out: BinaryIO, *, archive, backend,
                 batch_size: int = BATCH_SIZE, max_rows: int | None = None,
                 progress: Callable[[int], None] | None = None, cases: dict | None = None) -> dict:
    """Write a zip (data.<fmt>, data_dictionary.csv, manifest.json) front to back; return the
    manifest. ``out`` need not be seekable."""
    check_format(fmt)
    data_file = f"data.{fmt}"
    now = datetime.now(timezone.utc).timetuple()[:6]
    with zipfile.ZipFile(_Unseekable(out), "w") as zf:
        info = zipfile.ZipInfo(data_file, date_time=now)
        info.compress_type = zipfile.ZIP_STORED if fmt == "parquet" else zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as entry:
            result = export(query, fmt, entry, archive=archive, backend=backend,
                            batch_size=batch_size, max_rows=max_rows, progress=progress)
        data = manifest(query, result, archive=archive, backend=backend, data_file=data_file, cases=cases)
        zf.writestr(_info("data_dictionary.csv", now), data_dictionary_csv())
        zf.writestr(_info("manifest.json", now), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return data


def _info(name: str, now: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=now)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class _Unseekable:
    """Hide ``tell``/``seek`` so zipfile writes data descriptors (no seeking back)."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out

    def write(self, data: bytes) -> int:
        return self._out.write(data)

    def flush(self) -> None:
        if hasattr(self._out, "flush"):
            self._out.flush()
