"""Corpus consistency: a collection's recurring misreadings, corrected in every occurrence.

`normalizer learn` watches the engine's decisions over a whole collection. A spelling the
engine corrected to the same word in most of its occurrences ('tho' or 'Tho' -> 'the' in 626
of 642) is a misreading of this collection, and the occurrences it left (a capitalized 'Tho'
after a lost full stop reads like a name) are most likely the same misreading. The learned
table (`variant<TAB>target<TAB>changed<TAB>seen`, read through the profile key
`corpus-corrections`) lists those spellings, each with the counts of the spelling in
lowercase and capitalized together (`case_class`); the spelling stage corrects every occurrence the
decision logic left unchanged (`consistent_edits`), except allow-listed words and the halves
of a word broken at a line end. The variant must match exactly, case included: 'Tho' and
'tho' are rows of their own.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import Edit
from .tokens import Token, tokenize
from .tsv import nonempty, read_table

CORRECTION_COLUMNS = ("variant", "target", "changed", "seen")
"""The header of a corpus corrections table."""

CONSISTENT_CONFIDENCE = 0.9
"""The confidence of a correction made for consistency with the rest of the collection: above
the shipped thresholds, since the engine itself made the same correction in most of the
variant's occurrences, and below the near-certain decisions the engine makes from the token's
own evidence."""


MIN_POOLED_LENGTH = 3
"""A capitalized spelling shorter than this counts apart from its lowercase: two capitalized
letters are often an abbreviation or initials ('Io' for 'Jas' on OverProof dataset 2, a
state's 'Ia' or 'Mo'), whatever the lowercase spelling usually is."""


def is_title(word: str) -> bool:
    """A capital first letter and lowercase letters after it ('Tho')."""
    return word[:1].isupper() and word[1:].islower()


def is_pooled(word: str) -> bool:
    """A spelling whose counts are taken with its other case: lowercase or capitalized, of
    at least `MIN_POOLED_LENGTH` characters."""
    return len(word) >= MIN_POOLED_LENGTH and (word.islower() or is_title(word))


def case_class(surface: str) -> str:
    """The spelling a token's counts are taken under: a capitalized spelling's lowercase
    ('Tho' and 'tho' are one spelling), any other spelling itself ('THO', 'McKay', 'Ho')."""
    return surface.lower() if is_pooled(surface) else surface


@dataclass(frozen=True, slots=True)
class CorpusCorrection:
    """The engine corrected `variant` to `target` in `changed` of its `seen` occurrences."""

    variant: str
    target: str
    changed: int
    seen: int

    def spelling(self) -> str:
        """The variant as its counts were taken (`is_pooled`: 'Tho' with 'tho')."""
        word = self.variant
        return f"{word!r} (capitalized or not)" if is_pooled(word) else repr(word)

    def edit(self, token: Token) -> Edit:
        """The correction of one occurrence the engine left unchanged."""
        return Edit(
            token.start, token.end, token.surface, self.target, "ocr", "ocr.corpus",
            CONSISTENT_CONFIDENCE,
            f"corpus consistency: the engine corrected {self.spelling()} to {self.target!r} "
            f"in {self.changed} of its {self.seen} occurrences in this collection",
        )


def read_corrections(path: Path) -> dict[str, CorpusCorrection]:
    """variant -> its correction, from a table written by `normalizer learn` (ValueError
    naming the file and line for a malformed one)."""

    def row(fields: dict[str, str]) -> CorpusCorrection:
        variant, target = nonempty(fields["variant"]), nonempty(fields["target"])
        changed, seen = int(fields["changed"]), int(fields["seen"])
        if not 1 <= changed <= seen:
            raise ValueError(f"expected 1 <= changed <= seen, got {changed} and {seen}")
        if variant == target or " " in variant:
            raise ValueError(f"expected one word and a different target, got {variant!r} "
                             f"and {target!r}")
        return CorpusCorrection(variant, target, changed, seen)

    table: dict[str, CorpusCorrection] = {}
    for correction in read_table(path, CORRECTION_COLUMNS, row):
        if correction.variant in table:
            raise ValueError(f"{path}: {correction.variant!r} is listed twice")
        table[correction.variant] = correction
    targets_that_are_variants = sorted({c.target for c in table.values()} & table.keys())
    if targets_that_are_variants:  # correcting twice would not be idempotent
        raise ValueError(f"{path}: {targets_that_are_variants[0]!r} is both a target and a "
                         "variant")
    return table


@lru_cache(maxsize=8)
def load_corrections(path: Path) -> Mapping[str, CorpusCorrection]:
    """The table at `path`, read once per process."""
    return read_corrections(path)


def consistent_edits(text: str, surfaces: Collection[str],
                     corrections: Mapping[str, CorpusCorrection], decided: Iterable[Edit],
                     keep: Callable[[Token], bool]) -> list[Edit]:
    """Corrections of the tokens of `text` whose surface (of `surfaces`, the text's types) is
    a learned variant, except those an edit of `decided` touches and those `keep` keeps
    (allow-listed words, halves of a word broken at a line end)."""
    wanted = {s for s in surfaces if s in corrections}
    if not wanted:
        return []
    spans = sorted((e.start, e.end) for e in decided)
    ends = [end for _, end in spans]
    found = []
    for token in tokenize(text, only=wanted):
        # The first decided span ending after the token's start is the only one that can
        # overlap it (decided edits never overlap each other).
        i = bisect.bisect_right(ends, token.start)
        if (i < len(spans) and spans[i][0] < token.end) or keep(token):
            continue
        found.append(corrections[token.surface].edit(token))
    return found
