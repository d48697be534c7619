"""The configured search backend: ``get_backend(get_settings())``.

``PANTAU_SEARCH_BACKEND`` chooses: ``sqlite`` (default; the index is
``PANTAU_DATA_DIR/search.sqlite3``, beside the archive) or ``elasticsearch``
(``PANTAU_ES_URL``, indexes named with ``PANTAU_ES_INDEX_PREFIX``). Backends are imported
only when chosen.
"""

from __future__ import annotations

from pathlib import Path

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search.base import SearchBackend
from pantau.settings import Settings, get_settings

BACKENDS = ("sqlite", "elasticsearch")
SQLITE_INDEX_NAME = "search.sqlite3"


def sqlite_index_path(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).data_dir / SQLITE_INDEX_NAME


def get_backend(settings: Settings | None = None, name: str | None = None) -> SearchBackend:
    """The backend ``name`` (default: the settings' ``search_backend``)."""
    settings = settings or get_settings()
    name = (name or settings.search_backend).strip().lower()
    if name == "sqlite":
        from pantau.search.sqlite import SqliteBackend

        return SqliteBackend(sqlite_index_path(settings))
    if name in ("elasticsearch", "es"):
        return _elasticsearch(settings)
    raise InvalidInput(f"unknown search backend {name!r}; use one of {', '.join(BACKENDS)}",
                       detail={"backend": name})


def _elasticsearch(settings: Settings) -> SearchBackend:
    if not settings.es_url:
        raise BackendUnavailable("the elasticsearch backend needs PANTAU_ES_URL (e.g. http://localhost:9200)")
    try:
        from pantau.search.elastic import ElasticsearchBackend
    except ImportError as exc:
        raise BackendUnavailable(f"the elasticsearch backend is not available in this installation ({exc})") from exc
    return ElasticsearchBackend(settings.es_url, prefix=settings.es_index_prefix)
