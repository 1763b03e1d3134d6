"""Tokens whose form in the text says they name something: identifiers, not words to correct.

- A word in a numbered series: the text writes the same letters with two or more different
  numbers after them ('ivory1' ... 'ivory4', 'grey0' ... 'grey100' in X11's rgb.txt). Such
  tokens are names of things numbered; a stray digit of OCR ('these1', 'voting1', which its
  ground truth drops) never repeats a word so: no text of OverProof's datasets 2 and 3, the
  synthetic set or the synthetic news set has one.
- A command: a lowercase word glued to a colon that follows a space, a line start or an
  opening mark (vim's ':windo' and ':enew', its tags '*:tabl*', an emoji's ':smile:'). Prose
  puts a space after a colon; the four such tokens of OverProof's dataset 2 are OCR noise
  either way.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Edit
from ..patterns import compile_regex

NUMBERED = compile_regex(r"(?<![\p{L}\p{M}\p{N}_.])(\p{L}{2,})(\p{N}+)(?![\p{L}\p{M}\p{N}_])")
"""Letters and the number right after them, as one token."""

COMMAND_OPENERS = frozenset(" \t\r\n|*([`")
"""What may stand before the colon of a command."""


def numbered_series(text: str) -> frozenset[str]:
    """The lowercase letters `text` writes with two or more different numbers after them."""
    numbers: defaultdict[str, set[str]] = defaultdict(set)
    for match in NUMBERED.finditer(text):
        numbers[match.group(1).lower()].add(match.group(2))
    return frozenset(stem for stem, found in numbers.items() if len(found) >= 2)


def is_command(text: str, start: int) -> bool:
    """Whether the lowercase word at `start` is glued to a colon that opens it (see the
    module docstring)."""
    return (start >= 1 and text[start - 1] == ":"
            and (start == 1 or text[start - 2] in COMMAND_OPENERS)
            and text[start : start + 1].islower())


def names_something(text: str, edits: list[Edit]) -> set[int]:
    """The starts of the `edits` of `text` that change an identifier (module docstring)."""
    found = {e.start for e in edits if is_command(text, e.start)}
    numbered = [e for e in edits if any(c.isdigit() for c in e.original)]
    if numbered:
        series = numbered_series(text)
        for edit in numbered:
            match = NUMBERED.fullmatch(edit.original)
            if match is not None and match.group(1).lower() in series:
                found.add(edit.start)
    return found
