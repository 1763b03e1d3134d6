"""A broken word of a long gazetteer name, read back from the rest of the name.

Where every other word of a gazetteer name of three words or more stands intact around a
token ('Delta Sir Lines', 'Bashar al-ssad', 'the Centers for Disease Control and
revention', 'Huis ten Boschb'), the name says what the token is far better than the token's
frequency or its sentence: the token is read as the name's word when it is one slip from it
(`keyboard.TYPO_COST`: 'ssad' lost its first letter, 'Boschb' took a key beside its last)
and when it may be a slip rather than the same name spelt another way (`_may_read`). Two
words are `name_pairs`' to read: a pair of words says less, and 'Jon Lee' is a name too.

The rest of the name must stand exactly as the gazetteer writes it: the same words, capitals
and separators, and no letter or digit right outside it. Only the tokens some pass looks at
are asked (the window's live types): a common word as written ('Sir') is read only where the
trigram model finds the name far likelier than the words as written
(`name_pairs.WORD_PAIR_MIN_LIFT`), and never a person's name of the gazetteer ('Sergei V.
Lavrov' is no slip of 'Sergey'). A lowercase token is read only as a capitalized word that
lost its capital with its first letter ('os Angeles Times', 'ee Jae-myung'), however often
wordfreq saw it: no name is spelt so.

Measured on the synthetic news set (default profile): at seeds 99, 7, 21, 42, 13 and 101 to
808, 17 more typos fixed and 2 wrong fixes fewer ('revention' was read 'prevention' in the
Centers' name, 'ssad' 'sad'); every seed now at F1 0.930 or more. No clean token changed
there or on the clean twins, the synthetic set gained one fix (archive two), OverProof
dataset 2 is unchanged. Of the gazetteer's own long names, no word of one is read as
another's (a token that is the word of some long name in its place reads as two words).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..lexicon import Lexicon
from ..long_names import WORD, LongNames, Place, place_key
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import Token, strip_possessive, tokenize
from .keyboard import TYPO_COST
from .name_pairs import NAME_PAIR_CONFIDENCE, WORD_PAIR_MIN_LIFT, may_be_slip, written_word
from .speller import Speller
from .words import lookup_key

WORDS_BEFORE = compile_regex(r"(?r)(?:([\p{L}\p{M}]+)\.?[ -])?([\p{L}\p{M}]+)\.?[ -]\Z")
WORDS_AFTER = compile_regex(r"\.?[ -]([\p{L}\p{M}]+)(?:\.?[ -]([\p{L}\p{M}]+))?")
"""The two words right before or after a token (or the one there is), as a name separates
its words: a space, a hyphen, or an initial's full stop and a space."""


def readings(text: str, token: Token, names: LongNames) -> dict[str, Place]:
    """The words the long names whose other words stand intact around `token` in `text`
    have in its place, each with one such place."""
    found: dict[str, Place] = {}
    before = WORDS_BEFORE.search(text, max(0, token.start - 60), token.start)
    after = WORDS_AFTER.match(text, token.end)
    keys = []
    if before is not None and after is not None:
        keys.append(place_key("inner", before.group(2), after.group(1)))
    if after is not None and after.group(2):
        keys.append(place_key("first", after.group(1), after.group(2)))
    if before is not None and before.group(1):
        keys.append(place_key("last", before.group(1), before.group(2)))
    for key in keys:
        for prefix, word, suffix in names.places(key):
            start, end = token.start - len(prefix), token.end + len(suffix)
            if (start >= 0 and text.startswith(prefix, start)
                    and text.startswith(suffix, token.end)
                    and not _letter_at(text, start - 1) and not _letter_at(text, end)):
                found.setdefault(word, (prefix, word, suffix))
    return found


@lru_cache(maxsize=65_536)
def _asked(lexicon: Lexicon, surface: str) -> bool:
    """Whether a token of this surface may be a long name's broken word: no gazetteer name
    itself, and one slip from a name's word (`LongNames.may_be_slip_of_a_word`). Memoized:
    the test costs a few microseconds, and most names recur."""
    base = strip_possessive(surface)
    return (lookup_key(base) not in lexicon.names and lexicon.long_names is not None
            and lexicon.long_names.may_be_slip_of_a_word(base))


def _letter_at(text: str, index: int) -> bool:
    """Whether a letter or digit stands at `index` of `text` (none outside it)."""
    return 0 <= index < len(text) and text[index].isalnum()


def _may_read(speller: Speller, token: str, place: Place) -> bool:
    """Whether `token` may be read as the name's `word`: one slip from it, no gazetteer
    name itself; a common word as written only where the model expects the name
    (`WORD_PAIR_MIN_LIFT`), another token where it may be a slip (`may_be_slip`). A lowercase
    token is read only as a capitalized word without its first letter."""
    lexicon = speller.lexicon
    word = place[1]
    key, intended = lookup_key(token), lookup_key(word)
    if key == intended or key in lexicon.names or not key.isalpha():
        return False
    if speller.cost(key, intended, TYPO_COST) > TYPO_COST:
        return False
    if token.islower():  # the capital went with the first letter: no name's own spelling
        return word[:1].isupper() and key == intended[1:]
    if written_word(lexicon, key):
        return _name_lift(speller, place, key) >= WORD_PAIR_MIN_LIFT
    return may_be_slip(lexicon, key, intended, lexicon.frequency(key) > 0)


def _name_lift(speller: Speller, place: Place, key: str) -> float:
    """How much likelier (log10) the trigram model finds the name's word than the token
    `key` between the name's two words on either side of it."""
    prefix, word, suffix = place
    before = [w.lower() for w in WORD.findall(prefix)[-2:]]
    after = [w.lower() for w in WORD.findall(suffix)[:2]]
    model = speller.language_model
    return (model.score([*before, lookup_key(word), *after])
            - model.score([*before, key, *after]))


def propose(text: str, wanted: Mapping[str, int], speller: Speller,
            decided: Mapping[int, Edit], threshold: float) -> list[Edit]:
    """Edits for the tokens of `text` with these surfaces (with their counts in `text`)
    that one long name reads as its word (see the module docstring), replacing an earlier
    reading of the same span."""
    edits: list[Edit] = []
    if threshold > NAME_PAIR_CONFIDENCE:
        return edits  # a name adds fixes, not suggestions
    names = speller.lexicon.long_names
    if names is None:
        return edits
    asked = {surface for surface in wanted if _asked(speller.lexicon, surface)}
    for written in tokenize(text, only=asked, counts=wanted):
        token = Token(written.start, written.start + len(written.base), written.base,
                      written.base)
        found = readings(text, token, names)
        if len(found) != 1:
            continue
        word, place = next(iter(found.items()))
        earlier = decided.get(token.start)
        if earlier is not None and (earlier.end != token.end or earlier.replacement == word):
            continue  # a split or a merge, or this very reading
        if not _may_read(speller, token.surface, place):
            continue
        edits.append(Edit(
            start=token.start, end=token.end, original=token.surface, replacement=word,
            kind="spelling", rule="spelling.whole-name", confidence=NAME_PAIR_CONFIDENCE,
            reason=(f"{speller.channel.explain(lookup_key(token.surface), lookup_key(word))}; "
                    f"the other words of a gazetteer name stand around '{token.surface}', "
                    f"which has '{word}' in its place")))
    return edits

