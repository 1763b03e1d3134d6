"""Capitalized typos read at a fixed confidence, without their sentence's lift: titles,
months, first names, a long token's only word, swapped and typed-in letters
(correction/py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import capitals
from normalizer.correction.fixed_readings import (
    judge_first_key,
    judge_first_name,
    judge_month,
    judge_only_word,
    judge_title,
    judge_transposed,
    judge_weekday,
    left_out,
    title_slip,
    typed_in,
)
from normalizer.correction.keyboard import key_beside, transposed
from normalizer.tokens import Token

from .support import token_in


def test_an_all_capital_token_is_read_as_its_only_common_word_one_slip_away(speller):
    assert judge_only_word(speller, token_in("THE MYSATERY", "MYSATERY")) == "mystery"
    assert judge_only_word(speller, token_in("A CVASE", "CVASE")) is None  # too short
    assert judge_only_word(speller, token_in("Mystey", "Mystey")) is None  # not capitals


def test_a_long_title_case_token_is_read_as_its_only_common_word_one_slip_away(speller):
    assert judge_only_word(speller, token_in("on Saturdeay", "Saturdeay")) == "saturday"
    assert judge_only_word(speller, token_in("Norwegain", "Norwegain")) == "norwegian"
    # Seven letters: surnames one slip from a word are too many ('Milston', 'Burlton').
    assert judge_only_word(speller, token_in("Alan Milston", "Milston")) is None
    # A word cut short is one the OCR broke, its rest in the next token.
    assert judge_only_word(speller, token_in("Correspon r dent", "Correspon")) is None
    for name in ("Gerasimov", "Dunningham", "Wojtaszek"):
        assert judge_only_word(speller, token_in(name, name)) is None


def test_a_title_case_token_of_five_letters_is_read_as_a_word_it_transposes(speller):
    assert judge_only_word(speller, token_in("for Marhc.", "Marhc")) == "march"
    assert judge_only_word(speller, token_in("the Htoel", "Htoel")) == "hotel"
    assert judge_only_word(speller, token_in("Squafe", "Squafe")) is None  # no swap
    assert judge_only_word(speller, token_in("Biegun", "Biegun")) is None
    assert transposed("marhc", "march") and not transposed("march", "march")
    assert not transposed("mcrah", "march")  # two letters apart


def test_long_capitalized_typos_are_fixed_and_rare_names_stay(speller):
    text = ("India won the World Cup on Saturdeay. Valery Gerasimov and Stephen Biegun met "
            "Zbigniew Dunningham and Alan Milston in the Norwegain capital.")
    edits = capitals.propose(text, {"Saturdeay", "Gerasimov", "Biegun", "Dunningham",
                                    "Milston", "Norwegain"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [
        ("Saturdeay", "Saturday"), ("Norwegain", "Norwegian")]


def test_a_first_name_before_a_capitalized_word_is_read_as_the_well_known_name(speller):
    text = "Charged were James Murray and Geoge Day, common assault, and John Henry, stealing."
    edits = capitals.propose(text, {"Geoge"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [("Geoge", "George")]
    text = "The graduates were Francis Herbert Coffey, Sgt Keivn John Connolly and Ann Ward."
    assert judge_first_name(speller, text, token_in(text, "Keivn")).canonical == "Kevin"


def test_no_first_name_without_a_capitalized_word_after_it_or_after_an_article(speller):
    for text, word in [
        ("Then Geoge said he would not go.", "Geoge"),  # no name follows
        ("The meeting will be held at the Tonw Hall at 3 o'clock.", "Tonw"),  # not 'Tony'
        # 'Shane' (Zipf 3.95) is not a name people bear often enough to read a rare one as it.
        ("Graduates: Zara Segal Margaret Snane Joan Evelyn Storey Mary Grace Stuart.", "Snane"),
    ]:
        assert judge_first_name(speller, text, token_in(text, word)) is None, word
    text = "The meeting will be held at the Tonw Hall at 3 o'clock."
    assert [e.replacement for e in capitals.propose(text, {"Tonw"}, speller, {}, 0.8)] == ["Town"]


def test_a_title_slip_before_a_name_is_read_as_the_title(speller):
    text = ("Passengers: Mrs. John Walker, Mrfs. John Sheehan, Misd Gerving, and by the "
            "Rrv. Father O'Connell; Mr. J. R. Nield (instructed by Mcssrs. Sly and Russell).")
    edits = capitals.propose(text, {"Mrfs", "Misd", "Rrv", "Mcssrs"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [
        ("Mrfs", "Mrs"), ("Misd", "Miss"), ("Rrv", "Rev"), ("Mcssrs", "Messrs")]


def test_no_title_without_its_period_or_for_a_frequent_spelling(speller):
    text = "Ptes. John Oliver Ince, Arthur Rov Janniln and Mr. Pompeo's aide."
    assert judge_title(speller, text, token_in(text, "Rov")) is None  # 'Rev.' has one
    assert judge_title(speller, "the Rov. A. C. Corlette", Token(4, 7, "Rov", "Rov")) == "rev"
    for word in ("mr", "ms", "mrs", "dvr"):  # titles, or abbreviations of their own
        assert title_slip(speller, word) is None, word


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The fire, north of Pasdaena, grew.", "Pasdaena", "pasadena"),
    ("Negotiaotrs at the talks agreed.", "Negotiaotrs", "negotiators"),
    ("a specialist in Lubbokc said", "Lubbokc", "lubbock"),
    ("a subject on which to awaken Govenrment", "Govenrment", "government"),  # a web typo
])
def test_a_long_unseen_token_is_the_one_known_word_or_name_it_swaps_two_letters_of(
        speller, text, word, expected):
    assert judge_transposed(speller, token_in(text, word)) == expected


@pytest.mark.parametrize(("text", "word"), [
    ("They sailed to Scarba.", "Scarba"),  # six letters: 'scarab' is too near a name's shape
    ("He met Mortiner there.", "Mortiner"),  # no swap makes a word of it
    ("He met Gerasimov there.", "Gerasimov"),  # a name wordfreq has seen
])
def test_no_swapped_reading_for_short_seen_or_unswapped_tokens(speller, text, word):
    assert judge_transposed(speller, token_in(text, word)) is None


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Rvacuation maps are posted online.", "Rvacuation", "evacuation"),
    ("He met his Gurkish counterpart.", "Gurkish", "turkish"),  # a word English capitalizes
    ("said the Lresident of the club", "Lresident", "president"),
    ("Jnnovation is key, she said.", "Jnnovation", "innovation"),
])
def test_a_long_unseen_token_is_the_one_word_it_is_with_another_first_key(
        speller, text, word, expected):
    assert judge_first_key(speller, token_in(text, word)) == expected


@pytest.mark.parametrize(("text", "word"), [
    ("Mr. Gerasimov spoke.", "Gerasimov"),  # a name wordfreq has seen
    ("They met Wawn there.", "Wawn"),  # too short: 'dawn' is one key from many names
    ("A Tpdates box.", "Tpdates"),  # 'u' is not beside 't'
])
def test_no_first_key_reading_for_seen_short_or_unstruck_tokens(speller, text, word):
    assert judge_first_key(speller, token_in(text, word)) is None


def test_no_first_key_reading_after_a_first_name(speller):
    text = "They heard Zbigniew Dunningham."
    assert judge_first_key(speller, token_in(text, "Dunningham")) == "cunningham"  # shape
    assert capitals.propose(text, {"Dunningham"}, speller, {}, 0.8) == []


def test_a_letter_typed_in_is_a_doubled_one_or_a_key_beside_a_neighbour():
    assert typed_in("vilknius", "vilnius")  # k beside l
    assert typed_in("natioonal", "national")  # o doubled
    assert not typed_in("vilqnius", "vilnius")  # q is nowhere near l or n
    assert not typed_in("parramattas", "parramatta")  # a plural
    assert not typed_in("vilnius", "vilnius")


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Officials in Vilknius, Riga and Tallinn welcomed it.", "Vilknius", "vilnius"),
    ("It later won five Oscazrs, including best picture.", "Oscazrs", "oscars"),
])
def test_a_long_unseen_token_is_the_one_place_or_organization_it_has_a_letter_typed_into(
        speller, text, word, expected):
    assert judge_transposed(speller, token_in(text, word)) == expected


@pytest.mark.parametrize(("text", "word"), [
    ("He met Meillon there.", "Meillon"),  # 'mellon' is a surname's word
    ("Gwenllian Pricthard-Evans said", "Pricthard"),  # Prichard, Alabama, is too rare a place
    ("The storm moved into the Carolkinas.", "Carolkinas"),  # 'carolinas' is too rare a word
    ("The Parramattas won.", "Parramattas"),  # a plural
])
def test_no_typed_in_reading_of_surnames_rare_places_or_plurals(speller, text, word):
    assert judge_transposed(speller, token_in(text, word)) is None


def test_a_letter_left_out_is_a_vowel_or_one_of_a_double_letter():
    assert left_out("krmlin", "kremlin")  # a vowel
    assert left_out("carolina", "carollina")  # one l of two
    assert not left_out("kemlin", "kremlin")  # a consonant: any slip's price
    assert not left_out("kremlin", "kremlin")


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("according to a Krmlin list of the president's", "Krmlin", "kremlin"),
])
def test_an_unseen_token_is_the_one_long_place_or_organization_it_leaves_a_vowel_out_of(
        speller, text, word, expected):
    assert judge_transposed(speller, token_in(text, word)) == expected


def test_a_key_beside_is_one_letter_struck_by_a_neighbouring_key():
    assert key_beside("captqin", "captain")  # q beside a
    assert not key_beside("captmin", "captain")  # m is nowhere near a
    assert not key_beside("capt", "captain")
    assert not key_beside("captain", "captain")


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Wodonga, 2408 tons, Captqin J. E. Meaburn, for Brisbane", "Captqin", "captain"),
    ("Thoxe who click stay.", "Thoxe", "those"),
    ("17 acres, parish of Nofth Brisbane", "Nofth", "north"),
    ("a physician with a Conholese aid group", "Conholese", "congolese"),  # a demonym
])
def test_an_unseen_token_is_the_one_word_or_place_a_key_beside_makes_of_it(
        speller, text, word, expected):
    assert judge_transposed(speller, token_in(text, word)) == expected


@pytest.mark.parametrize(("text", "word"), [
    ("Farmers injured NARRABRI, Tuesda y. Two men", "Tuesda"),  # a word cut short
    ("The rally Trunp held was late.", "Trunp"),  # a person's name: no key-beside reading
    ("a rally in Brlin on Sunday", "Brlin"),  # 'berlin' is shorter than seven letters
    ("according to a Kemlin list", "Kemlin"),  # a consonant left out
])
def test_no_left_out_reading_of_short_names_or_lost_consonants(speller, text, word):
    assert judge_transposed(speller, token_in(text, word)) is None


def test_the_engine_reads_a_swapped_name_with_its_gazetteer_spelling():
    result = Normalizer().normalize("The Eaton fire, north of Pasdaena, had consumed acres.")
    assert result.text == "The Eaton fire, north of Pasadena, had consumed acres."
    # The single-word decision reads it first: a swap seldom spells one real name as another
    # (`candidates.SLIP_BONUS`).
    assert [e.rule for e in result.applied] == ["entity.gazetteer"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Gaza Health Ministyr, which does not count fighters, said so.",
     "The Gaza Health Ministry, which does not count fighters, said so."),
    ("The Deputy Prime Ministyr said on Monday that talks would resume.",
     "The Deputy Prime Minister said on Monday that talks would resume."),
])
def test_two_common_words_one_slip_away_are_left_to_the_sentence(text, expected):
    # 'minister' alone is frequent enough to replace an unseen capitalized token by itself;
    # with 'ministry' as near, the sentence chooses.
    assert Normalizer().normalize(text).text == expected


@pytest.mark.parametrize(("text", "word", "month"), [
    ("A memorial is planned for Oet. 14 at the cathedral.", "Oet", "oct"),
    ("On Jhly 5 the constable was handed a bundle.", "Jhly", "july"),
    ("He was charged that on 24 Aprik he was armed.", "Aprik", "april"),
])
def test_a_slip_beside_a_days_number_is_the_only_month_one_slip_from_it(
        speller, text, word, month):
    assert judge_month(speller, text, token_in(text, word)) == month


@pytest.mark.parametrize(("text", "word"), [
    ("A memorial is planned for Oet at the cathedral.", "Oet"),  # no day's number
    ("They took Route 66 and Max 5 home.", "Max"),  # a word wordfreq knows well
    ("It is planned for Oet 14 at noon.", "Oet"),  # an abbreviation needs its period
    ("The team of Jyn. 5 arrived.", "Jyn"),  # "jun" and "jan" both one slip away
])
def test_no_month_without_a_day_or_for_a_known_word(speller, text, word):
    assert judge_month(speller, text, token_in(text, word)) is None


@pytest.mark.parametrize(("text", "word", "day"), [
    ("Protesters stormed the Parliament on Tuesay, setting it on fire.", "Tuesay", "tuesday"),
    ("The results came in late Thusday.", "Thusday", "thursday"),
    ("Nothing has moved since Mondya, officials said.", "Mondya", "monday"),
    ("The vote was held Satruday night.", "Satruday", "saturday"),
])
def test_a_slip_where_a_day_of_the_week_stands_is_the_only_day_one_slip_from_it(
        speller, text, word, day):
    assert judge_weekday(speller, text, token_in(text, word)) == day


@pytest.mark.parametrize(("text", "word"), [
    ("He met Tuesy Smith at the hotel.", "Tuesy"),  # not where a day stands
    ("The talks resumed on Frida in Geneva.", "Frida"),  # a name wordfreq knows well
    ("They agreed on Sunday, not Munday.", "Munday"),  # a surname, not after 'on'
])
def test_no_day_of_the_week_where_none_stands_or_for_a_known_name(speller, text, word):
    assert judge_weekday(speller, text, token_in(text, word)) is None
