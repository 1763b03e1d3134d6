"""The unicode stage's first look: which texts it reads at all."""

from __future__ import annotations

import pytest

from normalizer.unicode import _needs_look


@pytest.mark.parametrize(("text", "needs"), [
    ("Fish &amp; chips", True), ("it&#39;s", True), ("AT&T and R & D", False), ("R&D;", True),
    ("a\u00a0b", True), ("zero\u200bwidth", True), ("ﬁne", True), ("bell\x07", True),
    ("CafÃ© society", True), ("Café “society” — fine", False), ("plain text", False),
])
def test_a_text_needs_a_look_for_entities_odd_characters_and_mojibake(text, needs):
    assert _needs_look(text, "keep") is needs
