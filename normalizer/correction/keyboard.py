"""A typist's slips: the keyboard, and what each plain edit costs (-log10 probability).

The costs are the channel model's (`channel.ChannelModel.cost`) for any edit its table of OCR
confusions does not explain: a key beside the right one, two letters swapped, a letter
doubled or a double letter single, a vowel for a vowel or left out cost less than an
arbitrary typo (`TYPO_COST`). `cheap_slips` and `lost_letters` run them forwards: what a word
becomes when typed with one slip; `transposed` and `key_beside` tell two of them apart.
"""

from __future__ import annotations

from functools import lru_cache
from string import ascii_lowercase

TYPO_COST = 3.5
"""-log10 probability of one arbitrary insertion, deletion or substitution."""
TRANSPOSE_COST = 3.0
ADJACENT_KEY_COST = 3.0
DOUBLE_LETTER_COST = 3.0
VOWEL_COST = 3.0
"""One vowel for another ('seperate') is the commonest spelling slip of all; a vowel left out
('definitly', 'ws') costs the same (`missing_cost`): Norvig's list 80.4 -> 81.6% right at
the first candidate, Birkbeck 38.5 -> 38.8, Wikipedia's 86.1 -> 86.3, 6 more typos fixed on
the synthetic set; on OverProof dataset 2 one error unit and one false positive fewer."""
VOWELS = frozenset("aeiouy")

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _adjacent_keys() -> frozenset[tuple[str, str]]:
    pairs = set()
    for r, row in enumerate(_KEYBOARD_ROWS):
        for i, key in enumerate(row):
            neighbours = [row[i - 1] if i else "", row[i + 1] if i + 1 < len(row) else ""]
            for other_row in (r - 1, r + 1):
                if 0 <= other_row < len(_KEYBOARD_ROWS):
                    near = _KEYBOARD_ROWS[other_row]
                    neighbours += [near[j] for j in (i - 1, i, i + 1) if 0 <= j < len(near)]
            pairs.update((key, n) for n in neighbours if n)
    return frozenset(pairs)


ADJACENT_KEYS = _adjacent_keys()


PLAIN_EDIT_MIN_COST = min(TRANSPOSE_COST, ADJACENT_KEY_COST, DOUBLE_LETTER_COST, VOWEL_COST,
                          TYPO_COST)
"""The cheapest operation `channel.ChannelModel.cost` prices that is no confusion of its table
(a junk character added costs more: `channel.JUNK_COST`)."""


def substitution_cost(observed: str, intended: str) -> float:
    """The cost of printing `observed` for `intended` when no confusion explains it."""
    if (intended, observed) in ADJACENT_KEYS:
        return ADJACENT_KEY_COST
    if observed in VOWELS and intended in VOWELS:
        return VOWEL_COST
    return TYPO_COST


def added_cost(text: str, i: int) -> float:
    """The cost of `text[i]` added: beside the same letter (`DOUBLE_LETTER_COST`), or inside
    the word beside a letter whose key neighbours its own (`ADJACENT_KEY_COST`: the finger
    that struck the letter brushed the key next to it, 'pasges', 'cazmpuses'), or anywhere
    else. Not at either end: a letter after the last is as often a suffix ('lowercased',
    'e' then 'd', neighbouring keys) and one before the first a prefix ('xdist').
    Measured together with the common-word additions (`lexicon.common_additions_file`): the
    synthetic news set at corruption seeds 99, 7, 21, 42 and 13 gained 2, 2, 2, 3 and 2
    fixes, the synthetic set 10, and two clean words of its 19th-century twin changed
    ('tributers' -> tributes); OverProof dataset 2 (OCR, not typing) lost 11 error units of
    2,225 and one more clean word changed."""
    letter = text[i]
    if i and text[i - 1] == letter:
        return DOUBLE_LETTER_COST
    if 0 < i < len(text) - 1 and (
            (text[i - 1], letter) in ADJACENT_KEYS or (text[i + 1], letter) in ADJACENT_KEYS):
        return ADJACENT_KEY_COST
    return TYPO_COST


def missing_cost(text: str, i: int) -> float:
    """The cost of `text[i]` lost: one of a double letter, or a vowel, which goes missing as
    cheaply as it is mistyped."""
    if i and text[i] == text[i - 1]:
        return DOUBLE_LETTER_COST
    return VOWEL_COST if text[i] in VOWELS else TYPO_COST


@lru_cache(maxsize=16_384)
def missing_costs(text: str) -> tuple[float, ...]:
    """`missing_cost` of each character of `text`."""
    return tuple(missing_cost(text, i) for i in range(len(text)))


CHEAP_SLIP_COST = max(TRANSPOSE_COST, ADJACENT_KEY_COST, VOWEL_COST, DOUBLE_LETTER_COST)
"""The dearest of a typist's cheapest slips, all cheaper than an arbitrary typo."""


