"""Exit statuses, the errors a command raises, and how they are printed."""

from __future__ import annotations

PROG = "normalizer"
EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A problem with the command as a whole: printed as one line, exit status 2."""


class FileError(Exception):
    """A problem with one file: reported as ``PATH: cause``; other files go on."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path, self.cause = path, cause


class SkipFile(Exception):
    """A file met while walking a directory that is not text (reported as a note)."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: skipped, {cause}")


def error_line(message: str) -> str:
    """``normalizer: error: MESSAGE``, without a newline."""
    return f"{PROG}: error: {message}"


def note_line(message: str) -> str:
    """``normalizer: note: MESSAGE``, without a newline."""
    return f"{PROG}: note: {message}"
