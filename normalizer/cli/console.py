"""The terminal: results on stdout, notes, errors, the progress bar and summaries on stderr."""

from __future__ import annotations

import sys
import time
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from tqdm import tqdm

from .errors import error_line, note_line
from .stdio import write_stderr, write_stdout


class Console:
    """stdout for results, stderr for notes, errors, the progress bar and the summary.

    The bar shows only for several files on a terminal, and is paused while a line is printed.
    """

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
        """Print a result on stdout (see `stdio.write_stdout`)."""
        if text:
            with self._paused():
                write_stdout(text)

    def _err(self, line: str) -> None:
        with self._paused():
            write_stderr(line + "\n")

    def error(self, message: str) -> None:
        """Print ``normalizer: error: MESSAGE``."""
        self._err(error_line(message))

    def note(self, message: str) -> None:
        """Print ``normalizer: note: MESSAGE`` unless quiet."""
        if not self.quiet:
            self._err(note_line(message))

    def advance(self, words: int) -> None:
        """One more file done, of `words` words."""
        self.words += words
        if not self.bar.disable:
            rate = self.words / max(time.monotonic() - self.started, 1e-9)
            self.bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)
            self.bar.update()

    def close(self) -> None:
        self.bar.close()
