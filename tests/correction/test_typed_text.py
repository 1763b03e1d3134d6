"""Typed text's rules for the sentence reading."""

from __future__ import annotations

import math

import pytest

from normalizer.correction import typed_text
from normalizer.correction.context import WORD
from normalizer.model import Edit


@pytest.mark.parametrize(("text", "opens"), [
    ("Its systems had been hacked. Thc Carter Center said so.", True),
    ("Thc Carter Center said so.", True),
    ("They met Mr. Thc on Monday.", False),  # after a title: a name
    ("They met H. Thc on Monday.", False),  # after an initial
    ("They met the Thc team on Monday.", False),  # inside a sentence
    ("In the second cabin. Oonah (s), 1695 tons.", False),  # no corpus saw it: a name
    ("He spoke first. Lavrov said so.", False),  # a gazetteer name
])
def test_a_typed_capital_may_be_a_word_only_opening_a_sentence_and_seen_by_wordfreq(
        speller, text, opens):
    word = next(m for m in WORD.finditer(text) if m.group() in ("Thc", "Oonah", "Lavrov"))
    assert typed_text.opens_typed_sentence(speller, text, word.start()) is opens


def test_what_wordfreq_saw_of_a_typo_is_what_its_correction_mistyped_makes(speller):
    # 'political' (Zipf 5.2) one slip away (3.0) makes more than wordfreq saw of 'politcal'
    assert typed_text.unexplained_zipf(speller, "politcal", 1.65,
                                       [("political", 3.0)]) == -math.inf
    # a listed word keeps its count, whatever its neighbours
    assert typed_text.unexplained_zipf(speller, "roods", 2.2, [("roads", 3.0)]) == 2.2
    # an OCR confusion is no typist's slip: the web is typed ('inode' is no misread 'mode')
    assert typed_text.unexplained_zipf(speller, "inode", 2.5, [("mode", 1.0)]) == 2.5
    # two letters keep their count: 'cf' is no typo of 'of'
    assert typed_text.unexplained_zipf(speller, "cf", 3.6, [("of", 1.5)]) == 3.6
    # a word nothing explains keeps what wordfreq saw of it
    assert typed_text.unexplained_zipf(speller, "inode", 2.5, []) == 2.5
    # a letter left out explains it too ('himself', Zipf 5.3, less its 'f'), and a letter
    # added after the first ('should' and an 'e'), but not one added before: 'dask' is no
    # typo of 'ask'
    assert typed_text.unexplained_zipf(speller, "himsel", 1.52,
                                       [("himself", 3.5)]) == -math.inf
    assert typed_text.unexplained_zipf(speller, "dask", 1.15, [("ask", 3.5)]) == 1.15
    assert typed_text.unexplained_zipf(speller, "shoulde", 1.23,
                                       [("should", 3.5)]) == -math.inf


def test_a_two_letter_token_keeps_the_same_odds_in_either_case(speller):
    # a two-letter name is one the gazetteer knows ('Xi'); any other opening a sentence is
    # as likely a slip as its lowercase form
    assert (typed_text.typed_stickiness(speller, "Te", "te")
            == typed_text.typed_stickiness(speller, "te", "te")
            == typed_text.SHORT_TYPO_STICKINESS)
    assert typed_text.typed_stickiness(speller, "Boto", "boto") == typed_text.SEEN_WORD_STICKINESS


def test_a_seen_lowercase_typo_keeps_less_in_a_carelessly_typed_window(speller):
    kept = typed_text.SEEN_TYPO_STICKINESS
    assert typed_text.typed_stickiness(speller, "bega", "bega") == kept
    assert typed_text.typed_stickiness(speller, "bega", "bega", careless=True) == max(
        0.0, kept - typed_text.CARELESS_SEEN_DISCOUNT)
    # a word a spell checker lists, a capitalized one and a two-letter one keep theirs
    assert speller.lexicon.frequency("congou") > 0 and "congou" in speller.lexicon.listed
    assert (typed_text.typed_stickiness(speller, "congou", "congou", careless=True)
            == typed_text.typed_stickiness(speller, "congou", "congou"))
    assert (typed_text.typed_stickiness(speller, "Boto", "boto", careless=True)
            == typed_text.SEEN_WORD_STICKINESS)
    assert (typed_text.typed_stickiness(speller, "te", "te", careless=True)
            == typed_text.SHORT_TYPO_STICKINESS)


@pytest.mark.parametrize(("surface", "readable"), [
    ("Thc", True),  # seen by wordfreq
    ("Wiuth", True),  # unseen, one slip from 'with'
    ("Jore", True),  # 'more'
    ("Oonah", False),  # unseen and near no very frequent word: a name
    ("Lavrov", False),  # a gazetteer name
])
def test_a_capital_a_second_opinion_may_read_as_a_word(speller, surface, readable):
    assert typed_text.word_like_capital(speller, surface) is readable


def _fixes(confidences: list[float]) -> list[Edit]:
    return [Edit(start=i, end=i + 1, original="x", replacement="y", kind="spelling",
                 rule="spelling.lexicon", confidence=c, reason="a slip")
            for i, c in enumerate(confidences)]


def test_a_window_is_typed_carelessly_when_it_shows_enough_confident_fixes():
    rate, least = typed_text.CARELESS_MIN_RATE, typed_text.CARELESS_MIN_FIXES
    tokens = round(least / rate)
    assert typed_text.typed_carelessly(_fixes([0.9] * least), tokens, 0.8)
    assert not typed_text.typed_carelessly(_fixes([0.9] * least), tokens + 1, 0.8)  # rate
    assert not typed_text.typed_carelessly(_fixes([0.9] * (least - 1)), 10, 0.8)  # count
    # Suggestions below the threshold show nothing.
    assert not typed_text.typed_carelessly(_fixes([0.7] * least), tokens, 0.8)


def test_a_long_unseen_typo_may_read_as_a_rarer_word(speller):
    lexicon = speller.lexicon
    assert typed_text.typo_min_zipf(lexicon, "te") == typed_text.SHORT_TYPO_MIN_ZIPF
    assert typed_text.typo_min_zipf(lexicon, "presumptve") == typed_text.LONG_TYPO_MIN_ZIPF
    assert typed_text.typo_min_zipf(lexicon, "fents") == typed_text.TYPO_MIN_ZIPF  # short
    # an inflection of a common word, today's or the old, is no typo to read so
    assert typed_text.typo_min_zipf(lexicon, "boulevardes") == typed_text.TYPO_MIN_ZIPF
    assert typed_text.typo_min_zipf(lexicon, "persuadest") == typed_text.TYPO_MIN_ZIPF
