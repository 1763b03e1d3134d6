"""Checks of the data files a profile names, made when the profile is loaded.

A profile may name tables beside it (`gazetteer-files`, `confusions-file`, `context-counts`,
`corpus-corrections`; `normalizer learn` writes all four). Each is read here once, by the
reader the engine uses at first use, so that a malformed row (a lost tab, a word where a
number belongs, a cost that is no number) is a configuration error naming the file and line
when the profile loads, never an internal error in the middle of a run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def check_gazetteer(path: Path, types: tuple[str, ...]) -> None:
    """A gazetteer file (`name<TAB>type[<TAB>note]`, type optional): every row has a name,
    and a type among `types` when it has one."""
    from .lexicon import read_gazetteer_file  # the lexicon module is large; only when named

    read_gazetteer_file(path, types)


def check_confusions(path: Path) -> None:
    """A confusions table (channel.tsv format), as the channel model reads it."""
    from .channel_table import read_confusions  # imports the lexicon module; only when named

    read_confusions(path)


def check_counts(path: Path) -> None:
    """An n-gram counts table, as the collection model reads it."""
    from .collection_model import read_counts  # imports the language model; only when named

    read_counts(path)


def check_corrections(path: Path) -> None:
    """A corpus corrections table, as the spelling stage reads it."""
    from .corpus_corrections import read_corrections

    read_corrections(path)


CHECKS: dict[str, Callable[[Path], None]] = {
    "confusions-file": check_confusions,
    "context-counts": check_counts,
    "corpus-corrections": check_corrections,
}
"""The check of each profile key that names one table."""
