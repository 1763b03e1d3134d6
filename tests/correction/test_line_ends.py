"""Words broken at a line end."""

from __future__ import annotations

import pytest

from normalizer.correction.line_ends import is_line_split
from normalizer.tokens import tokenize


@pytest.mark.parametrize(("text", "half", "split"), [
    ("It was ac-\ncused of it.", "ac", True),  # hyphenated
    ("It was ac-\ncused of it.", "cused", True),
    ("It was con\ndemned at once.", "con", True),  # hyphen lost, halves make a common word
    ("It was the\nhouse of it.", "the", False),  # two words of their own
    ("It was con demned at once.", "con", False),  # no line break
])
def test_a_line_split_half_is_one_of_two_halves_of_a_word_across_a_line(
        lexicon, text, half, split):
    token = next(t for t in tokenize(text) if t.surface == half)
    assert is_line_split(text, token, lexicon.common) is split
