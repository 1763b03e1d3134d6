"""Protected spans of a document and the masked text the stages read.

A `Span` is a half-open range of code points in the ORIGINAL text that no stage may change:
code, markup, link targets, table delimiters. `block` spans cover whole lines (a fenced code
block, a directive); the others lie inside a line (inline code, a link target, a pipe).

`mask` hides protected text from the stages without moving any offset: block lines become
runs of `BLOCK_MASK` (non-blank, so paragraphs and blank-line runs keep their shape) and
inline spans become spaces (so the words around them stay separate words).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

BLOCK_MASK = "\u2591"
NEWLINE = re.compile(r"\r\n?|\n")
_NOT_NEWLINE = re.compile(r"[^\r\n]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    block: bool = False


class Lines:
    """Line boundaries of a text; lines end at LF, CRLF or a lone CR, as CommonMark's do."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []  # each line's end, before its line break
        for match in NEWLINE.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def index_of(self, offset: int) -> int:
        """The line holding `offset`."""
        return bisect.bisect_right(self.starts, offset) - 1

    def is_blank(self, index: int) -> bool:
        return not self.line(index).strip()


def complement_spans(lines: Lines, prose: list[tuple[int, int]]) -> list[Span]:
    """Everything outside the `prose` spans (sorted, non-overlapping) that is not blank.

    On a line with prose, each run outside it that holds a non-space character is protected
    (list bullets, table pipes); trailing spaces after prose stay editable. A line without
    prose is protected whole, and blank lines between two such lines with it, so nothing
    inside a code block or directive is folded or trimmed.
    """
    by_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in prose:
        first, last = lines.index_of(start), lines.index_of(max(start, end - 1))
        for index in range(first, last + 1):
            by_line.setdefault(index, []).append(
                (max(start, lines.starts[index]), min(end, lines.ends[index]))
            )
    spans: list[Span] = []
    block: Span | None = None  # the run of lines without prose being collected
    for index in range(len(lines)):
        line_start, line_end = lines.starts[index], lines.ends[index]
        pieces = by_line.get(index)
        if pieces is None:
            if not lines.is_blank(index):
                block = Span(block.start if block else line_start, line_end, True)
            continue
        if block is not None:
            spans.append(block)
            block = None
        cursor = line_start
        for start, end in [*sorted(pieces), (line_end, line_end)]:
            if lines.text[cursor:start].strip():
                spans.append(Span(cursor, start))
            cursor = max(cursor, end)
    if block is not None:
        spans.append(block)
    return spans


def merge(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping ones joined (a join is a block if either part is)."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.end <= span.start:
            continue
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end), last.block or span.block)
        else:
            merged.append(span)
    return merged


def mask(text: str, spans: list[Span]) -> str:
    """`text` with protected spans hidden and every offset unchanged (see module doc)."""
    if not spans:
        return text
    parts = []
    cursor = 0
    for span in spans:
        parts.append(text[cursor : span.start])
        fill = BLOCK_MASK if span.block else " "
        parts.append(_NOT_NEWLINE.sub(fill, text[span.start : span.end]))
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts)


def intersects(start: int, end: int, spans: list[Span], starts: list[int]) -> bool:
    """Whether [start, end) shares a code point with a span, or is an insertion inside one.

    `spans` are sorted and non-overlapping; `starts` are their starts."""
    index = bisect.bisect_right(starts, start) - 1
    if index >= 0:
        span = spans[index]
        inside = span.start < start if start == end else span.start <= start
        if inside and start < span.end:
            return True
    following = index + 1
    return following < len(spans) and spans[following].start < end
