"""Build built/spelling_channel.tsv: how people misspell words, learned from common misspellings.

    python dictionaries/build_spelling_channel.py

A typist's error model in the manner of Brill & Moore ("An improved error model for noisy
channel spelling correction", ACL 2000), learned from the pairs of built/misspellings.tsv
(codespell's, from Wikipedia's lists of common misspellings; see SOURCES.md). Each pair is
aligned as the OCR channel's lines are (`build_channel.edit_regions`: rapidfuzz's
Levenshtein opcodes), the word's ends marked `^` and `$`; the runs where the two differ are
one segment edit each, two runs one letter apart one edit with that letter (a swap: 'ei' ->
'ie'). Each edit counts bare ('ll' -> 'l') and with one letter of context on
either side and on both ('lly' -> 'ly'): the context says where a slip is made ('nt$' ->
'nd$' at a word's end). An edit's cost is -log10 of its count over the
intended segment's occurrences in the corrections plus `SMOOTHING`: how likely one who
misspells a word with that segment writes it so. Edits seen fewer than `MIN_COUNT` times,
or longer than `MAX_SEGMENT` letters on either side, are dropped.

Nothing here reads the benchmark data: Norvig's and Birkbeck's lists stay held out.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_spelling_channel.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, edit_regions, write
from normalizer.misspellings import read_misspellings

SMOOTHING = 20.0
"""Occurrences added to each intended segment's count: a segment the corrections hold a few
times does not make its rare edits near certain."""
MIN_COUNT = 2
MAX_SEGMENT = 4

Edit = tuple[str, str, int, int]
"""(intended segment, written segment, start and end in the marked intended word)."""


def differing(written: str, intended: str) -> list[Edit]:
    """Where the marked words differ: `build_channel.edit_regions` of the alignment, two
    regions one letter apart joined with it (a swap: 'ie' for 'ei')."""
    source, target = f"^{intended}$", f"^{written}$"
    regions: list[list[int]] = []
    for s0, s1, t0, t1 in edit_regions(source, target):  # aligned from the intended side
        if regions and s0 - regions[-1][1] == 1 and t0 - regions[-1][3] == 1:
            regions[-1][1], regions[-1][3] = s1, t1
        else:
            regions.append([s0, s1, t0, t1])
    return [(source[s0:s1], target[t0:t1], s0, s1) for s0, s1, t0, t1 in regions]


def edits_of(written: str, intended: str) -> Iterable[tuple[str, str]]:
    """Each place the two differ as an edit, bare and with a letter of context on each side
    (the letters around it, which the two share)."""
    marked = f"^{intended}$"
    for a, b, start, end in differing(written, intended):
        left, right = marked[start - 1:start], marked[end:end + 1]
        yield a, b
        if left:
            yield left + a, left + b
        if right:
            yield a + right, b + right
        if left and right:
            yield left + a + right, left + b + right


def learn(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, int, str]]:
    """(intended, written, count, cost) of every edit kept, the cheapest first."""
    edits: Counter[tuple[str, str]] = Counter()
    occurrences: Counter[str] = Counter()
    for written, intended in pairs:
        edits.update(edits_of(written, intended))
        marked = f"^{intended}$"
        for start in range(len(marked)):
            for length in range(1, MAX_SEGMENT + 1):
                if start + length <= len(marked):
                    occurrences[marked[start:start + length]] += 1
        occurrences[""] += len(marked) - 1  # the places a letter may be added
    rows = []
    for (a, b), count in edits.items():
        if count >= MIN_COUNT and len(a) <= MAX_SEGMENT and len(b) <= MAX_SEGMENT:
            cost = -math.log10(count / (occurrences[a] + SMOOTHING))
            rows.append((a, b, count, f"{cost:.3f}"))
    return sorted(rows, key=lambda row: (float(row[3]), row[0], row[1]))


def main() -> None:
    table = read_misspellings(OUT / "misspellings.tsv")
    pairs = [(w, c) for w, c in table.items() if " " not in c]
    write(OUT / "spelling_channel.tsv", [
        "# How people misspell: segment edits learned from built/misspellings.tsv (codespell's",
        "# common misspellings, from English Wikipedia's lists, CC BY-SA 3.0; this file is a",
        "# derived work under the same licence). Made by dictionaries/build_spelling_channel.py.",
        "# intended -> written, `^`/`$` a word's ends; count: pairs with the edit; cost: -log10",
        "# P(written | intended, a misspelling).",
        "intended\twritten\tcount\tcost",
    ], learn(pairs))


if __name__ == "__main__":
    main()
