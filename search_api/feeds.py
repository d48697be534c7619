"""Atom feeds of searches (feedgen): one entry per hit, newest first, linking the article's
page; categories carry its regions (Kemendagri codes), violation types and document type."""

from __future__ import annotations

from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from pantau import __version__
from pantau.search import fields, labels
from pantau.search.query import SearchPage, SearchQuery
from search_api.names import leaves

MEDIA_TYPE = "application/atom+xml"


def describe(query: SearchQuery, names: dict[str, str | None]) -> str:
    """The search in words: its text and each filter with its values' labels."""
    parts = [f"“{query.q}”"] if query.q else []
    for flt in fields.active(query):
        title = labels.filter_title(flt.name)
        if flt.kind == "date_range":
            low, high = (getattr(query, p) for p in flt.params)
            parts.append(f"{title}: {low or '…'} – {high or '…'}")
        else:
            values = [labels.value_label(flt.name, v, names) for v in fields.wanted(query, flt)]
            parts.append(f"{title}: {', '.join(values)}")
    return "; ".join(parts) or "semua artikel"


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _entry(fg: FeedGenerator, hit, base: str, names: dict, fallback: datetime) -> None:
    entry = fg.add_entry(order="append")
    page = f"{base}/articles/{hit.id}"
    entry.id(page)
    entry.title(hit.title)
    # one link: feedgen 1.0 writes an entry link's href only, so a second one would be a
    # second rel="alternate" (the page links the original)
    entry.link(href=page, rel="alternate", type="text/html")
    published = _when(hit.published_at)
    if published:
        entry.published(published)
    entry.updated(published or fallback)
    entry.author(name=names.get(hit.source_id) or hit.source_id)
    if hit.snippet:
        entry.summary(hit.snippet, type="html")
    for code in leaves(hit.region_codes):
        entry.category(term=code, label=labels.value_label("region", code, names),
                       scheme=f"{base}/v1/regions")
    for code in hit.violation_types:
        entry.category(term=code, label=labels.label("violation_type", code, names),
                       scheme=f"{base}/v1/taxonomy#violation_types")
    if hit.doc_type:
        entry.category(term=hit.doc_type, label=labels.label("doc_type", hit.doc_type, names),
                       scheme=f"{base}/v1/taxonomy#doc_types")


def atom(page: SearchPage, *, title: str, self_url: str, alternate_url: str, base: str,
         names: dict[str, str | None]) -> bytes:
    dates = [d for d in (_when(h.published_at) for h in page.hits) if d]
    updated = max(dates, default=None) or datetime.now(timezone.utc).replace(microsecond=0)
    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(title)
    fg.subtitle(f"{page.total} artikel")
    fg.link(href=self_url, rel="self", type=MEDIA_TYPE)
    fg.link(href=alternate_url, rel="alternate", type="text/html")
    fg.language("id")
    fg.generator("Pantau", version=__version__)
    fg.updated(updated)
    for hit in page.hits:
        _entry(fg, hit, base, names, updated)
    return fg.atom_str(pretty=True)


def case_atom(case, refs: dict[str, dict], *, self_url: str, base: str, names: dict[str, str | None]) -> bytes:
    """A case's feed: one entry per reported stage, newest first (what a journalist follows:
    "the camat's case reached a sanction")."""
    from pantau.cases.fields import label as stage_label

    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(f"Pantau: {case.subject.label}")
    fg.subtitle(f"{len(case.stages)} tahap, {case.reports} laporan")
    fg.link(href=self_url, rel="self", type=MEDIA_TYPE)
    fg.link(href=f"{base}/cases/{case.id}", rel="alternate", type="text/html")
    fg.language("id")
    fg.generator("Pantau", version=__version__)
    dated = [(_when(s.published) or datetime.now(timezone.utc).replace(microsecond=0), s) for s in case.stages]
    fg.updated(max((d for d, _ in dated), default=datetime.now(timezone.utc).replace(microsecond=0)))
    for day, stage in sorted(dated, key=lambda x: x[0], reverse=True):
        ref = refs.get(stage.article, {})
        entry = fg.add_entry(order="append")
        entry.id(f"{base}/cases/{case.id}#{stage.stage}-{stage.article}")
        entry.title(f"{stage_label('stage', stage.stage)}: {ref.get('title') or case.subject.label}")
        entry.link(href=f"{base}/articles/{stage.article}", rel="alternate", type="text/html")
        entry.published(day)
        entry.updated(day)
        entry.author(name=names.get(stage.source) or stage.source)
        if stage.evidence:
            entry.summary(" ".join(stage.evidence))
        entry.category(term=stage.stage, label=stage_label("stage", stage.stage), scheme=f"{base}/v1/cases#stage")
        for code in case.region_codes:
            entry.category(term=code, label=labels.value_label("region", code, names), scheme=f"{base}/v1/regions")
        for code in case.violation_types:
            entry.category(term=code, label=labels.label("violation_type", code, names),
                           scheme=f"{base}/v1/taxonomy#violation_types")
    return fg.atom_str(pretty=True)
