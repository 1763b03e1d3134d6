"""Whether a spelling holds a letter sequence English words seldom have.

A token holding a letter trigram (its ends marked: '^wo', 'rd$') that at most
`RARE_TRIGRAM_MAX_WORDS` of wordfreq's 300,000 words hold ('Chkvers', 'Draytpn', 'Jluy',
'Strathfidld') is more likely a damaged word than a name of its own: the trigram analysis of
Zamora, Pollock and Zamora (1981). Rare names are spelt with the letter sequences of other
words far more often than not ('Burlton', 'Milston', 'Croese' hold none). Where the writer
slips often (a carelessly typed window), such a spelling's odds as a name or word of its own
drop (`careless_shape_discount`). The counts are
dictionaries/built/letter_trigrams.tsv (see dictionaries/build_letter_trigrams.py); only ASCII
trigrams count, since accented letters are rare in English words but not in names
('González').
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache

from ..lexicon import dictionaries_dir
from ..tsv import read_rows

RARE_TRIGRAM_MAX_WORDS = 5
"""A trigram held by this many words of wordfreq's list or fewer is rare. Of 90,893 US census
names, 1,887 (2%) hold one; of 4,000 rare ones wordfreq never saw, written in sentences
beside typos, none more changes where `CARELESS_SHAPE_DISCOUNT` applies (at 20, 6)."""

CARELESS_SHAPE_DISCOUNT = 1.0
"""log10 units the odds of an unseen name-shaped token holding a rare trigram as a name of its
own lose in a carelessly typed window (`typed_text.typed_carelessly`): its identity
(`decide.UNSEEN_NAME`) in the single-word decision ('clinics in Kiel and Lübcck' -> Lübeck,
'MEKLLE, Ethiopia' -> MEKELLE), and the lift its reading as a name competes at
(`capitals.NAME_LIFT`) among common words ('in Jluy 2024' -> July). On the news seeds 3, 17,
55, 5, 11 and 23, 9 more typos fixed; on the synthetic set 11, on OverProof dataset 2 five
error units (three more read wrong); no clean word of any set changed, nor one more of 4,000
rare census names written beside a carelessly typed sentence. Without the trigram test, the
single-word decision alone fixed 18 at the news seeds, but changed 13 clean names of the
synthetic set ('Burlton' -> Burton) and 132 census names; at 2.0 the sentence's judgement
changed 13 census names ('Shivley' -> Shirley).
An unseen lowercase token loses as much as a word of its own there (`decide.UNSEEN_WORD`:
'the GDP defclator' -> deflator, 'a silvery, uhnforced tone'): 2 more typos fixed at those
seeds, 11 more error units on OverProof dataset 2 (14 more read wrong), no clean word of any
set changed; in every window, 12 more units and 17 more read wrong on dataset 2."""


def letter_trigrams(word: str) -> Iterator[str]:
    """The trigrams of ASCII letters of `word` in lowercase, its ends marked with ^ and $
    (none across an apostrophe, a digit or an accented letter)."""
    marked = f"^{word.lower()}$"
    for i in range(len(marked) - 2):
        trigram = marked[i : i + 3]
        if trigram.isascii() and trigram.strip("^$").isalpha():
            yield trigram


@cache
def trigram_counts() -> dict[str, int]:
    """How many of wordfreq's words hold each letter trigram (those no word holds are absent)."""
    rows = read_rows(dictionaries_dir() / "built" / "letter_trigrams.tsv", ("trigram", "words"))
    return {trigram: int(words) for trigram, words in rows}


@cache
def common_trigrams() -> frozenset[str]:
    """The letter trigrams more than `RARE_TRIGRAM_MAX_WORDS` words hold."""
    return frozenset(t for t, words in trigram_counts().items() if words > RARE_TRIGRAM_MAX_WORDS)


def shape_score(word: str) -> float:
    """How readily English spells `word`'s letters: the sum over its letter trigrams of log10
    (1 + the number of words holding the trigram)."""
    counts = trigram_counts()
    return sum(math.log10(counts.get(trigram, 0) + 1) for trigram in letter_trigrams(word))


def shape_gain(word: str, reading: str) -> float:
    """How much more readily English spells `reading` than `word` (`shape_score`)."""
    return shape_score(reading) - shape_score(word)


def has_rare_trigram(word: str) -> bool:
    """Whether `word` holds a letter trigram few English words hold (module docstring)."""
    common = common_trigrams()
    return any(trigram not in common for trigram in letter_trigrams(word))


def careless_shape_discount(surface: str, careless: bool) -> float:
    """What an unseen token, name-shaped or lowercase, loses as a name or word of its own:
    `CARELESS_SHAPE_DISCOUNT` in a `careless` window when it holds a rare trigram, else 0."""
    return CARELESS_SHAPE_DISCOUNT if careless and has_rare_trigram(surface) else 0.0
