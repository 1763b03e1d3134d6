"""What one application shares between requests: settings, engine, metrics, rate limiter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app

from .config import ServiceConfig
from .engine import Engine
from .metrics import Metrics
from .ratelimit import RateLimiter

EXTENSION = "normalizer_service"


@dataclass(frozen=True, slots=True)
class ServiceState:
    config: ServiceConfig
    engine: Engine
    metrics: Metrics
    limiter: RateLimiter | None

    def dictionary_sizes(self) -> dict[str, int]:
        """Entries per dictionary, as the lexicon reports them (`Lexicon.sizes()`); {} if not."""
        sizes: Any = getattr(self.engine.normalizer.lexicon, "sizes", None)
        return dict(sizes()) if callable(sizes) else {}

    def sources(self) -> list[str]:
        """Where the dictionaries came from (`Lexicon.sources()`); [] if the lexicon cannot say."""
        sources: Any = getattr(self.engine.normalizer.lexicon, "sources", None)
        return [str(s) for s in sources()] if callable(sources) else []


def state() -> ServiceState:
    """The state of the application handling the current request."""
    return current_app.extensions[EXTENSION]
