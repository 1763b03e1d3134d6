"""`normalizer serve`: run the HTTP service.

The `service` package is imported only when the command runs, so the command line works
(and starts fast) where the service is not installed. The address is tried before the
service starts, so a port in use or an address this machine does not have is a one-line
error at once.
"""

from __future__ import annotations

import argparse
import errno
import socket

from ..errors import UsageError, note_line
from ..options import capped_processes, cores, nonempty, port, positive
from ..stdio import write_stderr

NAME = "serve"
HELP = "run the HTTP service"
DESCRIPTION = "Run the HTTP service (gunicorn) with the engine loaded in each worker."
EPILOG = """\
examples:
  normalizer serve
  normalizer serve --host 0.0.0.0 --port 9000 --workers 4 --profile house.toml
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", type=nonempty, default="127.0.0.1",
                        help="address to listen on (default %(default)s)")
    parser.add_argument("--port", type=port, default=8080,
                        help="port, 1 to 65535 (default %(default)s)")
    parser.add_argument("--workers", type=positive, default=cores(),
                        help="worker processes, at most one per core (default: the cores)")
    parser.add_argument("--profile", metavar="FILE", type=nonempty,
                        help="engine settings file (TOML)")


def check_address(host: str, port_number: int) -> None:
    """Raise `UsageError` unless a server could listen on `host`:`port_number` now."""
    where = f"{host}:{port_number}"
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port_number, type=socket.SOCK_STREAM
        )[0]
    except socket.gaierror as exc:
        raise UsageError(f"--host {host}: {exc.strerror}") from None
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
        try:
            sock.bind(address)
        except OSError as exc:
            hint = {
                errno.EADDRINUSE: "; another program listens there, choose another --port",
                errno.EACCES: "; ports below 1024 need privileges, choose another --port",
                errno.EADDRNOTAVAIL: "; this machine has no such address, check --host",
            }.get(exc.errno or 0, "")
            raise UsageError(f"cannot listen on {where}: {exc.strerror}{hint}") from None


def run(args: argparse.Namespace) -> int:
    check_address(args.host, args.port)
    try:
        from service.server import serve
    except ImportError as exc:
        if exc.name not in ("service", "service.server"):
            raise
        raise UsageError(f"serve: the HTTP service is not available ({exc})") from None
    workers, lowered = capped_processes(args.workers, "--workers")
    if lowered:
        write_stderr(note_line(lowered) + "\n")
    return serve(args.host, args.port, workers, args.profile)
