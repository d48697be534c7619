"""File-system faults for real processes: a disk that fills up, a read-only directory.

- ``full_disk``: a small tmpfs mounted for the test (needs root, as on the test machines);
  where mounting is refused, the child runs under ``RLIMIT_FSIZE`` instead (SIGXFSZ ignored,
  so a write past the limit fails with EFBIG, "file too large"), which is the second best.
- ``read_only``: a read-only bind mount of the directory over itself (root); as a plain user,
  ``chmod a-w``. As root without mounts it skips the test (root ignores file modes).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def fill_disk(directory: Path, leave: int) -> None:
    """Fill the file system holding ``directory`` until ``leave`` bytes are free (tmpfs only:
    a no-op on a real disk, where the RLIMIT_FSIZE fallback does the work)."""
    if not _is_tmpfs(directory):
        return
    directory.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(directory).free - leave
    if free > 0:
        with open(directory.parent / "filler", "ab") as fh:
            fh.write(b"\0" * free)


def _is_tmpfs(directory: Path) -> bool:
    directory = directory if directory.exists() else directory.parent
    target = str(directory.resolve())
    best = ("", "")
    with open("/proc/self/mounts", encoding="utf-8") as fh:
        for line in fh:
            _dev, point, kind = line.split()[:3]
            if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(best[0]):
                best = (point, kind)
    return best[1] == "tmpfs"


def _fsize_limit(limit: int):
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


@contextmanager
def full_disk(point: Path, data: Path | None, reserve: int = 8 << 20, leave: int = 256 << 10):
    """A small file system at ``point`` holding a copy of ``data`` (if given) and then filled
    up to ``leave`` free bytes. Yields (the copy, a preexec_fn for the child or None)."""
    point.mkdir(parents=True, exist_ok=True)
    size = (_size(data) if data else 0) + reserve
    mounted = os.geteuid() == 0 and _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point))
    try:
        copy = None
        if data is not None:
            copy = point / "data"
            shutil.copytree(data, copy)
            fill_disk(copy, leave)
        yield copy, None if mounted else _fsize_limit(leave)
    finally:
        if mounted:
            _umount(point)


@contextmanager
def read_only(directory: Path):
    """``directory`` read-only for the child processes started inside. Yields a preexec_fn
    (always None at present: the mount or the file modes do it)."""
    if os.geteuid() == 0:
        if not _mount("-o", "bind,ro", str(directory), str(directory)):
            pytest.skip("root ignores file modes and a read-only bind mount was refused")
        try:
            yield None
        finally:
            _umount(directory)
        return
    modes = {p: p.stat().st_mode for p in [directory, *directory.rglob("*")]}
    for path, mode in modes.items():
        path.chmod(mode & ~0o222)
    try:
        yield None
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
