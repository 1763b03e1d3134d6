"""Production server: gunicorn running the service (`normalizer serve`).

The same gunicorn settings serve both entry points: `serve()` here, and the command line
`gunicorn --config python:service.gunicorn_conf "service:create_app()"` used by the Dockerfile
and the tests (`GUNICORN_ARGS`).
"""

from __future__ import annotations

import sys
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.config import Config

from normalizer import ConfigError

from . import gunicorn_conf
from .app import create_app

GUNICORN_CONFIG = "python:service.gunicorn_conf"
GUNICORN_APP = "service:create_app()"
GUNICORN_ARGS = ("--config", GUNICORN_CONFIG, GUNICORN_APP)
"""Arguments of the `gunicorn` command that serves the application."""


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """gunicorn with an application object built in this process (the master)."""

    def __init__(self, application: Flask, options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def bind_address(host: str, port: int) -> str:
    """gunicorn's bind string: `host:port`, IPv6 hosts in brackets."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def serve(
    host: str = "127.0.0.1", port: int = 8080, workers: int | None = None,
    profile_path: str | None = None,
) -> int:
    """Run gunicorn with the service until it is stopped (SIGTERM/SIGINT); the exit status.

    The application (engine and lexicon) is built here, before gunicorn forks its `workers`
    (default: NORMALIZER_WORKERS, else the CPU cores), so the workers share it. A bad
    `profile_path` or setting is reported on stderr and gives status 2.
    """
    try:
        application = create_app({"profile_path": profile_path} if profile_path else None)
    except (ConfigError, ValueError) as exc:
        print(f"normalizer serve: {exc}", file=sys.stderr)
        return 2
    known = Config().settings
    options = {key: value for key, value in vars(gunicorn_conf).items() if key in known}
    options.update(bind=bind_address(host, port), workers=workers or gunicorn_conf.workers)
    server = _Gunicorn(application, options)
    try:
        server.run()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return 0
