"""``clean --executor dask``: the run's tasks on a Dask cluster instead of local processes.

The client (this process) finds the files, sends chunks of tasks to the workers with the
run's settings (a small object, sent with each chunk: scattered once, it could be lost with a
killed worker and cancel every chunk that needed it, dask/distributed#3149), takes the
outcomes back in order and writes the outputs;
workers read the inputs by path, so on several machines the corpus must be on a shared file
system mounted at the same path. Dask reruns the chunks of a worker that dies.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from .runner import Outcome, Settings, chunked, in_order, run_chunk_on_cluster
from .walk import Task

if TYPE_CHECKING:
    import distributed


def cluster_tasks(
    settings: Settings, tasks: Sequence[Task], jobs: int, *, client: distributed.Client
) -> Iterator[Outcome]:
    """Outcomes of `tasks`, in order, computed on `client`'s cluster (`jobs` is ignored: the
    cluster's workers count)."""
    if not tasks:
        return
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    submit = partial(client.submit, run_chunk_on_cluster, uuid.uuid4().hex, settings,
                     pure=False)
    yield from in_order(submit, chunked(tasks, workers), workers)


def dashboard_note(client: distributed.Client) -> str | None:
    """Where the cluster's dashboard is, when it has one."""
    if "dashboard" not in client.scheduler_info().get("services", {}):
        return None
    return f"Dask dashboard: {client.dashboard_link}"
