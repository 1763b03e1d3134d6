"""JSON errors: every error the service answers is `{"error": {"code", "message"}}`.

Client errors carry a precise message (naming the offending field); a server fault is logged
with its request id and answered 500 with that id only, never a stack trace.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from flask import Flask, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .receiving import CLIENT_TIMEOUT, body_deadline

log = logging.getLogger("normalizer.service")

DRAIN_LIMIT = 16 * 1024 * 1024
"""Bytes of an over-limit body read and discarded so the client can read the 413 (a server that
closes a socket with unread input resets the connection before the client sees the answer)."""


class ApiError(Exception):
    """A client-visible error with its HTTP status and a stable machine-readable code."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


def field_error(field: str, message: str) -> ApiError:
    """400 for a request field of the wrong type or value; the message starts with its name."""
    return ApiError(400, "invalid_field", f"{field}: {message}")


def _json_error(error: ApiError) -> Response:
    response = jsonify(error.to_dict())
    response.status_code = error.status
    response.headers.update(error.headers)
    return response


def error_code(reason: str) -> str:
    """The `code` of an HTTP reason phrase: `Not Found` -> `not_found`."""
    return (reason or "error").lower().replace(" ", "_").replace("'", "")


def _drain_after_answer(response: Response) -> None:
    """Read and discard what the client still sends of a body over the limit, once the 413 has
    been written (a socket closed with unread input is reset, and a client still sending may
    lose the answer). At most DRAIN_LIMIT bytes within `client_timeout` seconds; a body
    declared larger than DRAIN_LIMIT is not waited for at all."""
    environ = request.environ
    declared = request.content_length
    if declared is not None and declared > DRAIN_LIMIT:
        return
    if declared is None and not environ.get("wsgi.input_terminated"):
        return  # no length and no end marker: reading on would block at the body's end
    seconds = current_app.config[CLIENT_TIMEOUT]
    stream = environ["wsgi.input"]
    remaining = DRAIN_LIMIT if declared is None else declared

    def drain() -> None:
        nonlocal remaining
        with body_deadline(environ, seconds), suppress(Exception):
            while remaining > 0:
                chunk = stream.read(min(65536, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)

    response.call_on_close(drain)


def register_error_handlers(app: Flask) -> None:
    """Answer every error, werkzeug's included, as JSON."""

    @app.errorhandler(ApiError)
    def _api_error(error: ApiError) -> Response:
        return _json_error(error)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        if isinstance(exc, RequestEntityTooLarge):
            limit = app.config["MAX_CONTENT_LENGTH"]
            message = f"request body larger than the limit of {limit} bytes"
        else:
            message = exc.description or exc.name
        error = ApiError(exc.code or 500, error_code(exc.name), message)
        response = _json_error(error)
        if isinstance(exc, RequestEntityTooLarge):
            _drain_after_answer(response)
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _server_fault(exc: Exception) -> Response:
        request_id = g.get("request_id", "-")
        log.exception("server fault: request %s %s %s", request_id, request.method, request.path)
        return _json_error(
            ApiError(500, "internal_error", f"internal server error (request id {request_id})")
        )
