"""Atomic writes: a file is replaced by its new content all or nothing."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import suppress

from .errors import FileError


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


def require_writable(path: str) -> None:
    """Refuse a file `--in-place` must not rewrite: read-only (by mode or access)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise FileError(path, exc.strerror or str(exc)) from None
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise FileError(path, "file is read-only, --in-place will not rewrite it")
