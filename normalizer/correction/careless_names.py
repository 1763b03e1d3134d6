"""Name readings only a carelessly typed window earns.

A capitalized token no corpus has seen is far more often a rare name than a slip, so the
single-word decision reads it only as a gazetteer name or a very common word, and a short
one (under `words.MIN_TYPO_NAME_LENGTH` letters) as no typo at all. Where the writer slips
often (`typed_text.typed_carelessly`), the scored candidates (`candidates.scored_candidates`)
hold two readings more, each gated by the token's letter shape (`letter_shape`):

- a gazetteer name with one vowel left out, for a short token holding a letter trigram
  English seldom spells or a well-known place (`dropped_vowel_names`: 'Marina Slva' -> Silva,
  'John Krry' -> Kerry, 'Mscow' -> Moscow),
  or with two neighbouring letters swapped (`swapped_names`: 'Gaaz' -> Gaza);
- a name wordfreq has seen but the gazetteer lacks, one cheap OCR glyph confusion away, whose
  letter sequences English spells far more readily than the token's (`misread_names`:
  'Wanjiru Kamau-Otieuo' -> Otieno, 'Michael Bonrke' -> Bourke);
- a word English always capitalizes one slip away, for a long token
  (`capitalized_word_slips`: 'the first Indianm film' -> Indian, not the state).

Each is measured where it is defined. The token still has to win against its own reading as
a name (`decide.UNSEEN_NAME`, less `letter_shape.careless_shape_discount`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..lexicon import Entity, Lexicon
from .hypothesis import Candidate, name_for, offer
from .keyboard import TYPO_COST
from .letter_shape import has_rare_trigram, shape_gain
from .words import ALWAYS_CAPITALIZED_SOURCE, MIN_TYPO_NAME_LENGTH

if TYPE_CHECKING:
    from .speller import Speller

DROPPED_VOWEL_MIN_LENGTH = 4
"""The shortest token read as a gazetteer name less a vowel (`dropped_vowel_names`). A dropped
vowel is the slip a short name shows most, and it leaves a consonant run names seldom have.
On news seeds 3, 17, 55, 5, 11 and 23, 5 more typos fixed, 1 on the synthetic set, nothing
else changed on either or on OverProof dataset 2; of the 156 US census names of 4 or 5
letters wordfreq never saw that are a gazetteer name less a vowel, written beside a carelessly
typed sentence, one more changed ('Grham' -> Graham). Without the trigram test 10 more typos
were fixed ('Mscow', 'Pwell') but 10 more of those census names changed ('Wesly', 'Ramsy');
with any typo, not only a dropped vowel, 3 of 4,000 rare census names ('Lytch' -> Lynch)."""
DROPPED_VOWEL_PLACE_MIN_ZIPF = 4.0
"""A place of one word (`Lexicon.places`) this well known less a vowel is read so whatever
the token's letter shape ('in Mscow meeting Sergey Lavrov'): 2 more typos fixed at news seeds
3, 17, 55, 5, 11 and 23, nothing else changed there, on the synthetic set or among the census
names beside a carelessly typed sentence; from 3.5, 'Ramsy' -> Ramsey there too."""
VOWELS = "aeiou"

MISREAD_NAME_MAX_COST = 1.6
"""The dearest OCR glyph confusion a `misread_names` reading may take ('u' for 'n', 'c' for
'e', 'cl' for 'd')."""
MISREAD_NAME_MIN_ZIPF = 1.5
"""The rarest name wordfreq has seen that a `misread_names` reading may be."""
MISREAD_NAME_MIN_SHAPE_GAIN = 3.0
"""How much more readily English spells the reading's letter trigrams than the token's
(`letter_shape.shape_gain`, log10 units) for a `misread_names` reading: 'Otieuo' -> Otieno
gains 4.2, the census name 'Fiacco' -> Flacco less than 1. On news seeds 3, 17, 55, 5, 11 and
23, 3 more typos fixed, 13 on the synthetic set, 7 error units on OverProof dataset 2 (5 more
read wrong); no clean token of any set changed; of 670 US census names wordfreq never saw
that are one glyph confusion from a name it has seen, written beside a carelessly typed
sentence, one more changed ('Tumey' -> Turney). At 2.5, 5 of them ('Amott' -> Arnott); at
2.0, 13."""


def dropped_vowel_names(lexicon: Lexicon, base: str, extra_names: Mapping[str, Entity]
                        ) -> list[tuple[str, Entity]]:
    """The gazetteer names a short unseen name-shaped `base` (`DROPPED_VOWEL_MIN_LENGTH` to
    `MIN_TYPO_NAME_LENGTH` letters) is with one vowel after its first letter left out."""
    key = base.lower()
    if not (DROPPED_VOWEL_MIN_LENGTH <= len(key) < MIN_TYPO_NAME_LENGTH and key.isalpha()
            and lexicon.frequency(key) == 0):
        return []
    found = []
    for i in range(1, len(key) + 1):
        for vowel in VOWELS:
            term = key[:i] + vowel + key[i:]
            entity = name_for(base, extra_names.get(term) or lexicon.names.get(term))
            if entity is not None and entity.type != "other":
                found.append((term, entity))
    return found


def swapped_names(lexicon: Lexicon, base: str, extra_names: Mapping[str, Entity]
                  ) -> list[tuple[str, Entity]]:
    """The gazetteer names a short unseen name-shaped `base` (`DROPPED_VOWEL_MIN_LENGTH` to
    `MIN_TYPO_NAME_LENGTH` letters) is with two neighbouring letters after its first swapped
    ('Gaaz' -> Gaza, 'Asasd' -> Assad). A typist swaps letters often, and a name seldom
    differs from another so, so no letter shape is asked: on news seeds 3, 17, 55, 5, 11 and
    23, 2 more typos fixed, nothing else changed; of 44,994 US census names wordfreq never
    saw, written beside a carelessly typed sentence, 18 more changed, most of them the
    census list's own slips ('Calrk', 'Daivs', 'Joens', 'Lopze'), a few names of their own
    ('Stoen', 'Hayse')."""
    key = base.lower()
    if not (DROPPED_VOWEL_MIN_LENGTH <= len(key) < MIN_TYPO_NAME_LENGTH and key.isalpha()
            and lexicon.frequency(key) == 0):
        return []
    found = []
    for i in range(1, len(key) - 1):
        if key[i] == key[i + 1]:
            continue
        term = key[:i] + key[i + 1] + key[i] + key[i + 2:]
        entity = name_for(base, extra_names.get(term) or lexicon.names.get(term))
        if entity is not None and entity.type != "other":
            found.append((term, entity))
    return found


def misread_name_variants(speller: Speller, key: str) -> list[tuple[str, float]]:
    """The names wordfreq has seen (Zipf `MISREAD_NAME_MIN_ZIPF` or more) but neither the
    gazetteer nor the common words hold, one glyph confusion (`MISREAD_NAME_MAX_COST`) from
    the unseen `key`, with their costs; `misread_names` keeps those its shape favours."""
    lexicon = speller.lexicon
    if lexicon.frequency(key) or not key.isalpha():
        return []
    return [(variant, cost) for variant, cost in speller.variants(key)
            if cost <= MISREAD_NAME_MAX_COST and variant not in lexicon.common
            and variant not in lexicon.names
            and lexicon.frequency(variant) >= MISREAD_NAME_MIN_ZIPF]


def misread_names(speller: Speller, key: str) -> list[tuple[str, float]]:
    """`misread_name_variants` whose letter trigrams English spells far more readily than
    the token's (`MISREAD_NAME_MIN_SHAPE_GAIN`)."""
    return [(variant, cost) for variant, cost in misread_name_variants(speller, key)
            if shape_gain(key, variant) >= MISREAD_NAME_MIN_SHAPE_GAIN]


