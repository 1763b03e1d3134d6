"""The `normalizer` command line: clean text, check it in CI, test a corpus, explain a word.

Everything the engine decides comes from the library (`Normalizer.normalize`); this module only
finds files, reads and decodes them, runs the engine (in worker processes for several files),
writes results atomically and formats reports with `normalizer.report`.

Files are read as bytes and decoded as strict UTF-8. A UTF-8 byte order mark and CRLF line
endings are taken off before the engine runs and put back afterwards (edit offsets are mapped
back to the file's own text), and a file's final newline, present or missing, is kept.
See docs/cli.md for the user documentation.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import multiprocessing
import os
import signal
import stat
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, NoReturn

from tqdm import tqdm

from . import __version__, report
from .lexicon import load_lexicon
from .model import STAGES, Result, apply_edits, summarize
from .pipeline import Normalizer, StageContext
from .profile import (
    ENTITY_TYPES,
    MODES,
    Config,
    ConfigError,
    FileOptions,
    GazetteerEntry,
    Profile,
    discover_config,
    load_config,
)

PROG = "normalizer"
BINARY_PROBE = 8192
"""A NUL byte in this many leading bytes marks a file as binary."""
STDIN = "<stdin>"
"""The name stdin gets in messages and reports."""
EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command as a whole: printed as one line, exit status 2."""


class FileError(Exception):
    """A problem with one file: reported as ``PATH: cause``; other files go on."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")


class SkipFile(Exception):
    """A file met while walking a directory that is not text (reported as a note)."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: skipped, {cause}")


# --------------------------------------------------------------------------- text I/O


def decode(path: str, data: bytes, *, explicit: bool) -> str:
    """Strict UTF-8 text of a file's bytes (a byte order mark stays in the text).

    Raise `SkipFile` for a binary file met while walking (`explicit` False), `FileError` for a
    binary file named explicitly or for bytes that are not UTF-8.
    """
    if b"\0" in data[:BINARY_PROBE]:
        cause = "binary file (NUL byte in the first 8 KB)"
        raise FileError(path, cause) if explicit else SkipFile(path, cause)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def normalize_file_text(normalizer: Normalizer, text: str, options: dict[str, Any]) -> Result:
    """Run the engine on a file's text and return a `Result` for that same text.

    The engine sees the text without a leading byte order mark and, when every line ends in
    CRLF, with LF endings. The result is mapped back: offsets, `original` and `replacement`
    refer to `text`, and `Result.text` has the BOM and CRLF endings again. The presence or
    absence of a final newline is kept whatever the engine did at the end of the text.
    """
    bom = text.startswith(report.BOM)
    body = text[1:] if bom else text
    crlf = "\r\n" in body and body.count("\n") == body.count("\r\n")
    if crlf:
        body = body.replace("\r\n", "\n")
    result = _keep_final_newline(body, normalizer.normalize(body, **options))
    if not (bom or crlf):
        return result
    newlines = [i for i, char in enumerate(body) if char == "\n"] if crlf else []
    shift = 1 if bom else 0

    def offset(pos: int) -> int:
        return pos + shift + bisect.bisect_left(newlines, pos)

    def endings(value: str) -> str:
        return value.replace("\n", "\r\n") if crlf else value

    edits = tuple(
        replace(
            e,
            start=offset(e.start),
            end=offset(e.end),
            original=endings(e.original),
            replacement=endings(e.replacement),
        )
        for e in result.edits
    )
    new_text = text[:shift] + endings(result.text)
    stats = {**result.stats, "chars_in": len(text), "chars_out": len(new_text)}
    return Result(new_text, edits, stats)


