"""Common misspellings with their one correction ("teh" -> "the", "recieve" -> "receive").

dictionaries/built/misspellings.tsv (`misspelling<TAB>correction<TAB>zipf`), made by
dictionaries/build_misspellings.py from codespell's dictionary (see SOURCES.md): lowercase
ASCII slips, both those word-frequency lists have seen (a frequency check alone would let
them through) and unseen ones (whose correction must outrank closer neighbours); `zipf` is
how often the misspelling itself is written (0-8, 0 when never seen), for the engine to ask
more context of the frequent ones. A correction may be two words ("alot" -> "a lot").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .lexicon import dictionaries_dir
from .tsv import nonempty, read_table


@dataclass(frozen=True, slots=True)
class Misspelling:
    """`misspelling` is a slip for `correction`; `zipf`: how often the slip is written."""

    misspelling: str
    correction: str
    zipf: float


def read_misspellings(path: Path) -> MappingProxyType[str, Misspelling]:
    """The rows of a misspellings.tsv file, by misspelling (read-only)."""
    rows = read_table(path, ("misspelling", "correction", "zipf"), lambda r: Misspelling(
        nonempty(r["misspelling"]), nonempty(r["correction"]), float(r["zipf"])))
    return MappingProxyType({row.misspelling: row for row in rows})


@lru_cache(maxsize=1)
def load_misspellings() -> MappingProxyType[str, Misspelling]:
    """The process-wide table, from `dictionaries_dir()`, loaded once."""
    return read_misspellings(dictionaries_dir() / "built" / "misspellings.tsv")


def correction_of(word: str) -> str | None:
    """The correction of a known misspelling, matched case-insensitively; None otherwise."""
    found = load_misspellings().get(word.lower())
    return found.correction if found else None
