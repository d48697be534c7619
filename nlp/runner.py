"""Run the pipeline over many articles: ``analyze(items, batch_size)``.

The analysed text is the title, a blank line, then the body (``compose``), so a region or
official named only in the title counts; evidence offsets refer to that combined string and
``doc.user_data["title_end"]`` is where the body starts (0 without a title, or when the
body already begins with the title).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pantau.timezones import local_day


@dataclass
class Item:
    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    default_region: str | None = None
    author: str | None = None


@dataclass
class Result:
    item: Item
    output: dict  # the extract contract object (nlp.extract.doc_to_output)


def compose(title: str | None, text: str) -> tuple[str, int]:
    """The analysed string and the offset where the body starts."""
    title = (title or "").strip()
    if not title or text.lstrip()[: len(title) + 20].find(title) >= 0:
        return text, 0
    return f"{title}\n\n{text}", len(title) + 2


def as_date(value) -> date | None:
    """The calendar day of a publication time: ``pantau.timezones.local_day`` (the one day
    rule: a time in UTC is read in WIB, a time with its own offset keeps it). Raises
    ValueError for a value that is neither a date, a datetime nor an ISO string."""
    if value is not None and not isinstance(value, (str, date)):
        raise ValueError(f"not a date or an ISO date string: {value!r}")
    return local_day(value)


def make_doc(nlp: Language, item: Item) -> Doc:
    text, title_end = compose(item.title, item.text)
    doc = nlp.make_doc(text)
    doc.user_data.update({
        "id": item.id, "published": as_date(item.published), "title": item.title,
        "url": item.url, "default_region": item.default_region, "author": item.author,
        "title_end": title_end, "text": text,  # see nlp.evidence.doc_text
    })
    return doc


def run_docs(nlp: Language, docs: list[Doc], batch_size: int) -> list[Doc]:
    """Every component over ``docs``, one component at a time over the whole batch (its code
    and tables stay in the CPU cache: taking each doc through every component is ~10% slower).
    Components share state only through the docs, so the order within a batch is free."""
    for _name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
    return docs


def analyze(items: Iterable[Item], batch_size: int = 64, nlp: Language | None = None,
            version: str | None = None) -> Iterator[Result]:
    """Results in input order; the pipeline runs one batch of ``batch_size`` at a time."""
    from nlp.extract import doc_to_output
    from nlp.pipeline import PIPELINE_VERSION, load

    nlp = nlp or load()
    version = version or PIPELINE_VERSION
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, batch_size, version, doc_to_output)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, batch_size, version, doc_to_output)


def _run_batch(nlp, batch, batch_size, version, convert) -> Iterator[Result]:
    docs = run_docs(nlp, [make_doc(nlp, item) for item in batch], batch_size)
    for item, doc in zip(batch, docs):
        yield Result(item, convert(doc, item.id, version))