ALPHABET = "abcdefghijklmnopqrstuvwxyz"
CHEAP_SUBSTITUTES = {letter: "".join(other for other in ALPHABET if other != letter and
                                     substitution_cost(other, letter) <= CHEAP_SLIP_COST)
                     for letter in ALPHABET}
"""The letters typed for each letter by a cheap slip (`substitution_cost`), priced once: a
letter outside it ('é') has none."""
KEYS_BESIDE = {letter: "".join(other for other in ALPHABET if (letter, other) in ADJACENT_KEYS)
               for letter in ALPHABET}
"""The letters whose keys neighbour each letter's."""


def cheap_slips(word: str) -> set[str]:
    """What a typist's cheapest slips make of `word` (lowercase), priced as
    `channel.ChannelModel.cost` prices them: two neighbouring letters swapped, a key beside
    the right one, a vowel for a vowel (`substitution_cost`), a letter doubled or one whose
    key neighbours a letter beside it added (`added_cost`), a double letter single or a
    vowel left out (`missing_cost`)."""
    found = set()
    for i, letter in enumerate(word):
        if i + 1 < len(word) and letter != word[i + 1]:
            found.add(word[:i] + word[i + 1] + letter + word[i + 2 :])
        found.update(word[:i] + other + word[i + 1 :]
                     for other in CHEAP_SUBSTITUTES.get(letter, ""))
        found.add(word[: i + 1] + letter + word[i + 1 :])
        if missing_cost(word, i) <= CHEAP_SLIP_COST:
            found.add(word[:i] + word[i + 1 :])
    for gap in range(1, len(word)):  # a key struck with its neighbour inside (`added_cost`)
        beside = set(KEYS_BESIDE.get(word[gap - 1], "")) | set(KEYS_BESIDE.get(word[gap], ""))
        found.update(word[:gap] + other + word[gap:] for other in beside)
    found.discard(word)
    return found


def transposed(key: str, word: str) -> bool:
    """Whether `key` is `word` with two neighbouring letters swapped ('marhc', 'march')."""
    differ = [i for i, (a, b) in enumerate(zip(key, word, strict=False)) if a != b]
    return (len(key) == len(word) and len(differ) == 2 and differ[1] == differ[0] + 1
            and key[differ[0]] == word[differ[1]] and key[differ[1]] == word[differ[0]])


def key_beside(key: str, word: str) -> bool:
    """Whether `key` is `word` with one letter struck by a key beside it ('sundsy', 'sunday')."""
    differ = [(a, b) for a, b in zip(key, word, strict=False) if a != b]
    return len(key) == len(word) and len(differ) == 1 and differ[0] in ADJACENT_KEYS


SUFFIX_ENDS = frozenset({"ed", "er", "es", "en", "ly", "ry", "ty"})
"""Two last letters a suffix ends with: no key struck beside the last ('lowercased'). The
reading without such a key ('the cybersecurity firmk,', 'survived by a sonj,', 'paid the
bountiesd.') fixed 7 more typos over news seeds 3 to 23, 99 to 13 and 101 to 808 (2 fewer
read wrong, 2 more), 2 more on the synthetic set with one fewer read wrong; nothing else
changed there, on its twin or on OverProof dataset 2."""


def struck_at_end(key: str, reading: str) -> bool:
    """Whether `key` is `reading` with a key beside its last letter struck after it ('firmk',
    'sonj'), no suffix's end (`SUFFIX_ENDS`)."""
    return (len(key) > 3 and key[:-1] == reading and (key[-2], key[-1]) in ADJACENT_KEYS
            and key[-2:] not in SUFFIX_ENDS)


ONSET_SECOND_LETTERS = frozenset("rlh")
"""The second letters of most English two-consonant onsets ('tr', 'bl', 'ch')."""


def struck_beside(key: str, word: str) -> bool:
    """Whether `key` is `word` with one consonant added inside it whose key neighbours a
    letter beside it, not a letter doubled ('schifgf', 'schiff'; `added_cost`), nor an r, l
    or h that makes the first two letters an English onset: names differ so ('Trester',
    'Tester')."""
    if len(key) != len(word) + 1:
        return False
    i = next((i for i, (a, b) in enumerate(zip(key, word, strict=False)) if a != b), len(word))
    added = key[i]
    return (
        0 < i < len(word) and key[:i] + key[i + 1 :] == word and added not in VOWELS
        and added not in (key[i - 1], key[i + 1])  # a letter doubled costs the same
        and added_cost(key, i) == ADJACENT_KEY_COST
        and not (i == 1 and added in ONSET_SECOND_LETTERS)
    )


def added_letters(word: str) -> set[str]:
    """What `word` (lowercase) becomes with one letter of a to z typed in, anywhere: 'the' ->
    'thew', 'tghe', 'athe'."""
    return {word[:i] + letter + word[i:] for i in range(len(word) + 1)
            for letter in ascii_lowercase} - {word}


def lost_letters(word: str) -> set[str]:
    """What `word` (lowercase) becomes with one letter left out, whichever: 'week' -> 'eek',
    'down' -> 'don', 'then' -> 'hen'."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))} - {word}
