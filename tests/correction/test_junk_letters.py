"""Junk characters read as the letters the OCR printed them for (the archive profile)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import junk_letters
from normalizer.model import apply_edits

DEFAULT = Normalizer()
ARCHIVE = Normalizer(profile="archive")


def _fixed(engine: Normalizer, text: str) -> str:
    result = engine.normalize(text)
    assert apply_edits(text, result.applied) == result.text
    assert engine.normalize(result.text).text == result.text  # idempotent
    return result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # at a word's end, the start, and inside it
        ("The European miner» are generally contented.",
         "The European miners are generally contented."),
        ("The prisoner «as fined ten shillings.", "The prisoner was fined ten shillings."),
        ("When the «pring was opened the water rose.", "When the spring was opened the water rose."),
        ("The deed was sign»d by him.", "The deed was signed by him."),
        ("He went to see th» Mayor.", "He went to see the Mayor."),
    ],
)
def test_a_junk_character_is_read_as_the_letter_it_stands_for(text, expected):
    assert _fixed(ARCHIVE, text) == expected
    (edit,) = [e for e in ARCHIVE.normalize(text).applied if e.rule == "ocr.junk-letter"]
    assert edit.reason.startswith("a stray ")
    assert "trigram context model" in edit.reason


@pytest.mark.parametrize(
    "text",
    [
        "He crossed the bridge» and went home.",  # the junk is a speck: 'bridges' fits no better
        "Mr. Gerasimov« and Mr. Biegun» met.",  # names stay names
        "W» Smith and U» Jones.",  # a capital alone is an initial
        "They will isolate and clone« the gene.",
    ],
)
def test_a_speck_beside_a_word_is_left_alone(text):
    assert _fixed(ARCHIVE, text) == text


def test_the_default_profile_reads_no_junk_as_letters():
    text = "The prisoner «as fined ten shillings."
    assert all(e.rule != "ocr.junk-letter" for e in DEFAULT.normalize(text).edits)


def test_a_letter_lost_at_the_start_takes_the_case_of_the_rest():
    assert _fixed(ARCHIVE, "The man said »Ith some heat that he would go.") == (
        "The man said with some heat that he would go.")


def test_the_letters_come_from_the_learned_channel():
    table = junk_letters.letters_for_junk()
    assert table["«"][0][0] == "s"  # the commonest: a broken s
    assert all(letters.isalpha() and cost <= junk_letters.MAX_LETTER_COST
               for pairs in table.values() for letters, cost in pairs)
