"""Words broken at a line end are judged as one word, and the layout stays."""

from __future__ import annotations

import pytest
import regex

from normalizer import Normalizer
from normalizer.tokens import (
    LINE_BREAK_AFTER,
    LINE_BREAK_BEFORE,
    LINE_LOOK,
    joined_across_line,
)


@pytest.mark.parametrize(
    ("text", "word", "joined"),
    [
        ("It was con-\ndemned.", "demned", ("condemned", True)),
        ("It was con-\ndemned.", "con", ("condemned", True)),
        ("his repre\nsentative spoke", "sentative", ("representative", False)),
        ("his repre\nsentative spoke", "repre", ("representative", False)),
        ("one line only", "line", None),
        # junk at the line end or opening the next line is passed over
        ("to allow ac«\ncused to avoid", "cused", ("accused", False)),
        ("in con\n? trast with", "trast", ("contrast", False)),
        ("in con\n? trast with", "con", ("contrast", False)),
    ],
)
def test_the_other_half_across_a_line_break(text, word, joined):
    start = text.index(word)
    assert joined_across_line(text, start, start + len(word)) == joined


@pytest.mark.parametrize("text", [
    "It was con-\ndemned.\r\nhis repre\nsentative; ac«\n  cused in con\n? trast. No break",
    "a\nb \n c-\n\nd é\nà " + "x" * 60 + " y\nz", "one line only, " * 8, "",
])
def test_the_other_half_is_what_the_patterns_alone_find(text):
    """The patterns are tried only where a line break is near, and find what they find when
    tried everywhere."""
    def plain(start, end):
        head = LINE_BREAK_BEFORE.search(text[max(0, start - LINE_LOOK) : start])
        if head:
            return head.group(1) + text[start:end], bool(head.group(2))
        tail = LINE_BREAK_AFTER.match(text[end : end + LINE_LOOK])
        if tail:
            return text[start:end] + tail.group(2), bool(tail.group(1))
        return None
    for word in regex.finditer(r"\w+", text):
        assert joined_across_line(text, *word.span()) == plain(*word.span())


@pytest.mark.parametrize("text", [
    "It was con-\ndemned", "ac«\n  ", "in con\n? ", "a-\n\n", "ab\n\n", "ab\n*\n", "x\r\n\t|\t",
    "déjà\u0301-\n", "\u0301\n", "one two\nthree four-\n", "é" * 20 + "\n" + "b" * 27, "-\n", "",
])
def test_the_line_break_before_is_what_a_forward_search_finds(text):
    """Searched backwards, the same match and groups as searched forwards, at every cut."""
    forward = regex.compile(LINE_BREAK_BEFORE.pattern.removeprefix("(?r)"))
    for cut in range(len(text) + 1):
        head, plain = LINE_BREAK_BEFORE.search(text[:cut]), forward.search(text[:cut])
        assert (head and (head.span(), head.groups())) == (plain and (plain.span(), plain.groups()))


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    "text",
    [
        "The prisoner was con-\ndemned to death by the court.",
        "The ad-\nmiration of the people was great.",
        "Their repre\nsentative spoke at length.",  # the OCR lost the hyphen
        "He was con\ndemned by the court.",
        "The court refused to allow ac«\ncused to go free.",  # junk for the hyphen
        "It stands in con\n? trast with the old policy.",
    ],
)
def test_second_halves_are_not_corrected_as_words(profile, text):
    engine = Normalizer(profile=profile)
    assert engine.normalize(text).text == text
