"""Oracle coverage of candidate generation on real OCR: how many misread words could be fixed.

    python bench/channel_oracle.py            # OverProof dataset 2 only (never dataset 3)

For every word the OCR misread in OverProof dataset 2 (aligned as dictionaries/build_channel.py
aligns them; both sides letters), the fewest operations that turn the printed word into the
true one, when an operation is:
- `learned`: one confusion of a channel table ("o" for "e", "li" for "h", up to three
  characters a side), nothing else;
- `hand`: one confusion of the hand table dictionaries/confusions.tsv;
- `edit`: one character inserted, deleted or substituted (plain Levenshtein, symspell's view);
- `learned+edit`: either.
Coverage at k = share of misread words within k operations: an upper bound on what a
candidate search of depth k can find, before the lexicon and the context model choose.
The learned table is learned on the even articles and measured on the odd ones (held out),
as the build script's check does; `shipped` is the table in dictionaries/built/ (learned on
all of dataset 2: in-sample). "in lexicon" = the true word is a word of symspellpy's list or
seen by wordfreq (a candidate search can only propose words it knows).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import Levenshtein

if __package__ in (None, ""):  # run as `python bench/channel_oracle.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import (
    DATASET2,
    KNOWN_ZIPF,
    MAX_SEGMENT,
    channel_rows,
    count,
    data_dir,
    read_articles,
    read_hand_table,
    zipf_frequencies,
)
from dictionaries.build_misspellings import lexicon_words
from normalizer.channel_table import load_channel_table

ROOT = Path(__file__).resolve().parents[1]
DEPTHS = (1, 2, 3, 4)
INFINITE = 99


def fewest_operations(printed: str, true: str, pairs: set[tuple[str, str]], edits: bool) -> int:
    """Fewest confusions from `pairs` (and single-character edits when `edits`) that turn
    `printed` into `true`; INFINITE when impossible."""
    n, m = len(printed), len(true)
    best = [[INFINITE] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here >= INFINITE:
                continue
            steps: list[tuple[int, int, int]] = []
            if i < n and j < m and printed[i] == true[j]:
                steps.append((1, 1, 0))
            if edits:
                steps += [(1, 1, 1), (1, 0, 1), (0, 1, 1)]
            for a in range(1, MAX_SEGMENT + 1):
                for b in range(1, MAX_SEGMENT + 1):
                    if (printed[i:i + a], true[j:j + b]) in pairs and i + a <= n and j + b <= m:
                        steps.append((a, b, 1))
            for a, b, cost in steps:
                if i + a <= n and j + b <= m and here + cost < best[i + a][j + b]:
                    best[i + a][j + b] = here + cost
    return best[n][m]


def coverage(errors: list[tuple[str, str]], measure: Callable[[str, str], int]) -> list[float]:
    distances = [measure(printed, true) for printed, true in errors]
    return [sum(d <= k for d in distances) / len(distances) for k in DEPTHS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the benchmark data folder (as for build_channel.py)")
    args = parser.parse_args()
    articles = read_articles(data_dir(args.data) / DATASET2)
    hand = set(read_hand_table(ROOT / "dictionaries" / "confusions.tsv"))
    learned = {(r.observed, r.intended) for r in channel_rows(count(articles[0::2]), {})}
    shipped = {(c.observed, c.intended) for c in load_channel_table().confusions}
    zipf = zipf_frequencies()
    known = lexicon_words() | {w for w, z in zipf.items() if z > 0}
    for label, part, table in (("held-out half", articles[1::2], learned),
                               ("all of dataset 2", articles, shipped)):
        words = count(part).words
        errors = [pair for pair, n in sorted(words.items()) if pair[0] != pair[1]
                  and pair[0].isalpha() and pair[1].isalpha() for _ in range(n)]
        in_lexicon = sum(true in known for _, true in errors) / len(errors)
        real_word = sum(zipf.get(printed, 0) >= KNOWN_ZIPF for printed, _ in errors) / len(errors)
        print(f"{label}: {len(errors)} misread words; true word in lexicon: {in_lexicon:.1%}; "
              f"printed form itself a word (Zipf >= {KNOWN_ZIPF}): {real_word:.1%}")
        print("| operations | " + " | ".join(f"k <= {k}" for k in DEPTHS) + " |")
        print("|---|" + "---|" * len(DEPTHS))
        name = "learned (held out)" if table is learned else "learned (shipped, in-sample)"
        measures: dict[str, Callable[[str, str], int]] = {
            name: lambda p, t, s=table: fewest_operations(p, t, s, False),
            "hand": lambda p, t: fewest_operations(p, t, hand, False),
            "edit": Levenshtein.distance,
            "learned+edit": lambda p, t, s=table: fewest_operations(p, t, s, True),
        }
        for name, measure in measures.items():
            print(f"| {name} | " + " | ".join(f"{c:.1%}" for c in coverage(errors, measure))
                  + " |")
        print()


if __name__ == "__main__":
    main()
