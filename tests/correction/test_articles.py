"""'an' before a consonant, read as 'and' or 'a' by its sentence (correction/articles.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import articles


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(("text", "expected"), [
    ("The Centers for Disease Control an Prevention said so.",
     "The Centers for Disease Control and Prevention said so."),
    ("She shook his hand an smiled at the crowd.", "She shook his hand and smiled at the crowd."),
    ("He paid them an then left.", "He paid them and then left."),
    ("It was an new idea for the team.", "It was a new idea for the team."),
])
def test_an_before_a_consonant_reads_as_its_sentence_wants(engine, text, expected):
    result = engine.normalize(text)
    assert result.text == expected
    assert [e.rule for e in result.applied] == ["spelling.article"]


@pytest.mark.parametrize("text", [
    "He moved to Frankfurt an der Oder in 1990.",  # the model knows it
    "the active ingredient in Ozempic an Wegovy, reduced the risk",  # no context to go on
    "Clinics in Seminole an Lubbock are open.",  # 'on Lubbock' as likely as 'and Lubbock'
    "He filed an FBI report, took an X-ray, waited an hour and met an MP.",
    "They stayed at an hotel near the sea.",  # the old writers' choice
    "Walther von der Vogelweide wrote an sein Vaterland.",  # another language's word
    "Use an `npm` script.",
])
def test_no_reading_where_an_may_stand(engine, text):
    assert engine.normalize(text).text == text


def test_ocr_text_leaves_an_to_the_context_model(engine):
    # the archive reading (context model) never makes this pass's fixes
    text = "She shook his hand an smiled at the crowd."
    assert "spelling.article" not in {e.rule for e in
                                      Normalizer(profile="archive").normalize(text).edits}


def test_the_pattern_skips_vowel_sounds_and_letters_read_aloud():
    found = [m.group(1) for m in articles.AN_BEFORE_CONSONANT.finditer(
        "an apple an hour an his an FBI an F-16 an Xbox an Lubbock an leave")]
    assert found == ["his", "Lubbock", "leave"]


def test_a_masked_code_span_is_no_word_after_an(engine):
    text = ("A file is taken when its path relative to that directory matches an `include` "
            "glob and no `exclude` glob; a directory matching an `exclude` glob is not entered.")
    result = engine.normalize(text, format="markdown")
    assert result.text == text and not result.edits and not result.suggestions
