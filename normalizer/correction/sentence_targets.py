"""What the trigram context model's sentence reading (`sentence`) decides and weighs: its
targets (`is_target`) and each target's hypotheses, the words it may stand for with their
channel costs (`hypotheses_of`; `may_change` when it has any).

A target is a word that is not a common word, or a real word OCR or a typing slip makes of a
very frequent one ('tho', 'aud', 'foe'); with `real_words` (profiles with `context-model`)
also a rarer lowercase word and a lone lowercase letter between two words (`is_lone_letter`).
Its hypotheses are the speller's candidates for a non-word, the frequent rivals one cheap
confusion away for a real word, and the whole-word misreadings learned from real OCR; with
`typos` (typed text's second opinion), by `typed_text`'s rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..channel_table import load_channel_table
from ..patterns import compile_regex
from . import contractions
from .candidates import lowercase_word
from .channel import GLYPH_MAX_COST
from .speller import Speller
from .typed_text import (
    GLYPH_MIN_ZIPF,
    MAX_TYPO_CANDIDATES,
    typo_min_zipf,
)
from .word_index import REAL_WORD_MIN_RIVAL_ZIPF
from .words import LATIN_WORD, MAX_LENGTH, MIN_LENGTH, lookup_key, writers_choice

RIVAL_MIN_ZIPF = 4.0
"""A real word is checked only against rivals at least this frequent ('tho' -> 'the')."""
REAL_WORD_MAX_COST = 2.5
"""A real word's rival is at most this far through the channel: one cheap OCR confusion."""
CHECKED_WORD_MAX_ZIPF = 5.0
"""Any lowercase word this rare or rarer is checked in context too ('bad' -> 'had'), against
rivals `CHECKED_WORD_RIVAL_GAP` more frequent, with `CHECKED_WORD_EXTRA_STICKINESS` more."""
CHECKED_WORD_RIVAL_GAP = 1.0
CHECKED_WORD_EXTRA_STICKINESS = 0.5
MISREAD_OFTEN_MAX_ZIPF = 4.0
"""A real word counts as one OCR misreads often (`misread_often`: less sticky, and its
rivals may be rarer) only up to this Zipf. `speller.REAL_WORD_MAX_ZIPF` lets the default
profile's checks reach 4.5 ('arc', 'tho': 6 more typos fixed on the synthetic news set and
491 more error units on OverProof dataset 2, the clean words changed two OCR errors the
ground truth kept and 'some ore said' -> are); the archive profile's context model, whose
stickiness this sets, lost fixes and precision at 4.5."""
MAX_CANDIDATES = 8
"""Candidates per token weighed by the context model, the likeliest out of context first."""

Hypotheses = tuple[tuple[str, float], ...]
"""What a target may stand for: (candidate key, channel cost), the likeliest first."""


def is_target(speller: Speller, surface: str, real_words: bool) -> bool:
    """Whether a token surface is decided by the sentence reading: a Latin word of 2 to
    `MAX_LENGTH` letters (`MIN_LENGTH` without `real_words`, but for a two-letter one: see
    `SHORT_TYPO_MIN_ZIPF`), lowercase or capitalized like a sentence's first word, that is
    not a common word (a capitalized one is decided only where it may be a word:
    `sentence._may_be_word`), or a rare word one cheap OCR confusion from a very frequent one
    ('aud', 'arc': `Speller.real_word_risk`) or one typing slip from it ('foe', and 'Hie'
    opening a sentence: `Speller.typo_rivals`), which keeps `sentence.REAL_WORD_STICKINESS`.
    With `real_words` (profiles with `context-model`) also a whole-word misreading learned
    from real OCR, any lowercase word no more frequent than `CHECKED_WORD_MAX_ZIPF`, and a
    lone lowercase letter that is no word ('m' for 'in', 'n' for 'a'; decided only where it
    stands between two words, see `is_lone_letter`). A contraction no common-word list holds
    is one where a frequent contraction lies one slip from it (`contractions.rivals`)."""
    if "'" in surface or "’" in surface:
        return bool(contractions.rivals(speller, surface))
    if real_words and len(surface) == 1:
        return surface.islower() and surface.isascii() and surface not in speller.lexicon.common
    if not (surface.isalpha() and surface[1:].islower() and 2 <= len(surface) <= MAX_LENGTH
            and (surface.isascii() or LATIN_WORD.match(surface))):
        return False
    key, lexicon = lookup_key(surface), speller.lexicon
    if not real_words:
        if len(surface) < MIN_LENGTH:  # capitalized: only where it opens a sentence
            return key not in lexicon.common
        return key not in lexicon.common or (
            speller.real_word_risk(key) or bool(speller.typo_rivals(key)))
    return (
        key not in lexicon.common
        or misread_often(speller, key)
        or (surface.islower() and lexicon.frequency(key) <= CHECKED_WORD_MAX_ZIPF)
    )


