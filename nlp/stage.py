"""The analyze stage: the archive's articles through the pipeline, batch by batch.

``AnalyzeRun(archive, nlp, version, batch_size)`` picks the articles without an
annotation of ``version``, analyses up to ``batch_size`` of them (``run.batch(size)``) and
stores their annotations in one transaction, so an interrupted run loses at most one batch
and the next run continues where it stopped. When a batch fails, each of its articles is
analysed alone: those that fail are kept in ``run.failed`` (id -> error) and skipped from
then on, the others are stored. ``pantau analyze`` is a thin command line around it.

``archive`` is a ``pantau.store.Archive`` (only its methods are used: this module imports
nothing of the store, so the store's code is no part of the pipeline's version).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language

from nlp.extract import output_to_annotation
from nlp.runner import Item, analyze


def article_items(articles: Iterable, regions: dict[str, str | None]) -> list[Item]:
    """Pipeline items of archive articles; ``regions``: source id -> the source's region."""
    return [Item(id=a.id, text=a.text, title=a.title, published=a.published_at, url=a.url,
                 default_region=regions.get(a.source_id), author=a.author)
            for a in articles]


class AnalyzeRun:
    """One analysis run: batches, tallies and the articles that failed."""

    def __init__(self, archive, nlp: Language, version: str, batch_size: int,
                 regions: dict[str, str | None] | None = None) -> None:
        self.archive, self.nlp, self.version, self.batch_size = archive, nlp, version, batch_size
        if regions is None:  # the default region of each source's articles
            regions = {s.id: s.region_code for s in archive.list_sources()}
        self.regions = regions
        self.done = 0      # articles taken, stored or failed
        self.stored = 0
        self.failed: dict[str, str] = {}
        self.doc_types: Counter = Counter()
        self.found: Counter = Counter()

    def batch(self, size: int) -> int | None:
        """Analyse and store up to ``size`` articles; how many were taken, None when none
        are left."""
        articles = [a for a in self.archive.articles_without_annotation(
            self.version, size + len(self.failed)) if a.id not in self.failed][:size]
        if not articles:
            return None
        annotations = [output_to_annotation(output, article.id)
                       for article, output in self._outputs(articles)]
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

    def _outputs(self, articles: list) -> Iterator[tuple[object, dict]]:
        items = article_items(articles, self.regions)
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
