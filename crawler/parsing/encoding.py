"""Turning the raw bytes of a captured page into text, whatever it claims to be.

Order of evidence: a byte-order mark, the HTTP ``Content-Type`` charset, the document's
``<meta charset>`` (or ``http-equiv``). Declarations are often wrong on Indonesian sites
(cp1252 bytes declared UTF-8, UTF-8 declared ISO-8859-1), so a declaration is only trusted
when the bytes agree: bytes that are valid UTF-8 are UTF-8; a declared single-byte
encoding must decode strictly; everything else is UTF-8 with each invalid byte read as
cp1252 (this also repairs pages that mix the two).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HANDLER = "pantau-cp1252-fallback"


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_HANDLER, _cp1252_fallback)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what was used, e.g. "utf-8", "cp1252", "utf-8+cp1252"
    declared: str | None  # the declaration that was believed first, if any
    note: str | None = None  # set when the declaration was wrong


def normalise_charset(name: str | bytes | None) -> str | None:
    """Python's codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def header_value(headers: dict | None, name: str) -> str:
    """A header's value from a dict with any key case (and bytes or list values)."""
    for key, value in (headers or {}).items():
        key = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if key.lower() == name.lower():
            if isinstance(value, (list, tuple)):
                value = value[0] if value else ""
            return value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return ""


def declared_charset(body: bytes, headers: dict | None) -> str | None:
    """The HTTP charset, else the ``<meta>`` charset in the first 4 KB."""
    match = CHARSET.search(header_value(headers, "content-type").encode("latin-1", "ignore"))
    found = normalise_charset(match.group(1)) if match else None
    if found:
        return found
    match = META_CHARSET.search(body[:4096])
    return normalise_charset(match.group(1)) if match else None


def decode_body(body: bytes, headers: dict | None = None) -> Decoded:
    """Decode a page's bytes; never raises."""
    for bom, encoding in BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(encoding, errors="replace"), encoding, encoding)
    declared = declared_charset(body, headers)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        wrong = declared not in (None, "utf-8", "ascii") and not body.isascii()
        note = f"declared {declared} but the bytes are UTF-8" if wrong else None
        return Decoded(text, "utf-8", declared, note)
    if declared not in (None, "utf-8", "ascii"):
        try:
            return Decoded(body.decode(declared), declared, declared)
        except (UnicodeDecodeError, LookupError):
            pass
    text = body.decode("utf-8", errors=_HANDLER)
    note = (f"declared {declared} but bytes are not; " if declared else "") + \
        "invalid UTF-8 bytes read as cp1252"
    return Decoded(text, "utf-8+cp1252", declared, note)
