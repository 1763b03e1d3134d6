"""A broken word of a gazetteer name, read back from the intact word beside it
(correction/name_pairs.py)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import name_pairs
from normalizer.model import Edit
from normalizer.tokens import word_types

from .support import token_in


@pytest.fixture(scope="module")
def engine() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(("text", "word", "reading"), [
    ("Axel Micillof, the governor, objected.", "Micillof", ("kicillof", "Axel")),
    ("The family fled Beit ahiya in November.", "ahiya", ("lahiya", "Beit")),
    ("aid from the Wrld Food Programme fell", "Wrld", ("world", "Food")),
    ("Kim Jnog-un attended the launch.", "Jnog", ("jong", "Kim")),
    # the halves of a hyphenated name pair too ('Sam Bankman-Fried')
    ("Sam Bankan-Fried, the founder, spoke.", "Bankan", ("bankman", "Sam")),
    # lowercase, its first letter lost with the capital, though wordfreq has seen it
    ("the nuclear deal with John erry, he said", "erry", ("kerry", "John")),
    ("Jensen uang, the chief executive, said", "uang", ("huang", "Jensen")),
    # no name's word near it: the one common word the neighbour pairs with in the bigram list
    ("the Federal District Fourt in Washington", "Fourt", ("court", "District")),
    ("rose 50 percent since Election Dav, as investors bet", "Dav", ("day", "Election")),
])
def test_a_rare_token_beside_a_names_word_is_its_only_partner_one_slip_away(
        speller, text, word, reading):
    assert name_pairs.reading(speller, text, token_in(text, word)) == reading


@pytest.mark.parametrize(("text", "word"), [
    ("By Edward Wong and Eric Schmit", "Schmit"),  # 'Schmitt' and 'Schmidt': two to be
    ("Axel Kicillof, the governor, objected.", "Kicillof"),  # the name as the gazetteer has it
    ("Stephen Biegun met them.", "Biegun"),  # no name pairs 'Stephen' with a word near it
    ("Axel and Micillof met.", "Micillof"),  # no neighbour a name pairs with
    # a spelling wordfreq has seen, in Title Case: the name of someone else ('Imran Khan')
    ("Imra Khan, the former prime minister, spoke.", "Imra"),
    # one glyph confusion from the name's word's demonym, which it more likely is
    ("Unlike any launch, the South Koreau and Japanese militaries said.", "Koreau"),
    # a sentence's 'The' is no name's word ('The Gap', 'The Hague')
    ("Doctors ran short. The Gaa Health Ministry said so.", "Gaa"),
    # 'president said' is in the bigram list, but the model ties 'said' to no president
    ("Yesterday the council heard from President Spaid about the plan.", "Spaid"),
    # lowercase: a name's word lost its capital with its first letter, no common word its own
    ("the Federal District fourt in Washington", "fourt"),
])
def test_no_reading_without_one_partner_beside_it(speller, text, word):
    assert name_pairs.reading(speller, text, token_in(text, word)) is None


def test_only_rare_tokens_no_word_list_or_gazetteer_holds_are_read_as_they_are(lexicon):
    text = ("The South Korean troops, John William Dunn, Wrld, Micillof, ahiya, Paty, ox, Kim, "
            "Virat ohli's, Kim's.")
    # 'Korean', 'William', 'Dunn' are common words, 'Paty' and 'Kim' gazetteer names, 'ox'
    # shorter than three letters: each is read only as a word as written (below). A
    # possessive's 's is no part of the word.
    assert name_pairs.surfaces(lexicon, word_types(text), lexicon.names) == {
        "Wrld", "Micillof", "ahiya", "ohli's"}


def test_capitalized_words_as_written_are_read_one_letter_from_a_neighbours_partner(speller):
    text = ("A Hog Kong court sat. The South Korean troops, Kim Yong-hyun, Lase Vegas. "
            "The Hong Kong court. The Prime Minister spoke.")
    # 'Korean' is one letter from 'Korea', which 'South' stands before (the model decides:
    # see below); 'Yong' is one from 'Jong' after 'Kim', but a person's name of its own;
    # 'Hong' is the name as spelt, 'The' and 'South' too frequent; 'Prime Minister' a pair
    # the bigram list knows.
    names = speller.lexicon.names
    assert name_pairs.written_surfaces(speller, text, names) == {"Hog", "Korean", "Lase"}
    # A name the caller adds is never read.
    added = {**names, "lase": names["paty"]}
    assert name_pairs.written_surfaces(speller, text, added) == {"Hog", "Korean"}


@pytest.mark.parametrize("text", [
    "Thanks to Terry Brown for the patch.", "Kerry Brown said so.", "Gary Brown said so."])
def test_a_persons_name_as_written_is_never_read_as_another_names_word(engine, text):
    # 'Jerry' stands before 'Brown' in the gazetteer, one letter from each first name; the
    # trigram model knows that pair, but 'Terry', 'Kerry', 'Gary' are people's names too.
    result = engine.normalize(text)
    assert result.text == text, result.edits


def test_a_pair_written_so_is_not_looked_at(speller, monkeypatch):
    calls = []
    monkeypatch.setattr(name_pairs, "written_slip", lambda *args: calls.append(args))
    # A name's pair as the gazetteer has it, and words no name pairs with anything.
    for text in ("Courts in Hong Kong sat.", "Courts in Prime Minister sat."):
        name_pairs.written_surfaces(speller, text, speller.lexicon.names)
    assert calls == []
    name_pairs.written_surfaces(speller, "Courts in Hog Kong sat.", speller.lexicon.names)
    assert calls


@pytest.mark.parametrize(("text", "word", "reading"), [
    ("HONG KONG — A Hog Kong court on Tuesday sentenced 45 people.", "Hog", ("hong", "Kong")),
    ("He filmed in Brighton Beach and Lase Vegas.", "Lase", ("las", "Vegas")),
])
def test_a_word_as_written_is_read_where_the_model_expects_the_names_pair(
        speller, text, word, reading):
    assert name_pairs.reading(speller, text, token_in(text, word)) == reading
    assert name_pairs.pair_lift(speller, reading[1], False, word.lower(), reading[0]) >= 3


@pytest.mark.parametrize(("text", "word"), [
    ("Kim Yong-hyun, the defence minister, resigned.", "Yong"),  # 'Jong': 1.9 only
    ("The North Korean troops left.", "Korean"),  # 'Korea': 0.9
    ("A Hong Kong court sat.", "Hong"),  # the name as the gazetteer has it
])
def test_a_word_as_written_stays_where_the_model_does_not_expect_the_names_pair(
        speller, text, word):
    assert name_pairs.reading(speller, text, token_in(text, word)) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("HONG KONG — A Hog Kong court on Tuesday sentenced 45 people.",
     "HONG KONG — A Hong Kong court on Tuesday sentenced 45 people."),
    ("Mr. Abu Shamala, 37, who fled Beit ahiya in November, spoke.",
     "Mr. Abu Shamala, 37, who fled Beit Lahiya in November, spoke."),
    ("It met on Smolenskaya Squre. The two men talked.",
     "It met on Smolenskaya Square. The two men talked."),
    # a two-letter word as written, with a letter lost
    ("Schools in the Lo Angeles district closed.", "Schools in the Los Angeles district closed."),
    ("Floods swamped much of Ro Grande do Sul state.",
     "Floods swamped much of Rio Grande do Sul state."),
    ("Judge Tanya Chutkan of the Federal District Fourt in Washington must decide.",
     "Judge Tanya Chutkan of the Federal District Court in Washington must decide."),
])
def test_the_engine_reads_a_names_broken_word_back(engine, text, expected):
    result = engine.normalize(text)
    assert result.text == expected
    assert [e.rule for e in result.applied] == ["spelling.name-pair"]


@pytest.mark.parametrize("text", [
    "The South Korean troops and John William Dunn arrived.",
    "By Edward Wong and Eric Schmit",
    "Stephen Biegun, Valery Gerasimov and Axel Kicillof met in Kim Yong-hyun's office.",
])
def test_names_and_words_beside_a_names_word_stay(engine, text):
    assert engine.normalize(text).text == text


def test_a_two_letter_word_is_read_only_with_a_letter_lost(speller):
    assert sorted(name_pairs.near_words("lo", ["los", "low", "la", "ol"])) == ["los", "low"]
    assert name_pairs.near_words("wm", ["wu", "wim"]) == ["wim"]
    assert sorted(name_pairs.near_words("low", ["los", "lo", "law"])) == ["law", "lo", "los"]


@pytest.mark.parametrize("text", [
    "Yesterday Jo Cox spoke.", "Ed Davey and Al Sharpton met.", "Ho Chi Minh City grew.",
    "Joseph Wm Heywood enlisted."])
def test_two_letter_names_and_abbreviations_stay(engine, text):
    assert engine.normalize(text).text == text


def test_a_name_pair_adds_no_suggestion_above_its_confidence(speller):
    text = "Axel Micillof, the governor, objected."
    assert name_pairs.propose(text, {"Micillof"}, speller, {}, 0.95) == []
    (edit,) = name_pairs.propose(text, {"Micillof"}, speller, {}, 0.8)
    assert (edit.original, edit.replacement, edit.confidence) == (
        "Micillof", "Kicillof", name_pairs.NAME_PAIR_CONFIDENCE)


def _fix(text: str, word: str, replacement: str, length: int | None = None) -> Edit:
    start = text.index(word)
    return Edit(start=start, end=start + (length or len(word)), original=word,
                replacement=replacement, kind="ocr", rule="ocr.gazetteer", confidence=0.97,
                reason="a glyph confusion")


def test_a_names_word_overrides_a_fix_to_a_word_no_neighbour_pairs_with(speller, engine):
    text = "Markets in Tokyo, where Kauo Ueda's Bank of Japan raised rates, fell."
    token = token_in(text, "Kauo")
    # 'Kano' (a glyph confusion away, and a place) pairs with nothing beside it; 'Kazuo' does.
    assert not name_pairs._settled(speller, text, token, _fix(text, "Kauo", "Kano"), 0.8)
    assert name_pairs._settled(speller, text, token, _fix(text, "Kauo", "Kazuo"), 0.8)
    assert name_pairs._settled(speller, text, token, _fix(text, "Kauo", "Ka uo", 6), 0.8)
    assert engine.normalize(text).text == text.replace("Kauo", "Kazuo")


@pytest.mark.parametrize(("text", "word", "reading"), [
    ("Imra Khan, the former prime minister, spoke.", "Imra", ("imran", "Khan")),
    ("Kajua Kallas, the foreign-policy chief, said", "Kajua", ("kaja", "Kallas")),
    ("the opposition leader Tair Lapid vowed to fight", "Tair", ("yair", "Lapid")),
    # a word or name as written, without the trigram model's word for the name's pair
    ("government said exempted it; Mak Rutte, the alliance's secretary general", "Mak",
     ("mark", "Rutte")),
    ("incursions near the Suwałki Gao, the narrow strip of land", "Gao", ("gap", "Suwałki")),
])
def test_a_careless_window_reads_any_slip_beside_a_distinctive_neighbour(
        speller, text, word, reading):
    token = token_in(text, word)
    assert name_pairs.reading(speller, text, token) is None
    assert name_pairs.reading(speller, text, token, careless=True) == reading


def test_a_common_first_name_is_no_distinctive_neighbour(speller):
    text = "condemned the sentences; John Lec, the city's chief executive, said"
    assert name_pairs.reading(speller, text, token_in(text, "Lec"), careless=True) is None


def test_a_possessive_is_read_and_kept(engine):
    text = "India made 176 for 7, anchored by Virat ohli's 76 off 59 balls."
    assert engine.normalize(text).text == text.replace("ohli's", "Kohli's")


def test_a_careless_text_reads_the_name_beside_its_distinctive_partner(engine):
    text = ("The council heard frmo the mayor abuot teh plan on Monday. Imra Khan, the former "
            "prime minister, was sentenced on Tuesday.")
    fixes = {e.original: e.replacement for e in engine.normalize(text).applied}
    assert fixes.get("Imra") == "Imran"
    calm = "Imra Khan, the former prime minister, was sentenced on Tuesday."
    assert "Imra" not in {e.original for e in engine.normalize(calm).applied}


def test_a_plural_as_written_is_a_name_of_its_own(speller):
    text = "the owner of the Strawberry Hills house stated that he intended"
    assert name_pairs.reading(speller, text, token_in(text, "Hills"), careless=True) is None
