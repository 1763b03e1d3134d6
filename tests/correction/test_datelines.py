"""A news dateline's place, read back from the gazetteer's names and the AP's state
abbreviations (correction/datelines.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import datelines


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(("place", "readings"), [
    ("EW YORK", [(0, "EW", "NEW")]),  # a letter lost at the start
    ("TE HAGUE", [(0, "TE", "THE")]),
    ("B0CA CHICA", [(0, "B0CA", "BOCA")]),  # a digit for a letter
    ("NEW DELHL", [(4, "DELHL", "DELHI")]),  # the second word, from the first
    ("MEXICO CIT", [(7, "CIT", "CITY")]),
    ("BUENS AIRES", [(0, "BUENS", "BUENOS")]),  # a vowel lost, no vowel changed
])
def test_a_place_word_no_neighbour_pairs_with_reads_as_its_only_partner(
        speller, place, readings):
    assert list(datelines.place_readings(speller, place, 0)) == readings


@pytest.mark.parametrize("place", [
    "NEW YORK",  # the name as the gazetteer has it
    "DEIR AL-BALAH",  # 'AL' may be the name 'El' spelt another way
    "WASHINGTON",  # one word: no neighbour to read it from
    "KHAN YOUNIS",  # right as written
])
def test_no_reading_without_one_partner_one_slip_away(speller, place):
    assert list(datelines.place_readings(speller, place, 0)) == []


@pytest.mark.parametrize(("place", "reading"), [
    ("BEIJNG", "beijing"),  # a vowel left out: the word 'being' is one slip away too
    ("KYLV", "kyiv"),
    ("TOMYO", "tokyo"),  # a place of one word, though a company's name holds 'Tokyo' too
    ("LODNON", "london"),  # and a person's 'London'
    ("BEIJING", None),  # the place as the gazetteer has it
    ("ADRÉ", None),  # a place the gazetteer holds, though wordfreq never saw it
    ("TOKIO", None),  # a spelling wordfreq has seen: a place's own (old) name
    ("ROM", None),  # too short: one slip from too many places
])
def test_a_place_of_one_word_reads_as_the_only_place_one_slip_away(speller, place, reading):
    # The gazetteer key: the dateline writes it in capitals, a region as the gazetteer does.
    assert datelines.lone_place_reading(speller, place) == reading


@pytest.mark.parametrize(("region", "reading"), [
    ("Flq.", "Fla"),
    ("Tenm.", "Tenn"),
    ("Fla.", None),  # an abbreviation as the AP writes it
    ("Texas", None),  # a region written out as the gazetteer holds it
    ("Ethopia", "Ethiopia"),  # written out, one slip from one place (the web writes it: 1.1)
    ("Gaza Strip", None),  # two words: the body's to check
    ("N.Y.", None),
    ("Mx.", None),  # one slip from two: 'Md' and 'Mo'
])
def test_a_region_reads_as_the_one_ap_abbreviation_or_place_one_slip_away(
        speller, region, reading):
    assert datelines.region_reading(speller, region) == reading


@pytest.mark.parametrize(("text", "expected"), [
    ("EW YORK — The Dodgers won the World Series.",
     "NEW YORK — The Dodgers won the World Series."),
    ("Briefing\n\nTE HAGUE — NATO leaders agreed on Wednesday.",
     "Briefing\n\nTHE HAGUE — NATO leaders agreed on Wednesday."),
    ("PERRY, Flq. — Hurricane Helene made landfall.",
     "PERRY, Fla. — Hurricane Helene made landfall."),
    ("BEIJNG — China said on Monday.", "BEIJING — China said on Monday."),
    ("MEKELLE, Ethopia — Two years after a peace agreement, the region is calm.",
     "MEKELLE, Ethiopia — Two years after a peace agreement, the region is calm."),
])
def test_the_engine_reads_a_datelines_place_back(engine, text, expected):
    assert engine.normalize(text).text == expected


@pytest.mark.parametrize("text", [
    "TE HAGUE was mentioned in the middle of a line — not a dateline.",
    "The memo read EW YORK — in capitals, mid-sentence.",
    "DEIR AL-BALAH, Gaza Strip — Trucks carrying food arrived.",
    "SAN JUAN, P.R. — The storm passed.",
])
def test_text_that_is_no_dateline_or_reads_right_stays(engine, text):
    assert engine.normalize(text).text == text


@pytest.mark.parametrize("text", [
    "KYIV, Ukraine — Commanders said.\n\nNEW YORK – It rained.\nA dash — mid-line",
    "  DEIR AL-BALAH —\nPERRY, Fla. —x\r\nBEIJNG\t— 1\n—\n\nLONDON, UK –",
    "", "\n", "no dateline here — at all",
])
def test_datelines_are_the_matches_of_a_scan(text):
    """Tried at the starts of the lines with a dash, as a scan of every place finds them."""
    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]
    assert spans(datelines.datelines(text)) == spans(datelines.DATELINE.finditer(text))
