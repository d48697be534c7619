"""Assembly of the Pantau pipeline: ``build_nlp()`` and the cached ``load()``.

Order: tokenizer (``nlp.tokenizer``), ``pantau_sentences``, ``pantau_regions``,
``pantau_dates``, ``pantau_officials``, ``pantau_violations``, ``pantau_incidents``,
``pantau_doctype``. Later components may read what earlier ones wrote.

``PIPELINE_VERSION`` ("pantau-nlp 0.1.0+<hash>") changes with any file under ``nlp/data``
or ``pantau/data``, so a gazetteer or pattern change re-analyses the archive.
"""

from __future__ import annotations

import hashlib
import importlib
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

import nlp.extensions  # noqa: F401
from nlp.tokenizer import blank

CODE_VERSION = "0.1.0"
# (factory name, module under nlp.components)
COMPONENTS: list[tuple[str, str]] = [
    ("pantau_sentences", "sentences"),
    ("pantau_regions", "regions"),
    ("pantau_dates", "dates"),
    ("pantau_officials", "officials"),
    ("pantau_violations", "violations"),
    ("pantau_incidents", "incidents"),
    ("pantau_doctype", "doctype"),
]
DATA_DIRS = [Path(__file__).parent / "data", Path(__file__).parent.parent / "pantau" / "data"]


def data_hash(dirs: list[Path] = DATA_DIRS) -> str:
    """Short sha256 over the names and bytes of every data file."""
    h = hashlib.sha256()
    for base in dirs:
        for path in sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(path.relative_to(base.parent).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


PIPELINE_VERSION = f"pantau-nlp {CODE_VERSION}+{data_hash()}"


def import_components() -> list[str]:
    """Import the component modules, registering their factories; the factory names."""
    for factory, module in COMPONENTS:
        importlib.import_module(f"nlp.components.{module}")
        if not Language.has_factory(factory):
            raise RuntimeError(f"nlp/components/{module}.py registers no factory {factory!r}")
    return [factory for factory, _ in COMPONENTS]


def build_nlp(config: dict[str, dict] | None = None, exclude: tuple[str, ...] = ()) -> Language:
    """A new pipeline. ``config`` maps a component name to its factory settings."""
    config = config or {}
    lang = blank()
    for name in import_components():
        if name not in exclude:
            lang.add_pipe(name, config=config.get(name, {}))
    lang.meta.update({"name": "pantau", "version": CODE_VERSION, "description": PIPELINE_VERSION})
    return lang


@lru_cache(maxsize=1)
def load() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_nlp()
