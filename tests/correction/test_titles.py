"""A person's title before the name, read back (correction/titles.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import titles


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(("token", "title"), [
    ("Goy", "Gov"),  # y for v
    ("Scn", "Sen"), ("Rcp", "Rep"), ("Gcn", "Gen"), ("Prcs", "Pres"),  # c for e
    ("Sne", "Sen"),  # two letters swapped
])
def test_a_token_one_confusion_from_one_title_reads_as_it(speller, token, title):
    assert titles.reading(speller, token) == title


@pytest.mark.parametrize("token", [
    "Sen", "Mrs",  # titles already
    "Mo", "La", "Fla", "Mar",  # abbreviations wordfreq knows well
    "Spl", "Dyr",  # a keyboard slip or a dropped letter: as often another abbreviation
    "Mi",  # one glyph from 'Mr' and a slip from 'Ms': no single reading
])
def test_titles_known_words_and_doubtful_tokens_are_not_read(speller, token):
    assert titles.reading(speller, token) is None


def test_a_title_before_a_name_is_fixed_with_exact_offsets(engine):
    text = 'Officials warned of a surge, and Goy. Ron DeSantis urged residents to leave.'
    result = engine.normalize(text)
    (edit,) = result.edits
    assert (edit.original, edit.replacement, edit.rule) == ("Goy", "Gov", "spelling.title")
    assert text[edit.start : edit.end] == "Goy" and result.text == text.replace("Goy", "Gov")


@pytest.mark.parametrize("text", [
    "In Kansas City, Mo. Officials said the river rose.",  # a state before a sentence
    "Ptes. John Smith and Ptes. Harry Jones enlisted.",  # the roll's own abbreviation
    "He called it a goy. Ron said nothing.",  # lowercase: a word ending its sentence
    "Later, Goy. said nothing.",  # no name after it
])
def test_no_title_is_read_without_a_name_after_it_or_where_the_text_repeats_the_token(
        engine, text):
    assert engine.normalize(text).text == text


@pytest.mark.parametrize(("text", "token", "expected"), [
    ("Mr Pompeo said so.", "Mr", True),
    ("Dr. Fauci agreed.", "Dr", True),
    ("Ms  Ardern spoke.", "Ms", True),
    ("Mr father said so.", "Mr", False),  # no name after it: perhaps a slip of 'My'
    ("Mr.\nPompeo said so.", "Mr", False),  # the name is on the next line
    ("Or Pompeo said so.", "Or", False),  # no title
])
def test_a_title_before_a_capitalized_word_is_told(text, token, expected):
    start = text.index(token)
    assert titles.titles_a_name(text, start, start + len(token)) is expected


def test_the_second_opinion_reads_no_sentence_for_a_title_before_a_name(monkeypatch):
    from normalizer.correction import second_opinion

    asked: list[set[int]] = []
    real = second_opinion.sentence.propose

    def recording(text, targets, *args, **kwargs):
        asked.append(set(targets))
        return real(text, targets, *args, **kwargs)

    monkeypatch.setattr(second_opinion.sentence, "propose", recording)
    text = "He spoke first. Mr Pompeo said so. Dr. Fauci agreed."
    assert Normalizer().normalize(text).text == text
    titled = {text.index("Mr"), text.index("Dr")}
    assert asked and not any(targets & titled for targets in asked)
