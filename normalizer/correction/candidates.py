"""Candidate generation and scoring: what a suspect token may stand for.

Generators: the OCR channel run backwards (`channel.ChannelModel.variants`), symspellpy's
nearest words, the document's own more frequent spellings of a name, and letter-case slips
(`case_slips`). Each hypothesis is scored as `hypothesis` says, plus what the context says.
Capitalized tokens are names: a `WordPolicy` says which common words may replace one where.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex
from symspellpy import Verbosity

from ..channel_table import load_channel_table, read_confusions
from ..collection_model import load_collection_model
from ..language_model import ContextModel, load_language_model
from ..lexicon import Confusion, Entity, Lexicon
from ..tokens import Token, in_headline, starts_sentence, strip_possessive
from .case_slips import leading_i_reading, offer_case_slips
from .channel import TYPO_COST, ChannelModel, cheap_slips
from .context import MAX_CONTEXT_LIFT, context_score, context_words
from .document import Document
from .hypothesis import ERROR_PRIOR, ZIPF_TO_LOG10, Candidate, offer
from .vocabulary import Vocabulary
from .words import (
    ALWAYS_CAPITALIZED_SOURCE,
    I_GLYPHS,
    case_slip_readings,
    is_checkable,
    is_name_shaped,
    lookup_key,
    writers_choice,
)

if TYPE_CHECKING:
    from ..profile import Profile



GAZETTEER_MIN_ZIPF = 3.0
"""A curated or user gazetteer name counts at least this common, whatever its Zipf frequency
(names from the built place lists, 35,000 small towns among them, count as they are seen)."""


SENTENCE_START_MIN_ZIPF = 5.0
"""At a sentence start only a very common word may replace a capitalized token ('Tbe')."""


UNSEEN_CAPITAL_MIN_ZIPF = 3.0
"""A capitalized token wordfreq never saw may become a word or name this frequent, through
one OCR confusion anywhere in a sentence ('NationaI' -> 'National', 'Wonnen' -> 'Women',
'Tbaddeus' -> 'Thaddeus' would need 2.7: 'Elyne' -> 'Clyne' is a real name it would break)."""


SINGLE_CONFUSION_COST = 2.5
"""The dearest single OCR confusion in dictionaries/confusions.tsv."""


MIN_TYPO_NAME_LENGTH = 6
"""A typo is corrected in a capitalized token only from this length: short rare names
('Konyg', 'Redg') are too often one slip from a real one."""


HEADLINE_MIN_ZIPF = 2.5
"""In a Title Case headline most capitalized tokens are words ('Bourities' -> 'Bounties')."""


MAX_GLYPH_COST = 4.0
"""Two cheap OCR confusions at most between a token and a candidate it may become."""


NAME_PRIOR_CAP = 5.5
"""A name's prior never exceeds this: famous names must not outweigh the channel model."""


TYPO_LOOKUP_MAX_ZIPF = 1.5
"""symspell is asked for typo candidates only for lowercase tokens rarer than this: a word
wordfreq has seen more often is a real word far more often than a typo worth the lookup."""


MAX_DOCUMENT_COST = TYPO_COST


UNSEEN_CAPITAL_TYPO_MIN_ZIPF = 5.0
"""A typo (not an OCR confusion) in a capitalized token no corpus saw may be corrected to a
common word only this frequent: 'Wsetern' -> 'Western', never 'Biegun' -> 'begun' (3.9) or
'Burbau' -> 'Bureau' (4.6) when the name 'Burhan' is two OCR confusions away."""


TYPO_RIVAL_MIN_ZIPF = 3.0
"""A common word this frequent one slip from a capitalized token no corpus saw is a rival of
any other: with two, the token's reading is left to its sentence (`capitals`). On the
synthetic news set that read 'The Gaza Health Ministyr' as 'Ministry', not 'Minister'."""


REAL_WORD_MAX_ZIPF = 4.5


