"""The decision: which suspect tokens change, to what, with what confidence.

For each suspect token the identity hypothesis ("the token is right": log10 P of the token,
stickier when a resource knows it) competes with the scored candidates; the confidence of the
best candidate is its posterior. A common word yields only when both neighbours vote for the
rival. `passes` asks it of every suspect token of a window, in rounds that count the confident
fixes of the round before as the document's evidence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..tokens import (
    Token,
    capitalized_neighbours,
    in_headline,
    starts_sentence,
)
from . import sentence
from .candidates import (
    GAZETTEER_MIN_ZIPF,
    known_misspelling,
    known_name_misspelling,
    scored_candidates,
)
from .case_slips import initial_l_reading, leading_i_reading
from .context import CONTEXT_WEIGHT, context_score, context_words
from .document import Document
from .fixed_readings import after_first_name
from .hypothesis import ZIPF_TO_LOG10, Candidate, unexplained
from .keyboard import CHEAP_SLIP_COST, TYPO_COST
from .letter_shape import careless_shape_discount
from .name_case import capitalized_only, neighbour_case
from .reasons import kind_and_rule, reason
from .speller import Speller
from .surnames import may_be_surname, stands_as_surname
from .words import (
    capital_from_glyph,
    case_slip_readings,
    is_name_shaped,
    long_unseen_penalty,
    lookup_key,
    misread_lowercase,
)

if TYPE_CHECKING:
    pass

UNSEEN_NAME = -10.0
"""log10 P of a capitalized token no resource knows: rare names are real and many."""


UNSEEN_WORD = -10.5
"""log10 P of a lowercase token that 300,000 words of wordfreq never saw."""


LONG_UNSEEN_FROM = 10
"""The letters past which an unseen lowercase token loses `words.LONG_UNSEEN_STEP` a letter
(`words.long_unseen_penalty`). On the synthetic news set 1 typo more fixed, 2 on the
synthetic set, 4 error units on OverProof dataset 2, and no clean token changed; from 9
letters at 0.5 a unit, 'boulevardes' (a clean token of the synthetic set) became
'boulevards'."""


DIGIT_IN_WORD_PENALTY = 1.0
"""log10 units an unseen token with a digit among its letters (one `tokens` keeps as an OCR
word shape, not a number, unit or code: 'Ade1eke', not 'B52') loses as written: a name is
no more written with a digit than a word is ('sha1', 'ipv6', 'Win10' stay: no reading lies
near them). On news seeds 3, 17, 55, 5, 11 and 23
one more typo fixed ('Okonkwo-Ade1eke' -> Adeleke, a name wordfreq knows), 2 on the
synthetic set; on OverProof dataset 2 two more error units read wrong; no clean token of
any set or of the Markdown audit changed. At 2.0 the same."""


KNOWN_BONUS = 1.5
"""Extra log10 weight for a token that wordfreq has seen: real words and names are sticky."""


PROTECTED_NAME_ZIPF = 2.0
"""A capitalized token this common in wordfreq is a real name unless the document says so."""


COMMON_LOWER_ZIPF = 3.0
"""At a sentence start or in a headline, a capitalized token this common in wordfreq is a real
word (so 'Teh', at 3.04, is left alone)."""


SUGGEST_FLOOR = 0.5
"""Below this confidence a candidate is not even reported."""


REAL_WORD_MIN_MARGIN = 0.5
"""log10 units by which the trigram model must prefer a real word's rival, after its channel
cost and the real word's stickiness, for the single-word decision to replace it: strong
evidence, not a near tie ('that you clone this repo' reads 'done' only 0.08 units likelier,
because 'done' is a hundred times more frequent)."""


MISSPELLING_PENALTY = 1.0
"""log10 odds against a token of the common-misspellings table being meant as written."""


def identity_score(lexicon: Lexicon, base: str, names: Mapping[str, Entity]) -> float:
    key = base.lower()
    zipf = lexicon.frequency(key)
    if key in names and not misread_lowercase(base):
        zipf = max(zipf, GAZETTEER_MIN_ZIPF)
    elif (case_slip_readings(base) or leading_i_reading(lexicon, base)
          or initial_l_reading(lexicon, base)):
        # Wordfreq and the gazetteer fold case: how often 'tream' occurs says nothing about
        # 'TReam', nor is 'alI' (OCR's 'all') written like the name Ali; 'lran' is OCR's Iran.
        return UNSEEN_NAME
    if key in lexicon.common:
        # A common word is a suspect only beside a far more frequent rival, and is replaced
        # only where the context votes against it (see decide): no stickiness bonus.
        return zipf + ZIPF_TO_LOG10
    if known_misspelling(lexicon, base) is not None or known_name_misspelling(lexicon, base):
        # Seen often, but as a slip: the frequency is the slip's, not a word's.
        return zipf + ZIPF_TO_LOG10 - MISSPELLING_PENALTY
    if zipf > 0:
        return zipf + ZIPF_TO_LOG10 + KNOWN_BONUS
    # A digit among a word's letters is OCR's ('Ade1eke'): no word or name is written so.
    digit = DIGIT_IN_WORD_PENALTY if any(c.isdigit() for c in base) else 0.0
    if is_name_shaped(base):
        return UNSEEN_NAME - digit
    return UNSEEN_WORD - long_unseen_penalty(key, LONG_UNSEEN_FROM) - digit


def posterior(identity: float, candidates: list[Candidate]) -> list[float]:
    top = max([identity] + [c.score for c in candidates])
    weights = [10 ** (c.score - top) for c in candidates]
    total = 10 ** (identity - top) + sum(weights)
    return [w / total for w in weights]


def could_be_wrong(speller: Speller, base: str, names: Mapping[str, Entity],
                    word_position: bool | None) -> bool:
    """Whether `base` can be an error, before document evidence. `word_position`: the token
    opens a sentence or stands in a headline, where a capital proves nothing (None: any
    position, which gives a superset)."""
    lexicon = speller.lexicon
    key = lookup_key(base)
    if case_slip_readings(base) and (key not in names or misread_lowercase(base)):
        return True  # 'TReam', 'HaIl', 'alI': no word is written so
    if leading_i_reading(lexicon, base):
        return True  # 'Iow' for 'low
    if key in lexicon.common:
        return base.islower() and speller.real_word_risk(key)
    if not is_name_shaped(base) or known_name_misspelling(lexicon, base):
        return True  # 'Carribean' is seen often, as a slip
    if key in names:
        return False
    word_like = word_position is not False and base[1:].islower()
    if word_like and speller.real_word_risk(key):
        return True  # 'Thc' opening a sentence
    protected = COMMON_LOWER_ZIPF if word_like else PROTECTED_NAME_ZIPF
    return lexicon.frequency(key) < protected


def is_suspect(speller: Speller, token: Token, text: str, names: Mapping[str, Entity],
                doc: Document) -> bool:
    base = token.base
    key = lookup_key(base)
    word_position = starts_sentence(text, token.start) or in_headline(text, token.start)
    if could_be_wrong(speller, base, names, word_position):
        return True
    # A spelling the document repeats is a name it uses, unless a rival is far more frequent.
    return (
        is_name_shaped(base) and key not in speller.lexicon.common and key not in names
        and bool(doc.rivals(base))
    )


@dataclass(frozen=True, slots=True)
class Weighing:
    """Every hypothesis for one token, scored in context: the candidates (best first), the
    word itself (`identity`, its own context included), and their posterior shares."""

    candidates: list[Candidate]
    identity: float
    posterior: list[float]
    own_context: float
    rival_context: float  # what the neighbours say for the best candidate
    real_word_margin: float  # for a common word: the context model's case for the rival
    # The capitalized words right before and after the token (`tokens.capitalized_neighbours`).
    neighbours: tuple[str | None, str | None] = (None, None)

    @property
    def beside_capital(self) -> bool:
        return self.neighbours != (None, None)


def weigh(speller: Speller, token: Token, text: str, doc: Document,
           names: Mapping[str, Entity], extra: Mapping[str, Entity],
           careless: bool = False) -> Weighing:
    """Every hypothesis for `token` scored in context; `careless`: the window is typed
    carelessly (see `letter_shape.careless_shape_discount`)."""
    lexicon = speller.lexicon
    candidates = scored_candidates(speller, token, text, doc, extra, careless)
    # The text is looked at only for the rare token such a reading was offered for.
    if candidates and is_name_shaped(token.base):
        # A digit or a case no name is written with ('Chif1ey', 'ASbu', 'POérez') is
        # damage, not a rare surname.
        if any(not may_be_surname(lexicon, extra, c.key) for c in candidates) and (
                token.base.isalpha() and not case_slip_readings(token.base)
                and stands_as_surname(lexicon, text, token.start)):
            candidates = [c for c in candidates if may_be_surname(lexicon, extra, c.key)]
        elif any(_listed_slip_of_no_person(lexicon, c) for c in candidates) and (
                after_first_name(lexicon, text, token.start, unlisted=True)):
            candidates = [c for c in candidates if not _listed_slip_of_no_person(lexicon, c)]
    prev, nxt = context_words(text, token)
    own_context = context_score(lexicon, prev, lookup_key(token.base), nxt)
    identity = identity_score(lexicon, token.base, names)
    unseen_word = identity < UNSEEN_NAME and not is_name_shaped(token.base)  # `UNSEEN_WORD`
    if identity == UNSEEN_NAME or unseen_word:
        identity -= careless_shape_discount(token.base, careless)  # 'Lübcck', 'defclator'
    if candidates and is_name_shaped(token.base):
        identity = _explained_by_document(lexicon, token.base, names, candidates, identity)
    identity += own_context
    rival_context = context_score(lexicon, prev, candidates[0].key, nxt) if candidates else 0.0
    margin = 0.0
    if candidates and is_real_word(speller, token.base) and rival_context:
        margin = sentence.real_word_margin(speller, text, token, candidates[0].key,
                                           candidates[0].cost)
    return Weighing(candidates, identity, posterior(identity, candidates), own_context,
                    rival_context, margin, capitalized_neighbours(text, token.start, token.end))


def _listed_slip_of_no_person(lexicon: Lexicon, candidate: Candidate) -> bool:
    """Whether `candidate` reads a token as the capitalized word of no person's name that
    the misspellings table lists it a slip of: where a person's name may stand, after a
    capitalized word no list holds, the token is a surname ('Hiroshi Asai', not Asia; after
    a title or a known given name `surnames` decides)."""
    if candidate.source != "misspellings" or not candidate.word[:1].isupper():
        return False
    entity = lexicon.names.get(candidate.key)
    return entity is None or entity.type != "person"


def _explained_by_document(lexicon: Lexicon, base: str, names: Mapping[str, Entity],
                           candidates: list[Candidate], identity: float) -> float:
    """The identity score (at most `identity`, from `identity_score`) of a name-shaped token
    that wordfreq has seen less often than `PROTECTED_NAME_ZIPF`, no common word or gazetteer
    name, counting only what the slips of the names its document repeats (`_explains`) leave
    unexplained of that count (`hypothesis.unexplained`): the web misspells a name as this
    document does. 'Kirn' (Zipf 1.82) beside 'Kim Jong-un' is what 'Kim' (4.6, OCR's rn for
    m) makes of it, 'Justic' (1.31) what 'Justice' makes (see `typed_text.unexplained_zipf`
    for typed words). A dearer slip of another first letter explains too much ('Oet. 26',
    OCR's 'Oct', is no 'Met' in an article on the opera); a spelling seen more often is a
    word or a name of its own."""
    key = lookup_key(base)
    zipf = lexicon.frequency(key)
    if not zipf or zipf >= PROTECTED_NAME_ZIPF or key in lexicon.common or key in names:
        return identity
    left = unexplained(zipf, ((lexicon.frequency(c.key), c.cost) for c in candidates
                              if c.source == "document" and _explains(key, c)))
    return min(identity, UNSEEN_NAME if left == -math.inf else left + ZIPF_TO_LOG10 + KNOWN_BONUS)


def _explains(key: str, candidate: Candidate) -> bool:
    """Whether a document name's slip explains the web's count of `key`: a cheap slip
    (`keyboard.CHEAP_SLIP_COST`), or a typo that keeps the first letter, which typists seldom
    miss ('Mr. Trumpo' beside 'Trump' 15 times; one typo more fixed at news seeds 3, 17 and
    55, one on the synthetic set, nothing else changed)."""
    return candidate.cost <= CHEAP_SLIP_COST or (
        candidate.cost <= TYPO_COST and candidate.key[0] == key[0])


def is_real_word(speller: Speller, base: str) -> bool:
    """A common word as written: one whose case no word has ('HaIl') is not."""
    return lookup_key(base) in speller.lexicon.common and not case_slip_readings(base)


def own_word_typo(doc: Document, surface: str, reading: str, kind: str, source: str) -> bool:
    """A typo reading (a plain slip toward a common word, neither an OCR confusion nor a
    listed common misspelling) of a lowercase spelling the document uses as a word of its
    own (repeated, while `reading` never occurs), or a slip toward a name (no OCR confusion)
    of a name-shaped spelling the document writes as its own (repeated, and more often than
    `reading`): refused, as `document.REPEATED_WORD_COUNT` says why."""
    if kind == "entity" and is_name_shaped(surface):
        return doc.uses_name_as_own(surface, reading)
    return kind == "spelling" and source == "lexicon" and doc.uses_as_own(surface, reading)


def decide(speller: Speller, token: Token, doc: Document, weighing: Weighing) -> Edit | None:
    base = token.base
    if not weighing.candidates:
        return None
    best, confidence = weighing.candidates[0], weighing.posterior[0]
    if confidence < SUGGEST_FLOOR or best.word == base:
        return None
    if is_real_word(speller, base) and not (
        weighing.own_context == 0 and weighing.rival_context == 2 * CONTEXT_WEIGHT
        and weighing.real_word_margin > REAL_WORD_MIN_MARGIN
    ):
        # A real word is replaced only when both neighbours vote for the rival and the
        # trigram model finds it far likelier in the sentence ('isolate and clone the gene').
        return None
    kind, rule = kind_and_rule(speller, base, best)
    if own_word_typo(doc, base, best.key, kind, best.source):
        return None
    entity = best.entity or speller.lexicon.names.get(best.key)
    replacement = neighbour_case(
        base, best.word, best.key, entity, weighing.neighbours, speller.lexicon,
        capitalized_only(doc.types, entity, best.word))
    replacement = capital_from_glyph(base, replacement, weighing.beside_capital)
    return Edit(
        start=token.start,
        end=token.start + len(base),
        original=base,
        replacement=replacement,
        kind=kind,
        rule=rule,
        confidence=round(confidence, 4),
        reason=reason(speller, base, best, doc),
        alternatives=tuple(c.word for c in weighing.candidates[1:4]),
    )
