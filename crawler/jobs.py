"""Per-source crawl settings: politeness overrides and the job directory (resume state).

The job directory (``JOBDIR``) is ``PANTAU_DATA_DIR/jobs/<source>``. A ``RUNNING`` marker
lives in it while a crawl runs: a crawl that was stopped cleanly (Ctrl-C) leaves its queue
to be resumed by the next run; a crawl that was killed (the marker is still there) left a
queue that cannot be trusted, so the next run starts afresh, and the archive tells it which
pages are done. A crawl that finished removes its job directory.
"""

from __future__ import annotations

import shutil
from pathlib import Path

MARKER = "RUNNING"


def data_dir() -> Path:
    from pantau.settings import get_settings

    return get_settings().data_dir


def archive_path(settings) -> Path:
    from pantau.settings import get_settings

    return Path(settings.get("PANTAU_ARCHIVE") or get_settings().archive_path)


def apply_politeness(settings, entry) -> None:
    """Per-source delay and concurrency, or (``PANTAU_POLITENESS`` false) no throttling."""
    if settings.getbool("PANTAU_POLITENESS", True):
        if entry.politeness.delay is not None:
            settings.set("DOWNLOAD_DELAY", entry.politeness.delay, priority="spider")
            settings.set("AUTOTHROTTLE_START_DELAY", entry.politeness.delay, priority="spider")
        if entry.politeness.concurrency is not None:
            settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", entry.politeness.concurrency, priority="spider")
        return
    for name, value in (("AUTOTHROTTLE_ENABLED", False), ("DOWNLOAD_DELAY", 0),
                        ("DOWNLOAD_DELAY_JITTER", 0), ("CONCURRENT_REQUESTS", 32),
                        ("CONCURRENT_REQUESTS_PER_DOMAIN", 16), ("PANTAU_BACKOFF_BASE", 0)):
        settings.set(name, value, priority="spider")


def prepare_jobdir(settings, source_id: str) -> Path | None:
    """Set ``JOBDIR`` for the source (unless set by the user or ``PANTAU_JOBS`` is off),
    discarding the state of a crawl that was killed."""
    if settings.get("JOBDIR"):
        return Path(settings.get("JOBDIR"))
    if not settings.getbool("PANTAU_JOBS", True):
        return None
    path = Path(settings.get("PANTAU_JOBS_DIR") or data_dir() / "jobs") / source_id
    if (path / MARKER).exists():
        shutil.rmtree(path, ignore_errors=True)
    settings.set("JOBDIR", str(path), priority="spider")
    return path


def job_started(path: Path | None) -> None:
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        (path / MARKER).write_text("a crawl is running (or was killed)\n")


def job_closed(path: Path | None, reason: str) -> None:
    """Finished: nothing to resume. Stopped: keep the queue, drop the marker."""
    if path is None:
        return
    if reason == "finished":
        shutil.rmtree(path, ignore_errors=True)
    else:
        (path / MARKER).unlink(missing_ok=True)
