"""gunicorn settings of the service (`gunicorn --config python:service.gunicorn_conf ...`).

The app is preloaded: the master builds it (engine and lexicon included) before forking, and
`pre_fork` freezes the garbage collector's view of those objects so that collections in the
workers do not touch, and therefore copy, the shared pages.

Workers are `service.worker.ServiceWorker` (gunicorn's gthread): each connection is served by a
thread, so slow clients hold threads, not processes, and the engine runs one document at a time
per process (see service.engine). Environment: NORMALIZER_BIND (default 127.0.0.1:8080),
NORMALIZER_WORKERS (processes; default: the CPU cores), NORMALIZER_THREADS (connections served
at once per process; default 16).
"""

from __future__ import annotations

import gc
import os
from typing import Any

DEFAULT_BIND = "127.0.0.1:8080"

bind = os.environ.get("NORMALIZER_BIND", DEFAULT_BIND)
workers = int(os.environ.get("NORMALIZER_WORKERS", "0")) or (os.cpu_count() or 1)
worker_class = "service.worker.ServiceWorker"
threads = int(os.environ.get("NORMALIZER_THREADS", "16"))
preload_app = True
timeout = 30  # a gthread worker's main loop reports it alive, whatever its requests do
graceful_timeout = 30
keepalive = 2
accesslog = None  # the application writes its own structured access log
errorlog = "-"
loglevel = os.environ.get("NORMALIZER_LOG_LEVEL", "info")
limit_request_line = 8190
proc_name = "normalizer"


def pre_fork(server: Any, worker: Any) -> None:
    """Move everything the master allocated (the lexicon) out of the collector's reach."""
    gc.freeze()


def child_exit(server: Any, worker: Any) -> None:
    """Drop a dead worker's live metrics when Prometheus multiprocess mode is on."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

control_socket_disable = True  # gunicorn >= 24: no runtime control socket in $HOME
