"""Elasticsearch request bodies built from a ``SearchQuery`` and its parsed ``TextQuery``.

Pure functions, no client: every body here is tested without a server. Parsing the responses
lives in ``elastic_results``.

- Text: every clause of the ``TextQuery`` is a ``must``; a clause with several alternatives is
  a ``bool.should`` with ``minimum_should_match: 1``. A word is a ``multi_match`` on
  ``title^2, text`` (Indonesian analyzer: stop words, stemming); a "quoted phrase" is a phrase
  ``multi_match`` on ``title.exact^2, text.exact`` (lower case + ASCII folding, no stemming).
  ``exclude`` is ``must_not`` of the same queries.
- Filters: the clauses of ``pantau.search.clauses`` (derived from the field registry,
  ``pantau.search.fields``; the embedded engine gets the same ones) in ``bool.filter``: a
  ``terms`` per parameter (values OR-ed, parameters AND-ed); a region code matches every
  document whose ``region_codes`` (named regions plus all their ancestors) contain it, so a
  province includes its regencies; dates filter ``published_date`` inclusive.
- Facets honour every other filter: a filter that belongs to a requested facet moves from the
  query to ``post_filter`` (so hits and total still honour it), and each facet aggregation is
  wrapped in a ``filter`` aggregation holding the other facets' filters. Terms facets give
  terms buckets, sorted and cut here as on the embedded engine (``clauses.sort_buckets``):
  the ``FACET_LIMIT`` most frequent values (ties by value); months (a keyword field) in
  calendar order. Timelines are terms aggregations over the ``month``/``week`` keywords.
- Sorting and cursors follow the embedded backend: ties by id, undated documents count as the
  oldest, relevance without a text query is newest first; the cursor (``pantau.search.cursor``)
  holds the ``sort`` values of the last hit, sent back as ``search_after``.
"""

from __future__ import annotations

import re
from typing import Literal

from pantau.search.clauses import facet_agg, filter_clauses
from pantau.search.fields import FACETS, FACETS_BY_NAME, SPLITS
from pantau.search.query import HIT_DOCUMENT_FIELDS, SearchQuery, TextQuery, is_phrase, phrase_words

WORD_FIELDS = ["title^2", "text"]
PHRASE_FIELDS = ["title.exact^2", "text.exact"]
HIT_FIELDS = list(HIT_DOCUMENT_FIELDS)
SNIPPET_CHARS = 200
HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fields": {
        "text": {"type": "unified", "fragment_size": SNIPPET_CHARS, "number_of_fragments": 1,
                 "no_match_size": SNIPPET_CHARS},
        "text.exact": {"type": "unified", "fragment_size": SNIPPET_CHARS, "number_of_fragments": 1},
    },
}
# The filter a facet owns: the facet's counts ignore it, every other filter applies.
FACET_FILTER = {f.name: f.filter for f in FACETS}
SPLIT_FIELD = {name: FACETS_BY_NAME[name].field for name in SPLITS}
SPLIT_SIZE = 10_000
PERIOD_SIZE = 100_000
# Like the embedded backend: ties by id; undated documents count as the oldest; relevance
# without a text query is "newest".
_PUBLISHED = "published_at"
SORTS: dict[str, list[dict]] = {
    "relevance": [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}],
    "newest": [{_PUBLISHED: {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}],
    "oldest": [{_PUBLISHED: {"order": "asc", "missing": "_first"}}, {"id": {"order": "asc"}}],
}
_WORD = re.compile(r"[^\W_]+")


def effective_sort(query: SearchQuery, text: TextQuery) -> str:
    return "newest" if query.sort == "relevance" and text.empty else query.sort


def sort_clause(sort: str) -> list[dict]:
    """The ``sort`` of a request: the order, then the id as a unique tie-breaker."""
    return [dict(item) for item in SORTS[sort]]


# -- text ----------------------------------------------------------------------------------

def term_query(term: str, *, negated: bool = False) -> dict:
    """The query for one word or phrase. A phrase matches exactly (``.exact``, no stemming).
    A word matches its stem; a word the tokenizer splits ("pose-jari") matches its stems
    side by side. A word made only of stop words matches everything in a ``must`` (it cannot
    narrow the result) and nothing in a ``must_not``."""
    t = phrase_words(term).strip()
    if is_phrase(term):
        return {"multi_match": {"query": t, "type": "phrase", "fields": PHRASE_FIELDS}}
    zero = "none" if negated else "all"
    if len(_WORD.findall(t)) > 1:
        return {"multi_match": {"query": t, "type": "phrase", "fields": WORD_FIELDS,
                                "zero_terms_query": zero}}
    return {"multi_match": {"query": t, "type": "best_fields", "fields": WORD_FIELDS,
                            "operator": "and", "zero_terms_query": zero}}


