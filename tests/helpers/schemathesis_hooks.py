"""Schemathesis hooks for the API's own string formats (``SCHEMATHESIS_HOOKS=tests.helpers.schemathesis_hooks``).

The OpenAPI document gives every value its pattern; what a pattern cannot say it names with a
format and describes in words (``search_api.params``):

- ``kemendagri-code``: a code of the region table (``99`` is well formed but unknown: 400);
- ``pantau-query``: the query language (balanced quotes, ``OR`` between two terms...);
- ``pantau-cursor`` / ``pantau-officials-cursor``: a previous page's ``next_cursor``, which
  also names its sort order.

Here each format gets a generator of values that are valid in that sense, so schemathesis's
"valid data is accepted" check tests what the document promises. One rule spans two
parameters and is fixed in ``map_case`` for generated valid requests: a search cursor belongs
to its sort order, and ``date_from`` is not after ``date_to``.
"""

from __future__ import annotations

import schemathesis
from hypothesis import strategies as st

from pantau.regions import get_region_table
from pantau.search.cursor import encode_cursor
from search_api.cursors import encode_cursor as officials_cursor


def _codes() -> list[str]:
    table = get_region_table()
    out = []
    for province in table.children(None):
        out.append(province.code)
        out += [kid.code for kid in table.children(province.code)]
    return out + [c.replace(".", "") for c in out[::7]]  # some in the undotted form


WORDS = ["netralitas", "camat", "kepala", "desa", "bawaslu", "asn", "kampanye", "baliho", "guru",
         "lurah", "sembako", "2024", "pilkada", "foto"]
_word = st.sampled_from(WORDS)
_term = st.one_of(_word, st.lists(_word, min_size=2, max_size=3).map(lambda w: '"' + " ".join(w) + '"'))
_clause = st.one_of(_term, st.tuples(_term, _term).map(lambda t: f"{t[0]} OR {t[1]}"))
_query = st.tuples(st.lists(_clause, min_size=1, max_size=4),
                   st.lists(_term.map(lambda t: "-" + t), max_size=2)).map(lambda p: " ".join(p[0] + p[1]))
_hex16 = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)
_search_cursor = st.one_of(
    st.tuples(st.sampled_from(["newest", "oldest"]), st.integers(0, 2**62), _hex16).map(
        lambda t: encode_cursor(t[0], [t[1], t[2]])),
    st.integers(0, 10_000).map(lambda n: encode_cursor("relevance", [n])),
)
_officials_cursor = st.tuples(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=20), _hex16).map(
    officials_cursor)

schemathesis.openapi.format("kemendagri-code", st.sampled_from(_codes()))
schemathesis.openapi.format("pantau-query", _query)
schemathesis.openapi.format("pantau-cursor", _search_cursor)
schemathesis.openapi.format("pantau-officials-cursor", _officials_cursor)


def _cursor_sort(cursor: str) -> str | None:
    import base64
    import json

    try:
        return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["s"]
    except (ValueError, KeyError, TypeError):
        return None


@schemathesis.hook
def map_case(context, case):
    meta = getattr(case, "meta", None)
    if meta is None or not meta.generation.mode.is_positive or not isinstance(case.query, dict):
        return case
    query = dict(case.query)
    if isinstance(query.get("cursor"), str) and case.path.startswith("/v1/articles"):
        sort = _cursor_sort(query["cursor"])
        if sort:
            query["sort"] = sort
            if sort == "relevance" and not str(query.get("q") or "").strip():
                query["q"] = "netralitas"
    low, high = query.get("date_from"), query.get("date_to")
    if isinstance(low, str) and isinstance(high, str) and low > high:
        query["date_from"], query["date_to"] = high, low
    case.query = query
    return case
