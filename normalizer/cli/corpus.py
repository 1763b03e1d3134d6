"""``clean SRC... --output-dir OUT``: a corpus run, on this machine or on a Dask cluster.

Text files, or with ``--field NAME`` JSON Lines and Parquet files, are cleaned into OUT
(see `outdir` for names, atomic writes and the manifest that makes reruns resumable, and
`records` for data files). ``--executor dask`` runs the work on a local Dask cluster of
``--jobs`` workers, or on the cluster at ``--scheduler``; the output is the same, byte for
byte, as with ``--jobs 1``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from typing import Any

from ..profile import FileOptions, Profile
from .errors import FileError, UsageError, note_line
from .options import capped_processes
from .outdir import MANIFEST, OutputDir, output_names
from .records import DATA_GLOBS, clean_records, is_data_file, split
from .runner import Execute, Outcome, Settings, Totals, Worker, run_files
from .stdio import write_stderr
from .walk import Item, Task, find_files, reads_stdin

EXECUTORS = ("local", "dask")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of corpus runs (`clean --output-dir`)."""
    group = parser.add_argument_group("corpus runs (with --output-dir)")
    group.add_argument("--executor", choices=EXECUTORS, default="local",
                       help="local: worker processes on this machine (default); dask: a Dask "
                       "cluster, local with --jobs workers or the one at --scheduler")
    group.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="the scheduler of a running Dask cluster (implies --executor dask)")
    group.add_argument("--field", metavar="NAME",
                       help="read JSON Lines (.jsonl, .ndjson) and Parquet files and clean "
                       "this text field of each record, adding NAME_normalized")
    group.add_argument("--edits", action="store_true",
                       help="with --field: add NAME_edits, the list of edits")


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse corpus options without --output-dir, and --edits without --field."""
    if args.output_dir is None:
        used = [
            option for option, value in (
                ("--executor dask", args.executor != "local"), ("--scheduler", args.scheduler),
                ("--field", args.field), ("--edits", args.edits),
            ) if value
        ]
        if used:
            raise UsageError(f"{', '.join(used)}: only with --output-dir OUT")
        return
    if reads_stdin(args.paths):
        raise UsageError("--output-dir needs files or folders to read, not stdin")
    if args.edits and not args.field:
        raise UsageError("--edits needs --field NAME")


def clean_to_folder(worker: Worker, task: Task) -> Outcome:
    """Clean one text file; its clean text is the payload the main process writes."""
    text = worker.read(task)
    result = worker.normalize(text, task.path)
    outcome = worker.outcome(task.path, text, result)
    outcome.payload = result.text
    return outcome


def run_to_folder(
    args: argparse.Namespace, profile: Profile, options: dict[str, Any], files: FileOptions
) -> Totals:
    """Clean `args.paths` into `args.output_dir`; inputs already done are skipped."""
    items = list(find_files(args.paths, files, include=DATA_GLOBS if args.field else None))
    names = output_names(args.paths, [i for i in items if isinstance(i, Task)], args.output_dir)
    folder = OutputDir(args.output_dir, names)
    work, done = _pending(items, folder, args.field)
    if done and not args.quiet:
        write_stderr(note_line(
            f"{done} of the inputs already done, skipped (see {args.output_dir}/{MANIFEST})"
        ) + "\n")
    handle = (
        partial(clean_records, field=args.field, edits=args.edits) if args.field
        else clean_to_folder
    )
    settings = Settings(handle, profile, options, files.max_file_size)
    try:
        with _executor(args) as execute:
            # A running cluster has its own workers: --jobs sizes only local ones.
            jobs = 1 if args.scheduler else args.jobs
            return run_files(
                settings, work, jobs, args.quiet, execute=execute, deliver=folder.deliver
            )
    finally:
        folder.close()


def _pending(items: list[Item], folder: OutputDir, field: str | None) -> tuple[list[Item], int]:
    """The items still to do (data files cut into parts) and how many inputs are done."""
    work: list[Item] = []
    done = 0
    for item in items:
        if not isinstance(item, Task):
            work.append(item)
        elif field and not is_data_file(item.path):
            work.append(FileError(
                item.path, "not a JSON Lines (.jsonl, .ndjson) or Parquet (.parquet) file, "
                "which --field reads"
            ))
        elif folder.is_done(item.path):
            done += 1
        elif field:
            try:
                work.extend(split(item))
            except FileError as exc:
                work.append(exc)
        else:
            work.append(item)
    return work, done


@contextmanager
def _executor(args: argparse.Namespace) -> Iterator[Execute | None]:
    if args.executor == "local" and not args.scheduler:
        yield None  # run_files' own: worker processes on this machine
        return
    from ..dask import MISSING_EXTRA, cluster_client
    from .distributed import cluster_tasks, dashboard_note

    workers, _lowered = capped_processes(args.jobs, "--jobs")  # run_files notes it
    with ExitStack() as stack:
        try:
            client = stack.enter_context(cluster_client(args.scheduler, workers))
        except ImportError:
            raise UsageError(MISSING_EXTRA) from None
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler {args.scheduler}: {exc}") from None
        note = dashboard_note(client)
        if note and not args.quiet:
            write_stderr(note_line(note) + "\n")
        yield partial(cluster_tasks, client=client)
