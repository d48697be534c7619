"""The filters of a ``SearchQuery`` as boolean masks over the index's documents.

``masks`` gives one mask per active filter, keyed by the filter's name (``text``, ``region``,
``official``, ``violation_type``, ``doc_type``, ``source``, ``source_type``, ``date``), so a
facet can combine every filter except its own (``combine(masks, skip="region")``).
"""

from __future__ import annotations

import sqlite3

import numpy as np

from pantau.regions import normalize_code
from pantau.search.columns import EPOCH, Columns
from pantau.search.query import SearchQuery

TEXT = "text"


def masks(cols: Columns, conn: sqlite3.Connection, query: SearchQuery,
          text: np.ndarray | None) -> dict[str, np.ndarray]:
    out = {}
    if text is not None:
        out[TEXT] = text
    if query.region:
        codes = {normalize_code(c) for c in query.region}
        out["region"] = _entries(cols.n, cols.region_doc, cols.region_code, cols.vocabs["region"].positions(codes))
    if query.official:
        out["official"] = official_mask(cols.n, conn, sorted(set(query.official)))
    if query.violation_type:
        out["violation_type"] = _entries(cols.n, cols.violation_doc, cols.violation_code,
                                         cols.vocabs["violation"].positions(query.violation_type))
    for key in ("doc_type", "source", "source_type"):
        wanted = getattr(query, key)
        if wanted:
            out[key] = np.isin(getattr(cols, key), cols.vocabs[key].positions(wanted))
    if query.date_from or query.date_to:
        out["date"] = _dates(cols, query)
    return out


def combine(n: int, found: dict[str, np.ndarray], skip: str | None = None) -> np.ndarray | None:
    """The AND of the masks except ``skip``'s; None when no filter applies (every document)."""
    used = [m for key, m in found.items() if key != skip]
    if not used:
        return None
    result = used[0].copy()
    for m in used[1:]:
        result &= m
    return result


def rowids_mask(n: int, rowids: np.ndarray) -> np.ndarray:
    """A mask from document numbers (FTS rowids, 1-based)."""
    mask = np.zeros(n, dtype=bool)
    mask[rowids - 1] = True
    return mask


def official_mask(n: int, conn: sqlite3.Connection, ids: list[str]) -> np.ndarray:
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(f"SELECT doc FROM doc_officials WHERE official_id IN ({marks})", ids).fetchall()
    return rowids_mask(n, np.array([r for (r,) in rows], dtype=np.int64))


def _entries(n: int, docs: np.ndarray, values: np.ndarray, wanted: list[int]) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    if wanted:
        mask[docs[np.isin(values, wanted)]] = True
    return mask


def _dates(cols: Columns, query: SearchQuery) -> np.ndarray:
    mask = cols.day >= 0
    if query.date_from:
        mask &= cols.day >= (query.date_from - EPOCH).days
    if query.date_to:
        mask &= cols.day <= (query.date_to - EPOCH).days
    return mask
