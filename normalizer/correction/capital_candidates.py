"""The common words a capitalized token may be a typo of.

A capitalized token no corpus has seen is more often a rare name than a typo, so it is read
only as a common word (Zipf >= `MIN_ZIPF`, or `LONG_KEY_MIN_ZIPF` for a long token; no
person's name) within one slip of it: one of symspellpy's nearest words with its first letter,
at a channel cost of at most `keyboard.TYPO_COST`, and no dialect spelling of it. The
sentence's judgement of capitalized typos (`capitals`) and the reading of a long token as its
only common word (`fixed_readings.judge_only_word`) both choose among these.
"""

from __future__ import annotations

from .candidates import lowercase_candidate
from .keyboard import TYPO_COST
from .speller import Speller
from .words import dialect_form

MIN_ZIPF = 3.0
"""The rarest common word a capitalized typo may be read as."""
LONG_KEY_LENGTH = 9
LONG_KEY_MIN_ZIPF = 2.0
"""A token of `LONG_KEY_LENGTH` letters or more may be read as a rarer word: the longer a
name, the fewer words lie one slip from it ('The Palisadcs fire' -> Palisades, Zipf 2.7). On
news seeds 3, 17 and 55 one typo more fixed, on the synthetic set one (archive profile 3), on
OverProof dataset 2 one in either profile ('Dangarfield'); no clean token changed, and no
more of 4,000 rare census names. From 8 letters at Zipf 2.5 a census name changed more."""
MAX_CANDIDATES = 6


def min_zipf(key: str) -> float:
    """The rarest word a capitalized typo `key` may be read as (`MIN_ZIPF`, or
    `LONG_KEY_MIN_ZIPF` for a long one)."""
    return LONG_KEY_MIN_ZIPF if len(key) >= LONG_KEY_LENGTH else MIN_ZIPF


def may_read_as(speller: Speller, key: str, term: str, cost: float) -> bool:
    """Whether `key` may be a capitalized typo of `term`: a common word (Zipf `min_zipf` or
    more, no person's name) with its first letter, at most a typo away, not a dialect spelling
    of it."""
    return (term[0] == key[0] and speller.lexicon.frequency(term) >= min_zipf(key)
            and lowercase_candidate(speller.lexicon, term) and cost <= TYPO_COST
            and dialect_form(term) != dialect_form(key))


def nearest_common_words(speller: Speller, key: str) -> list[tuple[str, float]]:
    """Common words one slip from `key` by symspell's nearest words, with their channel cost."""
    found = []
    least = min_zipf(key)
    for term, zipf in speller.nearest_words_within_slip(key):
        if term[0] != key[0] or zipf < least:
            continue  # `may_read_as`'s cheap tests first: most terms fail before a cost
        cost = speller.cost(key, term, TYPO_COST)
        if may_read_as(speller, key, term, cost):
            found.append((term, cost))
    return found[:MAX_CANDIDATES]
