"""Context scoring: neighbours of a token and the bigram vote."""

from __future__ import annotations

from normalizer.correction.context import (
    CONTEXT_WEIGHT,
    NAME_CONTEXT_WEIGHT,
    context_score,
    context_words,
    sentence_neighbours,
)
from normalizer.tokens import Token


def test_context_words_are_the_lowercased_neighbours_without_punctuation():
    text = "In the Senate, Tbe (final) vote failed."
    start = text.index("Tbe")
    token = Token(start, start + 3, "Tbe", "Tbe")
    assert context_words(text, token) == ("senate", "final")


def test_each_neighbour_the_bigram_list_pairs_with_the_word_counts(lexicon):
    assert context_score(lexicon, "of", "the", "house") == 2 * CONTEXT_WEIGHT
    assert context_score(lexicon, "xqz", "the", "house") == CONTEXT_WEIGHT
    assert context_score(lexicon, "xqz", "tho", "qzx") == 0


def test_a_neighbour_beside_the_word_in_a_gazetteer_name_counts_more(lexicon):
    assert "sonia sotomayor" in lexicon.name_pairs
    assert context_score(lexicon, "sonia", "sotomayor", "xqz") == NAME_CONTEXT_WEIGHT
    assert context_score(lexicon, "ketanji", "brown", "jackson") == 2 * NAME_CONTEXT_WEIGHT
    assert context_score(lexicon, "xqz", "sotomayor", "sonia") == 0  # order matters


def test_a_decimal_point_breaks_no_sentence_a_full_stop_does():
    text = "It was now about 2.5 degrees hotter. Then it rained."
    start = text.index("degrees")
    before, after = sentence_neighbours(text, start, start + len("degrees"))
    assert before == ("2", "5") and after == ("hotter",)
