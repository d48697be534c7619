"""The officials pages: ``/officials`` finds a person in the registry (the query of
``/v1/officials``), ``/officials/{id}`` shows one: names, roles over time, organisations,
regions, every article, its feed and, once they exist, its cases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from pantau.records import article_refs
from pantau.search import labels
from pantau.store import officials as registry
from search_api.cursors import decode_cursor, encode_cursor
from search_api.deps import ArchiveDep
from search_api.params import ID_PATTERN, cursor_param
from search_api.routes.officials import MAX_ARTICLES
from search_api.web import cases, i18n, render, urls
from search_api.web.common import LangParam, names

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/officials", name="page_officials")
def officials_page(request: Request, archive: ArchiveDep,
                   q: Annotated[str | None, Query(max_length=200)] = None,
                   cursor: cursor_param("pantau-officials-cursor") = None, lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    items, total = registry.list_officials(archive.conn, text=q, after=decode_cursor(cursor),
                                           limit=PAGE_SIZE + 1)
    more = len(items) > PAGE_SIZE
    items = items[:PAGE_SIZE]
    next_url = (urls.href("/officials", urls.replaced(urls.pairs(request),
                                                      cursor=encode_cursor(registry.sort_key(items[-1]))))
                if more else None)
    csv = urls.href("/v1/officials", [("q", q)] * bool(q) + [("format", "csv")])
    return render.page(request, "officials.html", lang, page_name="officials", items=items,
                       total=total, next_url=next_url, q=q or "", csv_url=csv,
                       region=lambda code: labels.value_label("region", code, {}, lang))


@router.get("/officials/{official_id}", name="page_official")
def official_page(request: Request, archive: ArchiveDep,
                  official_id: Annotated[str, Path(pattern=ID_PATTERN)], lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    t = i18n.translator(lang)
    person = registry.get_official(archive.conn, official_id)
    refs = article_refs(archive, person.article_ids, MAX_ARTICLES)
    feed = f"/v1/officials/{person.id}.atom"
    return render.page(
        request, "official.html", lang, page_name="official", person=person, articles=refs,
        article_count=len(person.article_ids), sources=names(archive),
        orgs=sorted({r["org"] for r in person.roles if r.get("org")}),
        regions=sorted({r["region_code"] for r in person.roles if r.get("region_code")}),
        region=lambda code: labels.value_label("region", code, {}, lang),
        search_url=urls.href("/", [("official", person.id)]), cases=cases.of_official(archive, person.id, lang),
        exports=urls.exports([("official", person.id)]),
        feed_url=feed, feeds=[{"title": t("feed_of", what=person.name), "url": feed}])
