"""Prometheus metrics: one registry per application.

Without `PROMETHEUS_MULTIPROC_DIR` each gunicorn worker counts only its own requests and
`/metrics` shows the counters of whichever worker answers the scrape. With that variable set to
an empty writable directory (before the server starts), prometheus-client keeps the values in
files shared by the workers and `/metrics` aggregates all of them.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from normalizer import Edit

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """Request count, request latency, documents and edits by kind."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "normalizer_http_requests",
            "HTTP requests answered, by method, route template and status.",
            ("method", "route", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "normalizer_http_request_duration_seconds",
            "Time from request start to response, by route template.",
            ("route",),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.documents = Counter(
            "normalizer_documents",
            "Documents run through the engine, by endpoint.",
            ("endpoint",),
            registry=self.registry,
        )
        self.edits = Counter(
            "normalizer_edits",
            "Edits found, by kind and whether they were applied.",
            ("kind", "applied"),
            registry=self.registry,
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(route).observe(seconds)

    def observe_document(self, endpoint: str, edits: tuple[Edit, ...]) -> None:
        self.documents.labels(endpoint).inc()
        for edit in edits:
            self.edits.labels(edit.kind, "true" if edit.applied else "false").inc()

    def exposition(self) -> bytes:
        """The text format of every metric (all workers' when multiprocess mode is on)."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)
