"""Common misspellings with their one correction ("teh" -> "the", "recieve" -> "receive").

dictionaries/built/misspellings.tsv (`misspelling<TAB>correction<TAB>zipf`), made by
dictionaries/build_misspellings.py from codespell's dictionary (see SOURCES.md): lowercase
ASCII slips, both those word-frequency lists have seen (a frequency check alone would let
them through) and unseen ones (whose correction must outrank closer neighbours); `zipf` is
how often the misspelling itself is written (0-8, 0 when never seen), for people auditing the
table. A correction may be two words ("alot" -> "a lot").
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from .tsv import read_rows

COLUMNS = ("misspelling", "correction", "zipf")


def read_misspellings(path: Path) -> MappingProxyType[str, str]:
    """misspelling -> correction of a misspellings.tsv file (read-only). The table has about
    51,000 rows: plain strings, no row objects (the zipf column is for people auditing the
    table; the engine does not read it). The engine reads it once, with the lexicon, and
    keeps it in the lexicon cache (`Lexicon.misspellings`)."""
    table = {values[0]: values[1] for values in read_rows(path, COLUMNS)}
    if "" in table or "" in table.values():
        raise ValueError(f"{path}: a row with an empty misspelling or correction")
    return MappingProxyType(table)
