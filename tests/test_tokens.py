"""Token neighbourhoods (normalizer/tokens.py): whether a token stands in a name."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from normalizer.tokens import (
    ENDINGS,
    TOKEN_PLAIN,
    beside_capital,
    capitalized_neighbours,
    may_hold_protected,
    quoted_alone,
    tokenize,
    word_types,
)


@pytest.mark.parametrize(("text", "word", "beside"), [
    ("He spoke with lames Smith on Monday.", "lames", True),
    ("It was erected in New ork city.", "ork", True),
    ("The department had warned ussia that", "ussia", False),
    ("He left. Now ork is empty.", "ork", False),  # 'Now' opens a sentence
    ("It was the big ork.\nThen he left.", "ork", False),  # 'Then' is on the next line
    ("ADRÉ, Chad — Every clay, several", "clay", False),  # 'Every' opens a dateline's sentence
])
def test_a_token_beside_a_capitalized_word(text, word, beside):
    start = text.index(word)
    assert beside_capital(text, start, start + len(word)) is beside


def test_a_token_quoted_alone_is_a_mention():
    text = 'OCR makes "aud" and “tor”, and \'bis\' of words; "aud combatants" is used.'
    def alone(word: str, nth: int = 0) -> bool:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return quoted_alone(text, start, start + len(word))
    assert alone("aud") and alone("tor") and alone("bis")
    assert not alone("aud", 1)  # quoted with the words it is used with
    assert not alone("makes") and not quoted_alone("aud", 0, 3)


def test_a_quoted_word_may_hold_its_punctuation_inside_the_marks():
    text = 'were it named "ninaa," or "tho." or "aud" ,'
    for word, alone in (("ninaa", True), ("tho", True), ("aud", True)):
        start = text.index(word)
        assert quoted_alone(text, start, start + len(word)) is alone
    assert not quoted_alone('"aud ,"', 1, 4)  # a space: the mark closes more than the word
    assert not quoted_alone('"aud,', 1, 4)  # no closing mark after the comma


@pytest.mark.parametrize(("text", "surface", "starts"), [
    ("ca can Deca ca.", "ca", [0, 12]),  # not inside a longer word, on either side
    ("Russia's ally, Russia", "Russia", [15]),  # 'Russia's' is one token
    ("«ca» éca ca", "ca", [1, 9]),  # a guillemet ends no word; an accented letter is one
    ("va|ery |ery ery", "ery", [12]),  # a bar inside or opening a word belongs to it
    ("ca’s ca' ca’é ca1 ca", "ca", [5, 18]),  # an apostrophe joins a following letter
    ("caé ca\u0301 ca", "ca", [8]),  # an accented letter or a mark continues a word
    ("ca@ca.com ca #ca cat", "ca", [10]),  # protected spans hold tokens too, and skip them
])
def test_selected_tokens_are_whole_tokens(text, surface, starts):
    assert [t.start for t in tokenize(text, only={surface})] == starts
    # Counted, the search stops at the last token.
    assert [t.start for t in tokenize(text, only={surface}, counts=word_types(text))] == starts
    assert [t.start for t in tokenize(text) if t.surface == surface] == starts


@pytest.mark.parametrize("text", [
    "“We said,” he (AP) said: it’s Russia’s 155mm shells' cost.",
    "U.S.-led talks—Erdoğan’s ‘no’… ca\u0301 x²_y '’tis\u2028next\xa0word\x1cend",
    "", "...", "a", "’s",
])
def test_word_types_are_the_tokens_a_scan_finds(text):
    """Chunk by chunk, as a whole scan of the text, in the same order."""
    found = word_types(text)
    assert found == Counter(TOKEN_PLAIN.findall(text))
    assert list(found) == list(dict.fromkeys(TOKEN_PLAIN.findall(text)))


@pytest.mark.parametrize("text", [
    "He said so. Then he left.", "see example.COM now", "e.g. the U.S. Co.", "a.\u212aB",
    "x@y", "#tag", "`code`", "https://a.b", "www.x", "end.", ".", "", "é.Ío\nnext.py",
    "Erdoğan’s ‘no’… .Json", "one\n.uk", "St.ſ",
])
def test_a_protected_mark_is_found_as_one_alternation_finds_it(text):
    """Substring tests and a dotted ending, as the alternation of them all."""
    alternation = re.compile(r"://|www\.|@|#|`|\." + ENDINGS)
    assert may_hold_protected(text) is (alternation.search(text) is not None)


@pytest.mark.parametrize(("text", "word", "neighbours"), [
    ("He spoke with lames Smith on Monday.", "lames", (None, "Smith")),
    ("It was erected in New ork city.", "ork", ("New", None)),
    ("The Los Angeles Dodgers vvon the title.", "vvon", ("Dodgers", None)),
    ("He left. Now ork is empty.", "ork", (None, None)),
])
def test_the_capitalized_neighbours_of_a_token(text, word, neighbours):
    start = text.index(word)
    assert capitalized_neighbours(text, start, start + len(word)) == neighbours
