"""Words broken at a line end are judged as one word, and the layout stays."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.tokens import joined_across_line


@pytest.mark.parametrize(
    ("text", "word", "joined"),
    [
        ("It was con-\ndemned.", "demned", ("condemned", True)),
        ("It was con-\ndemned.", "con", ("condemned", True)),
        ("his repre\nsentative spoke", "sentative", ("representative", False)),
        ("his repre\nsentative spoke", "repre", ("representative", False)),
        ("one line only", "line", None),
        # junk at the line end or opening the next line is passed over
        ("to allow ac«\ncused to avoid", "cused", ("accused", False)),
        ("in con\n? trast with", "trast", ("contrast", False)),
        ("in con\n? trast with", "con", ("contrast", False)),
    ],
)
def test_the_other_half_across_a_line_break(text, word, joined):
    start = text.index(word)
    assert joined_across_line(text, start, start + len(word)) == joined


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    "text",
    [
        "The prisoner was con-\ndemned to death by the court.",
        "The ad-\nmiration of the people was great.",
        "Their repre\nsentative spoke at length.",  # the OCR lost the hyphen
        "He was con\ndemned by the court.",
        "The court refused to allow ac«\ncused to go free.",  # junk for the hyphen
        "It stands in con\n? trast with the old policy.",
    ],
)
def test_second_halves_are_not_corrected_as_words(profile, text):
    engine = Normalizer(profile=profile)
    assert engine.normalize(text).text == text
