"""``pantau sample-site``: serve the bundled sample news sites on localhost."""

from __future__ import annotations

from pathlib import Path

import typer


def sample_site(
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port to listen on; 0 picks a free port (printed)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind."),
    answer_key: Path | None = typer.Option(
        None, "--answer-key", metavar="FILE.jsonl",
        help="Write the answer key (one JSON line per article page, URLs of this server) before serving."),
    no_serve: bool = typer.Option(
        False, "--no-serve", help="With --answer-key: write the key for http://HOST:PORT and exit without serving."),
    articles: Path | None = typer.Option(
        None, "--articles", help="Article directory (default: the bundled sample_site/articles)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request to stderr."),
) -> None:
    """Serve the four sample sites (Kabar Pantura, NusaRaya, Bawaslu Temanggung, Suara Timur)
    under one localhost server until Ctrl-C or SIGTERM. The first line printed is
    ``Serving on http://HOST:PORT/``, then one line per site."""
    import signal
    import sys

    from pantau.errors import InvalidInput
    from sample_site.answer_key import write_answer_key
    from sample_site.catalog import Catalog
    from sample_site.content import SITES
    from sample_site.server import base_url, make_server

    catalog = Catalog.load(articles)
    if no_serve:
        if answer_key is None or port == 0:
            raise InvalidInput("--no-serve needs --answer-key FILE and a fixed --port")
        n = write_answer_key(answer_key, f"http://{host}:{port}", catalog)
        typer.echo(f"wrote {n} answer-key entries to {answer_key}")
        return
    try:
        server = make_server(host, port, catalog=catalog, quiet=not verbose)
    except OSError as exc:
        raise InvalidInput(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    url = base_url(server)
    if answer_key is not None:
        n = write_answer_key(answer_key, url, catalog)
        typer.echo(f"wrote {n} answer-key entries to {answer_key}")
    typer.echo(f"Serving on {url}/")
    for site, (name, _) in SITES.items():
        typer.echo(f"  {name}: {url}/{site}/")
    typer.echo("Press Ctrl-C to stop.")
    sys.stdout.flush()

    def _stop(signum, frame):  # SIGTERM behaves like Ctrl-C, even where SIGINT was inherited ignored
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("stopped")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.server_close()
