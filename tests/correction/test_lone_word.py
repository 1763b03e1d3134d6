"""A text that is one word gets its best ranked candidate as a suggestion, never a fix."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import lone_word
from normalizer.lexicon import load_lexicon
from normalizer.pipeline import StageContext
from normalizer.profile import GazetteerEntry, Profile


def _ctx(**options) -> StageContext:
    return StageContext(Profile(**options), load_lexicon())


@pytest.mark.parametrize(("text", "word", "suggested"), [
    ("firends", "firends", "friends"),
    ("  gaurd\n", "gaurd", "guard"),
    ("Britian", "Britian", "Britain"),  # capitalized: the candidate keeps the capital
])
def test_a_rare_lone_word_gets_its_likeliest_correction_as_a_suggestion(text, word, suggested):
    result = Normalizer().normalize(text)
    assert result.text == text  # suggested, never applied
    (edit,) = result.edits
    assert (edit.original, edit.replacement, edit.rule) == (word, suggested, "spelling.lone-word")
    assert not edit.applied and text[edit.start : edit.end] == word
    assert 0.5 <= edit.confidence <= 1.0


def test_the_same_word_in_a_sentence_is_left_to_the_context_model():
    (edit,) = Normalizer().normalize("My firends came over.").edits
    assert edit.rule == "ocr.context" and edit.applied


@pytest.mark.parametrize("text", [
    "the",  # a common word
    "Gerasimov",  # a gazetteer name
    "friends came",  # two words: not a question about one
    "x1z",  # not letters alone
    "firends " * 40,  # too long to be one word
    "",
])
def test_no_suggestion_for_known_words_or_anything_but_one_word(text):
    assert lone_word.suggestion(text, _ctx()) is None


def test_the_allow_list_and_the_profile_gazetteer_are_respected():
    assert lone_word.suggestion("firends", _ctx(allow=frozenset({"firends"}))) is None
    named = _ctx(gazetteer=(GazetteerEntry("Firends", "org"),))
    assert lone_word.suggestion("Firends", named) is None


def test_a_word_wordfreq_knows_well_is_not_questioned():
    ctx = _ctx()
    assert ctx.lexicon.frequency("colour") >= lone_word.MAX_ZIPF
    assert lone_word.suggestion("colour", ctx) is None
