"""The embedded search backend: tantivy (a Lucene-class engine) in a versioned directory
beside the archive. Invariants: ``pantau/search/README.md``.

    backend = TantivyBackend(settings.data_dir / "search-index")
    backend.rebuild(build_documents(archive))
    page = backend.search(SearchQuery(q="netralitas camat", region=["33"], facets=["regency"]))

Words match by stem (title weighted twice), "phrases" on the written text; filters come from
``pantau.search.clauses`` (the same clauses Elasticsearch receives) and count zero towards
the score; facets are terms aggregations, each over every filter but its own.
Orders: relevance is bm25 (ties as tantivy orders them, stable for one build); newest/oldest
is UTC publication time then id, undated documents counting as the oldest.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

import tantivy

from pantau.errors import BackendUnavailable, InvalidInput
from pantau.search.base import IndexDocument, IndexStats, SearchBackend
from pantau.search.clauses import facet_agg, filter_clauses, sort_buckets
from pantau.search.cursor import decode_cursor, encode_cursor
from pantau.search.fields import FACETS_BY_NAME, SPLITS
from pantau.search.index_dir import IndexDirectory
from pantau.search.labels import facet_label
from pantau.search.query import Hit, SearchPage, SearchQuery, TextQuery, TimelineBucket, parse_text
from pantau.search.tantivy_query import query_string, sort_clause_key, text_and_filters, to_query
from pantau.search.tantivy_schema import (EMPTY, SCHEMA_VERSION, facet_fields, register, schema,
                                         to_document)
from pantau.search import highlight

META = "pantau.json"
WRITER_HEAP = 512 * 1024 * 1024
EXPORT_BATCH = 1000
BIG = 1 << 31
RIDERS = "facets over every filter"  # an aggregation name no column has
_BAD_CURSOR = "the cursor is not valid: pass next_cursor from the previous page unchanged"


class _Snapshot:
    """One opened version: its index and what the build recorded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.index = register(tantivy.Index.open(str(path)))
            self.meta = json.loads((path / META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BackendUnavailable(f"the search index at {path} cannot be read ({exc}): "
                                     "run `pantau index` to rebuild it") from exc
        if self.meta.get("schema_version") != SCHEMA_VERSION:
            raise BackendUnavailable(
                f"the search index at {path} was built by another version of Pantau (index schema "
                f"{self.meta.get('schema_version')}, this version reads {SCHEMA_VERSION}): "
                "run `pantau index` to rebuild it", detail={"index": str(path)})

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()


class TantivyBackend(SearchBackend):
    name = "tantivy"

    def __init__(self, root: Path | str, facet_budget_s: float = 10.0) -> None:
        self.dir = IndexDirectory(root)
        self.path = self.dir.root
        self.facet_budget_s = facet_budget_s
        self._snapshot: _Snapshot | None = None

    # -- building ------------------------------------------------------------------------

    def rebuild(self, docs: Iterable[IndexDocument]) -> IndexStats:
        started = time.monotonic()
        build_id, work = self.dir.start()
        try:
            count = _write(work, build_id, docs)
            final = self.dir.publish(build_id, work)
        except BaseException:
            self.dir.abandon(work)
            raise
        return IndexStats(backend=self.name, index=str(final), documents=count,
                          seconds=round(time.monotonic() - started, 3))

    # -- reading -------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchPage:
        started = time.monotonic()
        snap = self._open()
        searcher = snap.searcher()
        text = parse_text(query.q)
        sort = _sort(query, text)
        clauses = filter_clauses(query)
        main = text_and_filters(text, clauses, scoring=sort == "relevance")
        if sort == "relevance":  # one pass: the page and the total
            rows, cursor, total = self._relevance_page(searcher, main, query)
        else:
            rows, cursor = self._time_rows_page(searcher, main, query, sort)
            total = _count(searcher, main, text, clauses)
        hits = [self._hit(searcher, addr, score, text) for score, addr in rows]
        facets, late = self._facets(searcher, snap, query, text, started)
        return SearchPage(total=total, hits=hits, next_cursor=cursor, facets=facets, facets_timed_out=late)

    def count(self, query: SearchQuery) -> int:
        text, clauses = parse_text(query.q), filter_clauses(query)
        return _count(self._open().searcher(), text_and_filters(text, clauses), text, clauses)

    def timeline(self, query: SearchQuery, interval: Literal["week", "month"],
                 split: Literal["violation_type", "province"] | None = None) -> list[TimelineBucket]:
        if interval not in ("week", "month"):
            raise InvalidInput(f"interval must be 'week' or 'month', not {interval!r}")
        if split is not None and split not in SPLITS:
            raise InvalidInput(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
        main = text_and_filters(parse_text(query.q), filter_clauses(query))
        agg: dict = {"terms": {"field": interval, "size": 100_000}}
        columns = facet_fields(FACETS_BY_NAME[split].field) if split is not None else ()
        if columns:
            agg["aggs"] = {c: {"terms": {"field": c, "size": 10_000}} for c in columns}
        result = self._open().searcher().aggregate(main, {"periods": agg})
        out = []
        for bucket in result["periods"]["buckets"]:
            if split is None:
                out.append(TimelineBucket(period=bucket["key"], key=None, count=bucket["doc_count"]))
            else:
                out += [TimelineBucket(period=bucket["key"], key=key, count=count)
                        for key, count in _summed(bucket, columns).items()]
        return sorted(out, key=lambda b: (b.period, b.key or ""))

    def iter_ids(self, query: SearchQuery) -> Iterator[str]:
        """Newest first (UTC time, then id, both descending), from one snapshot of the index
        even if a rebuild replaces it meanwhile."""
        main = text_and_filters(parse_text(query.q), filter_clauses(query))
        searcher = self._open().searcher()
        after = None
        while True:
            rows = _time_rows(searcher, main, "newest", after, EXPORT_BATCH)
            yield from (doc_id for _, doc_id, _ in rows)
            if len(rows) < EXPORT_BATCH:
                return
            after = rows[-1][:2]

    def health(self) -> dict:
        snap = self._open()
        return {"backend": self.name, "index": str(snap.path), "documents": snap.searcher().num_docs,
                "built_at": snap.meta.get("built_at"), "build_id": snap.meta.get("build_id")}

    def close(self) -> None:
        self._snapshot = None

    # -- pages ---------------------------------------------------------------------------

    def _relevance_page(self, searcher, main, query: SearchQuery):
        offset = 0
        if query.cursor:
            (offset,) = decode_cursor(query.cursor, "relevance", 1)
            if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset < BIG:
                raise InvalidInput(_BAD_CURSOR, detail={"cursor": query.cursor[:100]})
        result = searcher.search(main, query.limit + 1, count=True, offset=offset)
        found = result.hits
        cursor = encode_cursor("relevance", [offset + query.limit]) if len(found) > query.limit else None
        return found[:query.limit], cursor, result.count

    def _time_rows_page(self, searcher, main, query: SearchQuery, sort: str):
        after = None
        if query.cursor:
            key, doc_id = decode_cursor(query.cursor, sort, 2)
            if not isinstance(key, int) or isinstance(key, bool) or not isinstance(doc_id, str):
                raise InvalidInput(_BAD_CURSOR, detail={"cursor": query.cursor[:100]})
            after = (key, doc_id)
        rows = _time_rows(searcher, main, sort, after, query.limit + 1)
        cursor = encode_cursor(sort, list(rows[query.limit - 1][:2])) if len(rows) > query.limit else None
        return [(None, addr) for _, _, addr in rows[:query.limit]], cursor

    def _hit(self, searcher, addr, score, text: TextQuery) -> Hit:
        doc = searcher.doc(addr)
        data = json.loads(bytes(doc.get_first("hit")))
        body = doc.get_first("text") or ""
        return Hit(**data, score=score, snippet=highlight.snippet(body, text))

    def _facets(self, searcher, snap: _Snapshot, query: SearchQuery, text: TextQuery, started: float):
        """Counts of the requested facets; a facet not reached within ``facet_budget_s`` of the
        search's start is reported as timed out instead of failing the page.

        Facets with the same scope share a call. The facets counted over every filter (the
        page's own documents) ride along in the call of a facet that leaves out a plain terms
        filter: a filter aggregation over that one clause narrows its documents to the page's,
        so the page's query is not evaluated once more."""
        clauses = filter_clauses(query)
        groups: dict[str, list] = {}
        for name in dict.fromkeys(query.facets):
            facet = FACETS_BY_NAME[name]
            groups.setdefault(facet.filter if facet.filter in clauses else None, []).append(facet)
        host = next((own for own in groups if own is not None and query_string(clauses[own])), None) \
            if None in groups else None
        out, late = {}, []
        for own, facets in groups.items():
            if own is None and host is not None:
                continue  # counted in the host's call
            riders = groups[None] if own is not None and own == host else []
            if time.monotonic() - started > self.facet_budget_s:
                late += [f.name for f in facets + riders]
                continue
            scope = text_and_filters(text, {k: v for k, v in clauses.items() if k != own})
            aggs = _terms_aggs(facets)
            if riders:
                aggs[RIDERS] = {"filter": query_string(clauses[own]), "aggs": _terms_aggs(riders)}
            result = searcher.aggregate(scope, aggs)
            for counted, found in ((facets, result), (riders, result.get(RIDERS, {}))):
                for facet in counted:
                    pairs = _summed(found, facet_fields(facet.field)).items()
                    out[facet.name] = [facet_label(facet.name, v, c, snap.meta.get("sources", {}))
                                       for v, c in sort_buckets(facet, pairs)]
        return {name: out[name] for name in dict.fromkeys(query.facets) if name in out}, late

    # -- the live version ----------------------------------------------------------------

    def _open(self) -> _Snapshot:
        target = self.dir.current()
        if target is None:
            raise BackendUnavailable(f"no search index in {self.dir.root}: run `pantau index` first",
                                     detail={"index": str(self.dir.root)})
        snap = self._snapshot
        if snap is None or snap.path != target:
            snap = self._snapshot = _Snapshot(target)
        return snap


def _write(work: Path, build_id: str, docs: Iterable[IndexDocument]) -> int:
    """Index ``docs`` into the empty directory ``work`` with its metadata; the number of
    documents. On failure the writer is rolled back and released before the caller deletes
    ``work``."""
    index = register(tantivy.Index(schema(), path=str(work)))
    writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
    count, sources = 0, {}
    try:
        for doc in docs:
            writer.add_document(to_document(doc))
            sources.setdefault(doc.source_id, doc.source_name)
            count += 1
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        writer.wait_merging_threads()
        raise
    finally:
        del writer, index
    meta = {"build_id": build_id, "schema_version": SCHEMA_VERSION, "documents": count, "sources": sources,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    (work / META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return count


def _terms_aggs(facets) -> dict:
    return {column: {"terms": {"field": column, "size": facet_agg(f)["terms"]["size"]}}
            for f in facets for column in facet_fields(f.field)}


def _summed(result: dict, columns: tuple[str, ...]) -> dict[str, int]:
    """Counts per value over the terms aggregations of ``columns`` (a facet's slots), the
    empty slot left out."""
    counts: dict[str, int] = {}
    for column in columns:
        for bucket in result.get(column, {}).get("buckets", ()):
            key = bucket["key"]
            if key != EMPTY and bucket["doc_count"]:
                counts[key] = counts.get(key, 0) + bucket["doc_count"]
    return counts


def _count(searcher, main, text: TextQuery, clauses: dict) -> int:
    """Documents matching ``main``; every document of the searcher's segments without text or
    filters (counting them one by one takes ~7 ms at 1M documents)."""
    if text.empty and not clauses:
        return searcher.num_docs
    return searcher.search(main, 1, count=True).count


def _sort(query: SearchQuery, text: TextQuery) -> str:
    return "newest" if query.sort == "relevance" and text.empty else query.sort


def _time_rows(searcher, main, sort: str, after: tuple | None, n: int) -> list[tuple[int, str, object]]:
    """Up to ``n`` (sort key, id, address) rows of ``main`` in time order after the row
    ``after`` (a (key, id) pair). Keys are nearly unique; every document sharing the key at
    the edge of the page is read, so ties are ordered by id exactly."""
    newest = sort == "newest"
    order = tantivy.Order.Desc if newest else tantivy.Order.Asc
    query = main if after is None else to_query(sort_clause_key(after[0], "lt" if newest else "gt"), main)
    first = searcher.search(query, n, count=False, order_by_field="sort_key", order=order).hits
    rows = _rows(searcher, [addr for _, addr in first])
    edges = set()
    if after is not None:
        edges.add(after[0])
    if len(rows) == n:
        edges.add(rows[-1][0])
    for key in edges:
        tied = searcher.search(to_query(sort_clause_key(key, "eq"), main), 10_000, count=False).hits
        rows = [r for r in rows if r[0] != key] + _rows(searcher, [addr for _, addr in tied])
    if after is not None:
        rows = [r for r in rows if (r[:2] < after if newest else r[:2] > after)]
    rows.sort(key=lambda r: r[:2], reverse=newest)
    return rows[:n]


def _rows(searcher, addrs: list) -> list[tuple[int, str, object]]:
    if not addrs:
        return []
    keys = searcher.fast_field_values("sort_key", addrs)
    nums = searcher.fast_field_values("idnum", addrs)
    out = []
    for key, num, addr in zip(keys, nums, addrs):
        doc_id = f"{num:016x}" if num else searcher.doc(addr).get_first("id")
        out.append((int(key), doc_id, addr))
    return out
