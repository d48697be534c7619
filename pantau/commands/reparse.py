"""``pantau reparse``: parse the stored captures again (after a parser change), no network."""

from __future__ import annotations

from pathlib import Path

import typer


def reparse(
    source: str | None = typer.Option(None, "--source", help="Only the captures of this source id."),
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as a JSON object."),
) -> None:
    """Re-parse every stored capture into articles (same ids, new parser version) and
    recompute duplicate clusters."""
    import json

    from crawler.parsing import PARSER_VERSION
    from crawler.reparse import reparse_archive
    from pantau.errors import NotFound
    from pantau.store import Archive

    with Archive.open(archive_path) as archive:
        if source is not None:
            try:
                archive.get_source(source)
            except NotFound as exc:
                raise NotFound(f"no source {source!r} in the archive (see 'pantau sources')") from exc

        def progress(n: int) -> None:
            typer.echo(f"... {n:,} captures", err=True)

        summary = reparse_archive(archive, source, progress=progress)
    if as_json:
        typer.echo(json.dumps({"parser_version": PARSER_VERSION, **summary.to_dict()}, indent=2))
        return
    typer.echo(f"parser {PARSER_VERSION}: {summary.captures:,} captures, "
               f"{summary.articles:,} articles parsed")
    for title, counts in (("failed", summary.failed), ("skipped", summary.skipped), ("notes", summary.notes)):
        if counts:
            typer.echo(f"{title}: {sum(counts.values()):,}")
            for reason, n in counts.most_common():
                typer.echo(f"  {reason}: {n:,}")
