"""The search page, ``/``: the same parameters and the same results as ``/v1/articles``
(the same dependency builds the query, the same backend answers it), with facets, chips,
the query box, cursor paging, export buttons and the search's Atom feed."""

from __future__ import annotations

from fastapi import APIRouter, Request

from search_api.deps import ArchiveDep, BackendDep
from search_api.facet_links import add_toggles
from search_api.params import PageDep
from search_api.web import chips, facets, i18n, render, urls
from search_api.web.common import LangParam, hit_view, names

router = APIRouter(include_in_schema=False)


@router.get("/", name="page_search")
def search_page(request: Request, query: PageDep, backend: BackendDep, archive: ArchiveDep,
                lang: LangParam = None):
    lang = i18n.lang_of(request, lang)
    query = query.model_copy(update={"facets": facets.wanted(query)})
    page = backend.search(query)
    add_toggles(request, query, page)
    shown = names(archive, query.official)
    items = urls.pairs(request)
    next_url = urls.href("/", urls.replaced(items, cursor=page.next_cursor)) if page.next_cursor else None
    feed = urls.search_feed(items)
    t = i18n.translator(lang)
    return render.page(
        request, "search.html", lang, page_name="search", query=query, total=page.total,
        hits=[hit_view(h, shown, lang) for h in page.hits],
        groups=facets.groups(request, query, page, shown, lang),
        chips=chips.chips(request, query, shown, lang), clear_url=chips.clear_url(request),
        next_url=next_url, first_url=urls.href("/", urls.without(items, "cursor")) if query.cursor else None,
        exports=urls.exports(items), api_url=urls.href("/v1/articles", urls.without(items, "lang")),
        feeds=[{"title": t("feed"), "url": feed}], feed_url=feed,
        timed_out=page.facets_timed_out)
