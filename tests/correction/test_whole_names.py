"""A broken word of a long gazetteer name, read back from the rest of the name
(correction/whole_names.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import whole_names

from .support import token_in


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(("text", "word", "reading"), [
    ("Bashar al-ssad fled to Moscow.", "ssad", "Assad"),
    ("The Centers for Disease Control and revention said so.", "revention", "Prevention"),
    ("It opened at Huis ten Boschb palace.", "Boschb", "Bosch"),
    ("He met Sergey V. Lavro in Moscow.", "Lavro", "Lavrov"),
    ("The os Angeles Times reported it.", "os", "Los"),
    # a possessive's 's after the name
    ("Sergey V. Lavro's aide spoke.", "Lavro", "Lavrov"),
])
def test_the_rest_of_a_long_name_says_what_the_broken_word_is(speller, text, word, reading):
    assert list(whole_names.readings(text, token_in(text, word), speller.lexicon.long_names)) == [reading]


@pytest.mark.parametrize(("text", "word"), [
    ("The Disease Control and revention said so.", "revention"),  # 'Centers for' missing
    ("The Centers for Disease Control\n\nand revention", "revention"),  # a paragraph apart
    ("Serget V. Lavrovich spoke.", "Serget"),  # the name ends inside a word
    ("XBashar al-ssad fled.", "ssad"),  # the name starts inside a word
    ("the centers for disease control and revention", "revention"),  # not as written
])
def test_no_reading_unless_the_rest_stands_as_the_gazetteer_writes_it(speller, text, word):
    assert whole_names.readings(text, token_in(text, word), speller.lexicon.long_names) == {}


@pytest.mark.parametrize(("text", "fixed"), [
    ("Bashar al-ssad fled to Moscow.", "Bashar al-Assad fled to Moscow."),
    # a lowercase fix of the single word takes the name's capital
    ("The Centers for Disease Control and revention said the virus had spread.",
     "The Centers for Disease Control and Prevention said the virus had spread."),
    ("It opened at Huis ten Boschb palace.", "It opened at Huis ten Bosch palace."),
])
def test_the_engine_reads_the_names_word(engine, text, fixed):
    assert engine.normalize(text).text == fixed


@pytest.mark.parametrize("text", [
    "Sergei V. Lavrov spoke.",  # a person's name of the gazetteer: the same man spelt so
    "Kim Yong-hyon, the minister, spoke.",  # only a vowel apart: a spelling of its own
    "Delta Air Lines cancelled flights.",  # the name as the gazetteer writes it
])
def test_a_name_spelt_its_own_way_stays(engine, text):
    assert engine.normalize(text).text == text


@pytest.mark.parametrize(("token", "place", "read"), [
    # a common word as written: only where the model expects the name's word far more
    ("Sir", ("Delta ", "Air", " Lines"), True),
    ("Store", ("North Bay ", "Shore", ""), False),
    # a spelling of its own: a vowel apart, or wordfreq has seen it
    ("hyon", ("Kim Yong-", "hyun", ""), False),
    ("Lavro", ("Sergey V. ", "Lavrov", ""), True),
    # lowercase where the name has a capital: the capital went with a letter
    ("ssad", ("Bashar al-", "Assad", ""), True),
    ("Bosch", ("Huis ten ", "Bosch", ""), False),  # the word itself
])
def test_what_a_token_may_be_read_as(speller, token, place, read):
    assert whole_names._may_read(speller, token, place) is read


def test_no_suggestions_only_fixes(speller):
    text = "Bashar al-ssad fled."
    assert whole_names.propose(text, {"ssad": 1}, speller, {}, 0.95) == []
    assert [e.replacement for e in whole_names.propose(text, {"ssad": 1}, speller, {}, 0.5)] == [
        "Assad"]
