"""A text that is one word: a question about that word, as a spell checker is asked one.

In running text a rare word that wordfreq has seen keeps its place unless its neighbours vote
against it: 'my firends came' reads 'friends', but 'firends' alone has no neighbour to vote,
and the decision leaves it as it is. Asked alone, such a word still deserves an answer: its
best ranked candidate (`explain.ranked_candidates`, the list benchmarks score) is reported,
as a fix when everything says misspelling, else as a suggestion.

A word a spell checker's dictionary lists (dictionaries/built/real_words.tsv: wordfreq
counts the web, misspellings included) is a word, and gets nothing. A fix needs a lowercase
word and one of:
- the common-misspellings table gives its best candidate ('millenium', 'supercede', which
  the decision alone only suggests: nothing but the table speaks for them);
- wordfreq has seen it rarely (`MAX_FIX_ZIPF`) and it is one slip (`MAX_SLIPS`) from it;
- wordfreq's list lacks it (it stops at Zipf 1) and it is at most `UNSEEN_MAX_SLIPS` from
  it ('hvea', 'alusion', 'buiscits'): web counts hold even rare slips, so a string they
  lack that no word list holds is hardly a word;
- the table of ambiguous misspellings lists it and, among its corrections, the candidates
  rank the table's first ('realy' -> really, not relay); the posterior is then taken over
  the table's corrections alone.
The correction must hold the profile's threshold of the posterior. Without the list of real
words every rule tried changed about one in a hundred of hunspell's rare words alone
('cosher', 'sild'); with it, 10 of a sample of 3,000 ('accessor' -> "accessory",
'rasterize' -> "cauterize"). Through `normalize(word)`, Wikipedia's list of common
misspellings goes from 78.2% fixed without this module to 82.5% (85.7% fixed or suggested);
the last two rules took it from 81.0%, Norvig's list from 67.8 to 77.9% and Aspell's from
39.7 to 52.2%.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from ..lexicon import dictionaries_dir
from ..misspellings import read_ambiguous_misspellings
from ..model import Edit
from .candidates import known_misspelling
from .context import WORD
from .decide import SUGGEST_FLOOR
from .explain import ranked_candidates
from .words import MAX_LENGTH, lookup_key

if TYPE_CHECKING:
    from ..lexicon import Lexicon
    from ..pipeline import StageContext
    from .hypothesis import Candidate

MAX_ZIPF = 3.0
"""A lone word this common in wordfreq is a word in its own right, not a question."""


MAX_SLIPS = 1
"""Edits (a letter added, dropped, changed, or two swapped) from a lone word to a fix."""

MAX_FIX_ZIPF = 2.0
"""A lone word wordfreq has seen this often is only suggested: the web's own terms ('json'
2.75, 'awk' 2.31, 'nginx' 2.2) are no misspellings, while most misspellings fixed alone are
rarer ('firends' 1.25); 7 of Wikipedia's pairs fixed above it are suggested instead."""

UNSEEN_MAX_SLIPS = 2
"""Edits from a lone word wordfreq's list lacks to a fix. At two, Norvig's 670 pairs gain 66
fixes (and 12 misspellings become another wrong word), Aspell's 517 gain 65 (29), while 2
more of hunspell's 3,000 rare words are changed ('rasterize' -> "cauterize")."""

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
            or lexicon.frequency(key) >= MAX_ZIPF or key in lexicon.listed):
        return None
    ranked = ranked_candidates(word, ctx)
    if not ranked or not (ranked[0].key in lexicon.common or ranked[0].entity is not None):
        return None
    best = ranked[0]
    share = 1 / sum(10 ** (c.score - best.score) for c in ranked)
    if share < SUGGEST_FLOOR:
        return None
    start = text.index(word)
    frequency = lexicon.frequency(key)
    why = _why_fix(word, key, best, frequency, lexicon) if word.islower() else None
    if word.islower() and why is None:
        choice = _first_choice(key, ranked)
        if choice is not None:
            best, share = choice
            why = ", the likeliest of the corrections the common-misspellings table gives it"
    return Edit(
        start=start,
        end=start + len(word),
        original=word,
        replacement=best.word,
        kind="spelling",
        rule="spelling.lone-word",
        confidence=round(share, 4),
        reason=(f"'{word}' alone is in no word list and rare in wordfreq "
                f"(Zipf {frequency:.2f}); '{best.word}' is its likeliest correction"
                + (why or ", but without neighbours nothing confirms it")),
        alternatives=tuple(c.word for c in ranked if c is not best)[:3],
        applied=why is not None,
    )


def _why_fix(word: str, key: str, best: Candidate, frequency: float, lexicon: Lexicon
             ) -> str | None:
    """Why a lowercase lone word (`key` its lookup key) is a misspelling of `best` (the end
    of the edit's reason), or None when nothing says so but the candidates."""
    if known_misspelling(lexicon, word) == best.key:
        return ", a common misspelling of it"
    slips = OSA.distance(key, best.key)
    if frequency < MAX_FIX_ZIPF and slips <= MAX_SLIPS:
        return ", one slip away"
    if frequency == 0 and slips <= UNSEEN_MAX_SLIPS:
        return f", {slips} slips away, and wordfreq's list lacks '{word}'"
    return None


def _first_choice(key: str, ranked: list[Candidate]) -> tuple[Candidate, float] | None:
    """The first of the table's corrections of an ambiguous misspelling, with its share of
    the posterior over those corrections, when the candidates rank it first among them."""
    corrections = _ambiguous_misspellings().get(key)
    if corrections is None:
        return None
    among = [c for c in ranked if c.key in corrections]
    if not among or among[0].key != corrections[0]:
        return None
    first = among[0]
    return first, 1 / sum(10 ** (c.score - first.score) for c in among)


@lru_cache(maxsize=1)
def _ambiguous_misspellings() -> Mapping[str, tuple[str, ...]]:
    """dictionaries/built/ambiguous_misspellings.tsv, read at the first lone word."""
    return read_ambiguous_misspellings(
        dictionaries_dir() / "built" / "ambiguous_misspellings.tsv")
