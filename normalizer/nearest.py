"""Nearest dictionary words: every word within a small edit distance of a token, fast.

The SymSpell method (symspellpy's, by Wolf Garbe): each dictionary word is indexed under
every string its first `PREFIX` characters become when up to `MAX_DISTANCE` of them are
deleted; a word within distance d of a token shares such a string with the token's own
prefix, so a query looks up the deletes of its prefix and checks the words it finds with the
exact distance (optimal string alignment: substitutions, insertions, deletions and adjacent
transpositions, by rapidfuzz). The answers are symspellpy's `lookup` answers.

The index is three flat arrays (the sorted CRC-32 hashes of the deletes, where each hash's
words begin, the word numbers): they pickle as raw bytes, so the lexicon cache loads them in
milliseconds, where symspellpy's dictionary of a million small lists took a fifth of a second
or more; and a prefix of 7 characters (symspellpy's default; the lexicon used 5 to load
faster) leaves a query a handful of words to check instead of hundreds. A hash shared by two
deletes only adds words the exact distance then rejects.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Mapping

from rapidfuzz.distance import OSA

MAX_DISTANCE = 2
PREFIX = 7


def deletes(word: str, distance: int) -> set[str]:
    """`word` and every string it becomes when up to `distance` characters are deleted."""
    found = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))} - found
        found |= frontier
    return found


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


class NearestWords:
    """The words of a frequency list, searchable by edit distance (immutable)."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        """Index every word of `counts` (word -> count; a few seconds for 100,000 words)."""
        self.counts = dict(counts)
        self._words = list(self.counts)
        postings: dict[int, list[int]] = {}
        for number, word in enumerate(self._words):
            for delete in deletes(word[:PREFIX], MAX_DISTANCE):
                postings.setdefault(_hash(delete), []).append(number)
        self._hashes = array("I", sorted(postings))
        self._starts = array("I", [0])
        self._numbers = array("I")
        for key in self._hashes:
            self._numbers.extend(postings[key])
            self._starts.append(len(self._numbers))

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def within(self, token: str, distance: int) -> list[tuple[str, int]]:
        """(word, distance) for every word within `distance` (at most `MAX_DISTANCE`) of
        `token`, the token itself included when it is a word; in no particular order."""
        if not 0 <= distance <= MAX_DISTANCE:
            raise ValueError(f"distance must be between 0 and {MAX_DISTANCE}, not {distance}")
        hashes, starts, numbers = self._hashes, self._starts, self._numbers
        seen: set[int] = set()
        for delete in deletes(token[:PREFIX], distance):
            key = _hash(delete)
            index = bisect_left(hashes, key)
            if index < len(hashes) and hashes[index] == key:
                seen.update(numbers[starts[index]:starts[index + 1]])
        size = len(token)
        found = []
        for number in seen:
            word = self._words[number]
            if abs(len(word) - size) <= distance:
                edits = OSA.distance(token, word, score_cutoff=distance)
                if edits <= distance:
                    found.append((word, edits))
        return found

    def closest(self, token: str, distance: int) -> list[str]:
        """The words nearest to `token` within `distance` edits, all those at the smallest
        distance found (the token alone when it is a word); symspellpy's `Verbosity.CLOSEST`."""
        if token in self.counts:
            return [token]
        found = self.within(token, distance)
        nearest = min((edits for _, edits in found), default=0)
        return [word for word, edits in found if edits == nearest]
