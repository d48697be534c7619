"""``pantau parse``: read saved pages into articles, through the parse path of the crawler and
``pantau reparse`` (``crawler.archiving.judge``: the same parser, the source's time zone,
the same relevance verdict). No archive, no network.

    pantau parse PAGE.html [--url URL] [--source ID]     # the article as JSON on stdout
    pantau parse IN.jsonl -o OUT.jsonl [--source ID]     # one line per input line

An input line is a JSON object with ``id``, ``url`` and either ``html`` (the page as a string)
or ``path`` (a file; ``.gz`` is decompressed), optionally ``headers`` (the response headers)
and ``source`` (a registry id: its time zone for times written without an offset). Each
output line has ``id``, ``url``, ``canonical_url``, ``title``, ``text``, ``published`` (ISO
8601 with the page's offset), ``author``, ``language``, ``section``, ``methods`` (field ->
the extractor that produced it), ``on_topic`` (the crawler's relevance verdict) and
``error`` (null, or why the page gave no article). A bad line gets an output line with its
error; every good line is written. The output appears whole or not at all.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import typer

from pantau.errors import InvalidInput, PantauError

FIELDS = ("id", "url", "canonical_url", "title", "text", "published", "author", "language", "section",
          "methods", "on_topic", "error")


def read_page(path: Path) -> bytes:
    """The bytes of a saved page (``.gz`` decompressed)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" or data[:2] == b"\x1f\x8b" else data


def page_url(body: bytes, path: Path | None) -> str:
    """The address a saved page gives itself (rel=canonical, og:url), else its file URL."""
    from crawler.parsing.article import parse_html
    from crawler.parsing.encoding import decode_body
    from crawler.parsing.metadata import read_metadata

    tree = parse_html(decode_body(body[:200_000], {}).text)
    if tree is not None:
        meta = read_metadata(tree, "http://localhost/")
        for candidate in (meta.canonical, meta.meta.get("og:url")):
            if candidate and candidate.startswith(("http://", "https://")) and "localhost" not in candidate:
                return candidate
    return path.resolve().as_uri() if path is not None else "http://localhost/page.html"


class Sources:
    """Sources by registry id, looked up once; without an id, a WIB news source."""

    def __init__(self) -> None:
        self.known: dict[str | None, object] = {}

    def get(self, source_id: str | None):
        if source_id not in self.known:
            self.known[source_id] = self._load(source_id)
        return self.known[source_id]

    @staticmethod
    def _load(source_id: str | None):
        from pantau.schema import Source

        if source_id is None:
            return Source(id="parse", name="pantau parse", type="news", base_url="http://localhost/")
        from crawler.registry import load_registry

        entry = load_registry().get(source_id)  # NotFound names the id
        site = entry.resolve("http://localhost/" if entry.is_sample else None)
        return site.to_source()


def parse_one(body: bytes, url: str, headers: dict, source, record_id: str | None = None) -> dict:
    """The output record of one page, through ``crawler.archiving.judge``."""
    from datetime import datetime, timezone

    from crawler.archiving import capture_of, judge
    from crawler.items import Page

    page = Page(url=url, final_url=url, status=200, headers=headers, body=body,
                fetched_at=datetime.now(timezone.utc))
    outcome = judge([capture_of(source.id, page)], source)
    record = dict.fromkeys(FIELDS)
    record.update(id=record_id, url=url)
    article = outcome.article
    if article is None:
        record["error"] = outcome.reason or outcome.kind
        return record
    record.update(
        id=record_id if record_id is not None else article.id, canonical_url=article.canonical_url,
        title=article.title, text=article.text, author=article.author, language=article.language,
        section=article.section, published=article.published_at.isoformat() if article.published_at else None,
        methods={m.field: m.method for m in article.methods}, on_topic=outcome.kind == "keep")
    return record