def clause_query(alternatives: list[str]) -> dict:
    if len(alternatives) == 1:
        return term_query(alternatives[0])
    return {"bool": {"should": [term_query(a) for a in alternatives],
                     "minimum_should_match": 1}}


def text_query(text: TextQuery) -> tuple[list[dict], list[dict]]:
    """(must, must_not) of a parsed text query."""
    must = [clause_query(c) for c in text.clauses if c]
    must_not = [term_query(e, negated=True) for e in text.exclude]
    return must, must_not


# -- filters: pantau.search.clauses.filter_clauses ---------------------------------------

def bool_query(must: list[dict], must_not: list[dict], filters: list[dict]) -> dict:
    if not (must or must_not or filters):
        return {"match_all": {}}
    body: dict = {}
    for key, clauses in (("must", must), ("must_not", must_not), ("filter", filters)):
        if clauses:
            body[key] = clauses
    return {"bool": body}


def _all_of(filters: list[dict]) -> dict:
    return {"bool": {"filter": filters}} if filters else {"match_all": {}}


def main_query(query: SearchQuery, text: TextQuery, *, exclude: set[str] = frozenset()) -> dict:
    """The ``query`` part: text + every filter whose name is not in ``exclude``."""
    must, must_not = text_query(text)
    filters = [c for name, c in filter_clauses(query).items() if name not in exclude]
    return bool_query(must, must_not, filters)


def count_body(query: SearchQuery, text: TextQuery) -> dict:
    return {"query": main_query(query, text)}


# -- facets --------------------------------------------------------------------------------

def facet_values_agg(facet: str) -> dict:
    terms = facet_agg(FACETS_BY_NAME[facet])
    if facet == "source":  # the display name travels with the id, for the facet label
        terms["aggs"] = {"name": {"terms": {"field": "source_name", "size": 1}}}
    return terms


def facet_aggs(facets: list[str], post_filters: dict[str, dict]) -> dict:
    """One ``filter`` aggregation per facet holding the post-filters it does not own."""
    aggs = {}
    for facet in dict.fromkeys(facets):
        own = FACET_FILTER[facet]
        others = [c for name, c in post_filters.items() if name != own]
        aggs[facet] = {"filter": _all_of(others), "aggs": {"values": facet_values_agg(facet)}}
    return aggs


# -- whole requests ------------------------------------------------------------------------

def search_body(query: SearchQuery, text: TextQuery, after: list | None = None) -> dict:
    """The body of one page of ``query`` (``limit + 1`` hits: the extra one says whether a
    next page exists); ``after`` is the decoded cursor."""
    filters = filter_clauses(query)
    owned = {FACET_FILTER[f] for f in query.facets} & filters.keys()
    body = {
        "query": main_query(query, text, exclude=owned),
        "size": query.limit + 1,
        "sort": sort_clause(effective_sort(query, text)),
        "track_total_hits": True,
        "_source": HIT_FIELDS,
        "highlight": HIGHLIGHT,
    }
    if owned:
        body["post_filter"] = _all_of([filters[name] for name in sorted(owned)])
    if query.facets:
        body["aggs"] = facet_aggs(query.facets, {name: filters[name] for name in sorted(owned)})
    if after is not None:
        body["search_after"] = after
    return body


def timeline_body(query: SearchQuery, text: TextQuery, interval: Literal["week", "month"],
                  split: Literal["violation_type", "province"] | None = None) -> dict:
    periods: dict = {"terms": {"field": interval, "size": PERIOD_SIZE, "order": {"_key": "asc"}}}
    if split is not None:
        periods["aggs"] = {"split": {"terms": {"field": SPLIT_FIELD[split], "size": SPLIT_SIZE,
                                               "order": {"_key": "asc"}}}}
    return {"query": main_query(query, text), "size": 0, "track_total_hits": False,
            "aggs": {"timeline": periods}}


def ids_body(query: SearchQuery, text: TextQuery, size: int, after: list | None = None) -> dict:
    """One batch of ids, newest first (for ``iter_ids`` with a point in time)."""
    body = {"query": main_query(query, text), "size": size, "sort": sort_clause("newest"),
            "_source": False, "track_total_hits": False}
    if after is not None:
        body["search_after"] = after
    return body
