"""Sort orders and opaque ``search_after`` cursors of the Elasticsearch backend.

A cursor is URL-safe base64 of compact JSON ``{"s": <sort>, "a": [<sort values>]}``: the
sort values of the last hit of the previous page, as Elasticsearch returned them. A cursor
made for another sort order, or anything that does not decode to that shape, is InvalidInput.
"""

from __future__ import annotations

import base64
import binascii
import json

from pantau.errors import InvalidInput

_PUBLISHED = "published_at"
SORTS: dict[str, list[dict]] = {
    "relevance": [{"_score": {"order": "desc"}},
                  {_PUBLISHED: {"order": "desc", "missing": "_last"}},
                  {"id": {"order": "asc"}}],
    "newest": [{_PUBLISHED: {"order": "desc", "missing": "_last"}}, {"id": {"order": "asc"}}],
    "oldest": [{_PUBLISHED: {"order": "asc", "missing": "_last"}}, {"id": {"order": "asc"}}],
}
_SCALARS = (str, int, float, type(None))


def sort_clause(sort: str) -> list[dict]:
    """The ``sort`` of a request: the order, then the id as a unique tie-breaker."""
    try:
        return [dict(item) for item in SORTS[sort]]
    except KeyError:
        raise InvalidInput(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}",
                           detail={"sort": sort}) from None


def encode_cursor(sort: str, values: list) -> str:
    raw = json.dumps({"s": sort, "a": list(values)}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _bad(cursor: str, why: str) -> InvalidInput:
    return InvalidInput(f"invalid cursor: {why}; use the next_cursor of a previous page",
                        detail={"cursor": cursor[:200]})


def decode_cursor(cursor: str, sort: str) -> list:
    """The ``search_after`` values of ``cursor``, checked against ``sort``."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (UnicodeError, binascii.Error, ValueError):
        raise _bad(cursor, "not a cursor") from None
    if not isinstance(data, dict) or not isinstance(data.get("a"), list):
        raise _bad(cursor, "not a cursor")
    if data.get("s") != sort:
        raise _bad(cursor, f"it was made for sort={data.get('s')!r}, not sort={sort!r}")
    values = data["a"]
    if len(values) != len(SORTS[sort]) or not all(isinstance(v, _SCALARS) for v in values):
        raise _bad(cursor, "wrong sort values")
    return values
