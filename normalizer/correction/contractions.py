"""Misread and mistyped contractions ("lt's", "Thaf's", "They'v", "We'llo"): their rivals.

A contraction is one token with its apostrophe, so the letter checks never see it as a word:
its stem would be a possessive's ('lt' of "lt's") and its spelling holds no word. A token of
the shape (`CONTRACTION`: a few letters, an apostrophe, a few lowercase letters) that no
common-word list holds is a target of the sentence reading instead, whose hypotheses are the
frequent contractions one slip from it (`rivals`): the trigram model knows "it's" and
"they've", and reads "lt's moving" as "it's moving" while "the hat's brim" stays.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..patterns import compile_regex
from .channel import GLYPH_MAX_COST
from .keyboard import TYPO_COST
from .words import elides, lookup_key

if TYPE_CHECKING:
    from ..lexicon import Lexicon
    from .speller import Speller

CONTRACTION = compile_regex(r"\p{L}{1,8}['’]\p{Ll}{1,3}")
"""A contraction's shape: "it's", "they've", "We'llo". A name's apostrophe comes before a
capital or a longer part ("O'Brien", "D'Angelo")."""
SCREEN_MAX_EDITS = 2
"""Plain edits (Levenshtein) within which a contraction may be one slip from a token: a
glyph confusion of two letters for one ('rn' for 'm') is two."""
FREQUENT_MIN_ZIPF = 4.0
"""The contractions a token may be read as: "it's" (6.3) to "o'clock" (4.0), 51 of them."""


def is_contraction_shaped(surface: str) -> bool:
    """Whether `surface` has a contraction's shape (`CONTRACTION`)."""
    return CONTRACTION.fullmatch(surface) is not None


@lru_cache(maxsize=2)
def _frequent(lexicon: Lexicon) -> tuple[str, ...]:
    """The common words with an apostrophe of Zipf `FREQUENT_MIN_ZIPF` or more."""
    return tuple(sorted(word for word in lexicon.common
                        if "'" in word and lexicon.frequency(word) >= FREQUENT_MIN_ZIPF))


@lru_cache(maxsize=4096)
def rivals(speller: Speller, surface: str) -> tuple[tuple[str, float], ...]:
    """The frequent contractions one slip (at most `keyboard.TYPO_COST`) from a
    contraction-shaped `surface` that no common-word list holds, with their channel costs,
    the likeliest out of context first; none for any other token, nor for one that elides a
    word's letters (`words.elides`) unless a contraction is one glyph confusion from it
    (`channel.GLYPH_MAX_COST`: "dou't" is OCR's "don't", no elided 'doubt')."""
    key = lookup_key(surface)
    lexicon = speller.lexicon
    if not is_contraction_shaped(surface) or key in lexicon.common:
        return ()
    # rapidfuzz screens the few within two plain edits in C: one slip is never more.
    near = process.extract(key, _frequent(lexicon), scorer=Levenshtein.distance,
                           score_cutoff=SCREEN_MAX_EDITS, limit=None)
    found = ((word, speller.cost(key, word, TYPO_COST)) for word, _, _ in near)
    ranked = tuple(sorted(((word, cost) for word, cost in found if cost <= TYPO_COST),
                          key=lambda wc: (wc[1] - lexicon.frequency(wc[0]), wc[0])))
    if ranked and ranked[0][1] > GLYPH_MAX_COST and any(
            elides(key, word, lexicon.frequency(word))
            for word in speller.word_candidates(key, None)):
        return ()  # "wou'd" is 'would' as its writer spells it, no slip of "you'd"
    return ranked
