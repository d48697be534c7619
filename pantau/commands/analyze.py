"""``pantau analyze``: annotate the archive's articles with the current NLP pipeline.

Picks the articles without an annotation of the current ``PIPELINE_VERSION``, runs the
pipeline on them in batches and stores each batch's annotations in one transaction, so an
interrupted run loses at most one batch and the next run continues where it stopped.
"""

from __future__ import annotations

import time
from collections import Counter
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
    from pantau.store import Archive

    err = Console(stderr=True)
    with Archive.open(archive_path) as archive:
        todo = archive.count_articles() - archive.annotations_by_version().get(PIPELINE_VERSION, 0)
        total = min(todo, limit) if limit else todo
        err.print(f"analyze: {todo} articles without an annotation of {PIPELINE_VERSION}")
        if total <= 0:
            err.print("analyze: nothing to do")
            return
        regions = {s.id: s.region_code for s in archive.list_sources()}
        nlp = load()
        run = _Run(archive, nlp, PIPELINE_VERSION, regions, batch_size)
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


class _Run:
    """One analysis run: batches, tallies and the articles that failed."""

    def __init__(self, archive, nlp, version: str, regions: dict, batch_size: int) -> None:
        self.archive, self.nlp, self.version = archive, nlp, version
        self.regions, self.batch_size = regions, batch_size
        self.done = 0      # articles taken, stored or failed
        self.stored = 0
        self.failed: dict[str, str] = {}
        self.doc_types: Counter = Counter()
        self.found: Counter = Counter()

    def batch(self, size: int) -> int | None:
        """Analyse and store up to ``size`` articles; None when none are left."""
        from nlp.extract import output_to_annotation

        articles = [a for a in self.archive.articles_without_annotation(
            self.version, size + len(self.failed)) if a.id not in self.failed][:size]
        if not articles:
            return None
        annotations = []
        for article, output in self._outputs(articles):
            annotations.append(output_to_annotation(output, article.id))
        with self.archive.transaction():
            for annotation in annotations:
                self.archive.put_annotation(annotation)
        for ann in annotations:
            self.doc_types[ann.doc_type] += 1
            self.found.update(regions=len(ann.regions), officials=len(ann.officials),
                              dates=len(ann.dates), violation_types=len(ann.violation_types))
        self.done += len(articles)
        self.stored += len(annotations)
        return len(articles)

    def _outputs(self, articles):
        from nlp.runner import Item, analyze

        items = [Item(id=a.id, text=a.text, title=a.title, published=a.published_at, url=a.url,
                      default_region=self.regions.get(a.source_id), author=a.author)
                 for a in articles]
        try:
            results = list(analyze(items, self.batch_size, self.nlp, self.version))
        except Exception:  # noqa: BLE001 - find the article that fails, keep the others
            results = None
        if results is not None:
            yield from zip(articles, (r.output for r in results))
            return
        for article, item in zip(articles, items):
            try:
                result = next(analyze([item], 1, self.nlp, self.version))
            except Exception as exc:  # noqa: BLE001
                self.failed[article.id] = f"{type(exc).__name__}: {exc}"
                continue
            yield article, result.output


def _summary(err, run: _Run, seconds: float, archive, version: str) -> None:
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
