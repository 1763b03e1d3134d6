"""A collection's OCR habits: confusion rates re-estimated from its confident corrections.

One re-estimation step (the M step of EM, with the engine's confident fixes as the E step):
the map step runs the engine over one document and counts, for every `ocr` fix at least
`CONFIDENT`, the confusion that explains it ('tho' -> 'the': `o` printed for `e`), the
confusions it shows at all (in how many documents each is seen), and every
one-to-three-letter segment of the corrected words (how often the page had `e` at all). The
reduce step sums them. `rate_changes` turns the sums into -log10 P(observed | intended) and
keeps the confusions the collection makes clearly more often than the engine's channel
assumes (beyond chance), in several of its documents: written as a confusions table
(`confusions-file`), they lower those costs only.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..correction.channel import ChannelModel, shared_ends
from ..correction.keyboard import TYPO_COST
from ..patterns import compile_regex
from ..pipeline import Result

CONFIDENT = 0.95
"""Only fixes this confident teach a habit: the re-estimate must not learn from guesses."""

MAX_SEGMENT = 3
"""The longest segment a side of a confusion ('rn' for 'm', 'li' for 'h'), as in the channel."""

MIN_CONFUSION_COUNT = 5
"""A confusion seen fewer times is no habit of the collection."""

MIN_DOCUMENTS = 3
"""A confusion seen in fewer documents is a habit of a page or two, not of the collection: one
article that prints 'tlio' for 'the' throughout gives five fixes the engine already made."""

MIN_GAIN = 0.3
"""A learned cost is kept only when at least this much (log10) cheaper than the channel's."""

MAX_CHANCE = 0.01
"""A habit's count must be this unlikely under the channel's own rate (`chance_of`): five
fixes where the channel expects two are 0.3 log10 units cheaper, and chance one time in
twenty."""

WORD = compile_regex(r"\p{L}+")


@dataclass(slots=True)
class HabitCounts:
    """`confusions[(observed, intended)]`: confident fixes explained by that confusion;
    `segments[s]`: occurrences of segment `s` in the corrected words (lowercase);
    `documents[(observed, intended)]`: documents with at least one such fix."""

    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    segments: Counter[str] = field(default_factory=Counter)
    documents: Counter[tuple[str, str]] = field(default_factory=Counter)

    def merge(self, other: HabitCounts) -> HabitCounts:
        """The counts of both corpora (a new object; neither operand changes)."""
        return HabitCounts(self.confusions + other.confusions, self.segments + other.segments,
                           self.documents + other.documents)

    def add(self, other: HabitCounts) -> None:
        """Add `other`'s counts to these, in place."""
        self.confusions.update(other.confusions)
        self.segments.update(other.segments)
        self.documents.update(other.documents)


@dataclass(frozen=True, slots=True)
class RateChange:
    """The collection prints `observed` for `intended` `count` times in `total`: `cost`
    (-log10 of that rate), against `base_cost` in the engine's channel (None: not in it)."""

    observed: str
    intended: str
    count: int
    total: int
    cost: float
    base_cost: float | None


def confusion_of(observed: str, intended: str) -> tuple[str, str] | None:
    """The one differing segment of two words (lowercase), each side at most `MAX_SEGMENT`
    letters; an inserted or lost letter carries the letter before it ('ee' for 'e'), as the
    channel table does. None for words that differ in more than one place."""
    w, c = observed.lower(), intended.lower()
    if w == c or not (w.isalpha() and c.isalpha()):
        return None
    i, j = shared_ends(w, c)
    obs, inten = w[i : len(w) - j], c[i : len(c) - j]
    if not obs or not inten:
        if i == 0:
            return None
        obs, inten = w[i - 1 : len(w) - j], c[i - 1 : len(c) - j]
    if max(len(obs), len(inten)) > MAX_SEGMENT:
        return None
    if len(obs) == len(inten) and any(a == b for a, b in zip(obs, inten, strict=True)):
        return None  # two confusions around a kept letter ('oro' for 'ere'), not one
    return obs, inten


def habits_of(result: Result) -> HabitCounts:
    """The map step: the confident OCR fixes of one document (as the engine normalized it)
    and its corrected segments."""
    confusions: Counter[tuple[str, str]] = Counter()
    for edit in result.applied:
        if edit.kind == "ocr" and edit.confidence >= CONFIDENT:
            pair = confusion_of(edit.original, edit.replacement)
            if pair is not None:
                confusions[pair] += 1
    segments: Counter[str] = Counter()
    for word in WORD.findall(result.text.lower()):
        for size in range(1, MAX_SEGMENT + 1):
            segments.update(word[i : i + size] for i in range(len(word) - size + 1))
    return HabitCounts(confusions, segments, Counter(dict.fromkeys(confusions, 1)))


def chance_of(count: int, total: int, cost: float) -> float:
    """The probability of at least `count` confusions in `total` occurrences if the rate were
    10 ** -`cost` (the Poisson tail, for counts above the mean)."""
    expected = total * 10**-cost
    term = math.exp(count * math.log(expected) - expected - math.lgamma(count + 1))
    tail, k = 0.0, count
    while term > tail * 1e-12:  # the terms shrink at least geometrically above the mean
        tail += term
        k += 1
        term *= expected / k
    return min(1.0, tail)


def rate_changes(habits: HabitCounts, channel: ChannelModel) -> list[RateChange]:
    """The confusions the collection makes at least `MIN_CONFUSION_COUNT` times in at least
    `MIN_DOCUMENTS` documents, at a cost at least `MIN_GAIN` below the channel's (or than an
    arbitrary typo, for a confusion the channel lacks) and a count the channel's rate gives by
    chance less than `MAX_CHANCE` of the time, commonest first."""
    changes = []
    for (observed, intended), count in habits.confusions.items():
        total = habits.segments[intended]
        if (count < MIN_CONFUSION_COUNT or total < count
                or habits.documents[observed, intended] < MIN_DOCUMENTS):
            continue
        cost = round(-math.log10(count / total), 3)
        base = channel.confusion_cost(observed, intended)
        prior = TYPO_COST if base is None else base
        if (cost < TYPO_COST and cost <= prior - MIN_GAIN
                and chance_of(count, total, prior) < MAX_CHANCE):
            changes.append(RateChange(observed, intended, count, total, cost, base))
    return sorted(changes, key=lambda c: (-c.count, c.observed, c.intended))
