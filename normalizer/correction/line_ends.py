"""Words broken at a line end, checked as the one word they make ('con-\\ndemncd' ->
'con-\\ndemned').

`JoinedView` writes each hyphenated break `X-\\nY` whose halves make one word as that word,
with the hyphen and the line break moved behind it as spaces: the view has the length of the
text, so every other offset stays, and the word decisions see 'condemncd' where the text says
'con-\\ndemncd'. `JoinedView.map_back` turns a fix of the joined word into an edit of the half
that changes ('demncd' -> 'demned'), so the line layout and the hyphen stay (the `whitespace`
stage joins the lines when the profile's `dehyphenate` is on). Halves that are two words of
their own ('well-\\nknown', 'Taliban-\\nlinked') are a compound, not joined.

`is_line_split` tells the passes that decide tokens one by one which token is only half of
such a word, which they leave alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace

from ..lexicon import Lexicon
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import Token, joined_across_line
from .channel import shared_ends
from .words import is_own_word, lookup_key

HYPHEN_BREAK = compile_regex(
    r"(?<![\p{L}\p{M}\p{Nd}'’-])(\p{L}[\p{L}\p{M}]*)(-[ \t]*\r?\n[ \t]*)(\p{Ll}[\p{L}\p{M}]*)"
    r"(?![\p{Nd}])"
)
"""A word broken at a line end with a hyphen: head, the break, a lowercase tail."""
LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n")
"""What every `HYPHEN_BREAK` holds, found a hundred times faster than a scan for one."""
MIN_LINE_PART = 2
"""Letters a fix leaves on each side of a line-end break, at least."""


@dataclass(frozen=True, slots=True)
class _Join:
    """A word broken at a line end: head `text[start:head_end]`, tail from `tail_start` to
    `end`; in the view the word spans `start` to `start + len(word)`."""

    start: int
    head_end: int
    tail_start: int
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class JoinedView:
    """A text in which the words broken at a line end are written whole (same length)."""

    text: str
    joins: tuple[_Join, ...]
    starts: tuple[int, ...] = ()
    """Where the joined words start (the same in the view and in the text)."""

    @classmethod
    def of(cls, text: str, lexicon: Lexicon) -> JoinedView:
        """The view of `text`: each `X-\\nY` that makes no word any resource knows is
        joined, to be checked whole; a known word needs no check (the word decisions leave
        its halves alone), and two words of their own make a compound."""
        if not LINE_END_HYPHEN.search(text):
            return cls(text, ())  # most texts: no scan for broken words needed
        joins = []
        for match in HYPHEN_BREAK.finditer(text):
            head, tail = match.group(1), match.group(3)
            word = head + tail
            key = lookup_key(word)
            if key in lexicon.common or lexicon.frequency(key) > 0 or (
                is_own_word(lexicon.common, lookup_key(head)) and is_own_word(lexicon.common, tail)
            ):
                continue  # a word (its halves are left alone) or a compound
            joins.append(_Join(match.start(), match.end(1), match.start(3), match.end(), word))
        if not joins:
            return cls(text, ())
        parts = []
        previous = 0
        for join in joins:
            gap = " " * (join.end - join.start - len(join.word))
            parts += [text[previous : join.start], join.word, gap]
            previous = join.end
        parts.append(text[previous:])
        return cls("".join(parts), tuple(joins), tuple(join.start for join in joins))

    def map_back(self, edits: Iterable[Edit], original: str) -> list[Edit]:
        """`edits` of the view as edits of `original`: a fix of a joined word edits the half
        that changes (both halves, with the break kept, when both do)."""
        if not self.joins:
            return list(edits)
        by_start = dict(zip(self.starts, self.joins, strict=True))
        mapped = []
        for edit in edits:
            join = by_start.get(edit.start)
            if join is not None and edit.end <= join.start + len(join.word):
                halves = _edit_halves(edit, join, original)
                if halves is not None:
                    mapped.append(halves)
            elif not self._touches_join(edit):
                mapped.append(edit)
        return mapped

    def _touches_join(self, edit: Edit) -> bool:
        """Whether `edit` covers part of a joined word or its break (only a fix of the whole
        word maps back; the view has no other edits there)."""
        index = bisect.bisect_left(self.starts, edit.end) - 1
        return index >= 0 and self.joins[index].end > edit.start


def _edit_halves(edit: Edit, join: _Join, original: str) -> Edit | None:
    """The fix `edit` of the joined word `join` as an edit of its halves in `original`;
    None when it would leave fewer than two letters on a line (no printer breaks so)."""
    head = join.head_end - join.start
    word, fixed = join.word[: edit.end - edit.start], edit.replacement
    prefix, suffix = shared_ends(word, fixed)
    gap = join.tail_start - join.head_end  # view positions in the tail lie `gap` earlier
    if prefix >= head:  # only the tail changes
        start, end, replacement = join.tail_start, edit.end + gap, fixed[head:]
    elif len(word) - suffix <= head:  # only the head changes
        start, end = join.start, join.head_end
        replacement = fixed[: len(fixed) - (len(word) - head)]
    else:  # both change: the break stays after as many letters as before
        start, end = join.start, edit.end + gap
        cut = min(head, len(fixed))
        replacement = fixed[:cut] + original[join.head_end : join.tail_start] + fixed[cut:]
    kept = original[join.start : start] + replacement + original[end : join.end]
    head_left, _, tail_left = kept.partition(original[join.head_end : join.tail_start])
    if len(head_left) < MIN_LINE_PART or len(tail_left) < MIN_LINE_PART:
        return None
    return replace(
        edit, start=start, end=end, original=original[start:end], replacement=replacement,
        reason=f"{edit.reason}; checked as '{join.word}', the word broken at the line end",
    )


def is_line_split(text: str, token: Token, common: Container[str]) -> bool:
    """Half of a word broken at a line end, not a word alone: hyphenated ("ac-" / "cused"),
    or with the hyphen lost by the OCR when the two halves make a common word ("con" /
    "demned")."""
    joined = joined_across_line(text, token.start, token.end)
    return joined is not None and (joined[1] or lookup_key(joined[0]) in common)
