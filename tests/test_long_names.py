"""The index of the gazetteer's long names (normalizer/long_names.py)."""

from __future__ import annotations

import pickle

from normalizer.long_names import LongNames, place_key

NAMES = ["Delta Air Lines", "Sergey V. Lavrov", "Bashar al-Assad", "Hong Kong", "Bank of Canada"]


def test_each_word_of_a_long_name_is_filed_by_the_words_beside_it():
    index = LongNames.of(NAMES)
    assert index.places(place_key("inner", "Delta", "Lines")) == [("Delta ", "Air", " Lines")]
    assert index.places(place_key("first", "Air", "Lines")) == [("", "Delta", " Air Lines")]
    assert index.places(place_key("last", "Sergey", "V")) == [("Sergey V. ", "Lavrov", "")]
    assert index.places(place_key("last", "Bashar", "al")) == [("Bashar al-", "Assad", "")]
    # a name of two words is no long name; an initial is no word looked up
    assert index.places(place_key("first", "Kong", "")) == []
    assert index.places(place_key("inner", "Sergey", "Lavrov")) == []


def test_a_token_one_slip_from_a_names_word_may_be_one():
    index = LongNames.of(NAMES)
    for surface in ("Lavro", "Lavrovv", "Lavrev", "Lavorv", "Sir"):
        assert index.may_be_slip_of_a_word(surface), surface
    for surface in ("Lavr", "Kong", "Biegun"):
        assert not index.may_be_slip_of_a_word(surface), surface
    # lowercase: only a capitalized word that lost its first letter with its capital
    assert index.may_be_slip_of_a_word("ssad")
    assert not index.may_be_slip_of_a_word("assad")
    assert not index.may_be_slip_of_a_word("lavro")


def test_the_index_pickles_as_its_tries():
    index = LongNames.of(NAMES)
    loaded = pickle.loads(pickle.dumps(index))
    assert loaded.places(place_key("inner", "Delta", "Lines")) == [("Delta ", "Air", " Lines")]
    assert loaded.may_be_slip_of_a_word("ssad")
