"""Compiled `regex` patterns that keep the interpreter lock while they match.

The `regex` module releases the GIL around every match on a `str` unless it is told not to
(`concurrent=False`). The engine runs short matches on single tokens thousands of times a
second between stretches of Python code, and each release and re-acquisition counts as a
switch of the lock: a thread waiting for it (the service's `/healthz`, the watchdog that
enforces a request's time limit) sees switches happening, never asks the busy thread to drop
the lock, and so almost never gets it. Measured: one thread doing a million-step loop with one
token match per thousand steps kept a 2 ms sleeper waiting 0.8 s; with `concurrent=False`,
11 ms at most, the interpreter's usual switch interval. The patterns here pass it on every call.

It is passed by position: by keyword, `regex` parses it on each call and a match costs twice as
much (0.48 against 0.19 µs for a four-letter token).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

from . import pattern_cache

_KEEP_LOCK = False


class Pattern:
    """A compiled pattern whose matching methods never release the GIL.

    The methods are those of `regex.Pattern` with the same positional parameters, less
    `concurrent` and the rarely needed ones after it.
    """

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def search(self, string: str, pos: int | None = None,
               endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.search(string, pos, endpos, _KEEP_LOCK)

    def match(self, string: str, pos: int | None = None,
              endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.match(string, pos, endpos, _KEEP_LOCK)

    def fullmatch(self, string: str, pos: int | None = None,
                  endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos, _KEEP_LOCK)

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None,
                 overlapped: bool = False) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(string, pos, endpos, overlapped, _KEEP_LOCK)

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None,
                overlapped: bool = False) -> list[Any]:
        return self.compiled.findall(string, pos, endpos, overlapped, _KEEP_LOCK)

    def sub(self, repl: str | Callable[[regex.Match[str]], str], string: str,
            count: int = 0) -> str:
        return self.compiled.sub(repl, string, count, None, None, _KEEP_LOCK)

    def subn(self, repl: str | Callable[[regex.Match[str]], str], string: str,
             count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count, None, None, _KEEP_LOCK)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(string, maxsplit, _KEEP_LOCK)


def compile_regex(source: str, flags: int = 0) -> Pattern:
    """`regex.compile(source, flags)`, matching with the GIL held (see the module's docstring);
    loaded compiled from the pattern cache when it holds it (`pattern_cache`)."""
    return Pattern(pattern_cache.compiled(source, flags))
