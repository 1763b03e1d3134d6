"""Operations endpoints: `/healthz`, `/readyz`, `/openapi.json`, `/metrics`."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from .errors import ApiError
from .openapi import build_openapi
from .state import state

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """Alive: the process answers HTTP."""
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz() -> Response:
    """Ready: the engine and its dictionaries are loaded (503 if a reported size is zero)."""
    sizes = state().dictionary_sizes()
    empty = sorted(name for name, size in sizes.items() if size <= 0)
    if empty:
        raise ApiError(503, "not_ready", f"dictionaries not loaded: {', '.join(empty)}")
    return jsonify({"status": "ready", "dictionaries": sizes})


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 document of this application."""
    return jsonify(build_openapi(state().config, current_app.config["MAX_CONTENT_LENGTH"]))


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus text exposition."""
    current = state().metrics
    return Response(current.exposition(), mimetype=None, content_type=current.content_type)