def _line_page(obj) -> tuple[bytes, str, dict]:
    """(body, url, headers) of an input line, or ValueError saying what is wrong with it."""
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    html, path = obj.get("html"), obj.get("path")
    if isinstance(html, str):
        body, file = html.encode("utf-8"), None
    elif isinstance(path, str) and path:
        file = Path(path)
        try:
            body = read_page(file)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise ValueError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    else:
        raise ValueError('neither "html" (a string) nor "path"')
    headers = obj.get("headers") or {}
    if not isinstance(headers, dict):
        raise ValueError('"headers" is not an object')
    url = obj.get("url")
    url = url if isinstance(url, str) and url.strip() else page_url(body, file)
    return body, url.strip(), {str(k): str(v) for k, v in headers.items()}


def parse_line(raw: bytes, sources: Sources, default_source: str | None) -> dict:
    """The output record of one input line; never raises."""
    record_id = None
    try:
        obj = json.loads(raw.decode("utf-8"))
        record_id = obj.get("id") if isinstance(obj, dict) else None
        body, url, headers = _line_page(obj)
        source = sources.get(obj.get("source") or default_source)
        return parse_one(body, url, headers, source, "" if record_id is None else str(record_id))
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        return {**dict.fromkeys(FIELDS), "id": record_id, "error": f"bad line: {exc}"}
    except PantauError as exc:  # an unknown source id
        return {**dict.fromkeys(FIELDS), "id": record_id, "error": exc.message}
    except Exception as exc:  # noqa: BLE001 - one page must not stop the file
        return {**dict.fromkeys(FIELDS), "id": record_id, "error": f"{type(exc).__name__}: {exc}"[:300]}


def parse_file(input_path: Path, output: Path, default_source: str | None) -> tuple[int, int]:
    """Write one record per input line to ``output`` (atomically); (lines, errors)."""
    from pantau.atomic import AtomicFiles

    sources, lines, errors = Sources(), 0, 0
    with AtomicFiles([output]) as files, files.open(output) as out, input_path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            record = parse_line(raw, sources, default_source)
            lines += 1
            if record["error"]:
                errors += 1
                typer.echo(f"{input_path}:{number}: {record['error']}", err=True)
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    return lines, errors


def parse(
    input_path: Path = typer.Argument(..., exists=True, dir_okay=False, metavar="PAGE.html|IN.jsonl",
                                      help="A saved page (.gz read too), or a JSONL file of pages."),
    output: Path | None = typer.Option(None, "-o", "--output", dir_okay=False,
                                       help="Where to write one JSON object a line (JSONL input)."),
    url: str | None = typer.Option(None, "--url", help="The page's address (default: its canonical link, "
                                                      "else its file URL)."),
    source: str | None = typer.Option(None, "--source", help="Registry id of the page's source: its time zone "
                                                            "for times written without an offset."),
) -> None:
    """Parse saved pages into articles, as the crawler does: one page to JSON on stdout, or a
    JSONL file of pages (id, url, html or path, headers, source) to a JSONL file."""
    sources = Sources()
    sources.get(source)  # an unknown --source is an error before anything is read or written
    if input_path.suffix in (".jsonl", ".ndjson"):
        if output is None:
            raise InvalidInput("a JSONL input needs -o OUT.jsonl")
        if url is not None:
            raise InvalidInput("--url is for a single page; give each line its url")
        if output.resolve() == input_path.resolve():
            raise InvalidInput("-o must name another file than the input")
        lines, errors = parse_file(input_path, output, source)
        typer.echo(f"parse: {lines} pages written to {output}"
                   + (f"; {errors} without an article (listed above)" if errors else ""), err=True)
        return
    if output is not None:
        raise InvalidInput("-o is for a JSONL input; a single page is printed")
    try:
        body = read_page(input_path)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InvalidInput(f"cannot read {input_path}: {getattr(exc, 'strerror', None) or exc}") from None
    record = parse_one(body, url or page_url(body, input_path), {}, sources.get(source))
    typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
