"""``pantau export``: every article matching the filters as CSV, JSONL or Parquet.

``-o data.csv`` writes ``data.csv`` with ``data.manifest.json`` and
``data.data_dictionary.csv`` beside it; ``-o data.zip`` (or ``--bundle``) writes one zip
holding ``data.<format>``, ``data_dictionary.csv`` and ``manifest.json``.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import typer


def _sidecar(output: Path, suffix: str) -> Path:
    return output.with_name(f"{output.stem}.{suffix}")


def targets(output: Path, bundle: bool) -> list[Path]:
    """The files an export writes: the bundle, or the data file with its two sidecars."""
    if bundle:
        return [output]
    return [output, _sidecar(output, "data_dictionary.csv"), _sidecar(output, "manifest.json")]


def export(
    output: Path = typer.Option(..., "-o", "--output", help="File to write (.zip: a bundle)."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet."),
    bundle: bool = typer.Option(False, "--bundle", help="Write a zip with the data dictionary and manifest."),
    archive_path: Path | None = typer.Option(
        None, "--archive", help="Archive file (default: PANTAU_DATA_DIR/archive.sqlite3)."),
    kind: str = typer.Option("articles", "--kind", help="articles, or cases (pantau cases): one row per case."),
    stage: list[str] = typer.Option([], "--stage", help="With --kind cases: a stage the case reached. Repeatable."),
    status: list[str] = typer.Option([], "--status", help="With --kind cases: case status. Repeatable."),
    **filters,
) -> None:
    """Export every article (or, --kind cases, every case) matching the filters, with a data
    dictionary and a manifest."""
    from rich.console import Console

    from pantau import export as exporter
    from pantau.query_input import build_query
    from pantau.search.factory import get_backend
    from pantau.settings import get_settings
    from pantau.store import Archive

    exporter.check_format(fmt)
    query = build_query(**filters)
    cases = _case_filters(kind, stage, status)
    err = Console(stderr=True)
    backend = get_backend(get_settings())
    try:
        with Archive.open(archive_path) as archive:
            if kind == "cases":
                from pantau.store.case_query import from_article_query

                case_query = from_article_query(query, archive.conn, backend, **cases)
                manifest = _write_cases(case_query, fmt, output, bundle or output.suffix == ".zip", archive)
            else:
                seen = _of_cases(backend, archive, cases)
                manifest = _write(query, fmt, output, bundle or output.suffix == ".zip", archive=archive,
                                  backend=seen, console=err, cases=cases if seen is not backend else None)
    except OSError as exc:  # a full disk or a read-only target: the previous export stays
        from pantau.errors import storage_problem

        problem = storage_problem(exc, f"the export to {output.parent}")
        if problem is None:
            raise
        raise problem from exc
    finally:
        backend.close()
    err.print(f"export: {manifest['counts']['rows']} {kind} -> {output} "
              f"(sha256 {manifest['data_sha256'][:16]}...)")


def _case_filters(kind: str, stage: list[str], status: list[str]) -> dict:
    """The case-only filters (stage, status), checked; with --kind articles they keep the
    articles of such cases (as /v1/export does)."""
    from pantau.cases.fields import Stage, Status
    from pantau.errors import InvalidInput

    if kind not in ("articles", "cases"):
        raise InvalidInput(f"--kind must be articles or cases, not {kind!r}", detail={"kind": kind})
    for name, values, enum in (("stage", stage, Stage), ("status", status, Status)):
        wrong = [v for v in values if v not in {m.value for m in enum}]
        if wrong:
            raise InvalidInput(f"unknown {name} {', '.join(wrong)}; one of {', '.join(m.value for m in enum)}",
                               detail={name: wrong})
    return {"stage": list(stage), "status": list(status)}


def _of_cases(backend, archive, cases: dict):
    """The backend, or (with --stage/--status) the backend seen through the member articles
    of such cases."""
    if not cases["stage"] and not cases["status"]:
        return backend
    from pantau.search.base import Only
    from pantau.store.case_query import CaseQuery, articles_of_cases

    return Only(backend, articles_of_cases(archive.conn, CaseQuery(**cases)))


def _write_cases(query, fmt: str, output: Path, bundle: bool, archive) -> dict:
    """A case export: the data file with its two sidecars, or the zip; all at once or none."""
    from pantau import render
    from pantau.atomic import AtomicFiles
    from pantau.cases import export as case_export
    from pantau.export import DICTIONARY_COLUMNS

    with AtomicFiles(targets(output, bundle)) as files:
        with files.open(output) as fh:
            if bundle:
                return case_export.write_bundle(archive.conn, query, fmt, fh, archive=archive)
            result = case_export.export(archive.conn, query, fmt, fh)
        manifest = {"kind": "cases", "query": query.filters(), "format": fmt,
                    "counts": {"rows": result.rows}, "data_sha256": result.sha256,
                    "data_bytes": result.bytes, "fields": case_export.FIELD_NAMES}
        files.write_bytes(_sidecar(output, "manifest.json"),
                          (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        files.write_bytes(_sidecar(output, "data_dictionary.csv"),
                          render.csv_bytes(case_export.dictionary(), DICTIONARY_COLUMNS))
    return manifest


def _filter_options() -> list[inspect.Parameter]:
    """q and one option per filter parameter of ``pantau.search.fields`` (lists repeat)."""
    from pantau.search import fields

    keyword = inspect.Parameter.KEYWORD_ONLY
    out = [inspect.Parameter("q", keyword, annotation=str | None, default=typer.Option(
        None, "--q", "-q", help='Full text: words, "phrases", -word, a OR b.'))]
    for param in fields.params():
        if param.many:
            option = typer.Option([], param.flag, help=f"{param.filter.cli_help or param.help} Repeatable.")
            out.append(inspect.Parameter(param.name, keyword, annotation=list[str], default=option))
        else:
            option = typer.Option(None, param.flag, help=param.help)
            out.append(inspect.Parameter(param.name, keyword, annotation=str | None, default=option))
    return out


def _with_filter_options(command):
    """Replace ``**filters`` in ``command``'s signature by the filter options (typer reads
    the signature and the annotations)."""
    sig = inspect.signature(command)
    fixed = [p for p in sig.parameters.values() if p.kind != inspect.Parameter.VAR_KEYWORD]
    options = _filter_options()
    command.__signature__ = sig.replace(parameters=fixed + options)
    command.__annotations__ = {**{p.name: p.annotation for p in fixed + options}, "return": None}
    return command


export = _with_filter_options(export)


def _write(query, fmt: str, output: Path, bundle: bool, *, archive, backend, console,
           cases: dict | None = None) -> dict:
    """Write the export (or the bundle) with a progress bar; all files appear at once, or
    (on any failure, or a kill) none, and the previous export stays as it was."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from pantau import export as exporter
    from pantau.atomic import AtomicFiles
    with Progress(TextColumn("export"), BarColumn(), MofNCompleteColumn(), console=console) as bar:
        task = bar.add_task("export", total=backend.count(query))
        common = {"archive": archive, "backend": backend,
                  "progress": lambda n: bar.update(task, completed=n)}
        # every file under a temporary name, renamed into place together only when complete:
        # a killed export leaves the previous one untouched (pantau.atomic)
        with AtomicFiles(targets(output, bundle)) as files:
            with files.open(output) as fh:
                if bundle:
                    manifest = exporter.write_bundle(query, fmt, fh, cases=cases, **common)
                else:
                    result = exporter.export(query, fmt, fh, **common)
                    manifest = exporter.manifest(query, result, archive=archive, backend=backend,
                                                 data_file=output.name, cases=cases)
            if not bundle:
                text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
                files.write_bytes(_sidecar(output, "manifest.json"), text.encode("utf-8"))
                files.write_bytes(_sidecar(output, "data_dictionary.csv"), exporter.data_dictionary_csv())
        bar.update(task, completed=manifest["counts"]["rows"])
    return manifest
