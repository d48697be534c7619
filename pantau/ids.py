"""URL normalisation and stable ids.

Ids are short hex digests of normalised strings, so the same page always gets the same id
and re-running a stage upserts instead of duplicating.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|igshid|ref|ref_src|"
    r"amp|amp_js_v|usqp|outputType|page_from|src|source|share)$",
    re.IGNORECASE,
)
MOBILE_HOST = re.compile(r"^(m|mobile|amp)\.", re.IGNORECASE)
AMP_PATH = re.compile(r"(/amp/?$|^/amp(?=/)|\.amp$)", re.IGNORECASE)


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters,
    sort the remaining query parameters and strip a trailing slash (except the root)."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING_PARAMS.match(k))
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def canonical_url(url: str) -> str:
    """``normalize_url`` plus folding of AMP and mobile variants onto the article itself and
    of http onto https, so that every variant of one article maps to one key."""
    parts = urlsplit(normalize_url(url))
    host = MOBILE_HOST.sub("", parts.netloc)
    path = AMP_PATH.sub("", parts.path) or "/"
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    return urlunsplit((scheme, host, path, parts.query, ""))


def files_digest(paths, root):
    """sha256 over the names (relative to ``root``), sizes and bytes of ``paths``: a version
    that changes with any of those files (the parser's and the NLP pipeline's)."""
    h = hashlib.sha256()
    for path in paths:
        data = path.read_bytes()
        h.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h


def digest(*parts: str | bytes, length: int = 16) -> str:
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\x1f")
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
    return h.hexdigest()[:length]


def content_hash(body: bytes) -> str:
    """Full sha256 of raw bytes, used for exact-duplicate detection and capture integrity."""
    return hashlib.sha256(body).hexdigest()


def article_id(url: str) -> str:
    """Stable id of an article: a digest of its canonical URL."""
    return digest(canonical_url(url))


def capture_id(url: str, body_sha256: str) -> str:
    """Stable id of a capture: the same bytes fetched from the same URL are one capture."""
    return digest(normalize_url(url), body_sha256, length=20)


def slugify(text: str) -> str:
    text = re.sub(r"[^\w\s-]", "", text.lower(), flags=re.UNICODE)
    return re.sub(r"[\s_-]+", "-", text).strip("-")
