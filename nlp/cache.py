"""A disk cache for what the pipeline derives from its data files, so start-up reads one
pickle instead of parsing gazetteers and compiling large regular expressions.

``cached(name, inputs, build)`` returns ``build()``'s value. The value is stored as a pickle
in the cache directory, named after ``name`` and a sha256 over ``inputs`` (files are hashed
by their bytes; strings and bytes as given; values built from the package's data add
``code_fingerprint()``, a hash over all of ``nlp``, the ``pantau`` modules it imports and
``pantau/data``),
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

from pantau.ids import files_digest

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
REPO_DIR = NLP_DIR.parent
_PANTAU_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(pantau(?:\.\w+)*)[ \t]+import[ \t]+\(?([\w ,\t]+)"
                            r"|import[ \t]+(pantau(?:\.\w+)*))", re.M)


def fingerprint_files(root: Path = REPO_DIR) -> list[Path]:
    """The files the NLP output may depend on, under a checkout at ``root``: every file of
    ``root/nlp`` (code and data), every file of ``root/pantau/data``, and the ``pantau``
    modules that code imports, followed transitively (with their packages' ``__init__``).
    Tests, the crawler, the search API and the rest of ``pantau`` are left out."""
    nlp_dir, pantau_dir = root / "nlp", root / "pantau"
    files = {p for p in nlp_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    files |= {p for p in (pantau_dir / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    todo = [p for p in files if p.suffix == ".py"]
    while todo:
        source = todo.pop().read_text("utf-8", errors="replace")
        for m in _PANTAU_IMPORT.finditer(source):
            names = [m.group(1) or m.group(3)]
            if m.group(2):  # "from pantau import regions": submodules by name
                names += [f"{names[0]}.{n.strip()}" for n in m.group(2).split(",") if n.strip()]
            for name in names:
                for module in _module_files(root, name):
                    if module not in files:
                        files.add(module)
                        todo.append(module)
    return sorted(files)


def _module_files(root: Path, dotted: str) -> list[Path]:
    """The files that importing ``dotted`` runs: each package's ``__init__.py`` on the way
    and the module itself (as ``x.py`` or ``x/__init__.py``), where they exist."""
    parts = dotted.split(".")
    out = []
    for k in range(1, len(parts) + 1):
        base = root.joinpath(*parts[:k])
        for candidate in (base / "__init__.py", base.with_suffix(".py")):
            if candidate.is_file():
                out.append(candidate)
    return out


def fingerprint(root: Path = REPO_DIR) -> str:
    """sha256 over the names and bytes of ``fingerprint_files(root)``."""
    return files_digest(fingerprint_files(root), root).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """``fingerprint()`` of this checkout: the one rule for "the code and data the NLP output
    derives from". It keys every cached value built from the package's own data and makes
    ``nlp.pipeline.PIPELINE_VERSION``, so no edit, whichever of those files it touches, can
    leave a stale cached value or a stale annotation in use."""
    return fingerprint(REPO_DIR)


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
