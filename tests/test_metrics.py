"""Unit tests of bench/metrics.py on toy examples (no peers, no shared data)."""

from __future__ import annotations

import pytest

from bench.metrics import (
    Boilerplate,
    Counts,
    accuracy_at,
    align_units,
    boilerplate_counts,
    cer,
    char_errors,
    classify,
    correction_counts,
    relative_reduction,
    removed_tokens,
    tokenize,
    tokens_in_spans,
    words_per_second,
)


def test_tokenize_keeps_offsets_and_internal_apostrophes() -> None:
    tokens = tokenize("Mr. O'Brien's 2020 plan—ok.")
    assert [t.text for t in tokens] == ["Mr", "O'Brien's", "2020", "plan", "ok"]
    assert [(t.start, t.end) for t in tokens][:2] == [(0, 2), (4, 13)]


def test_fix_miss_wrong_fix_and_false_positive() -> None:
    counts = correction_counts(
        "tbe qnick brovvn fox jumps over",
        "the quick brown fox jumps over",
        "the qnick brawn fox jumped over",
    )
    assert (counts.fixes, counts.misses, counts.wrong_fixes) == (1, 1, 1)
    assert (counts.false_positives, counts.clean, counts.structural) == (1, 3, 0)
    assert counts.needed == 3
    assert counts.precision == pytest.approx(1 / 3)
    assert counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(1 / 3)
    assert counts.fp_per_1k == pytest.approx(1000 / 3)


def test_punctuation_and_whitespace_changes_are_not_scored() -> None:
    counts = correction_counts(
        'He said , "Libva"\n\nnow', "He said, “Libya” now", "He said, 'Libya' now"
    )
    assert counts == Counts(fixes=1, clean=3)
    assert counts.precision == 1.0 and counts.recall == 1.0 and counts.fp_per_1k == 0.0


def test_merge_is_one_unit() -> None:
    units = align_units(["a", "to", "day", "b"], ["a", "today", "b"], ["a", "today", "b"])
    assert [(u.input, u.expected, u.output) for u in units] == [
        (("a",), ("a",), ("a",)),
        (("to", "day"), ("today",), ("today",)),
        (("b",), ("b",), ("b",)),
    ]
    assert classify(units) == Counts(fixes=1, clean=2)


def test_deletions_are_structural_and_deleting_clean_text_is_a_false_positive() -> None:
    counts = correction_counts("keep Advertisement this text", "keep this text", "keep this")
    assert counts.structural == 1  # "Advertisement": for the boilerplate metric
    assert counts.false_positives == 1  # "text" deleted although it is clean
    assert counts.needed == 0 and counts.clean == 3


def test_insertions_in_output_are_false_positives() -> None:
    counts = correction_counts("one two", "one two", "one extra two")
    assert counts.false_positives == 1 and counts.clean == 2


def test_missing_text_in_input_is_structural() -> None:
    assert correction_counts("one two", "one lost two", "one two") == Counts(clean=2, structural=1)


def test_empty_documents() -> None:
    assert correction_counts("", "", "") == Counts()
    assert Counts().precision == 1.0 and Counts().recall == 0.0 and Counts().f1 == 0.0


def test_counts_add_up() -> None:
    total = Counts(fixes=1, clean=2)
    total += Counts(fixes=2, misses=1, false_positives=1, clean=3)
    assert total == Counts(fixes=3, misses=1, false_positives=1, clean=5)


def test_cer_ignores_layout_and_relative_reduction() -> None:
    assert char_errors("the  cat\nsat", "the cat sat") == (0, 11)
    assert cer("tbe cat", "the cat") == pytest.approx(1 / 7)
    assert cer("", "") == 0.0 and cer("x", "") == 1.0
    assert relative_reduction(0.2, 0.05) == pytest.approx(0.75)
    assert relative_reduction(0.1, 0.15) == pytest.approx(-0.5)
    assert relative_reduction(0.0, 0.0) == 0.0


def test_boilerplate_character_precision_and_recall() -> None:
    text = "News here. Advertisement Sign up now. More news."
    gold = tokens_in_spans(text, [(11, 37)])
    assert [t.text for t in gold] == ["Advertisement", "Sign", "up", "now"]
    perfect = boilerplate_counts(text, "News here. More news.", gold)
    assert perfect == Boilerplate(removed=22, gold=22, both=22)
    partial = boilerplate_counts(text, "News. Sign up now. More news.", gold)
    assert (partial.removed, partial.both) == (17, 13)  # "here" + "Advertisement"
    assert partial.precision == pytest.approx(13 / 17)
    assert partial.recall == pytest.approx(13 / 22)
    nothing = boilerplate_counts(text, text, gold)
    assert nothing.precision == 1.0 and nothing.recall == 0.0


def test_removed_tokens_from_a_diff() -> None:
    assert [t.text for t in removed_tokens("a Read more b", "a b")] == ["Read", "more"]


def test_accuracy_at_k_is_case_insensitive() -> None:
    ranked = [["hello", "help"], ["Lavrov"], ["x", "y", "z", "w", "v", "target"]]
    answers = ["help", "lavrov", "target"]
    assert accuracy_at(ranked, answers, 1) == pytest.approx(1 / 3)
    assert accuracy_at(ranked, answers, 5) == pytest.approx(2 / 3)
    assert accuracy_at([], [], 1) == 0.0
    with pytest.raises(ValueError):
        accuracy_at([["a"]], [], 1)


def test_words_per_second() -> None:
    assert words_per_second(1000, 0.5) == 2000.0
    assert words_per_second(10, 0.0) == float("inf")
