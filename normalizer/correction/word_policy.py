"""Which words may replace a name-shaped token, where it stands (its `WordPolicy`).

A capitalized token is a name until its form or place says otherwise: mid-sentence, only a
token wordfreq never saw may become a word or a name wordfreq knows, through one OCR confusion;
at a sentence start a seen one may become a very common word; in a headline most
capitalized tokens are words; a digit between two letters proves an error. Names of the
gazetteer are candidates everywhere (`candidates.offer_variant`); a policy only says which
other words are.
"""

from __future__ import annotations

from typing import NamedTuple

from ..lexicon import HEADLINE_MIN_ZIPF, Lexicon
from ..patterns import compile_regex
from ..tokens import Token, in_headline, starts_sentence

SENTENCE_START_MIN_ZIPF = 5.0
"""At a sentence start only a very common word may replace a capitalized token ('Tbe')."""


UNSEEN_CAPITAL_MIN_ZIPF = 3.0
"""A capitalized token wordfreq never saw may become a word or name this frequent, through
one OCR confusion anywhere in a sentence ('NationaI' -> 'National', 'Wonnen' -> 'Women',
'Tbaddeus' -> 'Thaddeus' would need 2.7: 'Elyne' -> 'Clyne' is a real name it would break)."""


SINGLE_CONFUSION_COST = 2.5
"""The dearest single OCR confusion in dictionaries/confusions.tsv."""


MAX_GLYPH_COST = 4.0
"""Two cheap OCR confusions at most between a token and a candidate it may become."""


class WordRule(NamedTuple):
    """Which words may replace a name-shaped token: a word or name wordfreq has seen
    `min_zipf` or more, within `max_cost` through the channel; in a token of
    `LONG_TOKEN_LENGTH` letters or more, a common word from `long_word_min_zipf` (when set)."""

    min_zipf: float
    max_cost: float
    long_word_min_zipf: float | None = None

    def admits(self, lexicon: Lexicon, base: str, word: str, cost: float) -> bool:
        """Whether `word`, `cost` away through the channel, may replace `base`."""
        least = self.min_zipf
        if (self.long_word_min_zipf is not None and len(base) >= LONG_TOKEN_LENGTH
                and word in lexicon.common):
            least = min(least, self.long_word_min_zipf)
        return cost <= self.max_cost and lexicon.frequency(word) >= least


WordPolicy = WordRule | None
"""For a name-shaped token: the rule of the words that may replace it, or None when only
names may."""


LONG_TOKEN_LENGTH = 9
LONG_TOKEN_WORD_MIN_ZIPF = 2.0
"""An unseen capitalized token this long may become a common word this rare (not a name
wordfreq knows but no word list holds): the longer a token, the fewer real names lie one
OCR confusion from a word ('Negotiafors', 'Stalinisf' -> Negotiators, Stalinist, 2.97 and
2.76). On the news seeds 3, 17, 55, 5, 11 and 23, 4 more typos fixed, no clean token
changed; with any word wordfreq has seen, 1 of 4,000 rare census names changed too
('Clougherty' -> Dougherty)."""


HEADLINE_POLICY: WordPolicy = WordRule(HEADLINE_MIN_ZIPF, MAX_GLYPH_COST, LONG_TOKEN_WORD_MIN_ZIPF)
"""The most permissive policy but `DIGIT_GLYPH_POLICY`: its candidates include those of every
other."""


INNER_DIGIT = compile_regex(r"(?<=\p{L})(?:[01]|vv)(?=\p{L})")
"""A 1 or 0 between two letters ('Dar1ene', 'Minstre1s', 'G0rdon'), or a double v
('Crovvell'): no name is written so; the OCR read an l, an i, an o or a w."""
DIGIT_GLYPH_MIN_ZIPF = 1.5
DIGIT_GLYPH_POLICY: WordPolicy = WordRule(DIGIT_GLYPH_MIN_ZIPF, SINGLE_CONFUSION_COST)
"""For a name-shaped token with an `INNER_DIGIT`: any word or name wordfreq has seen this
often, read through one confusion (which must read the digit: a variant keeping it is no
word). The digit is proof of an error, so a rare name ('Darlene', 'Florrie', 'Gillett')
earns what an unseen capitalized token's `UNSEEN_CAPITAL_MIN_ZIPF` denies it."""


def word_policy(lexicon: Lexicon, token: Token, text: str) -> WordPolicy:
    """The policy of a name-shaped `token` of `text`: `DIGIT_GLYPH_POLICY` with an
    `INNER_DIGIT`, `HEADLINE_POLICY` in a headline; at a sentence start any glyph reading of
    an unseen token, or a very common word for a seen one; elsewhere one confusion of an
    unseen token, and None (names only) for a spelling wordfreq has seen."""
    if INNER_DIGIT.search(token.base):
        return DIGIT_GLYPH_POLICY
    if in_headline(text, token.start):
        return HEADLINE_POLICY
    unseen = lexicon.frequency(token.base.lower()) == 0
    if starts_sentence(text, token.start):
        return (WordRule(UNSEEN_CAPITAL_MIN_ZIPF, MAX_GLYPH_COST, LONG_TOKEN_WORD_MIN_ZIPF)
                if unseen else WordRule(SENTENCE_START_MIN_ZIPF, MAX_GLYPH_COST))
    return (WordRule(UNSEEN_CAPITAL_MIN_ZIPF, SINGLE_CONFUSION_COST, LONG_TOKEN_WORD_MIN_ZIPF)
            if unseen else None)
