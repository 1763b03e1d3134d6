"""A hypothesis for a suspect token, and how one is scored.

Each hypothesis `c` for a token `w` scores log10 P(c) (a Zipf frequency, raised for gazetteer
and document names) minus the channel cost of c -> w minus `ERROR_PRIOR`; the candidate
generators (`candidates`, `case_slips`) offer them through `offer`, which keeps the better
score per word.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import Entity
from .words import apply_case

ZIPF_TO_LOG10 = -9.0
"""A Zipf frequency is log10 of occurrences per billion words: this turns it into log10 P."""

ERROR_PRIOR = 1.0
"""log10 odds against any given token being damaged at all."""


def unexplained(zipf: float, slips: Iterable[tuple[float, float]]) -> float:
    """The Zipf frequency a string seen at `zipf` keeps as a word of its own once the slips
    that make it of other words are counted out: each slip is (the word's Zipf, its channel
    cost), and a word of Zipf z a slip of cost c away makes about 10 ** (z - c) of the string.
    -inf when the slips explain it all."""
    left = 10 ** zipf - sum(10 ** (word_zipf - cost) for word_zipf, cost in slips)
    return math.log10(left) if left > 0 else -math.inf


@dataclass(frozen=True, slots=True)
class Candidate:
    """One hypothesis: the word as written (case applied), its case-folded key, its score,
    channel cost and prior, where it came from and the gazetteer entry behind it."""

    word: str  # as it should be written (case applied)
    key: str  # case-folded
    score: float
    cost: float
    prior: float
    source: str  # "gazetteer", "document", "lexicon"
    entity: Entity | None = None


def offer(found: dict[str, Candidate], base: str, word_key: str, cost: float, prior: float,
           source: str, entity: Entity | None = None,
           canonical: str | None = None) -> None:
    """Add a hypothesis to `found`, keeping the better score per candidate word."""
    score = prior + ZIPF_TO_LOG10 - cost - ERROR_PRIOR
    if word_key in found and found[word_key].score >= score:
        return
    word = apply_case(base, word_key, canonical or (entity.canonical if entity else None))
    found[word_key] = Candidate(word, word_key, score, cost, prior, source, entity)


def name_for(base: str, entity: Entity | None) -> Entity | None:
    """The gazetteer entry a token may be read as: none when it is an acronym (its canonical
    spelling in capitals) and the token is in Title Case. An acronym is printed in capitals,
    so 'Insf' is no misread 'MSF' and 'Novv' no 'NOW' (the word 'now' stays a candidate): on
    the synthetic news set, the synthetic set and OverProof dataset 2 every such reading was
    wrong (3 of 3)."""
    if (entity is not None and base[:1].isupper() and base[1:].islower()
            and len(entity.canonical) > 1 and entity.canonical.isupper()):
        return None
    return entity
