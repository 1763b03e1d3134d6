"""The name readings a carelessly typed window earns (normalizer.correction.careless_names)."""

from __future__ import annotations

from normalizer.correction import careless_names
from normalizer.correction.careless_names import (
    dropped_vowel_names,
    may_have_readings,
    misread_name_variants,
    misread_names,
    swapped_names,
)
from normalizer.correction.letter_shape import shape_gain


def test_a_short_name_less_a_vowel_is_read_where_a_trigram_is_rare(speller):
    lexicon = speller.lexicon
    assert [term for term, _ in dropped_vowel_names(lexicon, "Krry", {})] == ["kerry"]
    assert dropped_vowel_names(lexicon, "Kerry", {}) == []  # a name as written
    assert dropped_vowel_names(lexicon, "Mscowe", {}) == []  # long enough for typo readings
    found = {}
    careless_names.offer_readings(speller, found, "Krry", {})  # 'krr': few words spell it
    assert list(found) == ["kerry"] and found["kerry"].source == "gazetteer"
    # Wesley less a vowel, but as a census name spells it: no rare trigram, no reading.
    assert dropped_vowel_names(lexicon, "Wesly", {}) and may_have_readings(speller, "Wesly", {})
    found = {}
    careless_names.offer_readings(speller, found, "Wesly", {})
    assert found == {}


def test_a_well_known_place_less_a_vowel_is_read_whatever_its_shape(speller):
    found = {}
    careless_names.offer_readings(speller, found, "Mscow", {})
    assert list(found) == ["moscow"] and found["moscow"].word == "Moscow"


def test_a_short_name_with_two_letters_swapped_is_read_whatever_its_shape(speller):
    lexicon = speller.lexicon
    assert [term for term, _ in swapped_names(lexicon, "Gaaz", {})] == ["gaza"]
    assert [term for term, _ in swapped_names(lexicon, "Asasd", {})] == ["assad"]
    assert swapped_names(lexicon, "Gaza", {}) == []  # a name as written
    assert swapped_names(lexicon, "Rbown", {}) == []  # the capital's letter is not swapped
    assert swapped_names(lexicon, "Mocsow", {}) == []  # long enough for typo readings
    found = {}
    careless_names.offer_readings(speller, found, "Gaaz", {})  # no rare trigram asked
    assert list(found) == ["gaza"] and found["gaza"].word == "Gaza"


def test_a_misread_name_is_read_where_its_shape_gains_much():
    assert shape_gain("otieuo", "otieno") > 4 > shape_gain("fiacco", "flacco")


def test_a_misread_name_wordfreq_knows_is_offered_only_where_its_shape_gains(speller):
    assert ("otieno", 1.6) in misread_name_variants(speller, "otieuo")
    assert [term for term, _ in misread_names(speller, "otieuo")] == ["otieno"]
    found = {}
    careless_names.offer_readings(speller, found, "Otieuo", {})
    assert found["otieno"].word == "Otieno" and found["otieno"].source == "wordfreq"
    # A census name one glyph from a name wordfreq has seen, spelt as readily: no reading.
    assert misread_name_variants(speller, "fiacco") and misread_names(speller, "fiacco") == []
    assert misread_name_variants(speller, "otieno") == []  # seen: a name as written


def test_a_word_english_always_capitalizes_is_read_one_slip_from_a_long_token(speller):
    assert [term for term, _ in careless_names.capitalized_word_slips(speller, "Indianm")] == [
        "indian"]  # 'indiana' is a place, not a word always capitalized
    assert careless_names.capitalized_word_slips(speller, "Indian") == []  # as written
    assert careless_names.capitalized_word_slips(speller, "Dutcx") == []  # too short
    found = {}
    careless_names.offer_readings(speller, found, "Indianm", {})
    assert found["indian"].word == "Indian" and found["indian"].source == "gazetteer"
