"""HTTP caching: validators (``ETag``, ``Last-Modified``), ``304 Not Modified`` and
``Cache-Control``, one policy per route (``@cache_policy(...)`` under the route decorator).

- ``INDEX``: answers made from the search index alone (search, timeline, the region tree
  and one region). They change only with a rebuild, so their validator is the index
  version: the tantivy build id (Elasticsearch: the index behind the alias) with the API's
  own version (a hash of its OpenAPI document), as a weak ``ETag``; ``Last-Modified`` is the
  build's time (tantivy). A conditional request that matches is answered ``304`` before any
  work is done. ``Cache-Control: public, max-age=<PANTAU_API_CACHE_MAX_AGE_S>``. The index
  version is looked up at most once per ``VERSION_TTL_S`` per worker, so validators follow a
  rebuild within that time.
  Each worker also keeps the answers themselves (``Answers``: the body as rendered, keyed
  by the index version and the full URL; least recently used dropped past
  ``PANTAU_API_ANSWER_CACHE_MB``), and the workers share them through files
  (``shared_answers.py``, ``PANTAU_API_SHARED_ANSWERS``), so an answer is computed once per
  index version (header ``X-Pantau-Cache: hit`` or ``miss``).
- ``ARCHIVE``: answers read from the archive (an article, its capture, officials, sources),
  which change without a rebuild (analysis, crawling). Their ``ETag`` is a digest of the
  body, so it changes exactly when the answer does, in every worker; ``304`` saves the
  transfer, not the work. No ``Last-Modified``. ``Cache-Control: no-cache`` (keep, but ask).
- ``STATIC``: answers made from the code alone (taxonomy, data dictionary): a digest of the
  body, and ``Cache-Control: public, max-age=...``.
- ``NONE`` (the default): ``Cache-Control: no-store`` (health, exports, manifests: the latter
  carry ``generated_at``).

ETags are weak (``W/"..."``): the same validator stands for the gzip and the identity
encoding of an answer (``Vary: Accept-Encoding``).
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from enum import Enum

import anyio
from fastapi import Request
from fastapi.responses import Response, StreamingResponse
from fastapi.routing import APIRoute

from pantau import __version__
from pantau.errors import PantauError

VERSION_TTL_S = 1.0


class Policy(str, Enum):
    INDEX = "index"
    ARCHIVE = "archive"
    STATIC = "static"
    NONE = "none"


def cache_policy(policy: Policy, archive_when: dict[str, str] | None = None) -> Callable:
    """Mark an endpoint's policy; ``archive_when`` names query parameter values whose
    answers come from the archive instead of the index (``unit=cases``): ``ARCHIVE`` then."""
    def mark(endpoint: Callable) -> Callable:
        endpoint._pantau_cache = policy
        endpoint._pantau_archive_when = dict(archive_when or {})
        return endpoint

    return mark


# -- the index version ----------------------------------------------------------------------

class IndexVersion:
    """(version, built_at) of the live index, looked up at most once per ``VERSION_TTL_S``
    (in a worker thread: an Elasticsearch backend asks its server). Its backend object is
    used by one thread at a time (the lock), never concurrently."""

    def __init__(self, backend_factory: Callable) -> None:
        self._factory = backend_factory
        self._backend = None
        self._value: tuple[str, datetime | None] | None = None
        self._checked = 0.0
        self._lock = anyio.Lock()

    async def get(self) -> tuple[str, datetime | None] | None:
        if time.monotonic() - self._checked < VERSION_TTL_S:
            return self._value
        async with self._lock:
            if time.monotonic() - self._checked >= VERSION_TTL_S:
                self._value = await anyio.to_thread.run_sync(self._lookup)
                self._checked = time.monotonic()
        return self._value

    def _lookup(self) -> tuple[str, datetime | None] | None:
        try:
            if self._backend is None:
                self._backend = self._factory()
            health = self._backend.health()
        except PantauError:
            return None  # no index: the route answers (503), without a validator
        version = health.get("build_id") or health.get("index")
        if not version:
            return None
        built = health.get("built_at")
        try:
            built_at = datetime.fromisoformat(built).replace(microsecond=0) if built else None
        except ValueError:
            built_at = None
        return str(version), built_at

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()


# -- answers of the live index version -----------------------------------------------------

_KEPT_HEADERS = ("content-type", "content-disposition", "link", "x-total-count")


class Answers:
    """An LRU of rendered answers, bounded in bytes; used from the event loop only. With
    ``shared``, a miss here is looked up in the store the workers share (``SharedAnswers``),
    and an answer computed here is written there too."""

    def __init__(self, max_bytes: int, shared=None) -> None:
        self.max_bytes, self.size = max_bytes, 0
        self.shared = shared
        self._items: OrderedDict[tuple, tuple[bytes, dict]] = OrderedDict()

    def get(self, key: tuple) -> Response | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        elif self.shared is not None and self.max_bytes > 0:
            item = self.shared.get(key)
            if item is not None:
                self._keep(key, *item)
        return None if item is None else Response(item[0], headers=item[1])

    def put(self, key: tuple, response: Response) -> None:
        body = bytes(response.body)
        if self.max_bytes <= 0 or len(body) > self.max_bytes // 8:
            return
        headers = {k: v for k, v in response.headers.items() if k in _KEPT_HEADERS}
        self._keep(key, body, headers)
        if self.shared is not None:
            self.shared.put(key, body, headers)

    def _keep(self, key: tuple, body: bytes, headers: dict) -> None:
        if len(body) > self.max_bytes // 8:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= len(old[0])
        self._items[key] = (body, headers)
        self.size += len(body)
        while self.size > self.max_bytes and self._items:
            _, (dropped, _) = self._items.popitem(last=False)
            self.size -= len(dropped)


# -- validators --------------------------------------------------------------------------

def _api_token(request: Request) -> str:
    app = request.app
    token = getattr(app.state, "api_token", None)
    if token is None:
        import json

        schema = json.dumps(app.openapi(), sort_keys=True).encode()
        token = app.state.api_token = hashlib.sha256(schema + __version__.encode()).hexdigest()[:12]
    return token


def _weak(digest: str) -> str:
    return f'W/"{digest}"'


def _matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): ``*`` or any listed tag with the same opaque value."""
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


