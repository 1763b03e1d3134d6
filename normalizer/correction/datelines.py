"""A news dateline's place, read back: 'EW YORK —' is NEW YORK, 'PERRY, Flq. —' is Fla.

A dateline opens a line with the place in capitals, then maybe a comma and its state or
country, then a dash (`DATELINE`). Its capitals say nothing about the words (they are no
acronyms), and its place is a gazetteer name far more often than anywhere else in the text,
so it is read as one:
- a word of a place of two words or more that pairs with neither neighbour in any gazetteer
  name is read as the one word its neighbour does pair with one slip away ('EW YORK' ->
  NEW, 'TE HAGUE' -> THE, 'B0CA CHICA' -> BOCA; see `name_pairs` for body text, where a
  capitalized common word stays);
- an abbreviated region that is no AP state abbreviation is read as the one that is one slip
  away ('Flq.' -> Fla.);
- a place of one word that wordfreq never saw, or a region written out that no gazetteer
  holds, is read as the only gazetteer place one slip from it ('BEIJNG' -> BEIJING,
  'MEKELLE, Ethopia' -> Ethiopia).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

import regex

from ..lexicon import Lexicon
from ..model import Edit
from ..patterns import compile_regex
from .keyboard import TYPO_COST, lost_letters
from .name_pairs import NAME_PAIR_CONFIDENCE, may_be_slip
from .speller import Speller

DATELINE = compile_regex(
    r"(?m)^[ \t]*(?P<place>[\p{Lu}\p{N}][\p{Lu}\p{N}'’.-]*(?:[ ][\p{Lu}\p{N}'’.-]+){0,3})"
    r"(?:,[ \t]+(?P<region>\p{Lu}[\p{L}.]*(?:[ ][\p{Lu}][\p{L}.]*)?))?[ \t]+[—–]")
"""A line that opens with a place in capitals, maybe a comma and its region, then a dash."""


def datelines(text: str) -> Iterator[regex.Match[str]]:
    """`DATELINE.finditer(text)`: a dateline lies within one line and opens it, and its line
    holds a dash, which a substring test finds; the pattern is tried at those lines' starts
    only, not at every place of the text (that scan was 2.3% of the instructions of a first
    pass over news)."""
    start = 0
    for line in text.split("\n"):
        if ("—" in line or "–" in line) and (found := DATELINE.match(text, start)):
            yield found
        start += len(line) + 1


PLACE_WORD = compile_regex(r"[^ ]+")
"""The words of a dateline's place, as the gazetteer's name pairs split names: at spaces
('DEIR AL-BALAH' is 'deir' and 'al-balah')."""

PLACE_MIN_LENGTH = 4
PLACE_MIN_ZIPF = 2.5
REGION_MAX_ZIPF = 2.0
"""A place of one word has no neighbour to read it from: one wordfreq never saw, of
`PLACE_MIN_LENGTH` letters or more, is read as the only place of this Zipf or more one slip
from it (a rarer place is as often a town of the same name spelt its own way). A region
written out after the comma is a state or a country, which the gazetteer holds: one it does
not is a slip even where the web writes it now and then ('Ethopia', Zipf 1.1), up to
`REGION_MAX_ZIPF`."""

STATE_ABBREVIATIONS = frozenset({
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo",
})
"""The AP's abbreviations of American states of more than one letter before the period
(N.Y., N.C. and the like are left as they are)."""


CURATED_PLACES = "curated:places.tsv"
"""The gazetteer's list of the places in the news (`Entity.source`)."""


def propose(text: str, speller: Speller, decided: Mapping[int, Edit], threshold: float
            ) -> list[Edit]:
    """Edits for the datelines of `text` (`DATELINE`): a place's word its neighbour's
    gazetteer names read (`place_readings`), an abbreviated region one slip from exactly
    one AP abbreviation (`region_reading`), where no earlier fix is confident; a place of
    one word that one place is one slip from (`lone_place_reading`), where no earlier fix
    reads it as a place."""
    if threshold > NAME_PAIR_CONFIDENCE:
        return []  # a dateline adds fixes, not suggestions
    edits = []
    for match in datelines(text):
        place, start = match.group("place"), match.start("place")
        found = list(place_readings(speller, place, start))
        region = match.group("region")
        if region is not None and (reading := region_reading(speller, region)) is not None:
            found.append((match.start("region"), region.removesuffix("."), reading))
        edits += [_edit(at, original, replacement) for at, original, replacement in found
                  if not (at in decided and decided[at].confidence >= threshold)]
        # A place of one word is read as a place over any earlier reading as a word
        # ('BEIJNG' is no 'being').
        earlier = decided.get(start)
        lone = lone_place_reading(speller, place)
        if lone is not None and (
                earlier is None or not _is_place(speller.lexicon, earlier.replacement)):
            edits.append(_edit(start, place, lone.upper()))
    return edits


