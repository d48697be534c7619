"""Assembly of the Pantau pipeline: ``build_nlp()`` and the cached ``load()``.

Order: tokenizer (``nlp.tokenizer``), ``pantau_sentences``, ``pantau_regions``,
``pantau_dates``, ``pantau_officials``, ``pantau_cues``, ``pantau_violations``,
``pantau_incidents``, ``pantau_doctype``. Later components read what earlier ones wrote, and
only from the doc (``doc._``, ``doc.spans``, ``doc.user_data``); each factory declares what it
assigns and requires.

``PIPELINE_VERSION`` ("pantau-nlp 0.1.0+<hash>") changes with any file the output may depend
on: every file under ``nlp/`` (code and data), ``pantau/data`` and the ``pantau`` modules
``nlp`` imports (``nlp.cache.code_fingerprint``, the same rule that keys the disk cache), so
a code change re-analyses the archive just as a gazetteer or pattern change does.
"""

from __future__ import annotations

import gc
import importlib
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

import nlp.extensions  # noqa: F401
from nlp.cache import code_fingerprint, fingerprint
from nlp.tokenizer import blank

CODE_VERSION = "0.1.0"
# (factory name, module under nlp.components)
COMPONENTS: list[tuple[str, str]] = [
    ("pantau_sentences", "sentences"),
    ("pantau_regions", "regions"),
    ("pantau_dates", "dates"),
    ("pantau_officials", "officials"),
    ("pantau_cues", "cue_spans"),
    ("pantau_violations", "violations"),
    ("pantau_incidents", "incidents"),
    ("pantau_doctype", "doctype"),
]


def version(root: Path | None = None) -> str:
    """"pantau-nlp <CODE_VERSION>+<hash>": the hash is ``nlp.cache.fingerprint`` of the
    checkout at ``root`` (this one by default), over every file of ``nlp`` (code and data),
    ``pantau/data`` and the ``pantau`` modules ``nlp`` imports."""
    digest = code_fingerprint() if root is None else fingerprint(root)
    return f"pantau-nlp {CODE_VERSION}+{digest[:10]}"


PIPELINE_VERSION = version()


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
    """The process-wide pipeline, built on first use.

    Its tables (word tries, gazetteers, lexicons: some 180,000 lists, dicts and tuples)
    live as long as the process, and every full collection of the cyclic garbage collector
    would walk them again while a batch of docs is analysed (~100 ms each, a few per
    thousand articles). ``gc.freeze()`` moves them, with whatever else exists at that
    moment, to the permanent generation: they are still freed by reference counting, but
    no longer scanned for cycles."""
    nlp = build_nlp()
    gc.freeze()
    return nlp
