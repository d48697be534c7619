"""Versioned Elasticsearch indexes behind one alias, rebuilt and swapped atomically.

The live index is ``<prefix>-articles-v<mapping_version>-<UTC timestamp>`` and readers only
ever use the alias ``<prefix>-articles`` (see ``mappings/README.md``). A rebuild creates a new
index from ``mappings/articles.json``, bulk-loads it, refreshes it, then moves the alias in ONE
``update_aliases`` call (remove from the old indexes + add to the new one), and only then
deletes the old indexes. If anything fails before the alias moved, the half-built index is
deleted and the alias stays where it was.

Uses only ``indices.create / exists_alias / get_alias / refresh / update_aliases / delete``
and ``helpers.streaming_bulk`` (which calls ``bulk``).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from mappings import DIR as MAPPINGS_DIR

from pantau.errors import PantauError
from pantau.search.base import IndexDocument

MAPPING_PATH = MAPPINGS_DIR / "articles.json"
CHUNK_SIZE = 500
MAX_CHUNK_BYTES = 20 * 1024 * 1024
TEXT_ANALYZER = "indonesian_text"
_WORD = re.compile(r"[^\W_]+")


class IndexBuildError(PantauError):
    """Elasticsearch refused documents (or the alias swap) while building a new index."""

    status_code = 500
    code = "index_build_failed"


@lru_cache(maxsize=1)
def load_mapping(path: Path = MAPPING_PATH) -> dict:
    """Settings and mappings of the articles index (``{"settings": ..., "mappings": ...}``)."""
    return json.loads(path.read_text(encoding="utf-8"))


def mapping_version(mapping: dict | None = None) -> int:
    return int((mapping or load_mapping())["mappings"]["_meta"]["mapping_version"])


def region_words() -> list[str]:
    """Lower-case words of every region name and alias. They are excluded from stemming, as
    in the embedded index: the stemmer would read "Pemalang" as pe+malang."""
    from pantau.regions import get_region_table

    table = get_region_table()
    names = [region.name for region in table] + [alias for alias, _ in table.alias_items()]
    return sorted({w for name in names for w in _WORD.findall(name.lower()) if w.isalpha()})


def index_definition(mapping: dict | None = None) -> dict:
    """The create-index body: ``mappings/articles.json`` with the Indonesian analyzer's
    ``stem_exclusion`` filled from the region table."""
    body = copy.deepcopy(mapping or load_mapping())
    body["settings"]["analysis"]["analyzer"][TEXT_ANALYZER]["stem_exclusion"] = region_words()
    return body


def alias_name(prefix: str) -> str:
    return f"{prefix}-articles"


def new_index_name(alias: str, version: int, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d%H%M%S%f")
    return f"{alias}-v{version}-{stamp}"


def to_source(doc: IndexDocument) -> dict:
    """The stored document: every IndexDocument field, the derived ones included."""
    return doc.model_dump(mode="json")


def bulk_actions(index: str, docs: Iterable[IndexDocument]) -> Iterator[dict]:
    for doc in docs:
        yield {"_op_type": "index", "_index": index, "_id": doc.id, "_source": to_source(doc)}


def _bulk_error(index: str, item: dict) -> IndexBuildError:
    op = next(iter(item.values()), {}) if isinstance(item, dict) else {}
    error = op.get("error") or {}
    reason = error.get("reason", error) if isinstance(error, dict) else error
    kind = error.get("type", "error") if isinstance(error, dict) else "error"
    return IndexBuildError(
        f"Elasticsearch refused document {op.get('_id')!r} while building {index}: "
        f"{kind}: {reason} (status {op.get('status')}); the live index was not changed",
        detail={"index": index, "id": op.get("_id"), "status": op.get("status"), "error": error})


def bulk_load(client, index: str, docs: Iterable[IndexDocument],
              chunk_size: int = CHUNK_SIZE) -> int:
    """Index ``docs`` in chunks; raise IndexBuildError at the first refused document."""
    from elasticsearch import helpers

    count = 0
    for ok, item in helpers.streaming_bulk(
            client, bulk_actions(index, docs), chunk_size=chunk_size,
            max_chunk_bytes=MAX_CHUNK_BYTES, raise_on_error=False, max_retries=3):
        if not ok:
            raise _bulk_error(index, item)
        count += 1
    return count


def alias_indexes(client, alias: str) -> list[str]:
    """The indexes ``alias`` points at now (none before the first build)."""
    if not client.indices.exists_alias(name=alias):
        return []
    return sorted(client.indices.get_alias(name=alias))


def swap_actions(alias: str, new: str, old: list[str]) -> list[dict]:
    """The single atomic ``update_aliases`` action list: remove from old, add to new."""
    actions = [{"remove": {"index": name, "alias": alias}} for name in old if name != new]
    actions.append({"add": {"index": new, "alias": alias}})
    return actions


def create_index(client, name: str, mapping: dict) -> None:
    body = index_definition(mapping)
    client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])


def drop_indexes(client, names: list[str]) -> None:
    if names:
        client.indices.delete(index=names, ignore_unavailable=True)


def rebuild(client, alias: str, docs: Iterable[IndexDocument],
            chunk_size: int = CHUNK_SIZE, now: datetime | None = None) -> tuple[str, int]:
    """Build a new index from ``docs`` and make it live; (new index name, documents)."""
    mapping = load_mapping()
    name = new_index_name(alias, mapping_version(mapping), now)
    create_index(client, name, mapping)
    try:
        count = bulk_load(client, name, docs, chunk_size)
        client.indices.refresh(index=name)
        old = alias_indexes(client, alias)
        client.indices.update_aliases(actions=swap_actions(alias, name, old))
    except BaseException:
        _cleanup(client, name)
        raise
    drop_indexes(client, [o for o in old if o != name])
    return name, count


def _cleanup(client, name: str) -> None:
    """Delete a half-built index; a failure here must not hide the original error."""
    try:
        drop_indexes(client, [name])
    except Exception:  # noqa: BLE001 - the caller re-raises the error that matters
        pass
