"""Readings of a span of text scored over its sentence: what the boundary and junk-letter
decisions weigh.

A reading is the words a span may say, with the channel cost of printing the span for them.
Its score is the trigram context model's log10 P of those words and of the two words after
them, given the two before (a word the model lacks scores its wordfreq frequency, or the
model's floor), less its cost; the readings of a span compete by their posterior shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language_model import UNKNOWN_LOGPROB, ContextModel
from ..lexicon import Lexicon
from .hypothesis import ZIPF_TO_LOG10
from .words import lookup_key


@dataclass(frozen=True, slots=True)
class Reading:
    """A hypothesis for a span: the words it reads, its channel cost and what it reports."""

    words: tuple[str, ...]
    cost: float
    boundary: bool  # a reading that changes the text (not the text as printed or a word fix)


class Scorer:
    """log10 P of readings in their sentence; words the model lacks score their wordfreq
    frequency (or the model's floor)."""

    def __init__(self, model: ContextModel, lexicon: Lexicon) -> None:
        self.model = model
        self.lexicon = lexicon

    def logprob(self, history: tuple[str, ...], word: str) -> float:
        value = self.model.logprob(history, word)
        if value <= UNKNOWN_LOGPROB:
            zipf = self.lexicon.frequency(lookup_key(word))
            return zipf + ZIPF_TO_LOG10 if zipf else UNKNOWN_LOGPROB
        return value

    def sequence(self, before: tuple[str, ...], words: tuple[str, ...],
                 after: tuple[str, ...]) -> float:
        total = 0.0
        history = before[-2:]
        for word in (*words, *after):
            total += self.logprob(history, word)
            history = (*history[-1:], word)
        return total


@dataclass(frozen=True, slots=True)
class Verdict:
    best: Reading
    confidence: float
    margin: float  # log10 units the best reading leads the text as printed by


def weigh(scorer: Scorer, readings: list[Reading], before: tuple[str, ...],
          after: tuple[str, ...]) -> Verdict:
    """The best reading and its posterior share; `readings[0]` is the text as printed."""
    scores = [scorer.sequence(before, r.words, after) - r.cost for r in readings]
    top = max(scores)
    total = sum(10 ** (s - top) for s in scores)
    best = max(range(len(readings)), key=lambda i: (scores[i], -i))
    return Verdict(readings[best], 10 ** (scores[best] - top) / total, scores[best] - scores[0])
