"""The gazetteer's names of three words or more, indexed for reading one broken word of a
name back from the others (`normalizer.correction.whole_names`).

Built with the lexicon cache and stored in it as marisa-tries (`tries`): building the index
from the names took 70 ms, most of a first pass over a short batch, and it loads from its
bytes in a millisecond.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import marisa_trie

from .patterns import compile_regex
from .tries import DeleteIndex

MIN_WORDS = 3
"""The fewest words of a long name: two words are the name pairs' to read
(`normalizer.correction.name_pairs`)."""
MIN_LENGTH = 2
"""The shortest word of a name that is looked up ('Lee'; a single letter is an initial)."""

WORD = compile_regex(r"[\p{L}\p{M}]+")
"""A word of a name, and of the text around a token: a run of letters."""

SEPARATOR = "\x02"  # in no name

Place = tuple[str, str, str]
"""A word of a long name with what stands before and after it in the name:
(prefix, word, suffix), 'Delta ' 'Air' ' Lines'."""


def place_key(kind: str, first: str, second: str) -> str:
    """Where a `Place` is filed: the words on either side of an inner word ('inner', 'Delta',
    'Lines'), the two after a first one ('first', 'Air', 'Lines'), the two before a last one
    ('last', 'Delta', 'Air'). Two words pick few names: one ('of', 'de') picks hundreds."""
    return f"{kind} {first} {second}"


class LongNames:
    """The long names' words as `Place`s by `place_key`, and the lowercase forms a token one
    slip from one of those words may take (`may_be_slip_of_a_word`)."""

    __slots__ = ("_lost_first", "_near", "_places")

    def __init__(self, places: DeleteIndex, near: bytes, lost_first: bytes) -> None:
        """`near`, `lost_first`: the bytes of marisa-tries of the words with a letter left
        out or not, and of the capitalized ones without their first letter (asked directly,
        in C: a check asks up to a dozen forms)."""
        self._places = places
        self._near = marisa_trie.Trie().frombytes(near)
        self._lost_first = marisa_trie.Trie().frombytes(lost_first)

    @classmethod
    def of(cls, names: Iterable[str]) -> LongNames:
        """The index of every name of `MIN_WORDS` words or more among `names`."""
        places: dict[str, list[str]] = defaultdict(list)
        near: set[str] = set()
        lost_first: set[str] = set()
        for name in names:
            words = list(WORD.finditer(name))
            if len(words) < MIN_WORDS:
                continue
            for i, word in enumerate(words):
                if len(word.group()) < MIN_LENGTH:
                    continue
                if i == 0:
                    key = place_key("first", words[1].group(), words[2].group())
                elif i == len(words) - 1:
                    key = place_key("last", words[i - 2].group(), words[i - 1].group())
                else:
                    key = place_key("inner", words[i - 1].group(), words[i + 1].group())
                places[key].append(SEPARATOR.join(
                    (name[:word.start()], word.group(), name[word.end():])))
                lower = word.group().lower()
                near.update((lower, *(lower[:j] + lower[j + 1:] for j in range(len(lower)))))
                if word.group()[0].isupper():
                    lost_first.add(lower[1:])
        return cls(DeleteIndex.of(dict(places)), marisa_trie.Trie(near).tobytes(),
                   marisa_trie.Trie(lost_first).tobytes())

    def places(self, key: str) -> list[Place]:
        """The `Place`s filed under `key` (`place_key`)."""
        if key not in self._places:
            return []
        return [tuple(place.split(SEPARATOR)) for place in self._places[key]]  # type: ignore[misc]

    def may_be_slip_of_a_word(self, surface: str) -> bool:
        """Whether a token (`surface`, no possessive) may be one slip from some name's word:
        in lowercase, a capitalized word that lost its first letter with its capital
        ('revention'); in any other case, it or it with a letter left out is one of the
        words or one with a letter left out (as symspellpy finds its candidates)."""
        if surface.islower():
            return surface in self._lost_first
        key, near = surface.lower(), self._near
        return key in near or any(key[:i] + key[i + 1:] in near for i in range(len(key)))

    def __reduce__(self) -> tuple[type[LongNames], tuple[DeleteIndex, bytes, bytes]]:
        return (LongNames, (self._places, self._near.tobytes(), self._lost_first.tobytes()))
