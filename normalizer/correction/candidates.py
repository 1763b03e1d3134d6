"""Candidate generation and scoring: what a suspect token may stand for.

Generators: the OCR channel run backwards (`channel.ChannelModel.variants`), symspellpy's
nearest words, the document's own more frequent spellings of a name, and letter-case slips
(`case_slips`). Each hypothesis is scored as `hypothesis` says, plus what the context says.
Capitalized tokens are names: a `WordPolicy` says which common words may replace one where.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import Entity, Lexicon, name_words_file
from ..tokens import Token, in_headline, starts_sentence
from ..tsv import read_rows
from . import careless_names
from .case_slips import initial_l_reading, leading_i_reading, offer_case_slips
from .context import MAX_CONTEXT_LIFT, context_score, context_words
from .document import Document
from .hypothesis import ERROR_PRIOR, ZIPF_TO_LOG10, Candidate, name_for, offer
from .keyboard import TYPO_COST, key_beside, struck_beside, transposed
from .word_policy import (
    DIGIT_GLYPH_POLICY,
    INNER_DIGIT,
    MAX_GLYPH_COST,
    SINGLE_CONFUSION_COST,
    WordPolicy,
    word_policy,
)
from .words import (
    ALWAYS_CAPITALIZED_SOURCE,
    I_GLYPHS,
    MIN_TYPO_NAME_LENGTH,
    elides,
    is_name_shaped,
    lookup_key,
    writers_choice,
)

if TYPE_CHECKING:
    from .speller import Speller



GAZETTEER_MIN_ZIPF = 3.0
"""A curated or user gazetteer name counts at least this common, whatever its Zipf frequency
(names from the built place lists, 35,000 small towns among them, count as they are seen)."""






TYPO_LOOKUP_MAX_ZIPF = 1.5
"""symspell is asked for typo candidates only for lowercase tokens rarer than this: a word
wordfreq has seen more often is a real word far more often than a typo worth the lookup."""

LEARNED_TYPO_LOOKUP_MAX_ZIPF = 3.0
"""The same bound with the learned channel (the `archive` profile), which reads old print:
there the spellings the web writes now and then ('tbe', 'aro', 'tlie') are misreadings far
more often. On OverProof dataset 2 it fixed 31 more error units (CER reduction 18.07 ->
18.20%) for 1 more false positive, on the synthetic set 47 more typos and on the synthetic
news set 6 ('siad', 'ahs'); 2.5 gave 18.18%, 4.0 18.29% for 2 more false positives. The
default profile is as well off at 1.5 (dataset 2 at 3.0: 9.52 -> 9.46%). The deep search
keeps `TYPO_LOOKUP_MAX_ZIPF`: raised too, it added 0.01 points for a quarter more time on
the speed bench's clean corpus."""


def typo_lookup_max_zipf(speller: Speller) -> float:
    """The Zipf frequency under which a lowercase token is looked up for typos."""
    return LEARNED_TYPO_LOOKUP_MAX_ZIPF if speller.searches_deep else TYPO_LOOKUP_MAX_ZIPF


MAX_DOCUMENT_COST = TYPO_COST


CAPITAL_WORD_PENALTY = 0.5
"""log10 units a common word loses as the reading of a capitalized token mid-sentence that a
gazetteer name reads too: a capital there is a name's far more often than a word's ('fled to
Spaiu': Spain, 'n' read as 'u', not Spam, 'm' as 'iu'). News seeds 3, 17, 55, 5, 11 and 23
fixed 1 more typo, the synthetic set 2, OverProof dataset 2 1 more error unit (the archive
profile 1 more, 1 wrong fix fewer); no clean token of any set changed, and of 39,601 census
names wordfreq never saw, in a plain sentence, one fewer changed ('Colvert'). At 1.0 the
same."""


def _names_before_words(found: dict[str, Candidate]) -> dict[str, Candidate]:
    """`found` with its common words `CAPITAL_WORD_PENALTY` less likely where a gazetteer
    name (no word always capitalized, 'Monday', 'Korean') is among them."""
    if not any(c.entity is not None and c.entity.type != "other" for c in found.values()):
        return found
    return {key: replace(c, score=c.score - CAPITAL_WORD_PENALTY)
            if c.entity is None and c.source == "lexicon" else c for key, c in found.items()}


UNSEEN_CAPITAL_TYPO_MIN_ZIPF = 5.0
"""A typo (not an OCR confusion) in a capitalized token no corpus saw may be corrected to a
common word only this frequent: 'Wsetern' -> 'Western', never 'Biegun' -> 'begun' (3.9) or
'Burbau' -> 'Bureau' (4.6) when the name 'Burhan' is two OCR confusions away."""


