"""The ``pantau`` command line. Each command lives in ``pantau/commands/<name>.py``;
this module only registers them, importing lazily so ``pantau --help`` stays fast."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="pantau",
    help="Pantau: archive, analyse and search Indonesian news on civil-servant neutrality (netralitas ASN).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# command name -> (module under pantau.commands, function name, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "status": ("status", "status", "Print the archive's counts by stage."),
    "sample-site": ("sample_site", "sample_site", "Serve the bundled sample news sites on localhost."),
    "extract": ("extract", "extract", "Analyse a JSONL file of texts (no archive); write JSONL."),
    "crawl": ("crawl", "crawl", "Crawl registered sources into the archive."),
    "sources": ("sources", "sources", "List the source registry; --check reachability, --health coverage."),
    "analyze": ("analyze", "analyze", "Annotate archived articles with the current NLP pipeline."),
    "reparse": ("reparse", "reparse", "Re-parse stored captures into articles (no network)."),
    "parse": ("parse", "parse", "Parse saved pages into articles as the crawler does (no archive); print or write JSONL."),
    "index": ("index", "index", "Build the search index (SQLite or Elasticsearch) from the archive."),
    "serve": ("serve", "serve", "Serve the search API (FastAPI; docs at /docs)."),
    "export": ("export", "export", "Export matching articles as CSV, JSONL or Parquet with a manifest."),
    "officials": ("officials", "officials", "Rebuild the officials registry from the annotations."),
    "cases": ("cases", "cases", "Join incident reports from many articles into cases (after officials)."),
    "demo": ("demo", "demo", "Sample sites -> crawl -> analyze -> index -> API, in one command."),
}
# command groups: name -> (module under pantau.commands; its typer app is ``app``)
GROUPS: dict[str, str] = {"watch": "watch"}


@app.callback()
def _root() -> None:
    # A callback keeps `pantau <command>` a subcommand even while only one is registered.
    pass


def _register(name: str, module: str, func: str, help_text: str) -> None:
    mod = importlib.import_module(f"pantau.commands.{module}")
    app.command(name=name, help=help_text)(getattr(mod, func))


for _name, (_module, _func, _help) in COMMANDS.items():
    _register(_name, _module, _func, _help)
for _name, _module in GROUPS.items():
    app.add_typer(importlib.import_module(f"pantau.commands.{_module}").app, name=_name)


def main() -> None:
    import sqlite3

    from pantau.errors import PantauError, storage_problem

    try:
        app()
    except PantauError as exc:
        typer.secho(f"error: {exc.message}", err=True, fg="red")
        raise SystemExit(exc.exit_code) from exc
    except (OSError, sqlite3.Error) as exc:  # a full disk or a read-only directory: say so
        problem = storage_problem(exc)
        if problem is None:
            raise
        typer.secho(f"error: {problem.message}", err=True, fg="red")
        raise SystemExit(problem.exit_code) from exc


if __name__ == "__main__":
    main()
