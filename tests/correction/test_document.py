"""Document evidence: name counts, confident fixes recorded, close rivals."""

from __future__ import annotations

from collections import Counter

from normalizer.correction.document import SUPPORTED_MAX_SPELLINGS, Document
from normalizer.model import Edit


def _doc() -> Document:
    return Document(Counter({"Lavrov": 3, "Lavroy": 1, "said": 4, "The": 2}), {"the"})


def test_names_count_capitalized_spellings_only():
    doc = _doc()
    assert doc.count("Lavrov") == 3 and doc.count("said") == 0


def test_names_sum_a_spelling_and_its_possessives_in_the_order_first_seen():
    doc = Document(Counter({"Kyiv’s": 2, "said": 4, "Kyiv": 3, "KYIV'S": 1, "Putins'": 1}),
                   set())
    assert list(doc.names.items()) == [("Kyiv", 5), ("KYIV", 1), ("Putins", 1)]
    assert isinstance(doc.names, Counter) and doc.names["Smith"] == 0


def test_rivals_are_more_frequent_close_spellings_repeated_at_least_twice():
    doc = _doc()
    assert doc.rivals("Lavroy") == [("Lavrov", 3)]
    assert doc.rivals("Lavrov") == []
    assert doc.rivals("Smith") == []


def test_a_common_word_prose_only_capitalizes_is_a_name_and_may_be_a_rival():
    # 'trump' is a common word; this document writes it only as a name.
    prose = Counter({"said": 20, "the": 30, "on": 10})
    doc = Document(prose + Counter({"Trump": 15, "Truml": 1}), {"trump", "said", "the"})
    assert doc.prose and doc.rivals("Truml") == [("Trump", 15)]
    # Written lowercase too ('The' and 'the'): a word, reached through OCR variants instead.
    both = Document(prose + Counter({"Trump": 15, "trump": 1, "Truml": 1}), {"trump"})
    assert both.rivals("Truml") == []
    # A text in capitals or title case writes nothing lowercase: that says nothing.
    title = Document(Counter({"Trump": 15, "Truml": 1, "Said": 20, "The": 30}),
                     {"trump", "said", "the"})
    assert not title.prose and title.rivals("Truml") == []
    assert title.copy().prose is False


def test_the_same_spelling_in_capitals_is_no_rival():
    doc = Document(Counter({"WHEELER": 2, "Wheeler": 1, "Whoeler": 1}), set())
    assert doc.rivals("Wheeler") == []
    assert doc.rivals("Whoeler") == [("WHEELER", 2)]


def test_a_recorded_fix_moves_the_count_and_copies_are_independent():
    doc = _doc()
    twin = doc.copy()
    twin.record(Edit(0, 6, "Lavroy", "Lavrov", "entity", "entity.document", 0.9, "r"))
    assert twin.count("Lavrov") == 4 and twin.count("Lavroy") == 0
    assert doc.count("Lavrov") == 3


def test_a_lowercase_spelling_used_three_times_without_its_reading_is_the_documents_own():
    doc = Document(Counter({"stmr": 3, "havo": 3, "have": 2, "tbe": 2, "Star": 0}), set())
    assert doc.uses_as_own("stmr", "star")
    assert not doc.uses_as_own("havo", "have")  # the page prints the word right elsewhere
    assert not doc.uses_as_own("tbe", "the")  # twice is not a habit
    assert doc.copy().uses_as_own("stmr", "star")
    capitalized = Document(Counter({"stmr": 3, "Star": 1}), set())
    assert not capitalized.uses_as_own("stmr", "star")


def test_a_name_spelt_three_times_and_more_often_than_its_reading_is_the_documents_own():
    doc = Document(Counter({"Refael": 2, "Refael's": 1, "Rafael": 1, "Hassaan": 2,
                            "Pornpeo": 3, "Pompeo": 9}), set())
    assert doc.uses_name_as_own("Refael", "rafael")  # the possessive counts
    assert not doc.uses_name_as_own("Hassaan", "hassan")  # twice is not a habit
    assert not doc.uses_name_as_own("Pornpeo", "pompeo")  # the name is written more often
    assert doc.copy().uses_name_as_own("Refael", "rafael")


def test_a_name_spelt_three_ways_once_each_has_the_spelling_one_slip_from_both_others_as_rival():
    doc = Document(Counter({"Ghaffarzadeh": 1, "Gbaffarzadeh": 1, "Ghatfarzadeh": 1}), set())
    assert doc.rivals("Gbaffarzadeh") == [("Ghaffarzadeh", 3)]
    assert doc.rivals("Ghatfarzadeh") == [("Ghaffarzadeh", 3)]
    assert doc.rivals("Ghaffarzadeh") == []


def test_two_spellings_once_each_support_each_other_equally_and_short_names_are_left_alone():
    assert Document(Counter({"Ghaffarzadeh": 1, "Gbaffarzadeh": 1}), set()).rivals(
        "Gbaffarzadeh") == []
    short = Document(Counter({"Jansen": 1, "Hansen": 1, "Jensen": 1}), set())
    assert short.rivals("Hansen") == [] and short.rivals("Jensen") == []


def test_support_follows_recorded_fixes():
    doc = Document(Counter({"Ghaffarzadeh": 1, "Gbaffarzadeh": 1, "Ghatfarzadeh": 1}), set())
    assert doc.rivals("Ghaffarzadeh") == []
    doc.record(Edit(0, 12, "Ghaffarzadeh", "Gbaffarzadeh", "entity", "entity.document", 0.9, "r"))
    # 'Gbaffarzadeh' twice now: the repeated spelling is the rival, no longer the supported one
    assert doc.rivals("Ghaffarzadeh") == [("Gbaffarzadeh", 2)]
    assert doc.supported_rivals("Ghatfarzadeh") == []  # 'Ghaffarzadeh' is written no more


def test_a_window_listing_hundreds_of_long_names_gets_no_supported_rivals():
    # Comparing every spelling with every other is kept bounded per window.
    names = Counter({"Ghaffarzadeh": 1, "Gbaffarzadeh": 1, "Ghatfarzadeh": 1})
    names.update({f"Zzname{i:04d}x": 1 for i in range(SUPPORTED_MAX_SPELLINGS)})
    assert Document(names, set()).rivals("Gbaffarzadeh") == []
