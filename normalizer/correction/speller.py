"""The speller: one lexicon's channel, context model and symspell lookups, memoized.

A `Speller` holds what candidate generation (`candidates`) and the passes that judge tokens
in context read about words, whatever the document: the channel model and its variants of a
token, the misreadings of very frequent words and the rivals a rare real word is checked
against, the context model, and the memos of all of these, bounded so a long batch run keeps a
flat memory profile. What needs no channel (symspellpy's nearest words, the typing slips of
very frequent words, the gazetteer's name partners) it reads from its lexicon's `WordIndex`,
which every speller of the lexicon shares. `speller_for` shares one speller per lexicon and
profile settings; `loaded_speller` loads everything before the first document.
"""

from __future__ import annotations

import gc
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from editdistpy import damerau_osa

from ..channel_table import load_channel_table, read_confusions
from ..collection_model import load_collection_model
from ..language_model import ContextModel, load_language_model
from ..lexicon import Confusion, Entity, Lexicon
from ..tokens import strip_possessive
from .candidates import DEEP_MAX_COST, GAZETTEER_MIN_ZIPF, context_free_candidates
from .channel import ChannelModel
from .hypothesis import Candidate
from .keyboard import TYPO_COST
from .vocabulary import Vocabulary
from .word_index import ONE_EDIT_MAX_LENGTH, NamePartners, Nearest, word_index_for
from .word_policy import (
    DIGIT_GLYPH_POLICY,
    HEADLINE_POLICY,
    INNER_DIGIT,
    SINGLE_CONFUSION_COST,
    WordPolicy,
)
from .words import case_slip_readings, is_checkable, is_name_shaped, lookup_key

if TYPE_CHECKING:
    from ..profile import Profile


NAME_PRIOR_CAP = 5.5
"""A name's prior never exceeds this: famous names must not outweigh the channel model."""


REAL_WORD_MAX_ZIPF = 4.5
CARELESS_REAL_WORD_MAX_ZIPF = 5.8
"""In carelessly typed text (`typed_text.typed_carelessly`) a more frequent real word has its
typo rivals too ('more' for 'mode', 'into' for 'info', 'time' for 'tie'), up to this Zipf.
From 5.5 to 5.8 ('bad', 5.53, for 'had': 'that Russia bad been providing'): one more typo
fixed at news seeds 3 and 23 and on the synthetic set, nothing else changed there, at seeds
17, 55, 5 and 11 or on OverProof dataset 2; from 5.8 to 6.1, nothing more. Rivals of
Zipf 4.7 to 5.2 a decade more frequent than the slip fixed 4 more typos at those six seeds
and read 'the crowd chanted his name' as 'changed' at each."""


