"""Duplicates: exact (sha256 of the normalised text) and near (MinHash over word 5-grams,
LSH banding, then a check of the estimated Jaccard similarity).

    cluster = assign_cluster(archive, article)      # persistent: tables of migration 2
    article = article.model_copy(update={"cluster_id": cluster})

A cluster id is the smallest article id among its members, whatever order they arrived in
(an interrupted and resumed crawl ends with the clusters of an uninterrupted one): when an
article with a smaller id joins, the cluster is relabelled in the index and in the articles
table (``place`` returns the old id so the caller can move the crawl records too). Re-assigning an article whose
text did not change returns its stored cluster (idempotent re-runs).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
import unicodedata

import numpy as np

from pantau.store import dedupe as store

SHINGLE = 5  # words per shingle
BANDS, ROWS = 42, 3  # a pair becomes a candidate with P = 1 - (1 - J**3)**42:
NUM_PERM = BANDS * ROWS  # 0.04 at J=0.1, 0.29 at J=0.2, 0.94 at J=0.4, 0.996 at J=0.5
THRESHOLD = 0.45  # estimated Jaccard of word 5-grams needed to join a cluster
SCHEME = f"minhash-s{SHINGLE}-p{NUM_PERM}-b{BANDS}r{ROWS}-v1"
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20241118)
_A = _rng.randint(1, 1 << 61, size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, 1 << 61, size=NUM_PERM, dtype=np.uint64)


def normalize_text(text: str) -> str:
    """Lower case, NFKC, letters and digits only, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def text_hash(text: str) -> str:
    """sha256 of the normalised text: equal for texts that differ only in case, spacing and
    punctuation."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = normalize_text(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature: NUM_PERM uint32 values (all 0xFFFFFFFF for an empty text)."""
    grams = shingles(text)
    if not grams:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint64)
    hashes = np.fromiter((struct.unpack("<I", hashlib.blake2b(g.encode(), digest_size=4).digest())[0]
                          for g in grams), dtype=np.uint64, count=len(grams))
    with np.errstate(over="ignore"):
        permuted = ((hashes[None, :] * _A[:, None] + _B[:, None]) % _PRIME) & _MASK
    return permuted.min(axis=1)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[int]:
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint64)


class DedupeIndex:
    """The persistent index over an archive's connection (or an in-memory one)."""

    def __init__(self, conn: sqlite3.Connection, transaction=None) -> None:
        self.conn = conn
        self._transaction = transaction

    @classmethod
    def of(cls, archive_or_index) -> DedupeIndex:
        if isinstance(archive_or_index, DedupeIndex):
            return archive_or_index
        return cls(archive_or_index.conn, archive_or_index.transaction)

    @classmethod
    def in_memory(cls) -> DedupeIndex:
        from pantau.store.migrations import DEDUPE_SCHEMA, split_statements

        conn = sqlite3.connect(":memory:")
        for statement in split_statements(DEDUPE_SCHEMA):
            conn.execute(statement)
        return cls(conn)

    def transaction(self):
        if self._transaction is not None:
            return self._transaction()
        return self.conn  # sqlite3 connection as context manager: commit or roll back

    def match(self, article_id: str, content_hash: str, sig: np.ndarray) -> tuple[str | None, str]:
        """(cluster id, how) of the best existing match, or (None, "new")."""
        exact = store.same_hash(self.conn, content_hash, article_id)
        if exact is not None:
            return exact.cluster_id, "exact"
        best, best_score = None, THRESHOLD - 1e-9
        for entry in store.candidates(self.conn, band_keys(sig), SCHEME, article_id):
            score = similarity(sig, from_blob(entry.signature))
            if score > best_score or (score == best_score and best and entry.cluster_id < best):
                best, best_score = entry.cluster_id, score
        return (best, "near") if best else (None, "new")

    def assign(self, article) -> str:
        """The cluster id of ``article`` (an ``Article``), storing its signature."""
        return self.place(article)[0]

    def place(self, article) -> tuple[str, str | None]:
        """(cluster id of ``article``, the id the cluster had before if this article's smaller
        id now names it, else None); stores the signature."""
        entry = store.get(self.conn, article.id)
        if entry is not None and entry.content_hash == article.content_hash and entry.scheme == SCHEME:
            return entry.cluster_id, None
        sig = signature(article.text)
        with self.transaction():
            found, _ = self.match(article.id, article.content_hash, sig)
            cluster = min(found, article.id) if found else article.id
            if found and cluster != found:
                store.relabel(self.conn, found, cluster)
            store.put(self.conn, store.Entry(article.id, article.content_hash, SCHEME, to_blob(sig), cluster),
                      band_keys(sig))
        return cluster, (found if found and cluster != found else None)

    def members(self, cluster_id: str) -> list[str]:
        return store.members(self.conn, cluster_id)

    def clusters(self, min_size: int = 2) -> dict[str, list[str]]:
        return store.clusters(self.conn, min_size)


def assign_cluster(archive_or_index, article) -> str:
    """The near-duplicate cluster of ``article``; persistent in the archive's index."""
    return DedupeIndex.of(archive_or_index).assign(article)


def with_cluster(archive_or_index, article):
    """A copy of ``article`` with its ``cluster_id`` set."""
    return article.model_copy(update={"cluster_id": assign_cluster(archive_or_index, article)})
