"""Misread and mistyped contractions: their shape, their rivals, and the sentence's reading."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.contractions import is_contraction_shaped, rivals


@pytest.mark.parametrize(("surface", "shaped"), [
    ("lt's", True), ("They'v", True), ("We'llo", True), ("l’m", True),
    ("O'Brien", False), ("D'Angelo", False), ("rock'n'roll", False), ("its", False),
])
def test_a_contraction_has_its_shape(surface, shaped):
    assert is_contraction_shaped(surface) is shaped


def test_rivals_are_the_frequent_contractions_one_slip_away(speller):
    assert rivals(speller, "lt's")[0][0] == "it's"
    assert {word for word, _ in rivals(speller, "They'v")} == {"they've", "they'd"}
    assert rivals(speller, "it's") == ()  # a contraction as written
    assert rivals(speller, "Trump's") == ()  # a name's possessive: no contraction near it
    assert rivals(speller, "wou'd") == ()  # 'would' elided, no slip of "you'd"


@pytest.mark.parametrize(("text", "expected"), [
    ('He declined to give figures. "lt\'s moving, but not fast enough," he said.',
     'He declined to give figures. "It\'s moving, but not fast enough," he said.'),
    ("The debt brake stays. “lt’s a big number,” he said.",
     "The debt brake stays. “It’s a big number,” he said."),  # the apostrophe as written
    ("It was the weirdest inning l've ever been part of, he said.",
     "It was the weirdest inning I've ever been part of, he said."),  # the pronoun's capital
    ('Businesses were mixed. "We\'llo survive, but there won\'t be a Christmas."',
     'Businesses were mixed. "We\'ll survive, but there won\'t be a Christmas."'),
    ('She said "if\'s a betrayal" of the voters.', 'She said "it\'s a betrayal" of the voters.'),
    # One glyph from "don't": no elided 'doubt'.
    ('He said, to applause, "We dou\'t mothball what they built."',
     'He said, to applause, "We don\'t mothball what they built."'),
])
def test_a_misread_contraction_reads_as_its_sentence_expects(text, expected):
    assert Normalizer().normalize(text).text == expected


@pytest.mark.parametrize("text", [
    "The hat's brim was wide and the cat's paw was white.",
    "Mr. Xi's visit and Li's remarks were noted.",
    "The motto was c'est la vie, and n'est pas, he said.",
    "Rock'n'roll, ma'am, y'all, ne'er and o'er the hills, it wou'd seem.",
])
def test_possessives_elisions_and_french_stay(text):
    result = Normalizer().normalize(text)
    assert result.text == text and not any(e.applied for e in result.edits)
