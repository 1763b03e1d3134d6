"""A very frequent word that lost its first letter, read back where its neighbours say so
(correction/lost_letter_words.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import lost_letter_words
from normalizer.tokens import word_types


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


def test_the_pairs_are_frequent_words_less_their_first_letter(speller):
    pairs = lost_letter_words.lost_pairs(speller)
    assert pairs["he"] == ("she", "the") and pairs["hey"] == ("they",)
    assert "ome" not in pairs  # 'some' less its 's' is no common word


@pytest.mark.parametrize(("text", "word"), [
    ("The vault was far above he previous record.", "the"),
    ("Many were living in container cities when hey voted in May.", "they"),
    # the list holds 'and hey', but the model prefers 'they' by more than `STRONG_MARGIN`
    ("Fighting broke out, and hey voted the plan down.", "they"),
    # any letter lost from a very frequent word, where the model says so strongly
    ("Since the intelligence on he bounties became public, officials met.", "the"),
    ("Dave Roberts became he first Dodgers manager since 1988.", "the"),
    ("The analysts at the Kiel Institute sad the decision had been widely expected.", "said"),
    # a rarer word that is a very frequent one with a letter typed in, at a larger margin
    ("Commanders of thew brigades defending the town said so.", "the"),
    # a spelling the web holds, as a very frequent word with a letter lost
    ("It was the first time in te history of the club.", "the"),
    # a name's part between two capitalized words, and a spelling that is a frequent word
    # with a letter lost or one more ('these' or 'the')
    ("Um Ahmad bu Shamala, 37, fled Beit Lahiya in the spring.", None),
    ("He called it a first step in thes historic process of change.", None),
    # a spelling OCR makes of another word: 'nt' is 'at' more often than 'not'
    ("The property extended to the water nt Rushcutter Bay, it was said.", None),
    # a frequent word as written, where the model's preference is weaker
    ("She said it was a sad day for the team.", None),
    ("He ate an apple a day in the hospital.", None),
    ("On the beach he sat and read his book.", None),
    # a short word needs a smaller margin than the slip's cost
    ("Mr. Trump rarely reads he written briefing and relies on oral briefings.", "the"),
    ("The kids were tired and he rolled his eyes.", None),
])
def test_a_word_no_neighbour_pairs_with_reads_as_the_fuller_word(speller, text, word):
    edits = lost_letter_words.propose(text, speller, {}, 0.8, word_types(text))
    assert [e.replacement for e in edits] == ([word] if word else [])


@pytest.mark.parametrize("text", [
    "He said that he would go, and he did.",  # 'that he', 'he would': pairs the list holds
    "Set is_valid to on in /etc/he/conf.",  # an identifier's or a path's letters
])
def test_a_word_its_neighbours_pair_with_stays(speller, text):
    assert lost_letter_words.propose(text, speller, {}, 0.8, word_types(text)) == []


def test_the_engine_reads_it_back_only_in_a_carelessly_typed_window(engine):
    typed = ("The vault was rated at 5.33 metres, far above he previous record set in 1941, "
             "{} told reporters {} {} jump.")
    careless = engine.normalize(typed.format("officals", "abuot", "teh"))
    assert "far above the previous record" in careless.text
    assert "spelling.lost-first-letter" in [e.rule for e in careless.applied]
    clean = typed.format("officials", "about", "the")
    assert engine.normalize(clean).text == clean


def test_any_letter_only_without_the_context_model_and_for_a_word_written_once(speller):
    text = "The analysts at the Kiel Institute sad the decision had been widely expected."
    assert [e.rule for e in lost_letter_words.propose(text, speller, {}, 0.8,
                                                       word_types(text))] == [
        "spelling.lost-letter"]
    # the archive profile's sentence reading judges real words through the OCR channel
    assert lost_letter_words.propose(text, speller, {}, 0.8, word_types(text),
                                     any_letter=False) == []
    # a word rarer than the fuller one, written twice, is no slip
    twice = text + " It was a sad day."
    assert lost_letter_words.propose(twice, speller, {}, 0.8, word_types(twice)) == []
