"""The application factory: `create_app(config)` builds a ready-to-serve Flask application.

The engine (`Normalizer`, with its lexicon) is created here, once. Under gunicorn with
`preload_app` this happens in the master before the workers fork, so they share its memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify

from normalizer import Normalizer, load_config

from . import api_v1, languagetool, middleware, ops, web
from .config import ServiceConfig
from .engine import Engine
from .errors import register_error_handlers
from .metrics import Metrics
from .ratelimit import RateLimiter
from .receiving import CLIENT_TIMEOUT
from .state import EXTENSION, ServiceState

WARM_UP_TEXT = "Sergey V. Lavroy met officials in Libva.\n\n\n\nThe end."
"""Run once at creation so that every lazily built engine structure exists before the fork."""
DENSE_WARM_UP_TEXT = " ".join(
    ["Tho mooting of tho councii was hold on Tuesday aud tho maycr prcsided."] * 5)
"""Run once at creation too: a text misread densely enough for the archive reading
(`normalizer.dense_ocr`), whose tables the workers then share as well."""


class _ServiceFlask(Flask):
    """Flask, with an `OPTIONS` answer in JSON like every other answer of the service."""

    def make_default_options_response(self) -> Response:
        response = super().make_default_options_response()
        answer = jsonify({"allow": sorted(response.allow)})
        answer.allow.update(response.allow)
        return answer


def create_app(config: dict[str, Any] | None = None, normalizer: Normalizer | None = None) -> Flask:
    """Build the service.

    `config` overrides the `NORMALIZER_*` environment variables (see `ServiceConfig` and
    docs/service.md); unknown keys raise ValueError, a bad profile file raises ConfigError.
    `normalizer` replaces the engine built from the profile (for embedding and tests).
    """
    settings = ServiceConfig.load(config)
    if normalizer is None:
        path = settings.profile_path
        normalizer = Normalizer(load_config(Path(path)).profile if path else None)
        normalizer.normalize(WARM_UP_TEXT)
        normalizer.normalize(DENSE_WARM_UP_TEXT)
    app = _ServiceFlask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config[CLIENT_TIMEOUT] = settings.client_timeout
    app.json.sort_keys = False  # type: ignore[attr-defined]
    metrics = Metrics()
    app.extensions[EXTENSION] = ServiceState(
        config=settings,
        engine=Engine(normalizer, settings.request_timeout, metrics),
        metrics=metrics,
        limiter=RateLimiter(settings.rate_limit) if settings.rate_limit else None,
    )
    register_error_handlers(app)
    middleware.install(app)
    for blueprint in (api_v1.bp, languagetool.bp, ops.bp, web.bp):
        app.register_blueprint(blueprint)
    return app
