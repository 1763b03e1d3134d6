"""A lowercase real word opening a sentence read with its first letter restored."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import openers


def test_the_words_a_lost_first_letter_leaves_are_frequent_ones(speller):
    assert {"the", "she"} <= set(openers.restored(speller, "he"))
    assert "his" in openers.restored(speller, "is")
    assert {"that", "what"} <= set(openers.restored(speller, "hat"))
    assert openers.restored(speller, "zebra") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Crews were still fighting it, according to Cal Fire. he Eaton fire, north of Pasadena,"
     " grew overnight.",
     "Crews were still fighting it, according to Cal Fire. The Eaton fire, north of Pasadena,"
     " grew overnight."),
    ("His family has said he was kidnapped. is arrest set off a war between the clans.",
     "His family has said he was kidnapped. His arrest set off a war between the clans."),
    ('The count ran until well past midnight. "he result came three months after the vote.',
     'The count ran until well past midnight. "The result came three months after the vote.'),
])
def test_a_lowercase_opening_that_lost_its_first_letter_gets_it_back(text, expected):
    result = Normalizer().normalize(text)
    assert result.text == expected
    (edit,) = result.edits
    assert edit.rule == "spelling.opening"
    assert text[:edit.start] + edit.replacement + text[edit.end:] == expected
    assert "opens a sentence in lowercase" in edit.reason


@pytest.mark.parametrize("text", [
    "The bus left at 3 p.m. he said the storm had passed.",  # after an abbreviation
    "The fire began at about 10:30 a.m. in the hills above the city.",
    "He left early. she said nothing about it.",  # its own capital lost: no better reading
    "The deal is off. he said so himself.",
    "Prices rose 5 percent. and then they fell.",
    "He was fined 10s. and 4s. costs.",  # old money, not a sentence end
])
def test_a_lowercase_opening_the_sentence_expects_as_written_stays(text):
    assert Normalizer().normalize(text).text == text


def test_a_token_another_pass_decided_is_left_to_it(speller):
    text = "Its systems were hacked. he result came late."
    start = text.index("he result")
    assert openers.propose(text, speller, {}, 0.8)[0].start == start
    decided = {start: openers.propose(text, speller, {}, 0.8)[0]}
    assert openers.propose(text, speller, decided, 0.8) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks ended. ccording to officials, the ceasefire held.",
     "The talks ended. According to officials, the ceasefire held."),
    ("The talks ended. fter the vote, officials left.",
     "The talks ended. After the vote, officials left."),
    ("ccording to officials, it held.", "According to officials, it held."),
    # inside a sentence the word stays lowercase; a first letter mistyped keeps the writer's case
    ("It was late; ccording to him it held.", "It was late; according to him it held."),
    ("The talks ended. rhe vote was close.", "The talks ended. the vote was close."),
])
def test_a_first_letter_restored_at_a_sentence_opening_brings_its_capital(text, expected):
    assert Normalizer().normalize(text).text == expected


def test_no_opening_after_a_lone_letters_period():
    # 'a.m.', 'U.S.' and an initial end no sentence: the lowercase word after goes on it
    assert [m.group(1) for m in openers.LOWERCASE_OPENING.finditer(
        "At 10 a.m. in the hills; the U.S. officials; J. he said. It ended. is arrest")] == ["is"]


@pytest.mark.parametrize("text", [
    "It ended. is arrest came. he said.\n\nhe left.  “the vote” was.) the end",
    "At 10 a.m. in the hills; J. he said. Ended.’ ‘and so. éclair came.\tüber alles",
    "Why? he asked! the crowd. So it goes", "", ".", "no sentence end at all",
])
def test_lowercase_openings_are_the_matches_of_a_scan(text):
    """Scanned after periods only in a text without '!' or '?', as a scan of all three finds
    them."""
    def spans(matches):
        return [(m.span(), m.span(1)) for m in matches]
    assert spans(openers.lowercase_openings(text)) == spans(
        openers.LOWERCASE_OPENING.finditer(text))
