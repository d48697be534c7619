"""``pantau serve``: the search API (FastAPI under uvicorn); docs at /docs."""

from __future__ import annotations

import os
from enum import Enum

import typer


class LogLevel(str, Enum):  # uvicorn's levels
    critical = "critical"
    error = "error"
    warning = "warning"
    info = "info"
    debug = "debug"
    trace = "trace"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0: any free port)."),
    workers: int = typer.Option(None, "--workers", min=1, max=64, show_default="number of cores",
                                help="Worker processes, each with its own archive connections "
                                     "and search backend."),
    log_level: LogLevel = typer.Option(LogLevel.info, "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the API over the archive and search backend of the settings (PANTAU_*)."""
    import uvicorn

    workers, log_level = workers or _cores(), log_level.value
    typer.echo(f"serve: http://{host}:{port}/ (web pages; API docs at /docs; {workers} "
               f"worker{'s' * (workers > 1)}; Ctrl+C to stop)", err=True)
    if workers == 1:
        from search_api import create_app

        uvicorn.run(create_app(), host=host, port=port, log_level=log_level)
        return
    # Each worker is a fresh process that calls create_app() itself (factory): its archive
    # connections and search backends are its own. The officials registry is brought up to
    # date once, here, before the workers start, rather than by every worker at once.
    from search_api.app import refresh_registry_once

    refresh_registry_once()
    os.environ["PANTAU_API_REBUILD_OFFICIALS_ON_START"] = "false"
    uvicorn.run("search_api.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level=log_level)