def _not_modified_since(request: Request, built_at: datetime | None) -> bool:
    since = request.headers.get("if-modified-since")
    if built_at is None or not since or "if-none-match" in request.headers:
        return False
    try:
        return built_at <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def _headers(policy: Policy, etag: str | None, built_at: datetime | None, max_age: int) -> dict:
    control = {Policy.INDEX: f"public, max-age={max_age}", Policy.STATIC: f"public, max-age={max_age}",
               Policy.ARCHIVE: "no-cache", Policy.NONE: "no-store"}[policy]
    headers = {"Cache-Control": control}
    if etag:
        headers["ETag"] = etag
    if built_at is not None:
        headers["Last-Modified"] = format_datetime(built_at, usegmt=True)
    return headers


def _not_modified(headers: dict) -> Response:
    # A 200 says Vary when GZipMiddleware compressed it; a 304 stands for either encoding.
    return Response(status_code=304, headers={**headers, "Vary": "Accept-Encoding"})


def _doc(text: str) -> dict:
    return {"description": text, "schema": {"type": "string"}}


_CONTROL = _doc("`public, max-age=N` (index and static answers), `no-cache` (archive answers) "
                "or `no-store`.")
_ETAG = _doc('Weak validator, `W/"..."`: the index version (index answers) or a digest of the body.')
_HEADER_DOCS = {
    Policy.INDEX: {"Cache-Control": _CONTROL, "ETag": _ETAG,
                   "Last-Modified": _doc("When the live index was built."),
                   "X-Pantau-Cache": _doc("`hit`: this worker had the answer; `miss`: computed.")},
    Policy.ARCHIVE: {"Cache-Control": _CONTROL, "ETag": _ETAG},
    Policy.STATIC: {"Cache-Control": _CONTROL, "ETag": _ETAG},
    Policy.NONE: {"Cache-Control": _CONTROL},
}


# -- the route class ---------------------------------------------------------------------

class CachedRoute(APIRoute):
    """An APIRoute that applies its endpoint's cache policy around the usual handler."""

    def __init__(self, path: str, endpoint: Callable, **kwargs) -> None:
        policy = getattr(endpoint, "_pantau_cache", Policy.NONE)
        responses = dict(kwargs.get("responses") or {})
        ok = dict(responses.get(200) or {})
        ok["headers"] = {**_HEADER_DOCS[policy], **ok.get("headers", {})}
        responses[200] = ok
        if policy != Policy.NONE:
            responses.setdefault(304, {"description": "Not modified: the `If-None-Match` (or "
                                       "`If-Modified-Since`) validator is still current. No body.",
                                       "headers": _HEADER_DOCS[policy]})
        kwargs["responses"] = responses
        self.cache_policy = policy
        self.archive_when = getattr(endpoint, "_pantau_archive_when", {})
        super().__init__(path, endpoint, **kwargs)

    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()
        route_policy, archive_when = self.cache_policy, self.archive_when
        if route_policy == Policy.NONE:
            async def uncached(request: Request) -> Response:
                response = await handler(request)
                response.headers.setdefault("Cache-Control", "no-store")
                return response
            return uncached

        async def cached(request: Request) -> Response:
            policy = route_policy
            if any(request.query_params.get(k) == v for k, v in archive_when.items()):
                policy = Policy.ARCHIVE
            context = request.app.state.context
            max_age = context.limits.cache_max_age_s
            etag = built_at = key = None
            if policy == Policy.INDEX:
                version = await context.index_version.get()
                if version is not None:
                    key = f"{_api_token(request)}|{version[0]}".encode()
                    etag, built_at = _weak(hashlib.sha256(key).hexdigest()[:20]), version[1]
                    headers = _headers(policy, etag, built_at, max_age)
                    if (_matches(request.headers.get("if-none-match", ""), etag)
                            or _not_modified_since(request, built_at)):
                        return _not_modified(headers)
                    # the API's own version too: the shared answers outlive a restart
                    key = (f"{_api_token(request)}|{version[0]}", str(request.url))
                    kept = context.answers.get(key)
                    if kept is not None:
                        kept.headers.update({**headers, "X-Pantau-Cache": "hit"})
                        return kept
            response = await handler(request)
            if response.status_code != 200:
                return response
            if key is not None and not isinstance(response, StreamingResponse):
                context.answers.put(key, response)
                response.headers["X-Pantau-Cache"] = "miss"
            if policy != Policy.INDEX and not isinstance(response, StreamingResponse):
                etag = _weak(hashlib.sha256(response.body).hexdigest()[:20])
            headers = _headers(policy, etag, built_at, max_age)
            if etag and _matches(request.headers.get("if-none-match", ""), etag):
                return _not_modified(headers)
            response.headers.update(headers)
            return response

        return cached
