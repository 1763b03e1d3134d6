"""A text that is one word gets its best ranked candidate: a fix when everything says
misspelling, else a suggestion."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import lone_word
from normalizer.lexicon import LISTED_WORD_ZIPF, load_lexicon
from normalizer.pipeline import StageContext
from normalizer.profile import GazetteerEntry, Profile


def _ctx(**options) -> StageContext:
    return StageContext(Profile(**options), load_lexicon())


@pytest.mark.parametrize(("text", "word", "fixed"), [
    ("  gaurd\n", "gaurd", "guard"),  # wordfreq has seen it; no dictionary has
    # Seen often (Zipf 2.6) but the common-misspellings table's: the decision alone only
    # suggested it, below the threshold.
    ("millenium", "millenium", "millennium"),
    ("supercede", "supercede", "supersede"),
    # wordfreq's list lacks them: two slips are allowed.
    ("buiscits", "buiscits", "biscuits"),
    ("hvea", "hvea", "have"),
    # The decision's window suggested it below the threshold; asked alone, it is clear.
    ("alusion", "alusion", "allusion"),
    # The decision read a sentence of one word otherwise ('recent', 'present'); the ranked
    # corrections, priced by the spelling channel too, know better.
    ("receit", "receit", "receipt"),
    ("plesent", "plesent", "pleasant"),
])
def test_an_unlisted_lowercase_word_one_slip_from_its_correction_is_fixed(text, word, fixed):
    result = Normalizer().normalize(text)
    (edit,) = result.edits
    assert (edit.original, edit.replacement, edit.rule) == (word, fixed, "spelling.lone-word")
    assert edit.applied and result.text == text.replace(word, fixed)
    assert text[edit.start : edit.end] == word
    assert Normalizer().normalize(result.text).edits == ()  # idempotent


@pytest.mark.parametrize(("text", "suggested"), [
    ("Britan", "Britain"),  # capitalized and unlisted: alone, it may be a name
    ("whitespace", "whitecaps"),  # more than one slip away
    ("json", "jason"),  # one slip, but the web writes it often (Zipf 2.75): a term of its own
    ("Millenium", "Millennium"),  # listed, but capitalized: a name's spelling, maybe
    ("Realy", "Really"),  # an ambiguous entry, but capitalized
    # The table's first (preceding) ranks first among its corrections, but with 0.55 of
    # their posterior against proceeding: below the threshold.
    ("preceeding", "preceding"),
])
def test_otherwise_the_likeliest_correction_is_only_suggested(text, suggested):
    result = Normalizer().normalize(text)
    (edit,) = result.edits
    assert result.text == text and not edit.applied
    assert (edit.replacement, edit.rule) == (suggested, "spelling.lone-word")
    assert 0.5 <= edit.confidence <= 1.0


def test_the_same_word_in_a_sentence_is_left_to_the_context_model():
    (edit,) = Normalizer().normalize("My firends came over.").edits
    assert edit.rule == "ocr.context" and edit.applied


@pytest.mark.parametrize("text", [
    "the",  # a common word
    "resile",  # a rare word a spell checker's dictionary lists
    "Gerasimov",  # a gazetteer name
    "friends came",  # two words: not a question about one
    "x1z",  # not letters alone
    "firends " * 40,  # too long to be one word
    "",
])
def test_no_suggestion_for_known_words_or_anything_but_one_word(text):
    assert lone_word.answer(text, _ctx()) is None


def test_the_allow_list_and_the_profile_gazetteer_are_respected():
    assert lone_word.answer("firends", _ctx(allow=frozenset({"firends"}))) is None
    named = _ctx(gazetteer=(GazetteerEntry("Firends", "org"),))
    assert lone_word.answer("Firends", named) is None


def test_a_word_wordfreq_knows_well_is_not_questioned():
    ctx = _ctx()
    assert ctx.lexicon.frequency("colour") >= lone_word.MAX_ZIPF
    assert lone_word.answer("colour", ctx) is None


def test_a_listed_rare_word_is_read_as_seen_in_running_text_too():
    lexicon = load_lexicon()
    assert lexicon.frequency("advisably") == LISTED_WORD_ZIPF  # wordfreq lacks it
    text = "The company acted advisably and the researchers had to rescore the test."
    assert Normalizer().normalize(text).text == text


def test_an_ambiguous_entrys_confidence_is_its_share_among_the_tables_corrections():
    ctx = _ctx()
    corrections = lone_word._ambiguous_misspellings()["realy"]
    assert corrections == ("really", "relay")
    edit = lone_word.answer("realy", ctx)
    assert edit is not None and edit.applied and edit.replacement == "really"
    assert "the common-misspellings table gives it" in edit.reason
    assert edit.confidence >= ctx.profile.threshold


def test_the_two_slips_rule_is_for_strings_wordfreqs_list_lacks():
    ctx = _ctx()
    # 'whitespace' (Zipf 2.17) is two slips from "whitecaps": seen, so only suggested.
    assert ctx.lexicon.frequency("whitespace") > 0
    assert not lone_word.answer("whitespace", ctx).applied
    edit = lone_word.answer("buiscits", ctx)
    assert ctx.lexicon.frequency("buiscits") == 0
    assert edit.applied and "2 slips away" in edit.reason


@pytest.mark.parametrize(("text", "fixed"), [("Britian", "Britain"), ("febuary", "February")])
def test_a_capitalized_words_listed_misspelling_is_fixed_alone(text, fixed):
    # The table lists it as a slip of a word English capitalizes: no name is spelt so.
    assert Normalizer().normalize(text).text == fixed
