"""The decision: which suspect tokens change, to what, with what confidence.

For each suspect token the identity hypothesis ("the token is right": log10 P of the token,
stickier when a resource knows it) competes with the scored candidates; the confidence of the
best candidate is its posterior. A common word yields only when both neighbours vote for the
rival. Documents are decided window by window, in rounds that count the confident fixes of the
round before as the document's evidence.
"""

from __future__ import annotations

import math
from collections import ChainMap, Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..corpus_corrections import consistent_edits, load_corrections
from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..tokens import (
    Token,
    capitalized_neighbours,
    in_headline,
    starts_sentence,
    strip_possessive,
    tokenize,
    word_types,
)
from . import (
    boundaries,
    capital_i,
    capitals,
    datelines,
    junk_letters,
    name_pairs,
    openers,
    second_opinion,
    sentence,
    titles,
)
from .boundaries import BoundarySettings
from .candidates import GAZETTEER_MIN_ZIPF, known_misspelling, scored_candidates
from .case_slips import initial_l_reading, leading_i_reading
from .context import CONTEXT_WEIGHT, context_score, context_words
from .document import Document
from .foreign import outside_foreign
from .hypothesis import ZIPF_TO_LOG10, Candidate, unexplained
from .identifiers import names_something
from .keyboard import CHEAP_SLIP_COST
from .line_ends import JoinedView, is_line_split
from .mentions import mentioned
from .name_case import neighbour_case
from .reasons import kind_and_rule, reason
from .sentence_targets import is_target, may_change
from .speller import Speller, speller_for
from .windows import windows
from .words import (
    MAX_LENGTH,
    MIN_LENGTH,
    capital_from_glyph,
    case_slip_readings,
    is_name_shaped,
    lookup_key,
    misread_lowercase,
)

if TYPE_CHECKING:
    from ..pipeline import StageContext

UNSEEN_NAME = -10.0
"""log10 P of a capitalized token no resource knows: rare names are real and many."""


UNSEEN_WORD = -10.5
"""log10 P of a lowercase token that 300,000 words of wordfreq never saw."""


LONG_UNSEEN_FROM = 10
LONG_UNSEEN_STEP = 0.4
"""log10 units an unseen lowercase token loses for each letter past `LONG_UNSEEN_FROM`: the
longer a string, the fewer real words lie one slip from another, so an unknown long word
with a word one slip away is ever more likely that word mistyped ('presjmptive'). On the
synthetic news set 1 typo more fixed, 2 on the synthetic set, 4 error units on OverProof
dataset 2, and no clean token changed; from 9 letters at 0.5 a unit, 'boulevardes' (a clean
token of the synthetic set) became 'boulevards'."""


KNOWN_BONUS = 1.5
"""Extra log10 weight for a token that wordfreq has seen: real words and names are sticky."""


PROTECTED_NAME_ZIPF = 2.0
"""A capitalized token this common in wordfreq is a real name unless the document says so."""


COMMON_LOWER_ZIPF = 3.0
"""At a sentence start or in a headline, a capitalized token this common in wordfreq is a real
word (so 'Teh', at 3.04, is left alone)."""


