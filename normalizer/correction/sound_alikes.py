"""Words that sound like a misspelling: Aspell's "soundslike" idea, with Metaphone keys.

People misspell a word they cannot spell by writing what they hear ('accomadite',
'nessisary', 'imidatly'), often more than two edits from it, where the edit-distance lookup
finds nothing. Such a spelling keeps the word's sound: its Metaphone key (jellyfish's, with
repeated letters collapsed, since 'cc' and 'c' sound alike) is the word's, or one letter from
it. `sound_alikes` finds the common words whose key is within one edit of a token's (through
a symspell index over the keys), and says which share it exactly; the ranked suggestions of
`explain.candidates` offer them, and give the exact ones `SAME_SOUND_BONUS`.

Measured with `bench/quality.py` (accuracy@1 of the ranked candidates, default profile):
Norvig's list 81.6 -> 85.4%, the bonus chosen on it (1.0 to 2.0 all give 84.9-85.4%);
Birkbeck's sample 38.8 -> 44.9%; Wikipedia's common misspellings 86.3 -> 87.1%. The
correction decisions do not use them: a sound-alike is a suggestion, not evidence enough to
change a word.
"""

from __future__ import annotations

from functools import lru_cache

import jellyfish
from symspellpy import SymSpell, Verbosity

from ..lexicon import Lexicon
from ..patterns import compile_regex

MIN_ZIPF = 2.0
"""Only common words this frequent are indexed: rarer ones sound like too many misspellings."""
SAME_SOUND_BONUS = 1.5
"""log10 units a candidate gains, in the ranked suggestions, when it sounds exactly like the
misspelling ('juce' -> juice before june; 'centraly' -> centrally before central)."""
MAX_COST_PER_LETTER = 2.0
"""A sound-alike is offered only within this channel cost per letter of the misspelling:
'imidatly' -> immediately costs 12 for 8 letters, junk such as 'xqzt' -> cast 9 for 4 (no
accuracy on the three lists is lost to it)."""
KEY_DISTANCE = 1
"""How many letters a sound-alike's key may differ by ('acuplished', AKPLXT, and
'accomplished', AKMPLXT)."""

_REPEATS = compile_regex(r"(.)\1+")


def sound_key(word: str) -> str:
    """The Metaphone key of `word` (lowercase letters), repeated key letters collapsed."""
    return _REPEATS.sub(r"\1", jellyfish.metaphone(word))


class SoundIndex:
    """The indexed common words by sound key, and a symspell index over the keys."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._words: dict[str, list[str]] = {}
        frequent = lexicon.words_at_least(MIN_ZIPF)
        for word in lexicon.common:
            if word.isalpha() and word in frequent:
                self._words.setdefault(sound_key(word), []).append(word)
        self._keys = SymSpell(max_dictionary_edit_distance=KEY_DISTANCE, prefix_length=7)
        for key in self._words:
            self._keys.create_dictionary_entry(key, 1)

    def alikes(self, word: str) -> dict[str, bool]:
        """The indexed words whose key is within `KEY_DISTANCE` of `word`'s, each with
        whether the keys are the same."""
        key = sound_key(word)
        if not key:
            return {}
        found: dict[str, bool] = {}
        for item in self._keys.lookup(key, Verbosity.ALL, KEY_DISTANCE):
            for alike in self._words[item.term]:
                found[alike] = item.distance == 0
        return found


@lru_cache(maxsize=4)
def sound_index(lexicon: Lexicon) -> SoundIndex:
    """The lexicon's `SoundIndex`, built on first use (about 0.4 s: only ranked suggestions
    ask for it, never a correction run)."""
    return SoundIndex(lexicon)


def sound_alikes(lexicon: Lexicon, word: str) -> dict[str, bool]:
    """Common words that sound like `word` (a lowercase non-word), each with whether it
    sounds exactly alike; nothing for a word of other characters than letters."""
    if not word.isalpha():
        return {}
    return sound_index(lexicon).alikes(word)