REAL_WORD_MIN_RIVAL_ZIPF = 5.2
"""A common word of Zipf `REAL_WORD_MAX_ZIPF` or less one OCR confusion away from a very
frequent one ('aud'/'and', 'tor'/'for', 'arc'/'are', 'tho'/'the') is a suspect too, but is
corrected only when the bigram list pairs both neighbours with the rival and neither with
the word itself. So is one a typist's cheapest slip away from one (`typo_rivals`:
'foe'/'for', 'ans'/'and'), in typed text's second opinion. From 5.5 down to 5.2 ('carly'/
'early', 'sou'/'son'): 2 more typos fixed on the synthetic modern news, 4 on the whole
synthetic set, 20 error units on OverProof dataset 2 (default profile), and the one clean word
more changed an OCR error the ground truth kept ('three mouths ending the 30th of June');
at 5.0 'the clog was not a dog' lost its clog."""


MIN_COST = 1.2
"""The cheapest channel cost of any change (the cheapest confusion)."""


NEGLIGIBLE = 3.0
"""A hypothesis this many log10 units below the best one cannot move a posterior."""


NamePartners = tuple[dict[str, set[str]], dict[str, set[str]]]
"""The words after and the words before each word in the gazetteer's names (read-only)."""


WordPolicy = tuple[float, float] | None
"""For a name-shaped token: (min Zipf, max channel cost) of a common word that may replace
it, or None when only names may."""


HEADLINE_POLICY: WordPolicy = (HEADLINE_MIN_ZIPF, MAX_GLYPH_COST)
"""The most permissive policy but `DIGIT_GLYPH_POLICY`: its candidates include those of every
other."""


INNER_DIGIT = regex.compile(r"(?<=\p{L})(?:[01]|vv)(?=\p{L})")
"""A 1 or 0 between two letters ('Dar1ene', 'Minstre1s', 'G0rdon'), or a double v
('Crovvell'): no name is written so; the OCR read an l, an i, an o or a w."""
DIGIT_GLYPH_MIN_ZIPF = 1.5
DIGIT_GLYPH_POLICY: WordPolicy = (DIGIT_GLYPH_MIN_ZIPF, SINGLE_CONFUSION_COST)
"""For a name-shaped token with an `INNER_DIGIT`: any word or name wordfreq has seen this
often, read through one confusion (which must read the digit: a variant keeping it is no
word). The digit is proof of an error, so a rare name ('Darlene', 'Florrie', 'Gillett')
earns what an unseen capitalized token's `UNSEEN_CAPITAL_MIN_ZIPF` denies it."""


DEEP_MAX_COST = 6.0
"""The dearest path a deep search follows: a candidate that far needs a Zipf of 6 or more
('the', 'and', 'for') to clear an unseen word by a margin, so dearer ones are never chosen."""


DEEP_MIN_LENGTH = 5
"""Shorter tokens are not searched deeply: four letters rewritten three ways could be many a
short word ('cffi' -> 'off')."""


SURNAME_WORD_MIN_ZIPF = 5.0
"""A common word that is also a person's name is a lowercase token's candidate only when it is
this frequent ('said', 'will', 'may'): a rarer one is a surname with a typo ('murram' is not
'murray', Zipf 4.3)."""


MISSPELLING_COST = 0.5
"""Channel cost of a slip in the common-misspellings table ('recieve' for 'receive'): people
make exactly these, so the table speaks for the channel."""


def lowercase_candidate(lexicon: Lexicon, term: str) -> bool:
    """Whether a common word may replace a lowercase token: not a person's name unless it is
    a very frequent word too (`SURNAME_WORD_MIN_ZIPF`)."""
    if term not in lexicon.common:
        return False
    entity = lexicon.names.get(term)
    return (entity is None or entity.type != "person"
            or lexicon.frequency(term) >= SURNAME_WORD_MIN_ZIPF)


def known_misspelling(lexicon: Lexicon, base: str) -> str | None:
    """The correction of a lowercase token in the common-misspellings table, when it is one
    common word ('teh' -> 'the'; not 'alot' -> 'a lot')."""
    if not base.islower():
        return None
    correction = lexicon.misspellings.get(lookup_key(base))
    return correction if correction in lexicon.common else None


