"""``pantau officials``: rebuild the officials registry from the latest annotations."""

from __future__ import annotations

from pathlib import Path

import typer


def officials(
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
    force: bool = typer.Option(False, "--force", help="Rebuild even if no annotation changed."),
) -> None:
    """Merge the officials named in the annotations into persons (the registry the API lists)."""
    from pantau.store import Archive
    from pantau.store.officials import is_stale, rebuild

    with Archive.open(archive_path) as archive:
        if not force and not is_stale(archive.conn):
            typer.echo("officials: registry is up to date", err=True)
            return
        stats = rebuild(archive)
    typer.echo(f"officials: {stats['mentions']} mentions merged into {stats['officials']} officials",
               err=True)
