"""Strict reading of the built data tables: a header line naming the columns, `#` comments.

Every malformed line is an error naming the file and line, so that a hand edit that breaks a
table fails at load time instead of silently dropping rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_table(path: Path, columns: tuple[str, ...], make: Callable[[dict[str, str]], T]
               ) -> tuple[T, ...]:
    """`make(row)` for every row of a TSV file whose header is exactly `columns`; a
    ValueError raised by `make` or by a wrong field count names the file and line."""
    items = []
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = ((n, line) for n, line in enumerate(fh, start=1) if not line.startswith("#"))
        first = next(numbered, None)
        if first is None or tuple(first[1].rstrip("\r\n").split("\t")) != columns:
            raise ValueError(f"{path}: the header must be {' '.join(columns)}")
        for number, line in numbered:
            values = line.rstrip("\r\n").split("\t")
            if len(values) != len(columns):
                raise ValueError(f"{path}:{number}: expected {len(columns)} fields, "
                                 f"got {len(values)}")
            try:
                items.append(make(dict(zip(columns, values, strict=True))))
            except ValueError as error:
                raise ValueError(f"{path}:{number}: {error}") from None
    return tuple(items)


def nonempty(text: str) -> str:
    """`text`, refused when empty or padded with spaces (a lost or stray tab)."""
    if not text or text != text.strip():
        raise ValueError(f"empty or space-padded string {text!r}")
    return text
