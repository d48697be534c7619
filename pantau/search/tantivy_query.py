"""A parsed ``TextQuery`` and the registry's filter clauses as one tantivy query.

- A word matches its stem in ``title_stem`` (boosted) or ``text_stem``; a word the tokenizer
  splits ("desa-desa") and a "quoted phrase" match as phrases of the written tokens in
  ``title``/``text``. Clauses are ANDed, alternatives ORed, exclusions excluded.
- Filters are the Elasticsearch-shaped clauses of ``pantau.search.clauses`` (``terms``,
  ``range``), each turned into a tantivy query that scores zero, so relevance is text alone.
"""

from __future__ import annotations

import tantivy

from pantau.search.analysis import stem, tokens
from pantau.search.query import TextQuery, is_phrase, phrase_words
from pantau.search.tantivy_schema import TITLE_BOOST, day_value, schema

Q = tantivy.Query
EARLIEST, LATEST = "1700-01-01", "2200-12-31"  # ISO days compare as strings
MUST, SHOULD, MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


def _either(title: tantivy.Query, text: tantivy.Query) -> tantivy.Query:
    return Q.boolean_query([(SHOULD, Q.boost_query(title, TITLE_BOOST)), (SHOULD, text)])


def _written(toks: list[str]) -> tantivy.Query:
    s = schema()
    if len(toks) == 1:
        return _either(Q.term_query(s, "title", toks[0]), Q.term_query(s, "text", toks[0]))
    return _either(Q.phrase_query(s, "title", toks), Q.phrase_query(s, "text", toks))


def term_query(term: str) -> tantivy.Query | None:
    """One word (by stem) or "phrase" (as written); None when it holds no token."""
    toks = tokens(phrase_words(term))
    if not toks:
        return None
    if is_phrase(term) or len(toks) > 1:
        return _written(toks)
    s, stemmed = schema(), stem(toks[0])
    return _either(Q.term_query(s, "title_stem", stemmed), Q.term_query(s, "text_stem", stemmed))


def text_query(text: TextQuery) -> list[tuple]:
    """(occur, query) pairs of the text: a Must per clause, a MustNot per exclusion."""
    out = []
    for clause in text.clauses:
        alternatives = [q for q in map(term_query, clause) if q is not None]
        if len(alternatives) == 1:
            out.append((MUST, alternatives[0]))
        elif alternatives:
            out.append((MUST, Q.boolean_query([(SHOULD, q) for q in alternatives])))
    out += [(MUST_NOT, q) for q in map(term_query, text.exclude) if q is not None]
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


def text_and_filters(text: TextQuery, clauses: dict[str, dict]) -> tantivy.Query:
    """The text query ANDed with every filter clause (everything when both are empty)."""
    parts = text_query(text) + [(MUST, to_query(c)) for c in clauses.values()]
    if not parts:
        return Q.all_query()
    if all(occur == MUST_NOT for occur, _ in parts):
        parts.append((MUST, Q.all_query()))
    return Q.boolean_query(parts)
