"""An in-memory stand-in for the few Elasticsearch client methods the alias logic calls.

Only for testing ``pantau.search.elastic_index`` (create, bulk load, refresh, alias swap,
delete) without a server. Everything else is tested against a real cluster
(tests/test_search_elastic.py). Method signatures mirror the real client's keyword names, and a
test checks that against ``elasticsearch.Elasticsearch``.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from types import SimpleNamespace

from elasticsearch.serializer import JsonSerializer


class FakeError(Exception):
    pass


class _Telemetry:
    """What ``helpers.streaming_bulk`` needs of the client's OpenTelemetry wrapper."""

    def helpers_span(self, name):
        return nullcontext(None)

    def use_span(self, span):
        return nullcontext(None)


class FakeIndices:
    def __init__(self, cluster: FakeCluster) -> None:
        self.c = cluster

    def create(self, *, index, settings=None, mappings=None):
        if index in self.c.indexes:
            raise FakeError(f"resource_already_exists_exception: {index}")
        self.c.indexes[index] = {"settings": settings, "mappings": mappings, "docs": {},
                                 "aliases": set(), "refreshed": False}
        self.c.log.append(("create", index))

    def exists_alias(self, *, name):
        return any(name in ix["aliases"] for ix in self.c.indexes.values())

    def get_alias(self, *, name):
        found = {n: {"aliases": {name: {}}} for n, ix in self.c.indexes.items()
                 if name in ix["aliases"]}
        if not found:
            raise FakeError(f"alias [{name}] missing")
        return found

    def refresh(self, *, index):
        self.c.indexes[index]["refreshed"] = True
        self.c.log.append(("refresh", index))

    def update_aliases(self, *, actions):
        self.c.log.append(("update_aliases", actions))
        if self.c.fail_update_aliases:
            raise FakeError("update_aliases refused")
        for act in actions:  # validate everything first: the real call is atomic
            (kind, spec), = act.items()
            ix = self.c.indexes.get(spec["index"])
            if ix is None or (kind == "remove" and spec["alias"] not in ix["aliases"]):
                raise FakeError(f"cannot {kind} {spec}")
        for act in actions:
            (kind, spec), = act.items()
            aliases = self.c.indexes[spec["index"]]["aliases"]
            (aliases.add if kind == "add" else aliases.discard)(spec["alias"])

    def delete(self, *, index, ignore_unavailable=None):
        names = [index] if isinstance(index, str) else list(index)
        for name in names:
            if name not in self.c.indexes and not ignore_unavailable:
                raise FakeError(f"index_not_found_exception: {name}")
            self.c.indexes.pop(name, None)
        self.c.log.append(("delete", sorted(names)))


class FakeCluster:
    """The fake client: ``indices.*``, ``bulk`` and what ``streaming_bulk`` touches."""

    def __init__(self) -> None:
        self.indexes: dict[str, dict] = {}
        self.log: list[tuple] = []
        self.reject_ids: set[str] = set()
        self.fail_update_aliases = False
        self.indices = FakeIndices(self)
        self._otel = _Telemetry()
        self.transport = SimpleNamespace(serializers=SimpleNamespace(
            get_serializer=lambda mimetype: JsonSerializer()))

    def options(self, **kwargs):
        return self

    def bulk(self, *, operations, **kwargs):
        lines = [json.loads(op) for op in operations]
        items = [self._bulk_one(action, source) for action, source in zip(lines[::2], lines[1::2])]
        self.log.append(("bulk", len(items)))
        return SimpleNamespace(body={"errors": any("error" in i["index"] for i in items),
                                     "items": items})

    def _bulk_one(self, action: dict, source: dict) -> dict:
        meta = action["index"]
        if meta["_id"] in self.reject_ids:
            return {"index": {"_index": meta["_index"], "_id": meta["_id"], "status": 400,
                              "error": {"type": "document_parsing_exception",
                                        "reason": "strict mapping refused field [x]"}}}
        self.indexes[meta["_index"]]["docs"][meta["_id"]] = source
        return {"index": {"_index": meta["_index"], "_id": meta["_id"], "status": 201}}

    def alias_targets(self, alias: str) -> list[str]:
        return sorted(n for n, ix in self.indexes.items() if alias in ix["aliases"])
