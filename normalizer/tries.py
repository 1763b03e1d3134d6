"""Read-only tables of the lexicon cache as marisa-tries: they load from a few blocks of bytes
instead of hundreds of thousands of Python strings, lists and numbers, which is most of the
engine's cold start.

- `DeleteIndex`: symspellpy's delete index (about a million delete strings at prefix length 7);
- `FrozenTable`: a string -> number table (wordfreq's Zipf frequencies, symspellpy's bigrams);
- `WordBeginnings`: "does any known word start with this?" (the channel model prunes with it).

Each pickles as its bytes (`__reduce__`), which is how the lexicon cache stores it.
"""

from __future__ import annotations

import io
from array import array
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import TypeVar

import marisa_trie

V = TypeVar("V", int, float)


class DeleteIndex:
    """symspellpy's delete index (delete string -> the words it comes from, in symspellpy's
    order), read-only: what `SymSpell.lookup` reads of `SymSpell._deletes` (membership and
    item access). The delete strings are a marisa-trie whose key ids index one block of the
    word lists, joined: it loads from three blocks of bytes without creating a million strings
    and lists, and `in` is a plain trie lookup (a lookup probes dozens of deletes)."""

    __slots__ = ("_ends", "_trie", "_words")

    SEPARATOR = "\x00"  # no word contains it

    def __init__(self, keys: bytes, words: str, ends: bytes) -> None:
        """`keys`: the trie's bytes; `words`: every key's word list joined with SEPARATOR, in
        key id order; `ends`: where each key's list ends in `words` (an `array` of "Q")."""
        self._trie = marisa_trie.Trie().frombytes(keys)
        self._words = words
        self._ends = array("Q")
        self._ends.frombytes(ends)

    @classmethod
    def of(cls, deletes: dict[str, list[str]]) -> DeleteIndex:
        """The index of symspellpy's `_deletes` dict, which it empties as it goes: each entry
        is freed once written, so building the index (once per install, for the lexicon
        cache) never holds the dict and the index whole at once."""
        trie = marisa_trie.Trie(deletes)
        words, ends, end = io.StringIO(), array("Q"), 0
        for index in range(len(trie)):
            end += words.write(cls.SEPARATOR.join(deletes.pop(trie.restore_key(index))))
            ends.append(end)
        return cls(trie.tobytes(), words.getvalue(), ends.tobytes())

    def __contains__(self, key: object) -> bool:
        return key in self._trie

    def __getitem__(self, key: str) -> list[str]:
        index = self._trie[key]
        start = self._ends[index - 1] if index else 0
        return self._words[start : self._ends[index]].split(self.SEPARATOR)

    def __len__(self) -> int:
        return len(self._trie)

    def __reduce__(self) -> tuple[type[DeleteIndex], tuple[bytes, str, bytes]]:
        return (DeleteIndex, (self._trie.tobytes(), self._words, self._ends.tobytes()))


_UNASKED = object()
"""What a memo holds for a key it was never asked (it holds None for a key the table lacks)."""


