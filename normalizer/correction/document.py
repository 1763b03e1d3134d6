"""Per-document evidence: how often the document spells each name, and its close rivals, and
which lowercase spellings it repeats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..model import Edit
from ..tokens import strip_possessive

RIVAL_MAX_EDITS = 3
"""Plain edits between a token and a document name that could still be one slip or two
cheap OCR confusions (MAX_DOCUMENT_COST): the rapidfuzz screen before the channel model."""

REPEATED_WORD_COUNT = 3
"""A lowercase spelling the document uses this often, while it never writes the word a typo
reading would make of it, is a word of its own ('stmr' for steamer in a shipping column,
'congou' tea): slips of the hand fall at random and seldom repeat one word the same way three
times. OCR does repeat its misreadings, but then the page prints the word right elsewhere too
('havo' beside 'have'), so such a reading still stands (see `uses_as_own`)."""


class Document:
    """Per-document evidence: how often each name-shaped spelling occurs, and the lowercase
    spellings it repeats."""

    def __init__(self, types: Counter[str], common: Container[str]) -> None:
        self.names: Counter[str] = Counter()
        repeated = []
        for surface, count in types.items():
            if surface[0].isupper():
                self.names[strip_possessive(surface)] += count
            elif count >= REPEATED_WORD_COUNT:
                repeated.append(surface)
        self.repeated_words = frozenset(repeated)
        self.types = types
        self.common = common
        self._repeated: list[str] | None = None
        self._repeated_lower: list[str] = []
        self._rivals: dict[str, list[tuple[str, int]]] = {}

    def copy(self) -> Document:
        twin = Document(Counter(), self.common)
        twin.names = self.names.copy()
        twin.repeated_words = self.repeated_words
        twin.types = self.types
        return twin

    def record(self, edit: Edit) -> None:
        """Count a confident fix as the spelling the document will have."""
        if edit.original[:1].isupper():
            self.names[edit.original] -= 1
        if edit.replacement[:1].isupper():
            self.names[edit.replacement] += 1
        self._repeated = None
        self._rivals.clear()

    def count(self, base: str) -> int:
        return self.names.get(base, 0)

    def uses_as_own(self, surface: str, reading: str) -> bool:
        """Whether the document uses this lowercase spelling `REPEATED_WORD_COUNT` times or
        more and never writes `reading` (lowercase or capitalized) itself."""
        return surface in self.repeated_words and not (
            self.types.get(reading) or self.types.get(reading[:1].upper() + reading[1:]))

    def rivals(self, base: str) -> list[tuple[str, int]]:
        """Spellings in the document that occur more often than `base` and at least twice."""
        if base in self._rivals:
            return self._rivals[base]
        if self._repeated is None:
            # Capitalized common words ('The', 'But') are reached through OCR variants instead.
            self._repeated = [
                name for name, n in self.names.items()
                if n >= 2 and name.lower() not in self.common
            ]
            self._repeated_lower = [name.lower() for name in self._repeated]
        own = self.names.get(base, 0)
        # rapidfuzz screens every repeated name in C (lowercased once, not at each call);
        # the channel model scores the few left.
        close = process.extract(
            base.lower(), self._repeated_lower, scorer=Levenshtein.distance,
            score_cutoff=RIVAL_MAX_EDITS, limit=None,
        )
        found = [
            (name, self.names[name]) for name in (self._repeated[i] for _, _, i in close)
            if self.names[name] > own and name != base
        ]
        self._rivals[base] = found
        return found
