"""The words a deep candidate search may end on, with prefix queries to prune it.

A `Vocabulary` is a sorted tuple of lowercase words: membership is a set lookup, and "does
any word start with this prefix?" and "which letters may follow this prefix?" are binary
searches. The channel's search (`ChannelModel.search`) rewrites a token left to right and
drops a path as soon as the part it has fixed is no word's beginning, which keeps a search of
several operations to a few hundred states.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache

_AFTER_EVERY_CHARACTER = "\U0010ffff"


class Vocabulary:
    """An immutable set of lowercase words answering prefix queries in O(log n)."""

    __slots__ = ("_sorted", "_words", "has_prefix", "next_characters")

    def __init__(self, words: Iterable[str], *, in_order: bool = False) -> None:
        """`words`, in any order and repeated or not; or, `in_order`, sorted without a repeat
        (`Lexicon.deep_search_words`), which skips the sort."""
        self._sorted = tuple(words) if in_order else tuple(sorted(set(words)))
        self._words = frozenset(self._sorted)
        # Searches ask about the same short beginnings over and over: bounded memos.
        self.has_prefix: Callable[[str], bool] = lru_cache(maxsize=65_536)(self._has_prefix)
        self.next_characters: Callable[[str], tuple[str, ...]] = lru_cache(maxsize=16_384)(
            self._next_characters
        )

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    def _has_prefix(self, prefix: str) -> bool:
        """Whether some word starts with `prefix` (or is `prefix`); see `has_prefix`."""
        i = bisect_left(self._sorted, prefix)
        return i < len(self._sorted) and self._sorted[i].startswith(prefix)

    def _next_characters(self, prefix: str) -> tuple[str, ...]:
        """The characters that follow `prefix` in some word, in order (see
        `next_characters`): one binary search per character found, so a long prefix (few
        continuations) costs little."""
        found = []
        words, size = self._sorted, len(prefix)
        i = bisect_left(words, prefix)
        while i < len(words) and words[i].startswith(prefix):
            if len(words[i]) == size:  # the prefix itself is a word
                i += 1
                continue
            character = words[i][size]
            found.append(character)
            # Skip every word that continues with `character`.
            i = bisect_left(words, prefix + character + _AFTER_EVERY_CHARACTER, i)
        return tuple(found)
