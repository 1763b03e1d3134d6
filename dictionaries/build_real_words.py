"""Build built/real_words.tsv: rare English words a spell checker's dictionary lists.

    python dictionaries/build_real_words.py

Source: pyspellchecker's English word list (pinned in pyproject.toml's `build` extra and
checked here; see SOURCES.md), which its author counted from OpenSubtitles and cleaned of
low-count terms (misspellings) and listed non-words. A word is kept when it is lowercase
letters and rare in English (Zipf < `MAX_ZIPF` in built/wordfreq_en.tsv, or absent from
wordfreq's `large` list).

Wordfreq counts the web, misspellings included: 'firends' (1.25) is there and 'advisably',
'expellee' and 'rescore' are not. The engine reads the table two ways:
- a listed word wordfreq lacks counts as seen, at the floor of wordfreq's list
  (`lexicon.LISTED_WORD_ZIPF`), so it is not read as a typo of a more frequent word;
- a text that is one word, rare and unlisted, is a misspelling when its correction is clear
  (`normalizer.correction.lone_word`).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_real_words.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, require_pinned, write, zipf_frequencies

PYSPELLCHECKER_VERSION = "0.9.1"
"""The version pinned in pyproject.toml's `build` extra."""
MAX_ZIPF = 3.0
"""Words at least this common in wordfreq need no list to be known (`lone_word.MAX_ZIPF`)."""


def rare_listed_words(english: dict[str, float]) -> list[str]:
    """The listed words kept (module docstring), sorted."""
    from spellchecker import SpellChecker

    require_pinned("pyspellchecker", PYSPELLCHECKER_VERSION)
    return sorted(
        word for word in SpellChecker(language="en").word_frequency.dictionary
        if word.isalpha() and word.islower() and english.get(word, 0.0) < MAX_ZIPF
    )


def main() -> None:
    write(OUT / "real_words.tsv", [
        f"# Rare English words of pyspellchecker {PYSPELLCHECKER_VERSION}'s English list (MIT;",
        "# counted from OpenSubtitles and cleaned by its author): Zipf below "
        f"{MAX_ZIPF} in",
        "# built/wordfreq_en.tsv, or absent. Made by dictionaries/build_real_words.py.",
        "word",
    ], ((word,) for word in rare_listed_words(zipf_frequencies())))


if __name__ == "__main__":
    main()