def misread_often(speller: Speller, key: str) -> bool:
    """A real word OCR makes of a frequent one: a cheap confusion away from a very frequent
    word ('tho', 'aud', 'arc'), or a whole-word misreading learned from real OCR."""
    return speller.real_word_risk(key, MISREAD_OFTEN_MAX_ZIPF) or any(
        m.known for m in load_channel_table().misreadings_of(key))


@lru_cache(maxsize=16_384)
def hypotheses_of(speller: Speller, base: str, typos: bool = False, careless: bool = False
                  ) -> tuple[tuple[str, float], ...]:
    """What a target may stand for, with channel costs: the likeliest out of context first
    (memoized: a word type's hypotheses depend on nothing else). With `typos` (typed text),
    only words of Zipf `TYPO_MIN_ZIPF` or more: the trigram model prefers any word it knows
    to a token it does not, which a rare word ('xdist' -> 'dist') does not earn. `careless`
    (carelessly typed text): a more frequent real word's typo rivals too
    (`Speller.typo_rivals`)."""
    if "'" in base or "’" in base:
        return contractions.rivals(speller, base)
    lexicon = speller.lexicon
    key = lookup_key(base)
    known = key in lexicon.common
    found: dict[str, float] = {}
    least = typo_min_zipf(lexicon, key) if typos else 0.0
    if typos:
        base = base.lower()  # typed text: a capitalized target opens a sentence
    if not known:
        for cand in speller.word_candidates(base, None).values():
            found[cand.key] = cand.cost
        # With `typos`, the context weighs typos of lowercase words wordfreq has seen too
        # ('thd', 'saud'), which the out-of-context candidates leave to frequency alone (in
        # OCR, such short tokens are as often a split word's halves: 'detec ti\\cs').
        nearest = (speller.nearest_frequent_words if least >= REAL_WORD_MIN_RIVAL_ZIPF
                   else speller.nearest_words)
        for term, zipf in nearest(key) if typos and base.islower() else ():
            # Terms under the floor are not priced: they would be dropped anyway.
            if zipf >= least and lowercase_word(lexicon, term):
                found.setdefault(term, speller.cost(key, term))
    else:
        if typos:
            found.update((rival, speller.cost(key, rival))
                         for rival in speller.typo_rivals(key, careless))
        floor = RIVAL_MIN_ZIPF
        if not misread_often(speller, key):
            floor = max(floor, lexicon.frequency(key) + CHECKED_WORD_RIVAL_GAP)
        for variant, cost in speller.variants(key):
            if (
                cost <= REAL_WORD_MAX_COST and variant in lexicon.common
                and lexicon.frequency(variant) >= floor
            ):
                found[variant] = cost
    for misreading in load_channel_table().misreadings_of(key):
        intended = misreading.intended
        if intended.isalpha() and intended in lexicon.common:
            found.setdefault(intended, speller.cost(key, intended))
    seen = lexicon.frequency(key) > 0
    ranked = sorted(
        ((w, c) for w, c in found.items()
         if (lexicon.frequency(w) >= least
             or (c <= GLYPH_MAX_COST and lexicon.frequency(w) >= GLYPH_MIN_ZIPF))
         and not writers_choice(key, w, seen)),
        key=lambda wc: (wc[1] - lexicon.frequency(wc[0]), wc[0]),
    )
    return tuple(ranked[:MAX_TYPO_CANDIDATES if typos else MAX_CANDIDATES])


def may_change(speller: Speller, surface: str, typos: bool = False, careless: bool = False
               ) -> bool:
    """Whether a target has any hypothesis (memoized): one with none reads as it stands in
    every reading, so its sentence need not be read at all."""
    return bool(hypotheses_of(speller, surface, typos, careless))


def careless_targets(speller: Speller, surfaces: Iterable[str]) -> set[str]:
    """The lowercase real words of `MIN_LENGTH` letters or more among `surfaces` that have
    typo rivals in carelessly typed text (up to `speller.CARELESS_REAL_WORD_MAX_ZIPF`)."""
    return {s for s in surfaces if s.islower() and len(s) >= MIN_LENGTH
            and speller.typo_rivals(s, careless=True)}


LONE_LETTER = compile_regex(r"(?<=\p{L}[ \t]*\n?[ \t]*)(?<=[ \t\n])\p{Ll}(?=[ \t]*\n?[ \t]*\p{L})")
"""A lowercase letter standing alone between two words of a line or across a line break:
OCR's 'm' for 'in' or 'n' for 'a'. A letter after a period, digit or bracket, or before one
('p. m.', '5 m', '(b)'), is an abbreviation, a unit or a list mark, and stays."""


def is_lone_letter(text: str, start: int) -> bool:
    """Whether the one-letter token at `start` stands alone between two words (`LONE_LETTER`)."""
    return LONE_LETTER.match(text, start) is not None
