"""The whitespace stage: trailing spaces and blank-line runs."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.layout import _has_trailing

ENGINE = Normalizer()


@pytest.mark.parametrize(("text", "trailing"), [
    ("a line \nnext", True), ("a line\t\r\nnext", True), ("ends in a space ", True),
    ("ends in a tab\t", True), ("a line\nnext", False), ("a\u00a0\nb", False),
    ("spaces  inside, none at an end", False), ("", False),
])
def test_a_space_or_tab_ending_a_line_is_found(text, trailing):
    assert _has_trailing(text) is trailing


def test_trailing_spaces_are_removed_and_nothing_else():
    result = ENGINE.normalize("First line. \t\nSecond  line.\r\nLast line.  ", only=["whitespace"])
    assert result.text == "First line.\nSecond  line.\r\nLast line."
    assert {e.rule for e in result.edits} == {"whitespace.trailing"}
