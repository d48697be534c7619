"""``pantau cases``: join the incident reports of the archive's articles into cases.

Runs after ``analyze`` and ``officials``; does nothing when neither the annotations, the
registry, the articles' clusters nor the stage's code changed since the last build (unless
``--force``). The tables are replaced in one transaction: a killed run keeps the old cases.
``--evaluate GOLD.jsonl`` scores the stage on a gold file instead (see pantau.cases.evaluate).
"""

from __future__ import annotations

from pathlib import Path

import typer


def cases(
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
    force: bool = typer.Option(False, "--force", help="Rebuild even if nothing changed."),
    evaluate: Path | None = typer.Option(
        None, "--evaluate", exists=True, dir_okay=False, metavar="GOLD.jsonl",
        help="Score the case stage on a gold file (articles with gold.cases) and print the figures."),
    json_out: bool = typer.Option(False, "--json", help="With --evaluate: print the figures as JSON."),
) -> None:
    """Join reports from many outlets into cases, with their stages from report to sanction."""
    if evaluate is not None:
        from pantau.cases.evaluate import evaluate_file, render

        result = evaluate_file(evaluate)
        typer.echo(render(result, as_json=json_out))
        return
    from pantau.store import Archive
    from pantau.store.cases import is_stale, rebuild

    with Archive.open(archive_path) as archive:
        if not force and not is_stale(archive.conn):
            typer.echo("cases: up to date", err=True)
            return
        stats = rebuild(archive)
    typer.echo(f"cases: {stats['cases']} cases from {stats['articles']} articles", err=True)
