"""``pantau crawl``: crawl sources of the registry into the archive."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer


def crawl(
    sources: list[str] | None = typer.Argument(
        None, metavar="[SOURCE]...",
        help="Source ids (`pantau sources`). Default: the sample sites with --sample-url, "
             "else every enabled real source."),
    since: str | None = typer.Option(None, "--since", metavar="YYYY-MM-DD",
                                     help="Skip articles published before this day."),
    max_pages: int | None = typer.Option(None, "--max-pages", min=1,
                                         help="Stop each source after this many responses."),
    sample_url: str | None = typer.Option(
        None, "--sample-url", help="URL of a running `pantau sample-site` (fills {sample} in the registry)."),
    refresh: bool = typer.Option(False, "--refresh",
                                 help="Fetch archived pages again (conditional requests: ETag, Last-Modified)."),
    politeness: str = typer.Option("on", "--politeness", help="on | off (off: no delays or throttling; tests)."),
    registry: Path | None = typer.Option(None, "--sources-file", help="Registry file (default crawler/sources.toml)."),
    archive: Path | None = typer.Option(None, "--archive", help="Archive file (default PANTAU_DATA_DIR/archive.sqlite3)."),
    log_level: str = typer.Option("WARNING", "--log-level", help="Scrapy log level (DEBUG, INFO, WARNING, ERROR)."),
    log_file: Path | None = typer.Option(None, "--log-file", help="Write Scrapy's log to this file."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON (no progress display)."),
    settings: list[str] | None = typer.Option(None, "--set", metavar="NAME=VALUE",
                                              help="A Scrapy setting, e.g. --set DOWNLOAD_MAXSIZE=10000000."),
) -> None:
    """Crawl sources into the archive: discover article URLs (sitemaps, feeds, listings,
    search), capture every page, parse it, keep on-topic articles, and show a summary."""
    import json

    from crawler.registry import load_registry
    from crawler.run import CrawlOptions, run, totals
    from pantau.errors import InvalidInput

    if politeness not in ("on", "off"):
        raise InvalidInput("--politeness is 'on' or 'off'")
    if since:
        try:
            date.fromisoformat(since)
        except ValueError as exc:
            raise InvalidInput(f"--since {since!r} is not a date (YYYY-MM-DD)") from exc
    extra = {}
    for item in settings or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(f"--set {item!r}: expected NAME=VALUE")
        extra[name.strip()] = value
    entries = load_registry(registry).select(sources or None, sample=None if sources else bool(sample_url))
    if not entries:
        raise InvalidInput("no source to crawl")
    for entry in entries:
        entry.resolve(sample_url)  # a sample site without --sample-url fails here, not mid-crawl
    opts = CrawlOptions([e.id for e in entries], sample_url=sample_url, since=since, max_pages=max_pages,
                        refresh=refresh, polite=politeness == "on", registry=registry, archive=archive,
                        log_level=log_level.upper(), log_file=log_file, progress=not as_json,
                        extra_settings=extra)
    summaries = run(opts)
    if as_json:
        typer.echo(json.dumps({"sources": summaries, "total": totals(summaries)}, indent=2))
        return
    print_summary(summaries, totals(summaries))


def print_summary(summaries: dict, total: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="crawl summary")
    for name in ("source", "fetched", "stored", "off-topic", "duplicates", "unchanged", "failed", "finish"):
        table.add_column(name, justify="left" if name in ("source", "finish") else "right")
    for source_id, s in summaries.items():
        table.add_row(source_id, str(s["pages"]), str(s["articles"]), str(s["off_topic"]), str(s["duplicates"]),
                      str(s["unchanged"]), str(sum(s["failed"].values())), s["finish_reason"])
    table.add_row("total", str(total["pages"]), str(total["articles"]), str(total["off_topic"]),
                  str(total["duplicates"]), str(total["unchanged"]), str(sum(total["failed"].values())), "")
    console = Console()
    console.print(table)
    for group, label in (("failed", "failures by kind"), ("skipped", "skipped by kind")):
        if total[group]:
            console.print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in total[group].items()))
