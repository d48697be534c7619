"""The configured search backend: ``get_backend(get_settings())``.

``PANTAU_SEARCH_BACKEND`` chooses: ``tantivy`` (default; the index is the versioned
directory ``PANTAU_DATA_DIR/search-index``, beside the archive) or ``elasticsearch``
(``PANTAU_ES_URL``, indexes named with ``PANTAU_ES_INDEX_PREFIX``). Backends are imported
only when chosen.
"""

from __future__ import annotations

from pathlib import Path

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search.base import SearchBackend
from pantau.settings import Settings, get_settings

BACKENDS = ("tantivy", "elasticsearch")
INDEX_DIR_NAME = "search-index"


def index_path(settings: Settings | None = None) -> Path:
    """The embedded index's directory."""
    return (settings or get_settings()).data_dir / INDEX_DIR_NAME


def get_backend(settings: Settings | None = None, name: str | None = None) -> SearchBackend:
    """The backend ``name`` (default: the settings' ``search_backend``)."""
    settings = settings or get_settings()
    name = (name or settings.search_backend).strip().lower()
    if name == "tantivy":
        from pantau.search.tantivy_engine import TantivyBackend

        return TantivyBackend(index_path(settings), facet_budget_s=settings.facet_budget_s)
    if name == "sqlite":
        raise InvalidInput("the sqlite search backend was replaced by tantivy: set "
                           "PANTAU_SEARCH_BACKEND=tantivy (or unset it) and run `pantau index`",
                           detail={"backend": name})
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
