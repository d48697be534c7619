"""One set of renderers for every list and every export: CSV, JSONL and Parquet over a column
list. The API's ``format=csv`` lists (``search_api.tables``) and ``pantau export`` /
``/v1/export`` (``pantau.export``) both write through these, so a value looks the same
wherever it is downloaded.

CSV: the excel dialect as ``csv.writer`` writes it (quotes only where needed, CRLF); a list
becomes its values joined with ``;`` (a ``;`` inside a value becomes ``,``), a bool
``true``/``false``, None an empty cell. JSONL and Parquet keep lists as lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import BinaryIO

LIST_SEPARATOR = ";"


def cell(value) -> str:
    """The CSV text of one value."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v).replace(LIST_SEPARATOR, ",") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def csv_line(values: Iterable) -> str:
    """One CSV record as ``csv.writer`` writes it, without its character-by-character scan of
    long texts."""
    fields = [_quoted(cell(v)) for v in values]
    line = ",".join(fields)
    return (line or ('""' if fields else "")) + "\r\n"  # a lone empty field is quoted


def _quoted(value: str) -> str:
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    if "," in value or "\n" in value or "\r" in value:
        return '"' + value + '"'
    return value


def csv_bytes(rows: Iterable[dict], columns: Sequence[str]) -> bytes:
    """A whole CSV (header and rows) in memory: for pages and small lists."""
    lines = [csv_line(columns)] + [csv_line(row.get(c) for c in columns) for row in rows]
    return "".join(lines).encode("utf-8")


def write_csv(batches: Iterable[list[dict]], columns: Sequence[str], out: BinaryIO) -> None:
    out.write(csv_line(columns).encode("utf-8"))
    for batch in batches:
        out.write("".join(csv_line(row.get(c) for c in columns) for row in batch).encode("utf-8"))


def write_jsonl(batches: Iterable[list[dict]], columns: Sequence[str], out: BinaryIO) -> None:
    for batch in batches:
        lines = (json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n" for row in batch)
        out.write("".join(lines).encode("utf-8"))


def write_parquet(batches: Iterable[list[dict]], schema, out: BinaryIO) -> None:
    """Parquet (zstd), one row group per batch; ``schema`` is a pyarrow schema whose field
    names are the columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.PythonFile(out, mode="w")
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        for batch in batches:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