class FrozenTable(Mapping[str, V]):
    """A read-only table from strings to numbers (wordfreq's 311,000 Zipf frequencies,
    symspellpy's 242,000 bigram counts) as a marisa-trie of its keys and an array of its
    values: it loads from two blocks of bytes instead of hundreds of thousands of strings
    and numbers, and answers `in` and `get` almost as fast as a dict.

    `get` keeps what it found in a memo of up to `MEMO_SIZE` keys (emptied when full, so a
    long run keeps a flat memory profile): the engine asks the frequency of one word type
    many times over a document, and a trie walk through cold memory cost a first pass over
    the speed bench's clean corpus about 5% of its time."""

    __slots__ = ("_memo", "_trie", "_values")

    MEMO_SIZE = 65_536

    def __init__(self, keys: bytes, typecode: str, values: bytes) -> None:
        """`typecode`: the `array` type of the values ("q" integers, "d" floats)."""
        self._trie = marisa_trie.Trie().frombytes(keys)
        self._values = array(typecode)
        self._values.frombytes(values)
        self._memo: dict[str, V | None] = {}

    @classmethod
    def of(cls, table: Mapping[str, V], typecode: str) -> FrozenTable[V]:
        trie = marisa_trie.Trie(table)
        values = array(typecode, [0] * len(trie))
        for key, value in table.items():
            values[trie[key]] = value
        return cls(trie.tobytes(), typecode, values.tobytes())

    def __contains__(self, key: object) -> bool:
        return key in self._trie

    def get(self, key: str, default: V | None = None) -> V | None:  # type: ignore[override]
        memo = self._memo
        value = memo.get(key, _UNASKED)  # one step: another thread may empty the memo
        if value is _UNASKED:
            if len(memo) >= self.MEMO_SIZE:
                memo.clear()
            index = self._trie.get(key)
            value = memo[key] = None if index is None else self._values[index]
        return default if value is None else value

    def __getitem__(self, key: str) -> V:
        return self._values[self._trie[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie)

    def __len__(self) -> int:
        return len(self._trie)

    def keys_at_least(self, least: V) -> frozenset[str]:
        """The keys whose value is at least `least`, by one scan of the values and a trie
        step per key found: the few very frequent words of 311,000 in a hundredth of a
        second, where a `get` per word of a list took a tenth and filled the memo."""
        restore = self._trie.restore_key
        return frozenset(
            restore(index) for index, value in enumerate(self._values) if value >= least)

    def items(self) -> Iterator[tuple[str, V]]:  # type: ignore[override]
        """(key, value) pairs in the trie's order, one pass (no lookup per key)."""
        values = self._values
        return ((key, values[index]) for key, index in self._trie.iteritems())

    def __reduce__(self) -> tuple[type[FrozenTable[V]], tuple[bytes, str, bytes]]:
        return (FrozenTable, (self._trie.tobytes(), self._values.typecode,
                              self._values.tobytes()))


class WordBeginnings:
    """Every word and name the lexicon knows (lowercase), in a marisa-trie that answers
    "does any of them start with this?" (`ChannelModel.variants` prunes with it).

    Beginnings of up to `SHORT` characters, most of what the channel model asks (two thirds
    of its questions over the speed bench's clean corpus), are also kept as a frozenset of
    about 71,000 strings: a set probe answers them in a tenth of a trie walk."""

    __slots__ = ("_short", "_trie")

    SHORT = 4
    SEPARATOR = "\x00"  # no word contains it

    def __init__(self, data: bytes, short: str) -> None:
        """`data`: the trie's bytes; `short`: every beginning of up to `SHORT` characters
        (the empty one included when there is any word), joined with SEPARATOR."""
        self._trie = marisa_trie.Trie().frombytes(data)
        self._short = frozenset(short.split(self.SEPARATOR)) if short else frozenset()

    @classmethod
    def of(cls, words: Iterable[str]) -> WordBeginnings:
        words = list(words)
        short = {word[:size] for word in words for size in range(min(cls.SHORT, len(word)) + 1)}
        return cls(marisa_trie.Trie(words).tobytes(), cls.SEPARATOR.join(sorted(short)))

    def __contains__(self, word: object) -> bool:
        """Whether `word` is one of the words (a trie lookup)."""
        return word in self._trie

    def __call__(self, prefix: str) -> bool:
        """Whether some known word starts with `prefix` (or is it)."""
        if len(prefix) <= self.SHORT:
            return prefix in self._short
        return next(self._trie.iterkeys(prefix), None) is not None

    def extends(self, prefix: str) -> bool:
        """Whether some known word starts with `prefix` and is longer."""
        return any(word != prefix for word in islice(self._trie.iterkeys(prefix), 2))

    def __reduce__(self) -> tuple[type[WordBeginnings], tuple[bytes, str]]:
        return (WordBeginnings, (self._trie.tobytes(), self.SEPARATOR.join(sorted(self._short))))
