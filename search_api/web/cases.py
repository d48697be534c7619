"""Cases (issue 9) on the pages: the cases an article reports and those of an official, as
the API lists them (``ArticleDetail.cases``, ``pantau.store.cases``), each with its most
advanced stage. A case links to ``/v1/cases/{id}`` until a case page joins ``search_api.web``
(its stage timeline with evidence and member articles): then only ``URL`` changes."""

from __future__ import annotations

from pantau.taxonomy import IncidentStage

URL = "/v1/cases/{id}"


def _stage(value: str | None, lang: str) -> str | None:
    try:
        member = IncidentStage(value)
    except ValueError:
        return value
    return member.label_en if lang == "en" else member.label_id


def _view(case: dict, lang: str) -> dict:
    return {"id": case["id"], "url": URL.format(id=case["id"]), "status": case.get("status"),
            "stage": _stage(case.get("stage"), lang),
            "article_stage": _stage(case.get("article_stage"), lang)}


def of_article(detail, lang: str) -> list[dict]:
    return [_view(c.model_dump() if hasattr(c, "model_dump") else c, lang)
            for c in getattr(detail, "cases", [])]


def of_official(archive, official_id: str, lang: str) -> list[dict]:
    try:
        from pantau.store.cases import cases_of_official
    except ImportError:  # an archive code without cases
        return []
    return [_view(c, lang) for c in cases_of_official(archive.conn, official_id)]
