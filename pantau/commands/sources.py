"""``pantau sources``: the source registry, its coverage by province, a check of each source
(answers, discovery, a parsed sample article), a probe of a new site, and source health."""

from __future__ import annotations

from pathlib import Path

import typer


def sources(
    ids: list[str] | None = typer.Argument(None, metavar="[SOURCE]...", help="With --check: only these sources."),
    check: bool = typer.Option(False, "--check", help="Check each source: does it answer, does discovery find "
                               "articles, does a sample article parse with title, date and text?"),
    write: bool = typer.Option(False, "--write", help="With --check: mark the sources that pass all three "
                               "verified in the registry file (and unmark those that fail)."),
    probe: str | None = typer.Option(None, "--probe", metavar="URL", help="Try every discovery method on a new "
                                     "site and print a ready registry entry."),
    coverage: bool = typer.Option(False, "--coverage", help="Only the coverage by province and its gaps."),
    markdown: bool = typer.Option(False, "--markdown", help="With --coverage: print a Markdown table."),
    health: bool = typer.Option(False, "--health", help="Each source's health (ok, degraded, blocked, dead) "
                                "from its last crawls, and the coverage ledger."),
    days: int = typer.Option(14, "--days", min=1, help="With --health: how many days back."),
    timeout: float = typer.Option(5.0, "--timeout", min=0.1, help="With --check/--probe: seconds per request."),
    keywords: list[str] | None = typer.Option(None, "--keyword", help="With --probe: search words "
                                               "(default: the registry's default queries)."),
    sample_url: str | None = typer.Option(None, "--sample-url", help="URL of a running sample site."),
    registry: Path | None = typer.Option(None, "--sources-file", help="Registry file (default crawler/sources.toml)."),
    archive: Path | None = typer.Option(None, "--archive", help="Archive file (default PANTAU_DATA_DIR/archive.sqlite3)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the registered sources and their coverage by province (gaps: provinces with no outlet)."""
    from pantau.errors import InvalidInput

    if write and not check:
        raise InvalidInput("--write needs --check")
    if markdown and not coverage:
        raise InvalidInput("--markdown needs --coverage")
    if ids and not (check or write):
        raise InvalidInput("source ids are only taken with --check")
    if sum(map(bool, (check, probe, coverage, health))) > 1:
        raise InvalidInput("choose one of --check, --probe, --coverage, --health")
    import json

    from rich.console import Console

    from crawler import source_report as views
    from crawler.registry import load_registry

    if probe:
        data, shown = views.probe_view(probe, timeout, keywords)
    else:
        entries = load_registry(registry).entries
        if check:
            data, shown = views.check_view(entries, ids, sample_url, timeout, (registry or True) if write else None)
        elif health:
            data, shown = views.health_view(entries, archive, days)
        elif coverage:
            data, shown = views.coverage_view(entries, markdown)
        else:
            data, shown = views.list_view(entries)
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    console = Console()
    for item in shown:
        if isinstance(item, str):
            typer.echo(item)
        else:
            console.print(item)
