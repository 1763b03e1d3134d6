"""normalizer.patterns: compiled patterns that match like `regex` but keep the GIL."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import regex

from normalizer.patterns import compile_regex

SOURCE = r"(?<=\s|^)\p{Lu}\p{Ll}+"
TEXT = "Talks with Sergey Lavroy in Libva, said officials."


def test_each_method_answers_as_regex_does():
    ours, theirs = compile_regex(SOURCE), regex.compile(SOURCE)
    assert ours.pattern == SOURCE
    assert ours.search(TEXT, 5).span() == theirs.search(TEXT, 5).span()
    assert ours.match(TEXT).group() == theirs.match(TEXT).group() == "Talks"
    assert ours.fullmatch("Libva") and not ours.fullmatch("Libva,")
    assert ours.fullmatch(TEXT, 28, 33).group() == "Libva"
    assert [m.span() for m in ours.finditer(TEXT)] == [m.span() for m in theirs.finditer(TEXT)]
    assert ours.findall(TEXT) == theirs.findall(TEXT) == ["Talks", "Sergey", "Lavroy", "Libva"]
    assert ours.sub("X", TEXT, 2) == theirs.sub("X", TEXT, 2)
    assert ours.subn(lambda m: m.group().upper(), TEXT) == theirs.subn(
        lambda m: m.group().upper(), TEXT)
    assert compile_regex(r",\s*").split("a, b,c", 1) == ["a", "b,c"]


def longest_wait_of_a_sleeper(match: object, seconds: float = 1.0) -> float:
    """The longest a thread sleeping 2 ms at a time waits for the GIL while this thread runs
    Python with one token match per thousand loop steps (the engine's pattern)."""
    stop = threading.Event()
    waits: list[float] = []

    def sleeper() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            time.sleep(0.002)
            now = time.perf_counter()
            waits.append(now - last)
            last = now

    thread = threading.Thread(target=sleeper)
    thread.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        match("Iowa")  # type: ignore[operator]
        total = 0
        for step in range(1000):
            total += step
    stop.set()
    thread.join()
    return max(waits)


def test_a_waiting_thread_gets_the_gil_while_patterns_match():
    """`regex` releases the GIL for each match by default: every re-acquisition counts as a
    switch, so a waiting thread never asks for the lock and waits for seconds (0.8 s in this
    loop on the development machine). Our patterns keep the lock: the interpreter's 5 ms switch
    interval holds, give or take a busy machine's scheduling."""
    assert longest_wait_of_a_sleeper(compile_regex(r"I\p{Ll}+").fullmatch) < 0.2


def test_the_package_compiles_no_pattern_that_releases_the_gil():
    package = Path(__file__).resolve().parents[1] / "normalizer"
    offenders = [
        str(path.relative_to(package)) for path in package.rglob("*.py")
        if path.name not in ("patterns.py", "pattern_cache.py")  # the wrapper, its compiler
        and regex.search(r"\bregex\.(?:compile|search|match|fullmatch|findall|finditer|sub|subn"
                         r"|split)\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
