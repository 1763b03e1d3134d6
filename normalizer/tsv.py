"""Strict reading of the built data tables: a header line naming the columns, `#` comments.

Every malformed line is an error naming the file and line, so that a hand edit that breaks a
table fails at load time instead of silently dropping rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


LINE_END = re.compile(r"\r\n|\r|\n")
"""The line ends a text file may use; str.splitlines would also cut at form feeds, U+2028 and
other characters a learned confusion may hold."""


def _is_row(line: str) -> bool:
    return bool(line) and not line.startswith("#")


def _lines(path: Path) -> list[str]:
    return LINE_END.split(path.read_text(encoding="utf-8"))


def _line_number(path: Path, index: int) -> int:
    """The line number of data row `index` (0: the first after the header), for errors."""
    rows = (n for n, line in enumerate(_lines(path), start=1) if _is_row(line))
    next(rows)
    for i, number in enumerate(rows):
        if i == index:
            return number
    raise IndexError(index)


def read_rows(path: Path, columns: tuple[str, ...]) -> list[list[str]]:
    """The fields of every row of a TSV file whose header is exactly `columns`; a wrong field
    count names the file and line. One `str.split` per line and no other per-row work, so
    tables of tens of thousands of rows load while a user waits."""
    lines = [line for line in _lines(path) if _is_row(line)]
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise ValueError(f"{path}: the header must be {' '.join(columns)}")
    rows = [line.split("\t") for line in lines[1:]]
    width = len(columns)
    for index, values in enumerate(rows):
        if len(values) != width:
            raise ValueError(f"{path}:{_line_number(path, index)}: expected {width} fields, "
                             f"got {len(values)}")
    return rows


def read_table(path: Path, columns: tuple[str, ...], make: Callable[[dict[str, str]], T]
               ) -> tuple[T, ...]:
    """`make(row)` for every row of a TSV file whose header is exactly `columns`; a
    ValueError raised by `make` or by a wrong field count names the file and line."""
    items = []
    for index, values in enumerate(read_rows(path, columns)):
        try:
            items.append(make(dict(zip(columns, values, strict=True))))
        except ValueError as error:
            raise ValueError(f"{path}:{_line_number(path, index)}: {error}") from None
    return tuple(items)


def nonempty(text: str) -> str:
    """`text`, refused when empty or padded with spaces (a lost or stray tab)."""
    if not text or text != text.strip():
        raise ValueError(f"empty or space-padded string {text!r}")
    return text
