"""The speller's nearest-word lookups (correction/speller.py)."""

from __future__ import annotations

import itertools

import pytest

from normalizer.correction.speller import ONE_EDIT_MAX_LENGTH, REAL_WORD_MIN_RIVAL_ZIPF


def test_the_frequent_words_index_finds_what_the_full_one_finds_among_frequent_words(speller):
    # Every two-letter key, and some longer ones: the small index must agree with the full
    # one filtered to the very frequent common words, term for term and in the same order.
    keys = ["".join(p) for p in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=2)]
    keys += ["ws", "teh", "frm", "abuot", "hwich"]
    common = speller.lexicon.common
    for key in keys:
        full = tuple((t, z) for t, z in speller.nearest_words(key)
                     if z >= REAL_WORD_MIN_RIVAL_ZIPF and t in common)
        assert speller.nearest_frequent_words(key) == full, key


def test_the_frequent_words_index_takes_only_keys_looked_up_one_edit_away(speller):
    assert ("was", 6.82) in speller.nearest_frequent_words("ws")
    with pytest.raises(ValueError):
        speller.nearest_frequent_words("a" * (ONE_EDIT_MAX_LENGTH + 1))
