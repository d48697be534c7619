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

``defer_package_init("spacy.lang.id")`` does the same for a language package: its
``__init__`` imports ~16,000 tokenizer exceptions (~40 ms) that the project's tokenizer
does not use (``nlp.tokenizer``). Its submodules (punctuation, stop words...) import as
usual; the first attribute read (``from spacy.lang.id import Indonesian``,
``spacy.blank("id")``) runs the real ``__init__``. ``PANTAU_SPACY_EAGER_LANG`` turns it off.
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


def defer_package_init(name: str) -> bool:
    """Put a placeholder for the package ``name`` in ``sys.modules`` whose ``__init__`` runs
    on first attribute access; True if deferred."""
    if name in sys.modules or os.environ.get("PANTAU_SPACY_EAGER_LANG"):
        return False
    try:
        spec = importlib.util.find_spec(name)
    except Exception:  # noqa: BLE001 - not importable: leave it to the usual import
        return False
    if (spec is None or spec.submodule_search_locations is None
            or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)):
        return False
    module = importlib.util.module_from_spec(spec)
    lock = threading.RLock()

    def module_getattr(attr: str):
        if attr.startswith("__") and attr.endswith("__") and attr != "__all__":
            raise AttributeError(attr)
        with lock:
            if module.__dict__.pop("__getattr__", None) is not None:
                spec.loader.exec_module(module)
        return getattr(module, attr)

    module.__getattr__ = module_getattr
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return True
