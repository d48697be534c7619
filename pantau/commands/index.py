"""``pantau index``: build the search index from the archive.

Brings the officials registry up to date, reads every article with its latest annotation,
source and registry persons (``pantau.search.document``) and rebuilds the chosen backend's index; searches keep working on the old index until the new
one is swapped in.
"""

from __future__ import annotations

import time
from pathlib import Path

import typer


def index(
    backend: str | None = typer.Option(
        None, "--backend", help="tantivy or elasticsearch (default: PANTAU_SEARCH_BACKEND, else tantivy)."),
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
) -> None:
    """Rebuild the search index from the archive."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from pantau.search.document import build_documents
    from pantau.search.factory import get_backend
    from pantau.store import Archive
    from pantau.store.officials import ensure_fresh

    err = Console(stderr=True)
    search = get_backend(name=backend)
    started = time.perf_counter()
    with Archive.open(archive_path) as archive:
        if ensure_fresh(archive):  # documents carry registry person ids (the official filter)
            err.print("index: the officials registry was out of date and has been rebuilt")
        total = archive.count_articles()
        err.print(f"index: {total} articles from {archive.path} into the {search.name} backend")
        with Progress(TextColumn("index"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=err) as progress:
            task = progress.add_task("index", total=total)

            def counted():
                for doc in build_documents(archive):
                    yield doc
                    progress.advance(task)

            try:
                stats = search.rebuild(counted())
            except (OSError, ValueError) as exc:
                raise _write_failure(exc, search) from exc
    _remove_legacy_index(archive.path.parent, err)
    seconds = time.perf_counter() - started
    rate = stats.documents / seconds if seconds else 0.0
    typer.echo(f"index: {stats.documents} documents in {stats.index} ({search.name}), "
               f"{seconds:.1f} s, {rate:.0f} documents/s")
    search.close()


def _remove_legacy_index(data_dir: Path, err) -> None:
    """The SQLite index of earlier versions (``search.sqlite3`` and the build files a killed
    build left): the tantivy index replaced it."""
    for path in sorted(data_dir.glob("search.sqlite3*")):
        path.unlink(missing_ok=True)
        err.print(f"index: removed {path.name} (the SQLite index of an earlier version)")


def _write_failure(exc: Exception, search) -> Exception:
    """A clear error for a build that could not be written (tantivy reports a full disk only
    as a failed writer thread): where, how much space is free there, and that the previous
    index is still live. Other errors are returned unchanged."""
    import shutil

    from pantau.errors import StorageError, storage_problem

    root = getattr(search, "path", None)
    if root is None:
        return exc
    problem = storage_problem(exc, f"the search index in {root}")
    if problem is None and not (isinstance(exc, ValueError) and "io::Error" in str(exc)):
        return exc
    try:
        free = shutil.disk_usage(root).free
    except OSError:
        free = None
    room = f"; {free / 2**20:.1f} MiB free there" if free is not None else ""
    reason = problem.message.split(". Nothing")[0] if problem else f"the index writer failed ({exc})"
    return StorageError(f"{reason}{room}: is the disk full? The previous index is still live and "
                        "nothing was replaced; free some space and run `pantau index` again.",
                        detail={"index": str(root), "free_bytes": free})
