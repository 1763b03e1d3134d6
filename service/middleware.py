"""Per-request plumbing: request id, optional API key and rate limit, metrics, access log."""

from __future__ import annotations

import hmac
import json
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request
from werkzeug.exceptions import RequestEntityTooLarge

from . import web
from .errors import ApiError
from .languagetool import form as languagetool_form
from .state import state

REQUEST_ID_HEADER = "X-Request-ID"
PUBLIC_ENDPOINTS = frozenset(
    {"ops.healthz", "ops.readyz", "ops.openapi", "lt.languages", *web.PAGE_ENDPOINTS}
)
"""Endpoints answered without the API key: probes, the API description, LanguageTool's list,
the web page and its files."""
_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def _write_access_line(fields: dict[str, object]) -> None:
    """One JSON line on the process's current stdout (gunicorn workers inherit it)."""
    sys.stdout.write(json.dumps(fields, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _presented_key() -> str | None:
    key = request.headers.get("X-API-Key")
    if key is None:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token:
            key = token.strip()
    if key is None and request.endpoint == "lt.check":
        key = languagetool_form().get("apiKey")
    return key


def _codings(header: str) -> list[str]:
    return [c.strip().lower() for c in request.headers.get(header, "").split(",") if c.strip()]


def _refuse_unreadable_body(limit: int) -> None:
    """Refuse at once, before anything reads it, a body the service would not read whole or
    could not decode: declared over the limit (413), compressed (415), or in a transfer coding
    other than chunked, which gunicorn lets through undecoded (501)."""
    declared = request.content_length
    if declared is not None and declared > limit:
        raise RequestEntityTooLarge()
    encoded = [c for c in _codings("Content-Encoding") if c != "identity"]
    if encoded:
        message = f"content coding {encoded[0]} is not supported: send the body uncompressed"
        raise ApiError(415, "unsupported_media_type", message)
    coded = [c for c in _codings("Transfer-Encoding") if c != "chunked"]
    if coded:
        raise ApiError(501, "not_implemented", f"transfer coding {coded[0]} is not supported")


def install(app: Flask) -> None:
    """Register the request hooks on `app`."""
    @app.before_request
    def _begin() -> None:
        g.started = time.perf_counter()
        client_id = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = client_id if _CLIENT_REQUEST_ID.fullmatch(client_id) else uuid.uuid4().hex
        _refuse_unreadable_body(app.config["MAX_CONTENT_LENGTH"])
        current = state()
        if current.config.api_key is not None and request.endpoint not in PUBLIC_ENDPOINTS:
            key = _presented_key()
            if key is None or not hmac.compare_digest(
                key.encode("utf-8", "surrogateescape"), current.config.api_key.encode("utf-8")
            ):
                raise ApiError(
                    401,
                    "unauthorized",
                    "missing or wrong API key (X-API-Key header or Authorization: Bearer)",
                    {"WWW-Authenticate": 'Bearer realm="normalizer"'},
                )
        if current.limiter is not None and request.endpoint not in PUBLIC_ENDPOINTS:
            current.limiter.check(request.remote_addr or "-")

    @app.after_request
    def _finish(response: Response) -> Response:
        seconds = time.perf_counter() - g.get("started", time.perf_counter())
        route = request.url_rule.rule if request.url_rule is not None else "<unmatched>"
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "-")
        current = state()
        current.metrics.observe_request(request.method, route, response.status_code, seconds)
        if current.config.access_log:
            _write_access_line(
                {
                    "ts": round(time.time(), 3),
                    "id": g.get("request_id", "-"),
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "ms": round(seconds * 1000, 2),
                    "bytes_in": request.content_length or 0,
                    "bytes": response.calculate_content_length() or 0,
                }
            )
        return response
