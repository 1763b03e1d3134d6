"""Where a person's name stands, a token is a surname, and so must its reading be
(correction/surnames.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.surnames import may_be_surname, stands_as_surname


@pytest.mark.parametrize(("key", "surname"), [
    ("lavrov", True),  # a person of the gazetteer
    ("fisher", True), ("wall", True), ("henderson", True),  # frequent census surnames
    ("morrice", True),  # a name no word list holds
    ("evelyn", True),  # a given name: a middle name stands there too
    ("chifley", True),  # a common word of symspellpy's list rarer than Zipf 3: a name
    ("train", False),  # a common word few people are named
    ("kano", False), ("bondi", False),  # places
    ("times", False),  # an organization
])
def test_a_reading_may_be_a_surname(lexicon, key, surname):
    assert may_be_surname(lexicon, {}, key) is surname


@pytest.mark.parametrize(("text", "token", "expected"), [
    ("Philippe Troin said so.", "Troin", True),  # a gazetteer person's first name
    ("Hubert Kario said so.", "Kario", False),  # 'Hubert' is a town of the gazetteer too
    ("Yesterday Lonnie Heers said so.", "Heers", True),  # a census given name
    ("Mrs. Hcnderson came.", "Hcnderson", True),  # after a title
    ("The Paris Olympies began.", "Olympies", False),  # a place, no given name
    ("In Asbeville, water rose.", "Asbeville", False),
])
def test_a_token_stands_as_a_surname_after_a_given_name_or_a_title(lexicon, text, token,
                                                                   expected):
    assert stands_as_surname(lexicon, text, text.index(token)) is expected


@pytest.mark.parametrize("text", [
    "Philippe Troin, a lawyer in Paris, said the ruling was wrong.",  # no 'Train'
    "Jerome Fimes wrote the decoder.",  # no 'Times'
    "Jay Bonci, a developer, maintained the package.",  # no 'Bondi'
])
def test_a_rare_surname_is_not_read_as_a_word_or_a_place(text):
    assert Normalizer().normalize(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Foreign Minister Sergey Lavroy met Mike Pompea.",
     "Foreign Minister Sergey Lavrov met Mike Pompeo."),
    ("Mr. James Fishcr and Mrs. Hcnderson came.", "Mr. James Fisher and Mrs. Henderson came."),
    ("They marched along Kenyatta Avenuc.", "They marched along Kenyatta Avenue."),
    ("Gloria Mi1dred Hill and Joan Eevlyn Storey came.",
     "Gloria Mildred Hill and Joan Evelyn Storey came."),  # a digit is damage; middle names
])
def test_a_damaged_surname_is_still_read_as_a_surname(text, expected):
    assert Normalizer().normalize(text).text == expected
