"""Running a command's work on many files, in this process or in worker processes.

A command describes its work on one file as a function ``handle(worker, task) -> Outcome``
and hands it to `run_files` in a `Settings`; this module finds no files and formats nothing.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from .. import report
from ..lexicon import load_lexicon
from ..model import Result
from ..pipeline import Normalizer
from ..profile import Profile
from .console import Console
from .errors import EXIT_CHANGED, EXIT_ERROR, EXIT_OK, FileError, SkipFile
from .options import capped_processes
from .textfile import normalize_file_text, read_text
from .walk import Item, Task


@dataclass(slots=True)
class Outcome:
    """What handling one task produced; `stdout` is printed by the main process, in order."""

    path: str
    stdout: str = ""
    error: str | None = None
    note: str | None = None
    changed: bool = False  # check/clean: the text changes; test: output differs from expected
    edits: Counter[str] = field(default_factory=Counter)  # applied edits by kind
    suggested: int = 0  # edits reported but not applied
    words: int = 0
    payload: Any = None  # output the main process writes (clean --output-dir)
    problems: list[str] = field(default_factory=list)  # errors of single records; work goes on
    completes_file: bool = True  # False for every part of a data file but the last


Handler = Callable[["Worker", Task], Outcome]
"""A command's work on one file (a module-level function or a `functools.partial` of one)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs to handle tasks of one run (sent once to each process)."""

    handle: Handler
    profile: Profile
    options: dict[str, Any]  # per-call engine options: mode, format, only, skip, allow, ...
    max_file_size: int


class Worker:
    """Handles tasks in one process with one `Normalizer` (the lexicon loads once)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def normalizer(self) -> Normalizer:
        """Built on the first readable file, so a run of only bad files loads no lexicon."""
        return Normalizer(self.settings.profile)

    def run(self, task: Task) -> Outcome:
        """The outcome of `task`; a file's errors and engine failures become its outcome."""
        try:
            return self.settings.handle(self, task)
        except FileError as exc:
            return Outcome(task.path, error=str(exc))
        except SkipFile as exc:
            return Outcome(task.path, note=str(exc))
        except Exception as exc:  # an engine bug on one file must not stop a corpus run
            return Outcome(task.path, error=f"{task.path}: internal error: {exc!r}")

    def read(self, task: Task) -> str:
        """The text of the task's file or stdin data (see `textfile.read_text`)."""
        return read_text(task.path, self.settings.max_file_size, task.data, explicit=task.explicit)

    def normalize(self, text: str, path: str) -> Result:
        """The engine's result for the text of file `path`, with the run's options (the
        format `auto` is read from the file name)."""
        options = {**self.settings.options, "filename": path}
        return normalize_file_text(self.normalizer, text, options)

    @staticmethod
    def outcome(path: str, text: str, result: Result, stdout: str = "") -> Outcome:
        """The outcome of running the engine on `text`, printing `stdout`."""
        return Outcome(
            path,
            stdout=stdout,
            changed=result.text != text,
            edits=Counter(e.kind for e in result.applied),
            suggested=len(result.suggestions),
            words=len(text.split()),
        )


# --------------------------------------------------------------------------- worker processes

_WORKER: Worker | None = None
PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal this process gets when its parent dies (Linux)."""


def _init_worker(settings: Settings, parent: int | None) -> None:
    """Create this process's worker. A pool worker (`parent`: the main process's id) dies
    with the main process, and leaves Ctrl-C to it: the main process cancels queued files,
    so a file being written is always finished."""
    global _WORKER
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent(parent)
    _WORKER = Worker(settings)


def _die_with_parent(parent: int) -> None:
    """Make the kernel kill this process when `parent` dies, even by SIGKILL (without it a
    pool worker waits for work forever). Without prctl (not Linux), a thread watches."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the request above
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _run_task(task: Task) -> Outcome:
    assert _WORKER is not None, "worker not initialized"
    return _WORKER.run(task)


def _run_chunk(chunk: list[Task]) -> list[Outcome]:
    return [_run_task(task) for task in chunk]


_CLUSTER_WORKERS: dict[str, Worker] = {}


def run_chunk_on_cluster(run_id: str, settings: Settings, chunk: list[Task]) -> list[Outcome]:
    """`_run_chunk` on a Dask worker: one `Worker` per process and run, built by the first
    chunk of the run it sees and kept (the lexicon loads once per process)."""
    worker = _CLUSTER_WORKERS.get(run_id)
    if worker is None:
        _CLUSTER_WORKERS.clear()  # a finished run's engine is not needed any more
        worker = _CLUSTER_WORKERS[run_id] = Worker(settings)
    return [worker.run(task) for task in chunk]


