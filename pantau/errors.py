"""A small exception hierarchy; every error carries the HTTP status the API answers with."""

from __future__ import annotations


class PantauError(Exception):
    """Base class of Pantau's own errors."""

    status_code: int = 500
    code: str = "internal_error"

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
