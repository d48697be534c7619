"""Every error as JSON ``{"error", "message", "status", "detail"}``.

``pantau.errors.PantauError`` carries its own status (400 invalid input, 404 not found, 422
limit exceeded, 503 backend unavailable...). Parameter validation errors become 400
``invalid_input`` naming each bad parameter; unknown routes 404; anything unexpected 500.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from pantau.errors import PantauError

log = logging.getLogger("pantau.api")

HTTP_CODES = {400: "invalid_input", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 414: "uri_too_long", 422: "limit_exceeded", 503: "unavailable"}


def error_response(status: int, code: str, message: str, detail: dict | None = None,
                   headers: dict | None = None) -> JSONResponse:
    body = {"error": code, "message": message, "status": status, "detail": detail or {}}
    return JSONResponse(body, status_code=status, headers=headers)


def _pantau_error(request: Request, exc: PantauError) -> JSONResponse:
    if exc.status_code >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc.message)
    return error_response(exc.status_code, exc.code, exc.message, exc.detail)


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def _message(error: dict) -> str:
    """pydantic's message, or ours for a value that does not match its pattern."""
    from search_api.params import PATTERN_MESSAGES

    pattern = (error.get("ctx") or {}).get("pattern")
    if error.get("type") == "string_pattern_mismatch" and pattern in PATTERN_MESSAGES:
        return PATTERN_MESSAGES[pattern].format(input=error.get("input"))
    return error.get("msg", "")


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [{"parameter": _where(tuple(e.get("loc", ()))), "message": _message(e),
                 "input": e.get("input") if isinstance(e.get("input"), (str, int, float)) else None}
                for e in exc.errors()]
    message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
    return error_response(400, "invalid_input", message or "invalid request", {"errors": problems})


def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    code = HTTP_CODES.get(exc.status_code, "error" if exc.status_code < 500 else "internal_error")
    message = exc.detail if isinstance(exc.detail, str) else code
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    return error_response(500, "internal_error", "internal error; please report it")


def install(app: FastAPI) -> None:
    app.add_exception_handler(PantauError, _pantau_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
