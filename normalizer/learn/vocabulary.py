"""What a corpus teaches about its own vocabulary, from its word counts alone.

Two rules, each asking the engine's own channel model and candidate generator:

- a **trusted name** is a capitalized word the lexicon does not know, printed in at least
  `MIN_DOCUMENTS` documents, for which the engine has no other reading and the corpus no far
  more frequent spelling within two OCR confusions: a local name, not a recurring misreading;
- a **corpus candidate** is a rare capitalized spelling within `MAX_VARIANT_COST` of a trusted
  name printed at least `VARIANT_RATIO` times as often: the document-consistency rule extended
  to the archive (the engine still decides each one in context).

Lowercase words are not learned: OCR repeats its misreadings of common words across a whole
archive ('aro' for 'are' in a third of one paper's pages), so recurrence alone cannot tell a
period spelling from a habit of the press.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..correction.document import RIVAL_MAX_EDITS
from ..correction.speller import Speller
from ..correction.word_policy import MAX_GLYPH_COST
from ..correction.words import is_checkable, lookup_key
from .counts import CorpusCounts

MIN_DOCUMENTS = 3
"""A spelling printed in this many documents is the collection's, not one page's accident."""

MIN_OCCURRENCES = 3

MAX_VARIANT_COST = MAX_GLYPH_COST
"""Two cheap OCR confusions, the engine's own limit for a candidate it may propose."""

VARIANT_RATIO = 3
"""A rare spelling is a candidate variant of a trusted name printed this many times as often."""

@dataclass(frozen=True, slots=True)
class LearnedWord:
    """A spelling the collection uses: printed `occurrences` times in `documents` documents."""

    word: str
    occurrences: int
    documents: int


@dataclass(frozen=True, slots=True)
class CorpusCandidate:
    """A rare spelling (`variant`) the corpus reads as a trusted name (`target`)."""

    variant: str
    target: str
    variant_occurrences: int
    target_occurrences: int
    cost: float
    explanation: str


def is_name_form(word: str) -> bool:
    """A capitalized word of letters ('Parramatta'), the shape a corpus name is learned in."""
    return word.isalpha() and word[:1].isupper() and word[1:].islower() and is_checkable(word)


def _known(speller: Speller, word: str) -> bool:
    key = lookup_key(word)
    return key in speller.lexicon.common or key in speller.lexicon.names


def _recurring(counts: CorpusCounts, word: str) -> bool:
    return (counts.documents[word] >= MIN_DOCUMENTS
            and counts.occurrences[word] >= MIN_OCCURRENCES)


def _close_names(counts: CorpusCounts, word: str, names: list[str]) -> list[str]:
    """Names of `names` a few plain edits from `word` (rapidfuzz screens before the channel
    model scores the few left)."""
    found = process.extract(word, names, scorer=Levenshtein.distance, processor=str.lower,
                            score_cutoff=RIVAL_MAX_EDITS, limit=None)
    return [name for name, _, _ in found if name != word]


def trusted_names(counts: CorpusCounts, speller: Speller) -> list[LearnedWord]:
    """The corpus's own names (see the module docstring), most documents first."""
    recurring = [
        word for word in counts.occurrences
        if is_name_form(word) and _recurring(counts, word) and not _known(speller, word)
        and not speller.has_candidates(word)
    ]
    names = [word for word in counts.occurrences if is_name_form(word)]
    trusted = []
    for word in recurring:
        own = counts.occurrences[word]
        rivals = [
            name for name in _close_names(counts, word, names)
            if counts.occurrences[name] >= VARIANT_RATIO * own
            and speller.cost(word, name) <= MAX_VARIANT_COST
        ]
        if not rivals:
            trusted.append(LearnedWord(word, own, counts.documents[word]))
    return sorted(trusted, key=lambda w: (-w.documents, -w.occurrences, w.word))


def corpus_candidates(
    counts: CorpusCounts, speller: Speller, trusted: list[LearnedWord]
) -> list[CorpusCandidate]:
    """Rare spellings of trusted names (see the module docstring), by target then variant."""
    targets = [entry.word for entry in trusted]
    found = []
    for word, own in counts.occurrences.items():
        if not is_name_form(word) or _known(speller, word) or word in targets:
            continue
        for target in _close_names(counts, word, targets):
            if counts.occurrences[target] < VARIANT_RATIO * own:
                continue
            cost = speller.cost(word, target)
            if cost <= MAX_VARIANT_COST:
                found.append(CorpusCandidate(
                    word, target, own, counts.occurrences[target], round(cost, 2),
                    speller.channel.explain(word, target),
                ))
    return sorted(found, key=lambda c: (c.target, -c.variant_occurrences, c.variant))
