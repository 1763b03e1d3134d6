"""Build built/spelling_channel.tsv: how people misspell words, learned from common misspellings.

    python dictionaries/build_spelling_channel.py

A typist's error model in the manner of Brill & Moore ("An improved error model for noisy
channel spelling correction", ACL 2000), learned from the pairs of built/misspellings.tsv
(codespell's, from Wikipedia's lists of common misspellings; see SOURCES.md). Each pair is
aligned by rapidfuzz's Levenshtein opcodes, the word's ends marked `^` and `$`; the runs where
the two differ are one segment edit each, two runs one letter apart one edit with that letter
(a swap: 'ei' -> 'ie'). Each edit counts bare ('ll' -> 'l') and with one letter of context on
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

from rapidfuzz.distance import Levenshtein

if __package__ in (None, ""):  # run as `python dictionaries/build_spelling_channel.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, write
from normalizer.misspellings import read_misspellings

SMOOTHING = 20.0
"""Occurrences added to each intended segment's count: a segment the corrections hold a few
times does not make its rare edits near certain."""
MIN_COUNT = 2
MAX_SEGMENT = 4

Segment = tuple[str, str, bool]
"""(intended, written, differs) runs of an aligned pair, in order."""


def segments(written: str, intended: str) -> list[Segment]:
    """The aligned runs of `intended` and `written` (ends marked), differing runs one letter
    apart joined with it."""
    source, target = f"^{intended}$", f"^{written}$"
    runs: list[Segment] = []
    for op in Levenshtein.opcodes(source, target):
        a, b = source[op.src_start:op.src_end], target[op.dest_start:op.dest_end]
        differs = op.tag != "equal"
        if differs and runs and runs[-1][2]:
            runs[-1] = (runs[-1][0] + a, runs[-1][1] + b, True)
        elif differs and len(runs) >= 2 and runs[-2][2] and len(runs[-1][0]) == 1:
            gap = runs.pop()[0]
            before = runs.pop()
            runs.append((before[0] + gap + a, before[1] + gap + b, True))
        else:
            runs.append((a, b, differs))
    return runs


def edits_of(runs: list[Segment]) -> Iterable[tuple[str, str]]:
    """Each differing run as an edit, bare and with a letter of context on each side."""
    for i, (a, b, differs) in enumerate(runs):
        if not differs:
            continue
        left = runs[i - 1][0][-1:] if i > 0 else ""
        right = runs[i + 1][0][:1] if i + 1 < len(runs) else ""
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
        edits.update(edits_of(segments(written, intended)))
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
