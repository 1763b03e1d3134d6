"""Writing results: atomic replacement, the rules for what may be replaced, stale temp files.

A file is replaced through a temporary file in its own folder, named
``.NAME.normalizer-PID-XXXXXXXX.tmp`` (PID: the writing process). A run killed outright
(SIGKILL, power loss) can leave one behind; the next write into that folder removes those
whose process is gone.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from contextlib import suppress
from typing import BinaryIO

from .errors import FileError
from .textfile import file_kind

TEMP_MARK = ".normalizer-"
_TEMP_NAME = re.compile(r"\..+\.normalizer-(\d+)-\w+\.tmp")
_swept: set[str] = set()


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` (or the file a symlink points to) with `data`, all or nothing.

    The bytes go to a temporary file in the same folder, which is flushed, fsynced, given
    the old file's mode (and owner, where allowed) and renamed over the target, so an
    interrupted run leaves either the old or the new file, never a truncated one.
    """
    target = os.path.realpath(path)
    fh, temp = open_temp(target)
    try:
        with fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        commit_temp(temp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def open_temp(target: str) -> tuple[BinaryIO, str]:
    """A new temporary file beside `target` (named as in the module docstring), open for
    writing, and its path; stale ones in that folder are swept first."""
    folder = os.path.dirname(target)
    sweep_stale_temp_files(folder)
    fd, temp = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(target)}{TEMP_MARK}{os.getpid()}-", suffix=".tmp"
    )
    return os.fdopen(fd, "wb"), temp


def commit_temp(temp: str, target: str) -> None:
    """Rename the written and fsynced `temp` over `target`, with `target`'s mode (and
    owner, where allowed) or the default mode for a new file; then fsync the folder."""
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is None:
        os.chmod(temp, 0o666 & ~_umask())
    else:
        os.chmod(temp, stat.S_IMODE(old.st_mode))
        with suppress(PermissionError):
            os.chown(temp, old.st_uid, old.st_gid)
    os.replace(temp, target)
    dir_fd = os.open(os.path.dirname(target), os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sweep_stale_temp_files(folder: str) -> list[str]:
    """Remove this program's temporary files in `folder` whose writing process is gone
    (once per folder and process); return their names."""
    if folder in _swept:
        return []
    _swept.add(folder)
    removed = []
    with suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _TEMP_NAME.fullmatch(entry.name)
            if match and not _alive(int(match[1])) and entry.is_file(follow_symlinks=False):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def require_replaceable(path: str, option: str) -> None:
    """Refuse a file that `option` (``--in-place`` or ``-o``) must not replace.

    Only a regular file is replaced, and only when it is writable (by its mode and for this
    user) and has no other hard link (replacing it would split the links: the other names
    would keep the old text). Raise `FileError`.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise FileError(path, exc.strerror or str(exc)) from None
    verb = "rewrite" if option == "--in-place" else "replace"
    if not stat.S_ISREG(info.st_mode):
        raise FileError(
            path, f"not a regular file ({file_kind(info.st_mode)}), {option} will not {verb} it"
        )
    writable = info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if not writable or not os.access(path, os.W_OK):
        raise FileError(path, f"file is read-only, {option} will not {verb} it")
    if info.st_nlink > 1:
        raise FileError(
            path,
            f"file has {info.st_nlink} hard links, {option} will not {verb} it "
            "(the other names would keep the old text)",
        )


def write_output(path: str, data: bytes) -> None:
    """Write `data` to the `-o` target `path`.

    A new file or a regular file is written with `write_atomic` (an existing one must pass
    `require_replaceable`); a FIFO or character device (``/dev/stdout``, ``/dev/null``) is
    written to as a stream, a FIFO only when a reader has it open. Raise `FileError`.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FileError(path, exc.strerror or str(exc)) from None
    try:
        if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
            _write_stream(path, data, fifo=stat.S_ISFIFO(info.st_mode))
            return
        if info is not None:
            require_replaceable(path, "-o")
        write_atomic(path, data)
    except OSError as exc:
        raise FileError(path, f"cannot write: {exc.strerror or exc}") from None


def _write_stream(path: str, data: bytes, *, fifo: bool) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # a FIFO: do not wait for a reader
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            raise FileError(path, "FIFO with no reader, nothing would receive the text") from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
