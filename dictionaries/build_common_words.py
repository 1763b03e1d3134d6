"""Build built/common_additions.tsv: frequent English words symspellpy's common list lacks.

    python dictionaries/build_common_words.py

symspellpy's 82,765 common words (the spelling lexicon and symspell's candidate index) lack
frequent American spellings and newer words: 'favorite', 'labor', 'neighborhood', 'theater',
'jewelry', 'retweeted', 'ransomware'. A typo of one was then read as another word
('favorte' -> "favourite") or not fixed at all ('neighborhod'). A word is added when it is
- at least `MIN_LENGTH` lowercase ASCII letters, not in symspellpy's list,
- at least `MIN_ZIPF` in built/wordfreq_en.tsv (wordfreq counts the web, misspellings and
  names included, so frequency alone does not make a word),
- and accepted in lowercase by Hunspell's en_US dictionary (SCOWL), which spells proper
  names with their capital: 'gaddafi' or 'cortez' is no word of it.

Its count is the one symspellpy's list gives words of the same Zipf frequency:
10 ** (zipf + `COUNT_SHIFT`), the median over the words both lists hold.

Needs the `hunspell` program and its en_US dictionary (Debian: `apt install hunspell
hunspell-en-us`, SCOWL 2020.12.07); the engine reads only the committed table.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_common_words.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, write, zipf_frequencies
from normalizer.lexicon import symspell_common_words

MIN_LENGTH = 4
"""Shorter strings wordfreq counts often are mostly abbreviations and interjections ('mm',
'ins', 'mom'), which a typo of a short word lands on."""
MIN_ZIPF = 2.5
COUNT_SHIFT = 2.8
"""log10(symspellpy count) - Zipf: 2.79-2.81 in every Zipf band from 2.5 to 5."""


def accepted_by_hunspell(words: list[str], dictionary: str = "en_US") -> set[str]:
    """The words Hunspell's `dictionary` accepts as written (`hunspell -G` prints them)."""
    run = subprocess.run(["hunspell", "-d", dictionary, "-G"], input="\n".join(words),
                         capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def additions(english: dict[str, float], common: set[str]) -> list[tuple[str, int]]:
    """The added words (module docstring) with their counts, sorted."""
    wanted = sorted(
        word for word, zipf in english.items()
        if zipf >= MIN_ZIPF and len(word) >= MIN_LENGTH and word.isascii()
        and word.isalpha() and word.islower() and word not in common
    )
    listed = accepted_by_hunspell(wanted)
    return [(word, round(10 ** (english[word] + COUNT_SHIFT))) for word in wanted
            if word in listed]


def main() -> None:
    rows = additions(zipf_frequencies(), set(symspell_common_words()))
    write(OUT / "common_additions.tsv", [
        "# Frequent English words symspellpy's common list lacks: Zipf 2.5 or more in",
        "# built/wordfreq_en.tsv, accepted in lowercase by Hunspell's en_US dictionary",
        "# (SCOWL 2020.12.07). Count: 10 ** (Zipf + 2.8), symspellpy's scale.",
        "# Made by dictionaries/build_common_words.py. Words and frequencies: wordfreq,",
        "# CC BY-SA 4.0. SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use,",
        "# copy, modify, distribute and sell these word lists, the associated scripts, the",
        "# output created from the scripts, and its documentation for any purpose is hereby",
        "# granted without fee, provided that the above copyright notice appears in all",
        "# copies and that both that copyright notice and this permission notice appear in",
        "# supporting documentation.",
        "word\tcount",
    ], rows)


if __name__ == "__main__":
    main()
