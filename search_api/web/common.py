"""What several pages share: the ``lang`` parameter, display names of sources and officials,
and a search hit as a result line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query
from markupsafe import Markup

from pantau.search import labels
from search_api.names import display_names as names  # noqa: F401 - the pages' name
from search_api.names import leaves

LangParam = Annotated[str | None, Query(max_length=8, description="Page language: id or en "
                                        "(remembered in a cookie).")]


@dataclass
class HitView:
    id: str
    title: str
    url: str
    date: str | None
    source: str
    doc_type: str | None
    violations: list[str]
    regions: list[str]
    snippet: Markup


def hit_view(hit, sources: dict, lang: str) -> HitView:
    return HitView(
        id=hit.id, title=hit.title, url=f"/articles/{hit.id}",
        date=hit.published_at[:10] if hit.published_at else None,
        source=sources.get(hit.source_id) or hit.source_id,
        doc_type=labels.label("doc_type", hit.doc_type, sources, lang) if hit.doc_type else None,
        violations=[labels.label("violation_type", v, sources, lang) or v for v in hit.violation_types],
        regions=[labels.value_label("region", c, {}, lang) for c in leaves(hit.region_codes)],
        snippet=Markup(hit.snippet),  # escaped by pantau.search.highlight, <mark> added there
    )
