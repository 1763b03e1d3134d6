"""The context-model decision of lowercase words (the archive profile's)."""

from __future__ import annotations

import pytest

from normalizer.correction import sentence
from normalizer.correction.candidates import speller_for
from normalizer.tokens import Token


@pytest.fixture(scope="module")
def learned(lexicon):
    return speller_for(lexicon, "learned")


@pytest.mark.parametrize(("surface", "target"), [
    ("tho", True), ("pooplo", True), ("Tho", True), ("the", False), ("house", False),
    ("McCain", False), ("LIBVA", False), ("x", False), ("l8", False),
])
def test_targets_are_lowercase_non_words_and_risky_real_words(learned, surface, target):
    assert sentence.is_target(learned, surface) is target


def test_a_real_word_is_offered_its_frequent_rivals_through_the_learned_channel(learned):
    hypotheses = dict(sentence._hypotheses(learned, "tho"))
    assert "the" in hypotheses and hypotheses["the"] < 2.0


def test_the_real_word_margin_needs_strong_context_evidence():
    def margin(text, word, rival, cost):
        start = text.index(word)
        return sentence.real_word_margin(text, Token(start, start + len(word), word, word),
                                         rival, cost)

    assert margin("It was in tho morning that he came.", "tho", "the", 1.1) > 0
    assert margin("Scientists were able to isolate and clone the gene.", "clone", "done",
                  2.4) < 0


def test_propose_fixes_neighbouring_errors_together(learned):
    text = "It was in tho morning that ho came."
    targets = {text.index("tho"), text.index("ho came")}
    edits = sentence.propose(text, targets, learned, allow=())
    assert [(e.original, e.replacement) for e in edits] == [("tho", "the"), ("ho", "he")]
    assert all(text[e.start : e.end] == e.original and e.rule == "ocr.context" for e in edits)


def test_allowed_words_are_left_alone(learned):
    text = "It was in tho morning."
    assert sentence.propose(text, {text.index("tho")}, learned, allow={"tho"}) == []
