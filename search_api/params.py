"""Query parameters -> ``SearchQuery``: the filters every search-based endpoint shares, the
page parameters of lists, and the check that rejects parameters an endpoint does not know.

List parameters repeat: ``?region=33&region=35`` (regions, officials, types and sources are
each OR-ed; different parameters are AND-ed).
"""

from __future__ import annotations

import inspect
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from pydantic import Field

from pantau import regions
from pantau.errors import InvalidInput
from pantau.ids import digest
from pantau.query_input import build_query
from pantau.schema import Source
from pantau.search import fields
from pantau.search.cursor import encode_cursor
from search_api.cursors import encode_cursor as encode_officials_cursor
from pantau.search.query import (MAX_LIMIT, MAX_QUERY_LENGTH, MAX_TERMS, FacetName, SearchQuery,
                                 SortOrder)

MAX_CURSOR_LENGTH = 2000
MAX_VALUES = 50  # values of one repeatable parameter

# -- what a value may look like (the OpenAPI patterns), from the core's own declarations --
REGION_PATTERN = f"{regions._CODE.pattern}|{regions._DIGITS.pattern}"
REGION_FORMAT = "kemendagri-code"   # a code of the region table (pantau.regions)
REGION_HELP = ("A well-formed code that is not in the region table (`99`) is a 400 error.")
ID_PATTERN = f"^[0-9a-f]{{{len(digest('x'))}}}$"  # article and official ids: pantau.ids.digest
SOURCE_PATTERN = next(m.pattern for m in Source.model_fields["id"].metadata if hasattr(m, "pattern"))
CLUSTER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
CURSOR_PATTERN = f"^[A-Za-z0-9_-]{{1,{MAX_CURSOR_LENGTH}}}$"
CURSOR_FORMAT = "pantau-cursor"     # the next_cursor of a previous page of the same listing
QUERY_FORMAT = "pantau-query"       # the query language of Q_HELP
# What a value that does not match a pattern is told (search_api.errors).
PATTERN_MESSAGES = {
    REGION_PATTERN: "{input!r} is not a Kemendagri region code (expected e.g. '33', '33.25' or '3325')",
    ID_PATTERN: "{input!r} is not an id (16 hexadecimal digits)",
    SOURCE_PATTERN: "{input!r} is not a source id (lower-case letters, digits, '-' and '_')",
    CLUSTER_PATTERN: "{input!r} is not a cluster id",
    DATE_PATTERN: "{input!r} is not a date (YYYY-MM-DD)",
    CURSOR_PATTERN: "the cursor is not valid: pass next_cursor from the previous page unchanged",
}
VALUE_SHAPES = {"region": (REGION_PATTERN, REGION_FORMAT), "official": (ID_PATTERN, None),
                "source": (SOURCE_PATTERN, None), "cluster": (CLUSTER_PATTERN, None)}
# One valid value of each shape, shown in the document (and used by schemathesis's examples
# and coverage phases, which otherwise build values from the patterns alone). Together they
# make one valid request: the cursor is one of the default sort (relevance, with the q).
EXAMPLES = {"region": "33.25", "official": "0123456789abcdef", "source": "warta-jateng",
            "cluster": "0123456789abcdef", "date": "2024-01-31", "q": "netralitas asn",
            CURSOR_FORMAT: encode_cursor("relevance", [20]),
            "pantau-officials-cursor": encode_officials_cursor(("budi santoso", "0123456789abcdef"))}

Q_HELP = (f'Full text (Indonesian). Words must all occur; `"a phrase"` in quotes; `-word` excludes; '
          f"`a OR b` for alternatives. At most {MAX_QUERY_LENGTH} characters and {MAX_TERMS} terms. "
          "A 400 error: unbalanced quotes, `OR` with nothing on one side, only exclusions, or no "
          "letter or digit at all.")
CURSOR_HELP = ("`next_cursor` of the previous page, unchanged (opaque; base64url). Any other value, "
               "or a cursor of another sort order, is a 400 error.")


def _many(help_text: str):
    return Query(description=f"{help_text} Repeatable (OR); at most {MAX_VALUES}.",
                 max_length=MAX_VALUES)


