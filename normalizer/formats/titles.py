"""reST section titles stay within their adornment.

docutils wants a title's underline (and overline) at least as wide as the title: a fix that
lengthens the title ("tothe" -> "to the", "ﬁ" -> "fi") past it makes the document warn, or fail
a `sphinx-build -W`. The adornment itself is markup and never edited, so such a fix is kept as
a suggestion instead: the finding is reported, the document stays valid.
"""

from __future__ import annotations

from dataclasses import replace

from docutils.utils import column_width

from ..model import Edit
from ..patterns import compile_regex
from .spans import Lines

ADORNMENT = compile_regex(r"([!-/:-@\[-`{-~])\1+[ \t]*")
"""A line of one repeated punctuation character: reST's section adornment."""
OVERFLOW_REASON = "kept as a suggestion: the reST title would outgrow its underline"


def _adornment_width(lines: Lines, index: int) -> int | None:
    """The width the adornment under (or over) title line `index` allows, if it has one."""
    widths = [
        len(lines.line(neighbour).rstrip())
        for neighbour in (index + 1, index - 1)
        if 0 <= neighbour < len(lines) and ADORNMENT.fullmatch(lines.line(neighbour))
    ]
    return min(widths) if widths and lines.line(index).strip() else None


def fit_titles(edits: list[Edit], text: str) -> list[Edit]:
    """`edits` (offsets into `text`) with every applied edit that would widen a title line past
    its adornment turned into a suggestion; edits are taken in order, so the first ones that
    fit stay applied."""
    lines = Lines(text)
    growth: dict[int, int] = {}
    fitted = []
    for edit in edits:
        if not edit.applied or column_width(edit.replacement) <= column_width(edit.original):
            fitted.append(edit)
            continue
        index = lines.index_of(edit.start)
        limit = _adornment_width(lines, index)
        widened = (
            column_width(lines.line(index).rstrip()) + growth.get(index, 0)
            + column_width(edit.replacement) - column_width(edit.original)
        )
        if limit is not None and widened > limit:
            edit = replace(edit, applied=False, reason=f"{edit.reason}; {OVERFLOW_REASON}")
        elif limit is not None:
            growth[index] = widened - column_width(lines.line(index).rstrip())
        fitted.append(edit)
    return fitted
