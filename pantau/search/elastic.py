"""The Elasticsearch search backend: request bodies in ``elastic_query``, responses in
``elastic_results``, index versions and the alias swap in ``elastic_index``.

Readers use the alias ``<prefix>-articles``; ``rebuild`` builds a new versioned index and
moves the alias atomically. Unreachable clusters raise BackendUnavailable naming the URL.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search import elastic_index, elastic_query, elastic_results
from pantau.search.base import IndexDocument, IndexStats, SearchBackend
from pantau.search.cursor import decode_cursor
from pantau.search.query import SearchPage, SearchQuery, TextQuery, TimelineBucket, parse_text

IDS_BATCH = 1000
PIT_KEEP_ALIVE = "2m"


def safe_url(url: str) -> str:
    """``url`` without user name and password, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "pantau", client=None, *,
                 request_timeout: float = 30.0) -> None:
        if client is None and not url:
            raise BackendUnavailable("no Elasticsearch URL configured: set PANTAU_ES_URL")
        self.url = safe_url(url or "")
        self.alias = elastic_index.alias_name(prefix)
        self.client = client if client is not None else self._connect(url, request_timeout)

    @staticmethod
    def _connect(url: str, request_timeout: float):
        from elasticsearch import Elasticsearch

        return Elasticsearch(url, request_timeout=request_timeout, retry_on_timeout=True,
                             max_retries=2)

    # -- errors ----------------------------------------------------------------------------

    @contextmanager
    def _errors(self, cursor: bool = False):
        """Translate client errors into Pantau's: cluster down or refusing -> BackendUnavailable
        (with the URL), missing index -> BackendUnavailable (run `pantau index`), a request the
        cluster rejects because of a forged cursor -> InvalidInput."""
        from elastic_transport import TransportError
        from elasticsearch import ApiError, UnsupportedProductError

        try:
            yield
        except TransportError as e:
            raise self._unavailable(f"cannot be reached: {e}") from e
        except UnsupportedProductError as e:
            raise self._unavailable(f"is not an Elasticsearch server: {e.message}") from e
        except ApiError as e:
            error = self._api_error(e, cursor)
            if error is e:
                raise
            raise error from e

    def _unavailable(self, what: str, **detail) -> BackendUnavailable:
        return BackendUnavailable(f"Elasticsearch at {self.url} {what}",
                                  detail={"url": self.url, **detail})

    def _api_error(self, e, cursor: bool) -> Exception:
        status = e.meta.status
        if status == 404 and e.error == "index_not_found_exception":
            return self._unavailable(f"has no search index {self.alias!r}: run `pantau index` first",
                                     index=self.alias)
        if cursor and status == 400:
            return InvalidInput("invalid cursor: Elasticsearch rejected its sort values",
                                detail={"reason": str(e.message)})
        if status in (401, 403) or status >= 500:
            return self._unavailable(f"answered {status}: {e.message}")
        return e

    # -- SearchBackend ---------------------------------------------------------------------

    def rebuild(self, docs: Iterable[IndexDocument]) -> IndexStats:
        started = time.monotonic()
        with self._errors():
            index, count = elastic_index.rebuild(self.client, self.alias, docs)
        return IndexStats(backend=self.name, index=index, documents=count,
                          seconds=round(time.monotonic() - started, 3))

    def search(self, query: SearchQuery) -> SearchPage:
        text = parse_text(query.q)
        sort = elastic_query.effective_sort(query, text)
        after = None
        if query.cursor:
            after = decode_cursor(query.cursor, sort, len(elastic_query.SORTS[sort]))
        body = elastic_query.search_body(query, text, after)
        with self._errors(cursor=after is not None):
            resp = self.client.search(index=self.alias, **body)
        return elastic_results.to_page(_body(resp), query, sort)

    def timeline(self, query: SearchQuery, interval: Literal["week", "month"],
                 split: Literal["violation_type", "province"] | None = None) -> list[TimelineBucket]:
        if interval not in ("week", "month"):
            raise InvalidInput(f"unknown interval {interval!r}; use 'week' or 'month'")
        if split is not None and split not in elastic_query.SPLIT_FIELD:
            raise InvalidInput(f"unknown split {split!r}; use 'violation_type' or 'province'")
        body = elastic_query.timeline_body(query, parse_text(query.q), interval, split)
        with self._errors():
            resp = self.client.search(index=self.alias, **body)
        return elastic_results.to_timeline(_body(resp), interval, split)

    def count(self, query: SearchQuery) -> int:
        body = elastic_query.count_body(query, parse_text(query.q))
        with self._errors():
            return int(self.client.count(index=self.alias, **body)["count"])

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        """Every matching id, newest first, read through a point in time so that a rebuild
        (alias swap) during the export does not mix two indexes."""
        text = parse_text(query.q)
        with self._errors():
            pit = {"id": self.client.open_point_in_time(index=self.alias,
                                                        keep_alive=PIT_KEEP_ALIVE)["id"]}
        try:
            yield from self._ids_in_pit(query, text, pit)
        finally:
            self._close_pit(pit["id"])

    def _ids_in_pit(self, query: SearchQuery, text: TextQuery, pit: dict) -> Iterator[str]:
        after = None
        while True:
            body = elastic_query.ids_body(query, text, IDS_BATCH, after)
            body["pit"] = {"id": pit["id"], "keep_alive": PIT_KEEP_ALIVE}
            with self._errors():
                resp = _body(self.client.search(**body))
            pit["id"] = resp.get("pit_id", pit["id"])
            hits = resp["hits"]["hits"]
            yield from (hit["_id"] for hit in hits)
            if len(hits) < IDS_BATCH:
                return
            after = hits[-1]["sort"]

    def _close_pit(self, pit_id: str) -> None:
        """Best effort: an unclosed point in time expires after PIT_KEEP_ALIVE anyway."""
        try:
            self.client.close_point_in_time(id=pit_id)
        except Exception:  # noqa: BLE001
            pass

    def health(self) -> dict:
        with self._errors():
            info = _body(self.client.info())
            indexes = elastic_index.alias_indexes(self.client, self.alias)
            if not indexes:
                raise self._unavailable(f"has no search index {self.alias!r}: "
                                        "run `pantau index` first", index=self.alias)
            documents = int(self.client.count(index=self.alias)["count"])
        return {"backend": self.name, "url": self.url, "alias": self.alias,
                "index": ",".join(indexes), "documents": documents,
                "server_version": info.get("version", {}).get("number"),
                "mapping_version": elastic_index.mapping_version()}

    def close(self) -> None:
        self.client.close()


def _body(resp) -> dict:
    return resp.body if hasattr(resp, "body") else resp
