"""The OCR glyph-confusion channel model.

`ChannelModel.cost(observed, intended)` is the -log10 probability that the page said `intended`
and the text shows `observed`: a weighted edit distance in which an OCR confusion from
dictionaries/confusions.tsv (v->y, rn->m, cl->d, ...) costs its own, lower weight and counts as
ONE operation even when it spans two characters, while any other edit costs a typo's weight.
`ChannelModel.variants(observed)` runs the confusions backwards to list what the page may have
said, so that "governrnent" finds "government" although plain edit distance counts 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..lexicon import Confusion

TYPO_COST = 3.5
"""-log10 probability of one arbitrary insertion, deletion or substitution."""
TRANSPOSE_COST = 3.0
ADJACENT_KEY_COST = 3.0
DOUBLE_LETTER_COST = 3.0
VOWEL_COST = 3.0
"""One vowel for another ('seperate') is the commonest spelling slip of all."""
VOWELS = frozenset("aeiouy")

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _adjacent_keys() -> frozenset[tuple[str, str]]:
    pairs = set()
    for r, row in enumerate(_KEYBOARD_ROWS):
        for i, key in enumerate(row):
            neighbours = [row[i - 1] if i else "", row[i + 1] if i + 1 < len(row) else ""]
            for other_row in (r - 1, r + 1):
                if 0 <= other_row < len(_KEYBOARD_ROWS):
                    near = _KEYBOARD_ROWS[other_row]
                    neighbours += [near[j] for j in (i - 1, i, i + 1) if 0 <= j < len(near)]
            pairs.update((key, n) for n in neighbours if n)
    return frozenset(pairs)


ADJACENT_KEYS = _adjacent_keys()


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
    _by_intended: dict[str, list[tuple[str, float]]] = field(init=False, repr=False)
    _segment: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        table: dict[tuple[str, str], float] = {}
        for conf in self.confusions:
            key = (conf.observed.lower(), conf.intended.lower())
            if key[0] != key[1] and conf.cost < TYPO_COST:
                table[key] = min(conf.cost, table.get(key, conf.cost))
        by_observed: dict[str, list[tuple[str, float]]] = {}
        for (observed, intended), cost in sorted(table.items()):
            if cost <= self.rewrite_max_cost:
                by_observed.setdefault(observed, []).append((intended, cost))
        by_intended: dict[str, list[tuple[str, float]]] = {}
        for (observed, intended), cost in sorted(table.items()):
            by_intended.setdefault(intended, []).append((observed, cost))
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "_by_observed", by_observed)
        object.__setattr__(self, "_by_intended", by_intended)
        # The longest segment either side of a confusion ("rn" for "m", "cin" for "era").
        longest = max((max(len(o), len(i)) for o, i in table), default=1)
        object.__setattr__(self, "_segment", longest)

    def confusion_cost(self, observed: str, intended: str) -> float | None:
        return self._table.get((observed.lower(), intended.lower()))

    def cost(self, observed: str, intended: str) -> float:
        """-log10 P(observed | intended): 0 for equal strings (case ignored)."""
        w, c = observed.lower(), intended.lower()
        if w == c:
            return 0.0
        n, m = len(w), len(c)
        inf = float("inf")
        dp = [[inf] * (m + 1) for _ in range(n + 1)]
        dp[0][0] = 0.0
        pairs = self._table
        for i in range(n + 1):
            for j in range(m + 1):
                here = dp[i][j]
                if here == inf:
                    continue
                if i < n and j < m:
                    if w[i] == c[j]:
                        step = 0.0
                    elif (w[i], c[j]) in pairs:
                        step = pairs[(w[i], c[j])]
                    elif (c[j], w[i]) in ADJACENT_KEYS:
                        step = ADJACENT_KEY_COST
                    elif w[i] in VOWELS and c[j] in VOWELS:
                        step = VOWEL_COST
                    else:
                        step = TYPO_COST
                    dp[i + 1][j + 1] = min(dp[i + 1][j + 1], here + step)
                if i < n:  # the OCR/typist added w[i]
                    extra = DOUBLE_LETTER_COST if i and w[i] == w[i - 1] else TYPO_COST
                    dp[i + 1][j] = min(dp[i + 1][j], here + extra)
                if j < m:  # c[j] went missing
                    missing = DOUBLE_LETTER_COST if j and c[j] == c[j - 1] else TYPO_COST
                    dp[i][j + 1] = min(dp[i][j + 1], here + missing)
                if i + 1 < n and j + 1 < m and w[i] == c[j + 1] and w[i + 1] == c[j]:
                    dp[i + 2][j + 2] = min(dp[i + 2][j + 2], here + TRANSPOSE_COST)
                sizes = range(1, self._segment + 1)
                for lo in sizes:
                    for li in sizes:
                        if (lo, li) == (1, 1) or i + lo > n or j + li > m:
                            continue
                        cost = pairs.get((w[i : i + lo], c[j : j + li]))
                        if cost is not None:
                            dp[i + lo][j + li] = min(dp[i + lo][j + li], here + cost)
        return dp[n][m]

    def variants(self, observed: str, max_rewrites: int = 2) -> dict[str, float]:
        """Strings the page may have said: `observed` (case-folded) with up to
        `max_rewrites` non-overlapping confusions undone, each with its summed cost."""
        start = observed.lower()
        found: dict[str, float] = {}
        frontier: list[tuple[str, int, float]] = [(start, 0, 0.0)]
        for _ in range(max_rewrites):
            next_frontier = []
            for text, from_pos, base_cost in frontier:
                for variant, end, cost in self._rewrites(text, from_pos):
                    total = base_cost + cost
                    if total < found.get(variant, float("inf")) and variant != start:
                        found[variant] = total
                        next_frontier.append((variant, end, total))
            frontier = next_frontier
        return found

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

    def _rewrites(self, text: str, from_pos: int) -> Iterable[tuple[str, int, float]]:
        for i in range(from_pos, len(text)):
            for size in range(1, self._segment + 1):
                observed = text[i : i + size]
                if len(observed) < size:
                    continue
                for intended, cost in self._by_observed.get(observed, ()):
                    yield text[:i] + intended + text[i + size :], i + len(intended), cost

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