class Speller:
    """Candidate generation and scoring over one lexicon; memoizes context-free work."""

    def __init__(self, lexicon: Lexicon, channel: str = "builtin",
                 confusions_file: Path | None = None, context_counts: Path | None = None
                 ) -> None:
        """`channel`: "builtin" (the hand-written confusions) or "learned" (the confusions
        learned from real OCR, over the hand-written ones); `confusions_file`: a table of
        extra confusions (channel.tsv format) over those; `context_counts`: a collection's
        n-gram counts, mixed into the context model."""
        self.lexicon = lexicon
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
        self._lookup = lru_cache(maxsize=16_384)(self._lookup_uncached)
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
        knows among them (and a few other strings): no caller has a use for the others."""
        return tuple(sorted(self.channel.variants(key, is_prefix=self.lexicon.beginnings).items()))

    def _all_variants_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(self.channel.variants(key).items()))

    def _deep_variants_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(self.channel.search(key, self.vocabulary, DEEP_MAX_COST).items()))

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """What a deep search may find: common words, gazetteer names, and the words
        wordfreq has seen often enough to replace a capitalized token in a headline (no
        other candidate of a deep search could be offered)."""
        lexicon = self.lexicon
        frequent = (word for word, zipf in lexicon.zipf.items() if zipf >= HEADLINE_MIN_ZIPF)
        return Vocabulary([*lexicon.common, *lexicon.names, *frequent])

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
        headline policy admits the most common words, so its candidates are a superset."""
        return bool(self.word_candidates(
            base, DIGIT_GLYPH_POLICY if INNER_DIGIT.search(base) else HEADLINE_POLICY))

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

    def typo_rivals(self, key: str) -> tuple[str, ...]:
        """The very frequent words a rare common word is a typist's cheapest slip of
        ('foe' -> for, 'sill' -> will; see `channel.cheap_slips`)."""
        return self._typo_rivals.get(key, ())

    @cached_property
    def name_partners(self) -> NamePartners:
        """For each word of a gazetteer name pair (`Lexicon.name_pairs`), the words that
        follow it and the words that precede it in some name (built once: about 10 ms)."""
        after: dict[str, set[str]] = defaultdict(set)
        before: dict[str, set[str]] = defaultdict(set)
        for pair in self.lexicon.name_pairs:
            first, _, second = pair.partition(" ")
            after[first].add(second)
            before[second].add(first)
        return dict(after), dict(before)

    @cached_property
    def _typo_rivals(self) -> dict[str, tuple[str, ...]]:
        lexicon = self.lexicon
        rivals: dict[str, list[str]] = {}
        for word in self._very_frequent:
            for slip in cheap_slips(word):
                if slip in lexicon.common and lexicon.frequency(slip) <= REAL_WORD_MAX_ZIPF:
                    rivals.setdefault(slip, []).append(word)
        return {slip: tuple(sorted(words)) for slip, words in rivals.items()}

    @cached_property
    def _very_frequent(self) -> tuple[str, ...]:
        """The common words a rare one may be a misreading or a slip of (Zipf at least
        `REAL_WORD_MIN_RIVAL_ZIPF`)."""
        return tuple(word for word in self.lexicon.common
                     if self.lexicon.frequency(word) >= REAL_WORD_MIN_RIVAL_ZIPF)

    @cached_property
    def _misreadings(self) -> frozenset[str]:
        """Every string one OCR confusion away from a very frequent word ('aud', 'tor')."""
        return frozenset().union(*(
            self.channel.misreadings(word, SINGLE_CONFUSION_COST) for word in self._very_frequent
        ))

    def _lookup_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        """symspell's nearest candidates (one edit, else two), most frequent first, with their
        Zipf. Two-edit OCR slips (rn -> m) come from the channel model's variants instead."""
        # Two edits in a word of five letters or fewer leave too little of it to go on.
        symspell = self.lexicon.symspell
        # One edit is asked first: a fraction of the lookup of two, and the same closest
        # words whenever it finds any (2.6 times faster over the speed bench's words).
        for distance in range(1, (1 if len(key) <= 5 else 2) + 1):
            items = symspell.lookup(key, Verbosity.CLOSEST, distance)
            if items and items[0].distance == 0:
                # The key is in symspell's own dictionary ('wto', 'amd', 'ater': the web's
                # typos), where the closest term is itself: its nearest others are the
                # closest of all.
                items = [item for item in symspell.lookup(key, Verbosity.ALL, distance)
                         if item.distance]
                items = [item for item in items if item.distance == items[0].distance]
            if items:
                break
        found = [(item.term, self.lexicon.frequency(item.term)) for item in items]
        return tuple(sorted(((t, z) for t, z in found if t != key), key=lambda x: (-x[1], x[0])))

    def nearest_words(self, key: str) -> tuple[tuple[str, float], ...]:
        """symspell's nearest words to a lowercase key (one edit, else two for keys of six
        letters or more), with their Zipf, most frequent first (memoized)."""
        return self._lookup(key)

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
    partners and, when it searches deeply, its vocabulary), so that no document waits for
    them: built before a service forks, they are shared by its workers.

    What is loaded then lives as long as the process: when this speller's tables were not
    loaded before, every object alive at the end is moved out of the garbage collector's
    generations (`gc.freeze`), the caller's too. The lexicon's 39,000 gazetteer entities and
    the name partners' 15,000 sets made every full collection walk 90,000 objects, about
    25 ms each, one or two of them in a first pass over the speed bench's news corpus
    (13,500 words, about 130 ms)."""
    speller = speller_for(lexicon, profile.channel, profile.confusions_file,
                          profile.context_counts)
    load_channel_table()
    loaded = ["language_model", "_misreadings", "_typo_rivals", "name_partners"] + (
        ["vocabulary"] * speller.searches_deep)
    fresh = any(name not in speller.__dict__ for name in loaded)  # cached_property's values
    for name in loaded:
        getattr(speller, name)
    if fresh:
        gc.freeze()
    return speller


def word_policy(lexicon: Lexicon, token: Token, text: str) -> WordPolicy:
    if INNER_DIGIT.search(token.base):
        return DIGIT_GLYPH_POLICY
    if in_headline(text, token.start):
        return HEADLINE_POLICY
    unseen = lexicon.frequency(token.base.lower()) == 0
    if starts_sentence(text, token.start):
        return (UNSEEN_CAPITAL_MIN_ZIPF if unseen else SENTENCE_START_MIN_ZIPF, MAX_GLYPH_COST)
    return (UNSEEN_CAPITAL_MIN_ZIPF, SINGLE_CONFUSION_COST) if unseen else None


def name_for(base: str, entity: Entity | None) -> Entity | None:
    """The gazetteer entry a token may be read as: none when it is an acronym (its canonical
    spelling in capitals) and the token is in Title Case. An acronym is printed in capitals,
    so 'Insf' is no misread 'MSF' and 'Novv' no 'NOW' (the word 'now' stays a candidate): on
    the synthetic news set, the synthetic set and OverProof dataset 2 every such reading was
    wrong (3 of 3)."""
    if (entity is not None and base[:1].isupper() and base[1:].islower()
            and len(entity.canonical) > 1 and entity.canonical.isupper()):
        return None
    return entity


def offer_variant(speller: Speller, found: dict[str, Candidate], base: str, variant: str,
                  cost: float, policy: WordPolicy, extra_names: Mapping[str, Entity]) -> None:
    """Offer a string the channel says `base` may stand for, when it is a gazetteer name (or,
    for lowercase tokens and where the word policy allows, a common word)."""
    lexicon = speller.lexicon
    entity = name_for(base, extra_names.get(variant) or lexicon.names.get(variant))
    if entity is None and variant not in lexicon.zipf and variant not in lexicon.common:
        return  # no word, no name (most variants): nothing below could offer it
    if is_name_shaped(base):
        if entity is not None:
            offer(found, base, variant, cost, speller.name_prior(variant, entity),
                  "gazetteer", entity)
        elif (
            policy is not None and cost <= policy[1]
            and lexicon.frequency(variant) >= policy[0]
        ):
            # A common word, or a name wordfreq knows well but the gazetteer lacks
            # ('Tbaddeus' -> 'Thaddeus').
            source = "lexicon" if variant in lexicon.common else "wordfreq"
            offer(found, base, variant, cost, lexicon.frequency(variant), source)
    elif (
        entity is not None and not base[0].isalpha() and entity.type != "other"
        and not entity.source.startswith("built")
    ):
        # '0bama', '8elarus': a leading digit hides the capital of a name.
        offer(found, base, variant, cost, speller.name_prior(variant, entity),
              "gazetteer", entity)
    elif variant in lexicon.common:
        # A leading 1 or bar read as an l says nothing of case ('a 1ake-like river' is no
        # town Lake), unless English always capitalizes the word; a leading 0 has a
        # capital's height ('0range' -> 'Orange').
        named = entity is not None and (
            base[0] not in I_GLYPHS or entity.source == ALWAYS_CAPITALIZED_SOURCE)
        offer(found, base, variant, cost, lexicon.frequency(variant), "lexicon",
              canonical=entity.canonical if named else None)


def needs_deep_search(speller: Speller, base: str, policy: WordPolicy,
                      found: Mapping[str, Candidate]) -> bool:
    """Whether a token earns a deep search (`ChannelModel.search`): the speller's channel is
    the learned one, the token has DEEP_MIN_LENGTH characters or more, wordfreq has seen it
    less often than TYPO_LOOKUP_MAX_ZIPF (the search spends a typo, and a word seen that often
    is no typo), no single confusion explains it, and, when it is name-shaped, its word policy
    lets a common word replace it and it is long enough for a typo (MIN_TYPO_NAME_LENGTH:
    'Redg' stays)."""
    if not speller.searches_deep:
        return False
    if is_name_shaped(base) and (policy is None or len(base) < MIN_TYPO_NAME_LENGTH):
        return False
    return (
        len(base) >= DEEP_MIN_LENGTH
        and speller.lexicon.frequency(lookup_key(base)) < TYPO_LOOKUP_MAX_ZIPF
        and not any(c.cost <= SINGLE_CONFUSION_COST for c in found.values())
    )


def context_free_candidates(speller: Speller, base: str, policy: WordPolicy,
                     extra_names: Mapping[str, Entity]) -> dict[str, Candidate]:
    """Context-free candidates: OCR variants that are gazetteer names (or, for lowercase
    tokens and where the word policy allows, common words), and symspell's lookups."""
    lexicon = speller.lexicon
    key = base.lower()
    name_shaped = is_name_shaped(base)
    unseen = lexicon.frequency(key) == 0
    found: dict[str, Candidate] = {}
    offer_case_slips(speller, found, base, extra_names)
    slips = case_slip_readings(base)
    if any(slip == "swap" for _, slip in slips):
        return found  # 'aLmbing' is 'Lambing' or a word of its own ('iPhone'), nothing else
    if any(slip == "glyph" and lookup_key(reading) in found for reading, slip in slips) or (
        leading_i_reading(lexicon, base) in found
    ):
        return found  # 'haIted' is 'halted', not 'hailed' with a second confusion
    correction = known_misspelling(lexicon, base)
    if correction is not None:
        offer(found, base, correction, MISSPELLING_COST, lexicon.frequency(correction),
              "misspellings")
    variants = speller.all_variants(key) if extra_names else speller.variants(key)
    for variant, cost in variants:
        if cost <= MAX_GLYPH_COST:
            offer_variant(speller, found, base, variant, cost, policy, extra_names)
    if needs_deep_search(speller, base, policy, found):
        for variant, cost in speller.deep_variants(key):
            entity = lexicon.names.get(variant)
            if variant in found:
                continue
            if not name_shaped:
                if entity is None or entity.type != "person":  # not 'murram' -> 'murray'
                    offer_variant(speller, found, base, variant, cost, policy, extra_names)
            elif (
                policy is not None and cost <= policy[1] and variant in lexicon.common
                and lexicon.frequency(variant) >= max(policy[0], UNSEEN_CAPITAL_TYPO_MIN_ZIPF)
            ):
                # Only a very common word: a name many operations from another name or a
                # rarer word is a name of its own ('Dunningham', 'Bartier').
                offer(found, base, variant, cost, lexicon.frequency(variant), "lexicon")
    if not name_shaped and lexicon.frequency(key) < TYPO_LOOKUP_MAX_ZIPF:
        best = max((c.score for c in found.values()), default=-99.0)
        for term, zipf in speller._lookup(key):
            if zipf + ZIPF_TO_LOG10 - ERROR_PRIOR - MIN_COST < best - NEGLIGIBLE:
                break  # sorted by frequency: no later term can matter to the posterior
            if not lowercase_candidate(lexicon, term):
                continue  # a lowercase word is not a surname with a typo ('murram', 'murray')
            offer(found, base, term, speller.cost(key, term), zipf, "lexicon")
            best = max(best, found[term].score) if term in found else best
    if name_shaped and unseen and key.isalpha() and len(key) >= MIN_TYPO_NAME_LENGTH:
        words = []
        for term, zipf in speller._lookup(key):
            if term[0] != key[0]:
                continue  # not a slip in the capital that starts the name
            entity = name_for(base, extra_names.get(term) or lexicon.names.get(term))
            is_name = entity is not None and entity.type != "other"
            if not is_name and (term not in lexicon.common or zipf < TYPO_RIVAL_MIN_ZIPF):
                continue  # neither a name nor a common word: priced only when it may matter
            cost = speller.cost(key, term)
            if cost > TYPO_COST:
                continue  # one slip at most
            if is_name:
                offer(found, base, term, cost, speller.name_prior(term, entity), "gazetteer",
                       entity)
            else:
                words.append((term, zipf, cost))
        # Two common words one slip away ('Ministyr': minister, ministry) are for the
        # sentence to choose between (`capitals`), not for the more frequent one to take.
        if len(words) == 1 and words[0][1] >= UNSEEN_CAPITAL_TYPO_MIN_ZIPF:
            term, zipf, cost = words[0]
            offer(found, base, term, cost, zipf, "lexicon")
    return found


