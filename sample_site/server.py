"""The HTTP server: one localhost server, four sites under path prefixes, traps applied here
(redirects, flaky 500s) or in the site templates (dead links, encoding, size, PDF)."""

from __future__ import annotations

import gzip
import hashlib
import importlib
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from sample_site import cms
from sample_site.base import Ctx, Response, document, e, not_found, redirect, server_error
from sample_site.catalog import Catalog
from sample_site.content import SITES
from sample_site.traps import ROBOTS_DISALLOWED, FlakyState, TrapPlan

TEMPLATES = {site: importlib.import_module(f"sample_site.{module}") for site, (_, module) in SITES.items()}


class SampleSite:
    """The request router and the per-server state (flaky-URL counters)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.plan = TrapPlan(catalog)
        self.flaky = FlakyState()

    def reset(self) -> None:
        """Forget every request, so each flaky URL fails once more."""
        self.flaky.reset()

    def handle(self, target: str, host: str) -> Response:
        parts = urlsplit(target)
        path, base = unquote(parts.path) or "/", f"http://{host}"
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        if path == "/":
            return Response(200, self.index(base))
        if path == "/robots.txt":
            return Response(200, self.robots(base), "text/plain; charset=utf-8")
        if path == "/__reset":
            self.reset()
            return Response(200, "reset\n", "text/plain; charset=utf-8")
        if path in self.plan.redirects:
            return redirect(base + self.plan.redirects[path])
        if path in self.plan.flaky_paths and not parts.query and self.flaky.hit(path) == 1:
            return server_error()
        site, _, rest = path[1:].partition("/")
        if site in cms.SITES:  # the structure fixtures (sample_site/cms)
            return redirect(f"{base}/{site}/") if path == f"/{site}" else cms.handle(site, "/" + rest, base, query)
        if site not in TEMPLATES:
            return not_found()
        if path == f"/{site}":
            return redirect(f"{base}/{site}/")
        ctx = Ctx(base=base, catalog=self.catalog, plan=self.plan, query=query)
        return TEMPLATES[site].handle(ctx, "/" + rest)

    def index(self, base: str) -> str:
        rows = "".join(f'<li><a href="/{site}/">{e(name)}</a> <code>{base}/{site}/</code></li>'
                       for site, (name, _) in SITES.items())
        return document("Pantau – situs berita contoh", "",
                        f"<h1>Situs berita contoh Pantau</h1><ul>{rows}</ul>"
                        '<p>Semua artikel fiktif, ditulis untuk pengujian. <a href="/robots.txt">robots.txt</a></p>')

    def robots(self, base: str) -> str:
        lines = ["User-agent: *", *(f"Disallow: {p}" for p in ROBOTS_DISALLOWED), "Disallow: /__reset", "",
                 f"Sitemap: {base}/kabarpantura/sitemap.xml", f"Sitemap: {base}/nusaraya/sitemap.xml",
                 f"Sitemap: {base}/warta-lembah/wp-sitemap.xml", f"Sitemap: {base}/portal-nusantara/sitemap-news.xml", ""]
        return "\n".join(lines)


class Handler(BaseHTTPRequestHandler):
    server_version = "nginx/1.24.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    app: SampleSite  # set on the subclass made by make_server
    quiet = True

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        host = self.headers.get("Host") or "%s:%s" % self.server.server_address[:2]
        try:
            response = self.app.handle(self.path, host)
        except Exception:  # a bug in a template must not kill the server
            traceback.print_exc(file=sys.stderr)
            response = server_error()
        status, data, headers = self._encode(response)
        try:
            self.send_response(status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            if not head:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _encode(self, response: Response) -> tuple[int, bytes, dict[str, str]]:
        """Like nginx in front of a CMS: ETag and 304 on a matching If-None-Match, gzip for text
        when the client accepts it."""
        status, data, headers = response.status, response.data(), dict(response.headers)
        if status == 200:
            headers["ETag"] = etag = '"%s"' % hashlib.sha1(data).hexdigest()[:20]
            if self.headers.get("If-None-Match") == etag:
                return 304, b"", headers
        kind = response.content_type
        if kind.startswith("text/") or "xml" in kind:
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", "") and len(data) > 1024:
                data = gzip.compress(data, compresslevel=1, mtime=0)
                headers["Content-Encoding"] = "gzip"
        return status, data, headers

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if not self.quiet:
            super().log_message(format, *args)


def make_server(host: str = "127.0.0.1", port: int = 0, *, directory: str | Path | None = None,
                catalog: Catalog | None = None, quiet: bool = True) -> ThreadingHTTPServer:
    """A bound (not yet serving) server; ``server.app`` is its ``SampleSite``."""
    app = SampleSite(catalog or Catalog.load(directory))
    handler = type("SampleSiteHandler", (Handler,), {"app": app, "quiet": quiet})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.app = app  # type: ignore[attr-defined]
    return server


def base_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def start_server(host: str = "127.0.0.1", port: int = 0, *, directory: str | Path | None = None,
                 catalog: Catalog | None = None) -> tuple[ThreadingHTTPServer, threading.Thread, str]:
    """Serve in a background thread. Returns ``(server, thread, base_url)``; stop with
    ``server.shutdown(); server.server_close()``; reset flaky URLs with ``server.app.reset()``."""
    server = make_server(host, port, directory=directory, catalog=catalog)
    thread = threading.Thread(target=server.serve_forever, name="pantau-sample-site", daemon=True)
    thread.start()
    return server, thread, base_url(server)
