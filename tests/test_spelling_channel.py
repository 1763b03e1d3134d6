"""The spelling channel: how dictionaries/build_spelling_channel.py aligns and counts, the
loader, its costs, and the ranked corrections it reprices."""

import math

import pytest

from dictionaries.build_spelling_channel import differing, edits_of, learn
from normalizer import Normalizer
from normalizer.correction.explain import candidates
from normalizer.correction.spelling_channel import (
    UNMODELLED_EDIT_COST,
    SpellingChannel,
    load_spelling_channel,
)
from normalizer.lexicon import dictionaries_dir, load_lexicon
from normalizer.misspellings import read_misspellings
from normalizer.pipeline import StageContext
from normalizer.profile import Profile


@pytest.mark.parametrize(("written", "intended", "edits"), [
    ("recieve", "receive", [("ei", "ie")]),  # a swap: two regions one letter apart, joined
    ("centraly", "centrally", [("l", "")]),
    ("definately", "definitely", [("i", "a")]),
    ("arguement", "argument", [("", "e")]),
    ("teh", "the", [("he", "eh")]),
    ("receive", "receive", []),
])
def test_the_edits_are_where_an_alignment_differs(written, intended, edits):
    found = differing(written, intended)
    assert [(a, b) for a, b, _, _ in found] == edits
    marked = f"^{intended}$"
    assert all(marked[start:end] == a for a, _, start, end in found)


def test_an_edit_counts_bare_and_with_a_letter_of_context_on_each_side():
    assert list(edits_of("centraly", "centrally")) == [
        ("l", ""), ("ll", "l"), ("ly", "y"), ("lly", "ly")]
    # At a word's end the context is the end mark.
    assert ("s$", "$") in set(edits_of("thing", "things"))


def test_learned_costs_follow_the_counts():
    pairs = [("centraly", "centrally"), ("totaly", "totally"), ("realy", "really"),
             ("finaly", "finally"), ("recieve", "receive")]
    rows = {(a, b): (count, float(cost)) for a, b, count, cost in learn(pairs)}
    assert rows[("lly", "ly")][0] == 4
    assert ("ei", "ie") not in rows  # seen once: below MIN_COUNT
    # The more often an edit is made of a segment, the cheaper it is.
    assert rows[("lly", "ly")][1] < rows[("l", "")][1]


@pytest.fixture(scope="module")
def channel() -> SpellingChannel:
    return load_spelling_channel()


def test_the_shipped_table_prices_common_misspellings(channel):
    assert 5_000 < len(channel.edits) < 40_000
    assert channel.cost("receive", "receive") == 0.0
    # A person's misspelling is cheap: far cheaper than an edit the table lacks.
    assert channel.cost("centraly", "centrally") < 1.5
    assert channel.cost("recieve", "receive") < 1.5
    assert channel.cost("seperate", "separate") < 1.5
    # 'centraly' is 'centrally' misspelt, not 'central' with a letter added.
    assert channel.cost("centraly", "centrally") < channel.cost("centraly", "central")


def test_a_bound_stops_the_search_and_the_memo_keeps_exact_costs():
    table = SpellingChannel({("ei", "ie"): 1.0})
    assert table.cost("recieve", "receive", bound=0.5) >= 0.5  # dearer than the bound
    assert table.cost("recieve", "receive") == pytest.approx(1.0)  # exact once unbounded
    assert table.cost("recieve", "receive", bound=0.5) == pytest.approx(1.0)
    # Edits the table lacks cost UNMODELLED_EDIT_COST each: a swap is one of them.
    assert table.cost("abd", "adb") == pytest.approx(UNMODELLED_EDIT_COST)
    assert table.cost("xyz", "abc") == pytest.approx(3 * UNMODELLED_EDIT_COST)
    assert table.cost("", "abc", bound=math.inf) == pytest.approx(3 * UNMODELLED_EDIT_COST)


def test_learned_edits_of_every_length_combine_in_one_alignment():
    table = SpellingChannel({("lly", "ly"): 0.5, ("", "e"): 1.0, ("a", "e"): 0.7,
                             ("s$", "$"): 0.3, ("^ps", "^s"): 0.9})
    assert table.cost("totaly", "totally") == pytest.approx(0.5)  # three letters read as two
    assert table.cost("argueement", "arguement") == pytest.approx(1.0)  # one added
    assert table.cost("seperate", "separate") == pytest.approx(0.7)
    assert table.cost("thing", "things") == pytest.approx(0.3)  # at the end mark
    assert table.cost("sychology", "psychology") == pytest.approx(0.9)  # at the start mark
    # Several edits in one word add up, learned or not.
    assert table.cost("sepeeratly", "separately") == pytest.approx(0.7 + 1.0 + UNMODELLED_EDIT_COST)
    # The cheapest way wins: 'lly' -> 'ly' (0.5), not an 'l' left out (4.0).
    assert table.cost("realy", "really") == pytest.approx(0.5)


@pytest.fixture(scope="module")
def ctx() -> StageContext:
    return StageContext(Profile(), load_lexicon())


@pytest.mark.parametrize(("word", "first"), [
    ("universaly", "universally"),  # not 'universal'
    ("graphicaly", "graphically"),
    ("scarely", "scarcely"),  # not 'scarily'
    ("emploies", "employees"),  # not 'employs'
    ("beeteen", "between"),  # not 'beaten'
])
def test_a_misspelling_ranks_what_people_mean_first(ctx, word, first):
    assert candidates(word, ctx)[0] == first


@pytest.mark.parametrize(("word", "first"), [
    ("achive", "achieve"),  # the ambiguous table's first correction, not 'archive'
    ("teh", "the"),
])
def test_the_misspelling_tables_words_keep_their_answer(ctx, word, first):
    assert candidates(word, ctx)[0] == first


def test_a_lone_misspelling_is_fixed_as_ranked():
    result = Normalizer().normalize("graphicaly")
    assert result.text == "graphically"
    assert Normalizer().normalize("centrally").edits == ()  # a word is left alone


def test_the_shipped_table_is_what_its_builder_makes_of_the_shipped_misspellings():
    misspellings = read_misspellings(dictionaries_dir() / "built" / "misspellings.tsv")
    rows = learn((w, c) for w, c in misspellings.items() if " " not in c)
    assert {(a, b): float(cost) for a, b, _, cost in rows} == load_spelling_channel().edits
