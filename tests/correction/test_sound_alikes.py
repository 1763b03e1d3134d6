"""Sound-alike suggestions: Metaphone keys, the index over them, and the ranked candidates."""

from __future__ import annotations

import pytest

from normalizer import pipeline
from normalizer.correction import candidates
from normalizer.correction.sound_alikes import sound_alikes, sound_key
from normalizer.profile import Profile


@pytest.fixture(scope="module")
def context(lexicon):
    return pipeline.StageContext(Profile(), lexicon)


@pytest.mark.parametrize("misspelt, word", [
    ("accomadite", "accommodate"),
    ("nessisary", "necessary"),
    ("imidatly", "immediately"),
    ("juce", "juice"),
])
def test_a_spelling_by_ear_keeps_the_words_key(misspelt, word):
    assert sound_key(misspelt) == sound_key(word)


def test_repeated_key_letters_are_one_sound():
    assert sound_key("accommodate") == sound_key("acomodate")
    assert "KK" not in sound_key("accommodate")


def test_the_index_finds_exact_and_one_letter_sound_alikes(lexicon):
    found = sound_alikes(lexicon, "acuplished")  # AKPLXT against AKMPLXT
    assert found.get("accomplished") is False
    assert sound_alikes(lexicon, "nessisary").get("necessary") is True


def test_no_sound_alikes_for_what_is_not_letters(lexicon):
    assert sound_alikes(lexicon, "c3po") == {}
    assert sound_alikes(lexicon, "") == {}


@pytest.mark.parametrize("misspelt, word", [
    # More than two edits away: the edit-distance lookup alone found nothing.
    ("accomadite", "accommodate"),
    ("imidatly", "immediately"),
    ("aquentance", "acquaintance"),
    ("unessasarily", "unnecessarily"),
    # Within two edits, but a more frequent word was ranked first ('june', 'victor', 'going').
    ("juce", "juice"),
    ("vistor", "visitor"),
    ("ganing", "gaining"),
])
def test_the_ranked_candidates_put_the_sound_alike_first(context, misspelt, word):
    assert candidates(misspelt, context)[0] == word


@pytest.mark.parametrize("misspelt, word", [
    ("teh", "the"),  # a listed slip keeps its reading
    ("Lavroy", "Lavrov"),  # a gazetteer name keeps its reading
    ("recieve", "receive"),
])
def test_readings_found_before_stay_first(context, misspelt, word):
    assert candidates(misspelt, context)[0] == word


@pytest.mark.parametrize("junk", ["xqzt", "qqqqq"])
def test_junk_gets_no_sound_alike(context, junk):
    """A word that only shares a key with junk is too many edits per letter away."""
    assert candidates(junk, context) == []
