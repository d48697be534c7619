"""A small exception hierarchy; every error carries the HTTP status the API answers with."""

from __future__ import annotations


class PantauError(Exception):
    """Base class of Pantau's own errors."""

    status_code: int = 500
    code: str = "internal_error"
    exit_code: int = 2  # of the ``pantau`` command (2: the user's input or set-up)

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    def to_dict(self) -> dict:
        body = {"error": self.code, "message": self.message, "status": self.status_code}
        if self.detail:
            body["detail"] = self.detail
        return body


class InvalidInput(PantauError):
    """The user's input (query parameter, file, option) is malformed."""

    status_code = 400
    code = "invalid_input"


class NotFound(PantauError):
    status_code = 404
    code = "not_found"


class Conflict(PantauError):
    status_code = 409
    code = "conflict"


class LimitExceeded(PantauError):
    """A documented limit (page size, export size, time) was exceeded."""

    status_code = 422
    code = "limit_exceeded"


class ArchiveError(PantauError):
    """The archive cannot be opened, migrated or written."""

    status_code = 500
    code = "archive_error"


class BackendUnavailable(PantauError):
    """A search backend (for example Elasticsearch) cannot be reached."""

    status_code = 503
    code = "backend_unavailable"


class StorageError(PantauError):
    """A file cannot be written: the disk is full, the directory is read-only or not ours.
    Whatever was being written was abandoned; nothing complete was replaced."""

    status_code = 507
    code = "storage_error"
    exit_code = 1


_FULL = {28: "no space left on the device", 122: "the disk quota is exhausted", 27: "the file grew too large"}
_DENIED = {30: "the file system is read-only", 13: "permission denied", 1: "operation not permitted"}


def storage_problem(exc: BaseException, where=None) -> StorageError | None:
    """A StorageError saying what went wrong if ``exc`` is a full disk, a read-only file
    system or a permission problem (an OSError or SQLite's own words); else None."""
    import sqlite3

    place = f" ({where})" if where else ""
    reason = None
    if isinstance(exc, OSError) and exc.errno is not None:
        reason = _FULL.get(exc.errno) or _DENIED.get(exc.errno)
        if reason and exc.filename and not where:
            place = f" ({exc.filename})"
    elif isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "disk is full" in text:
            reason = _FULL[28]
        elif "readonly" in text or "read-only" in text:
            reason = _DENIED[30]
    if reason is None:
        return None
    full = reason in _FULL.values()
    advice = "free some space" if full else "make it writable"
    return StorageError(f"cannot write{place}: {reason}. Nothing complete was replaced; "
                        f"{advice} and run the command again.", detail={"reason": reason})
