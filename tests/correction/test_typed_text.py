"""Typed text's rules for the sentence reading."""

from __future__ import annotations

import pytest

from normalizer.correction import typed_text
from normalizer.correction.context import WORD


@pytest.mark.parametrize(("text", "opens"), [
    ("Its systems had been hacked. Thc Carter Center said so.", True),
    ("Thc Carter Center said so.", True),
    ("They met Mr. Thc on Monday.", False),  # after a title: a name
    ("They met H. Thc on Monday.", False),  # after an initial
    ("They met the Thc team on Monday.", False),  # inside a sentence
    ("In the second cabin. Oonah (s), 1695 tons.", False),  # no corpus saw it: a name
    ("He spoke first. Lavrov said so.", False),  # a gazetteer name
])
def test_a_typed_capital_may_be_a_word_only_opening_a_sentence_and_seen_by_wordfreq(
        speller, text, opens):
    word = next(m for m in WORD.finditer(text) if m.group() in ("Thc", "Oonah", "Lavrov"))
    assert typed_text.opens_typed_sentence(speller, text, word.start()) is opens
