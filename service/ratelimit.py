"""Optional per-client rate limit (off by default)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from .errors import ApiError


class RateLimiter:
    """Fixed one-minute windows per client address (per worker process)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.window = -1
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()

    def check(self, client: str) -> None:
        """Count one request of `client`; 429 with Retry-After once it is over the limit."""
        now = self.clock()
        with self.lock:
            window = int(now // 60)
            if window != self.window:
                self.window, self.counts = window, {}
            self.counts[client] = count = self.counts.get(client, 0) + 1
        if count > self.per_minute:
            retry = max(1, int(60 - now % 60))
            raise ApiError(
                429,
                "rate_limited",
                f"more than {self.per_minute} requests per minute from this client",
                {"Retry-After": str(retry)},
            )
