"""The speller's nearest-word lookups (correction/speller.py)."""

from __future__ import annotations

import itertools

import pytest

from normalizer.correction.candidates import context_free_candidates
from normalizer.correction.keyboard import TYPO_COST
from normalizer.correction.word_index import ONE_EDIT_MAX_LENGTH, REAL_WORD_MIN_RIVAL_ZIPF
from normalizer.correction.word_policy import HEADLINE_POLICY, INNER_DIGIT


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


def _damaged(word: str) -> list[str]:
    """Capitalized spellings one or two slips from `word`: a letter dropped, two swapped, a
    letter doubled, two glyph confusions, a letter replaced and one dropped."""
    middle = len(word) // 2
    found = [word[:middle] + word[middle + 1:], word[:middle] + word[middle + 1] + word[middle]
             + word[middle + 2:], word[:middle] + word[middle] + word[middle:],
             word.replace("e", "c", 2), word.replace("m", "rn").replace("h", "li"),
             word[:1] + "x" + word[2:middle] + word[middle + 1:]]
    return [spelling.capitalize() for spelling in found if spelling.isalpha()]


def test_a_names_words_within_one_edit_tell_whether_it_has_candidates(speller):
    assert speller.channel.finds_every_reading_within(TYPO_COST)
    lexicon = speller.lexicon
    words = sorted(w for w in lexicon.names if len(w) >= 6 and w.isalpha())[::97]
    words += sorted(w for w in lexicon.common if len(w) >= 6)[::211]
    tokens = {spelling for word in words for spelling in _damaged(word)
              if not INNER_DIGIT.search(spelling)}  # 'Glovver': another policy
    assert len(tokens) > 1_500
    told = {t: speller.has_candidates(t) for t in tokens}
    # The full computation asks symspell two edits away where one finds nothing.
    assert told == {t: bool(context_free_candidates(speller, t, HEADLINE_POLICY, {}))
                    for t in tokens}
    assert 0.1 < sum(told.values()) / len(told) < 0.9


def test_the_words_within_one_slip_are_those_of_the_full_lookup(speller):
    # Where nothing is one edit away, the variants two edits away stand for symspell's
    # lookup there: the same words within one slip, in the same order.
    lexicon = speller.lexicon
    words = sorted(w for w in lexicon.common if len(w) >= 6)[::53]
    words += sorted(w for w in lexicon.names if len(w) >= 6 and w.isalpha())[::331]
    keys = {spelling.lower() for word in words for spelling in _damaged(word)}
    two_edits = found_two_edits = 0
    def within_slip(key, found):
        return [(t, z) for t, z in found if speller.cost(key, t, TYPO_COST) <= TYPO_COST]

    for key in keys:
        found = within_slip(key, speller.nearest_words_within_slip(key))
        assert found == within_slip(key, speller.nearest_words(key)), key
        if not speller.nearest_words_within_one(key):
            two_edits += 1
            found_two_edits += bool(found)  # 'rn' for 'm' and 'li' for 'h' in one word
    assert two_edits > 500 and found_two_edits > 20
