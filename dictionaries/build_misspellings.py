"""Build built/misspellings.tsv (common misspellings with their one correction) and
built/ambiguous_misspellings.tsv (those with several).

    python dictionaries/build_misspellings.py

Source: codespell's main dictionary (`codespell_lib/data/dictionary.txt`, read from the
installed package; the version is pinned in pyproject.toml's `build` extra and checked here),
itself derived from English Wikipedia's lists of common misspellings (CC BY-SA 3.0; see
SOURCES.md). Its lines are `misspelling->correction[, correction...][, reason]`.

Kept: entries with exactly one correction (several mean the fix is ambiguous; a trailing
comma marks an entry codespell itself does not fix automatically), both sides ASCII lowercase
letters (the correction may be two words: "alot" -> "a lot"), every word of the correction
a word (Zipf >= KNOWN_ZIPF in built/wordfreq_en.tsv), and the misspelling not itself a common
word of the lexicon (symspellpy's 82,765-word list: "despatch", "connexion" are spellings,
not slips). Two kinds of slip are kept: those wordfreq has seen (Zipf > 0), which a
word-frequency check alone lets through ("teh" 3.04, "recieve" 2.75); and unseen ones
("achive", "acustom", "agred"), non-words the candidate search finds but may rank below a
closer or more frequent word ("active", "custom", "aged"): people make exactly these slips,
so the table's correction outranks the edit-distance neighbours. Each row gives the
misspelling's Zipf frequency, for people auditing the table (how common the slip is).

Entries whose one correction is a capitalized word (a name, or a word English always
capitalizes: "britian" -> Britain, "febuary" -> February, "Carribean" -> Caribbean) go to
name_misspellings.tsv, keyed by the misspelling lowercase, the correction in its case: the
misspelling ASCII letters, lowercase or in Title Case, no common word, seen far less often
than the correction (`NAME_SLIP_MAX_ZIPF_SHARE`: 'Cyprian' is a name of its own), at most
`NAME_SLIP_MAX_EDITS` edits from it (not "Mohammedan" -> Muslim, a word replaced), and not
the correction without its final s (a surname of its own: 'Jenkin', not Jenkins).

Entries with several corrections, each one known word ("realy" -> really, relay;
"preceeding" -> preceding, proceeding), go to ambiguous_misspellings.tsv in codespell's
order, the likeliest first. In running text they are no candidates: the frequency prior
loses the table's order ("ther" read as "the", not "their"). A word asked alone may be one
(`normalizer.correction.lone_word`).
"""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein

if __package__ in (None, ""):  # run as `python dictionaries/build_misspellings.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries.build_channel import (
    KNOWN_ZIPF,
    OUT,
    require_pinned,
    write,
    zipf_frequencies,
)

NAME_SLIP_MAX_EDITS = 2
"""The most edits (Damerau-Levenshtein) between a name's misspelling and its correction."""
NAME_SLIP_MAX_ZIPF_SHARE = 1.5
"""A name's misspelling is kept only when the correction is seen this many Zipf units more
often: a spelling seen nearly as often is a name of its own ('Malcom', 'Berkley', 'Monserrat',
'Cyprian'), while 'Ghandi' (2.29, Gandhi 3.83) and 'Carribean' (2.21 against 4.12) are slips."""

CODESPELL_VERSION = "2.4.3"
"""The version pinned in pyproject.toml's `build` extra."""


def codespell_entries() -> list[tuple[str, str]]:
    """(misspelling, corrections field) of codespell's main dictionary, in file order."""
    require_pinned("codespell", CODESPELL_VERSION)
    text = (importlib.resources.files("codespell_lib") / "data" / "dictionary.txt").read_text(
        encoding="utf-8")
    return [tuple(line.split("->", 1)) for line in text.splitlines() if "->" in line]


def lexicon_words() -> set[str]:
    """symspellpy's common English words: the engine's notion of a correct common word."""
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    return {line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line}


def select(entries: list[tuple[str, str]], zipf: dict[str, float], lexicon: set[str]
           ) -> list[tuple[str, str, str]]:
    """(misspelling, correction, misspelling's Zipf) of the entries kept (module docstring)."""
    rows = {}
    for misspelling, corrections in entries:
        if "," in corrections or misspelling in lexicon:
            continue
        correction = corrections.strip()
        words = correction.split(" ")
        if not (misspelling.isascii() and misspelling.isalpha() and misspelling.islower()):
            continue
        if not all(w.isascii() and w.isalpha() and w.islower() for w in words):
            continue
        seen = zipf.get(misspelling, 0.0)
        if all(zipf.get(w, 0.0) >= KNOWN_ZIPF for w in words):
            rows[misspelling] = (misspelling, correction, f"{seen:.2f}")
    return sorted(rows.values())


