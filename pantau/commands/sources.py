"""``pantau sources``: the source registry, its reachability and its coverage ledger."""

from __future__ import annotations

from pathlib import Path

import typer


def sources(
    check: bool = typer.Option(False, "--check", help="Request each source's base URL once and report which answer."),
    health: bool = typer.Option(False, "--health", help="Show the coverage ledger (per source per day)."),
    days: int = typer.Option(14, "--days", min=1, help="With --health: how many days back."),
    timeout: float = typer.Option(5.0, "--timeout", min=0.1, help="With --check: seconds per request."),
    sample_url: str | None = typer.Option(None, "--sample-url", help="URL of a running sample site."),
    registry: Path | None = typer.Option(None, "--sources-file", help="Registry file (default crawler/sources.toml)."),
    archive: Path | None = typer.Option(None, "--archive", help="Archive file (default PANTAU_DATA_DIR/archive.sqlite3)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the registered sources (type, region, enabled, verified, base URL)."""
    import json

    from rich.console import Console

    from crawler import source_report
    from crawler.registry import load_registry

    entries = load_registry(registry).entries
    if health:
        rows = source_report.health_rows(archive, days)
        data, table = rows, source_report.health_table(rows)
    elif check:
        rows = source_report.check(entries, sample_url, timeout)
        data, table = rows, source_report.check_table(rows)
    else:
        data = [source_report.describe(e) for e in entries]
        table = source_report.list_table(data)
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        Console().print(table)