def may_have_readings(speller: Speller, base: str, extra_names: Mapping[str, Entity]) -> bool:
    """Whether a name-shaped `base` may earn a reading here in a carelessly typed window (a
    superset: the letter-shape tests wait for the window)."""
    return bool(dropped_vowel_names(speller.lexicon, base, extra_names)
                or swapped_names(speller.lexicon, base, extra_names)
                or misread_name_variants(speller, base.lower()))


def offer_readings(speller: Speller, found: dict[str, Candidate], base: str,
                   extra_names: Mapping[str, Entity]) -> None:
    """Offer a name-shaped `base` in a carelessly typed window its readings here."""
    key = base.lower()
    slipped = swapped_names(speller.lexicon, base, extra_names)
    rare_shape = has_rare_trigram(key)
    slipped += [(term, entity)
                for term, entity in dropped_vowel_names(speller.lexicon, base, extra_names)
                if rare_shape or (term in speller.lexicon.places and speller.lexicon.frequency(
                    term) >= DROPPED_VOWEL_PLACE_MIN_ZIPF)]
    for term, entity in slipped:
        cost = speller.cost(key, term, TYPO_COST)
        if term not in found and cost <= TYPO_COST:
            offer(found, base, term, cost, speller.name_prior(term, entity), "gazetteer",
                  entity)
    for term, cost in misread_names(speller, key):
        if term not in found:
            offer(found, base, term, cost, speller.lexicon.frequency(term), "wordfreq")
    for term, entity in capitalized_word_slips(speller, base):
        cost = speller.cost(key, term, TYPO_COST)
        if term not in found and cost <= TYPO_COST:
            offer(found, base, term, cost, speller.name_prior(term, entity), "gazetteer",
                  entity)


def capitalized_word_slips(speller: Speller, base: str) -> list[tuple[str, Entity]]:
    """The words English always capitalizes (demonyms, languages, days, months: the
    gazetteer's `words.ALWAYS_CAPITALIZED_SOURCE`) one edit from an unseen name-shaped `base`
    of `MIN_TYPO_NAME_LENGTH` letters or more ('Indianm' -> Indian, 'Dutcxh' -> Dutch). The
    single-word decision offers such a token only gazetteer names and very common words, so
    'Indianm' read as the state. On news seeds 3, 17, 55, 5, 11 and 23 one wrong fix made
    right, 2 more typos fixed on the synthetic set, nothing else changed there or on
    OverProof dataset 2; of 44,994 US census names wordfreq never saw, beside a carelessly
    typed sentence, one more changed ('Slatin' -> Latin). Outside such windows it fixed one
    typo more at those seeds, but changed 9 more of those names in a plain sentence
    ('Golish' -> Polish, 'Mondry' -> Monday)."""
    key = base.lower()
    lexicon = speller.lexicon
    if len(key) < MIN_TYPO_NAME_LENGTH or not key.isalpha() or lexicon.frequency(key):
        return []
    found = []
    for term, _zipf in speller.nearest_words_within_one(key):
        entity = lexicon.names.get(term)
        if entity is not None and entity.source == ALWAYS_CAPITALIZED_SOURCE:
            found.append((term, entity))
    return found