TYPO_RIVAL_MIN_ZIPF = 3.0
"""A common word this frequent one slip from a capitalized token no corpus saw is a rival of
any other: with two, the token's reading is left to its sentence (`capitals`). On the
synthetic news set that read 'The Gaza Health Ministyr' as 'Ministry', not 'Minister'."""






SLIP_BONUS = 1.0
"""log10 odds a word or gazetteer name gains as the reading of a token no corpus has seen one
slip from it that seldom spells one real word or name as another: two neighbouring letters
swapped ('Bahsar' for Bashar, 'fiveflod' for fivefold), or, in a token of
`SLIP_KEY_MIN_LENGTH` letters or more, a key beside the right one ('Bjndesbank'). Real names
differ from each other by a vowel, a letter, a letter doubled or added ('Hutchenson',
'Huckabey', 'Trester'). Measured on 4,000 rare US census names in a sentence (wordfreq never
saw them) against the typos of the synthetic news set at seven corruption seeds whose
gazetteer reading scored a confidence between 0.3 and 0.8: swaps 2 census names against 14
typos, neighbouring keys from 8 letters 3 against 8 (at 6 letters 15 against 6), vowels 31
against 0, other letters 43 against 0. For lowercase tokens (`SLIP_WORD_MIN_LENGTH`) it fixed 5
more typos at news seeds 3, 17 and 55, 5 on the synthetic set and 2 error tokens on OverProof
dataset 2, and changed no clean word. So is, in a token of `SLIP_WORD_MIN_LENGTH` letters or
more, a consonant struck with the key beside it inside the word (`keyboard.struck_beside`:
'Schifgf', 'Lübecfk', 'inbternist'): 4 more typos fixed at news seeds 3, 17 and 55 and 4 on
the synthetic set (one read wrong), no more of the 4,000 census names changed, and OverProof
dataset 2 lost one error unit ('Androws' now ties 'Andros' with 'Andrews'). A vowel so added
changed 'boulevardes' and 'Readford' in clean text, an onset's r, l or h 'Ghianni' (and
'Trester'), and from 6 letters two census names more changed ('Conedy', 'Dagnon'). The bonus
is part of the candidate's prior, not its frequency: reasons quote the word's own Zipf."""
SLIP_KEY_MIN_LENGTH = 8
SLIP_WORD_MIN_LENGTH = 7
"""A lowercase token earns `SLIP_BONUS` from this length: a shorter one has too many
neighbours ('ucres' is 'acres', not 'cures'; 'dobut' is 'debut' in old print, where the OCR
swaps no letters)."""


def slip_bonus(key: str, word: str, beside_right_key: bool = True) -> float:
    """`SLIP_BONUS` when `key` is one distinctive slip from the word or name `word` (both
    lowercase): two letters swapped, a consonant struck beside its neighbour's key or (with
    `beside_right_key`) a key beside the right one, in a token long enough for each; else 0."""
    if transposed(key, word) or (
            len(key) >= SLIP_WORD_MIN_LENGTH and struck_beside(key, word)) or (
            beside_right_key and len(key) >= SLIP_KEY_MIN_LENGTH and key_beside(key, word)):
        return SLIP_BONUS
    return 0.0


MIN_COST = 1.2
"""The cheapest channel cost of any change (the cheapest confusion)."""


NEGLIGIBLE = 3.0
"""A hypothesis this many log10 units below the best one cannot move a posterior."""




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


def lowercase_word(lexicon: Lexicon, term: str) -> bool:
    """Whether a common word may replace a lowercase token that is a typo, not a name: a
    `lowercase_candidate`, or a rarer person's name that is a word first (`name_words`:
    'took ilver and bronze' is 'silver'; no first name: 'tom' is a person). On the synthetic
    news set at corruption seeds 3, 17 and 55: 2 more typos fixed and 2 wrong fixes fewer, 2
    more on the synthetic set; OverProof dataset 2: 4 more error units ('wlnnor' -> winner,
    'gioss negligence' -> gross); no clean word of either set's clean twin changed. The
    archive profile: one more fix on each, and one clean word changed, 'dollars per bhar' ->
    bar."""
    return lowercase_candidate(lexicon, term) or (
        term in lexicon.common and term in name_words())


@cache
def name_words() -> frozenset[str]:
    """Common words that are also a person's name but words first ('silver', 'roof',
    'justice'; not 'murray'): dictionaries/built/name_words.tsv, see
    dictionaries/build_name_words.py."""
    return frozenset(word for (word,) in read_rows(name_words_file(), ("word",)))


def _inner_capital(base: str) -> bool:
    """Whether `base` is written mostly in lowercase with a capital right after another
    letter: a name written so ('CPython', 'McDonald') is its own spelling, no slip of a name
    the document repeats ('Python'); capitals in a word of capitals ('KURrI') and after an
    apostrophe ("O'Donnell") are no such sign."""
    lower = sum(c.islower() for c in base)
    return lower * 2 > len(base) and any(
        c.isupper() and base[i - 1].isalpha() for i, c in enumerate(base) if i)


