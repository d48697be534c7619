"""``pantau status``: how much the archive holds at each stage."""

from __future__ import annotations

from pathlib import Path

import typer

STAGE_LABELS = {
    "sources": "sources (registered)",
    "captures": "captures (raw pages)",
    "articles": "articles (parsed)",
    "annotated_articles": "annotated articles (any version)",
    "annotations": "annotations (all versions)",
    "officials": "officials (registry persons)",
    "cases": "cases (pantau cases)",
    "schema_version": "schema version",
}


def status(
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as a JSON object."),
) -> None:
    """Print the archive's counts by stage."""
    import json

    from pantau.store import Archive

    from pantau.atomic import leftovers

    with Archive.open(archive_path) as archive:
        counts = archive.counts()
        path = archive.path
    from pantau.search.factory import INDEX_DIR_NAME

    left = leftovers(path.parent) + leftovers(path.parent / INDEX_DIR_NAME)
    if as_json:
        if left:
            counts["leftovers"] = [str(item["path"]) for item in left]
        typer.echo(json.dumps(counts, indent=2))
        return

    from rich.console import Console
    from rich.table import Table

    typer.echo(f"archive: {path}")
    table = Table()
    table.add_column("stage")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        if key.startswith("annotations:"):
            label = f"  annotations, pipeline {key.split(':', 1)[1]}"
        else:
            label = STAGE_LABELS.get(key, key)
        table.add_row(label, f"{value:,}")
    Console().print(table)
    for item in left:  # the next run of the same stage removes them
        typer.echo(f"left by a killed run (pid {item['pid']}, removed by the next run): {item['path']}")
