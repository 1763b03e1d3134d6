"""Typed text's rules for the sentence reading (`sentence` with `typos`): how the default
profile's second opinion (`second_opinion`) reads a sentence whose errors are typing slips,
not OCR.

They differ from OCR's rules in four places: what a target may read as (only words of Zipf
`TYPO_MIN_ZIPF` or more, `GLYPH_MIN_ZIPF` one glyph confusion away, `SHORT_TYPO_MIN_ZIPF` for
a two-letter token, at most `MAX_TYPO_CANDIDATES` of them), what the word as written keeps
against them (`TYPED_REAL_WORD_STICKINESS` for a common word, `typed_stickiness` for any
other), which capitalized token may be a word's slip (`opens_typed_sentence`), and what a
window that shows its slips changes (`typed_carelessly`: `CARELESS_RIVAL_BONUS`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from ..lexicon import Lexicon
from ..model import Edit
from . import contractions
from .boundaries import opens_sentence
from .candidates import known_misspelling
from .channel import ChannelModel
from .context import WORD
from .hypothesis import unexplained
from .keyboard import CHEAP_SLIP_COST, TYPO_COST
from .speller import Speller
from .words import (
    ARCHAIC_INFLECTIONS,
    INFLECTIONS,
    MIN_LENGTH,
    inflects_common_word,
    lookup_key,
)

TYPED_REAL_WORD_STICKINESS = 1.0
"""What a real word keeps instead in typed text's second opinion (the default profile), where
it is judged only against a very frequent rival one cheap confusion or slip away ('remanded
tor trial', 'on the sane footing'): 1.5 -> 1.0 fixed 2 more typos on the synthetic news set
and 8 on the whole synthetic set (and 71 more error units on OverProof dataset 2), and changed
one clean word in each of those sets' clean twins but the news ('Stockman and M hut' -> but).
The archive profile keeps `sentence.REAL_WORD_STICKINESS`: at 1.0 its precision on dataset 2 fell
from 0.94 to 1.29 wrongly changed tokens per 1,000."""
CARELESS_MIN_RATE = 0.01
CARELESS_MIN_FIXES = 3
"""A window whose single-word decision confidently fixed this share of its tokens, and at
least this many, is typed carelessly (`typed_carelessly`): slips fall on its real words too,
and a real word there is a slip of a frequent word more often than in a text that shows
none. A clean text (the clean twins, a README) shows none, so it keeps every rule as it is.
On news seeds 3, 17 and 55 rates of 0.005 and 0.02 fixed the same typos, but for one."""
CARELESS_RIVAL_BONUS = 1.0
"""log10 units a typo rival with the real word's first letter, which typists seldom miss,
gains in carelessly typed text, for a word the window writes once (slips fall at random and
seldom repeat one word the same way: '1 rood and 2 perches' nine times is no 'road'); so
does a capitalized word opening a sentence, read as one of the very frequent words
(`FREQUENT_WORD_MIN_ZIPF`: 'Peace. Bu it is' -> But, 'Te lira slid' -> The, 'Ther bill now
goes': 2 more typos fixed at news seeds 3, 17 and 55, 3 at seeds 5, 11 and 23, 3 on the
synthetic set, where 'Butcher, Thos. Theo Butler' read 'The', and 4 error units on OverProof
dataset 2; no clean word changed there or at any seed; read as any word, 8 of 4,000 rare
census names after a carelessly typed sentence read as one, 'Mondy said' -> Monday), and,
of any other lowercase token, the reading that gives it a lost first letter back ('party nd
the' -> and, 'struck the crossbar ust before' -> just, 'delivered the arning': 3 more typos
fixed at seeds 3, 17 and 55 and 7 at seeds 5, 11 and 23, where two more read wrong, 'John
erry' -> perry; 4 more on the synthetic set, 3 error units on dataset 2, one clean word
changed on each; of a real word, 'revolve round' read 'around'); so does the reading that
gives a two-letter one its lost last letter back ('and th Kospi closed' -> the, 'argued fo
patience'): 6 more typos fixed over news seeds 3 to 23, 99 to 13 and 101 to 808, 2 more read
wrong where 'ha' may be 'had' or 'has' alike, 2 more on the synthetic set, nothing else
changed on it, its twin or OverProof dataset 2. With
the rivals of more frequent words (`speller.CARELESS_REAL_WORD_MAX_ZIPF`: 'has mode than a
million') this fixed 8 more typos at news seeds 3, 17 and 55 ('unit tat was', 'the
channel is ope', 'Alternative fro Germany') and 3 at seeds 5, 11 and 23, with no clean word
changed; 4 more on the synthetic set (one more read wrong, two clean words changed: 'to
remain aft'), and 21 error units on OverProof dataset 2 ('persona wore fined', 'more or
loss'; 9 more read wrong, 2 clean words changed: 'Chippen- dale'). At 1.5 a clean word
changed at each news seed; without the first-letter rule 'it deems "unreasonable"' read
'seems' at all three."""
SEEN_WORD_STICKINESS = 1.5
"""With typo hypotheses, log10 odds a word wordfreq has seen keeps against any rival: a rare
word ('roods') is no typo for a frequent one that fits the sentence better. So does a word
wordfreq never saw that inflects a common one ('sewered', see `inflects_common_word`) and is
no listed misspelling ('stoped'): on the synthetic news set and OverProof dataset 2 this
kept one clean word each ('their being sewered' -> severed) and lost no fix."""
SEEN_TYPO_STICKINESS = 0.5
"""The odds that a lowercase word wordfreq has seen keeps instead when it is no inflection of
a common word (`inflects_common_word`): such words are mostly typos the web is full of
('vist', 'thw', 'buildin': Zipf 1-3.4) that lose their sentence by a wide margin. On the
synthetic news set, 1.5 -> 0.5 fixed 32 more typos and changed one clean word, a typo its
ground truth kept ('baree' -> bare); on OverProof dataset 2, 135 more error units and no
clean word. A capitalized one opening a sentence may be a name ('ll. Chave' read 'Have'), so
it keeps `SEEN_WORD_STICKINESS`."""
CARELESS_SEEN_DISCOUNT = 0.5
"""What a lowercase word of `MIN_LENGTH` letters or more that wordfreq has seen, but no common
word list or spell checker's dictionary holds, keeps less in a carelessly typed window
(`typed_carelessly`), where the web's typos it is most often ('bega', 'denv', 'amd') are the
window's too: 6 more typos fixed at news seeds 3, 17, 55, 5, 11 and 23 (no more wrong), 3 at
seeds 99, 7, 21, 42 and 13 (one more wrong: 'others wep' -> we), 3 on the synthetic set (one
more wrong), 28 error units on OverProof dataset 2 (11 more wrong, one clean word changed).
With two-letter tokens too, 4 more read wrong at the first six seeds ('ar' -> a); with
capitalized ones and listed words, 3 more clean words on dataset 2 ('ll. Chave' -> Have,
'congou' -> congo); at 1.0, nothing more fixed."""
TYPO_MIN_ZIPF = 3.0
"""With typo hypotheses (the default profile's second opinion), the rarest word a target
may read as. At 2.5 ('streets eaked in mud' -> caked, not naked) one more typo was fixed on
the synthetic news set and 7 more error units on OverProof dataset 2, but 'pytest-xdist' in
this README read as 'dist'."""
GLYPH_MIN_ZIPF = 2.0
"""A word one cheap glyph confusion from a target (channel cost `channel.GLYPH_MAX_COST` or less:
'c' printed as 'e') may be read down to this Zipf, under `TYPO_MIN_ZIPF`: OCR misreads a rare
word as readily as a common one, while a typo's floor is for words a slip away, which a rare
word does not earn ('xdist' is no 'dist'). 'streets eaked in mud' -> caked, not naked: one
more typo fixed on the synthetic news set, one wrong fix made right on the synthetic set and
one fewer on OverProof dataset 2, no clean token changed."""
SHORT_TYPO_MIN_ZIPF = 5.5
"""A two-letter lowercase token no common word list holds ('te', 'th', 'ws') is a target of
typed text's second opinion too, read only as a very frequent word (this Zipf or more: 'the',
'was') and keeping `SHORT_TYPO_STICKINESS`, so 'ok', 'oh', 'kg', 'cf', 'vs' stay where they
fit. On the synthetic news set this fixed 8 more typos, on OverProof dataset 2 184 more
error units; every clean word it changed in either is an OCR error their ground truth
kept ('which ho felt', 'keep yp with', 'here and un Germany'). So is a capitalized one where
it opens a sentence (`opens_typed_sentence`: 'Th Palisades fire' -> The): one more typo fixed
on the synthetic news set, 2 on the synthetic set, 17 error units on OverProof dataset 2, no
clean word changed."""
SHORT_TYPO_STICKINESS = 1.0
"""What such a two-letter token keeps: 1.5 -> 1.0 ('"Rusalka," te first time' -> the) fixed
one more typo on the synthetic news set, 2 on the whole synthetic set and 49 more error units
on OverProof dataset 2, and changed no clean word ('ok', 'oh', 'kg', 'cf', 'vs' stay); at 0.5,
31 more units but 13 more misreadings read wrong. A capitalized one opening a sentence keeps
the same, not `SEEN_WORD_STICKINESS`: a name of two letters is one the gazetteer knows ('Xi',
'Wu'), which no second opinion reads as a word. OverProof dataset 2 gained 5 error units
(OCR's 'Ho' opening a sentence -> He), nothing else changed."""
LONG_TYPO_MIN_LENGTH = 7
LONG_TYPO_MIN_ZIPF = 2.0
"""A lowercase token of `LONG_TYPO_MIN_LENGTH` letters or more that wordfreq never saw may read
as a word this rare, under `TYPO_MIN_ZIPF`: the longer a string no one writes, the likelier a
word one slip from it is what was typed, however rare ('presumptve immunity', 'deflatio is
the story', 'one Belgian trathlete'; the single-word decision alone does not read them so,
its unseen word outweighing a word of Zipf 2 to 3). Not one that inflects a common word, in
today's English or the old ('boulevardes', 'thou persuadest': `words.ARCHAIC_INFLECTIONS`).
On news seeds 99 to 13 and 101 to 808, 5 more typos fixed; on the synthetic set 3 more
(with the 19th-century texts: 'intetate' -> intestate, 'stewerage' -> steerage), on
OverProof dataset 2 6 more error units; no clean word of either changed. From 8 letters one
typo fewer; down to Zipf 1.5, nothing more."""


def typo_min_zipf(lexicon: Lexicon, key: str) -> float:
    """The rarest word a lowercase target `key` may read as in typed text's second opinion:
    `SHORT_TYPO_MIN_ZIPF` under `words.MIN_LENGTH` letters, `LONG_TYPO_MIN_ZIPF` for a long
    unseen one (`LONG_TYPO_MIN_LENGTH`), else `TYPO_MIN_ZIPF`."""
    if len(key) < MIN_LENGTH:
        return SHORT_TYPO_MIN_ZIPF
    if (len(key) >= LONG_TYPO_MIN_LENGTH and not lexicon.frequency(key)
            and not inflects_common_word(lexicon.common, key,
                                         INFLECTIONS + ARCHAIC_INFLECTIONS)):
        return LONG_TYPO_MIN_ZIPF
    return TYPO_MIN_ZIPF


MAX_TYPO_CANDIDATES = 4
"""`sentence_targets.MAX_CANDIDATES` with typo hypotheses (typed text's second opinion): the fixes
of the synthetic sets and OverProof dataset 2 are the same with 4 as with 8, at a fifth of
the model queries per word of a run ((4 + 1)³ against 9³)."""


def typed_stickiness(speller: Speller, word: str, key: str, careless: bool = False) -> float:
    """The log10 odds a word no common-word list holds keeps in typed text: a word wordfreq
    has seen keeps `SHORT_TYPO_STICKINESS` when it is shorter than `MIN_LENGTH`,
    `SEEN_WORD_STICKINESS` when it is capitalized or inflects a common word, and
    `SEEN_TYPO_STICKINESS` otherwise, each `CARELESS_SEEN_DISCOUNT` less for a lowercase one
    no spell checker lists in a `careless` window; an unseen one keeps `SEEN_WORD_STICKINESS`
    when it inflects a common word and is no listed misspelling."""
    lexicon = speller.lexicon
    inflection = inflects_common_word(lexicon.common, key)
    if lexicon.frequency(key) > 0:
        if len(key) < MIN_LENGTH:
            return SHORT_TYPO_STICKINESS
        if not word.islower():
            return SEEN_WORD_STICKINESS
        kept = SEEN_WORD_STICKINESS if inflection else SEEN_TYPO_STICKINESS
        if careless and key not in lexicon.listed:
            return max(0.0, kept - CARELESS_SEEN_DISCOUNT)
        return kept
    if inflection and known_misspelling(lexicon, word) is None:
        return SEEN_WORD_STICKINESS
    return 0.0


TYPING = ChannelModel(())
"""A typist's channel: the edit costs of `channel` without OCR's confusions."""
EXPLAINING_MIN_ZIPF = 5.0
"""The rarest word whose slips `unexplained_zipf` counts: 'political', 'said', 'have', not
'desk'. `word_index.REAL_WORD_MIN_RIVAL_ZIPF` (5.2) is the like bound for a real word's rivals;
at 5.2 here, one typo fewer was fixed on the synthetic set and one error unit fewer on
OverProof dataset 2, nothing else changed."""


def unexplained_zipf(speller: Speller, key: str, zipf: float,
                     hypotheses: Iterable[tuple[str, float]]) -> float:
    """How often wordfreq saw `key` (at Zipf `zipf`) as a word of its own: what its
    hypotheses' slips leave unexplained (-inf: nothing). Wordfreq counts the web, typos
    included, and a word of Zipf z a slip of channel cost c away makes about 10 ** (z - c)
    of a string: 'politcal' (1.65) is what 'political' (5.2, one slip: 2.2) makes, 'sould'
    what 'would' and 'could' make. The web is typed, so slips are priced by a typist's
    channel (`TYPING`: 'inode' is no misread 'mode'), and only slips of words of Zipf
    `EXPLAINING_MIN_ZIPF` or more count, a typist's cheapest (`CHEAP_SLIP_COST`) or a letter
    left out or added after the first (`explaining_slip_bound`): 'dask' (1.15) is no typo of
    'ask' (5.7, a letter added before it), 'himsel' (1.52) is what 'himself' makes. A word
    a spell checker's dictionary lists (`Lexicon.listed`: 'roods', 'congou') keeps its
    count, and so does a word shorter than `MIN_LENGTH` ('cf', 'wc': `SHORT_TYPO_STICKINESS`
    is their rule).
    On the synthetic news set at corruption seeds 99, 7, 21 and 42 this fixed 1, 2, 1 and 2
    more typos (none at seed 13, tuned on) and changed no clean word; on the synthetic set
    3 more typos and 4 more wrong fixes, no clean word; on OverProof dataset 2 30 more error
    units, 17 more read wrong and one clean word. Of 3,504 Markdown and reST files, it
    changed one word more ('iff' -> if). Without the bounds, the synthetic news set gained
    a little more, and 'dask', 'cf' and 'wc' in this project's own texts became suspects.
    Letters left out counted too fixed 2 more typos at news seeds 3, 17, 55, 5, 11 and 23
    ('himsel', 'deah' -> death), 2 on the synthetic set, and read 2 more error units of
    OverProof dataset 2 wrong; letters added after the first, 2 more typos at those seeds,
    2 more units of dataset 2 fixed and 8 more read wrong. No clean word of any set or of
    the Markdown audit changed."""
    if len(key) < MIN_LENGTH or key in speller.lexicon.listed:
        return zipf
    frequency = speller.lexicon.frequency
    slips = ((frequency(word), explaining_slip_cost(key, word))
             for word, _ in hypotheses if frequency(word) >= EXPLAINING_MIN_ZIPF)
    return unexplained(zipf, ((z, cost) for z, cost in slips if cost < math.inf))


@lru_cache(maxsize=16_384)
def explaining_slip_cost(key: str, word: str) -> float:
    """What `TYPING` prices `word` typed as `key`, infinity past `explaining_slip_bound`
    (memoized: a text repeats its words, and a hostile one its few typos thousands of times,
    where pricing each anew took a third of the time)."""
    return TYPING.cost(key, word, explaining_slip_bound(key, word))


def explaining_slip_bound(key: str, word: str) -> float:
    """The dearest slip of `word` that explains the string `key` (`unexplained_zipf`): any
    letter left out (`TYPO_COST`) when `key` is one letter shorter, which a typist drops as
    readily as they strike a neighbouring key, or one added after the first ('shoulde' is
    what 'should' makes; 'dask' is no 'ask'), else a typist's cheapest slips."""
    if len(word) == len(key) + 1 or (len(key) == len(word) + 1 and key[0] == word[0]):
        return TYPO_COST
    return CHEAP_SLIP_COST


def word_like_capital(speller: Speller, surface: str) -> bool:
    """A capitalized token no gazetteer holds that wordfreq has seen, one slip from a very
    frequent word (`slips_into_frequent_word`), a long one slip from a common word
    (`long_slip_of_common_word`) or a contraction's slip (`contractions.rivals`): the only
    kinds a second opinion reads as a word (see `opens_typed_sentence`)."""
    key = lookup_key(surface)
    return key not in speller.lexicon.names and (
        speller.lexicon.frequency(key) > 0 or slips_into_frequent_word(speller, key)
        or long_slip_of_common_word(speller, key)
        or bool(contractions.rivals(speller, surface)))


LONG_SLIP_MIN_LENGTH = 7
LONG_SLIP_MIN_ZIPF = 4.0
"""An unseen capitalized token of `LONG_SLIP_MIN_LENGTH` letters or more one slip from a
word this common is read as a word's slip where it opens a sentence ('Affeted machines',
'Laywers for Texas', 'Scheduls are'): the longer a name, the fewer words lie one slip from
it. On the thirteen news seeds 5 more typos fixed, one on the six development seeds, none read
wrong and no clean word changed. Standing in for the names no list holds: of 4,000 gazetteer
names of 7 letters or more that wordfreq never saw, 15 are such a slip ('Monthey' of
monthly, 'Fundong' of funding), and only where one opens a sentence does its sentence weigh
it."""


def long_slip_of_common_word(speller: Speller, key: str) -> bool:
    """Whether `key` has `LONG_SLIP_MIN_LENGTH` letters or more and is one slip (an edit of
    at most `TYPO_COST`) from a word of Zipf `LONG_SLIP_MIN_ZIPF` or more, among the words
    one edit away (a look-up two edits deep for every long name cost a fifth of the time of
    200 KB of name families)."""
    return len(key) >= LONG_SLIP_MIN_LENGTH and any(
        zipf >= LONG_SLIP_MIN_ZIPF and speller.cost(key, word, TYPO_COST) <= TYPO_COST
        for word, zipf in speller.nearest_words_within_one(key))


FREQUENT_WORD_MIN_ZIPF = 6.0
"""The words ('with', 'more', 'then', 'which': 105 of them) one slip from which an unseen
capitalized token opening a sentence is read as a word's slip ('Wiuth fear for our
democracy', 'Jore than 10,000'): 3 more typos fixed at news seeds 3, 17 and 55, 2 on the
synthetic set, no clean word changed, and the census names changed stay 117 of 4,000. Of
4,000 rare US census names wordfreq never saw, 4 are one slip from such a word ('Ethen',
'Emore'); from Zipf 5.5, 20 ('Koep', 'Plance', 'Kears'), for one more typo."""


def slips_into_frequent_word(speller: Speller, key: str) -> bool:
    """Whether `key` is one slip (an edit of at most `TYPO_COST`) from a word of Zipf
    `FREQUENT_WORD_MIN_ZIPF` or more."""
    return any(zipf >= FREQUENT_WORD_MIN_ZIPF and speller.cost(key, word, TYPO_COST) <= TYPO_COST
               for word, zipf in speller.frequent_words_one_edit(key))


def typed_carelessly(decided: Iterable[Edit], tokens: int, threshold: float) -> bool:
    """Whether a window of `tokens` tokens is typed carelessly: the single-word decision's
    edits (`decided`) fixed `CARELESS_MIN_RATE` of them, and `CARELESS_MIN_FIXES` or more, at
    the profile's `threshold`."""
    fixes = sum(edit.confidence >= threshold for edit in decided)
    return fixes >= CARELESS_MIN_FIXES and fixes >= CARELESS_MIN_RATE * tokens


def opens_typed_sentence(speller: Speller, text: str, start: int) -> bool:
    """Whether the capitalized token at `start` of typed text may be a word's slip: it plainly
    opens a sentence (not after a title or an initial: 'Mr. Toose'), where a capital says
    nothing, and `word_like_capital` holds ('Thc', 'Hsi', 'Aince', 'Wiuth'). One that no corpus
    has seen opening a sentence is a name far more often ('Oonah', 'Tossy'): on the synthetic
    news set, reading those too fixed 5 more typos and broke 3 clean names, while the seen
    ones fixed 28 and broke none; those one slip from a very frequent word are the
    exception."""
    match = WORD.match(text, start)
    return (match is not None and opens_sentence(text, start)
            and word_like_capital(speller, match.group()))
