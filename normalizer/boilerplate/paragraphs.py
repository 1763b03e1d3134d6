"""Paragraphs of a text, as the boilerplate stage sees them, and the spans of their removal.

A paragraph is a non-blank line: blank-line separated layouts and one-line-per-paragraph
layouts alike. Only whole paragraphs are ever removed. A removal takes the block and the
separator after it, up to the start of the next kept paragraph, so the paragraphs around it
stay separated exactly as before; when that would join two blocks (the promo ends a block or the
document), the separator before it goes instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A leading bullet or arrow and one level of enclosing brackets are layout, not content.
_BULLET = re.compile(r"^(?:[•·▪►▸▶→»*]|-(?=\s))\s*")
_BRACKETS = {"[": "]", "(": ")"}


@dataclass(slots=True)
class Para:
    """A non-blank line: offsets of its text and whether it starts a blank-line block."""

    start: int
    end: int
    block_start: bool
    norm: str | None = None
    words: int = 0


@dataclass(frozen=True, slots=True)
class Match:
    """Paragraphs `first`..`last` (inclusive) found to be boilerplate, and why."""

    rule: str
    first: int
    last: int
    confidence: float
    reason: str
    applied: bool = True


def paragraphs(text: str) -> list[Para]:
    """The non-blank lines of `text`, in order. The lines (runs of characters other than
    a line break) are cut by `str.split`, where a pattern tested each character against a
    class."""
    paras: list[Para] = []
    prev_end = 0
    blank = True  # the document start counts as a block boundary
    end = -1
    for line in text.replace("\r", "\n").split("\n"):
        start = end + 1
        end = start + len(line)
        if not line:
            continue
        if line.isspace():
            blank = True
            continue
        gap = text[prev_end:start]
        if gap.count("\n") >= 2 or ("\n" not in gap and gap.count("\r") >= 2):
            blank = True
        paras.append(Para(start, end, blank))
        blank = False
        prev_end = end
    return paras


def normalized(para: Para, text: str) -> str:
    """The paragraph as rules see it: bullets and enclosing brackets gone, spaces collapsed."""
    if para.norm is None:
        norm = " ".join(text[para.start : para.end].split())
        norm = _BULLET.sub("", norm)
        if len(norm) > 2 and _BRACKETS.get(norm[0]) == norm[-1]:
            norm = norm[1:-1].strip()
        para.norm = norm
        para.words = len(norm.split())
    return para.norm


def snippet(norm: str) -> str:
    """`norm` shortened for a reason: the first six and the last four words."""
    words = norm.split()
    return norm if len(words) <= 12 else " ".join([*words[:6], "...", *words[-4:]])


def spans(paras: list[Para], matches: list[Match]) -> Iterator[tuple[Match, int, int]]:
    """Edit spans: each run of adjacent matches takes one separator, after it or before it."""
    run: list[Match] = []
    for k, match in enumerate(matches):
        run.append(match)
        if k + 1 < len(matches) and matches[k + 1].first == match.last + 1:
            continue
        first, last = run[0].first, run[-1].last
        has_next = last + 1 < len(paras)
        if has_next and paras[first].block_start:
            # Up to the next kept paragraph: removes the separator after the run.
            bounds = [paras[m.first].start for m in run] + [paras[last + 1].start]
        elif first > 0:
            # From the end of the previous kept paragraph: removes the separator before it.
            bounds = [paras[first - 1].end] + [paras[m.last].end for m in run]
        else:
            bounds = [paras[m.first].start for m in run] + [paras[last].end]
        yield from zip(run, bounds, bounds[1:], strict=False)
        run = []