CARELESS_MISREAD_MIN_RIVAL_ZIPF = 4.5
CARELESS_MISREAD_MAX_ZIPF = 3.1
"""In carelessly typed text a rare real word (Zipf `CARELESS_MISREAD_MAX_ZIPF` or less) has
the words of Zipf `CARELESS_MISREAD_MIN_RIVAL_ZIPF` or more one cheap OCR confusion from it as
rivals too ('543 scats' -> seats, 'measles eases' -> cases, 'a hag of rice' -> bag), which its
sentence weighs against it. Over news seeds 3 to 23, 99 to 13 and 101 to 808, 5 more typos
fixed, 4 more on the synthetic set, nothing else changed there or on the clean twins; one
more read wrong on OverProof dataset 2. Up to Zipf 5.8, 4 more at those seeds, but 'tar-
paving' read 'paying', 'green hay' 'bay' and 'Northern ports' 'parts'."""
class Speller:
    """What candidate generation and the context passes read about words, over one lexicon;
    memoizes context-free work."""

    def __init__(self, lexicon: Lexicon, channel: str = "builtin",
                 confusions_file: Path | None = None, context_counts: Path | None = None
                 ) -> None:
        """`channel`: "builtin" (the hand-written confusions) or "learned" (the confusions
        learned from real OCR, over the hand-written ones); `confusions_file`: a table of
        extra confusions (channel.tsv format) over those; `context_counts`: a collection's
        n-gram counts, mixed into the context model."""
        self.lexicon = lexicon
        self.words = word_index_for(lexicon)
        self.context_counts = context_counts
        confusions = lexicon.confusions
        if channel == "learned":
            confusions += load_channel_table().as_confusions()
        if confusions_file is not None:
            confusions += tuple(Confusion(c.observed, c.intended, c.cost)
                                for c in read_confusions(confusions_file))
        self.channel = ChannelModel(confusions, rewrite_max_cost=SINGLE_CONFUSION_COST)
        # Paths of several operations are only as good as the confusions they chain: the
        # hand table's 58 ('convenetly' -> 'convened') are too few to go deep with.
        self.searches_deep = channel == "learned"
        # Bounded memos: a long batch run keeps a flat memory profile (variants are the
        # largest entries, about a hundred strings each).
        self.variants = lru_cache(maxsize=4_096)(self._variants_uncached)
        # Every variant, also those no lexicon word begins: a profile's own names may be one.
        self.all_variants = lru_cache(maxsize=1_024)(self._all_variants_uncached)
        self.deep_variants = lru_cache(maxsize=4_096)(self._deep_variants_uncached)
        self._variants_two_edits = lru_cache(maxsize=4_096)(self._variants_two_edits_uncached)
        # Whether a name-shaped token's words within one edit tell if it has candidates at
        # all (`has_candidates`): the two-edit lookup is the dearest part of the question.
        self._one_edit_tells = self.channel.finds_every_reading_within(TYPO_COST)
        self._has_name_candidates = lru_cache(maxsize=16_384)(
            lambda base: bool(context_free_candidates(self, base, HEADLINE_POLICY, {},
                                                      names_within_one=True)))
        self.cost = lru_cache(maxsize=65_536)(self.channel.cost)
        self._needs_look = lru_cache(maxsize=131_072)(self.could_be_error)
        self._word_candidates = lru_cache(maxsize=16_384)(self._word_candidates_uncached)

    def word_candidates(self, base: str, policy: WordPolicy) -> dict[str, Candidate]:
        """Memoized `context_free_candidates` without per-call gazetteer entries (read-only!).
        A word policy only concerns name-shaped tokens: the others share one memo entry."""
        return self._word_candidates(base, policy if is_name_shaped(base) else None)

    def _word_candidates_uncached(self, base: str, policy: WordPolicy) -> dict[str, Candidate]:
        return context_free_candidates(self, base, policy, {})

    def _variants_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        """What the channel says `key` may stand for, only the words and names the lexicon
        knows among them: no caller has a use for the others (the channel's pruning keeps
        every beginning of a word, more than nine in ten of what it finds over the speed
        bench's clean corpus, which each caller looked up again only to drop)."""
        known = self.lexicon.beginnings
        found = self.channel.variants(key, is_prefix=known)
        return tuple(sorted((variant, cost) for variant, cost in found.items()
                            if known is None or variant in known))

    def _all_variants_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(self.channel.variants(key).items()))

    def _deep_variants_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(self.channel.search(key, self.vocabulary, DEEP_MAX_COST).items()))

    @property
    def vocabulary(self) -> Vocabulary:
        """What a deep search may find (`WordIndex.vocabulary`)."""
        return self.words.vocabulary

    def needs_look(self, surface: str) -> bool:
        """Whether a token surface could be an error at all (`could_be_error`, memoized by
        word type)."""
        return self._needs_look(surface)

    def could_be_error(self, surface: str) -> bool:
        """Whether a token surface could be an error at all, not memoized (for a caller that
        memoizes its own verdict on the word type)."""
        base = strip_possessive(surface)
        if not is_checkable(base):
            return False
        key = lookup_key(base)
        if key not in self.lexicon.common:
            return True
        if base.islower():  # no capital: no case slip either
            return self.real_word_risk(key)
        return bool(case_slip_readings(base))

    def has_candidates(self, base: str) -> bool:
        """Whether any position could give `base` a candidate outside the document: the
        headline policy admits the most common words, so its candidates are a superset.

        A name-shaped token's nearest words are asked within one edit only, when the
        channel says that is enough (`ChannelModel.finds_every_reading_within`): a word two
        edits away is a candidate only within one slip (`TYPO_COST`), so through one or two
        confusions, and then it is among the token's variants, a candidate already. Most
        such tokens are rare names with none (memoized)."""
        if INNER_DIGIT.search(base):
            return bool(self.word_candidates(base, DIGIT_GLYPH_POLICY))
        if self._one_edit_tells and is_name_shaped(base):
            return self._has_name_candidates(base)
        return bool(self.word_candidates(base, HEADLINE_POLICY))

    def real_word_risk(self, key: str, max_zipf: float = REAL_WORD_MAX_ZIPF) -> bool:
        """A common word no more frequent than `max_zipf` with a very frequent one a single
        OCR confusion away."""
        return key in self._misreadings and self.lexicon.frequency(key) <= max_zipf

    @cached_property
    def language_model(self) -> ContextModel:
        """The context model: the general trigram model, mixed with the collection's own
        counts when the profile has them."""
        if self.context_counts is None:
            return load_language_model()
        return load_collection_model(self.context_counts)

    def typo_rivals(self, key: str, careless: bool = False) -> tuple[str, ...]:
        """The very frequent words a rare common word (Zipf `REAL_WORD_MAX_ZIPF` or less;
        `CARELESS_REAL_WORD_MAX_ZIPF` in `careless` text) is a typist's cheapest slip of
        ('foe' -> for, 'sill' -> will; see `keyboard.cheap_slips`), or the word with a letter
        lost ('eek' -> week, 'don' -> down: `keyboard.lost_letters`); in `careless` text also
        the frequent words a rare one is one OCR confusion from (`CARELESS_MISREAD_MAX_ZIPF`)."""
        return (self._careless_typo_rivals if careless else self._typo_rivals).get(key, ())

    @property
    def name_partners(self) -> NamePartners:
        """The gazetteer's name partners (`WordIndex.name_partners`)."""
        return self.words.name_partners

    @cached_property
    def _typo_rivals(self) -> dict[str, tuple[str, ...]]:
        return self.words.slips_of_very_frequent(REAL_WORD_MAX_ZIPF)

    @cached_property
    def _careless_typo_rivals(self) -> dict[str, tuple[str, ...]]:
        """The slips of very frequent words up to `CARELESS_REAL_WORD_MAX_ZIPF`, and the rare
        words one OCR confusion from a frequent one (`CARELESS_MISREAD_MAX_ZIPF`). Built at
        the first carelessly typed window only (about 80 ms)."""
        rivals = {slip: set(words) for slip, words in
                  self.words.slips_of_very_frequent(CARELESS_REAL_WORD_MAX_ZIPF).items()}
        lexicon = self.lexicon
        for word in self.words.common_at_least(CARELESS_MISREAD_MIN_RIVAL_ZIPF):
            for misread in self.channel.misreadings(word, SINGLE_CONFUSION_COST):
                if (misread in lexicon.common
                        and lexicon.frequency(misread) <= CARELESS_MISREAD_MAX_ZIPF):
                    rivals.setdefault(misread, set()).add(word)
        return {slip: tuple(sorted(words)) for slip, words in rivals.items()}

    @cached_property
    def _misreadings(self) -> frozenset[str]:
        """Every string one OCR confusion away from a very frequent word ('aud', 'tor')."""
        return frozenset().union(*(
            self.channel.misreadings(word, SINGLE_CONFUSION_COST)
            for word in self.words.very_frequent
        ))

    def nearest_words(self, key: str) -> Nearest:
        """symspell's nearest words to a lowercase key (one edit, else two for keys of six
        letters or more), with their Zipf, most frequent first (memoized, shared by the
        lexicon's spellers: `WordIndex.nearest_words`)."""
        return self.words.nearest_words(key)

    def nearest_words_within_slip(self, key: str) -> Nearest:
        """`nearest_words`, as far as any of them may be within one slip of `key`
        (`TYPO_COST`): the same words within one edit; where there are none and the channel
        says a word two edits away is within one slip only through confusions
        (`ChannelModel.finds_every_reading_within`), only the token's variants two edits
        away instead of symspell's every word there (memoized). A caller keeps only the
        words within one slip."""
        if (self.words.nearest_words_within_one(key) or len(key) <= ONE_EDIT_MAX_LENGTH
                or not self._one_edit_tells):
            return self.words.nearest_words(key)
        return self._variants_two_edits(key)

    def _variants_two_edits_uncached(self, key: str) -> Nearest:
        lexicon = self.lexicon
        indexed = lexicon.symspell.words
        found = [(variant, lexicon.frequency(variant)) for variant, _ in self.variants(key)
                 if variant in indexed and damerau_osa.distance(key, variant, 2) == 2]
        return tuple(sorted(found, key=lambda x: (-x[1], x[0])))

    def nearest_words_within_one(self, key: str) -> Nearest:
        """`nearest_words` within one edit only (memoized; `nearest_words` asks this first)."""
        return self.words.nearest_words_within_one(key)

    def nearest_frequent_words(self, key: str) -> Nearest:
        """`nearest_words` among the very frequent common words alone
        (`WordIndex.very_frequent`) of a key of at most `ONE_EDIT_MAX_LENGTH` letters, from a
        symspell index of those words (memoized): what a two-letter token may be in typed
        text ('ws' -> was), where the full index finds hundreds of rarer words one edit from
        two letters (a lookup cost about 0.3 ms; this one a few microseconds)."""
        if len(key) > ONE_EDIT_MAX_LENGTH:
            raise ValueError(f"a key of at most {ONE_EDIT_MAX_LENGTH} letters, not {key!r}")
        return self.words.frequent_words_one_edit(key)

    def frequent_words_one_edit(self, key: str) -> Nearest:
        """The very frequent common words (`WordIndex.very_frequent`) one edit from a key of
        any length, with their Zipf, most frequent first (memoized; a few microseconds)."""
        return self.words.frequent_words_one_edit(key)

    def name_prior(self, key: str, entity: Entity | None) -> float:
        zipf = self.lexicon.frequency(key)
        if entity is not None and not entity.source.startswith("built"):
            zipf = max(zipf, GAZETTEER_MIN_ZIPF)
        return min(zipf, NAME_PRIOR_CAP)


