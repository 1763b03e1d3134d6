"""How people misspell words: the spelling channel, learned from common misspellings.

`SpellingChannel.cost(written, intended)` is the -log10 probability that someone who meant
`intended`, and misspelt it, wrote `written`: the cheapest way through the learned segment
edits of dictionaries/built/spelling_channel.tsv ('lly' -> 'ly', 'ei' -> 'ie', 'a' -> 'e';
made by dictionaries/build_spelling_channel.py), any other letter added, dropped,
changed or two swapped at `UNMODELLED_EDIT_COST` each. The OCR and keyboard channel
(`channel`) prices the slips of a hand or a scanner; this one prices what people believe a
word is spelt ('seperate', 'centraly', 'recieve'), which that channel counts as typos as
dear as any other.

A ranked list of corrections for one word (`explain.ranked_candidates`, and so a word asked
alone) prices each candidate by the cheaper of the two channels, but for a word the
common-misspellings table gives one correction, which it answers. Running text does not use
it: there it fixed no more typos on the synthetic news sets and changed clean words ('mpox'
-> pox).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import dictionaries_dir
from ..tsv import read_rows

COLUMNS = ("intended", "written", "count", "cost")
UNMODELLED_EDIT_COST = 4.0
"""An edit the table lacks, as dear as its rarest learned ones (0.4-5.4; an 'e' dropped
costs 1.5). Norvig's and Birkbeck's lists rank about the same from 3.5 to 4.5."""
MAX_SEGMENT = 4
"""The longest intended segment of the table (its builder's `MAX_SEGMENT`)."""
COST_MEMO_SIZE = 65_536


@dataclass(frozen=True)
class SpellingChannel:
    """Learned segment edits: (intended segment, written segment) -> cost. Both are at most
    `MAX_SEGMENT` letters: an alignment looks each pair up where it stands."""

    edits: Mapping[tuple[str, str], float]
    cheapest: float = field(init=False, compare=False, repr=False)
    """The cheapest learned edit: no misspelling costs less."""
    _memo: dict[tuple[str, str], tuple[float, float]] = field(
        default_factory=dict, compare=False, repr=False)
    """(written, intended) -> (cost, the bound it was found under)."""
    _by_intended: dict[str, dict[str, float]] = field(init=False, compare=False, repr=False)
    """intended segment -> {written segment: cost}: `edits` by what they read."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "cheapest", min(self.edits.values(), default=math.inf))
        by_intended: dict[str, dict[str, float]] = {}
        for (intended, written), cost in self.edits.items():
            by_intended.setdefault(intended, {})[written] = cost
        object.__setattr__(self, "_by_intended", by_intended)

    def cost(self, written: str, intended: str, bound: float = math.inf) -> float:
        """-log10 P(written | intended misspelt): the cheapest alignment of the two (ends
        marked `^` and `$`) through learned and unmodelled edits; `bound` or more when it
        costs that much (memoized)."""
        memo = self._memo
        known = memo.get((written, intended))
        if known is not None and (known[0] < known[1] or bound <= known[1]):
            return known[0]
        if len(memo) >= COST_MEMO_SIZE:
            memo.clear()
        found = self._cost(f"^{written}$", f"^{intended}$", bound)
        memo[(written, intended)] = (found, bound)
        return found

    def _cost(self, written: str, intended: str, bound: float) -> float:
        # Only the part where the two differ needs aligning, with the few letters a learned
        # edit's context may take on either side of it.
        same = 0
        while same < min(len(written), len(intended)) and written[same] == intended[same]:
            same += 1
        cut = max(0, same - MAX_SEGMENT)
        written, intended = written[cut:], intended[cut:]
        same = 0
        while (same < min(len(written), len(intended)) - 1
               and written[-1 - same] == intended[-1 - same]):
            same += 1
        cut = max(0, same - MAX_SEGMENT)
        if cut:
            written, intended = written[:-cut], intended[:-cut]
        rows, columns = len(intended) + 1, len(written) + 1
        best = [[bound] * columns for _ in range(rows)]
        best[0][0] = 0.0
        by_intended = self._by_intended
        # What a learned edit may read at each place is looked up once per row (the intended
        # segments there the table has) and once per column (the written segments there),
        # not once per cell (Birkbeck's words ranked a fifth faster, the same lists).
        written_at = [[(typed, written[j:j + typed])
                       for typed in range(min(MAX_SEGMENT, columns - 1 - j) + 1)]
                      for j in range(columns)]
        for i in range(rows):
            learned_here = [(length, by_intended[intended[i:i + length]])
                            for length in range(min(MAX_SEGMENT, rows - 1 - i) + 1)
                            if intended[i:i + length] in by_intended]
            row = best[i]
            for j in range(columns):
                here = row[j]
                if here >= bound:
                    continue  # no alignment through here is cheap enough to matter
                if i < rows - 1:
                    below = best[i + 1]
                    if j < columns - 1:
                        step = 0.0 if intended[i] == written[j] else UNMODELLED_EDIT_COST
                        if here + step < below[j + 1]:
                            below[j + 1] = here + step
                        if (step and i + 2 < rows and j + 2 < columns
                                and intended[i] == written[j + 1]
                                and intended[i + 1] == written[j]  # two letters swapped
                                and here + UNMODELLED_EDIT_COST < best[i + 2][j + 2]):
                            best[i + 2][j + 2] = here + UNMODELLED_EDIT_COST
                    if here + UNMODELLED_EDIT_COST < below[j]:  # a letter left out
                        below[j] = here + UNMODELLED_EDIT_COST
                if j < columns - 1 and here + UNMODELLED_EDIT_COST < row[j + 1]:  # one added
                    row[j + 1] = here + UNMODELLED_EDIT_COST
                for length, typed_as in learned_here:
                    target = best[i + length]
                    for typed, segment in written_at[j]:
                        cost = typed_as.get(segment)
                        if cost is not None and here + cost < target[j + typed]:
                            target[j + typed] = here + cost
        return best[-1][-1]


@lru_cache(maxsize=1)
def load_spelling_channel() -> SpellingChannel:
    """dictionaries/built/spelling_channel.tsv, read at the first ranked list (about 15,000
    rows)."""
    path = dictionaries_dir() / "built" / "spelling_channel.tsv"
    return SpellingChannel({(intended, written): float(cost)
                            for intended, written, _count, cost in read_rows(path, COLUMNS)})