def _keep_final_newline(text: str, result: Result) -> Result:
    """`result` adjusted so its text ends in a newline exactly when `text` does.

    If the output differs from the input there, the last applied edit reaches the end of the
    text; only that edit's replacement changes: trailing newlines are taken off it, or one
    is added (and the edit is dropped if it becomes a no-op).
    """
    had, has = text.endswith("\n"), result.text.endswith("\n")
    if had == has or not result.text:
        return result
    last = result.applied[-1]
    fixed = replace(
        last, replacement=last.replacement.rstrip("\n") if has else last.replacement + "\n"
    )
    edits = tuple(
        e for e in (fixed if e is last else e for e in result.edits)
        if e.original != e.replacement
    )
    new_text = apply_edits(text, edits)
    return Result(new_text, edits, {**summarize(text, edits), "chars_out": len(new_text)})


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` (or the file a symlink points to) with `data`, all or nothing.

    The bytes go to a temporary file in the same folder, which is flushed, fsynced, given
    the old file's mode (and owner, where allowed) and renamed over the target, so an
    interrupted run leaves either the old or the new file, never a truncated one.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if old is None:
                os.fchmod(fh.fileno(), 0o666 & ~_umask())
            else:
                os.fchmod(fh.fileno(), stat.S_IMODE(old.st_mode))
                with suppress(PermissionError):
                    os.fchown(fh.fileno(), old.st_uid, old.st_gid)
        os.replace(temp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _require_writable(path: str) -> None:
    """Refuse a file `--in-place` must not rewrite: read-only (by mode or access)."""
    mode = os.stat(path).st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise FileError(path, "file is read-only, --in-place will not rewrite it")


# --------------------------------------------------------------------------- finding files


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a file (named on the command line when `explicit`) or stdin data."""

    path: str
    explicit: bool = True
    data: bytes | None = None


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    path = PurePosixPath(rel)
    return any(path.match(pattern) for pattern in patterns)


def find_files(
    paths: Sequence[str], files: FileOptions, include: Sequence[str] | None = None
) -> Iterator[Task | SkipFile | FileError]:
    """Tasks for `paths` in order; directories are walked in name order.

    While walking, a file is taken when its path relative to the walked directory matches
    an `include` glob (default `files.include`) and no `exclude` glob; excluded directories
    are not entered; hidden entries (name starting with ``.``) and symlinked directories are
    skipped with a note; an unreadable directory is an error. A path named explicitly is
    taken, whatever its name, unless it matches an exclude glob; a missing one becomes a
    task that fails with "No such file or directory".
    """
    include = files.include if include is None else include
    for path in paths:
        if os.path.isdir(path):
            root = "" if os.path.normpath(path) == "." else path  # report a.txt, not ./a.txt
            yield from _walk(root, "", files.exclude, include)
        elif not _matches(path, files.exclude):
            yield Task(path)


def _walk(
    root: str, rel: str, exclude: Sequence[str], include: Sequence[str]
) -> Iterator[Task | SkipFile | FileError]:
    folder = os.path.join(root, rel) if root else rel or "."
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield FileError(folder, f"cannot read directory: {exc.strerror}")
        return
    for entry in entries:
        entry_rel = f"{rel}/{entry.name}" if rel else entry.name
        path = os.path.join(root, entry_rel) if root else entry_rel
        if entry.name.startswith("."):
            yield SkipFile(path, "hidden")
        elif _matches(entry_rel, exclude):
            continue
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(root, entry_rel, exclude, include)
        elif entry.is_dir():
            yield SkipFile(path, "symlink to a directory")
        elif _matches(entry_rel, include):
            yield Task(path, explicit=False)


# --------------------------------------------------------------------------- workers


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs to handle tasks of one run (sent once to each process)."""

    command: str  # "check", "clean" or "test"
    profile: Profile
    options: dict[str, Any]  # per-call engine options: mode, only, skip, allow, gazetteer
    max_file_size: int
    fmt: str = "diff"  # check: one of report.FORMATS
    in_place: bool = False  # clean: rewrite the files
    output: str | None = None  # clean: write the single input's clean text here


@dataclass(slots=True)
class Outcome:
    """What handling one task produced; `stdout` is printed by the main process, in order."""

    path: str
    stdout: str = ""
    error: str | None = None
    note: str | None = None
    changed: bool = False  # check/clean: the text changes; test: output differs from expected
    edits: Counter[str] = field(default_factory=Counter)  # applied edits by kind
    words: int = 0


class _Worker:
    """Handles tasks in one process with one `Normalizer` (the lexicon loads once)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def normalizer(self) -> Normalizer:
        """Built on the first readable file, so a run of only bad files loads no lexicon."""
        return Normalizer(self.settings.profile)

    def run(self, task: Task) -> Outcome:
        handler = {"check": self._check, "clean": self._clean, "test": self._test}
        try:
            return handler[self.settings.command](task)
        except FileError as exc:
            return Outcome(task.path, error=str(exc))
        except SkipFile as exc:
            return Outcome(task.path, note=str(exc))
        except Exception as exc:  # an engine bug on one file must not stop a corpus run
            return Outcome(task.path, error=f"{task.path}: internal error: {exc!r}")

    def _read(self, path: str, data: bytes | None = None, explicit: bool = True) -> str:
        limit = self.settings.max_file_size
        if data is None:
            try:
                size = os.stat(path).st_size
                if size <= limit:
                    with open(path, "rb") as fh:
                        data = fh.read(limit + 1)
            except OSError as exc:
                raise FileError(path, exc.strerror or str(exc)) from None
        else:
            size = len(data)
        if data is None or len(data) > limit:
            raise FileError(
                path,
                f"file too large ({size:,} bytes; the limit is {limit:,}, see --max-file-size)",
            )
        return decode(path, data, explicit=explicit)

    def _normalize(self, text: str) -> Result:
        return normalize_file_text(self.normalizer, text, self.settings.options)

    @staticmethod
    def _outcome(path: str, text: str, result: Result, stdout: str = "") -> Outcome:
        return Outcome(
            path,
            stdout=stdout,
            changed=result.text != text,
            edits=Counter(e.kind for e in result.applied),
            words=len(text.split()),
        )

    def _check(self, task: Task) -> Outcome:
        text = self._read(task.path, task.data, task.explicit)
        result = self._normalize(text)
        return self._outcome(
            task.path, text, result, report.render(self.settings.fmt, task.path, text, result)
        )

    def _clean(self, task: Task) -> Outcome:
        text = self._read(task.path, task.data, task.explicit)
        if self.settings.in_place:
            try:
                _require_writable(task.path)
            except OSError as exc:
                raise FileError(task.path, exc.strerror or str(exc)) from None
        result = self._normalize(text)
        outcome = self._outcome(task.path, text, result)
        target = task.path if self.settings.in_place else self.settings.output
        if target is None:
            outcome.stdout = result.text
        elif target != task.path or outcome.changed:
            try:
                write_atomic(target, result.text.encode("utf-8"))
            except OSError as exc:
                raise FileError(target, f"cannot write: {exc.strerror or exc}") from None
        return outcome

    def _test(self, task: Task) -> Outcome:
        expected_path = expected_name(task.path)
        text = self._read(task.path, explicit=True)
        expected = self._read(expected_path)
        result = self._normalize(text)
        diff = report.unified_diff(
            task.path, expected, result.text, labels=(expected_path, f"{task.path} (cleaned)")
        )
        outcome = self._outcome(task.path, text, result, diff)
        outcome.changed = bool(diff)
        return outcome


INPUT_SUFFIX, EXPECTED_SUFFIX = ".input.txt", ".expected.txt"


def expected_name(input_path: str) -> str:
    """``NAME.expected.txt`` for ``NAME.input.txt``."""
    return input_path[: -len(INPUT_SUFFIX)] + EXPECTED_SUFFIX


_WORKER: _Worker | None = None


def _init_worker(settings: Settings, in_pool: bool) -> None:
    """Create this process's worker; pool workers leave Ctrl-C to the main process, which
    cancels queued files, so a file being written is always finished."""
    global _WORKER
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = _Worker(settings)


def _run_task(task: Task) -> Outcome:
    assert _WORKER is not None, "worker not initialized"
    return _WORKER.run(task)


def _run_batch(batch: list[Task]) -> list[Outcome]:
    return [_run_task(task) for task in batch]


BATCH_FILES = 8
"""Files sent to a worker at once: fewer round trips between processes for small files."""


def run_tasks(settings: Settings, tasks: Sequence[Task], jobs: int) -> Iterator[Outcome]:
    """Outcomes of `tasks`, in order. With `jobs` > 1 files go to that many worker processes
    in batches of `BATCH_FILES`, at most 4 batches per worker queued at a time, so memory
    stays flat on any corpus."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        _init_worker(settings, in_pool=False)
        yield from map(_run_task, tasks)
        return
    # Load the lexicon here, then fork: the workers inherit it instead of loading it again.
    load_lexicon(settings.profile.gazetteer_files)
    gc.freeze()
    context = multiprocessing.get_context("fork")
    size = max(1, min(BATCH_FILES, len(tasks) // (4 * jobs)))
    batches = [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(settings, True)
    ) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_run_batch, batch))
                if len(pending) >= 4 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


# --------------------------------------------------------------------------- console


class Console:
    """stdout for results, stderr for notes, errors, the progress bar and the summary."""

    def __init__(self, quiet: bool, total: int) -> None:
        self.quiet = quiet
        show = not quiet and total > 1 and sys.stderr.isatty()
        self.bar = tqdm(
            total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True,
            disable=not show,
        )
        self.started = time.monotonic()
        self.words = 0

    def _paused(self) -> AbstractContextManager[Any]:
        return nullcontext() if self.bar.disable else tqdm.external_write_mode(file=sys.stderr)

    def out(self, text: str) -> None:
        if text:
            with self._paused():
                sys.stdout.buffer.write(text.encode("utf-8"))
                sys.stdout.flush()

    def err(self, line: str, *, note: bool = False) -> None:
        if note and self.quiet:
            return
        with self._paused():
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def advance(self, words: int) -> None:
        self.words += words
        if not self.bar.disable:
            rate = self.words / max(time.monotonic() - self.started, 1e-9)
            self.bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)
            self.bar.update()

    def close(self) -> None:
        self.bar.close()


def _error_line(message: str) -> str:
    return f"{PROG}: error: {message}"


def _note_line(message: str) -> str:
    return f"{PROG}: note: {message}"


@dataclass(slots=True)
class Totals:
    files: int = 0
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    edits: Counter[str] = field(default_factory=Counter)


def run_batch(
    settings: Settings, items: Iterable[Task | SkipFile | FileError], jobs: int, quiet: bool
) -> Totals:
    """Handle every task, print outputs in order, notes and errors as they come."""
    items = list(items)
    tasks = [item for item in items if isinstance(item, Task)]
    console = Console(quiet, len(tasks))
    totals = Totals()
    try:
        for item in items:
            if isinstance(item, SkipFile):
                totals.skipped += 1
                console.err(_note_line(str(item)), note=True)
            elif isinstance(item, FileError):
                totals.errors += 1
                console.err(_error_line(str(item)))
        for outcome in run_tasks(settings, tasks, jobs):
            console.advance(outcome.words)
            if outcome.error:
                totals.errors += 1
                console.err(_error_line(outcome.error))
            elif outcome.note:
                totals.skipped += 1
                console.err(_note_line(outcome.note), note=True)
            else:
                totals.files += 1
                totals.changed += outcome.changed
                totals.edits.update(outcome.edits)
                console.out(outcome.stdout)
    finally:
        console.close()
    return totals


# --------------------------------------------------------------------------- options


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _size(value: str) -> int:
    """A byte count for --max-file-size: ``20000000``, ``512K``, ``20M`` or ``1G``."""
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    text = value.strip().upper().removesuffix("B")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a size like 20M or 500000, got {value!r}"
        ) from None
    if size <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive size, got {value!r}")
    return size


def _stages(value: str) -> list[str]:
    """Stage names for --only/--skip, comma-separated."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    for name in names:
        if name not in STAGES:
            raise argparse.ArgumentTypeError(
                f"unknown stage {name!r} (known: {', '.join(STAGES)})"
            )
    return names


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def read_gazetteer(path: str) -> list[GazetteerEntry]:
    """Entries of a gazetteer TSV file: one ``name<TAB>type`` a line.

    Blank lines and lines starting with ``#`` are ignored; `type` is one of
    `normalizer.profile.ENTITY_TYPES`. A malformed line raises `UsageError` naming the file
    and line number.
    """
    try:
        with open(path, "rb") as fh:
            text = decode(path, fh.read(), explicit=True)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from None
    except FileError as exc:
        raise UsageError(str(exc)) from None
    entries = []
    for number, line in enumerate(text.lstrip(report.BOM).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [part.strip() for part in line.split("\t")]
        where = f"{path}:{number}"
        if len(fields) != 2 or not fields[0]:
            raise UsageError(
                f"{where}: expected 'name<TAB>type', got {line.strip()!r} "
                "(separate the name and its type with one TAB)"
            )
        if fields[1] not in ENTITY_TYPES:
            raise UsageError(
                f"{where}: unknown type {fields[1]!r} (known: {', '.join(ENTITY_TYPES)})"
            )
        entries.append(GazetteerEntry(fields[0], fields[1]))
    return entries


def load_settings(args: argparse.Namespace) -> tuple[Profile, dict[str, Any], FileOptions]:
    """The profile, per-call engine options and file options a command runs with.

    Configuration: `--config FILE`, else the nearest normalizer.toml, .normalizer.toml or
    pyproject.toml with [tool.normalizer] at or above the working directory. `--profile
    FILE` replaces its engine settings. Command-line options refine both.
    """
    if args.config:
        config = load_config(Path(args.config))
    else:
        found = discover_config(Path.cwd())
        config = load_config(found) if found else Config()
    profile = config.profile
    if args.profile:
        loaded = load_config(Path(args.profile))
        if loaded.files != FileOptions():
            raise UsageError(
                f"{args.profile}: include, exclude and max-file-size belong in the "
                "configuration file (--config), not in a profile"
            )
        profile = loaded.profile
    gazetteer = [entry for path in args.gazetteer for entry in read_gazetteer(path)]
    options: dict[str, Any] = {
        "mode": args.mode,
        "only": [stage for group in args.only for stage in group] or None,
        "skip": [stage for group in args.skip for stage in group] or None,
        "allow": args.allow or None,
        "gazetteer": gazetteer or None,
    }
    profile.with_overrides(**options)  # validate now, not once per file
    files = config.files
    include = getattr(args, "include", None)
    files = replace(
        files,
        include=tuple(include) if include else files.include,
        exclude=files.exclude + tuple(getattr(args, "exclude", ())),
        max_file_size=getattr(args, "max_file_size", None) or files.max_file_size,
    )
    return profile, options, files


# --------------------------------------------------------------------------- commands


def _stdin_or_paths(paths: list[str]) -> list[Task] | None:
    """The stdin task when `paths` is empty or ``-``; None for file names."""
    if not paths or paths == ["-"]:
        return [Task(STDIN, data=sys.stdin.buffer.read())]
    if "-" in paths:
        raise UsageError("'-' (stdin) cannot be mixed with file names")
    return None


def cmd_clean(args: argparse.Namespace) -> int:
    profile, options, files = load_settings(args)
    stdin = args.paths in ([], ["-"])
    if stdin and args.in_place:
        raise UsageError("--in-place needs file names; stdin is cleaned to stdout")
    if args.output:
        if len(args.paths) > 1:
            raise UsageError("-o/--output takes one input; use --in-place for several files")
        if args.paths and os.path.isdir(args.paths[0]):
            raise UsageError(
                f"{args.paths[0]}: is a directory; -o writes one file, use --in-place"
            )
        if os.path.isdir(args.output):
            raise UsageError(f"{args.output}: is a directory; -o needs a file name")
    settings = Settings(
        "clean", profile, options, files.max_file_size,
        in_place=args.in_place, output=args.output,
    )
    items = _stdin_or_paths(args.paths) or find_files(args.paths, files)
    totals = run_batch(settings, items, args.jobs or _cores(), args.quiet)
    if not (args.quiet or stdin):
        sys.stderr.write(
            report.summary_line(
                "processed", totals.files, totals.changed, totals.edits,
                totals.errors, totals.skipped,
            )
        )
    return EXIT_ERROR if totals.errors else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    profile, options, files = load_settings(args)
    settings = Settings("check", profile, options, files.max_file_size, fmt=args.format)
    items = _stdin_or_paths(args.paths) or find_files(args.paths, files)
    totals = run_batch(settings, items, args.jobs or _cores(), args.quiet)
    if not args.quiet:
        sys.stderr.write(
            report.summary_line(
                "checked", totals.files, totals.changed, totals.edits,
                totals.errors, totals.skipped,
            )
        )
    if totals.errors:
        return EXIT_ERROR
    return EXIT_CHANGED if totals.changed else EXIT_OK


def cmd_test(args: argparse.Namespace) -> int:
    profile, options, files = load_settings(args)
    settings = Settings("test", profile, options, files.max_file_size)
    items: list[Task | SkipFile | FileError] = []
    for item in find_files(args.dirs or ["."], files, include=("*" + INPUT_SUFFIX,)):
        if isinstance(item, Task) and not os.path.isfile(expected_name(item.path)):
            item = SkipFile(item.path, f"no {os.path.basename(expected_name(item.path))}")
        items.append(item)
    if not any(isinstance(item, Task | FileError) for item in items):
        raise UsageError(
            f"no NAME{INPUT_SUFFIX} with a NAME{EXPECTED_SUFFIX} found in "
            + ", ".join(args.dirs or ["."])
        )
    totals = run_batch(settings, items, args.jobs or _cores(), args.quiet)
    if not args.quiet:
        passed = totals.files - totals.changed
        errors = f", {report.plural(totals.errors, 'error')}" if totals.errors else ""
        sys.stderr.write(
            f"{PROG}: {report.plural(totals.files, 'case')}, {passed} passed, "
            f"{totals.changed} failed{errors}\n"
        )
    if totals.errors:
        return EXIT_ERROR
    return EXIT_CHANGED if totals.changed else EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from . import spelling

    explain = getattr(spelling, "explain", None)
    if explain is None:
        raise UsageError("explain: this engine version has no normalizer.spelling.explain")
    profile, options, _files = load_settings(args)
    normalizer = Normalizer(profile)
    context = StageContext(profile.with_overrides(**options), normalizer.lexicon)
    info = explain(args.word, args.context, context)
    if args.format == "json":
        sys.stdout.write(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_explanation(info))
    return EXIT_OK


def format_explanation(info: dict[str, Any]) -> str:
    """A readable rendering of `normalizer.spelling.explain`'s dict."""
    known = "known word" if info.get("known") else "unknown word"
    lines = [f"{info.get('token', '')}: {known}", f"  why: {info.get('why', '')}"]
    candidates = info.get("candidates") or []
    lines.append("  candidates:" if candidates else "  candidates: none")
    width = max((len(str(c.get("candidate", ""))) for c in candidates), default=0)
    for rank, cand in enumerate(candidates, 1):
        lines.append(
            f"    {rank}. {cand.get('candidate', '')!s:<{width}}"
            f"  score {_num(cand.get('score'))}  cost {_num(cand.get('cost'))}"
            f"  frequency {_num(cand.get('frequency'))}  {cand.get('reason', '')}".rstrip()
        )
    lines.append(f"  decision: {info.get('decision', '')}")
    return "\n".join(lines) + "\n"


def _num(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "-" if value is None else str(value)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from service.server import serve
    except ImportError as exc:
        if exc.name not in ("service", "service.server"):
            raise
        raise UsageError(f"serve: the HTTP service is not available ({exc})") from None
    return serve(args.host, args.port, args.workers, args.profile)


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, ``normalizer: error: ...``, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, _error_line(f"{message} (see '{self.prog} --help')") + "\n")


DESCRIPTION = """\
Precision-first OCR/misspelling correction, promo stripping and Unicode/layout
normalization for news text. Run `normalizer COMMAND --help` for a command's options.
"""

MAIN_EPILOG = """\
examples:
  normalizer clean < article.txt > article.clean.txt
  normalizer check --format brief articles/
  normalizer clean --in-place --jobs 4 corpus/
  normalizer test seeds/
  normalizer explain Lavroy --context "a call with Sergey V. Lavroy"
  normalizer clean --help

exit status: 0 clean / success, 1 check or test found changes, 2 usage or file errors.
Configuration: normalizer.toml, .normalizer.toml or [tool.normalizer] in pyproject.toml
(nearest at or above the working directory), or --config FILE. See docs/cli.md.
"""

CLEAN_EPILOG = """\
examples:
  normalizer clean < in.txt > out.txt          stdin to stdout
  normalizer clean article.txt -o clean.txt    one file to another
  normalizer clean -i corpus/ --jobs 4         rewrite every text file under corpus/
  normalizer clean --skip spelling -i a.txt    layout, Unicode and promo fixes only
  normalizer clean --mode suggest a.txt        apply nothing (see check for findings)
  normalizer clean --gazetteer names.tsv --allow Biegun a.txt

Files are rewritten atomically and keep their mode, BOM, line endings and final newline.
Exit status: 0 success, 2 when any file could not be read or written (others still done).
"""

CHECK_EPILOG = """\
examples:
  normalizer check articles/                   unified diff of what clean would change
  normalizer check -f brief a.txt              a.txt:3:57: Lavroy -> Lavrov (ocr.gazetteer)
  normalizer check -f github .                 GitHub Actions annotations
  normalizer check -f json a.txt | jq .edits   one JSON object per file and line
  git diff --name-only | normalizer check -f brief $(cat)

Exit status: 0 every file is clean, 1 some file would change, 2 usage or file errors.
"""

TEST_EPILOG = """\
examples:
  normalizer test                    every NAME.input.txt under the working directory
  normalizer test seeds/ my-cases/   cases in two folders
  normalizer test --gazetteer names.tsv --profile house.toml cases/

A case is NAME.input.txt with NAME.expected.txt next to it; inputs without an expected
file are skipped with a note. A mismatch prints a unified diff (expected vs cleaned).
Exit status: 0 all cases pass, 1 some case differs, 2 no cases found or file errors.
"""

EXPLAIN_EPILOG = """\
examples:
  normalizer explain Lavroy
  normalizer explain Libva --context "the activities that are taking place in Libva"
  normalizer explain Biegun --format json
  normalizer explain Biegun --gazetteer names.tsv   after adding the name
"""

SERVE_EPILOG = """\
examples:
  normalizer serve
  normalizer serve --host 0.0.0.0 --port 9000 --workers 4 --profile house.toml
"""


def _engine_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("engine options")
    group.add_argument("--config", metavar="FILE",
                       help="configuration file to use instead of the discovered one")
    group.add_argument("--profile", metavar="FILE",
                       help="engine settings (TOML, same keys as normalizer.toml) "
                       "replacing those of the configuration")
    group.add_argument("--mode", choices=MODES,
                       help="fix: apply confident edits (default); suggest: apply nothing")
    group.add_argument("--only", metavar="STAGE[,STAGE]", type=_stages, action="append",
                       default=[], help=f"run only these stages ({', '.join(STAGES)})")
    group.add_argument("--skip", metavar="STAGE[,STAGE]", type=_stages, action="append",
                       default=[], help="do not run these stages")
    group.add_argument("--allow", metavar="WORD", action="append", default=[],
                       help="never change WORD (repeatable)")
    group.add_argument("--gazetteer", metavar="FILE", action="append", default=[],
                       help="extra names, one 'name<TAB>type' a line; type: "
                       f"{', '.join(ENTITY_TYPES)} (repeatable)")
    return parent


def _file_options(include: bool) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("file options")
    group.add_argument("-j", "--jobs", metavar="N", type=_positive,
                       help=f"files processed in parallel (default: the cores, {_cores()})")
    if include:
        group.add_argument("--include", metavar="GLOB", action="append", default=[],
                           help="take only matching files when walking a directory, replacing "
                           "the configured globs (default *.txt, *.md, *.text; repeatable)")
    group.add_argument("--exclude", metavar="GLOB", action="append", default=[],
                       help="skip matching files and directories, in addition to the "
                       "configured globs (repeatable)")
    group.add_argument("--max-file-size", metavar="SIZE", type=_size,
                       help="refuse larger files, e.g. 500K or 50M (default 20M)")
    group.add_argument("-q", "--quiet", action="store_true",
                       help="no progress bar, notes or summary line")
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The `normalizer` argument parser with its subcommands."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog=PROG, description=DESCRIPTION, epilog=MAIN_EPILOG, formatter_class=fmt)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=_Parser
    )
    engine = _engine_options()

    clean = commands.add_parser(
        "clean", help="write the clean text (stdout, -o FILE or --in-place)",
        epilog=CLEAN_EPILOG, formatter_class=fmt,
        parents=[engine, _file_options(include=True)],
        description="Clean text: stdin to stdout, files to stdout, to -o OUT, or in place.",
    )
    clean.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories; none or '-' reads stdin")
    target = clean.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="OUT",
                        help="write the one input's clean text here")
    target.add_argument("-i", "--in-place", action="store_true",
                        help="rewrite the files (atomically, keeping their mode)")
    clean.set_defaults(handler=cmd_clean)

    check = commands.add_parser(
        "check", help="report what clean would change (exit 1 if anything)", epilog=CHECK_EPILOG,
        formatter_class=fmt, parents=[engine, _file_options(include=True)],
        description="Change nothing; report what `clean` would do, per file.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories; none or '-' reads stdin")
    check.add_argument("-f", "--format", choices=report.FORMATS, default="diff",
                       help="diff: unified diff (default); json: one object per file and line; "
                       "github: workflow annotations; brief: path:line:col: old -> new (rule)")
    check.set_defaults(handler=cmd_check)

    test = commands.add_parser(
        "test", help="golden files: NAME.input.txt cleaned must equal NAME.expected.txt",
        epilog=TEST_EPILOG, formatter_class=fmt, parents=[engine, _file_options(include=False)],
        description="Clean every NAME.input.txt and compare it with NAME.expected.txt.",
    )
    test.add_argument("dirs", nargs="*", metavar="DIR",
                      help="folders (walked) or NAME.input.txt files; default: .")
    test.set_defaults(handler=cmd_test)

    explain = commands.add_parser(
        "explain", help="show how one word is judged", epilog=EXPLAIN_EPILOG,
        formatter_class=fmt, parents=[engine],
        description="Show whether WORD is known, its candidates with scores, and the decision.",
    )
    explain.add_argument("word", metavar="WORD")
    explain.add_argument("--context", metavar="TEXT", help="the sentence the word appears in")
    explain.add_argument("--format", choices=("text", "json"), default="text",
                         help="text (default) or json")
    explain.set_defaults(handler=cmd_explain)

    serve = commands.add_parser(
        "serve", help="run the HTTP service", epilog=SERVE_EPILOG, formatter_class=fmt,
        description="Run the HTTP service (gunicorn) with the engine loaded in each worker.",
    )
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default %(default)s)")
    serve.add_argument("--port", type=int, default=8080, help="port (default %(default)s)")
    serve.add_argument("--workers", type=_positive, default=_cores(),
                       help="worker processes (default: the cores)")
    serve.add_argument("--profile", metavar="FILE", help="engine settings file (TOML)")
    serve.set_defaults(handler=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 changes found, 2 errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.handler(args)
    except (UsageError, ConfigError) as exc:
        sys.stderr.write(_error_line(str(exc)) + "\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write(_error_line("interrupted") + "\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, without a second error at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
