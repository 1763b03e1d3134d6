"""`normalizer serve`: run the HTTP service.

The `service` package is imported only when the command runs, so the command line works
(and starts fast) where the service is not installed.
"""

from __future__ import annotations

import argparse

from ..errors import UsageError
from ..options import cores, positive

NAME = "serve"
HELP = "run the HTTP service"
DESCRIPTION = "Run the HTTP service (gunicorn) with the engine loaded in each worker."
EPILOG = """\
examples:
  normalizer serve
  normalizer serve --host 0.0.0.0 --port 9000 --workers 4 --profile house.toml
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default %(default)s)")
    parser.add_argument("--port", type=int, default=8080, help="port (default %(default)s)")
    parser.add_argument("--workers", type=positive, default=cores(),
                        help="worker processes (default: the cores)")
    parser.add_argument("--profile", metavar="FILE", help="engine settings file (TOML)")


def run(args: argparse.Namespace) -> int:
    try:
        from service.server import serve
    except ImportError as exc:
        if exc.name not in ("service", "service.server"):
            raise
        raise UsageError(f"serve: the HTTP service is not available ({exc})") from None
    return serve(args.host, args.port, args.workers, args.profile)
