"""Compiled regular expressions kept between processes.

The engine's modules and its boilerplate packs define about 200 patterns, and `regex`
compiles each in Python (a parser, then a code generator): about 0.2 s in all, a fifth of a
cold start, paid again by every process. A compiled pattern pickles as its code (`regex`
registers `_regex.compile` with `copyreg`), which loads back about seventy times faster than
it compiles. So `compiled` looks each pattern up in a table read once from the cache folder
(`cache_files`: this user's own file, intact, building nothing but compiled patterns),
compiles only what the table lacks, and `save` writes the table back when it grew: the first
run after an install or an upgrade writes it, and every later one reads it. The file is named
by the version of `regex` and its compiled module, and by Python's.
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex
from regex import _regex

from . import cache_files

PATTERN_GLOBALS = frozenset({("regex._regex", "compile")})
"""The only global a pattern cache file may name: what rebuilds a compiled pattern."""
MAX_PATTERNS = 4096
"""The most patterns the table holds (user packs' included): later ones are compiled, not
kept."""

_table: dict[tuple[str, int], regex.Pattern[str]] | None = None
_grown = False


def cache_file() -> Path:
    """The pattern cache file of this `regex` and this Python."""
    key = cache_files.file_key(f"regex {regex.__version__} python {sys.version}",
                               [Path(_regex.__file__)])
    return cache_files.cache_dir() / f"patterns-{key}.pickle"


def _loaded_table() -> dict[tuple[str, int], regex.Pattern[str]]:
    """The table, read at the first call (empty when there is no usable file: nothing is
    created before `save`)."""
    global _table
    if _table is None:
        path = cache_file()
        found = None
        if path.is_file() and cache_files.usable_folder(path.parent):
            found = cache_files.load_cached(path, dict, PATTERN_GLOBALS)
        if found is not None and not all(
                isinstance(key, tuple) and isinstance(value, regex.Pattern)
                for key, value in found.items()):
            found = None
        _table = found or {}
    return _table


def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, from the table when it holds the pattern."""
    global _grown
    table = _loaded_table()
    key = (source, int(flags))
    pattern = table.get(key)
    if pattern is None:
        pattern = regex.compile(source, flags)
        if len(table) < MAX_PATTERNS:
            table[key] = pattern
            _grown = True
    return pattern


def save() -> None:
    """Write the table to the cache folder when this process compiled patterns it lacked
    (best effort, like the lexicon cache: a read-only folder only costs start-up time)."""
    global _grown
    if not _grown or _table is None:
        return
    _grown = False
    path = cache_file()
    if cache_files.usable_folder(path.parent):
        cache_files.save_cached(path, dict(_table))
