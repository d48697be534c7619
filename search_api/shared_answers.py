"""Answers shared by the workers of one ``pantau serve``: the second level of ``Answers``.

Each worker keeps rendered index answers in memory (``http_cache.Answers``). Without this
store, every worker computes each answer once per index version; with it, the first worker
to compute an answer writes it to ``PANTAU_DATA_DIR/answer-cache/<version>/<key digest>``
and the others read it from there (a file in the page cache: a fraction of a millisecond,
against the milliseconds of a search with facets).

- A file is written under a temporary name and renamed into place, so a reader (or a kill)
  never sees half an answer; leftovers of a killed writer carry a ``.tmp-`` prefix, are
  never read, and go with their version's directory.
- The first worker that writes under a new index version removes the directories of the
  other versions: answers of an older index are never served again.
- A worker writes at most ``MAX_WRITES`` answers per index version, so a crawl of every
  cursor cannot fill the disk; past that, answers are kept in its memory only.
- Every failure (a full disk, a read-only data directory, a file removed meanwhile) leaves
  the answer uncached; it is computed instead, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

HEADER_END = b"\n"
MAX_WRITES = 100_000  # answers one worker writes per index version (the store stays bounded)


class SharedAnswers:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._known: str | None = None  # the version directory this worker last wrote to
        self._writes = 0  # answers written there by this worker

    def _path(self, key: tuple) -> tuple[Path, Path]:
        version, url = key
        folder = self.root / hashlib.sha256(str(version).encode()).hexdigest()[:16]
        return folder, folder / hashlib.sha256(url.encode()).hexdigest()[:40]

    def get(self, key: tuple) -> tuple[bytes, dict] | None:
        _, path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head, sep, body = data.partition(HEADER_END)
        if not sep:
            return None
        try:
            headers = json.loads(head)
        except ValueError:
            return None
        return body, headers

    def put(self, key: tuple, body: bytes, headers: dict) -> None:
        folder, path = self._path(key)
        try:
            if self._known != folder.name:
                folder.mkdir(parents=True, exist_ok=True)
                self._drop_other_versions(folder.name)
                self._known, self._writes = folder.name, 0
            if self._writes >= MAX_WRITES:
                return
            self._writes += 1
            tmp = folder / f".tmp-{os.getpid()}-{path.name}"
            with open(tmp, "wb") as fh:
                fh.write(json.dumps(headers).encode() + HEADER_END + body)
            os.replace(tmp, path)
        except OSError:
            return

    def _drop_other_versions(self, keep: str) -> None:
        for child in self.root.iterdir():
            if child.name != keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
