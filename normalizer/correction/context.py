"""Context scoring: what the neighbouring words say for a hypothesis.

Today a hypothesis gains `CONTEXT_WEIGHT` (log10) for each neighbour that symspellpy's bigram
list pairs it with.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..tokens import Token

CONTEXT_WEIGHT = 0.75
"""log10 weight of each neighbour that symspell's bigram list pairs with a hypothesis."""


def context_words(text: str, token: Token) -> tuple[str, str]:
    before = text[max(0, token.start - 40) : token.start].split()
    after = text[token.end : token.end + 40].split()
    prev = before[-1].strip(".,;:!?\"'()“”’").lower() if before else ""
    nxt = after[0].strip(".,;:!?\"'()“”’").lower() if after else ""
    return prev, nxt


def context_score(lexicon: Lexicon, prev: str, word: str, nxt: str) -> float:
    """CONTEXT_WEIGHT for each neighbour the bigram list pairs with `word`."""
    bigrams = lexicon.bigrams
    return CONTEXT_WEIGHT * ((f"{prev} {word}" in bigrams) + (f"{word} {nxt}" in bigrams))
