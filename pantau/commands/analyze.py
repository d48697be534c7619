"""``pantau analyze``: annotate the archive's articles with the current NLP pipeline.

A thin command line around ``nlp.stage.AnalyzeRun``, which picks the articles without an
annotation of the current ``PIPELINE_VERSION``, runs the pipeline on them in batches and
stores each batch's annotations in one transaction (an interrupted run loses at most one
batch; the next run continues where it stopped). Here: progress and the summary.
"""

from __future__ import annotations

import time
from pathlib import Path

import typer


def analyze(
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1,
                                   help="Articles per batch (one transaction each)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Analyse at most this many articles."),
) -> None:
    """Run the NLP pipeline over articles that lack an annotation of the current version."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from nlp.pipeline import PIPELINE_VERSION, load
    from nlp.stage import AnalyzeRun
    from pantau.store import Archive

    err = Console(stderr=True)
    with Archive.open(archive_path) as archive:
        todo = archive.count_articles() - archive.annotations_by_version().get(PIPELINE_VERSION, 0)
        total = min(todo, limit) if limit else todo
        err.print(f"analyze: {todo} articles without an annotation of {PIPELINE_VERSION}")
        if total <= 0:
            err.print("analyze: nothing to do")
            return
        nlp = load()
        run = AnalyzeRun(archive, nlp, PIPELINE_VERSION, batch_size)
        started = time.perf_counter()
        with Progress(TextColumn("analyze"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err) as progress:
            task = progress.add_task("analyze", total=total)
            while run.done < total:
                stored = run.batch(min(batch_size, total - run.done))
                if stored is None:
                    break
                progress.advance(task, stored)
        _summary(err, run, time.perf_counter() - started, archive, PIPELINE_VERSION)
    if run.failed:
        raise SystemExit(1)


def _summary(err, run, seconds: float, archive, version: str) -> None:
    rate = run.done / seconds if seconds else 0.0
    err.print(f"analyze: {run.stored} articles annotated in {seconds:.1f} s ({rate:.1f}/s), "
              f"pipeline {version}")
    if run.doc_types:
        err.print("  doc types: " + ", ".join(f"{k} {v}" for k, v in run.doc_types.most_common()))
        err.print("  found: " + ", ".join(f"{k} {run.found[k]}" for k in
                                          ("regions", "officials", "dates", "violation_types")))
    left = archive.count_articles() - archive.annotations_by_version().get(version, 0)
    err.print(f"  still without an annotation of this version: {left}")
    for article_id, error in run.failed.items():
        err.print(f"[red]  failed[/] {article_id}: {error}")
