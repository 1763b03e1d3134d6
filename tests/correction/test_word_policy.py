"""Which words may replace a name-shaped token, where it stands (correction/word_policy.py)."""

from __future__ import annotations

import pytest

from normalizer.correction.word_policy import (
    DIGIT_GLYPH_POLICY,
    HEADLINE_POLICY,
    LONG_TOKEN_WORD_MIN_ZIPF,
    SENTENCE_START_MIN_ZIPF,
    SINGLE_CONFUSION_COST,
    UNSEEN_CAPITAL_MIN_ZIPF,
    WordRule,
    word_policy,
)

from .support import token_in


@pytest.mark.parametrize(("text", "word", "expected"), [
    # Mid-sentence, a spelling wordfreq has seen is a name: no word replaces it.
    ("The talks with Topix ended.", "Topix", None),
    ("The talks in Wonnen ended.", "Wonnen",
     WordRule(UNSEEN_CAPITAL_MIN_ZIPF, SINGLE_CONFUSION_COST, LONG_TOKEN_WORD_MIN_ZIPF)),
    ("It rained. Tbe talks ended.", "Tbe", WordRule(SENTENCE_START_MIN_ZIPF, 4.0)),
    ("The talks in Dar1ene ended.", "Dar1ene", DIGIT_GLYPH_POLICY),
])
def test_the_policy_follows_the_tokens_place_and_form(lexicon, text, word, expected):
    assert word_policy(lexicon, token_in(text, word), text) == expected


def test_a_headline_admits_the_most_words():
    text = "Pompeo Warned Russia Against Bourities\n\nSecretary of State Mike Pompeo spoke."
    assert word_policy(None, token_in(text, "Bourities"), text) is HEADLINE_POLICY


def test_a_long_unseen_capitalized_token_may_become_a_rarer_common_word(lexicon):
    """From `LONG_TOKEN_LENGTH` letters a common word may be rarer than the rule's Zipf; a
    name wordfreq knows but no word list holds may not ('Clougherty' is no 'Dougherty')."""
    rule = WordRule(3.0, 2.5, 2.0)
    assert rule.admits(lexicon, "Negotiafors", "negotiators", 2.0)  # Zipf 2.97, common
    assert not rule.admits(lexicon, "Negotiafors", "negotiators", 3.0)  # too dear
    assert not rule.admits(lexicon, "Clougherty", "dougherty", 2.0)  # a name (2.82)
    assert not rule.admits(lexicon, "Stalinst", "stalinist", 2.0)  # 8 letters: 3.0 holds (2.76)
    assert not WordRule(3.0, 2.5).admits(lexicon, "Negotiafors", "negotiators", 2.0)
