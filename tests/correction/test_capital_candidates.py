"""The common words a capitalized token may be a typo of (correction/capital_candidates.py)."""

from __future__ import annotations

from normalizer.correction.capital_candidates import (
    LONG_KEY_MIN_ZIPF,
    MAX_CANDIDATES,
    MIN_ZIPF,
    may_read_as,
    nearest_common_words,
)
from normalizer.correction.keyboard import TYPO_COST


def test_the_nearest_common_words_keep_the_first_letter_within_a_typo(speller):
    found = nearest_common_words(speller, "gradn")
    assert found[0] == ("grand", speller.cost("gradn", "grand"))
    assert len(found) == MAX_CANDIDATES  # 'grade', 'grain', ... are cut at the cap
    for term, cost in found:
        assert term[0] == "g" and cost <= TYPO_COST
        assert speller.lexicon.frequency(term) >= MIN_ZIPF


def test_no_surname_other_first_letter_dialect_spelling_or_costly_slip(speller):
    assert nearest_common_words(speller, "gardnor") == []  # 'gardner' is a surname
    assert may_read_as(speller, "gradn", "grand", TYPO_COST)
    assert not may_read_as(speller, "gradn", "brand", 0.0)  # another first letter
    assert not may_read_as(speller, "gradn", "grand", TYPO_COST + 0.1)
    assert not may_read_as(speller, "colour", "color", 0.0)  # the same word, spelt apart


def test_a_long_token_may_be_read_as_a_rarer_word(speller):
    assert LONG_KEY_MIN_ZIPF < speller.lexicon.frequency("palisades") < MIN_ZIPF
    assert [term for term, _ in nearest_common_words(speller, "palisadcs")] == ["palisades"]
    # Shorter, the same slip of a word this rare is no candidate: a name is likelier.
    assert speller.lexicon.frequency("headland") < MIN_ZIPF
    assert nearest_common_words(speller, "headlanb") == []
