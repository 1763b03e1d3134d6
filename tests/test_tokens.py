"""Token neighbourhoods (normalizer/tokens.py): whether a token stands in a name."""

from __future__ import annotations

import pytest

from normalizer.tokens import beside_capital


@pytest.mark.parametrize(("text", "word", "beside"), [
    ("He spoke with lames Smith on Monday.", "lames", True),
    ("It was erected in New ork city.", "ork", True),
    ("The department had warned ussia that", "ussia", False),
    ("He left. Now ork is empty.", "ork", False),  # 'Now' opens a sentence
    ("It was the big ork.\nThen he left.", "ork", False),  # 'Then' is on the next line
])
def test_a_token_beside_a_capitalized_word(text, word, beside):
    start = text.index(word)
    assert beside_capital(text, start, start + len(word)) is beside
