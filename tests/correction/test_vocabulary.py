"""The deep search's vocabulary: membership and prefix queries."""

from __future__ import annotations

from normalizer.correction.vocabulary import Vocabulary

WORDS_LIST = ["the", "then", "there", "three", "tree", "bearing", "bear"]
WORDS = Vocabulary(WORDS_LIST)


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


def test_words_given_in_order_answer_as_words_given_in_any_order():
    in_order = Vocabulary(sorted(set(WORDS_LIST)), in_order=True)
    assert len(in_order) == len(WORDS)
    for prefix in ("", "th", "the", "thr", "bear", "q"):
        assert in_order.next_characters(prefix) == WORDS.next_characters(prefix)
        assert in_order.has_prefix(prefix) == WORDS.has_prefix(prefix)


def test_repeated_words_count_once():
    assert len(Vocabulary(["the", "the", "tree"])) == 2
