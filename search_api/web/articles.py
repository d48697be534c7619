"""The article page, ``/articles/{id}``: what ``/v1/articles/{id}`` answers (the same
``article_detail``), shown: the text with the evidence highlighted, the annotation, the
provenance, the near-duplicate cluster, the archived page (served by the API with its
sandbox headers) and, once they exist, its cases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from pantau.errors import NotFound
from pantau.records import load_records
from pantau.search import labels
from pantau.taxonomy import IncidentStage, RegionLevel
from search_api.deps import ArchiveDep
from search_api.params import ID_PATTERN
from search_api.views import article_detail
from search_api.web import cases, evidence, i18n, render
from search_api.web.common import LangParam

router = APIRouter(include_in_schema=False)


def _labeller(lang: str):
    def label(kind: str, item) -> str:
        if kind == "region":
            return f"{item.name} ({item.code})" if item.code else item.name
        if kind == "official":
            return ", ".join(x for x in (item.name, item.role, item.org) if x)
        if kind == "date":
            return item.date.isoformat()
        return labels.label("violation_type", _code(item.type), {}, lang) or _code(item.type)

    return label


def _code(value) -> str:
    """A code, whether the annotation holds it as an enum member or as its value."""
    return str(getattr(value, "value", value))


def _enum_label(enum, value, lang: str) -> str:
    member = enum(_code(value))
    return member.label_en if lang == "en" else member.label_id


@router.get("/articles/{article_id}", name="page_article")
def article_page(request: Request, archive: ArchiveDep,
                 article_id: Annotated[str, Path(pattern=ID_PATTERN)], lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    records = load_records(archive, [article_id])
    if not records:
        raise NotFound(f"article {article_id} not found", detail={"id": article_id})
    capture_path = f"/v1/articles/{article_id}/capture"
    detail = article_detail(records[0], archive, capture_path)
    found = evidence.spans(detail.text, detail.annotation, _labeller(lang))
    registry_ids = {o.name.lower(): o.id for o in detail.officials}
    return render.page(
        request, "article.html", lang, page_name="article", a=detail,
        text=evidence.highlighted(detail.text, found), kinds=sorted({s.kind for s in found},
                                                                     key=evidence.KINDS.index),
        label=lambda kind, value: labels.label(kind, _code(value), {}, lang) or _code(value),
        stage=lambda value: _enum_label(IncidentStage, value, lang),
        level=lambda value: _enum_label(RegionLevel, value, lang),
        registry_ids=registry_ids, capture_url=capture_path, cases=cases.of_article(detail, lang),
        feeds=[])
