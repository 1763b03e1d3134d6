"""Letter-case slips: a token whose case no word has, read as the word it slipped from.

'TReam' (the shift key held a letter too long), 'aLmbing' (two letters swapped with their
case), 'HoteI' (OCR's capital I for l), 'THis': `words.case_slip_readings` lists the
readings; `offer_case_slips` offers those that are gazetteer names or common words, and the
word a leading capital I read as l makes ('Iow' -> 'low': `leading_i_reading`); a leading l
before a letter no English word writes after it is a capital I (`initial_l_reading`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import Entity, Lexicon
from ..patterns import compile_regex
from .hypothesis import Candidate, offer
from .keyboard import ADJACENT_KEYS
from .words import apply_case, case_slip_readings, lookup_key

if TYPE_CHECKING:
    from .speller import Speller

CASE_SLIP_COST = 1.5
"""Channel cost of reading a token whose letter case no word has as the word it slipped from
(`words.case_slip_readings`: 'TReam' -> 'Team'): the odd case is itself evidence of the slip,
so it costs less than an arbitrary typo."""


CASE_SLIP_MIN_ZIPF = 2.0
"""A case-slip reading that is no gazetteer name must be a common word at least this
frequent."""


CASE_SLIP_MAX_TOKEN_ZIPF = 2.0
"""A token with a shifted second letter is read without it ('FRalcon' -> 'Falcon') only when
wordfreq has seen its lowercase form less often than this ('DJing', 2.6, is a word)."""


CASE_ONLY_MIN_ZIPF = 4.0
"""A token is read as the same word with its second capital lowercased ('THis' -> 'This')
only when that word is this common: a rarer one may be coined from an acronym."""


LEADING_I_MAX_TOKEN_ZIPF = 2.5
"""A token with a leading capital I that wordfreq has seen this often is a name of its own
('Iain' 3.25, 'Ivo' 2.74, 'Inga' 2.61: 'Iain Duncan Smith' is no 'Lain'); OCR's readings of
common words stay under it ('Iow' 2.40, 'Iast' 2.14, 'Iike' 2.01)."""
LEADING_I_READING_GAP = 1.5
"""...unless its l-word is this many Zipf units more frequent: 'Ied' (2.91, counted for the
acronym IED, which is written in capitals) is 'led' (4.9), while 'Iain' is no 'lain' (3.3).
On news seeds 17 and 55 two more typos fixed ('who had Ied the party'); nothing else changed
there, on the synthetic set, its clean twin or OverProof dataset 2, nor any of 44,994 US
census names wordfreq never saw."""


_LEADING_I = compile_regex(r"I\p{Ll}{2,}")


def leading_i_reading(lexicon: Lexicon, base: str) -> str | None:
    """The common word a token is with its leading capital I read as OCR's l ('Iow' -> 'low',
    'Iast' -> 'last'), when the token as written is no common word or name ('In', 'Iran',
    'Ivy' stay), nor frequent (`LEADING_I_MAX_TOKEN_ZIPF`: 'Iain' stays) unless the word is
    far more so (`LEADING_I_READING_GAP`: 'Ied' -> 'led'), and that word is
    at least `CASE_SLIP_MIN_ZIPF` frequent: English writes no word so, and the I and l
    glyphs differ by a serif."""
    if not base.startswith("I") or not _LEADING_I.fullmatch(base):
        return None
    key = lookup_key(base)
    if key in lexicon.common or key in lexicon.names:
        return None
    reading = "l" + key[1:]
    zipf = lexicon.frequency(reading)
    if reading not in lexicon.common or zipf < CASE_SLIP_MIN_ZIPF:
        return None
    seen = lexicon.frequency(key)
    if seen >= LEADING_I_MAX_TOKEN_ZIPF and zipf < seen + LEADING_I_READING_GAP:
        return None
    return reading


NEVER_AFTER_INITIAL_L = frozenset("cdfkmnrsz")
"""Letters no English word or name of the lexicon writes after its first letter l ('lt' is
'ltd', 'lb' 'lbs', 'lj' 'Ljubljana'), while a capital I often precedes them ('In', 'Iran',
'Israel', 'Imran', 'Idaho')."""


def initial_l_reading(lexicon: Lexicon, base: str) -> str | None:
    """The word or name a lowercase token of 4 letters or more is with its first letter, an
    l, read as a capital I ('lran' -> 'iran', 'lndia' -> 'india'), when the letter after it is
    one English never writes after a word's first l (`NEVER_AFTER_INITIAL_L`): OCR prints the
    I and l alike, and the web's OCR has made such strings often enough for wordfreq to count
    ('lran' 1.24, 'lndia' 1.79), so that count is the misreading's, not a word's. Shorter
    tokens are abbreviations and commands as often ('lfs', 'lsp', 'lcd': 'ifs', 'isp')."""
    if len(base) < 4 or base[0] != "l" or base[1] not in NEVER_AFTER_INITIAL_L:
        return None
    reading = "i" + lookup_key(base)[1:]
    return reading if reading in lexicon.common or reading in lexicon.names else None


def _beside_on_keyboard(word: str, i: int) -> bool:
    """Whether `word[i]` is a key next to the letter before or after it: a slip of the finger
    ('fralcon'), not OCR's reading of a wider glyph ('avar' for 'war')."""
    return any((word[i], word[j]) in ADJACENT_KEYS for j in (i - 1, i + 1) if 0 <= j < len(word))


