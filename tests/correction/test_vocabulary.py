"""The deep search's vocabulary: membership and prefix queries."""

from __future__ import annotations

from normalizer.correction.vocabulary import Vocabulary

WORDS = Vocabulary(["the", "then", "there", "three", "tree", "bearing", "bear"])


def test_membership_is_exact():
    assert "then" in WORDS
    assert "th" not in WORDS
    assert len(WORDS) == 7


def test_a_prefix_is_any_word_beginning_including_a_whole_word():
    assert WORDS.has_prefix("")
    assert WORDS.has_prefix("thr")
    assert WORDS.has_prefix("there")
    assert not WORDS.has_prefix("thx")
    assert not WORDS.has_prefix("theres")


def test_next_characters_are_the_distinct_continuations_in_order():
    assert WORDS.next_characters("th") == ("e", "r")
    assert WORDS.next_characters("the") == ("n", "r")  # 'the' itself is a word, not a letter
    assert WORDS.next_characters("") == ("b", "t")
    assert WORDS.next_characters("there") == ()
    assert WORDS.next_characters("q") == ()
