"""normalizer.correction.word_index: one lexicon's channel-free word tables, shared by all
its spellers."""

from __future__ import annotations

from normalizer.correction.speller import speller_for
from normalizer.correction.word_index import (
    REAL_WORD_MIN_RIVAL_ZIPF,
    WordIndex,
    word_index_for,
)
from normalizer.lexicon import load_lexicon


def test_the_spellers_of_one_lexicon_share_its_index_and_memos():
    lexicon = load_lexicon()
    builtin, learned = speller_for(lexicon, "builtin"), speller_for(lexicon, "learned")
    assert builtin is not learned
    assert builtin.words is learned.words is word_index_for(lexicon)
    assert builtin.name_partners is learned.name_partners
    assert builtin.nearest_words("tbe") is learned.nearest_words("tbe")  # one memo entry


def test_nearest_words_are_most_frequent_first_and_never_the_key():
    index = word_index_for(load_lexicon())
    found = index.nearest_words("recieve")
    assert found and found[0][0] == "receive"
    assert all(word != "recieve" for word, _ in found)
    zipfs = [zipf for _, zipf in found]
    assert zipfs == sorted(zipfs, reverse=True)


def test_slips_of_very_frequent_words_are_rare_common_words():
    index = word_index_for(load_lexicon())
    slips = index.slips_of_very_frequent(4.5)
    assert "for" in slips["foe"]
    lexicon = index.lexicon
    assert all(lexicon.frequency(slip) <= 4.5 for slip in slips)
    assert all(lexicon.frequency(word) >= REAL_WORD_MIN_RIVAL_ZIPF
               for words in slips.values() for word in words)
    assert index.slips_of_very_frequent(4.5) is slips  # memoized per bound


def test_load_says_whether_it_built_anything():
    index = WordIndex(load_lexicon())
    assert index.load(vocabulary=False)
    assert not index.load(vocabulary=False)
    assert index.load(vocabulary=True)  # the vocabulary was not built yet
    assert "receive" in index.vocabulary and "zqxv" not in index.vocabulary
