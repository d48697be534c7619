"""The officials list's cursor: base64url of the JSON [sort key, id] of the page's last row."""

from __future__ import annotations

import base64
import binascii
import json

from pantau.errors import InvalidInput


def encode_cursor(key: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[str, str] | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key):
            return key[0], key[1]
    except (binascii.Error, ValueError, UnicodeDecodeError):
        pass
    raise InvalidInput("malformed cursor; pass the next_cursor of the previous page",
                       detail={"cursor": cursor})
