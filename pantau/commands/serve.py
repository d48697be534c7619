"""``pantau serve``: the search API (FastAPI under uvicorn); docs at /docs."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0: any free port)."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the API over the archive and search backend of the settings (PANTAU_*)."""
    import uvicorn

    from search_api import create_app

    typer.echo(f"serve: http://{host}:{port}/docs (Ctrl+C to stop)", err=True)
    uvicorn.run(create_app(), host=host, port=port, log_level=log_level)
