"""Map and reduce: the word counts of one document, and their sum over a corpus.

`count_document` is the map step (a pure function of one text), `CorpusCounts.merge` the
reduce step (associative and commutative), so the same two functions run in one process, in a
process pool (`normalizer.learn.run.count_corpus`) or on any map-reduce engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..tokens import Token, tokenize


@dataclass(slots=True)
class CorpusCounts:
    """Word types of a corpus: `occurrences` (every token) and `documents` (how many
    documents hold the type at least once), both keyed by the token's surface with any
    possessive stripped ('Russia's' counts as 'Russia')."""

    document_count: int = 0
    occurrences: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)

    def merge(self, other: CorpusCounts) -> CorpusCounts:
        """The counts of both corpora (a new object; neither operand changes)."""
        return merge_counts((self, other))

    def add(self, other: CorpusCounts) -> None:
        """Add `other`'s counts to these, in place."""
        self.occurrences.update(other.occurrences)
        self.documents.update(other.documents)
        self.document_count += other.document_count


def document_tokens(text: str) -> list[Token]:
    """The word tokens of one document the engine would look at (outside URLs, e-mail
    addresses and other protected spans), except those touching a hyphen: the halves of a
    word broken at a line end ('Aus-' / 'tralia') are no words of the collection."""
    return [token for token in tokenize(text)
            if not _touches_hyphen(text, token.start, token.end)]


def count_document(text: str) -> CorpusCounts:
    """The map step: the word types of `document_tokens`."""
    occurrences = Counter(token.base for token in document_tokens(text))
    return CorpusCounts(1, occurrences, Counter(dict.fromkeys(occurrences, 1)))


def _touches_hyphen(text: str, start: int, end: int) -> bool:
    """A hyphen right after the token, or before it across a line break ('-\\n  word')."""
    before = text[max(0, start - 8) : start]
    kept = before.rstrip()
    return text[end : end + 1] == "-" or (kept.endswith("-") and "\n" in before[len(kept) :])


def merge_counts(parts: Iterable[CorpusCounts]) -> CorpusCounts:
    """The reduce step over any number of partial counts."""
    total = CorpusCounts()
    for part in parts:
        total.add(part)
    return total
