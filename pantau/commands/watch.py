"""``pantau watch``: saved searches, and what is new for each since the last run.

    pantau watch add batang-camat 'http://127.0.0.1:8000/?q=camat&region=33.25'
    pantau watch add jateng-medsos 'region=33&violation_type=social_media' --email desk@example.org
    pantau watch list
    pantau watch run [NAME ...] [--json] [-o FILE] [--email [--to ADDRESS]]
    pantau watch remove NAME
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

app = typer.Typer(help="Saved searches: add, list, run (what is new since the last run), remove.",
                  no_args_is_help=True)


def _store():
    from pantau.settings import get_settings
    from pantau.watch import FILE_NAME, WatchStore

    return WatchStore(get_settings().data_dir / FILE_NAME)


def _backend():
    from pantau.search.factory import get_backend
    from pantau.settings import get_settings

    return get_backend(get_settings())


@app.command("add")
def add(name: str = typer.Argument(..., help="A name for the search."),
        search: str = typer.Argument(..., help="A search page's or /v1/articles' address, or its "
                                     "parameters ('q=camat&region=33')."),
        email: str = typer.Option(None, "--email", help="Address that `run --email` writes to.")) -> None:
    """Save a search; what matches now counts as seen, so runs report what arrives later."""
    from pantau.watch import normalise

    params = normalise(search)
    with _store() as store:
        from pantau.watch import Watch

        query = Watch(name, params, email, "", None).query
        backend = _backend()
        try:
            current = list(backend.iter_ids(query))
        finally:
            backend.close()
        store.add(name, params, email, current)
    typer.echo(f"watch: saved {name!r} ({params}); {len(current)} articles match now")


@app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The saved searches, their parameters, last run and articles reported."""
    with _store() as store:
        watches = store.list()
    if as_json:
        typer.echo(json.dumps([w.__dict__ for w in watches], indent=2))
        return
    for w in watches:
        typer.echo(f"{w.name}\t{w.params}\tlast run: {w.last_run or 'never'}\treported: {w.reported}"
                   + (f"\temail: {w.email}" if w.email else ""))
    if not watches:
        typer.echo("no saved searches; add one with `pantau watch add NAME URL`", err=True)


@app.command("remove")
def remove(name: str = typer.Argument(...)) -> None:
    """Forget a saved search."""
    with _store() as store:
        store.remove(name)
    typer.echo(f"watch: removed {name!r}")


@app.command("run")
def run(names: list[str] = typer.Argument(None, help="Saved searches to run (default: all)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
        output: Path = typer.Option(None, "-o", "--output", help="Write the report to this file "
                                    "(JSON if it ends in .json); it appears whole or not at all."),
        email: bool = typer.Option(False, "--email", help="E-mail each search's news (PANTAU_SMTP_*)."),
        to: str = typer.Option(None, "--to", help="E-mail this address instead of each watch's.")) -> None:
    """Report what matches each saved search and was not reported before, then remember it
    (only once the report is printed, written or sent)."""
    from pantau import watch as watches
    from pantau.settings import get_settings
    from pantau.store import Archive

    settings = get_settings()
    with _store() as store, Archive.open(settings.archive_path) as archive:
        backend = _backend()
        try:
            reports = watches.run(store, archive, backend, names or None)
        finally:
            backend.close()
        data = watches.as_json(reports, settings.public_url)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n" if as_json else \
            watches.as_text(reports, settings.public_url)
        if output is not None:
            _write(output, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
                   if output.suffix == ".json" else text)
        else:
            typer.echo(text, nl=False)
        if email:
            from pantau.watch_mail import send

            sent = send(reports, settings, to)  # fails before anything is recorded
            typer.echo(f"watch: {sent} e-mail(s) sent", err=True)
        store.mark_reported(reports)


def _write(path: Path, text: str) -> None:
    from pantau.atomic import AtomicFiles

    with AtomicFiles([path]) as files:
        files.write_bytes(path, text.encode("utf-8"))