@lru_cache(maxsize=8)
def speller_for(lexicon: Lexicon, channel: str = "builtin",
                confusions_file: Path | None = None, context_counts: Path | None = None
                ) -> Speller:
    return Speller(lexicon, channel, confusions_file, context_counts)


def loaded_speller(lexicon: Lexicon, profile: Profile) -> Speller:
    """The profile's speller with all it reads loaded now (the learned channel tables, the
    context model, the misreadings and typing slips of frequent words, the gazetteer's name
    partners and, when it searches deeply, its vocabulary: `WordIndex.load`), so that no
    document waits for them: built before a service forks, they are shared by its workers.

    What is loaded then lives as long as the process: when this speller's tables were not
    loaded before, every object alive at the end is moved out of the garbage collector's
    generations (`gc.freeze`), the caller's too. The lexicon's 39,000 gazetteer entities and
    the name partners' 15,000 sets made every full collection walk 90,000 objects, about
    25 ms each, one or two of them in a first pass over the speed bench's news corpus
    (13,500 words, about 130 ms)."""
    speller = speller_for(lexicon, profile.channel, profile.confusions_file,
                          profile.context_counts)
    load_channel_table()
    loaded = ["language_model", "_misreadings", "_typo_rivals"]
    fresh = any(name not in speller.__dict__ for name in loaded)  # cached_property's values
    for name in loaded:
        getattr(speller, name)
    fresh |= speller.words.load(vocabulary=speller.searches_deep)
    if fresh:
        gc.freeze()
    return speller
