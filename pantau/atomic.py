"""Files that appear whole or not at all, alone or several together.

    with AtomicFiles([data, manifest, dictionary]) as files:
        with files.open(data) as fh:
            fh.write(...)
        ...
    # all three are in place here; a kill before this line left the old ones untouched

Each target is written to a temporary name in its own directory,
``.<name>.pantau-partial-<pid>``, so nothing a killed run leaves can be mistaken for data
(hidden, and named for what it is). ``commit`` makes a group of files appear together: it
fsyncs the parts, writes a journal ``.<first>.pantau-commit-<pid>`` listing the renames
(itself written under a temporary name and renamed, so a journal is always whole), renames
each part into place and deletes the journal. A kill between two renames leaves the
journal: the next run's ``recover`` finishes its renames (rolls forward), so readers see the
old group or the new one. ``recover`` also deletes the parts of processes that no longer
run; ``leftovers`` lists what it would act on, for ``pantau status``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

PARTIAL = "pantau-partial"
JOURNAL = "pantau-commit"
_LEFTOVER = re.compile(rf"^\.(?P<name>.+)\.(?P<kind>{PARTIAL}|{JOURNAL})-(?P<pid>\d+)(?:-\w+)?$")


def partial_path(target: Path, pid: int | None = None, tag: str = "") -> Path:
    """The temporary name of ``target`` for process ``pid`` (default: this one)."""
    suffix = f"-{tag}" if tag else ""
    return target.with_name(f".{target.name}.{PARTIAL}-{pid or os.getpid()}{suffix}")


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class AtomicFiles:
    """A group of target files written under temporary names and renamed in together."""

    def __init__(self, targets: Iterable[Path | str]) -> None:
        self.targets = [Path(t) for t in targets]
        if not self.targets:
            raise ValueError("AtomicFiles needs at least one target")
        self.parts = {t: partial_path(t) for t in self.targets}
        self.committed = False

    def __enter__(self) -> "AtomicFiles":
        for directory in {t.parent for t in self.targets}:
            directory.mkdir(parents=True, exist_ok=True)
            recover(directory)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None and not self.committed:
            self.commit()
        elif exc_type is not None:
            self.abort()

    def path(self, target: Path | str) -> Path:
        """The temporary path ``target`` is written to."""
        return self.parts[Path(target)]

    def open(self, target: Path | str) -> BinaryIO:
        return open(self.path(target), "wb")

    def write_bytes(self, target: Path | str, data: bytes) -> None:
        with self.open(target) as fh:
            fh.write(data)

    def commit(self) -> None:
        """Make every target appear; all of them, or (after a kill) none until ``recover``."""
        missing = [str(t) for t, p in self.parts.items() if not p.exists()]
        if missing:
            raise FileNotFoundError(f"nothing was written for {', '.join(missing)}")
        for part in self.parts.values():
            _fsync_file(part)
        journal = _write_journal(self.targets[0], self.parts)
        _roll_forward(journal)
        self.committed = True

    def abort(self) -> None:
        for part in self.parts.values():
            part.unlink(missing_ok=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _journal_path(first: Path, pid: int | None = None) -> Path:
    return first.with_name(f".{first.name}.{JOURNAL}-{pid or os.getpid()}")


def _write_journal(first: Path, parts: dict[Path, Path]) -> Path:
    journal = _journal_path(first)
    staging = partial_path(journal)
    renames = [[part.name, target.name, str(target.parent)] for target, part in parts.items()]
    staging.write_text(json.dumps({"renames": renames}), encoding="utf-8")
    _fsync_file(staging)
    os.replace(staging, journal)
    fsync_dir(journal.parent)
    return journal


def _roll_forward(journal: Path) -> None:
    """Do (or finish) the renames a journal lists, then delete it."""
    renames = json.loads(journal.read_text(encoding="utf-8"))["renames"]
    for part_name, target_name, directory in renames:
        part = Path(directory) / part_name
        if part.exists():
            os.replace(part, Path(directory) / target_name)
    for directory in {d for _, _, d in renames}:
        fsync_dir(Path(directory))
    journal.unlink()
    fsync_dir(journal.parent)


def leftovers(directory: Path) -> list[dict]:
    """What killed runs left in ``directory``: parts and journals of dead processes."""
    found = []
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return []
    for name in sorted(names):
        m = _LEFTOVER.match(name)
        if m and not pid_alive(int(m["pid"])):
            found.append({"path": Path(directory) / name, "kind": "journal" if m["kind"] == JOURNAL
                          else "partial", "target": m["name"], "pid": int(m["pid"])})
    return found


def recover(directory: Path) -> list[dict]:
    """Finish the commits of killed runs (journals first), then delete their partial files.
    Returns what was acted on."""
    found = leftovers(directory)
    for item in found:
        if item["kind"] == "journal" and item["path"].exists():
            try:
                _roll_forward(item["path"])
            except (ValueError, KeyError, OSError):  # a journal is written whole; be safe anyway
                item["path"].unlink(missing_ok=True)
    for item in found:
        if item["kind"] == "partial":
            _remove(item["path"])
    return found


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
