"""A capital I the OCR printed for an i mid-sentence (the archive profile)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.model import apply_edits

DEFAULT = Normalizer()
ARCHIVE = Normalizer(profile="archive")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After a long debate the motion Is carried by them.",
         "After a long debate the motion is carried by them."),
        ("The prisoner was found In the house of his brother.",
         "The prisoner was found in the house of his brother."),
    ],
)
def test_a_capital_i_mid_sentence_is_lowercased(text, expected):
    result = ARCHIVE.normalize(text)
    assert result.text == expected
    assert apply_edits(text, result.applied) == result.text
    assert ARCHIVE.normalize(result.text).text == result.text
    (edit,) = result.applied
    assert edit.rule == "ocr.capital-i" and "trigram context model" in edit.reason
    assert DEFAULT.normalize(text).text == text  # the default profile leaves case alone


@pytest.mark.parametrize(
    "text",
    [
        "In the morning he left.",  # a sentence start
        "He Is staying in Sydney.",  # after a capitalized word
        "The School of Mining In the mountains of Peru.",
        "He paid the Income tax at once.",  # a rarer word: a writer's capital
        "He arrived at last In time the men came back.",  # a period the OCR lost
        "It was seen ahead It was the point.",  # 'It' opens sentences too often
    ],
)
def test_a_capital_that_may_open_a_sentence_stays(text):
    assert ARCHIVE.normalize(text).text == text
