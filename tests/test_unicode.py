"""The unicode stage's first look: which texts it reads at all."""

from __future__ import annotations

import random
import re
import string

import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad

from normalizer.unicode import BADNESS_MAX_WIDTH, _needs_look, looks_bad


@pytest.mark.parametrize(("text", "needs"), [
    ("Fish &amp; chips", True), ("it&#39;s", True), ("AT&T and R & D", False), ("R&D;", True),
    ("a\u00a0b", True), ("zero\u200bwidth", True), ("ﬁne", True), ("bell\x07", True),
    ("CafÃ© society", True), ("Café “society” — fine", False), ("plain text", False),
])
def test_a_text_needs_a_look_for_entities_odd_characters_and_mojibake(text, needs):
    assert _needs_look(text, "keep") is needs


def _badness_alphabet() -> str:
    """Every character ftfy's badness regex names (its categories' ranges spelt out, and
    its literals), with ASCII letters, digits, spaces and punctuation."""
    named = set(string.ascii_letters + string.digits + " \t\n.,?!'\"-()")
    for chars in MOJIBAKE_CATEGORIES.values():
        named.update(re.sub(r"(.)-(.)", lambda m: "".join(
            map(chr, range(ord(m[1]), ord(m[2]) + 1))), chars))
    named.update(c for c in BADNESS_RE.pattern if not c.isascii())
    return "".join(sorted(named))


def test_ftfys_badness_flags_nothing_longer_than_the_window_looks_bad_searches():
    widest = re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1]
    assert widest <= BADNESS_MAX_WIDTH


def test_looks_bad_agrees_with_ftfys_is_bad():
    """Short strings over the characters ftfy's regex names: every flagged sequence must be
    found around a non-ASCII character, or the two would differ somewhere here."""
    alphabet = _badness_alphabet()
    chooser = random.Random(7)
    texts = ["CafÃ© society", "Café “society” — fine", "it’s fine", "Ã ", "a Ã  b", "Â ",
             "ГўВЂВ\x9d x", "plain text", ""]
    texts += ["".join(chooser.choice(alphabet) for _ in range(chooser.randint(1, 9)))
              for _ in range(60_000)]
    flagged = 0
    for text in texts:
        assert looks_bad(text) is is_bad(text), text
        flagged += is_bad(text)
    assert 1_000 < flagged < len(texts) - 1_000  # both verdicts well represented
