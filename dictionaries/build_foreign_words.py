"""Build built/foreign_words.tsv: the everyday words of other languages that English lacks.

    python dictionaries/build_foreign_words.py

Source: wordfreq's word lists (pinned in pyproject.toml's `build` extra and checked here; see
SOURCES.md). For each language of `LANGUAGES` (those written in the Latin alphabet that
wordfreq lists), its `TOP` most frequent words are read, and a word is kept when it is made
of letters, is at least `MIN_LENGTH` long, is frequent in that language (Zipf >= `MIN_ZIPF`)
and rare in English (Zipf < `MAX_ENGLISH_ZIPF` in built/wordfreq_en.tsv, and `MIN_LEAD` below
its Zipf in its language): "und", "não", "beaucoup", "también", but not "die", "van", "son" or
"del", which English sentences and names use. Each row lists the languages that use the word.

The engine counts these words in a sentence to tell a passage in another language from
English (`normalizer.correction.foreign`), whose words it must not read as English typos
("não" as "no", "senken" as "sunken").
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python dictionaries/build_foreign_words.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import OUT, require_pinned, write, zipf_frequencies

WORDFREQ_VERSION = "3.1.1"
"""The version pinned in pyproject.toml's `build` extra."""
LANGUAGES = ("ca", "cs", "da", "de", "es", "fi", "fr", "hu", "id", "it", "lt", "lv", "nb",
             "nl", "pl", "pt", "ro", "sk", "sl", "sv", "tr")
"""wordfreq's languages written in the Latin alphabet (Croatian and Estonian it lacks)."""
TOP = 1000
MIN_LENGTH = 3
"""Two-letter words are left out: OCR makes them of English words ('ne', 'se', 'na')."""
MIN_ZIPF = 4.5
MAX_ENGLISH_ZIPF = 3.5
MIN_LEAD = 2.0
"""How much more frequent (Zipf) a word must be in its language than in English."""


def foreign_words(english: dict[str, float]) -> dict[str, list[str]]:
    """word -> the languages of `LANGUAGES` it is kept for (module docstring)."""
    import wordfreq

    require_pinned("wordfreq", WORDFREQ_VERSION)
    found: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for word in wordfreq.top_n_list(language, TOP):
            if (word.isalpha() and len(word) >= MIN_LENGTH
                    and (zipf := wordfreq.zipf_frequency(word, language)) >= MIN_ZIPF
                    and english.get(word, 0.0) < min(MAX_ENGLISH_ZIPF, zipf - MIN_LEAD)):
                found.setdefault(word, []).append(language)
    return found


def main() -> None:
    rows = sorted(foreign_words(zipf_frequencies()).items())
    write(OUT / "foreign_words.tsv", [
        "# Everyday words of other Latin-alphabet languages that English lacks, from wordfreq",
        f"# {WORDFREQ_VERSION} (MIT code; its word lists are CC BY-SA 4.0). Made by",
        "# dictionaries/build_foreign_words.py: each language's most frequent words, kept when",
        f"# rare in English (Zipf < {MAX_ENGLISH_ZIPF}, {MIN_LEAD} below the language's).",
        "word\tlanguages",
    ], ((word, ",".join(languages)) for word, languages in rows))


if __name__ == "__main__":
    main()