def scored_candidates(
    speller: Speller,
    token: Token,
    text: str,
    doc: Document | None,
    extra_names: Mapping[str, Entity],
) -> list[Candidate]:
    """Every scored hypothesis for `token` in `text`, best first."""
    lexicon = speller.lexicon
    base = token.base
    key = base.lower()
    name_shaped = is_name_shaped(base)
    # A capitalized spelling the document repeats is a name it uses ('Toose' four times is
    # not 'Loose'): only names, not common words, may replace it.
    repeated = doc is not None and doc.count(base) >= 2
    policy = word_policy(lexicon, token, text) if name_shaped and not repeated else None
    if extra_names:
        found = context_free_candidates(speller, base, policy, extra_names)
    else:
        found = dict(speller.word_candidates(base, policy))
    if (not base[0].isalpha() or leading_i_reading(lexicon, base)) and (
        starts_sentence(text, token.start) or in_headline(text, token.start)
    ):
        found = {k: replace(c, word=c.word[:1].upper() + c.word[1:]) for k, c in found.items()}
    if name_shaped and doc is not None:
        for name, count in doc.rivals(base):
            cost = speller.cost(base, name)
            if cost <= MAX_DOCUMENT_COST:
                entity = extra_names.get(name.lower()) or lexicon.names.get(name.lower())
                prior = speller.name_prior(name.lower(), entity) + math.log10(count)
                offer(found, base, name.lower(), cost, max(prior, GAZETTEER_MIN_ZIPF),
                       "document", entity, canonical=name)
    if not found:
        return []
    # Context can lift a hypothesis by MAX_CONTEXT_LIFT at most: drop those it cannot save.
    floor = max(c.score for c in found.values()) - NEGLIGIBLE - MAX_CONTEXT_LIFT
    seen = lexicon.frequency(key) > 0
    # Accents and British or American spellings are the writer's choice, never an error to
    # fix ('Erdoğan' beside 'Erdogan', 'colour'); case is, when no word is written so ('THis').
    found = {
        k: c for k, c in found.items()
        if c.score >= floor and (
            (c.source == "case" and k == key) or not writers_choice(key, k, seen))
    }
    if found:
        prev, nxt = context_words(text, token)
        for cand_key, cand in list(found.items()):
            bonus = context_score(lexicon, prev, cand_key, nxt)
            if bonus:
                found[cand_key] = replace(cand, score=cand.score + bonus)
    return sorted(found.values(), key=lambda c: (-c.score, c.key))