def offer_case_slips(speller: Speller, found: dict[str, Candidate], base: str,
                     extra_names: Mapping[str, Entity]) -> bool:
    """Offer the readings of a token whose letter case no word has ('TReam', 'aLmbing',
    'HoteI', 'THis'; see `words.case_slip_readings`) that are gazetteer names or common words,
    cased as read ('Lambing'). A token with a shifted second letter that wordfreq knows in
    lowercase is a word of its own ('DJing'), unless it is a very common word ('THis'); the
    second letter is read as added only when it is a key beside a neighbour ('FRalcon', not
    OCR's 'AVar' for 'War').

    Returns whether the token's case settles what it is, so that it needs no other candidate:
    two letters swapped with their case ('aLmbing' is 'Lambing' or a word of its own,
    'iPhone'), or an OCR glyph read as the letter it stands for gives a word ('haIted' is
    'halted', not 'hailed' through a second confusion; 'Iow' is 'low')."""
    lexicon = speller.lexicon
    leading = leading_i_reading(lexicon, base)
    if leading is not None:
        offer(found, base, leading, CASE_SLIP_COST, lexicon.frequency(leading), "case")
    slips = case_slip_readings(base)
    written = lookup_key(base)
    for reading, slip in slips:
        key = lookup_key(reading)
        entity = extra_names.get(key) or lexicon.names.get(key)
        zipf = lexicon.frequency(key)
        if slip == "case" and zipf < CASE_ONLY_MIN_ZIPF:
            continue
        if slip == "shift" and (
            lexicon.frequency(lookup_key(base)) >= CASE_SLIP_MAX_TOKEN_ZIPF
            or not _beside_on_keyboard(base.lower(), 1)
        ):
            continue
        if entity is not None:
            prior = speller.name_prior(key, entity)
        elif zipf >= CASE_SLIP_MIN_ZIPF and (key in lexicon.common or (
                slip == "glyph" and written not in lexicon.names
                and lexicon.frequency(written) < zipf)):
            # OCR's glyph read back makes a name wordfreq knows as surely as a word, when
            # the token is no name seen more often: 'EIeni' is Eleni (2.24), while
            # 'McIntyre' is no 'Mclntyre' (which the web's OCR wrote often enough to count).
            prior = zipf
        else:
            continue
        before = found.get(key)
        offer(found, base, key, CASE_SLIP_COST, prior, "case", entity)
        if found[key] is not before:
            word = apply_case(reading, key, entity.canonical if entity else None)
            found[key] = replace(found[key], word=word)
    return leading in found or any(
        slip == "swap" or (slip == "glyph" and lookup_key(reading) in found)
        for reading, slip in slips)
