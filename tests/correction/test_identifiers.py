"""Identifiers by their form in the text: numbered series and commands
(correction/identifiers.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import identifiers

RGB = "ivory1 238 238 224\nivory2 205 205 193\ntan1 238 154 73\ntan2 205 133 63\n"


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


def test_a_word_written_with_two_numbers_is_a_numbered_series():
    assert identifiers.numbered_series(RGB) == {"ivory", "tan"}
    assert identifiers.numbered_series("grey0 and grey100, but these1 once") == {"grey"}
    assert identifiers.numbered_series("x1 x2 v1.2 v1.3") == set()  # one letter; versions


def test_a_numbered_series_keeps_its_names(engine):
    result = engine.normalize(RGB)
    assert result.text == RGB, result.edits


def test_a_stray_digit_of_ocr_is_still_dropped(engine):
    assert engine.normalize("All these1 people voted.").text == "All these people voted."


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("the :windo command", 5, True),
    (":enew", 1, True),
    ("*:tabl* goes last", 2, True),
    ("Note:teh cat", 5, False),  # a colon inside a word: a missing space
    ("We went there: teh end", 15, False),  # prose puts a space after a colon
    ("Run :Briton", 5, False),  # capitalized
])
def test_a_lowercase_word_glued_to_an_opening_colon_is_a_command(text, start, expected):
    assert identifiers.is_command(text, start) is expected


def test_commands_keep_their_names_and_prose_its_fixes(engine):
    text = "There is also the :windo command, and :enew opens teh buffer."
    assert engine.normalize(text).text == (
        "There is also the :windo command, and :enew opens the buffer.")