MAX_ROUNDS = 3
"""Decision rounds per document: each counts the confident fixes of the one before."""


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
    if known_misspelling(lexicon, base) is not None:
        # Seen often, but as a slip: the frequency is the slip's, not a word's.
        return zipf + ZIPF_TO_LOG10 - MISSPELLING_PENALTY
    if zipf > 0:
        return zipf + ZIPF_TO_LOG10 + KNOWN_BONUS
    if is_name_shaped(base):
        return UNSEEN_NAME
    return UNSEEN_WORD - LONG_UNSEEN_STEP * max(0, len(key) - LONG_UNSEEN_FROM)


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
    if not is_name_shaped(base):
        return True
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


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Edits for OCR errors, misspellings and misspelt names in `text`, window by window,
    none in a sentence in another language (`foreign`), of a word mentioned (`mentions`)
    or of an identifier (`identifiers`).

    Sets the note `unchecked_long_tokens`: how many tokens were too long to check."""
    edits: list[Edit] = []
    unchecked = 0
    for start, end in windows(text):
        window = text[start:end]
        # Words broken at a line end are decided whole ('con-\ndemncd' as 'condemncd').
        view = JoinedView.of(window, ctx.lexicon)
        types = word_types(view.text)
        unchecked += _too_long(types)
        decided = _propose_window(view.text, types, ctx, view.starts)
        decided = sorted((openers.with_lost_capital(view.text, e)
                          for e in decided + consistent(view.text, types, ctx, decided)),
                         key=lambda e: e.start)
        found = outside_foreign(window, view.map_back(decided, window),
                                ctx.lexicon.foreign_words)
        found = [e for e in found if not mentioned(window, e)]
        edits += [replace(e, start=e.start + start, end=e.end + start) for e in found]
    ctx.notes["unchecked_long_tokens"] = unchecked
    named = names_something(text, edits)
    return [e for e in edits if e.start not in named] if named else edits


def _too_long(types: Counter[str]) -> int:
    """How many tokens of these types are words too long to check (longer than MAX_LENGTH,
    with a letter). The longest type is found first, in C: most texts have none."""
    if max(map(len, types), default=0) <= MAX_LENGTH:
        return 0
    return sum(n for surface, n in types.items()
               if len(surface) > MAX_LENGTH and any(c.isalpha() for c in surface))


def consistent(text: str, types: Counter[str], ctx: StageContext, decided: list[Edit]
                ) -> list[Edit]:
    """The collection's learned corrections (the profile's `corpus-corrections`) of the
    tokens the decisions left unchanged; see normalizer.corpus_corrections."""
    if ctx.profile.corpus_corrections is None:
        return []
    allow = ctx.allowed
    common = ctx.lexicon.common
    return consistent_edits(
        text, types, load_corrections(ctx.profile.corpus_corrections), decided,
        keep=lambda t: lookup_key(t.base) in allow or is_line_split(text, t, common))


def _propose_window(text: str, types: Counter[str], ctx: StageContext,
                    joined: Collection[int] = ()) -> list[Edit]:
    lexicon = ctx.lexicon
    speller = speller_for(lexicon, ctx.profile.channel, ctx.profile.confusions_file,
                          ctx.profile.context_counts)
    allow = ctx.allowed
    extra = ctx.extra_names
    counted = Document(types, lexicon.common)
    # Without profile names, the lexicon's own: a ChainMap's lookups cost eight times a dict's.
    names = ChainMap(extra, lexicon.names) if extra else lexicon.names
    # Words the OCR ran together or split are decided first; their tokens are theirs.
    settings = BoundarySettings.for_profile(ctx.profile)
    real_words = ctx.profile.context_model
    live = _live_types(speller, types, real_words)
    boundary_edits = boundaries.propose(text, live, speller, names, allow, settings, joined)
    if settings.glyphs:  # junk characters read as letters: with the context model only
        taken = [(e.start, e.end) for e in boundary_edits] + [(j, j + 1) for j in joined]
        boundary_edits += junk_letters.propose(text, speller, names, allow,
                                               ctx.profile.threshold, taken)
        boundary_edits += capital_i.propose(text, speller, allow, ctx.profile.threshold,
                                            {e.start for e in boundary_edits})
    claimed = (boundaries.claimed_starts(text, boundary_edits)
               | boundaries.junk_fragment_starts(text))
    wanted = set()
    in_context: set[str] = set()
    # With `context-model` the sentence decides lowercase words alone; without it, it decides
    # the lowercase non-words the single-word decision leaves (see `second_opinion`).
    for surface in live:
        if is_target(speller, surface, real_words):
            in_context.add(surface)
            if real_words and surface.islower():
                continue  # a capitalized one may be a name: the name checks see it too
        if not speller.needs_look(surface):
            continue
        base = strip_possessive(surface)
        if base.lower() in allow:
            continue
        rivals = bool(counted.rivals(base))
        if extra or rivals or (
            could_be_wrong(speller, base, names, None) and speller.has_candidates(base)
        ):
            wanted.add(surface)
    edits: dict[int, Edit] = {}
    changeable = [s for s in in_context if may_change(speller, s)] if real_words else []
    if changeable:
        targets = context_targets(text, changeable, lexicon) - claimed
        edits = {e.start: e for e in sentence.propose(text, targets, speller, allow)}
    edits |= {e.start: e for e in boundary_edits}
    if not wanted:
        edits |= _in_sentence(text, live, counted, names, in_context, speller, ctx, claimed,
                              edits, allow)
        return [edits[start] for start in sorted(edits)]
    tokens = [
        t for t in tokenize(text, only=wanted)
        if t.start not in claimed and not is_line_split(text, t, lexicon.common)
    ]
    in_context_edits = edits
    # A fix changes the document's evidence ('L1BVA' has a rival once 'LIBVA' is 'LIBYA'), so
    # decide again with the fixes counted until nothing moves: normalizing twice then finds
    # nothing new.
    for _ in range(MAX_ROUNDS):
        doc = counted.copy()
        for edit in edits.values():
            if edit.confidence >= ctx.profile.threshold:
                doc.record(edit)
        decided: dict[int, Edit] = {}
        for token in tokens:
            if is_suspect(speller, token, text, names, doc):
                weighing = weigh(speller, token, text, doc, names, extra)
                # Reasons quote the counts of the text as it is, not as the fixes made it.
                edit = decide(speller, token, counted, weighing)
                if edit is not None:
                    decided[token.start] = edit
        decided |= in_context_edits
        if decided == edits:
            break
        edits = decided
    edits |= _in_sentence(text, live, counted, names, in_context, speller, ctx, claimed,
                          edits, allow)
    return [edits[start] for start in sorted(edits)]


INERT_MEMO_SIZE = 131_072
"""Word types whose `_is_inert` verdict a speller keeps per profile kind: the memo is emptied
when it holds more, so a long batch run keeps a flat memory profile."""


@lru_cache(maxsize=8)
def _inert_memo(speller: Speller, real_words: bool) -> dict[str, bool]:
    """The `_is_inert` verdicts found so far for one speller and profile kind."""
    return {}


def _live_types(speller: Speller, types: Mapping[str, int], real_words: bool
                ) -> dict[str, int]:
    """The window's word types that are not `_is_inert`, with their counts. The verdicts are
    memoized in a plain dict, read without a call: most types of a text are common words
    seen before, and a cached call per type cost three times the lookup."""
    memo = _inert_memo(speller, real_words)
    if len(memo) > INERT_MEMO_SIZE:
        memo.clear()
    live = {}
    for surface, count in types.items():
        inert = memo.get(surface)
        if inert is None:
            inert = memo[surface] = _is_inert(speller, surface, real_words)
        if not inert:
            live[surface] = count
    return live


def _is_inert(speller: Speller, surface: str, real_words: bool) -> bool:
    """A common word no pass of the window looks at: neither a merge or split (those start
    from non-words), nor a suspect, nor a target of the sentence passes. Most tokens of any
    text are such words, and skipping them once per word type is much of the speed
    (`_live_types` memoizes the verdict: the speller's own memo of `needs_look` would only
    add a cache entry per word type).

    Without `real_words`, a word of lowercase ASCII letters (most types) is priced in one
    step: `could_be_error` and `is_target` both come down to its length, `real_word_risk`
    and `typo_rivals` for it (tests/correction/test_decide.py checks that they agree)."""
    if not real_words and surface.isascii() and surface.isalpha() and surface.islower():
        return surface in speller.lexicon.common and not (
            MIN_LENGTH <= len(surface) <= MAX_LENGTH
            and (speller.real_word_risk(surface) or bool(speller.typo_rivals(surface))))
    return (lookup_key(surface) in speller.lexicon.common
            and not speller.could_be_error(surface)
            and not is_target(speller, surface, real_words))


def _in_sentence(text: str, types: Mapping[str, int], doc: Document, names: Mapping[str, Entity],
                 in_context: Collection[str], speller: Speller, ctx: StageContext,
                 claimed: Collection[int], decided: Mapping[int, Edit],
                 allow: Collection[str]) -> dict[int, Edit]:
    """What the sentence adds to the single-word decision: the second opinions on lowercase
    non-words (without `context-model`) and capitalized typos of common words (`capitals`),
    neither on the halves of a word broken at a line end. `doc`: the window's evidence before
    any fix; `names`: the profile's and the lexicon's."""
    found: dict[int, Edit] = {}
    if not ctx.profile.context_model:
        found |= {
            start: edit for start, edit in
            second_opinion.propose(text, in_context, speller, ctx, claimed, decided, allow,
                                   doc.types).items()
            if not own_word_typo(doc, edit.original, edit.replacement.lower(), edit.kind,
                                 "lexicon")
        }
    def free(edit: Edit) -> bool:  # no boundary edit's token, no half of a broken word
        token = Token(edit.start, edit.end, edit.original, edit.original)
        return edit.start not in claimed and not is_line_split(text, token, ctx.lexicon.common)

    wanted = {s for s in capitals.surfaces(speller, types, names, doc) if s.lower() not in allow}
    found |= {edit.start: edit for edit in
              capitals.propose(text, wanted, speller, decided, ctx.profile.threshold)
              if free(edit)}
    paired = {s for s in name_pairs.surfaces(ctx.lexicon, types, names)
              | name_pairs.written_surfaces(speller, text, names) if s.lower() not in allow}
    found |= {edit.start: edit for edit in
              name_pairs.propose(text, paired, speller, {**decided, **found},
                                 ctx.profile.threshold)
              if free(edit)}
    found |= {edit.start: edit for edit in
              openers.propose(text, speller, {**decided, **found}, ctx.profile.threshold)
              if free(edit)}
    found |= {edit.start: edit for edit in
              datelines.propose(text, speller, {**decided, **found}, ctx.profile.threshold)
              if free(edit)}
    found |= {edit.start: edit for edit in
              titles.propose(text, doc.types, speller, {**decided, **found},
                             ctx.profile.threshold)
              if free(edit)}
    return found


def context_targets(text: str, surfaces: Collection[str], lexicon: Lexicon) -> set[int]:
    """Starts of the tokens of `text` with these surfaces that the context model decides:
    every one but the halves of a word broken at a line end."""
    return {
        t.start for t in tokenize(text, only=surfaces)
        if not is_line_split(text, t, lexicon.common)
    }


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
           names: Mapping[str, Entity], extra: Mapping[str, Entity]) -> Weighing:
    lexicon = speller.lexicon
    candidates = scored_candidates(speller, token, text, doc, extra)
    prev, nxt = context_words(text, token)
    own_context = context_score(lexicon, prev, lookup_key(token.base), nxt)
    identity = identity_score(lexicon, token.base, names)
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


def _explained_by_document(lexicon: Lexicon, base: str, names: Mapping[str, Entity],
                           candidates: list[Candidate], identity: float) -> float:
    """The identity score (at most `identity`, from `identity_score`) of a name-shaped token
    that wordfreq has seen less often than `PROTECTED_NAME_ZIPF`, no common word or gazetteer
    name, counting only what the cheap slips (`keyboard.CHEAP_SLIP_COST`) of the names its
    document repeats leave unexplained of that count (`hypothesis.unexplained`): the web
    misspells a name as this document does. 'Kirn' (Zipf 1.82) beside 'Kim Jong-un' is what
    'Kim' (4.6, OCR's rn for m) makes of it, 'Justic' (1.31) what 'Justice' makes (see
    `typed_text.unexplained_zipf` for typed words). A dearer slip explains too much ('Oet. 26',
    OCR's 'Oct', is no 'Met' in an article on the opera); a spelling seen more often is a
    word or a name of its own."""
    key = lookup_key(base)
    zipf = lexicon.frequency(key)
    if not zipf or zipf >= PROTECTED_NAME_ZIPF or key in lexicon.common or key in names:
        return identity
    left = unexplained(zipf, ((lexicon.frequency(c.key), c.cost) for c in candidates
                              if c.source == "document" and c.cost <= CHEAP_SLIP_COST))
    return min(identity, UNSEEN_NAME if left == -math.inf else left + ZIPF_TO_LOG10 + KNOWN_BONUS)


def is_real_word(speller: Speller, base: str) -> bool:
    """A common word as written: one whose case no word has ('HaIl') is not."""
    return lookup_key(base) in speller.lexicon.common and not case_slip_readings(base)


def own_word_typo(doc: Document, surface: str, reading: str, kind: str, source: str) -> bool:
    """A typo reading (a plain slip toward a common word, neither an OCR confusion nor a
    listed common misspelling) of a lowercase spelling the document uses as a word of its
    own (repeated, while `reading` never occurs): refused, as `document.REPEATED_WORD_COUNT`
    says why."""
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
        entity is not None and doc.types.get(entity.canonical, 0) > 0
        and not doc.types.get(best.word))
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
