"""Query parameters -> ``SearchQuery``: the filters every search-based endpoint shares, the
page parameters of lists, and the check that rejects parameters an endpoint does not know.

List parameters repeat: ``?region=33&region=35`` (regions, officials, types and sources are
each OR-ed; different parameters are AND-ed).
"""

from __future__ import annotations

import inspect
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from pantau.errors import InvalidInput
from pantau.query_input import build_query
from pantau.search import fields
from pantau.search.query import MAX_LIMIT, MAX_QUERY_LENGTH, FacetName, SearchQuery, SortOrder

MAX_CURSOR_LENGTH = 2000
MAX_VALUES = 50  # values of one repeatable parameter

Q_HELP = (f'Full text (Indonesian). Words must all occur; `"a phrase"` in quotes; `-word` excludes; '
          f"`a OR b` for alternatives. At most {MAX_QUERY_LENGTH} characters; unbalanced quotes or a "
          "dangling operator are a 400 error.")


def _many(help_text: str):
    return Query(description=f"{help_text} Repeatable (OR); at most {MAX_VALUES}.",
                 max_length=MAX_VALUES)


def search_filters(**values) -> SearchQuery:
    """The filters, checked: known region codes, parseable text, date_from <= date_to."""
    return build_query(**values)


def _filter_signature() -> inspect.Signature:
    """q and one query parameter per filter parameter of ``pantau.search.fields``."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    out = [inspect.Parameter("q", keyword, default=None, annotation=Annotated[
        str | None, Query(max_length=MAX_QUERY_LENGTH, description=Q_HELP)])]
    for param in fields.params():
        if param.many:
            kind = Annotated[list[param.value_type], _many(param.help)]
            out.append(inspect.Parameter(param.name, keyword, default=[], annotation=kind))
        else:
            kind = Annotated[param.value_type | None, Query(description=param.help)]
            out.append(inspect.Parameter(param.name, keyword, default=None, annotation=kind))
    return inspect.Signature(out, return_annotation=SearchQuery)


search_filters.__signature__ = _filter_signature()


FiltersDep = Annotated[SearchQuery, Depends(search_filters)]


def search_page(
    filters: FiltersDep,
    sort: Annotated[SortOrder, Query(
        description="relevance (needs q; else newest), newest, oldest.")] = "relevance",
    cursor: Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH,
                                        description="`next_cursor` of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")] = 20,
    facets: Annotated[list[FacetName], Query(description="Facet counts to return. Repeatable.",
                                             max_length=10)] = [],
) -> SearchQuery:
    return build_query(**filters.model_dump(exclude={"sort", "cursor", "limit", "facets"}),
                       sort=sort, cursor=cursor, limit=limit, facets=list(dict.fromkeys(facets)))


PageDep = Annotated[SearchQuery, Depends(search_page)]
ListFormat = Annotated[Literal["json", "csv"], Query(
    alias="format", description="`csv` for the same list as CSV (Datasette style).")]


# -- unknown parameters ------------------------------------------------------------------

def _names(dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _names(sub)
    return names


def _allowed(route) -> frozenset[str]:
    names = getattr(route, "_pantau_allowed_params", None)
    if names is None:
        names = frozenset(_names(route.dependant))
        route._pantau_allowed_params = names
    return names


async def reject_unknown_params(request: Request) -> None:
    """A misspelt filter (``regoin=33``) must not silently widen the result: 400."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    unknown = sorted(set(request.query_params) - _allowed(route))
    if unknown:
        raise InvalidInput(f"unknown query parameter(s): {', '.join(unknown)}; allowed: "
                           f"{', '.join(sorted(_allowed(route))) or 'none'}",
                           detail={"unknown": unknown})
