"""Finding the files a command works on: paths as named, directories walked."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..profile import FileOptions
from .errors import FileError, SkipFile, UsageError
from .stdio import read_stdin
from .textfile import STDIN, file_kind


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a data file (see `normalizer.cli.records`): a byte range of JSON Lines
    or a Parquet row group; `last` tells the file's output is complete after it."""

    index: int
    last: bool
    start: int = 0
    end: int = 0
    row_group: int | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a file (named on the command line when `explicit`), stdin data,
    or one part of a data file."""

    path: str
    explicit: bool = True
    data: bytes | None = None
    part: Part | None = None


Item = Task | SkipFile | FileError
"""What finding files yields: work to do, or a note or error to report."""


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    path = PurePosixPath(rel)
    return any(path.match(pattern) for pattern in patterns)


def find_files(
    paths: Sequence[str], files: FileOptions, include: Sequence[str] | None = None
) -> Iterator[Item]:
    """Tasks for `paths` in order; directories are walked in name order.

    While walking, a file is taken when its path relative to the walked directory matches
    an `include` glob (default `files.include`) and no `exclude` glob; excluded directories
    are not entered. Hidden entries (name starting with ``.``), symlinked directories, and
    matching entries that are not regular files (FIFOs, sockets, devices, broken or looping
    symlinks) are skipped with a note, never opened; an unreadable directory is an error. A
    path named explicitly is taken, whatever its name or kind, unless it matches an exclude
    glob (reading it decides: see `textfile.read_bytes`).
    """
    include = files.include if include is None else include
    for path in paths:
        if os.path.isdir(path):
            root = "" if os.path.normpath(path) == "." else path  # report a.txt, not ./a.txt
            yield from _walk(root, "", files.exclude, include)
        elif not _matches(path, files.exclude):
            yield Task(path)


def _walk(root: str, rel: str, exclude: Sequence[str], include: Sequence[str]) -> Iterator[Item]:
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
        else:
            yield from _entry(entry, path, _matches(entry_rel, include))


_BROKEN_LINKS = {errno.ENOENT: "broken symlink", errno.ELOOP: "symlink loop"}


def _entry(entry: os.DirEntry[str], path: str, included: bool) -> Iterator[Item]:
    """The item of a walked entry that is not a directory of its own: a task for a regular
    file (or a symlink to one) the include globs take, else a note or nothing."""
    try:
        mode = entry.stat().st_mode
    except OSError as exc:
        if not included:
            return
        if exc.errno in _BROKEN_LINKS:
            yield SkipFile(path, _BROKEN_LINKS[exc.errno])
        else:
            yield FileError(path, exc.strerror or str(exc))
        return
    if stat.S_ISDIR(mode):
        yield SkipFile(path, "symlink to a directory")
    elif included:
        yield Task(path, explicit=False) if stat.S_ISREG(mode) else SkipFile(
            path, f"not a regular file ({file_kind(mode)})"
        )


def inputs(paths: Sequence[str], files: FileOptions) -> Iterable[Item]:
    """The items of `clean` and `check` PATH arguments: stdin for none or ``-``, else files."""
    if reads_stdin(paths):
        return [Task(STDIN, data=read_stdin(files.max_file_size))]
    if "-" in paths:
        raise UsageError("'-' (stdin) cannot be mixed with file names")
    return find_files(paths, files)


def reads_stdin(paths: Sequence[str]) -> bool:
    """True when PATH arguments name stdin: none, or ``-`` alone."""
    return not paths or list(paths) == ["-"]
