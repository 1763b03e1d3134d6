"""The case of a fix beside capitalized words (normalizer/correction/name_case.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.name_case import completes_name, in_name, name_capital


@pytest.mark.parametrize(("neighbours", "key", "expected"), [
    ((None, "Smith"), "james", True),  # a capitalized word after it: a first name
    (("New", None), "york", True),  # the gazetteer's New York
    (("Dodgers", None), "won", False),  # 'Dodgers Won' is no name
    ((None, None), "russia", False),
    ((None, "Lachlan"), "said", False),  # a function word before a name: no name itself
])
def test_in_name(lexicon, neighbours, key, expected):
    assert in_name(neighbours, key, lexicon) is expected


@pytest.mark.parametrize(("template", "replacement", "neighbours", "expected"), [
    ("outh", "south", (None, "Africa"), "South"),  # the gazetteer's South Africa
    ("xchange", "exchange", ("And", "Commission"), "Exchange"),  # Exchange Commission
    ("soutn", "south", (None, "Africa"), "south"),  # its own first letter, lowercase
    ("outh", "south", (None, "Monday"), "south"),  # 'south monday' is no gazetteer name
    ("outh", "south", (None, None), "south"),
    ("fhe", "the", (None, "Atlantic"), "the"),  # a function word: 'The Atlantic' is rarer
])
def test_name_capital(lexicon, template, replacement, neighbours, expected):
    assert name_capital(template, replacement, neighbours, lexicon) == expected


def test_completes_name(lexicon):
    assert completes_name((None, "Atlantic"), "the", lexicon)  # the magazine
    assert completes_name((None, "Africa"), "south", lexicon)
    assert completes_name(("New", None), "york", lexicon)
    assert not completes_name(("Dodgers", None), "won", lexicon)
    assert not completes_name((None, None), "south", lexicon)


@pytest.mark.parametrize(("text", "expected"), [
    ("Under the terms, Nippon Steel vvill invest about $11 billion in its plants.",
     "Under the terms, Nippon Steel will invest about $11 billion in its plants."),
    ("The Los Angeles Dodgers vvon the title on Wednesday night.",
     "The Los Angeles Dodgers won the title on Wednesday night."),
    ("India made 176 for 7 off 20 overs. outh Africa, chasing a first title, needed 30.",
     "India made 176 for 7 off 20 overs. South Africa, chasing a first title, needed 30."),
    ("He flew to New ork on Monday.", "He flew to New York on Monday."),
    ("He won his fourth gold medal of the Paris 0lympics on Friday night.",
     "He won his fourth gold medal of the Paris Olympics on Friday night."),
])
def test_fixes_in_sentences_take_the_case_their_names_give(text, expected):
    assert Normalizer().normalize(text).text == expected


def test_a_function_word_read_before_a_name_keeps_its_case():
    text = '"Deflation is the story," asid Lachlan Whitcombe-Zhou, an economist.'
    assert Normalizer().normalize(text).text == text.replace("asid", "said")
