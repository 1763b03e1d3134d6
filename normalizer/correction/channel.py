"""The OCR glyph-confusion channel model.

`ChannelModel.cost(observed, intended)` is the -log10 probability that the page said `intended`
and the text shows `observed`: a weighted edit distance in which an OCR confusion from
dictionaries/confusions.tsv (v->y, rn->m, cl->d, ...) costs its own, lower weight and counts as
ONE operation even when it spans two characters, while any other edit costs a typo's weight.
`ChannelModel.variants(observed)` runs the confusions backwards to list what the page may have
said, so that "governrnent" finds "government" although plain edit distance counts 2.
`ChannelModel.search(observed, vocabulary, max_cost)` goes deeper for badly garbled words: a
best-first search over up to four operations (confusions undone, at most one typo, junk
characters dropped), pruned by the words of a vocabulary ("bcaung" -> "bearing").
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..lexicon import Confusion
from .keyboard import (
    DOUBLE_LETTER_COST,
    PLAIN_EDIT_MIN_COST,
    TRANSPOSE_COST,
    TYPO_COST,
    added_cost,
    missing_costs,
    substitution_cost,
)

GLYPH_MAX_COST = 2.0
"""The most a cheap glyph confusion costs ('c' printed as 'e', 'l' as 'i'): cheaper than any
typing slip (`keyboard.CHEAP_SLIP_COST`)."""
JUNK_COST = 3.3
"""-log10 probability that the OCR added a character no word contains ('«', '*', '^', '\\')
inside a word: about 150 in the 296,000 characters of OverProof dataset 2."""


SEARCH_MAX_OPERATIONS = 4
"""Operations (confusions undone, typos, junk dropped) on one path of `ChannelModel.search`."""


SEARCH_MAX_TYPOS = 1
"""Arbitrary edits (not confusions) on one path: the branching they add is the search's cost."""


SEARCH_BEAM = 8
"""Hypotheses `ChannelModel.search` extends at each place in a token, the cheapest first."""


def _keep(column: dict[tuple[str, int], tuple[float, int]], prefix: str, typos: int,
          cost: float, operations: int, max_cost: float) -> None:
    """Record a search hypothesis in its column unless it costs too much or a cheaper one
    with the same word beginning and typos is there."""
    if cost <= max_cost and cost < column.get((prefix, typos), (max_cost + 1, 0))[0]:
        column[(prefix, typos)] = (cost, operations)


def _beam(column: dict[tuple[str, int], tuple[float, int]], rest: str, vocabulary: Lexical
          ) -> list[tuple[tuple[str, int], tuple[float, int]]]:
    """The SEARCH_BEAM most promising hypotheses of a column: of the SHORTLIST * SEARCH_BEAM
    cheapest, those cheapest after a penalty for each of the next LOOKAHEAD characters of
    the token that cannot follow the hypothesis as they are (a word beginning the rest of
    the token does not continue is a long shot)."""
    ahead = rest[:LOOKAHEAD]

    def rank(item: tuple[tuple[str, int], tuple[float, int]]) -> tuple[float, str, int]:
        (prefix, typos), (cost, _) = item
        fits = 0
        while fits < len(ahead) and vocabulary.has_prefix(prefix + ahead[: fits + 1]):
            fits += 1
        return cost + LOOKAHEAD_PENALTY * (len(ahead) - fits), prefix, typos

    cheapest = heapq.nsmallest(SHORTLIST * SEARCH_BEAM, column.items(),
                               key=lambda item: (item[1][0], item[0]))
    return sorted(cheapest, key=rank)[:SEARCH_BEAM]


LOOKAHEAD = 2
LOOKAHEAD_PENALTY = 1.0
SHORTLIST = 3


def _typo_letters(vocabulary: Lexical, prefix: str, following: str) -> list[str]:
    """The letters a typo may put after `prefix` when `following` (a character of the token,
    or nothing at its end) comes next as printed: a typo is taken to stand alone, which cuts
    its branching from the alphabet to the few letters that fit both sides."""
    return [
        letter for letter in vocabulary.next_characters(prefix)
        if vocabulary.has_prefix(prefix + letter + following)
    ]


