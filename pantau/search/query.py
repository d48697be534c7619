"""The query model shared by every backend, the API and exports.

A ``SearchQuery`` is what a user asks (the URL's parameters); each backend translates it.
The text part is parsed once here (``parse_text``) into a small AST, so quoting and operator
errors are reported the same way whatever the backend.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, create_model, model_validator

from pantau.errors import InvalidInput
from pantau.search.index_document import IndexDocument
from pantau.search.fields import FACET_NAMES, FILTERS

MAX_LIMIT = 100
MAX_QUERY_LENGTH = 500
MAX_TERMS = 32
FACET_LIMIT = 100  # values returned per facet (month: every month, chronologically)
FacetName = Literal[FACET_NAMES]
SortOrder = Literal["relevance", "newest", "oldest"]


class TextQuery(BaseModel):
    """Parsed full text: every clause must match (AND); a clause is one or more alternatives
    (OR) each of which is a word or a "quoted phrase"; ``exclude`` lists words/phrases that
    must not occur."""

    clauses: list[list[str]] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.exclude


def is_phrase(term: str) -> bool:
    """A clause alternative or exclusion is a phrase when it is written in double quotes."""
    return len(term) >= 2 and term[0] == term[-1] == '"'


def phrase_words(term: str) -> str:
    """The words of a term without its quotes: '"kepala desa"' -> 'kepala desa'."""
    return term[1:-1] if is_phrase(term) else term


# A lexeme: an optionally negated "phrase", an unmatched quote, or a run of other characters.
_LEXEME = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"|(?P<open>")|(?P<word>[^\s"]+))')
_SEARCHABLE = re.compile(r"[^\W_]")


def parse_text(q: str | None) -> TextQuery:
    """Parse a query string: words, "quoted phrases", -exclusions (-word, -"phrase") and
    uppercase OR between alternatives; all terms are lower-cased. A word without any letter
    or digit ("&", "-") is ignored. Raises InvalidInput saying what is wrong."""
    q = q or ""
    if len(q) > MAX_QUERY_LENGTH:
        raise InvalidInput(f"the query is {len(q)} characters long; the limit is {MAX_QUERY_LENGTH}",
                           detail={"q": q[:80]})
    lexemes = _lex(q)
    query = _assemble(lexemes, q)
    terms = sum(len(c) for c in query.clauses) + len(query.exclude)
    if terms > MAX_TERMS:
        raise InvalidInput(f"the query has {terms} terms; the limit is {MAX_TERMS}", detail={"q": q})
    if query.exclude and not query.clauses:
        raise InvalidInput("a query cannot only exclude: add a word or phrase to look for", detail={"q": q})
    if not query.clauses and q.strip():
        raise InvalidInput("the query has no word to search for (only punctuation)", detail={"q": q})
    return query


def _lex(q: str) -> list[tuple[bool, str, str]]:
    """(negated, kind, text) per lexeme; kind is "phrase", "word" or "or"."""
    out = []
    for m in _LEXEME.finditer(q):
        negated = bool(m["neg"])
        if m["open"]:
            raise InvalidInput("unbalanced quotes: a phrase must end with a closing \"", detail={"q": q})
        if m["phrase"] is not None:
            words = " ".join(m["phrase"].lower().split())
            if not _SEARCHABLE.search(words):
                raise InvalidInput('empty phrase: write words between the quotes, e.g. "kepala desa"',
                                   detail={"q": q})
            out.append((negated, "phrase", f'"{words}"'))
        elif m["word"] == "OR" and not negated:
            out.append((False, "or", "OR"))
        elif _SEARCHABLE.search(m["word"]):
            out.append((negated, "word", m["word"].lower()))
    return out


def _assemble(lexemes: list[tuple[bool, str, str]], q: str) -> TextQuery:
    query = TextQuery()
    pending_or = False
    for i, (negated, kind, text) in enumerate(lexemes):
        if kind == "or":
            if not query.clauses or pending_or or i == 0 or lexemes[i - 1][0]:
                raise InvalidInput("OR must stand between two words or phrases (e.g. camat OR lurah)",
                                   detail={"q": q})
            pending_or = True
        elif negated:
            if pending_or:
                raise InvalidInput("an exclusion cannot be an alternative of OR", detail={"q": q})
            query.exclude.append(text)
        elif pending_or:
            query.clauses[-1].append(text)
            pending_or = False
        else:
            query.clauses.append([text])
    if pending_or:
        raise InvalidInput("the query ends with OR: add the alternative after it", detail={"q": q})
    return query


class _QueryChecks(BaseModel):
    """What every ``SearchQuery`` checks beyond its fields' types."""

    @model_validator(mode="after")
    def _check_dates(self):
        for flt in FILTERS:
            if flt.kind == "date_range":
                low, high = (getattr(self, p) for p in flt.params)
                if low and high and low > high:
                    raise ValueError(f"{flt.params[0]} is after {flt.params[1]}")
        return self


def _filter_fields() -> dict:
    """The pydantic fields of every filter in ``pantau.search.fields.FILTERS``."""
    out: dict = {}
    for flt in FILTERS:
        if flt.kind == "date_range":
            low, high = flt.params
            out[low] = (date | None, Field(None, description="Published on or after (inclusive)."))
            out[high] = (date | None, Field(None, description="Published on or before (inclusive)."))
        else:
            out[flt.name] = (list[flt.values or str], Field(default_factory=list, description=flt.help))
    return out


SearchQuery = create_model(
    "SearchQuery", __base__=_QueryChecks, __module__=__name__,
    q=(str | None, Field(None, max_length=MAX_QUERY_LENGTH,
                         description='Words, "phrases", -exclusions, OR between alternatives.')),
    **_filter_fields(),
    sort=(SortOrder, "relevance"),
    cursor=(str | None, Field(None, description="Opaque cursor from the previous page.")),
    limit=(int, Field(20, ge=1, le=MAX_LIMIT)),
    facets=(list[FacetName], Field(default_factory=list)),
)
SearchQuery.__doc__ = "What a user asks (the URL's parameters); fields derived from pantau.search.fields."


# The document fields a hit carries (what backends store or fetch for a result), in the
# order of a page's CSV columns.
HIT_DOCUMENT_FIELDS: tuple[str, ...] = ("id", "title", "url", "source_id", "source_type", "published_at",
                                        "doc_type", "violation_types", "region_codes")

Hit = create_model(
    "Hit", __module__=__name__,
    **{name: (IndexDocument.model_fields[name].annotation, IndexDocument.model_fields[name])
       for name in HIT_DOCUMENT_FIELDS},
    score=(float | None, Field(None, description="Relevance (bm25); none in time order.")),
    snippet=(str, Field("", description="Highlighted excerpt; matches wrapped in <mark></mark>.")),
)
Hit.__doc__ = ("One search result: the index document's fields named in HIT_DOCUMENT_FIELDS, its score "
               "and snippet; these fields, in this order, are also the columns of a page as CSV.")


class FacetCount(BaseModel):
    value: str
    label: str | None = None
    count: int
    selected: bool = Field(False, description="The value is one of the query's filter values.")
    toggle_url: str | None = Field(None, description="This page's URL with the value added or removed.")


class SearchPage(BaseModel):
    total: int
    hits: list[Hit]
    next_cursor: str | None = None
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)
    facets_timed_out: list[str] = Field(default_factory=list,
                                        description="Facets left out because they ran out of time.")


class TimelineBucket(BaseModel):
    period: str = Field(description="YYYY-MM for months, YYYY-Www (ISO week) for weeks.")
    key: str | None = Field(None, description="Split value (violation type or province code).")
    count: int
