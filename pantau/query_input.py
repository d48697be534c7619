"""User input (URL parameters, command-line options) -> a checked ``SearchQuery``.

Shared by the API and ``pantau export`` so both reject the same mistakes the same way:
unknown or malformed region codes, unparseable text, date_from after date_to, bad codes.
"""

from __future__ import annotations

from pydantic import ValidationError

from pantau.errors import InvalidInput, NotFound
from pantau.regions import get_region_table
from pantau.search import fields
from pantau.search.query import SearchQuery, parse_text


def check_region(code: str) -> str:
    """A known region code in dotted form; InvalidInput if malformed or unknown."""
    try:
        return get_region_table().get(code).code
    except NotFound as exc:
        raise InvalidInput(f"unknown region code {code!r}", detail={"region": code}) from exc


def check_text(q: str | None) -> str | None:
    """``q`` if it parses (None when blank); InvalidInput on unbalanced quotes, operators..."""
    if q is None or not q.strip():
        return None
    parse_text(q)
    return q


def build_query(**values) -> SearchQuery:
    """``SearchQuery(**values)`` with regions and text checked; InvalidInput saying what is wrong."""
    if values.get("region"):
        values["region"] = list(dict.fromkeys(check_region(c) for c in values["region"]))
    if "q" in values:
        values["q"] = check_text(values["q"])
    try:
        return SearchQuery(**values)
    except ValidationError as exc:
        problems = [{"parameter": ".".join(str(p) for p in e["loc"]) or "query",
                     "message": e["msg"].replace("Value error, ", "")} for e in exc.errors()]
        message = "; ".join(f"{p['parameter']}: {p['message']}" if p["parameter"] != "query"
                            else p["message"] for p in problems)
        raise InvalidInput(message, detail={"errors": problems}) from exc


def query_from_pairs(pairs: list[tuple[str, str]], ignored: tuple[str, ...] = ()) -> SearchQuery:
    """The filters of URL parameters (a search page's or ``/v1/articles``' address, as
    (name, value) pairs), checked as the API checks them; a parameter that is neither a
    filter nor in ``ignored`` is an error."""
    unknown = sorted({k for k, _ in pairs} - set(fields.FILTER_PARAMS) - set(ignored))
    if unknown:
        raise InvalidInput(f"unknown parameter(s): {', '.join(unknown)}; filters are "
                           f"{', '.join(fields.FILTER_PARAMS)}", detail={"unknown": unknown})
    values: dict = {}
    for param in fields.params():
        given = [v for k, v in pairs if k == param.name and v != ""]
        if param.many:
            values[param.name] = given
        elif given:
            values[param.name] = given[-1]
    q = [v for k, v in pairs if k == "q"]
    return build_query(q=q[-1] if q else None, **values)
