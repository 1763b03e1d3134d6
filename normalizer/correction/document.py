"""Per-document evidence: how often the document spells each name, and its close rivals, and
which lowercase spellings it repeats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

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
('havo' beside 'have'), so such a reading still stands (see `uses_as_own`). So is a name
spelt so this often ('Refael Ackermann' in a changelog is no slip of 'Rafael', 'Hassaan' none
of 'Hassan'): see `uses_name_as_own`."""


SUPPORTED_MIN_LENGTH = 8
"""A name spelt several ways, each once ('Ghaffarzadeh', 'Gbaffarzadeh', 'Ghatfarzadeh'), has
no repeated spelling to win: the spelling one slip from each of the others (the one the others
support best) is their rival instead (`supported_rivals`), for spellings this long only: a
slip in a short name is as likely another name ('Hansen', 'Jansen', 'Jensen')."""
SUPPORTED_MAX_SPELLINGS = 500
"""A window with more long name spellings than this is a list of names, not a text that
misspells one: it gets no supported rivals, which keeps their cost (each spelling compared
with every other) bounded per window."""


class Document:
    """Per-document evidence: how often each name-shaped spelling occurs, and the lowercase
    spellings it repeats."""

    def __init__(self, types: Counter[str], common: Container[str]) -> None:
        # Summed in a dict: a Counter's missing key is a Python call (`__missing__`).
        names: dict[str, int] = {}
        repeated = []
        lowercase = 0
        for surface, count in types.items():
            if surface[0].isupper():
                base = strip_possessive(surface)
                names[base] = names.get(base, 0) + count
            else:
                lowercase += count
                if count >= REPEATED_WORD_COUNT:
                    repeated.append(surface)
        self.names: Counter[str] = Counter(names)
        self.repeated_words = frozenset(repeated)
        # Prose writes most words lowercase; a headline, a list of names or a text in
        # capitals does not, and says nothing by leaving a word unwritten in lowercase.
        self.prose = lowercase * 2 > sum(types.values())
        self.types = types
        self.common = common
        self._repeated: list[str] | None = None
        self._repeated_lower: list[str] = []
        self._rivals: dict[str, list[tuple[str, int]]] = {}
        self._long: list[str] | None = None
        self._long_lower: list[str] = []
        self._one_slip: dict[str, list[str]] = {}

    def copy(self) -> Document:
        twin = Document(Counter(), self.common)
        twin.names = self.names.copy()
        twin.repeated_words = self.repeated_words
        twin.types = self.types
        twin.prose = self.prose
        return twin

    def record(self, edit: Edit) -> None:
        """Count a confident fix as the spelling the document will have."""
        if edit.original[:1].isupper():
            self.names[edit.original] -= 1
        if edit.replacement[:1].isupper():
            self.names[edit.replacement] += 1
        self._repeated = None
        self._long = None
        self._one_slip.clear()
        self._rivals.clear()

    def count(self, base: str) -> int:
        return self.names.get(base, 0)

    def uses_as_own(self, surface: str, reading: str) -> bool:
        """Whether the document uses this lowercase spelling `REPEATED_WORD_COUNT` times or
        more and never writes `reading` (lowercase or capitalized) itself."""
        return surface in self.repeated_words and not self._written(reading)

    def uses_name_as_own(self, base: str, reading: str) -> bool:
        """Whether the document writes the name-shaped spelling `base` (its possessive
        counted too) `REPEATED_WORD_COUNT` times or more, and `reading` (lowercase or
        capitalized) less often: a slip is rarer than the name it misspells."""
        written = self.count(base)
        return written >= REPEATED_WORD_COUNT and self._written(reading) < written

    def _written(self, reading: str) -> int:
        """How often the document writes the lowercase word `reading`, lowercase or
        capitalized."""
        return self.types.get(reading, 0) + self.types.get(reading[:1].upper() + reading[1:], 0)

    def rivals(self, base: str) -> list[tuple[str, int]]:
        """Spellings in the document that occur more often than `base` and at least twice."""
        if base in self._rivals:
            return self._rivals[base]
        if self._repeated is None:
            # Capitalized common words ('The', 'But') are reached through OCR variants instead,
            # unless the document is prose and never writes them lowercase: a name ('Trump',
            # 'Brown').
            self._repeated = [
                name for name, n in self.names.items()
                if n >= 2 and ((lower := name.lower()) not in self.common
                               or (self.prose and not self.types.get(lower)))
            ]
            self._repeated_lower = [name.lower() for name in self._repeated]
        own = self.names.get(base, 0)
        # rapidfuzz screens every repeated name in C (lowercased once, not at each call);
        # the channel model scores the few left.
        base_lower = base.lower()
        close = process.extract(
            base_lower, self._repeated_lower, scorer=Levenshtein.distance,
            score_cutoff=RIVAL_MAX_EDITS, limit=None,
        )
        # The same spelling in capitals ('WHEELER' in a heading, 'Wheeler' in the text) is no
        # rival of it.
        found = [
            (name, self.names[name]) for lower, _, i in close
            if lower != base_lower and self.names[name := self._repeated[i]] > own
        ]
        if len(base) >= SUPPORTED_MIN_LENGTH:
            repeated = {name for name, _ in found}
            found += [(name, support) for name, support in self.supported_rivals(base)
                      if name not in repeated]
        self._rivals[base] = found
        return found

    def supported_rivals(self, base: str) -> list[tuple[str, int]]:
        """The spellings one slip from `base` (an edit or a swap) that the document supports
        better, each with its support: its own count plus those of the spellings one slip
        from it (`SUPPORTED_MIN_LENGTH`). Two spellings once each support each other equally:
        neither is a rival. None in a window of more than `SUPPORTED_MAX_SPELLINGS`."""
        if self._long is None:
            self._long = [name for name, n in self.names.items()
                          if n > 0 and len(name) >= SUPPORTED_MIN_LENGTH
                          and name.lower() not in self.common]
            if len(self._long) > SUPPORTED_MAX_SPELLINGS:
                self._long = []
            self._long_lower = [name.lower() for name in self._long]
        around = self._one_slip_from(base)
        if not around:
            return []
        own = self.names.get(base, 0) + sum(self.names[name] for name in around)
        found = []
        for name in around:
            support = self.names[name] + sum(self.names[n] for n in self._one_slip_from(name))
            if support > own:
                found.append((name, support))
        return found

    def _one_slip_from(self, spelling: str) -> list[str]:
        """The long spellings (`_long`) exactly one edit or swap from `spelling`, case aside
        (memoized until a fix is recorded)."""
        found = self._one_slip.get(spelling)
        if found is None:
            close = process.extract(spelling.lower(), self._long_lower, scorer=OSA.distance,
                                    score_cutoff=1, limit=None)
            found = self._one_slip[spelling] = [
                self._long[i] for _, distance, i in close if distance == 1]
        return found
