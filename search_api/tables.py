"""Every list is also a CSV (as in Datasette): ``?format=csv`` on a list endpoint, rendered
by the same code as exports (``pantau.render``)."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.responses import Response

from pantau.render import csv_bytes


def csv_response(rows: Iterable[dict], columns: list[str], filename: str,
                 headers: dict | None = None) -> Response:
    """A CSV download of ``rows`` (lists joined with ';')."""
    disposition = {"Content-Disposition": f'attachment; filename="{filename}.csv"'}
    return Response(csv_bytes(rows, columns), media_type="text/csv; charset=utf-8",
                    headers={**disposition, **(headers or {})})