def select_names(entries: list[tuple[str, str]], zipf: dict[str, float], lexicon: set[str]
                 ) -> list[tuple[str, str, str]]:
    """(misspelling lowercase, capitalized correction, misspelling's Zipf) of the entries
    whose one correction is a capitalized word (module docstring)."""
    rows = {}
    for misspelling, corrections in entries:
        correction = corrections.strip()
        key = misspelling.lower()
        if "," in correction or key in lexicon or not (
                correction.isascii() and correction.isalpha() and correction.istitle()):
            continue
        if not (misspelling.isascii() and misspelling.isalpha()
                and (misspelling.islower() or misspelling.istitle())):
            continue
        seen, known = zipf.get(key, 0.0), zipf.get(correction.lower(), 0.0)
        edits = DamerauLevenshtein.distance(key, correction.lower())
        if (known >= KNOWN_ZIPF and known - seen >= NAME_SLIP_MAX_ZIPF_SHARE
                and 0 < edits <= NAME_SLIP_MAX_EDITS and correction.lower() != key + "s"):
            rows[key] = (key, correction, f"{seen:.2f}")
    return sorted(rows.values())


def select_ambiguous(entries: list[tuple[str, str]], zipf: dict[str, float], lexicon: set[str]
                     ) -> list[tuple[str, str, str]]:
    """(misspelling, its corrections joined by commas in codespell's order, misspelling's Zipf)
    of the entries with several corrections, keeping those that are known lowercase ASCII
    words ("fiel" -> feel, field, file; not "phial") when two or more remain."""
    rows = {}
    for misspelling, field in entries:
        if "," not in field.rstrip(", ") or misspelling in lexicon:
            continue
        if not (misspelling.isascii() and misspelling.isalpha() and misspelling.islower()):
            continue
        corrections = [c for c in (c.strip() for c in field.split(","))
                       if c.isascii() and c.isalpha() and c.islower()
                       and zipf.get(c, 0.0) >= KNOWN_ZIPF]
        if len(corrections) >= 2:
            seen = zipf.get(misspelling, 0.0)
            rows[misspelling] = (misspelling, ",".join(corrections), f"{seen:.2f}")
    return sorted(rows.values())


def main() -> None:
    entries, zipf, lexicon = codespell_entries(), zipf_frequencies(), lexicon_words()
    rows = select(entries, zipf, lexicon)
    write(OUT / "misspellings.tsv", [
        f"# Common misspellings with their one correction, from codespell {CODESPELL_VERSION}'s",
        "# dictionary.txt (derived from English Wikipedia's lists of common misspellings,",
        "# CC BY-SA 3.0; this file is a derived work under the same licence). Made by",
        "# dictionaries/build_misspellings.py. zipf: how often the misspelling itself is",
        "# written (wordfreq's Zipf scale, 0-8).",
        "misspelling\tcorrection\tzipf",
    ], rows)
    write(OUT / "name_misspellings.tsv", [
        "# Common misspellings of capitalized words with their correction, from codespell",
        f"# {CODESPELL_VERSION}'s dictionary.txt (derived from English Wikipedia's lists of",
        "# common misspellings, CC BY-SA 3.0; this file is a derived work under the same",
        "# licence). Made by dictionaries/build_misspellings.py. misspelling: lowercase;",
        "# correction: in its case.",
        "# zipf: how often the misspelling itself is written (wordfreq's Zipf scale, 0-8).",
        "misspelling\tcorrection\tzipf",
    ], select_names(entries, zipf, lexicon))
    write(OUT / "ambiguous_misspellings.tsv", [
        f"# Common misspellings with several corrections, from codespell {CODESPELL_VERSION}'s",
        "# dictionary.txt (derived from English Wikipedia's lists of common misspellings,",
        "# CC BY-SA 3.0; this file is a derived work under the same licence). Made by",
        "# dictionaries/build_misspellings.py. corrections: codespell's, in its order (the",
        "# likeliest first), separated by commas. zipf: how often the misspelling is written.",
        "misspelling\tcorrections\tzipf",
    ], select_ambiguous(entries, zipf, lexicon))


if __name__ == "__main__":
    main()