def known_misspelling(lexicon: Lexicon, base: str) -> str | None:
    """The correction of a lowercase token in the common-misspellings table, when it is one
    common word ('teh' -> 'the'; not 'alot' -> 'a lot')."""
    if not base.islower():
        return None
    correction = lexicon.misspellings.get(lookup_key(base))
    return correction if correction in lexicon.common else None


def known_name_misspelling(lexicon: Lexicon, base: str) -> str | None:
    """The capitalized word a lowercase or Title Case token is a common misspelling of, in
    its case ('britian', 'Carribean' -> Caribbean, 'febuary' -> February: the table's
    `name_misspellings.tsv` rows), when no gazetteer name and no other language's word is
    written so ('Goole', a town; German 'Juli')."""
    if not (base.islower() or base.istitle()):
        return None
    key = lookup_key(base)
    correction = lexicon.misspellings.get(key)
    if (correction is None or not correction[:1].isupper() or key in lexicon.names
            or key in lexicon.foreign_words):
        return None
    return correction


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
        elif policy is not None and policy.admits(lexicon, base, variant, cost):
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
        # town Lake), unless English always capitalizes the word or the l stands where only
        # a capital I can ('lran': `initial_l_reading`); a leading 0 has a capital's height
        # ('0range' -> 'Orange').
        named = entity is not None and (
            base[0] not in I_GLYPHS or entity.source == ALWAYS_CAPITALIZED_SOURCE
            or initial_l_reading(lexicon, base) == variant)
        offer(found, base, variant, cost, lexicon.frequency(variant), "lexicon",
              canonical=entity.canonical if named else None)
    elif (not base.isalpha() and INNER_DIGIT.search(base)
          and DIGIT_GLYPH_POLICY.admits(lexicon, base, variant, cost)):
        # A digit between two letters proves an OCR error ('de1isted'): a word wordfreq has
        # seen, if no word list's, may be read through it.
        offer(found, base, variant, cost, lexicon.frequency(variant), "wordfreq")


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
                            extra_names: Mapping[str, Entity], names_within_one: bool = False
                            ) -> dict[str, Candidate]:
    """Context-free candidates: OCR variants that are gazetteer names (or, for lowercase
    tokens and where the word policy allows, common words), and symspell's lookups.
    `names_within_one`: a name-shaped token's nearest words are looked up within one edit
    only (enough to tell whether it has any candidate: `Speller.has_candidates`)."""
    lexicon = speller.lexicon
    key = base.lower()
    name_shaped = is_name_shaped(base)
    unseen = lexicon.frequency(key) == 0
    found: dict[str, Candidate] = {}
    if offer_case_slips(speller, found, base, extra_names):
        return found  # its case says what it is ('aLmbing', 'haIted', 'Iow')
    correction = known_misspelling(lexicon, base)
    if correction is not None:
        offer(found, base, correction, MISSPELLING_COST, lexicon.frequency(correction),
              "misspellings")
    named = known_name_misspelling(lexicon, base)
    if named is not None:
        # The table writes the word capitalized, so its slip is read so in any case.
        key_of = named.lower()
        offer(found, base, key_of, MISSPELLING_COST, lexicon.frequency(key_of), "misspellings")
        found[key_of] = replace(found[key_of], word=named)
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
                policy is not None and cost <= policy.max_cost and variant in lexicon.common
                and lexicon.frequency(variant) >= max(policy.min_zipf, UNSEEN_CAPITAL_TYPO_MIN_ZIPF)
            ):
                # Only a very common word: a name many operations from another name or a
                # rarer word is a name of its own ('Dunningham', 'Bartier').
                offer(found, base, variant, cost, lexicon.frequency(variant), "lexicon")
    if not name_shaped and lexicon.frequency(key) < typo_lookup_max_zipf(speller):
        best = max((c.score for c in found.values()), default=-99.0)
        # A short word has too many neighbours for a slip to tell them apart ('ucres': acres,
        # or cures with two letters swapped).
        long_unseen = unseen and len(key) >= SLIP_WORD_MIN_LENGTH
        room = SLIP_BONUS if long_unseen else 0.0
        for term, zipf in speller.nearest_words(key):
            if zipf + room + ZIPF_TO_LOG10 - ERROR_PRIOR - MIN_COST < best - NEGLIGIBLE:
                break  # sorted by frequency: no later term can matter to the posterior
            if not lowercase_word(lexicon, term):
                continue  # a lowercase word is not a surname with a typo ('murram', 'murray')
            prior = zipf + (slip_bonus(key, term) if long_unseen else 0.0)
            offer(found, base, term, speller.cost(key, term), prior, "lexicon")
            best = max(best, found[term].score) if term in found else best
    if name_shaped and unseen and key.isalpha() and len(key) >= MIN_TYPO_NAME_LENGTH:
        words = []
        nearest = (speller.nearest_words_within_one if names_within_one
                   else speller.nearest_words)
        for term, zipf in nearest(key):
            if term[0] != key[0] and term[1:] != key[1:]:
                continue  # a slip changes the capital, or what follows it, not both
            entity = name_for(base, extra_names.get(term) or lexicon.names.get(term))
            is_name = entity is not None and entity.type != "other"
            if not is_name and (term not in lexicon.common or zipf < TYPO_RIVAL_MIN_ZIPF):
                continue  # neither a name nor a common word: priced only when it may matter
            cost = speller.cost(key, term, TYPO_COST)
            if cost > TYPO_COST:
                continue  # one slip at most
            if is_name:
                prior = speller.name_prior(term, entity) + slip_bonus(key, term)
                offer(found, base, term, cost, prior, "gazetteer", entity)
            else:
                words.append((term, zipf, cost))
        # Two common words one slip away ('Ministyr': minister, ministry) are for the
        # sentence to choose between (`capitals`), not for the more frequent one to take;
        # without a word policy (a spelling its document repeats) none is: NVIDIA's
        # 'Nsight', twice in CMake's release notes, is a name of its own, not 'Night'.
        if policy is not None and len(words) == 1 and words[0][1] >= UNSEEN_CAPITAL_TYPO_MIN_ZIPF:
            term, zipf, cost = words[0]
            offer(found, base, term, cost, zipf, "lexicon")
    return found