class Lexical(Protocol):
    """What the deep search asks of its vocabulary (see `correction.vocabulary`)."""

    def __contains__(self, word: object) -> bool: ...

    def has_prefix(self, prefix: str) -> bool: ...

    def next_characters(self, prefix: str) -> tuple[str, ...]: ...


def is_junk(character: str) -> bool:
    """A character no word contains: OCR noise inside a word ('Gover*nment'). Apostrophes
    belong to words ("o'clock", "M'Donald")."""
    return not character.isalnum() and character not in "'’"


def shared_ends(w: str, c: str) -> tuple[int, int]:
    """The lengths of the longest common prefix and (after it) common suffix of two strings:
    what lies between them is where they differ."""
    i = 0
    while i < min(len(w), len(c)) and w[i] == c[i]:
        i += 1
    j = 0
    while j < min(len(w), len(c)) - i and w[-1 - j] == c[-1 - j]:
        j += 1
    return i, j


@dataclass(frozen=True)
class ChannelModel:
    """Weighted, confusion-aware edit costs over case-folded strings.

    `rewrite_max_cost`: only confusions this cheap are run backwards by `variants` (a learned
    table holds hundreds of rare ones that would multiply the variants for nothing); every
    confusion still prices `cost`."""

    confusions: tuple[Confusion, ...]
    rewrite_max_cost: float = TYPO_COST
    _table: dict[tuple[str, str], float] = field(init=False, repr=False)
    _by_observed: dict[str, list[tuple[str, float]]] = field(init=False, repr=False)
    _all_by_observed: dict[str, list[tuple[str, float]]] = field(init=False, repr=False)
    _by_intended: dict[str, list[tuple[str, float]]] = field(init=False, repr=False)
    _multi_by_observed: dict[str, list[tuple[str, float]]] = field(init=False, repr=False)
    _reads: dict[str, dict[str, float]] = field(init=False, repr=False)
    _segment: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        table: dict[tuple[str, str], float] = {}
        for conf in self.confusions:
            key = (conf.observed.lower(), conf.intended.lower())
            if key[0] != key[1] and conf.cost < TYPO_COST:
                table[key] = min(conf.cost, table.get(key, conf.cost))
        all_by_observed: dict[str, list[tuple[str, float]]] = {}
        for (observed, intended), cost in sorted(table.items()):
            all_by_observed.setdefault(observed, []).append((intended, cost))
        by_observed = {
            observed: cheap for observed, rewrites in all_by_observed.items()
            if (cheap := [(i, c) for i, c in rewrites if c <= self.rewrite_max_cost])
        }
        by_intended: dict[str, list[tuple[str, float]]] = {}
        for (observed, intended), cost in sorted(table.items()):
            by_intended.setdefault(intended, []).append((observed, cost))
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "_by_observed", by_observed)
        object.__setattr__(self, "_all_by_observed", all_by_observed)
        object.__setattr__(self, "_by_intended", by_intended)
        # What `cost` prices as one operation beside single-letter substitutions.
        multi = {
            observed: longer for observed, rewrites in all_by_observed.items()
            if (longer := [(meant, cost) for meant, cost in rewrites
                           if meant and (len(observed), len(meant)) != (1, 1)])
        }
        object.__setattr__(self, "_multi_by_observed", multi)
        # The longest segment either side of a confusion ("rn" for "m", "cin" for "era").
        longest = max((max(len(o), len(i)) for o, i in table), default=1)
        object.__setattr__(self, "_segment", longest)
        # What reading an ASCII letter as another costs (0 for itself), looked up by `cost`
        # per row instead of priced per cell.
        letters = "abcdefghijklmnopqrstuvwxyz"
        reads = {
            observed: {
                intended: 0.0 if observed == intended else table.get(
                    (observed, intended), substitution_cost(observed, intended))
                for intended in letters
            }
            for observed in letters
        }
        object.__setattr__(self, "_reads", reads)

    def finds_every_reading_within(self, bound: float) -> bool:
        """Whether every string `cost` prices within `bound` of a token, but those one plain
        edit away (a letter replaced, added or dropped, or two swapped), is among the
        token's `variants`: true when every confusion within `bound` is run backwards
        (`rewrite_max_cost`) and only paths of one or two confusions stay within it (any
        other operation costs `PLAIN_EDIT_MIN_COST` or more). Then symspell's words two
        edits away hold nothing within `bound` that the variants miss."""
        costs = self._table.values()
        if not costs:
            return True
        cheapest = min(costs)
        return (all(cost <= self.rewrite_max_cost for cost in costs if cost <= bound)
                and bound < min(3 * cheapest, cheapest + PLAIN_EDIT_MIN_COST,
                                2 * PLAIN_EDIT_MIN_COST))

    def confusion_cost(self, observed: str, intended: str) -> float | None:
        return self._table.get((observed.lower(), intended.lower()))

    def cost(self, observed: str, intended: str, bound: float = math.inf) -> float:
        """-log10 P(observed | intended): 0 for equal strings (case ignored). A cost above
        `bound` is returned as infinity: the reading stops once every path costs more, which
        most pairs checked against one slip do after a row or two ('dulwich' for 'castle')."""
        w, c = observed.lower(), intended.lower()
        if w == c:
            return 0.0
        n, m = len(w), len(c)
        inf = float("inf")
        dp = [[inf] * (m + 1) for _ in range(n + 1)]
        dp[0][0] = 0.0
        pairs = self._table
        # What depends on one side only is priced once: a letter of `c` missing (memoized:
        # the same words are priced against many tokens), a character of `w` added, and the
        # confusions (other than one letter for one) whose printed side starts at each place
        # of `w` (the few the table has, not every pair of segments), row by row: a bounded
        # reading stops after a row or two.
        missing = missing_costs(c)
        multi, longest = self._multi_by_observed, self._segment
        reach = max(2, self._segment)  # the most rows one move goes down: a swap, a confusion
        # Every move goes right or down, so a cell is final once the cell before it in its
        # row has relaxed it: each cell then relaxes the cells its moves reach (a comparison
        # instead of min() keeps that cheap), the moves two rows down once the row is final.
        for i in range(n):  # moves that read w[i]: matched or misread, added, swapped
            row, below = dp[i], dp[i + 1]
            letter = w[i]
            reads = self._reads.get(letter, {})
            steps = [reads[meant] if meant in reads else 0.0 if letter == meant
                     else pairs[(letter, meant)] if (letter, meant) in pairs
                     else substitution_cost(letter, meant) for meant in c]
            extra = JUNK_COST if is_junk(letter) else added_cost(w, i)
            for j in range(m):
                here = row[j]
                if here + steps[j] < below[j + 1]:
                    below[j + 1] = here + steps[j]
                if here + extra < below[j]:  # the OCR/typist added w[i]
                    below[j] = here + extra
                if here + missing[j] < row[j + 1]:  # c[j] went missing
                    row[j + 1] = here + missing[j]
            if row[m] + extra < below[m]:
                below[m] = row[m] + extra
            if i + 1 < n:  # w[i] and w[i + 1] swapped: where `c` has them the other way
                swapped, after = w[i + 1] + letter, dp[i + 2]
                j = c.find(swapped)
                while j >= 0:
                    if row[j] + TRANSPOSE_COST < after[j + 2]:
                        after[j + 2] = row[j] + TRANSPOSE_COST
                    j = c.find(swapped, j + 1)
            for size in range(1, min(longest, n - i) + 1):  # a confusion of several letters
                for meant, cost in multi.get(w[i : i + size], ()):
                    target = dp[i + size]
                    j = c.find(meant)
                    while j >= 0:
                        end = j + len(meant)
                        target[end] = min(target[end], row[j] + cost)
                        j = c.find(meant, j + 1)
            # Every path leaves the rows read so far by a move from one of them, onto one
            # of the next `reach` rows: those moves are made, so no path is cheaper than
            # the cheapest cell there.
            if bound < math.inf and min(below) > bound and min(
                    map(min, dp[i + 2 : i + 1 + reach]), default=math.inf) > bound:
                return math.inf
        last = dp[n]
        for j in range(m):  # the last letters of `c` went missing
            if last[j] + missing[j] < last[j + 1]:
                last[j + 1] = last[j] + missing[j]
        return last[m] if last[m] <= bound else math.inf

    def variants(self, observed: str, max_rewrites: int = 2,
                 is_prefix: Callable[[str], bool] | None = None) -> dict[str, float]:
        """Strings the page may have said: `observed` (case-folded) with up to
        `max_rewrites` non-overlapping confusions undone, each with its summed cost.

        `is_prefix`: whether some word of a vocabulary starts with a string. Confusions are
        undone left to right, so the part of a variant up to its last rewrite is fixed for
        every variant made from it: when no word starts with that part, the variant and all
        those made from it are left out. Every variant that is a word is still found, at the
        same cost (each step of its path is a beginning of it)."""
        start = observed.lower()
        length = len(start)
        # The confusions whose printed side starts at each place of `start` (the place of a
        # variant past its last rewrite stands for a place of `start`): looked up once.
        rewrites = [
            [(size, intended, cost) for size in range(1, min(self._segment, length - i) + 1)
             for intended, cost in self._by_observed.get(start[i : i + size], ())]
            for i in range(length)
        ]
        found: dict[str, float] = {}
        # (variant, where its last rewrite ends, the place of `start` there, summed cost)
        frontier: list[tuple[str, int, int, float]] = [(start, 0, 0, 0.0)]
        inf = float("inf")
        for _ in range(max_rewrites):
            next_frontier = []
            for text, from_pos, origin, base_cost in frontier:
                shift = from_pos - origin
                # One confusion undone at `from_pos` or after; with `is_prefix`, only where
                # some word's beginning reaches its end, and none after a place no word's
                # beginning reaches (text[:from_pos] is one; asked only where a confusion
                # starts: a string no word begins begins no longer one either). The beginning
                # is checked before the variant is built: most rewrites make none.
                for i in range(from_pos, len(text)):
                    options = rewrites[i - shift]
                    if not options:
                        continue
                    head = text[:i]
                    if is_prefix is not None and i > from_pos and not is_prefix(head):
                        break
                    for size, intended, cost in options:
                        beginning = head + intended
                        if is_prefix is None or is_prefix(beginning):
                            variant = beginning + text[i + size :]
                            total = base_cost + cost
                            if total < found.get(variant, inf) and variant != start:
                                found[variant] = total
                                next_frontier.append(
                                    (variant, len(beginning), i - shift + size, total))
            frontier = next_frontier
        return found

    def search(self, observed: str, vocabulary: Lexical, max_cost: float) -> dict[str, float]:
        """Words of `vocabulary` that `observed` (case-folded) may stand for, each with its
        cheapest path's cost (at most `max_cost`): the deep candidates of a garbled word.

        A beam search reads the token left to right. A hypothesis is a word's beginning, the
        part of the token it accounts for, and the operations it spent: at most
        SEARCH_MAX_OPERATIONS of any confusion of the table undone (not only the cheap ones
        `variants` uses), a junk character dropped (JUNK_COST), or at most SEARCH_MAX_TYPOS
        arbitrary edits (a letter substituted, added, dropped, or two swapped, priced as in
        `cost`). A hypothesis that is no word's beginning is dropped, and only the
        SEARCH_BEAM cheapest are extended at each place in the token: the work is at most
        (len(observed) + 1) * SEARCH_BEAM * (the confusions at one place + twice the
        alphabet) prefix queries."""
        text = observed.lower()
        # columns[i]: (word beginning, typos) -> (cost, operations), text[:i] accounted for.
        columns: list[dict[tuple[str, int], tuple[float, int]]] = [{} for _ in text + "."]
        columns[0][("", 0)] = (0.0, 0)
        for i, column in enumerate(columns):
            for (prefix, typos), (cost, operations) in _beam(column, text[i:], vocabulary):
                if typos < SEARCH_MAX_TYPOS and operations < SEARCH_MAX_OPERATIONS:
                    # A letter went missing before text[i].
                    for letter in _typo_letters(vocabulary, prefix, text[i : i + 1]):
                        missing = DOUBLE_LETTER_COST if prefix[-1:] == letter else TYPO_COST
                        _keep(column, prefix + letter, typos + 1, cost + missing,
                              operations + 1, max_cost)
            if i == len(text):
                break
            for (prefix, typos), (cost, operations) in _beam(column, text[i:], vocabulary):
                for steps, word, step, typo in self._steps(text, i, prefix, vocabulary,
                                                           typos < SEARCH_MAX_TYPOS):
                    if operations < SEARCH_MAX_OPERATIONS or not step:
                        _keep(columns[i + steps], word, typos + typo, cost + step,
                              operations + (step > 0), max_cost)
        found: dict[str, float] = {}
        for (word, _), (cost, operations) in columns[-1].items():
            if operations and word != text and word in vocabulary:
                found[word] = min(cost, found.get(word, cost))
        return found

    def _steps(self, text: str, i: int, prefix: str, vocabulary: Lexical,
               typos: bool) -> Iterable[tuple[int, str, float, int]]:
        """Ways to account for more of `text` from place `i` after the word beginning
        `prefix`: (characters of `text` consumed, new beginning, cost, typos spent)."""
        rest = text[i:]
        if vocabulary.has_prefix(prefix + rest[0]):
            yield 1, prefix + rest[0], 0.0, 0
        for size in range(1, min(self._segment, len(rest)) + 1):
            for intended, cost in self._all_by_observed.get(rest[:size], ()):
                if vocabulary.has_prefix(prefix + intended):
                    yield size, prefix + intended, cost, 0
        if is_junk(rest[0]):
            yield 1, prefix, JUNK_COST, 0
        elif typos:  # the OCR or the typist added rest[0]
            yield 1, prefix, added_cost(text, i), 1
        if not typos:
            return
        if len(rest) > 1 and vocabulary.has_prefix(prefix + rest[1] + rest[0]):
            yield 2, prefix + rest[1] + rest[0], TRANSPOSE_COST, 1
        for letter in _typo_letters(vocabulary, prefix, rest[1:2]):
            if letter != rest[0]:
                yield 1, prefix + letter, substitution_cost(rest[0], letter), 1

    def misreadings(self, intended: str, max_cost: float) -> set[str]:
        """What OCR may print for `intended` (case-folded) through one confusion of at most
        `max_cost`: the forward direction of `variants`."""
        word = intended.lower()
        found = set()
        for i in range(len(word)):
            for size in range(1, self._segment + 1):
                for observed, cost in self._by_intended.get(word[i : i + size], ()):
                    if cost <= max_cost and i + size <= len(word):
                        found.add(word[:i] + observed + word[i + size :])
        found.discard(word)
        return found

    def explain(self, observed: str, intended: str) -> str:
        """A short description of the confusions that turn `intended` into `observed`."""
        w, c = observed.lower(), intended.lower()
        if len(w) == len(c):
            diffs = [(a, b) for a, b in zip(w, c, strict=True) if a != b]
            if diffs and all((a, b) in self._table for a, b in diffs):
                return "glyph confusion " + ", ".join(f"{b}->{a}" for a, b in diffs)
        i, j = shared_ends(w, c)
        obs, inten = w[i : len(w) - j], c[i : len(c) - j]
        if (obs, inten) in self._table:
            return f"glyph confusion {inten}->{obs}"
        if not inten:
            return f"extra '{obs}' inserted"
        if not obs:
            return f"'{inten}' dropped"
        return f"spelling slip: '{inten}' written as '{obs}'"
