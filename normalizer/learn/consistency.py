"""Corpus consistency: the spellings the engine corrects the same way across a collection.

The map step counts, in one document, every word token the engine would look at (as
`counts.count_document` does: no halves of words broken at a line end) and, for each token
one applied fix replaced whole, what it became. The reduce step sums both. `corpus_corrections`
keeps the spellings the engine corrected to one word in most of their occurrences (a
spelling in lowercase and capitalized counted as one): the collection's recurring
misreadings, which `normalizer.corpus_corrections` then corrects in every occurrence (the
occurrences the engine left are most often the same misreading in a place where a capital or
a neighbour hid it: 'Ho' after a lost full stop).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..corpus_corrections import CorpusCorrection, case_class, is_title
from ..correction.speller import Speller
from ..correction.words import lookup_key
from ..pipeline import Result
from .counts import document_tokens
from .ngrams import is_clean_word

MIN_CHANGED = 3
"""A spelling the engine corrected fewer times is no recurring misreading."""

MIN_SHARE = 0.6
"""The share of a spelling's occurrences the engine must have corrected to one word (0.5
let two-letter spellings with several readings in ('li' for 'ii', 'R', 'Mr') through on
OverProof dataset 2)."""

MIN_WORD_SHARE = 0.8
"""The share for a spelling that is itself a word the lexicon knows ('wore', 'tho'): its
correct occurrences are real, so the engine's majority must be larger ('wore' for 'were' in
11 of 16 would change two men who wore black)."""


@dataclass(slots=True)
class DecisionCounts:
    """`seen[w]`: tokens spelled `w`; `changed[(w, target)]`: those the engine fixed to
    `target`."""

    seen: Counter[str] = field(default_factory=Counter)
    changed: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: DecisionCounts) -> None:
        """Add `other`'s counts to these, in place."""
        self.seen.update(other.seen)
        self.changed.update(other.changed)


def decisions_of(text: str, result: Result) -> DecisionCounts:
    """The map step: the tokens of `text` and the whole-token fixes the engine applied."""
    tokens = document_tokens(text)
    fixed = {(e.start, e.end): e.replacement for e in result.applied
             if e.kind in ("ocr", "spelling") and e.original == text[e.start : e.end]}
    changed: Counter[tuple[str, str]] = Counter()
    for token in tokens:
        target = fixed.get((token.start, token.end))
        if target is not None and target.isalpha():
            changed[token.surface, target] += 1
    return DecisionCounts(Counter(t.surface for t in tokens), changed)


def _as_spelled(surface: str, target: str) -> str:
    """A class target as a member spelled `surface` takes it: capitalized after a capital."""
    return target[:1].upper() + target[1:] if case_class(surface) != surface else target


def corpus_corrections(decisions: DecisionCounts, speller: Speller) -> list[CorpusCorrection]:
    """The spellings the engine corrected to one target in at least `MIN_CHANGED` and
    `MIN_SHARE` of their occurrences (`MIN_WORD_SHARE` for a word the lexicon knows), when
    they are no clean word (a word the lexicon knows that the OCR seldom prints for another is
    decided in its context, never for consistency), most corrected first. A spelling in
    lowercase and with a capital first letter counts as one (`case_class`, for spellings of
    three letters or more): a capital after a
    lost full stop makes 'Tho' look like a name to the engine, but not the misreading any
    less likely, so 'Tho' is corrected where 'tho' mostly was. A spelling of the class gets
    its row (with the class's counts) when the engine corrected it to the target at least
    once itself: on OverProof dataset 2, capitalized spellings it never corrected ('Hy',
    'Ni', 'Mo', 'Und') were initials and broken words more often than misreadings. A target
    that is itself such a spelling is dropped with it."""
    seen: Counter[str] = Counter()
    members: dict[str, set[str]] = {}
    for surface, count in decisions.seen.items():
        seen[case_class(surface)] += count
        members.setdefault(case_class(surface), set()).add(surface)
    changed: Counter[tuple[str, str]] = Counter()
    for (surface, target), count in decisions.changed.items():
        title_pair = case_class(surface) != surface and is_title(target)
        changed[case_class(surface), target.lower() if title_pair else target] += count
    best: dict[str, tuple[str, int]] = {}
    for (spelling, target), count in changed.items():
        if count > best.get(spelling, ("", 0))[1] or (
            count == best[spelling][1] and target < best[spelling][0]
        ):
            best[spelling] = (target, count)
    found = [
        CorpusCorrection(surface, _as_spelled(surface, target), count, seen[spelling])
        for spelling, (target, count) in best.items()
        if count >= MIN_CHANGED and count >= _share(speller, spelling) * seen[spelling]
        and not is_clean_word(speller, spelling)
        for surface in sorted(members[spelling])
        if decisions.changed[surface, _as_spelled(surface, target)]
    ]
    variants = {c.variant for c in found}
    found = [c for c in found if c.target not in variants and c.target != c.variant]
    return sorted(found, key=lambda c: (-c.changed, c.variant))


def _share(speller: Speller, variant: str) -> float:
    known = lookup_key(variant) in speller.lexicon.common
    return MIN_WORD_SHARE if known else MIN_SHARE