def scored_candidates(
    speller: Speller,
    token: Token,
    text: str,
    doc: Document | None,
    extra_names: Mapping[str, Entity],
    careless: bool = False,
) -> list[Candidate]:
    """Every scored hypothesis for `token` in `text`, best first; `careless`: the window is
    typed carelessly, which earns a name-shaped token the readings of `careless_names`."""
    lexicon = speller.lexicon
    base = token.base
    key = base.lower()
    name_shaped = is_name_shaped(base)
    seen = lexicon.frequency(key) > 0
    # A capitalized spelling the document repeats is a name it uses ('Toose' four times is
    # not 'Loose'): only names, not common words, may replace it.
    repeated = doc is not None and doc.count(base) >= 2
    policy = word_policy(lexicon, token, text) if name_shaped and not repeated else None
    if extra_names:
        found = context_free_candidates(speller, base, policy, extra_names)
    else:
        found = dict(speller.word_candidates(base, policy))
    if careless and name_shaped:
        careless_names.offer_readings(speller, found, base, extra_names)  # 'Krry' -> Kerry
    if (not base[0].isalpha() or leading_i_reading(lexicon, base)) and (
        starts_sentence(text, token.start) or in_headline(text, token.start)
    ):
        found = {k: replace(c, word=c.word[:1].upper() + c.word[1:]) for k, c in found.items()}
    if name_shaped and doc is not None and not _inner_capital(base):
        for name, count in doc.rivals(base):
            cost = speller.cost(base, name)
            if cost <= MAX_DOCUMENT_COST:
                entity = extra_names.get(name.lower()) or lexicon.names.get(name.lower())
                prior = max(speller.name_prior(name.lower(), entity) + math.log10(count),
                            GAZETTEER_MIN_ZIPF)
                # A distinctive slip of the document's name ('Morpewth') is one as much as
                # a slip of a gazetteer name, but for a key beside the right one: OCR
                # repeats its misreadings, and some are such keys ('WOMBEJAN' twice, then
                # 'WOMBEYAN'). The synthetic set 9 more typos fixed, news seeds 3, 17
                # and 55 one, and OverProof dataset 2 no clean token more changed.
                prior += 0.0 if seen else slip_bonus(key, name.lower(), beside_right_key=False)
                # A heading's capitals are its case, not the name's ('WHEELER V WHEELER'
                # above 'Horace Whoeler').
                heading = name.isupper() and not base.isupper()
                offer(found, base, name.lower(), cost, prior, "document", entity,
                      canonical=None if heading else name)
    if not found:
        return []
    if name_shaped and not (starts_sentence(text, token.start) or in_headline(text, token.start)):
        found = _names_before_words(found)
    # Context can lift a hypothesis by MAX_CONTEXT_LIFT at most: drop those it cannot save.
    floor = max(c.score for c in found.values()) - NEGLIGIBLE - MAX_CONTEXT_LIFT
    # A token that elides a reading's letters at its apostrophe is that word as its writer
    # chose to spell it ("wou'd", "ne'er"): no other reading of it is meant either.
    if ("'" in key or "’" in key) and any(elides(key, k, lexicon.frequency(k)) for k in found):
        return []
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
