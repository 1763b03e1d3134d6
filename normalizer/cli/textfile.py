"""Reading a text file and running the engine on it as the file has it.

Files are read as bytes and decoded as strict UTF-8. A UTF-8 byte order mark and CRLF line
endings are taken off before the engine runs and put back afterwards (edit offsets are mapped
back to the file's own text), and a file's final newline, present or missing, is kept.
"""

from __future__ import annotations

import bisect
import codecs
import os
import stat
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

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32LE", "UTF-32"),  # before UTF-16LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "UTF-32BE", "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16LE", "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16BE", "UTF-16"),
)
"""Byte order marks of encodings that are not UTF-8: (mark, name, iconv's name with a mark)."""


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """(name, iconv encoding) when `data` looks like UTF-16 or UTF-32 text, else None.

    With a byte order mark the mark decides. Without one, text in UTF-16 has a NUL as the
    high byte of nearly every Latin character: in nearly every odd byte (little-endian) or
    every even byte (big-endian), and nearly never in the other half.
    """
    for bom, name, iconv_name in _BOMS:
        if data.startswith(bom):
            return f"{name} text (it starts with a {name[:6]} byte order mark)", iconv_name
    probe = data[: BINARY_PROBE - BINARY_PROBE % 2]
    if len(probe) < 4:
        return None
    halves = {"UTF-16LE": (probe[1::2], probe[0::2]), "UTF-16BE": (probe[0::2], probe[1::2])}
    for name, (high, low) in halves.items():
        if high.count(0) >= 0.9 * len(high) and low.count(0) <= 0.1 * len(low):
            return f"{name} text (no byte order mark)", name
    return None


def decode(path: str, data: bytes, *, explicit: bool) -> str:
    """Strict UTF-8 text of a file's bytes (a byte order mark stays in the text).

    Raise `FileError` for UTF-16 or UTF-32 text (naming it and how to convert it) and for
    bytes that are not UTF-8; for a binary file, `FileError` when it was named explicitly,
    `SkipFile` when it was met while walking (`explicit` False).
    """
    wide = _wide_encoding(data)
    if wide:
        what, iconv_name = wide
        raise FileError(
            path, f"{what}, not UTF-8; convert it first, e.g. iconv -f {iconv_name} -t UTF-8"
        )
    if b"\0" in data[:BINARY_PROBE]:
        cause = "binary file (NUL byte in the first 8 KB)"
        raise FileError(path, cause) if explicit else SkipFile(path, cause)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def file_kind(mode: int) -> str:
    """What a file is, from its `st_mode`: ``regular file``, ``directory``, ``FIFO``,
    ``socket``, ``character device`` or ``block device``."""
    kinds = (
        (stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    )
    return next((name for test, name in kinds if test(mode)), "special file")


def too_large(path: str, limit: int, size: int | None = None) -> FileError:
    """The error for input over `limit` bytes (`size`, when known: streams have none)."""
    amount = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return FileError(
        path, f"file too large ({amount}; the limit is {limit:,}, see --max-file-size)"
    )


def read_bytes(path: str, limit: int) -> bytes:
    """The bytes of file `path`, of which at most `limit` are accepted.

    A regular file over the limit is refused before it is read. A FIFO or character device
    (a pipe from ``<(command)``, ``/dev/stdin``) is read as a stream, at most `limit` + 1
    bytes; a FIFO no writer has open is refused at once instead of waiting for one. Other
    kinds (sockets, block devices) are refused. Raise `FileError`.
    """
    try:
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limit:
                raise too_large(path, limit, info.st_size)
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        elif stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
            data = _read_stream(path, limit, fifo=stat.S_ISFIFO(info.st_mode))
        else:
            raise FileError(path, f"not a regular file ({file_kind(info.st_mode)})")
    except OSError as exc:
        raise FileError(path, exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise too_large(path, limit)
    return data


def _read_stream(path: str, limit: int, *, fifo: bool) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO: do not wait for a writer
    try:
        chunks = []
        if fifo:
            try:
                first = os.read(fd, limit + 1)
            except BlockingIOError:  # a writer has it open and has not written yet
                first = None
            if first == b"":
                raise FileError(path, "FIFO with nothing to read (no writer has it open)")
            chunks.append(first or b"")
        os.set_blocking(fd, True)
        size = len(chunks[0]) if chunks else 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: str, limit: int, data: bytes | None = None, *, explicit: bool = True) -> str:
    """The text of file `path` (or of `data` already read from it), at most `limit` bytes.

    Raise `FileError` for a file that cannot be read, is larger than `limit` or is not UTF-8
    (see `read_bytes` for special files and `decode` for binary files).
    """
    if data is None:
        data = read_bytes(path, limit)
    elif len(data) > limit:
        raise too_large(path, limit)
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
