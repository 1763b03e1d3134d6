"""The unicode stage's first look: which texts it reads at all."""

from __future__ import annotations

import random
import re
import string

import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad

from normalizer.unicode import BADNESS_MAX_WIDTH, _needs_look, _table_edits, looks_bad


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


@pytest.mark.parametrize(("line", "typography", "expected"), [
    # Spaces around a blanked code span: a diff of the line against its fixed form aligned
    # the blanks with the wrong no-break space and reported one removed, one doubled.
    ("add\u00a0      \u00a0variants", "keep",
     [(3, 4, "\u00a0", " ", "unicode.space"), (10, 11, "\u00a0", " ", "unicode.space")]),
    ("a\u200b\u200bb\u00a0\u202fc", "keep",
     [(1, 3, "\u200b\u200b", "", "unicode.invisible"), (4, 6, "\u00a0\u202f", "  ", "unicode.space")]),
    ("wait\u2026 “so”\u00a0now", "keep", [(10, 11, "\u00a0", " ", "unicode.space")]),
    ("wait\u2026 “so”", "ascii",
     [(4, 5, "\u2026", "...", "unicode.typography"), (6, 7, "“", '"', "unicode.typography"),
      (9, 10, "”", '"', "unicode.typography")]),
])
def test_table_edits_are_exact_where_ftfy_repairs_nothing(line, typography, expected):
    edits = _table_edits(line, 0, typography)
    assert [(e.start, e.end, e.original, e.replacement, e.rule) for e in edits] == expected


def test_a_markdown_code_span_keeps_its_no_break_spaces_and_so_do_its_neighbours(engine):
    text = "* **lib**: add\u00a0`bound\u00a0apply`\u00a0variants of\u00a0`primordials`\n"
    assert engine.normalize(text, format="markdown").text == text
