"""A parsed ``TextQuery`` and the registry's filter clauses as one tantivy query.

- A word matches its stem in ``title_stem`` (boosted) or ``text_stem``; a word the tokenizer
  splits ("desa-desa") and a "quoted phrase" match as phrases of the written tokens in
  ``title``/``text``. Clauses are ANDed, alternatives ORed, exclusions excluded.
- Filters are the Elasticsearch-shaped clauses of ``pantau.search.clauses`` (``terms``,
  ``range``), each turned into a tantivy query that scores zero, so relevance is text alone.
"""

from __future__ import annotations

import re

import tantivy

from pantau.search.analysis import stem, tokens
from pantau.search.query import TextQuery, is_phrase, phrase_words
from pantau.search.tantivy_schema import TITLE_BOOST, day_value, schema

Q = tantivy.Query
EARLIEST, LATEST = "1700-01-01", "2200-12-31"  # ISO days compare as strings
MUST, SHOULD, MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot
_PLAIN = re.compile(r"[0-9A-Za-z_.]+")  # a value tantivy's query language reads as it is


def _either(title: tantivy.Query, text: tantivy.Query) -> tantivy.Query:
    return Q.boolean_query([(SHOULD, Q.boost_query(title, TITLE_BOOST)), (SHOULD, text)])


def _written(toks: list[str], restrict: list[tantivy.Query]) -> tantivy.Query:
    s = schema()
    if len(toks) == 1:
        return _either(Q.term_query(s, "title", toks[0]), Q.term_query(s, "text", toks[0]))
    return _either(_and(Q.phrase_query(s, "title", toks), restrict),
                   _and(Q.phrase_query(s, "text", toks), restrict))


def _and(query: tantivy.Query, restrict: list[tantivy.Query]) -> tantivy.Query:
    return Q.boolean_query([(MUST, query)] + [(MUST, r) for r in restrict]) if restrict else query


def _is_phrase_term(term: str) -> bool:
    """Whether ``term`` is matched as a phrase of two or more written tokens."""
    toks = tokens(phrase_words(term))
    return len(toks) > 1


def term_query(term: str, restrict: list[tantivy.Query] = ()) -> tantivy.Query | None:
    """One word (by stem) or "phrase" (as written); None when it holds no token. A phrase of
    several tokens is checked only on the documents ``restrict`` (zero-scoring queries) lets
    through."""
    toks = tokens(phrase_words(term))
    if not toks:
        return None
    if is_phrase(term) or len(toks) > 1:
        return _written(toks, list(restrict))
    s, stemmed = schema(), stem(toks[0])
    return _either(Q.term_query(s, "title_stem", stemmed), Q.term_query(s, "text_stem", stemmed))


def _clause(alternatives: list[str], restrict: list[tantivy.Query] = ()) -> tantivy.Query | None:
    """One AND clause: its alternatives ORed (None when none holds a token)."""
    found = [q for q in (term_query(a, restrict) for a in alternatives) if q is not None]
    if len(found) > 1:
        return Q.boolean_query([(SHOULD, q) for q in found])
    return found[0] if found else None