def value_type(param: fields.Param):
    """The type of one value of ``param``: its codes, or a string of its shape."""
    if param.value_type is not str:
        return param.value_type
    pattern, fmt = VALUE_SHAPES.get(param.filter.name, (None, None))
    if pattern is None:
        return str
    return Annotated[str, Field(pattern=pattern, max_length=64, examples=[EXAMPLES[param.filter.name]],
                                json_schema_extra={"format": fmt} if fmt else None)]


def date_param(help_text: str):
    """A day: YYYY-MM-DD and a real date (2024-02-30 is a 400 error), nothing else (no
    timestamps)."""
    return Annotated[str | None, Query(description=help_text, pattern=DATE_PATTERN,
                                       examples=[EXAMPLES["date"]], json_schema_extra={"format": "date"})]


def region_param(help_text: str):
    return Annotated[str | None, Query(description=f"{help_text} {REGION_HELP}", max_length=20,
                                       pattern=REGION_PATTERN,
                                       examples=[EXAMPLES["region"]],
                                       json_schema_extra={"format": REGION_FORMAT})]


def cursor_param(fmt: str = CURSOR_FORMAT):
    return Annotated[str | None, Query(description=CURSOR_HELP, pattern=CURSOR_PATTERN,
                                       examples=[EXAMPLES[fmt]], json_schema_extra={"format": fmt})]


def search_filters(**values) -> SearchQuery:
    """The filters, checked: known region codes, parseable text, date_from <= date_to."""
    return build_query(**values)


def _filter_signature(without: tuple[str, ...] = (), filters: tuple[fields.Filter, ...] = fields.FILTERS,
                      with_q: bool = True, returns=SearchQuery) -> inspect.Signature:
    """q and one query parameter per filter parameter of ``filters`` (by default those of
    ``pantau.search.fields``)."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    out = [inspect.Parameter("q", keyword, default=None, annotation=Annotated[
        str | None, Query(max_length=MAX_QUERY_LENGTH, description=Q_HELP,
                          examples=[EXAMPLES["q"]], json_schema_extra={"format": QUERY_FORMAT})])]
    out = out if with_q else []
    for param in fields.params(filters):
        if param.name in without:
            continue
        help_text = f"{param.help} {REGION_HELP}" if param.filter.name == "region" else param.help
        if param.many:
            kind = Annotated[list[value_type(param)], _many(help_text)]
            out.append(inspect.Parameter(param.name, keyword, default=[], annotation=kind))
        elif param.value_type is date:
            out.append(inspect.Parameter(param.name, keyword, default=None,
                                         annotation=date_param(help_text)))
        else:
            kind = Annotated[param.value_type | None, Query(description=help_text)]
            out.append(inspect.Parameter(param.name, keyword, default=None, annotation=kind))
    return inspect.Signature(out, return_annotation=returns)


search_filters.__signature__ = _filter_signature()


def search_filters_but_region(**values) -> SearchQuery:
    """The filters of an endpoint that takes the region elsewhere (or counts every region)."""
    return build_query(**values)


search_filters_but_region.__signature__ = _filter_signature(without=("region",))

FiltersDep = Annotated[SearchQuery, Depends(search_filters)]
FiltersButRegionDep = Annotated[SearchQuery, Depends(search_filters_but_region)]


def search_page(
    filters: FiltersDep,
    sort: Annotated[SortOrder, Query(
        description="relevance (needs q; else newest), newest, oldest.")] = "relevance",
    cursor: cursor_param() = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")] = 20,
    facets: Annotated[list[FacetName], Query(description="Facet counts to return. Repeatable.",
                                             max_length=10)] = [],
) -> SearchQuery:
    return build_query(**filters.model_dump(exclude={"sort", "cursor", "limit", "facets"}),
                       sort=sort, cursor=cursor, limit=limit, facets=list(dict.fromkeys(facets)))


PageDep = Annotated[SearchQuery, Depends(search_page)]
ListFormat = Annotated[Literal["json", "csv"], Query(
    alias="format", description="`csv` for the same list as CSV (Datasette style).")]
CSV_CONTENT = {"text/csv": {"schema": {"type": "string"},
                            "example": "a CSV table with a header row (with `format=csv`)"}}


def json_or_csv(description: str = "JSON, or CSV with `format=csv`.") -> dict:
    """The 200 answer of a list endpoint: its response model as JSON, or text/csv."""
    return {200: {"description": description, "content": CSV_CONTENT}}


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
