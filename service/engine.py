"""The engine as the service runs it: one shared `Normalizer`, a time limit, metrics.

The time limit is a real deadline, not only a size check: in gunicorn's sync workers a request
runs in the worker's main thread, so a SIGALRM timer interrupts the engine wherever it is and the
request is answered 503 `timeout`. Elsewhere (threads of the development server) signals cannot be
used and only the body size limit bounds the work; gunicorn's own worker `timeout` remains the
last resort in production.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from normalizer import ConfigError, Normalizer, Result

from .errors import ApiError
from .inputs import Document
from .metrics import Metrics


class DeadlineExceeded(Exception):
    """The engine ran past the request's time limit."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise `DeadlineExceeded` in the body after `seconds` (main thread only; 0: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(signum: int, frame: FrameType | None) -> None:
        raise DeadlineExceeded

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Engine:
    """Runs documents through the shared normalizer under a per-request deadline."""

    def __init__(self, normalizer: Normalizer, timeout: float, metrics: Metrics) -> None:
        self.normalizer = normalizer
        self.timeout = timeout
        self.metrics = metrics

    def start(self) -> float:
        """The monotonic deadline of a request starting now (infinity when there is no limit)."""
        return time.monotonic() + self.timeout if self.timeout > 0 else float("inf")

    def run(self, document: Document, endpoint: str, until: float, check: bool = False) -> Result:
        """Normalize (or, with `check`, only inspect) one document before `until`."""
        options = dict(document.options)
        if check:
            options["mode"] = "suggest"
        remaining = until - time.monotonic()
        try:
            if remaining <= 0:
                raise DeadlineExceeded
            with deadline(0 if remaining == float("inf") else remaining):
                result = self.normalizer.normalize(document.text, **options)
        except DeadlineExceeded:
            raise ApiError(
                503, "timeout", f"the document took longer than the {self.timeout:g} s time limit"
            ) from None
        except ConfigError as exc:
            raise ApiError(400, "invalid_field", str(exc)) from None
        self.metrics.observe_document(endpoint, result.edits)
        return result
