"""Build built/name_words.tsv: common words that are also a person's name in the gazetteer.

    python dictionaries/build_name_words.py

A common word that is also a person's name ('murray', 'silver', 'judge') is a lowercase
token's candidate only when it is very frequent (`candidates.SURNAME_WORD_MIN_ZIPF`): a rarer
one is more often a surname with a typo ('murram' is not 'murray'). But 'silver', 'roof',
'justice' and 'winner' are words first, names second: 'took ilver and bronze' is 'silver'.
Hunspell's en_US dictionary (SCOWL) tells the two apart, since it spells a name with its
capital and a word in lowercase: a word is listed here when it is
- a common word (symspellpy's list and built/common_additions.tsv) less frequent than
  `SURNAME_WORD_MIN_ZIPF`, lowercase ASCII letters,
- a person's name in the gazetteer, but no first name of one (a first name's count is the
  name's: 'tom', 'henry', 'jack' are people in news, whatever a dictionary says),
- and accepted in lowercase by Hunspell's en_US dictionary ('silver', 'roof'; not 'murray',
  'jones', 'obama').

Needs the `hunspell` program and its en_US dictionary (see build_common_words.py); the engine
reads only the committed table (`candidates.lowercase_word`).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_name_words.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, write
from dictionaries.build_common_words import accepted_by_hunspell
from normalizer.correction.candidates import SURNAME_WORD_MIN_ZIPF
from normalizer.lexicon import Lexicon, dictionaries_dir, first_names, load_lexicon


def name_words(lexicon: Lexicon) -> list[str]:
    """The listed words (module docstring), sorted."""
    first = first_names(sorted((dictionaries_dir() / "curated").glob("*.tsv")))
    wanted = sorted(
        word for word in lexicon.common
        if word.isascii() and word.isalpha() and word.islower() and word not in first
        and (entity := lexicon.names.get(word)) is not None and entity.type == "person"
        and lexicon.frequency(word) < SURNAME_WORD_MIN_ZIPF
    )
    listed = accepted_by_hunspell(wanted)
    return [word for word in wanted if word in listed]


def main() -> None:
    write(OUT / "name_words.tsv", [
        "# Common words that are also a person's name in the gazetteer, less frequent than",
        "# Zipf 5, that Hunspell's en_US dictionary (SCOWL 2020.12.07) accepts in lowercase.",
        "# Made by dictionaries/build_name_words.py. SCOWL: Copyright 2000-2011 by Kevin",
        "# Atkinson. Permission to use, copy, modify, distribute and sell these word lists, the",
        "# associated scripts, the output created from the scripts, and its documentation for",
        "# any purpose is hereby granted without fee, provided that the above copyright notice",
        "# appears in all copies and that both that copyright notice and this permission notice",
        "# appear in supporting documentation.",
        "word",
    ], [(word,) for word in name_words(load_lexicon())])


if __name__ == "__main__":
    main()
