"""Token shapes: what is checked, lookup keys, name shapes, case of a replacement."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.words import (
    apply_case,
    capital_from_glyph,
    case_slip_readings,
    closes_elision,
    dialect_form,
    elides,
    inflects_common_word,
    is_checkable,
    is_name_shaped,
    lookup_key,
    restore_capital,
    unaccented,
    writers_choice,
)


@pytest.mark.parametrize("word", ["Libva", "governrnent", "kil!ing", "0bama", "NAT0", "0PEC"])
def test_words_and_ocr_shapes_are_checkable(word):
    assert is_checkable(word)


@pytest.mark.parametrize("word", ["an", "NATO", "FSB", "1990", "x" * 41, "Москва",
                                  "G20", "A320", "F35"])  # an acronym's number: its own digits
def test_short_tokens_acronyms_numbers_long_runs_and_other_scripts_are_not(word):
    assert not is_checkable(word)


def test_lookup_key_is_lowercase_with_a_straight_apostrophe():
    assert lookup_key("Doesn’t") == "doesn't"


def test_unaccented_drops_accents_only():
    assert unaccented("Erdoğan’s") == "Erdogan's"


@pytest.mark.parametrize(
    ("word", "shaped"),
    [("Lavroy", True), ("LIBVA", True), ("McConnell", True), ("lIave", False),
     ("0bama", False), ("0Bama", True), ("house", False)],
)
def test_name_shape(word, shaped):
    assert is_name_shaped(word) is shaped


@pytest.mark.parametrize(
    ("template", "word", "canonical", "expected"),
    [
        ("LIBVA", "libya", None, "LIBYA"),
        ("Lavroy", "lavrov", "Lavrov", "Lavrov"),
        ("mcconel", "mcconnell", "McConnell", "mcconnell"),
        ("Tbe", "the", None, "The"),
        ("Iater", "later", None, "later"),  # a leading I that stands for l is lowercase
        ("KABllL", "kabul", None, "KABUL"),
        ("COUNTnY", "country", None, "COUNTRY"),  # one lowercase OCR letter in capitals
        ("WalPS", "wales", None, "Wales"),  # OCR capitals in a Title Case word
        ("McDnld", "mcdonald", "McDonald", "McDonald"),
    ],
)
def test_apply_case(template, word, canonical, expected):
    assert apply_case(template, word, canonical) == expected


@pytest.mark.parametrize(
    ("template", "word", "canonical", "expected"),
    [
        ("5tate", "state", None, "State"),  # 5 has the shape of a capital S
        ("8urke", "burke", "Burke", "Burke"),
        ("0lympics", "olympics", None, "Olympics"),  # 0 has the shape of a capital O
        ("lsraeli", "israeli", "Israeli", "Israeli"),  # l read for the I of a name
        ("lnto", "into", None, "into"),  # ... but not for a lowercase word
        ("1ike", "like", None, "like"),
    ],
)
def test_case_from_glyphs(template, word, canonical, expected):
    assert apply_case(template, word, canonical) == expected


@pytest.mark.parametrize(("template", "replacement", "beside", "expected"), [
    ("lnternational", "international", True, "International"),  # 'The lnternational Monetary'
    ("1ndependent", "independent", True, "Independent"),
    ("lnteresting", "interesting", False, "interesting"),  # 'an lnteresting idea'
    ("lnsider", "ladder", True, "ladder"),  # the l is read as an l
    ("inslder", "insider", True, "insider"),  # no glyph at the start
])
def test_a_leading_glyph_read_as_i_beside_a_capital_is_a_capital_i(
        template, replacement, beside, expected):
    assert capital_from_glyph(template, replacement, beside) == expected


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("aLmbing", (("Lambing", "swap"),)),
        ("FRalcon", (("Falcon", "shift"), ("Fralcon", "case"))),
        ("THis", (("Tis", "shift"), ("This", "case"))),
        ("HoteI", (("Hotel", "glyph"),)),
        ("McIntyre", (("Mclntyre", "glyph"),)),  # a reading only: no word, so no candidate
        # A capital I between a first capital and lowercase letters: OCR's l too.
        ("EIeni", (("Eeni", "shift"), ("Eieni", "case"), ("Eleni", "glyph"))),
        ("waB", (("was", "glyph"),)),  # OCR's capital B for s
        ("MiBs", (("Miss", "glyph"),)),
        ("PARlS", (("PARIS", "glyph"),)),  # OCR's l for a capital I among capitals
        ("lBIT", (("IBIT", "glyph"),)),
    ],
)
def test_case_slip_readings(word, readings):
    assert case_slip_readings(word) == readings


@pytest.mark.parametrize("word", ["Team", "TVs", "CEOs", "NATO", "McConnell", "team",
                                  "AirBnB", "BBC", "Xl", "lS", "URLs", "GIs", "AIs"])
def test_a_case_words_have_gives_no_case_slip_reading(word):
    assert case_slip_readings(word) == ()


@pytest.mark.parametrize(("british", "american"), [
    ("colour", "color"), ("organisation", "organization"), ("analyse", "analyze"),
    ("centre", "center"), ("travelled", "traveled"), ("cancelled", "canceled"),
    ("defence", "defense"), ("licences", "licenses"), ("catalogue", "catalog"),
    ("judgement", "judgment"), ("recognisance", "recognizance"),
])
def test_british_and_american_spellings_share_a_dialect_form(british, american):
    assert dialect_form(british) == dialect_form(american)


@pytest.mark.parametrize(("slip", "word"), [
    ("occured", "occurred"), ("threshhold", "threshold"), ("form", "from"), ("thd", "the"),
    ("accesing", "accessing"), ("caled", "called"), ("commited", "committed"),
    ("sence", "sense"), ("stoped", "stopped"), ("des", "does"),
])
def test_slips_do_not_share_a_dialect_form_with_their_words(slip, word):
    assert dialect_form(slip) != dialect_form(word)


@pytest.mark.parametrize(
    ("template", "replacement", "canonical", "source", "in_name", "expected"),
    [
        ("ugust", "august", "August", "curated:capitalized_words.tsv", False, "August"),
        ("lames", "james", "James", "curated:people.tsv", True, "James"),
        ("lames", "james", "James", "curated:people.tsv", False, "james"),  # nothing says so
        ("jarnes", "james", "James", "curated:people.tsv", True, "james"),  # its own j
        ("acpital", "capital", "Capital", "built:places.tsv", True, "capital"),  # a small town
    ],
)
def test_restore_capital(template, replacement, canonical, source, in_name, expected):
    assert restore_capital(template, replacement, canonical, source, in_name) == expected


@pytest.mark.parametrize(("template", "source", "in_document", "expected"), [
    ("ussia", "curated:organizations.tsv", True, "Russia"),  # the document writes 'Russia'
    ("ussia", "curated:organizations.tsv", False, "russia"),
    ("kraine", "built:places.tsv", True, "Ukraine"),  # the document's word over the list's
])
def test_a_fix_takes_the_capital_the_document_writes_the_name_with(
        template, source, in_document, expected):
    word = expected.lower()
    assert restore_capital(template, word, expected.capitalize(), source, False,
                           in_document) == expected


@pytest.mark.parametrize("word", [
    "gravelling", "sewered", "roods", "stopped", "stoped", "lefter", "baked",
])
def test_regular_endings_on_common_words_are_inflections(word):
    common = {"gravel", "sewer", "rood", "stop", "left", "bake"}
    assert inflects_common_word(common, word)


@pytest.mark.parametrize("word", [
    "vist", "buildin", "thes",  # typos, not inflections
    "ares", "ted",  # stems shorter than four letters
    "gravel",  # no ending
])
def test_typos_short_stems_and_bare_words_are_not_inflections(word):
    common = {"visit", "building", "the", "are", "te", "gravel"}
    assert not inflects_common_word(common, word)


@pytest.mark.parametrize(("key", "candidate", "seen", "choice"), [
    ("erdogan", "erdoğan", True, True),  # accents, always
    ("colour", "color", True, True),  # a dialect's spelling
    ("centre", "center", True, True),
    ("ovre", "over", False, False),  # a spelling nobody writes is a slip
    ("shuddre", "shudder", False, False),
    ("colour", "collar", True, False),
    ("hre", "her", True, False),  # no vowel before the 're': a slip, no dialect's ending
])
def test_writers_choice_is_accents_and_dialects_of_written_spellings(key, candidate, seen,
                                                                      choice):
    assert writers_choice(key, candidate, seen) is choice


@pytest.mark.parametrize(("key", "candidate", "zipf", "elided"), [
    ("ne'er", "never", 5.9, True),  # an apostrophe for a frequent word's letter
    ("o’er", "over", 6.3, True),  # curly or straight
    ("wou'd", "would", 6.4, True),
    ("l've", "love", 5.6, False),  # after one consonant: OCR's "I've"
    ("we'rs", "wears", 4.1, False),  # a rarer word: as likely a slip of "we're"
    ("n'est", "nest", 4.0, True),  # French elision: no letter in the apostrophe's place
    ("c'est", "chest", 4.3, True),  # French, whatever the reading
    ("p'assed", "passed", 5.0, False),  # a stray apostrophe after no eliding word: OCR's
    ("gover'nment", "government", 5.5, False),
    ("dont", "don't", 5.0, False),  # no apostrophe in the token
])
def test_an_elision_is_a_writers_spelling(key, candidate, zipf, elided):
    assert elides(key, candidate, zipf) is elided


@pytest.mark.parametrize(("text", "token", "reading", "closed"), [
    ("Yes, goin' home.", "goin", "going", True),
    ("He was nothin’ but trouble.", "nothin", "nothing", True),  # a curly apostrophe
    ("The fishin' boats.", "fishin", "fishing", True),  # a dropped g, however rare the word
    ("Tam o' Shanter.", "o", "of", True),  # the writer's "of", as `elides` tells
    ("Sgt. Pepper's band, the lads'", "lads", "ladies", False),  # no letters elided at its end
    ("I was goin home.", "goin", "going", False),  # no apostrophe: a slip
    ("It is teh' end.", "teh", "the", False),  # a stray apostrophe elides nothing
    ("The officials' report.", "officials", "official", False),  # a plural's possessive
])
def test_a_token_closed_by_an_apostrophe_may_elide_its_reading(text, token, reading, closed):
    start = text.index(token)
    assert closes_elision(text, start, start + len(token), reading, 5.0) is closed


@pytest.mark.parametrize("text", [
    "Yes, goin' home, she said.",
    "He was nothin' but trouble, and we're talkin' about it.",
    "He said he was goin’ to town.",
    "The fishin' boats came in; the lads were singin' and dancin'.",
])
def test_a_dropped_g_marked_by_its_apostrophe_stays(text):
    assert Normalizer().normalize(text).text == text


def test_a_dropped_g_without_its_apostrophe_is_still_a_slip():
    assert Normalizer().normalize("I was goin home.").text == "I was going home."
