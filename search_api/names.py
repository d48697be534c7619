"""Display names of the ids a search may hold (sources, officials) and a hit's own regions."""

from __future__ import annotations

from pantau.errors import NotFound
from pantau.store import officials as registry


def display_names(archive, official_ids=()) -> dict[str, str | None]:
    """Source id -> name, and official id -> name for ``official_ids`` that exist."""
    out = dict(archive.conn.execute("SELECT id, name FROM sources").fetchall())
    for oid in official_ids:
        try:
            out[oid] = registry.get_official(archive.conn, oid).name
        except NotFound:
            pass
    return out


def leaves(codes: list[str]) -> list[str]:
    """The codes that are no other code's ancestor: a hit's named regions (its region codes
    hold every ancestor too)."""
    return [c for c in codes if not any(d != c and d.startswith(c + ".") for d in codes)]
