"""Every list is also a CSV (as in Datasette): ``?format=csv`` on a list endpoint."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from fastapi.responses import Response


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v).replace(";", ",") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_response(rows: Iterable[dict], columns: list[str], filename: str,
                 headers: dict | None = None) -> Response:
    """A CSV download of ``rows`` (lists joined with ';')."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    disposition = {"Content-Disposition": f'attachment; filename="{filename}.csv"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={**disposition, **(headers or {})})