def text_query(text: TextQuery, filters: list[tantivy.Query] = (), scoring: bool = True,
               restrict_phrases: bool = True) -> list[tuple]:
    """(occur, query) pairs of the text: a Must per clause, a MustNot per exclusion.

    Checking a phrase on a document's positions is the costly part of a query, and tantivy's
    union of the title and the text phrase checks every document of a 4,096-document window
    ahead of the other clauses. So each phrase is ANDed, scoring nothing, with the query's
    ``filters`` and its clauses without a phrase, and is checked only on the documents those
    let through. The documents matched stay the same, and so do the scores (a zero-scoring
    clause adds 0.0), with one exception: tantivy adds the scores of three or more clauses in
    the order of their estimated costs, which this changes, so a score could differ in its last
    bit. A ``scoring`` query with three or more scoring clauses (or three alternatives besides
    a phrase in one clause) therefore keeps its phrases unrestricted, and so does every query
    with ``restrict_phrases=False`` (the plain form, which tests compare against).
    """
    clauses = [c for c in text.clauses if _clause(c) is not None]
    plain = [_clause(c) for c in clauses]
    cheap = [Q.const_score_query(q, 0.0) if not any(map(_is_phrase_term, c)) else None
             for c, q in zip(clauses, plain)]
    exact = len(clauses) <= 2 and all(len(c) <= 3 for c in clauses)
    out = []
    for i, clause in enumerate(clauses):
        if restrict_phrases and any(map(_is_phrase_term, clause)) and (exact or not scoring):
            restrict = [q for j, q in enumerate(cheap) if j != i and q is not None] + list(filters)
            out.append((MUST, _clause(clause, restrict)))
        else:
            out.append((MUST, plain[i]))
    restrict = [q for q in cheap if q is not None] + list(filters) if restrict_phrases else []
    out += [(MUST_NOT, q) for q in (term_query(e, restrict) for e in text.exclude) if q is not None]
    return out


def to_query(clause: dict, base: tantivy.Query | None = None) -> tantivy.Query:
    """One Elasticsearch-shaped filter clause as a zero-scoring tantivy query (ANDed with
    ``base`` when given)."""
    (kind, body), = clause.items()
    (field, value), = body.items()
    s = schema()
    if kind == "terms":
        query = Q.term_set_query(s, field, list(value))
    elif kind == "range":
        query = _range(s, field, value)
    else:
        raise ValueError(f"unknown clause kind {kind!r}")
    query = Q.const_score_query(query, 0.0)
    return query if base is None else Q.boolean_query([(MUST, base), (MUST, query)])


def query_string(clause: dict) -> str | None:
    """A terms clause in tantivy's query language (what a filter aggregation takes), or None
    for another kind of clause or a value that is not a plain word (letters, digits, ``_``
    and ``.``: codes, enum values)."""
    (kind, body), = clause.items()
    (field, values), = body.items()
    if kind != "terms" or not values or not all(_PLAIN.fullmatch(v) for v in values):
        return None
    return f"{field}:IN [{' '.join(values)}]"


def _range(s, field: str, bounds: dict) -> tantivy.Query:
    if field == "sort_key":
        return Q.range_query(s, field, tantivy.FieldType.Integer, bounds.get("gte", bounds.get("gt")),
                             bounds.get("lte", bounds.get("lt")), include_lower="gt" not in bounds,
                             include_upper="lt" not in bounds)
    low, high = bounds.get("gte"), bounds.get("lte")
    return Q.range_query(s, field, tantivy.FieldType.Date, _day(low), _day(high))


def _day(value: str | None):
    """A bound as the index stores days, clamped to the years tantivy dates can hold."""
    if not value:
        return None
    return day_value(min(max(value, EARLIEST), LATEST))


def sort_clause_key(key: int, relation: str) -> dict:
    """A clause on ``sort_key``: below ("lt"), above ("gt") or equal to ("eq") ``key``."""
    if relation == "eq":
        return {"range": {"sort_key": {"gte": key, "lte": key}}}
    bound = {"lt": {"lt": key, "gte": -(1 << 62)}, "gt": {"gt": key, "lte": (1 << 62)}}[relation]
    return {"range": {"sort_key": bound}}


def text_and_filters(text: TextQuery, clauses: dict[str, dict], scoring: bool = False,
                     restrict_phrases: bool = True) -> tantivy.Query:
    """The text query ANDed with every filter clause (everything when both are empty).
    ``scoring``: the query ranks by score (see ``text_query`` for what that keeps)."""
    filters = [to_query(c) for c in clauses.values()]
    parts = text_query(text, filters, scoring, restrict_phrases) + [(MUST, f) for f in filters]
    if not parts:
        return Q.all_query()
    if all(occur == MUST_NOT for occur, _ in parts):
        parts.append((MUST, Q.all_query()))
    return Q.boolean_query(parts)
