"""The engine as the service runs it: one shared `Normalizer`, a time limit, metrics.

A worker process answers many connections in threads, but runs one document at a time: the
engine is CPU-bound Python, so a second document in the same process would only share the
same core under the same interpreter lock, doubling the latency and the memory of both.

The time limit is a real deadline, not only a size check: a request has `request_timeout`
seconds from its arrival, waiting for the engine included; when they run out while the engine
works, `DeadlineExceeded` is raised inside the engine's thread (CPython's asynchronous
exception, delivered at the next Python instruction), and the request is answered 503
`timeout`; the worker stays healthy for the next request.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from normalizer import ConfigError, Normalizer, Result

from .errors import ApiError
from .metrics import Metrics
from .watchdog import watchdog

if TYPE_CHECKING:
    from .inputs import Document


class DeadlineExceeded(BaseException):
    """The request's time ran out in the engine. A BaseException, like KeyboardInterrupt, so
    that no `except Exception` inside the engine can swallow it."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Have `thread_id` raise `exception` at its next Python instruction (None: not any more)."""
    pending = ctypes.py_object(exception) if exception is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), pending)


@contextmanager
def deadline(until: float) -> Iterator[None]:
    """Raise `DeadlineExceeded` in the calling thread once `time.monotonic()` passes `until`
    (infinity: never). If the body finishes just as time runs out, it keeps its result."""
    if until == float("inf"):
        yield
        return
    thread_id = threading.get_ident()
    guard = threading.Lock()
    armed, fired = [True], [False]

    def expire() -> None:
        with guard:
            if armed[0]:
                fired[0] = True
                _raise_in(thread_id, DeadlineExceeded)

    alarm = watchdog.call_at(until, expire)
    try:
        yield
    finally:
        alarm.cancel()
        with guard:
            armed[0] = False
        if fired[0]:
            _raise_in(thread_id, None)  # withdraw it if it has not been raised yet


class Engine:
    """Runs documents through the shared normalizer, one at a time, under a deadline."""

    def __init__(self, normalizer: Normalizer, timeout: float, metrics: Metrics) -> None:
        self.normalizer = normalizer
        self.timeout = timeout
        self.metrics = metrics
        self.busy = threading.Lock()

    def start(self) -> float:
        """The monotonic deadline of a request starting now (infinity when there is no limit)."""
        return time.monotonic() + self.timeout if self.timeout > 0 else float("inf")

    def run(self, document: Document, endpoint: str, until: float, check: bool = False) -> Result:
        """Normalize (or, with `check`, only inspect) one document before `until`."""
        options = dict(document.options)
        if check:
            options["mode"] = "suggest"
        remaining = until - time.monotonic()
        if remaining <= 0 or not self.busy.acquire(timeout=min(remaining, threading.TIMEOUT_MAX)):
            raise self._timeout()
        try:
            with deadline(until):
                result = self.normalizer.normalize(document.text, **options)
        except DeadlineExceeded:
            raise self._timeout() from None
        except ConfigError as exc:
            raise ApiError(400, "invalid_field", str(exc)) from None
        finally:
            self.busy.release()
        self.metrics.observe_document(endpoint, result.edits)
        return result

    def _timeout(self) -> ApiError:
        return ApiError(
            503, "timeout", f"the request took longer than the {self.timeout:g} s time limit"
        )
