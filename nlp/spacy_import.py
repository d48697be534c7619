"""Import spaCy without loading its command line up front.

``import spacy`` runs ``from .cli.info import info``, and ``spacy/cli/__init__.py`` imports
every command with typer, weasel, requests, httpx and jinja2: about a quarter of spaCy's
import time, of no use to the pipeline. ``defer_spacy_cli()``, called by ``nlp/__init__.py``
before anything imports spaCy, imports it with a placeholder ``spacy.cli`` package (real
path and spec, code not run yet) and a placeholder ``spacy.cli.info`` in ``sys.modules``.
The first use of ``spacy.cli`` (an attribute such as ``spacy.cli.download``, or
``spacy.info()``) runs the real modules, so spaCy's command line still works in the same
process, only later.

Nothing is deferred when spaCy is already imported, when the modules cannot be found as
plain files, or when ``PANTAU_SPACY_EAGER_CLI`` is set.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import threading
import types


def defer_spacy_cli() -> bool:
    """Install the placeholders and import spaCy; True if the cli was deferred."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules or os.environ.get("PANTAU_SPACY_EAGER_CLI"):
        return False
    try:
        spacy_spec = importlib.util.find_spec("spacy")
        cli_spec = importlib.machinery.PathFinder.find_spec(
            "spacy.cli", spacy_spec.submodule_search_locations)
        info_spec = importlib.machinery.PathFinder.find_spec(
            "spacy.cli.info", cli_spec.submodule_search_locations)
    except Exception:  # noqa: BLE001 - no spaCy, or not laid out as files: import it as usual
        return False
    if info_spec is None or not isinstance(cli_spec.loader, importlib.machinery.SourceFileLoader):
        return False
    cli = importlib.util.module_from_spec(cli_spec)
    info = types.ModuleType("spacy.cli.info", "Placeholder until spacy.cli is used.")
    lock = threading.RLock()

    def load() -> types.ModuleType:
        with lock:
            if cli.__dict__.pop("__getattr__", None) is not None:
                if sys.modules.get("spacy.cli.info") is info:
                    del sys.modules["spacy.cli.info"]
                cli_spec.loader.exec_module(cli)
        return cli

    def module_getattr(name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(load(), name)

    def spacy_info(*args, **kwargs):
        load()
        return sys.modules["spacy.cli.info"].info(*args, **kwargs)

    cli.__getattr__ = module_getattr
    info.info = spacy_info
    before = set(sys.modules)
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that needs its cli at import: import it whole
        for name in set(sys.modules) - before:
            if name == "spacy" or name.startswith("spacy."):
                del sys.modules[name]
        return False
    if getattr(spacy, "cli", None) is None:
        spacy.cli = cli  # the import system sets it only for modules it loads itself
    return True
