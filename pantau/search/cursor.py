"""Opaque page cursors: base64url of a small JSON object holding the sort order and the
sort key of the last hit (for example ``[score, id]`` or ``[published, id]``).

Backends choose the key; a cursor made for another sort order, or anything that does not
decode, is a user error (InvalidInput).
"""

from __future__ import annotations

import base64
import binascii
import json

from pantau.errors import InvalidInput

_SCALARS = (str, int, float)


def encode_cursor(sort: str, key: list) -> str:
    data = json.dumps({"s": sort, "k": key}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(data.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str, size: int) -> list:
    """The key stored in ``cursor``: a list of ``size`` strings or numbers."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise InvalidInput("the cursor is not valid: pass next_cursor from the previous page unchanged",
                           detail={"cursor": cursor[:100]}) from exc
    key = data.get("k") if isinstance(data, dict) else None
    if not isinstance(key, list) or len(key) != size or not all(isinstance(v, _SCALARS) for v in key):
        raise InvalidInput("the cursor is not valid: pass next_cursor from the previous page unchanged",
                           detail={"cursor": cursor[:100]})
    if data.get("s") != sort:
        raise InvalidInput(f"the cursor belongs to sort={data.get('s')!r}, not sort={sort!r}",
                           detail={"cursor": cursor[:100]})
    return key
