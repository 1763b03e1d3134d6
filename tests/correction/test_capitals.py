"""Capitalized typos of common words, judged by their sentence (correction/capitals.py)."""

from __future__ import annotations

from collections import Counter

from normalizer.correction import capitals
from normalizer.correction.document import Document
from normalizer.tokens import word_types

from .support import token_in


def test_a_typo_its_sentence_expects_is_read_as_the_word(speller):
    text = "The Gradn Prix went to the film about two nurses."
    word, share, lift = capitals.judge(speller, text, token_in(text, "Gradn"))
    assert word == "grand" and share > 0.99 and lift > 2 * capitals.NAME_LIFT


def test_a_name_its_sentence_does_not_expect_stays_a_name(speller):
    text = "The winners were Fisher, Henry Siggs, Edward James and Thomas King."
    word, share, _ = capitals.judge(speller, text, token_in(text, "Siggs"))
    assert word in ("signs", "sighs") and share < 0.5


def test_a_surname_is_no_candidate(speller):
    text = "The passengers were John Millar, George Gardnor, James Harris and Thomas King."
    assert capitals.judge(speller, text, token_in(text, "Gardnor")) is None  # not 'gardner'


def test_only_rare_unrepeated_capitalized_tokens_of_four_letters_are_judged(speller, lexicon):
    text = ("Coveny met Coveny, Gradn, Red, Paris and HOETL in the Shye case in Febraury; "
            "the Topix was flat, and Tbe and Teh are listed slips, the Bnk no QXR.")
    types = word_types(text)
    doc = Document(types, lexicon.common)
    # 'Febraury' is seen but rare (Zipf 1.03), 'Topix' too often (2.49) to be judged; 'Tbe'
    # and 'Teh' (Zipf 2.56 and 3.04) are slips of 'the' the common-misspellings table lists.
    # A Title Case token is judged from three letters, an all-capital one (an acronym) from four.
    assert capitals.surfaces(speller, types, lexicon.names, doc) == {
        "Gradn", "HOETL", "Shye", "Febraury", "Tbe", "Teh", "Bnk"}


def test_no_judgement_after_a_title_or_an_initial(speller):
    text = "He was heard. Mr. Shye worked for a decade in a cramped lab, and so did H. Shye."
    wanted = {"Shye"}
    assert capitals.propose(text, wanted, speller, {}, 0.8) == []
    opening = "He was heard. Shye worked for a decade in a cramped lab."
    assert [e.replacement for e in capitals.propose(opening, wanted, speller, {}, 0.8)] == ["She"]


def test_a_confident_decision_is_left_alone(speller):
    text = "The Gradn Prix went to the film."
    start = text.index("Gradn")
    edits = capitals.propose(text, {"Gradn"}, speller, {}, 0.8)
    assert [(e.original, e.replacement, e.rule) for e in edits] == [
        ("Gradn", "Grand", "spelling.capitalized")]
    assert capitals.propose(text, {"Gradn"}, speller, {start: edits[0]}, 0.8) == []
    assert Counter(word_types(text))["Gradn"] == 1


def test_a_rare_spelling_wordfreq_has_seen_is_read_as_the_word_its_sentence_expects(speller):
    text = "The man had absconded from the colony in Febraury last."
    edits = capitals.propose(text, {"Febraury"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [("Febraury", "February")]
    assert "rare in wordfreq (Zipf 1.03)" in edits[0].reason


def test_a_listed_slip_is_judged_however_often_wordfreq_saw_it(speller):
    text = "GOMA, Congo — Tbe World Health Organization declared a global emergency."
    edits = capitals.propose(text, {"Tbe"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [("Tbe", "The")]
    assert "a common misspelling of 'the'" in edits[0].reason
    # A token of three letters is read only as its listed word, not its nearest ones ('due').
    text = "He had tried to do it, and actually DNE for the nation and its farmers."
    assert capitals.judge(speller, text, token_in(text, "DNE"))[0] == "done"
    edits = capitals.propose(text, {"DNE"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [("DNE", "DONE")]


def test_a_word_one_ocr_confusion_away_is_a_candidate(speller):
    text = "COMPENSATION TO EMPLOYEE Tlie Dairy Farmers' Co-operative Company was ordered to pay."
    word, share, _ = capitals.judge(speller, text, token_in(text, "Tlie"))
    assert word == "the" and share > 0.9  # 'li' for 'h', two edits: symspell offers 'tile'


def test_seen_spellings_that_are_names_stay(speller):
    for text, name in [
        ("John M'Lean and his old trainer, Charles Tler, arrived here yesterday.", "Tler"),
        ("In this suit, John Henry Deau petitioned for a divorce.", "Deau"),
        # The sentence barely expects 'rowan' (0.7 log10 units): the glyph confusion's low
        # cost alone would carry it past the archive's threshold.
        ('"People keep coming back," said Rawan Haj Hussein, 29, a volunteer.', "Rawan"),
        ("Mr. M. F. Hardy (instructed by Cleary and Callachor) appeared for him.", "Cleary"),
        ("The council accepted the tender of Bray and Holliday for the shop fronts.", "Holliday"),
    ]:
        assert capitals.propose(text, {name}, speller, {}, 0.6) == [], name
    assert capitals.after_first_name(speller.lexicon, "Charles Tler", 8)
    assert not capitals.after_first_name(speller.lexicon, "the Mavor", 4)


def test_a_title_case_token_of_three_letters_is_read_as_the_word_its_sentence_expects(speller):
    text = "Olayemi Cardoso, the governor of the Central Bnk of Nigeria, raised the rate."
    edits = capitals.propose(text, {"Bnk"}, speller, {}, 0.8)
    assert [(e.original, e.replacement) for e in edits] == [("Bnk", "Bank")]


def test_a_possessive_is_judged_by_its_word_and_keeps_its_s(speller, lexicon):
    text = "It peaked early in the year. Britani's Met Office published estimates."
    types = word_types(text)
    assert "Britani's" in capitals.surfaces(speller, types, lexicon.names,
                                            Document(types, lexicon.common))
    (edit,) = capitals.propose(text, {"Britani's"}, speller, {}, 0.8)
    assert (edit.original, edit.replacement) == ("Britani", "Britain")
    assert text[edit.start:edit.end] == "Britani"  # the 's stays as written


def test_a_possessive_is_read_as_the_models_possessive_word(speller):
    """The words after a possessive are those after its 's, and each candidate is scored as
    the possessive, where the context model knows that form ("parkinson's")."""
    text = "Doctors said Parkinsonh's disease is common."
    (edit,) = capitals.propose(text, {"Parkinsonh's"}, speller, {}, 0.8)
    assert (edit.original, edit.replacement) == ("Parkinsonh", "Parkinson")
    written = token_in(text, "Parkinsonh's")
    token = token_in(text, "Parkinsonh")
    assert capitals.judge(speller, text, token, written.end)[2] > capitals.NAME_LIFT


def test_a_possessive_the_model_does_not_know_finds_no_evidence(speller):
    """'milton's' is no word of the context model: the name's possessive stays, where the
    bare word before the next one ('milton collection') would have read it as Milton."""
    text = "It used the 2,453 pairs in Mitton's collection, which the list largely holds."
    assert not speller.language_model.knows("milton's")
    assert capitals.possessive_lift(speller, ("pairs", "in"), "milton", ("collection",)) == 0.0
    assert capitals.propose(text, {"Mitton's"}, speller, {}, 0.8) == []
