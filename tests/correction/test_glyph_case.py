"""A leading digit read as a letter, or a lost first letter given back, takes a capital only
where the text wants one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from normalizer import Normalizer
from normalizer.correction.glyph_case import with_glyph_case, written_capitalized
from normalizer.model import Edit
from normalizer.tokens import word_types


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


LEADING_DIGITS = [
    # lowercase where the sentence goes on
    ("He spoke 5ternly to the reporters.", "He spoke sternly to the reporters."),
    ("The ministry rejected the 5tatements of the opposition.",
     "The ministry rejected the statements of the opposition."),
    ("The report, which 0fficials released on Monday, was short.",
     "The report, which officials released on Monday, was short."),
    ("Gov. Brian Kemp 5urveyed the damage.", "Gov. Brian Kemp surveyed the damage."),
    ("It was 0nly a test.", "It was only a test."),
    # a capital where one belongs
    ("5tatements were made on Monday.", "Statements were made on Monday."),
    ("The 5tate Department said so.", "The State Department said so."),
    ("Forecasters at the National Weather 5ervice warned of floods.",
     "Forecasters at the National Weather Service warned of floods."),
    ("They met Mr. 8urke on Monday.", "They met Mr. Burke on Monday."),
    ("The team flew to 8razil on Monday.", "The team flew to Brazil on Monday."),
    ("The vote is on 5unday.", "The vote is on Sunday."),
    # a damaged capitalized word before it still stands in a name's run
    ("GOMA, Congo — The World Hea1th 0rganization declared an emergency.",
     "GOMA, Congo — The World Health Organization declared an emergency."),
    ("It was one of the largest IT 0utages in history.",
     "It was one of the largest IT outages in history."),
    ("The Joint Chiefs of Staff met. The chairman of the Joint Chiefs of 5taff spoke.",
     "The Joint Chiefs of Staff met. The chairman of the Joint Chiefs of Staff spoke."),
    # a 1 shows no case: the place says it, not the gazetteer's surname 'Low'
    ("Margins would dip into the 1ow 70s this year.",
     "Margins would dip into the low 70s this year."),
    ("Mr. 1ee said so.", "Mr. Lee said so."),  # a person's name after a title
]
LOST_LETTERS_AND_I_GLYPHS = [
    # a capital where one belongs
    ("New factories abroad, in Hungary, Turkey, hailand and Indonesia.",
     "New factories abroad, in Hungary, Turkey, Thailand and Indonesia."),
    ("Rain fell on parts of western North arolina overnight.",
     "Rain fell on parts of western North Carolina overnight."),
    ("Climate scientists at the orld Weather Attribution group said so.",
     "Climate scientists at the World Weather Attribution group said so."),
    ("The ruling was narrow. lts full text is online.",
     "The ruling was narrow. Its full text is online."),  # an l read as a capital I
    # the sentence's own word
    ("The ruling was narrow in lts focus.", "The ruling was narrow in its focus."),
    ("He had raised the issue with isiting Qatari officials.",
     "He had raised the issue with visiting Qatari officials."),  # before a demonym
    ("The diplomat came rom Russia on Monday.", "The diplomat came from Russia on Monday."),
    ("Rebeca Andrade of Brazil took ilver and Sunisa Lee bronze.",
     "Rebeca Andrade of Brazil took silver and Sunisa Lee bronze."),
]


@pytest.mark.parametrize(("text", "expected"), LEADING_DIGITS + LOST_LETTERS_AND_I_GLYPHS)
def test_a_first_letter_the_token_does_not_show_takes_the_case_its_place_wants(
        engine, text, expected):
    result = engine.normalize(text)
    assert result.text == expected
    assert not engine.normalize(result.text).edits


def test_an_edit_without_a_digit_is_left_as_it_is(lexicon):
    edit = Edit(start=9, end=15, original="Stste", replacement="State", kind="spelling",
                rule="spelling.lexicon", confidence=0.9, reason="")
    text = "He saw a Stste of it."
    assert with_glyph_case(text, edit, lexicon, word_types(text)) is edit


@pytest.mark.parametrize(("text", "written"), [
    ("The Joint Chiefs of Staff met.", True),
    ("A Staffer met the staff.", False),  # lowercase somewhere: no capital of its own
    ("A Staffer met them.", False),  # only inside a longer word
])
def test_written_capitalized_counts_whole_words_only(text, written):
    assert written_capitalized(word_types(text), "Staff", "staff") is written


def test_a_month_abbreviation_keeps_its_capital(lexicon):
    text = "A memorial is planned for 0ct. 14 at the cathedral."
    start = text.index("0ct")
    edit = Edit(start=start, end=start + 3, original="0ct", replacement="Oct", kind="ocr",
                rule="ocr.lexicon", confidence=0.9, reason="")
    assert with_glyph_case(text, edit, lexicon, word_types(text)) is edit
    lowered = with_glyph_case(text.replace("0ct. 14", "0ctopus"), replace(
        edit, end=start + 7, original="0ctopus", replacement="Octopus"), lexicon, {})
    assert lowered.replacement == "octopus"


@pytest.mark.parametrize(("text", "word", "read", "expected"), [
    # a very frequent word takes a capital only as a gazetteer name's first word
    ("Floods hit ew South Wales on Monday.", "ew", "new", "New"),
    ("Its forces had killed wo Hamas commanders in Jabaliya.", "wo", "two", "two"),
    # however the text writes it elsewhere ('Now' opening a sentence only)
    ("A year ago ow sells for more. Now it is dear.", "ow", "now", "now"),
])
def test_a_very_frequent_word_that_lost_its_first_letter_is_a_names_word_or_lowercase(
        lexicon, text, word, read, expected):
    start = text.index(f" {word} ") + 1
    edit = Edit(start=start, end=start + len(word), original=word, replacement=read,
                kind="spelling", rule="spelling.lost-letter", confidence=0.9, reason="")
    assert with_glyph_case(text, edit, lexicon, word_types(text)).replacement == expected
