"""A month's slip in a written date, read back (correction/dated_months.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import dated_months


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(("text", "readings"), [
    # a surname in the gazetteer, but no surname stands before a full date
    ("Published Ang. 7, 2020", [(10, "Ang", "aug")]),
    ("Published Au. 7, 2020", [(10, "Au", "aug")]),  # two letters: a letter lost
    ("Published Agust 7, 2020", [(10, "Agust", "august")]),  # without a period: written out
    ("until Ma 2024, once", [(6, "Ma", "may")]),  # before a year alone: written out
    ("the attack of 0ct. 7, 2023", [(14, "0ct", "oct")]),  # a zero for the capital O
])
def test_a_token_standing_as_a_dates_month_reads_as_the_only_month_one_slip_away(
        speller, text, readings):
    assert dated_months.readings(text, speller) == readings


@pytest.mark.parametrize("text", [
    "Updated Sept. 1, 2020",  # a month's abbreviation, though one slip from 'Sep'
    "Published Aug. 7, 2020",
    "Fans came to Euro 2024 and Tokyo 2020.",  # names of their own before a year
    "the Juno 2016 flyby",  # a word of its own ('june' is one slip away)
    "He turned Mac 2011 off.",  # a common word before a year ('May' is one slip away)
    "Ang 7, 2020",  # an abbreviation's slip needs its period
])
def test_no_reading_where_the_date_leaves_doubt(speller, text):
    assert dated_months.readings(text, speller) == []


def test_the_engine_reads_a_dates_month_back(engine):
    text = "By Lara Jakes Published Ang. 7, 2020 Updated Sept. 1, 2020"
    result = engine.normalize(text)
    assert result.text == "By Lara Jakes Published Aug. 7, 2020 Updated Sept. 1, 2020"
    assert [e.rule for e in result.applied] == ["spelling.date"]


@pytest.mark.parametrize(("text", "readings"), [
    ("president since Mah, replacing", [(16, "Mah", "may")]),
    ("fell in Octobre, the lowest", [(8, "Octobre", "october")]),
    ("the bureau said on Frida.", [(19, "Frida", "friday")]),
    ("It lasts until Jnue.", [(15, "Jnue", "june")]),
])
def test_a_time_phrase_reads_its_month_or_day(speller, text, readings):
    assert dated_months.time_phrase_readings(text, speller) == readings


@pytest.mark.parametrize("text", [
    "They lived in Junie, he said.",  # a short month after 'in', where places stand
    "since Mahler, the orchestra",  # no month one slip away
    "since Mah the orchestra",  # no comma or sentence end after it
    "on Fridays.",  # a common word
    "since Maya, the city",  # a common word, though one slip from 'may'
])
def test_no_time_phrase_reading_where_it_leaves_doubt(speller, text):
    assert dated_months.time_phrase_readings(text, speller) == []
