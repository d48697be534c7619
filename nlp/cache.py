"""A disk cache for what the pipeline derives from its data files, so start-up reads one
pickle instead of parsing gazetteers and compiling large regular expressions.

``cached(name, inputs, build)`` returns ``build()``'s value. The value is stored as a pickle
in the cache directory, named after ``name`` and a sha256 over ``inputs`` (files are hashed
by their bytes; strings and bytes as given; values built from the package's data add
``code_fingerprint()``, a hash over all of ``nlp`` and the region table's code and data),
the Python version and ``FORMAT``. A changed input gives a new key, so a stale file is never
read; a missing, unreadable or corrupt file (each file carries the sha256 of its payload) is
rebuilt, and written back atomically when the directory is writable. Nothing fails because
of the cache: at worst the value is built as without it.

Compiled regular expressions are stored with their compiled program (the arguments of
``_sre.compile``), checked when stored to give a pattern equal to ``re.compile``'s (same
pattern, flags, groups and code), so loading them skips the regex parser and compiler.

``PANTAU_NLP_CACHE_DIR`` sets the directory ("off" disables the cache); the default is
``$XDG_CACHE_HOME/pantau/nlp`` (``~/.cache/pantau/nlp``).
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import _sre

FORMAT = "pantau-nlp-cache 1"
_MAGIC = b"PNC1"
_DISABLED = {"", "0", "off", "none", "false", "no"}
T = TypeVar("T")
log = logging.getLogger(__name__)


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is disabled."""
    value = os.environ.get("PANTAU_NLP_CACHE_DIR")
    if value is not None:
        return None if value.strip().lower() in _DISABLED else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pantau" / "nlp"


NLP_DIR = Path(__file__).resolve().parent
PANTAU_DIR = NLP_DIR.parent / "pantau"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the code and data a cached value may derive from: every file of the
    ``nlp`` package (code and data), ``pantau``'s top-level modules (the region table) and
    ``pantau/data``. Part of the key of every value built from the package's own data, so
    no edit, whichever file it touches, can leave a stale value in use."""
    h = hashlib.sha256()
    files = [p for p in NLP_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += list(PANTAU_DIR.glob("*.py"))
    files += [p for p in (PANTAU_DIR / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        data = path.read_bytes()
        h.update(f"{path.relative_to(NLP_DIR.parent).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def cache_key(inputs: Iterable[Path | str | bytes]) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode())
    for item in inputs:
        if isinstance(item, Path):
            data = item.read_bytes()
            h.update(b"F%d\0" % len(data))
        elif isinstance(item, str):
            data = item.encode("utf-8")
            h.update(b"S%d\0" % len(data))
        else:
            data = bytes(item)
            h.update(b"B%d\0" % len(data))
        h.update(data)
    return h.hexdigest()[:20]


def cached(name: str, inputs: Iterable[Path | str | bytes], build: Callable[[], T]) -> T:
    """``build()``, or its value stored by an earlier process for the same inputs."""
    base = cache_dir()
    if base is None:
        return build()
    try:
        path = base / f"{name}-{cache_key(inputs)}.pickle"
    except OSError:  # an input file is missing: let the builder report it
        return build()
    value = _read(path)
    if value is not None:
        return value[0]
    value = build()
    _write(path, value)
    return value


def _read(path: Path) -> tuple | None:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    try:
        digest, payload = blob[len(_MAGIC):len(_MAGIC) + 32], blob[len(_MAGIC) + 32:]
        if blob[:len(_MAGIC)] != _MAGIC or hashlib.sha256(payload).digest() != digest:
            raise ValueError("bad header or checksum")
        return (_loads(payload),)
    except Exception as exc:  # noqa: BLE001 - a corrupt cache file is rebuilt, never fatal
        log.warning("ignoring unreadable NLP cache file %s: %s", path, exc)
        return None


def _loads(payload: bytes):
    # Unpickling makes many small containers; the collector would scan them repeatedly.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value) -> None:
    import tempfile

    try:
        buf = io.BytesIO()
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        payload = buf.getvalue()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in path.parent.glob(path.name.rsplit("-", 1)[0] + "-*.pickle"):
            if old != path:  # entries for other inputs of the same name
                old.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001 - a read-only or full disk only costs speed
        log.debug("could not write NLP cache file %s: %s", path, exc)


# -- compiled regular expressions ------------------------------------------------------------

def compile_all(name: str, specs: list[tuple[str, int]]) -> list[re.Pattern]:
    """``[re.compile(pattern, flags) for pattern, flags in specs]``, kept in the cache under
    ``name`` and keyed by the patterns themselves."""
    specs = [(p, int(f)) for p, f in specs]
    inputs = [f"{int(f)}\0{p}" for p, f in specs]
    return cached(name, inputs, lambda: [re.compile(p, f) for p, f in specs])


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern):
            args = freeze_pattern(obj)
            if args is not None:
                return thaw_pattern, (args,)
        return NotImplemented


def freeze_pattern(pattern: re.Pattern) -> tuple | None:
    """The ``_sre.compile`` arguments that rebuild ``pattern``, or None if they cannot be
    had (another Python's ``re`` internals) or do not give an equal pattern."""
    try:
        from re import _compiler, _parser

        flags = pattern.flags
        tree = _parser.parse(pattern.pattern, flags)
        code = [int(c) for c in _compiler._code(tree, flags)]
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for key, i in groupindex.items():
            indexgroup[i] = key
        args = (pattern.pattern, flags | tree.state.flags, code, tree.state.groups - 1,
                groupindex, tuple(indexgroup))
        again = _sre.compile(*args)
    except Exception:  # noqa: BLE001
        return None
    same = again == pattern and again.groups == pattern.groups and again.groupindex == pattern.groupindex
    return args if same else None


def thaw_pattern(args: tuple) -> re.Pattern:
    try:
        return _sre.compile(*args)
    except Exception:  # noqa: BLE001 - cannot happen for a key of this Python; be safe anyway
        return re.compile(args[0], args[1])
