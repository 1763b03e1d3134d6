"""Tokens whose letter case no word has, read as the word they slipped from, end to end."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.case_slips import initial_l_reading
from normalizer.model import apply_edits

DEFAULT = Normalizer()
ARCHIVE = Normalizer(profile="archive")


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_a_capital_b_inside_a_lowercase_word_is_read_as_s(engine):
    # OCR's B for s is a glyph reading, like its I for l ('HoteI'): both profiles.
    text = "He waB also fined for thiB offence."
    result = engine.normalize(text)
    assert result.text == "He was also fined for this offence."
    assert apply_edits(text, result.applied) == result.text
    assert engine.normalize(result.text).text == result.text


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
@pytest.mark.parametrize("text", [
    "They sold it on eBay and AirBnB.",
    "Gerasimov and Biegun met the McBride family.",
])
def test_brands_and_names_with_inner_capitals_stay(engine, text):
    assert engine.normalize(text).text == text


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_a_capital_i_read_as_l_settles_the_word(engine):
    # 'haIted' is 'halted'; 'hailed' (a second confusion, t for l) no longer shares the odds.
    text = "They froze public works and haIted transfers to provinces."
    edits = engine.normalize(text).applied
    assert [(e.original, e.replacement) for e in edits] == [("haIted", "halted")]
    assert edits[0].confidence >= 0.95


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_a_misread_lowercase_word_is_no_name_its_letters_fold_to(engine):
    # 'alI' folds to the name Ali, but no name is written so: OCR's 'all'.
    text = "Interest in alI public matters is low. Ali Khan agreed."
    assert engine.normalize(text).text == "Interest in all public matters is low. Ali Khan agreed."


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_a_leading_capital_i_read_as_l_makes_the_word(engine):
    # No word is written 'Iow' or 'Iast': OCR's I for l, lowercase mid-sentence and a capital
    # where the sentence opens.
    text = "Margins dipped into the Iow 70s. Iast year they had to accept Iess money."
    assert engine.normalize(text).text == (
        "Margins dipped into the low 70s. Last year they had to accept less money.")
    # 'ied' is seen often (the acronym IED, written in capitals), 'led' far more.
    text = "The general who had Ied the army since 2011 was replaced."
    assert engine.normalize(text).text == text.replace("Ied", "led")


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_a_capital_i_after_a_first_capital_is_read_as_l(engine):
    # No name is written 'EIeni': OCR's l, read back to a name wordfreq knows (Eleni, Zipf
    # 2.24) though no word list or gazetteer holds it; 'McIntyre' is no 'Mclntyre', which the
    # web's OCR wrote often enough for wordfreq to count.
    text = "Dr. EIeni Papadopoulou met IIya Petrov and Kenneth McIntyre."
    assert engine.normalize(text).text == (
        "Dr. Eleni Papadopoulou met Ilya Petrov and Kenneth McIntyre.")


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_words_and_names_with_a_leading_capital_i_stay(engine):
    text = "In Iran, Ivy and Ian met Ida at the Ion Storm office; Its staff agreed."
    assert engine.normalize(text).text == text
    # Names no list holds that wordfreq has seen often (Zipf 2.5 or more): not 'Lain', 'lnga'.
    text = "Iain Lane, Ivo Smits and Inga Berg wrote the patch."
    assert engine.normalize(text).text == text


@pytest.mark.parametrize("engine", [DEFAULT, ARCHIVE])
def test_a_leading_l_where_only_a_capital_i_can_stand_is_the_i(engine):
    # No English word writes r or n after its first l: 'lran' and 'lndia' are OCR's I, though
    # the web's OCR made them often enough for wordfreq to count (Zipf 1.24 and 1.79).
    text = "Abbas Araghchi, lran's foreign minister, met Rahul Dravid, lndia's coach."
    assert engine.normalize(text).text == (
        "Abbas Araghchi, Iran's foreign minister, met Rahul Dravid, India's coach.")


@pytest.mark.parametrize(("token", "reading"), [
    ("lran", "iran"),
    ("lndia", "india"),
    ("lsland", "island"),
    ("ltaly", None),  # t follows a first l ('ltd'): the rule does not read it
    ("lfs", None),  # three letters: an abbreviation or a command as often ('git lfs')
    ("lloyd", None),
    ("lrxq", None),  # no word or name with an I
])
def test_initial_l_reading(lexicon, token, reading):
    assert initial_l_reading(lexicon, token) == reading