CHUNK_FILES = 8
"""Files sent to a worker at once: fewer round trips between processes for small files."""
QUEUED_PER_WORKER = 4
"""Chunks queued per worker: enough to keep it busy, few enough to keep memory flat."""


def chunked(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    """`tasks` in chunks of at most `CHUNK_FILES`, smaller when there are few tasks."""
    size = max(1, min(CHUNK_FILES, len(tasks) // (QUEUED_PER_WORKER * workers)))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


def in_order(
    submit: Callable[[list[Task]], Any], chunks: Iterable[list[Task]], workers: int
) -> Iterator[Outcome]:
    """The outcomes of `chunks`, in order, each chunk run by ``submit(chunk)`` (a future
    with ``result()`` and ``cancel()``) with at most `QUEUED_PER_WORKER` per worker queued;
    queued chunks are cancelled when the caller stops early (Ctrl-C, an error)."""
    pending: deque[Any] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= QUEUED_PER_WORKER * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def run_tasks(settings: Settings, tasks: Sequence[Task], jobs: int) -> Iterator[Outcome]:
    """Outcomes of `tasks`, in order. With `jobs` > 1 files go to that many worker processes
    in chunks of `CHUNK_FILES`, at most 4 chunks per worker queued at a time, so memory
    stays flat on any corpus."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        _init_worker(settings, parent=None)
        yield from map(_run_task, tasks)
        return
    # Load the lexicon here, then fork: the workers inherit it instead of loading it again.
    load_lexicon(settings.profile.gazetteer_files)
    gc.freeze()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(settings, os.getpid())
    ) as pool:
        yield from in_order(partial(pool.submit, _run_chunk), chunked(tasks, jobs), jobs)


# --------------------------------------------------------------------------- a whole run


@dataclass(slots=True)
class Totals:
    """Counts of a run, for its summary line and exit status."""

    files: int = 0
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    suggested: int = 0
    edits: Counter[str] = field(default_factory=Counter)

    def summary(self, verb: str) -> str:
        """The closing line, see `report.summary_line`."""
        return report.summary_line(
            verb, self.files, self.changed, self.edits, self.errors, self.skipped
        )

    def status(self, strict: bool = False) -> int:
        """Exit status of a command that reports changes: 2 errors, 1 changes (or, when
        `strict`, suggestions), else 0."""
        if self.errors:
            return EXIT_ERROR
        return EXIT_CHANGED if self.changed or (strict and self.suggested) else EXIT_OK


Execute = Callable[[Settings, Sequence[Task], int], Iterator[Outcome]]
"""How tasks run: `run_tasks` (this machine) or `distributed.cluster_tasks` (Dask)."""
Deliver = Callable[[Task, Outcome], None]
"""What becomes of each outcome's payload (clean --output-dir writes it)."""


def run_files(
    settings: Settings,
    items: Iterable[Item],
    jobs: int,
    quiet: bool,
    *,
    execute: Execute | None = None,
    deliver: Deliver | None = None,
    out: Callable[[str], None] | None = None,
) -> Totals:
    """Handle every task with `execute` (default `run_tasks`; in `jobs` processes, at most
    one per core); print outputs in order (or hand them to `out`: check --format sarif
    collects them), notes and errors as they come; hand each outcome to `deliver`."""
    items = list(items)
    tasks = [item for item in items if isinstance(item, Task)]
    console = Console(quiet, len(tasks))
    totals = Totals()
    jobs, lowered = capped_processes(jobs, "--jobs")
    if lowered and len(tasks) > 1:
        console.note(lowered)
    try:
        for item in items:
            if isinstance(item, SkipFile):
                totals.skipped += 1
                console.note(str(item))
            elif isinstance(item, FileError):
                totals.errors += 1
                console.error(str(item))
        outcomes = (execute or run_tasks)(settings, tasks, jobs)
        for task, outcome in zip(tasks, outcomes, strict=True):
            console.advance(outcome.words)
            for problem in outcome.problems:
                totals.errors += 1
                console.error(problem)
            if outcome.error:
                totals.errors += 1
                console.error(outcome.error)
            elif outcome.note:
                totals.skipped += 1
                console.note(outcome.note)
            else:
                totals.files += outcome.completes_file
                totals.changed += outcome.changed
                totals.suggested += outcome.suggested
                totals.edits.update(outcome.edits)
                (out or console.out)(outcome.stdout)
            if deliver is not None:
                try:
                    deliver(task, outcome)
                except FileError as exc:
                    totals.errors += 1
                    console.error(str(exc))
    finally:
        console.close()
    return totals
