"""Build built/letter_trigrams.tsv: how many English words hold each sequence of three letters.

    python dictionaries/build_letter_trigrams.py

Every word of `built/wordfreq_en.tsv` made of letters only is read with its ends marked
('^word$'), and each of its ASCII letter trigrams ('^wo', 'wor', 'ord', 'rd$') counts the word
once. A trigram few words hold ('hkv', 'tpn', 'jlu') is one English spelling seldom has, so a
token that holds one is more likely damaged than a name of its own: the trigram analysis of
Zamora, Pollock and Zamora (1981), "The use of trigram analysis for spelling error detection".
Only ASCII trigrams are listed: accented letters are rare in English words, but not in the
names news writes ('González'), so the engine never counts them against a token.

Nothing to install: the source is the committed wordfreq table; the engine reads only this
table (`normalizer/correction/letter_shape.py`).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_letter_trigrams.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, write
from normalizer.correction.letter_shape import letter_trigrams
from normalizer.tsv import read_rows


def trigram_counts(words: list[str]) -> Counter[str]:
    """For each ASCII letter trigram of `words` (ends marked), how many of them hold it."""
    counts: Counter[str] = Counter()
    for word in words:
        if word.isalpha():
            counts.update(set(letter_trigrams(word)))
    return counts


def main() -> None:
    words = [word for word, _ in read_rows(OUT / "wordfreq_en.tsv", ("word", "zipf"))]
    counts = trigram_counts(words)
    write(OUT / "letter_trigrams.tsv", ["trigram\twords"],
          sorted(counts.items(), key=lambda item: item[0]))


if __name__ == "__main__":
    main()
