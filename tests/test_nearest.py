"""The nearest-word index answers as symspellpy's `lookup` does, on the same words."""

from __future__ import annotations

import pickle
import random

import pytest
from symspellpy import SymSpell, Verbosity
from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from normalizer.nearest import NearestWords, deletes

WORDS = {
    "libya": 900, "talks": 800, "lavrov": 50, "kremlin": 70, "the": 10_000, "then": 3_000,
    "than": 2_500, "there": 2_000, "government": 700, "governments": 300, "a": 9_000,
    "an": 8_000, "receive": 400, "recipe": 120, "separate": 350, "definitely": 200,
    "minister": 600, "ministers": 250, "foreign": 640, "forego": 10, "café": 15,
}


@pytest.fixture(scope="module")
def index() -> NearestWords:
    return NearestWords(WORDS)


@pytest.fixture(scope="module")
def symspell() -> SymSpell:
    checker = SymSpell(2, 5, distance_comparer=EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST))
    for word, count in WORDS.items():
        checker.create_dictionary_entry(word, count)
    return checker


def misspellings(count: int) -> list[str]:
    """Words of WORDS with one to three random edits (seeded)."""
    rng = random.Random(7)
    letters = "abcdefghilmnorstuvé'"
    found = []
    for _ in range(count):
        word = rng.choice(sorted(WORDS))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(word) + 1)
            op = rng.randrange(4)
            if op == 0:
                word = word[:i] + rng.choice(letters) + word[i:]
            elif op == 1 and i < len(word):
                word = word[:i] + word[i + 1:]
            elif op == 2 and i < len(word):
                word = word[:i] + rng.choice(letters) + word[i + 1:]
            elif i + 1 < len(word):
                word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        found.append(word)
    return found


def test_deletes_are_every_string_up_to_the_distance():
    assert deletes("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletes("ab", 2) == {"ab", "a", "b", ""}


def test_closest_matches_symspellpy(index, symspell):
    for token in [*misspellings(400), "lybia", "teh", "recieve", "goverment", "zzzzzz"]:
        for distance in (1, 2):
            expected = sorted(s.term for s in symspell.lookup(token, Verbosity.CLOSEST, distance))
            assert sorted(index.closest(token, distance)) == expected, (token, distance)


def test_within_gives_every_word_and_its_distance(index):
    assert sorted(index.within("tha", 1)) == [("than", 1), ("the", 1)]
    assert ("then", 2) in index.within("tha", 2)
    assert index.closest("talks", 2) == ["talks"]  # a word is its own nearest
    assert index.closest("qqqqqqq", 2) == []


def test_the_index_survives_pickling(index):
    copy = pickle.loads(pickle.dumps(index))
    assert sorted(copy.closest("ministre", 2)) == ["minister"]
    assert copy.counts == WORDS


def test_a_distance_beyond_the_index_is_refused(index):
    with pytest.raises(ValueError, match="distance"):
        index.within("libya", 3)
