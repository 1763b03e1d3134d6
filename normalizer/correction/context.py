"""Context scoring: what the neighbouring words say for a hypothesis.

A hypothesis gains `CONTEXT_WEIGHT` (log10) for each neighbour that symspellpy's bigram list
pairs it with, and `NAME_CONTEXT_WEIGHT` for one that stands beside it in a gazetteer name
('Sonia Sotomaypr' -> 'Sotomayor').
"""

from __future__ import annotations

from ..language_model import SENTENCE_START, ContextModel
from ..lexicon import Lexicon
from ..patterns import compile_regex
from ..tokens import Token

WORD = compile_regex(r"[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}\d]+)*")
"""A word as the trigram context model sees it."""
SENTENCE_BREAK = compile_regex(r"[!?;:]|(?<!\d)\.|\.(?!\d)|\n\s*\n")
"""Where a sentence ends for the context model: a period (not a decimal point: 'about 2.5
degrees' is one sentence), a question or exclamation mark, a semicolon or colon, a blank line."""
SENTENCE_BREAK_BEFORE = compile_regex("(?r)" + SENTENCE_BREAK.pattern)
"""`SENTENCE_BREAK` searched backwards: the last break before a place, found from there."""
SENTENCE_REACH = 80
"""Characters looked at on either side of a word for the two words before and after it."""

CONTEXT_WEIGHT = 0.75
"""log10 weight of each neighbour that symspell's bigram list pairs with a hypothesis."""


def context_words(text: str, token: Token) -> tuple[str, str]:
    before = text[max(0, token.start - 40) : token.start].split()
    after = text[token.end : token.end + 40].split()
    prev = before[-1].strip(".,;:!?\"'()“”’").lower() if before else ""
    nxt = after[0].strip(".,;:!?\"'()“”’").lower() if after else ""
    return prev, nxt


NAME_CONTEXT_WEIGHT = 1.5
"""log10 weight of each neighbour that stands beside a hypothesis in a gazetteer name: a full
name is far stronger evidence than a common word pair ('Sonia Sotomaypr', 'Rafael Mariano
Grosxsi')."""

MAX_CONTEXT_LIFT = 2 * max(CONTEXT_WEIGHT, NAME_CONTEXT_WEIGHT)
"""The most `context_score` adds to a hypothesis."""


def context_score(lexicon: Lexicon, prev: str, word: str, nxt: str) -> float:
    """For each neighbour: NAME_CONTEXT_WEIGHT where it stands beside `word` in a gazetteer
    name, else CONTEXT_WEIGHT where the bigram list pairs the two."""
    return sum(
        NAME_CONTEXT_WEIGHT if pair in lexicon.name_pairs
        else CONTEXT_WEIGHT if pair in lexicon.bigrams else 0.0
        for pair in (f"{prev} {word}", f"{word} {nxt}")
    )


def sentence_neighbours(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The (lowercase) two words before `start` and after `end` in the same sentence, as the
    trigram context model reads them; the sentence start when no word precedes."""
    head = text[max(0, start - SENTENCE_REACH) : start]
    cut = max((m.end() for m in SENTENCE_BREAK.finditer(head)), default=0)
    before = tuple(w.lower() for w in WORD.findall(head, cut)[-2:]) or (SENTENCE_START,)
    tail = text[end : end + SENTENCE_REACH]
    stop = SENTENCE_BREAK.search(tail)
    after = tuple(w.lower() for w in WORD.findall(tail, 0, stop.start() if stop else len(tail))[:2])
    return before, after


def in_sentence_logprob(model: ContextModel, before: tuple[str, ...], word: str,
                        after: tuple[str, ...]) -> float:
    """log10 P of `word` after `before` plus of the words `after` it, given it."""
    total = model.logprob(before, word)
    history = (*before[-1:], word)
    for following in after:
        total += model.logprob(history, following)
        history = (history[-1], following)
    return total
