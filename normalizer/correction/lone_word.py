"""A text that is one word: a question about that word, as a spell checker is asked one.

In running text a rare word that wordfreq has seen keeps its place unless its neighbours vote
against it: 'my firends came' reads 'friends', but 'firends' alone has no neighbour to vote,
and the decision leaves it as it is, unflagged. Asked alone, such a word still deserves an
answer, so its best ranked candidate (`explain.ranked_candidates`, the list benchmarks score)
is reported as a suggestion. It is never applied: alone, a rare real word and a misspelling
look the same, and every rule tried to apply the ranked candidate changed about one in a
hundred of hunspell's rare words ('cosher', 'sild') for one point of accuracy on Wikipedia's
list of common misspellings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Edit
from .context import WORD
from .decide import SUGGEST_FLOOR
from .explain import ranked_candidates
from .words import MAX_LENGTH, lookup_key

if TYPE_CHECKING:
    from ..pipeline import StageContext

MAX_ZIPF = 3.0
"""A lone word this common in wordfreq is a word in its own right, not a question."""


MAX_TEXT = 256
"""Longer texts are not looked at: one word and its surrounding space fit in far less."""


def suggestion(text: str, ctx: StageContext) -> Edit | None:
    """A suggestion for `text` when it is one word (surrounding space aside) that no word
    list or gazetteer knows, rare in wordfreq, whose best ranked candidate is a common word
    or a known name with at least `SUGGEST_FLOOR` of the candidates' posterior."""
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
            or key in {w.lower() for w in ctx.profile.allow}
            or lexicon.frequency(key) >= MAX_ZIPF):
        return None
    ranked = ranked_candidates(word, ctx)
    if not ranked or not (ranked[0].key in lexicon.common or ranked[0].entity is not None):
        return None
    best = ranked[0]
    share = 1 / sum(10 ** (c.score - best.score) for c in ranked)
    if share < SUGGEST_FLOOR:
        return None
    start = text.index(word)
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
                "correction, but without neighbours nothing confirms it"),
        alternatives=tuple(c.word for c in ranked[1:4]),
        applied=False,
    )
