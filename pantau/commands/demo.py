"""``pantau demo``: the whole system on the bundled sample sites, in one command.

Starts the sample news sites on localhost, crawls them, analyses and indexes the articles,
builds the officials registry, then serves the API (unless ``--no-serve``). Each stage runs
as its own ``pantau`` process (Scrapy's reactor can start only once per process), in a
demo data directory so a real archive is never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer


def demo(
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Serve the API at the end (Ctrl+C to stop)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface for the sample sites and the API."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port of the API."),
    site_port: int = typer.Option(0, "--site-port", min=0, max=65535, help="Port of the sample sites (0: any free)."),
    data_dir: Path | None = typer.Option(None, "--data-dir",
                                         help="Where the demo archive lives (default PANTAU_DATA_DIR/demo)."),
    fresh: bool = typer.Option(True, "--fresh/--keep", help="Start from an empty demo archive."),
) -> None:
    """Serve the sample sites, crawl, analyse, index, and serve the API over the result."""
    from sample_site import start_server
    from pantau.settings import get_settings

    data_dir = data_dir or get_settings().data_dir / "demo"
    if fresh:
        _clear(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PANTAU_DATA_DIR": str(data_dir)}
    server, _thread, site_url = start_server(host, site_port)
    typer.secho(f"demo: sample news sites at {site_url} ; archive in {data_dir}", fg="green")
    try:
        _stage(env, "crawl", "--sample-url", site_url, "--politeness", "off")
        _stage(env, "analyze")
        _stage(env, "officials")
        _stage(env, "cases")
        _stage(env, "index")
        _stage(env, "status")
        api = f"http://{host}:{port}"
        _print_addresses(site_url, api, serve, data_dir, host, port)
        if serve:
            _stage(env, "serve", "--host", host, "--port", str(port), "--log-level", "warning")
    except KeyboardInterrupt:
        typer.echo("demo: stopped")
    finally:
        server.shutdown()
        server.server_close()


def _stage(env: dict, *args: str) -> None:
    typer.secho(f"\n$ pantau {' '.join(args)}", fg="cyan", err=True)
    result = subprocess.run([sys.executable, "-m", "pantau", *args], env=env)
    if result.returncode != 0:
        typer.secho(f"demo: 'pantau {args[0]}' failed with exit code {result.returncode}", fg="red", err=True)
        raise typer.Exit(result.returncode)


def _clear(data_dir: Path) -> None:
    import shutil

    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"archive.sqlite3{suffix}").unlink(missing_ok=True)
    for directory in ("jobs", "search-index"):
        shutil.rmtree(data_dir / directory, ignore_errors=True)


def _print_addresses(site_url: str, api: str, serving: bool, data_dir: Path, host: str, port: int) -> None:
    lines = [
        f"web pages           {api}/",
        f"search page         {api}/?q=netralitas&region=33",
        f"API docs (OpenAPI)  {api}/docs",
        f"search              {api}/v1/articles?q=netralitas&region=33&facets=violation_type",
        f"one official        {api}/v1/officials?q=bawaslu",
        f"cases               {api}/v1/cases?region=33&facets=status",
        f"region tree         {api}/v1/regions",
        f"timeline            {api}/v1/stats/timeline?interval=month&split=violation_type",
        f"export (CSV)        {api}/v1/export?format=csv&violation_type=social_media",
    ]
    if serving:
        typer.secho("\nOpen these (Ctrl+C to stop):", bold=True)
        lines.insert(2, f"sample news sites   {site_url}")
    else:  # the sample sites stop with this command; the archive stays
        typer.secho(f"\nServe the demo archive with\n  PANTAU_DATA_DIR={data_dir} pantau serve --host {host} "
                    f"--port {port}\nthen open:", bold=True)
    for line in lines:
        typer.echo("  " + line)
