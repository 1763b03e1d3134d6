"""stdin, stdout and stderr when they are closed, full or gone.

A standard descriptor that is closed when the program starts (``<&-``, ``>&-``, ``2>&-``)
gets /dev/null in its place, so the number stays taken (a file opened later can never become
"stdout" by accident). stdin and stdout get it opened the wrong way round: reading or writing
them still fails like the closed descriptor, but only where the command actually needs them,
and the failure becomes a one-line error (`StreamError`, exit status 2). A message that
cannot be written to stderr (closed, full) is dropped, since there is nowhere to report it;
the exit status still tells.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO

from .errors import UsageError

_PLACEHOLDER_FLAGS = {0: os.O_WRONLY, 1: os.O_RDONLY, 2: os.O_WRONLY}
"""How /dev/null is opened in place of a closed descriptor: stdin and stdout the wrong way
round, so using them fails as before; stderr for writing, so messages are dropped."""


class StreamError(UsageError):
    """stdin cannot be read or stdout cannot be written: the command stops (exit status 2)."""


def protect_standard_streams() -> None:
    """Put a placeholder on each closed standard descriptor (see the module docstring) and
    give Python a stream object for it."""
    for fd, flags in _PLACEHOLDER_FLAGS.items():
        try:
            os.fstat(fd)
        except OSError:
            placeholder = os.open(os.devnull, flags)  # the lowest free number: normally fd
            if placeholder != fd:
                os.dup2(placeholder, fd)
                os.close(placeholder)
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def _cause(exc: OSError) -> str:
    return "it is closed" if exc.errno == errno.EBADF else exc.strerror or str(exc)


def read_stdin(limit: int) -> bytes:
    """At most `limit` + 1 bytes of stdin (one more than allowed tells it is too large)."""
    try:
        return sys.stdin.buffer.read(limit + 1)
    except OSError as exc:
        raise StreamError(f"cannot read stdin: {_cause(exc)}") from None


def write_stdout(text: str) -> None:
    """Write `text` to stdout now; raise `StreamError` if it cannot be written."""
    with _stdout_errors():
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()


def flush_stdout() -> None:
    """Flush what was written to stdout (argparse's help); raise `StreamError` on failure."""
    with _stdout_errors():
        sys.stdout.flush()


@contextmanager
def _stdout_errors() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main stops quietly
    except OSError as exc:
        raise StreamError(f"cannot write to stdout: {_cause(exc)}") from None


def write_stderr(text: str) -> None:
    """Write `text` to stderr now; if that fails, drop it and what follows (there is nowhere
    to report it)."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        _silence(sys.stderr)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of a stdout that failed
    neither fails again nor prints a second message."""
    _silence(sys.stdout)


def _silence(stream: TextIO) -> None:
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)

