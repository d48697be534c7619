"""Cases on the pages: ``/cases`` lists them (the query of ``/v1/cases``: same parameters,
same answer, with facets and paging), ``/cases/{id}`` shows one: its subject, the stage
timeline with the evidence sentences and reporting outlets, lags, and member articles. Article
and official pages list their cases through ``of_article`` and ``of_official``."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from pantau.cases import fields as case_fields
from pantau.records import article_refs
from pantau.search import labels
from pantau.store.cases import get_case
from search_api.deps import ArchiveDep
from search_api.params import ID_PATTERN, cursor_param
from search_api.routes.cases import CaseFacet, CaseFiltersDep, case_page
from search_api.web import i18n, render, urls
from search_api.web.common import LangParam, names

router = APIRouter(include_in_schema=False)
URL = "/cases/{id}"
PAGE_SIZE = 25
FACETS = [f.name for f in case_fields.FACETS]
CASE_PARAMS = {p for f in case_fields.FILTERS for p in f.params}


def _view(case: dict, lang: str) -> dict:
    return {"id": case["id"], "url": URL.format(id=case["id"]), "status": _label("status", case.get("status"), lang),
            "stage": _label("stage", case.get("stage"), lang),
            "article_stage": _label("stage", case.get("article_stage"), lang)}


def _label(name: str, value: str | None, lang: str) -> str | None:
    return case_fields.label(name, value, lang) if value else None


def of_article(detail, lang: str) -> list[dict]:
    return [_view(c.model_dump() if hasattr(c, "model_dump") else c, lang)
            for c in getattr(detail, "cases", [])]


def of_official(archive, official_id: str, lang: str) -> list[dict]:
    from pantau.store.cases import cases_of_official

    return [_view(c, lang) for c in cases_of_official(archive.conn, official_id)]


def value_label(facet: str, value: str, lang: str, sources: dict) -> str:
    if facet in ("stage", "status"):
        return case_fields.label(facet, value, lang)
    if facet == "month":
        return value
    return labels.label(facet, value, sources, lang) or value


@router.get("/cases", name="page_cases")
def cases_page(request: Request, archive: ArchiveDep, query: CaseFiltersDep,
               sort: Annotated[Literal["newest", "oldest"], Query()] = "newest",
               cursor: cursor_param("pantau-officials-cursor") = None, lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    page = case_page(request, archive, query, sort, cursor, PAGE_SIZE, FACETS)
    sources = names(archive)
    kept = [(k, v) for k, v in urls.pairs(request) if k in CASE_PARAMS]
    facets = [{"name": name, "title": case_fields.FACETS_BY_NAME[name].label.split(" / ")[lang == "en"],
               "buckets": [{"label": value_label(name, b.value, lang, sources), "count": b.count,
                            "selected": b.selected, "url": b.toggle_url} for b in _shown(name, buckets, query)]}
              for name, buckets in page.facets.items() if _shown(name, buckets, query)]
    exports = [(fmt.upper(), urls.href("/v1/export", kept + [("kind", "cases"), ("format", fmt), ("layout", "raw")]))
               for fmt in urls.EXPORT_FORMATS] + [("ZIP", urls.href("/v1/export", kept + [("kind", "cases")]))]
    return render.page(
        request, "cases.html", lang, page_name="cases", page=page, facets=facets, exports=exports,
        items=[_summary(c, lang) for c in page.items], sort=sort,
        next_url=page.next_url,
        csv_url=urls.href("/v1/cases", kept + [("format", "csv")]),
        timeline_url=urls.href("/v1/stats/timeline", kept + [("unit", "cases")]),
        clear_url="/cases")


def _shown(name: str, buckets, query) -> list:
    """The kabupaten/kota of the chosen provinces only, once a region is chosen (as on the
    search page: a province, then its kabupaten/kota)."""
    if name != "regency" or not query.region:
        return buckets
    provinces = {code[:2] for code in query.region}
    return [b for b in buckets if b.value[:2] in provinces]


def _summary(case, lang: str) -> dict:
    region = case.region_codes[0] if case.region_codes else None
    return {"id": case.id, "url": URL.format(id=case.id), "label": case.subject.label,
            "stage": case_fields.label("stage", case.stage, lang),
            "status": case_fields.label("status", case.status, lang),
            "region": labels.value_label("region", region, {}, lang) if region else None,
            "first": case.first_report, "last": case.last_report, "reports": case.reports,
            "outlets": case.outlets, "violations": [labels.value_label("violation_type", v, {}, lang)
                                                    for v in case.violation_types]}


@router.get("/cases/{case_id}", name="page_case")
def case_detail_page(request: Request, archive: ArchiveDep,
                     case_id: Annotated[str, Path(pattern=ID_PATTERN)], lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    case = get_case(archive.conn, case_id)
    refs = {r["id"]: r for r in article_refs(archive, case.articles, 500)}
    sources = names(archive)
    people = dict(archive.conn.execute(
        "SELECT id, name FROM officials WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(case.subject.official_ids),)).fetchall())
    stages = [{"stage": case_fields.label("stage", s.stage, lang), "code": s.stage, "date": s.date,
               "published": s.published, "article": refs.get(s.article), "article_id": s.article,
               "source": sources.get(s.source) or s.source, "sanction": s.sanction,
               "recipient": s.recipient, "evidence": s.evidence} for s in case.stages]
    return render.page(
        request, "case.html", lang, page_name="case", case=case, stages=stages,
        stage=case_fields.label("stage", case.stage, lang), case_status=case_fields.label("status", case.status, lang),
        region=lambda code: labels.value_label("region", code, {}, lang),
        violation=lambda v: labels.value_label("violation_type", v, {}, lang),
        members=[{"member": m, "article": refs.get(m.article), "source": sources.get(m.source) or m.source}
                 for m in case.members],
        people=[(o, people.get(o, o)) for o in case.subject.official_ids], json_url=f"/v1/cases/{case.id}",
        feed_url=f"/v1/cases/{case.id}.atom",
        feeds=[{"title": i18n.translator(lang)("feed_of", what=case.subject.label), "url": f"/v1/cases/{case.id}.atom"}])
