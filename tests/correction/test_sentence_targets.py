"""The sentence reading's targets and their hypotheses."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import sentence_targets, typed_text
from normalizer.correction.speller import speller_for


@pytest.fixture(scope="module")
def learned(lexicon):
    return speller_for(lexicon, "learned")


@pytest.mark.parametrize(("surface", "target"), [
    ("tho", True), ("pooplo", True), ("Tho", True), ("the", False), ("house", False),
    ("McCain", False), ("LIBVA", False), ("x", True), ("a", False), ("X", False),
    ("l8", False),
])
def test_targets_are_lowercase_non_words_and_risky_real_words(learned, surface, target):
    assert sentence_targets.is_target(learned, surface, True) is target


@pytest.mark.parametrize(("surface", "target"), [
    ("pooplo", True), ("thd", True), ("aud", True), ("clone", True), ("Thc", True),
    ("Hyad", True), ("the", False), ("The", False), ("arc", True), ("ore", True),
    ("cart", False), ("ae", True),
    ("te", True), ("Te", True), ("Th", True), ("of", False), ("Of", False), ("LIBVA", False),
    ("Hie", True), ("Bur", True),  # rare words a typist's slip from 'his', 'but'
])
def test_without_real_words_targets_are_non_words_of_two_letters_or_more(
        learned, surface, target):
    assert sentence_targets.is_target(learned, surface, False) is target


def test_lowercase_words_wordfreq_has_seen_get_their_nearest_words(speller):
    hypotheses = dict(sentence_targets.hypotheses_of(speller, "thd", typos=True))  # Zipf 2.2
    assert "the" in hypotheses and "the" not in dict(sentence_targets.hypotheses_of(speller, "thd"))
    assert "murray" not in dict(sentence_targets.hypotheses_of(speller, "murram", typos=True))


def test_a_typo_in_symspells_own_dictionary_gets_its_nearest_other_words(speller):
    # 'wto', 'ater', 'amd' are in symspell's frequency list: the closest term is the key itself.
    for typo, word in (("wto", "two"), ("ater", "after"), ("amd", "and")):
        assert word in dict(speller.nearest_words(typo))
        assert typo not in dict(speller.nearest_words(typo))
    text = "In the course of wto or three years, shortly ater the girls amd the boys left."
    assert Normalizer().normalize(text).text == (
        "In the course of two or three years, shortly after the girls and the boys left.")


def test_british_spellings_are_no_hypotheses(speller):
    assert "traveled" not in dict(sentence_targets.hypotheses_of(speller, "travelled"))
    assert "recognizance" not in dict(sentence_targets.hypotheses_of(speller, "recognisance"))


def test_a_real_word_is_offered_its_frequent_rivals_through_the_learned_channel(learned):
    hypotheses = dict(sentence_targets.hypotheses_of(learned, "tho"))
    assert "the" in hypotheses and hypotheses["the"] < 2.0


@pytest.mark.parametrize(("text", "start", "lone"), [
    ("the prisoner m no way", 13, True),
    ("which was m\nthe hands", 10, True),
    ("at 5 p. m. today", 8, False),  # an abbreviation
    ("it is 5 m long", 8, False),  # a unit after a number
    ("(b) the item", 1, False),  # a list mark
    ("he said m. then", 8, False),
    ("the end m", 8, False),  # no word after it
])
def test_a_lone_letter_stands_between_two_words(text, start, lone):
    assert sentence_targets.is_lone_letter(text, start) is lone


def test_a_two_letter_token_reads_only_as_a_very_frequent_word(speller):
    readings = [word for word, _ in sentence_targets.hypotheses_of(speller, "te", True)]
    assert "the" in readings
    assert all(speller.lexicon.frequency(w) >= typed_text.SHORT_TYPO_MIN_ZIPF for w in readings)
