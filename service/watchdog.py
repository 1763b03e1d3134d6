"""One timer thread per process: run an action at a deadline unless it is cancelled first.

The limits that must act on a thread blocked on a socket or busy in the engine (a client's time
to send its request, the engine's time limit) are alarms here. One thread serves every alarm of
the process, instead of a thread started per request; it starts on the first alarm, so in each
gunicorn worker after the fork, and again in a forked child.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import threading
import time
from collections.abc import Callable

log = logging.getLogger("normalizer.service")


class Alarm:
    """An action due at a monotonic time; `cancel()` before then and it never runs."""

    __slots__ = ("action", "cancelled", "when")

    def __init__(self, when: float, action: Callable[[], None]) -> None:
        self.when = when
        self.action = action
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Watchdog:
    """A heap of alarms and the thread that fires them in time order."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._heap: list[tuple[float, int, Alarm]] = []
        self._order = itertools.count()
        self._wakeup = threading.Condition()
        self._thread: threading.Thread | None = None

    def call_at(self, when: float, action: Callable[[], None]) -> Alarm:
        """Run `action` (quick and non-blocking: it runs on the watchdog thread) once
        `time.monotonic()` reaches `when`, unless the returned alarm is cancelled first."""
        alarm = Alarm(when, action)
        with self._wakeup:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="normalizer-watchdog", daemon=True
                )
                self._thread.start()
            heapq.heappush(self._heap, (when, next(self._order), alarm))
            self._wakeup.notify()
        return alarm

    def _next_due(self) -> Alarm:
        with self._wakeup:
            while True:
                while self._heap and self._heap[0][2].cancelled:
                    heapq.heappop(self._heap)
                wait = self._heap[0][0] - time.monotonic() if self._heap else None
                if wait is not None and wait <= 0:
                    return heapq.heappop(self._heap)[2]
                self._wakeup.wait(wait)

    def _run(self) -> None:
        while True:
            alarm = self._next_due()
            if alarm.cancelled:
                continue
            try:
                alarm.action()
            except Exception:  # an alarm's fault must not stop the others
                log.exception("watchdog alarm failed")


watchdog = Watchdog()
"""The process's watchdog."""
os.register_at_fork(after_in_child=watchdog._reset)
