"""Capitalized typos of common words, judged by their sentence (correction/capitals.py)."""

from __future__ import annotations

from collections import Counter

from normalizer.correction import capitals
from normalizer.correction.document import Document
from normalizer.tokens import Token, word_types


def _token(text: str, word: str) -> Token:
    start = text.index(word)
    return Token(start, start + len(word), word, word)


def test_a_typo_its_sentence_expects_is_read_as_the_word(speller):
    text = "The Gradn Prix went to the film about two nurses."
    word, share, lift = capitals.judge(speller, text, _token(text, "Gradn"))
    assert word == "grand" and share > 0.99 and lift > 2 * capitals.NAME_LIFT


def test_a_name_its_sentence_does_not_expect_stays_a_name(speller):
    text = "The winners were Fisher, Henry Siggs, Edward James and Thomas King."
    word, share, _ = capitals.judge(speller, text, _token(text, "Siggs"))
    assert word in ("signs", "sighs") and share < 0.5


def test_a_surname_is_no_candidate(speller):
    text = "The passengers were John Millar, George Gardnor, James Harris and Thomas King."
    assert capitals.judge(speller, text, _token(text, "Gardnor")) is None  # not 'gardner'


def test_only_unseen_unrepeated_capitalized_tokens_of_four_letters_are_judged(speller, lexicon):
    text = "Coveny met Coveny, Gradn, Red, Paris and HOETL in the Shye case."
    types = word_types(text)
    doc = Document(types, lexicon.common)
    assert capitals.surfaces(speller, types, lexicon.names, doc) == {"Gradn", "HOETL", "Shye"}


def test_no_judgement_after_a_title_or_an_initial(speller):
    text = "He was heard. Mr. Shye worked for a decade in a cramped lab, and so did H. Shye."
    wanted = {"Shye"}
    assert capitals.propose(text, wanted, speller, {}, 0.8) == []
    opening = "He was heard. Shye worked for a decade in a cramped lab."
    assert [e.replacement for e in capitals.propose(opening, wanted, speller, {}, 0.8)] == ["She"]


def test_a_confident_decision_is_left_alone(speller):
    text = "The Gradn Prix went to the film."
    start = text.index("Gradn")
    edits = capitals.propose(text, {"Gradn"}, speller, {}, 0.8)
    assert [(e.original, e.replacement, e.rule) for e in edits] == [
        ("Gradn", "Grand", "spelling.capitalized")]
    assert capitals.propose(text, {"Gradn"}, speller, {start: edits[0]}, 0.8) == []
    assert Counter(word_types(text))["Gradn"] == 1


def test_an_all_capital_token_is_read_as_its_only_common_word_one_slip_away(speller):
    assert capitals.judge_only_word(speller, _token("THE MYSATERY", "MYSATERY")) == "mystery"
    assert capitals.judge_only_word(speller, _token("A CVASE", "CVASE")) is None  # too short
    assert capitals.judge_only_word(speller, _token("Mystey", "Mystey")) is None  # not capitals


def test_a_long_title_case_token_is_read_as_its_only_common_word_one_slip_away(speller):
    assert capitals.judge_only_word(speller, _token("on Saturdeay", "Saturdeay")) == "saturday"
    assert capitals.judge_only_word(speller, _token("Norwegain", "Norwegain")) == "norwegian"
    # Seven letters: surnames one slip from a word are too many ('Milston', 'Burlton').
    assert capitals.judge_only_word(speller, _token("Alan Milston", "Milston")) is None
    # A word cut short is one the OCR broke, its rest in the next token.
    assert capitals.judge_only_word(speller, _token("Correspon r dent", "Correspon")) is None
    for name in ("Gerasimov", "Dunningham", "Wojtaszek"):
        assert capitals.judge_only_word(speller, _token(name, name)) is None


def test_a_title_case_token_of_five_letters_is_read_as_a_word_it_transposes(speller):
    assert capitals.judge_only_word(speller, _token("for Marhc.", "Marhc")) == "march"
    assert capitals.judge_only_word(speller, _token("the Htoel", "Htoel")) == "hotel"
    assert capitals.judge_only_word(speller, _token("Squafe", "Squafe")) is None  # no swap
    assert capitals.judge_only_word(speller, _token("Biegun", "Biegun")) is None
    assert capitals.transposed("marhc", "march") and not capitals.transposed("march", "march")
    assert not capitals.transposed("mcrah", "march")  # two letters apart


def test_long_capitalized_typos_are_fixed_and_rare_names_stay(speller):
    text = ("India won the World Cup on Saturdeay. Valery Gerasimov and Stephen Biegun met "
            "Zbigniew Dunningham and Alan Milston in the Norwegain capital.")
    edits = capitals.propose(text, {"Saturdeay", "Gerasimov", "Biegun", "Dunningham",
                                    "Milston", "Norwegain"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [
        ("Saturdeay", "Saturday"), ("Norwegain", "Norwegian")]