def lone_place_reading(speller: Speller, place: str, max_zipf: float = 0.0) -> str | None:
    """The one gazetteer place of Zipf `PLACE_MIN_ZIPF` or more one slip from a place of one
    word, of `PLACE_MIN_LENGTH` letters or more, that no gazetteer holds and wordfreq has
    seen no more than `max_zipf` (never, by default), with its first letter ('BEIJNG' ->
    BEIJING, where the word 'being' is one slip away too), or None. Of several, the one
    place the curated list holds ('KYLV' is Kyiv, not the Texas town Kyle)."""
    key = place.lower()
    lexicon = speller.lexicon
    if (len(key) < PLACE_MIN_LENGTH or not key.isalpha() or key in lexicon.names
            or lexicon.frequency(key) > max_zipf):
        return None
    found = [term for term, zipf in speller.nearest_words_within_slip(key)
             if zipf >= PLACE_MIN_ZIPF and term[0] == key[0]
             and _is_place(lexicon, term) and _one_slip(speller, key, term)]
    if len(found) > 1:
        found = [term for term in found if lexicon.names[term].source == CURATED_PLACES]
    return found[0] if len(found) == 1 else None


def _is_place(lexicon: Lexicon, word: str) -> bool:
    return word.lower() in lexicon.places


def place_readings(speller: Speller, place: str, offset: int
                   ) -> Iterator[tuple[int, str, str]]:
    """(start, word, reading) for each word of a place that pairs with neither neighbour in
    a gazetteer name, where a neighbour pairs with exactly one word one slip from it, which
    is no name as written itself nor may be the same name spelt another way
    (`name_pairs.may_be_slip`: 'AL' is no slip of 'El'), unless it is that word with a
    letter lost, which no spelling of a place is ('BUENS AIRES' -> BUENOS)."""
    words = list(PLACE_WORD.finditer(place))
    keys = [w.group().lower() for w in words]
    after, before = speller.name_partners
    pairs = speller.lexicon.name_pairs
    for i, word in enumerate(words):
        neighbours = [(keys[i - 1], after)] if i > 0 else []
        neighbours += [(keys[i + 1], before)] if i + 1 < len(words) else []
        if not neighbours or keys[i] in speller.lexicon.names or any(
                _paired(pairs, keys, i, j) for j in (i - 1, i + 1)):
            continue
        partners = {p for key, side in neighbours for p in side.get(key, ())}
        seen = speller.lexicon.frequency(keys[i]) > 0
        close = [p for p in partners if _one_slip(speller, keys[i], p)
                 and (may_be_slip(speller.lexicon, keys[i], p, seen)
                      or keys[i] in lost_letters(p))]
        if len(close) == 1:
            yield offset + word.start(), word.group(), close[0].upper()


def region_reading(speller: Speller, region: str) -> str | None:
    """The AP state abbreviation one slip from an abbreviated region that is none
    ('Flq.' -> Fla), when exactly one is; for a region written out in one word, the place
    `lone_place_reading` reads it as, spelt as the gazetteer spells it ('Ethopia' ->
    Ethiopia); None for a region known or of two words."""
    if " " in region:
        return None
    if not region.endswith("."):
        place = lone_place_reading(speller, region, REGION_MAX_ZIPF)
        return None if place is None else speller.lexicon.names[place].canonical
    if "." in region[:-1]:
        return None
    word = region[:-1]
    if word in STATE_ABBREVIATIONS:
        return None
    close = [a for a in STATE_ABBREVIATIONS if _one_slip(speller, word.lower(), a.lower())]
    return close[0] if len(close) == 1 else None


def _paired(pairs: Collection[str], keys: list[str], i: int, j: int) -> bool:
    return 0 <= j < len(keys) and f"{keys[min(i, j)]} {keys[max(i, j)]}" in pairs


def _one_slip(speller: Speller, key: str, word: str) -> bool:
    return (word != key and abs(len(word) - len(key)) <= 1 and word.isalpha()
            and speller.cost(key, word, TYPO_COST) <= TYPO_COST)


def _edit(start: int, original: str, replacement: str) -> Edit:
    return Edit(
        start=start, end=start + len(original), original=original, replacement=replacement,
        kind="spelling", rule="spelling.dateline", confidence=NAME_PAIR_CONFIDENCE,
        reason=f"'{original}' opens a dateline, where '{replacement}' is the only word one "
               f"slip from it that the place's gazetteer names or the AP's state "
               f"abbreviations hold")
