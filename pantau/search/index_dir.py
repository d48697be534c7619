"""A versioned index directory, swapped atomically.

    root/
      current                                    (names the live version: "v-20261207T051500123456-4242")
      v-20261207T051500123456-4242/              (one tantivy index per build)
      .v-....pantau-partial-<pid>/               (a build under way, or left by a killed one)

A build writes into a hidden partial directory, is renamed to ``v-<build id>`` when complete,
and goes live when the ``current`` file is replaced (a new file renamed over the old: atomic;
a plain file rather than a symlink, so copying the data directory keeps the layout). Older versions are then deleted; a reader that still has one open keeps its files
(mapped). A killed build never touches ``current``; the next build (``recover``) deletes what
it left, and ``pantau status`` lists it meanwhile (``pantau.atomic.leftovers``).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from pantau.atomic import fsync_dir, partial_path, recover

CURRENT = "current"
PREFIX = "v-"


class IndexDirectory:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def current(self) -> Path | None:
        """The live version's directory, or None before the first build."""
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        if not name.startswith(PREFIX) or "/" in name:
            return None
        return self.root / name

    def start(self) -> tuple[str, Path]:
        """A new build: its id and the (empty) partial directory to write it in."""
        self.root.mkdir(parents=True, exist_ok=True)
        recover(self.root)
        build_id = f"{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S%f')}-{os.getpid()}"
        work = partial_path(self.root / f"{PREFIX}{build_id}")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        return build_id, work

    def publish(self, build_id: str, work: Path) -> Path:
        """Make the build in ``work`` the live version; delete the older ones."""
        final = self.root / f"{PREFIX}{build_id}"
        os.replace(work, final)
        fsync_dir(self.root)
        pointer = partial_path(self.root / CURRENT)
        with open(pointer, "w", encoding="utf-8") as fh:
            fh.write(final.name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(pointer, self.root / CURRENT)
        fsync_dir(self.root)
        for old in self.root.iterdir():
            if old.name.startswith(PREFIX) and old != final:
                shutil.rmtree(old, ignore_errors=True)
        return final

    def abandon(self, work: Path) -> None:
        shutil.rmtree(work, ignore_errors=True)
