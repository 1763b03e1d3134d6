"""A text that is one word: a question about that word, as a spell checker is asked one.

In running text a rare word that wordfreq has seen keeps its place unless its neighbours vote
against it: 'my firends came' reads 'friends', but 'firends' alone has no neighbour to vote,
and the decision leaves it as it is. Asked alone, such a word still deserves an answer: its
best ranked candidate (`explain.ranked_candidates`, the list benchmarks score) is reported,
as a fix when everything says misspelling, else as a suggestion.

A word a spell checker's dictionary lists (dictionaries/built/real_words.tsv: wordfreq
counts the web, misspellings included) is a word, and gets nothing. A fix needs a lowercase
word wordfreq has seen rarely (`MAX_FIX_ZIPF`), one slip (`MAX_SLIPS`) from its correction,
or one the common-misspellings table gives that correction ('millenium', 'supercede', which
the decision alone only suggests: nothing but the table speaks for them), and the correction
must hold the profile's threshold of the candidates' posterior. Without the list every
rule tried changed about one in a hundred of hunspell's rare words alone ('cosher', 'sild');
with it, 7 of a sample of 3,000 ('accessor' -> "accessory"), and Wikipedia's list of common
misspellings through `normalize(word)` goes from 78.2 to 81.0% fixed (85.6% fixed or
suggested).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from ..lexicon import real_words_file
from ..model import Edit
from ..tsv import read_rows
from .candidates import known_misspelling
from .context import WORD
from .decide import SUGGEST_FLOOR
from .explain import ranked_candidates
from .words import MAX_LENGTH, lookup_key

if TYPE_CHECKING:
    from ..pipeline import StageContext

MAX_ZIPF = 3.0
"""A lone word this common in wordfreq is a word in its own right, not a question."""


MAX_SLIPS = 1
"""Edits (a letter added, dropped, changed, or two swapped) from a lone word to a fix."""

MAX_FIX_ZIPF = 2.0
"""A lone word wordfreq has seen this often is only suggested: the web's own terms ('json'
2.75, 'awk' 2.31, 'nginx' 2.2) are no misspellings, while most misspellings fixed alone are
rarer ('firends' 1.25); 7 of Wikipedia's pairs fixed above it are suggested instead."""

MAX_TEXT = 256
"""Longer texts are not looked at: one word and its surrounding space fit in far less."""


def answer(text: str, ctx: StageContext) -> Edit | None:
    """An edit for `text` when it is one word (surrounding space aside) that no word list
    (real_words.tsv included) or gazetteer knows, rare in wordfreq, whose best ranked
    candidate is a common word or a known name with at least `SUGGEST_FLOOR` of the
    candidates' posterior: applied as the module docstring says (the pipeline applies it at
    the profile's threshold), else a suggestion."""
    if len(text) > MAX_TEXT:
        return None
    match = WORD.fullmatch(text.strip())
    if match is None or not match.group().isalpha():
        return None
    word = match.group()
    if len(word) > MAX_LENGTH:
        return None
    key = lookup_key(word)
    lexicon = ctx.lexicon
    if (key in lexicon.common or key in lexicon.names or key in ctx.extra_names
            or key in ctx.allowed
            or lexicon.frequency(key) >= MAX_ZIPF or key in _listed_words()):
        return None
    ranked = ranked_candidates(word, ctx)
    if not ranked or not (ranked[0].key in lexicon.common or ranked[0].entity is not None):
        return None
    best = ranked[0]
    share = 1 / sum(10 ** (c.score - best.score) for c in ranked)
    if share < SUGGEST_FLOOR:
        return None
    start = text.index(word)
    listed = known_misspelling(lexicon, word) == best.key
    fix = word.islower() and (listed or (lexicon.frequency(key) < MAX_FIX_ZIPF
                                         and OSA.distance(key, best.key) <= MAX_SLIPS))
    return Edit(
        start=start,
        end=start + len(word),
        original=word,
        replacement=best.word,
        kind="spelling",
        rule="spelling.lone-word",
        confidence=round(share, 4),
        reason=(f"'{word}' alone is in no word list and rare in wordfreq "
                f"(Zipf {lexicon.frequency(key):.2f}); '{best.word}' is its likeliest "
                "correction" + (", a common misspelling of it" if fix and listed
                                else ", one slip away" if fix
                                else ", but without neighbours nothing confirms it")),
        alternatives=tuple(c.word for c in ranked[1:4]),
        applied=fix,
    )


@lru_cache(maxsize=1)
def _listed_words() -> frozenset[str]:
    """The rare words of dictionaries/built/real_words.tsv, read at the first lone word."""
    return frozenset(row[0] for row in read_rows(real_words_file(), ("word",)))
