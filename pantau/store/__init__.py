"""The archive store: SQLite (WAL) holding sources, raw captures, articles and annotations.

See :class:`pantau.store.archive.Archive` for the API and :mod:`pantau.store.migrations`
for adding tables.
"""

from pantau.store.archive import Archive
from pantau.store.migrations import MIGRATIONS, Migration

__all__ = ["Archive", "MIGRATIONS", "Migration"]
