"""Common misspellings with their one correction ("teh" -> "the", "recieve" -> "receive").

dictionaries/built/misspellings.tsv (`misspelling<TAB>correction<TAB>zipf`), made by
dictionaries/build_misspellings.py from codespell's dictionary (see SOURCES.md): lowercase
ASCII slips, both those word-frequency lists have seen (a frequency check alone would let
them through) and unseen ones (whose correction must outrank closer neighbours); `zipf` is
how often the misspelling itself is written (0-8, 0 when never seen), for people auditing the
table. A correction may be two words ("alot" -> "a lot").

dictionaries/built/ambiguous_misspellings.tsv (`misspelling<TAB>corrections<TAB>zipf`): the
slips codespell gives several corrections, in its order, the likeliest first ("realy" ->
really, relay). Only a word asked alone reads it (`normalizer.correction.lone_word`).
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from .tsv import read_rows

COLUMNS = ("misspelling", "correction", "zipf")
AMBIGUOUS_COLUMNS = ("misspelling", "corrections", "zipf")


def read_misspellings(path: Path) -> MappingProxyType[str, str]:
    """misspelling -> correction of a misspellings.tsv file (read-only). The table has about
    51,000 rows: plain strings, no row objects (the zipf column is for people auditing the
    table; the engine does not read it). The engine reads it once, with the lexicon, and
    keeps it in the lexicon cache (`Lexicon.misspellings`)."""
    table = {values[0]: values[1] for values in read_rows(path, COLUMNS)}
    if "" in table or "" in table.values():
        raise ValueError(f"{path}: a row with an empty misspelling or correction")
    return MappingProxyType(table)


def read_ambiguous_misspellings(path: Path) -> MappingProxyType[str, tuple[str, ...]]:
    """misspelling -> its corrections, likeliest first, of an ambiguous_misspellings.tsv file
    (read-only; about 4,400 rows)."""
    table = {values[0]: tuple(values[1].split(",")) for values in read_rows(path,
                                                                            AMBIGUOUS_COLUMNS)}
    if any(len(corrections) < 2 or "" in corrections for corrections in table.values()):
        raise ValueError(f"{path}: a row with fewer than two corrections, or an empty one")
    return MappingProxyType(table)
