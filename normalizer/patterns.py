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

A pattern is compiled at its first match, not where it is defined: of the 300-odd patterns
the modules and the boilerplate packs define, a first document uses a few dozen, and
compiling all of them took about 0.2 s of a one-second cold start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

_KEEP_LOCK = False


class Pattern:
    """A compiled pattern whose matching methods never release the GIL.

    The methods are those of `regex.Pattern` with the same positional parameters, less
    `concurrent` and the rarely needed ones after it.
    """

    __slots__ = ("compiled", "flags", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags
        self.compiled = regex.compile(source, flags)

    def compile(self) -> Pattern:
        """This pattern, compiled now if it was not yet (raises `regex.error` when invalid)."""
        return self

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


class _Deferred(Pattern):
    """A `Pattern` compiled at its first use: its class then becomes `Pattern` in place, so
    later matches cost what a compiled pattern's do."""

    __slots__ = ()

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags

    def compile(self) -> Pattern:
        self.compiled = regex.compile(self.pattern, self.flags)
        self.__class__ = Pattern  # type: ignore[assignment]
        return self


def _compiling_first(name: str) -> Callable[..., Any]:
    def first_call(self: _Deferred, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compile(), name)(*args, **kwargs)

    first_call.__name__ = name
    return first_call


for _method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
    setattr(_Deferred, _method, _compiling_first(_method))


def compile_regex(source: str, flags: int = 0) -> Pattern:
    """`regex.compile(source, flags)`, matching with the GIL held (see the module's docstring),
    compiled at its first use (`Pattern.compile` compiles it at once)."""
    return _Deferred(source, flags)
