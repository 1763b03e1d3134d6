"""Reading a text file and running the engine on it as the file has it.

Files are read as bytes and decoded as strict UTF-8. A UTF-8 byte order mark and CRLF line
endings are taken off before the engine runs and put back afterwards (edit offsets are mapped
back to the file's own text), and a file's final newline, present or missing, is kept.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import replace
from typing import Any

from .. import report
from ..model import Result, apply_edits, summarize
from ..pipeline import Normalizer
from .errors import FileError, SkipFile

BINARY_PROBE = 8192
"""A NUL byte in this many leading bytes marks a file as binary."""
STDIN = "<stdin>"
"""The name stdin gets in messages and reports."""


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


def read_text(path: str, limit: int, data: bytes | None = None, *, explicit: bool = True) -> str:
    """The text of file `path` (or of `data` already read from it), at most `limit` bytes.

    Raise `FileError` for a file that cannot be read, is larger than `limit` or is not UTF-8
    (see `decode` for binary files).
    """
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
            path, f"file too large ({size:,} bytes; the limit is {limit:,}, see --max-file-size)"
        )
    return decode(path, data, explicit=explicit)


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
