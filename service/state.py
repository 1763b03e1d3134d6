"""What one application shares between requests: settings, engine, metrics, rate limiter."""

from __future__ import annotations

from dataclasses import dataclass

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
        """Entries per dictionary, as the lexicon reports them."""
        return self.engine.normalizer.lexicon.sizes()

    def sources(self) -> list[str]:
        """The data files the lexicon was built from (see dictionaries/SOURCES.md)."""
        return list(self.engine.normalizer.lexicon.sources)


def state() -> ServiceState:
    """The state of the application handling the current request."""
    return current_app.extensions[EXTENSION]
