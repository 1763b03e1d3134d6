"""The time a client has to send its request body.

Under gunicorn the body is read from the client's socket as the application asks for it, so a
client that sends slowly holds the thread that reads. While a body is read (or drained), an
alarm shuts the socket's read side once `client_timeout` seconds have passed: the read returns
short and the request is answered 408 instead of waiting for the rest. Other servers (the
development server, the test client) give no socket and get no alarm.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from flask import current_app

from .watchdog import watchdog

CLIENT_TIMEOUT = "NORMALIZER_CLIENT_TIMEOUT"
"""Key of the application's `client_timeout` in `app.config`."""


def _shut_reading(sock: socket.socket, expired: list[bool]) -> None:
    expired.append(True)
    with suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RD)


@contextmanager
def body_deadline(environ: dict[str, Any], seconds: float | None = None) -> Iterator[
    Callable[[], bool]
]:
    """Bound the block's reading of the body to `seconds` (default: the application's
    `client_timeout`); yields a function that tells whether the time ran out."""
    sock = environ.get("gunicorn.socket")
    expired: list[bool] = []
    if sock is None:
        yield lambda: False
        return
    limit = current_app.config[CLIENT_TIMEOUT] if seconds is None else seconds
    alarm = watchdog.call_at(time.monotonic() + limit, lambda: _shut_reading(sock, expired))
    try:
        yield lambda: bool(expired)
    finally:
        alarm.cancel()
