"""The spelling stage over a text: window by window, its passes in their order.

A window's word types are sorted first: most are common words no pass looks at
(`_is_inert`, memoized). Words the OCR ran together or split are decided first
(`boundaries`, and with the context model `junk_letters` and `capital_i`), and their tokens
are theirs; with the profile's context model the sentence reading (`sentence`) decides the
lowercase targets; then the single-word decision (`decide`) weighs every suspect token, in
rounds that count the confident fixes of the round before as the document's evidence; last
the passes that read a token in its sentence (`_in_sentence`: typed text's second opinion,
capitalized typos, a name's broken word, a lowercase sentence opening, datelines, titles).
"""

from __future__ import annotations

from collections import ChainMap, Counter
from collections.abc import Collection, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..corpus_corrections import consistent_edits, load_corrections
from ..dense_ocr import dense_reading, is_dense
from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..tokens import Token, strip_possessive, tokenize, word_types
from . import (
    articles,
    boundaries,
    capital_i,
    capitals,
    careless_names,
    dated_months,
    datelines,
    junk_letters,
    lost_letter_words,
    name_pairs,
    openers,
    second_opinion,
    sentence,
    titles,
    whole_names,
)
from .boundaries import BoundarySettings
from .decide import could_be_wrong, decide, is_suspect, own_word_typo, weigh
from .document import Document
from .foreign import outside_foreign
from .glyph_case import with_glyph_case
from .identifiers import names_something
from .line_ends import JoinedView, is_line_split
from .mentions import mentioned
from .sentence_targets import is_target, may_change
from .speller import Speller, speller_for
from .typed_text import typed_carelessly
from .windows import windows
from .words import MAX_LENGTH, MIN_LENGTH, closes_elision, lookup_key

if TYPE_CHECKING:
    from ..pipeline import StageContext

MAX_ROUNDS = 3
"""Decision rounds per document: each counts the confident fixes of the one before."""




def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Edits for OCR errors, misspellings and misspelt names in `text`, window by window,
    none in a sentence in another language (`foreign`), of a word mentioned (`mentions`)
    or of an identifier (`identifiers`).

    Sets the note `unchecked_long_tokens`, how many tokens were too long to check, and
    `dense_ocr` (1) when the text is read as densely misread OCR (`normalizer.dense_ocr`,
    decided on its first window); removes that one when it is not."""
    edits: list[Edit] = []
    unchecked = 0
    spans = windows(text)
    whole: Counter[str] = Counter()
    reading = None
    for start, end in spans:
        window = text[start:end]
        # Words broken at a line end are decided whole ('con-\ndemncd' as 'condemncd').
        view = JoinedView.of(window, ctx.lexicon)
        types = word_types(view.text)
        if len(spans) > 1:
            whole.update(types)
        unchecked += _too_long(types)
        live = None
        if reading is None:
            reading, live = _reading(ctx, view.text, types)
        decided = _propose_window(view.text, types, reading, view.starts, live)
        decided = sorted((with_glyph_case(view.text, openers.with_lost_capital(view.text, e),
                                          ctx.lexicon, types)
                          for e in decided + consistent(view.text, types, ctx, decided)),
                         key=lambda e: e.start)
        found = outside_foreign(window, view.map_back(decided, window),
                                ctx.lexicon.foreign_words)
        found = [e for e in found if not mentioned(window, e, ctx.lexicon)
                 and not closes_elision(window, e.start, e.end, e.replacement,
                                        ctx.lexicon.frequency(e.replacement.lower()))]
        edits += [replace(e, start=e.start + start, end=e.end + start) for e in found]
    ctx.notes["unchecked_long_tokens"] = unchecked
    if reading is not ctx:
        ctx.notes["dense_ocr"] = 1
    else:
        ctx.notes.pop("dense_ocr", None)
    if len(spans) > 1:
        edits = _without_own_words(edits, Document(whole, ctx.lexicon.common))
    named = names_something(text, edits)
    return [e for e in edits if e.start not in named] if named else edits


def _reading(ctx: StageContext, text: str, types: Counter[str]
             ) -> tuple[StageContext, dict[str, int] | None]:
    """The context a text whose first window is `text` (with its word `types`) is read in:
    `ctx`, with the types its speller looks at (`_live_types`, for the window to reuse), or
    for a densely misread text one with the dense reading's profile
    (`dense_ocr.dense_reading`), whose speller looks at other types."""
    speller = speller_for(ctx.lexicon, ctx.profile.channel, ctx.profile.confusions_file,
                          ctx.profile.context_counts)
    live = _live_types(speller, types, ctx.profile.context_model)
    # Which reading a dense text would take first: Markdown, reST and a profile with that
    # reading or `dense-ocr` off never count the share.
    dense = dense_reading(ctx.profile, ctx.format)
    if dense is None or not is_dense(text, types, live, ctx.lexicon):
        return ctx, live
    return replace(ctx, profile=dense), None  # the same notes


def _without_own_words(edits: list[Edit], document: Document) -> list[Edit]:
    """`edits` but the typo readings of spellings the whole document uses as words or names
    of its own (`decide.own_word_typo`), which a window of a long document may write too
    seldom to show ('Refael Ackermann' 62 times in an 800 KB changelog, once or twice in
    some of its 64 KB windows)."""
    return [e for e in edits if not own_word_typo(
        document, e.original, e.replacement.lower(), e.kind, e.rule.partition(".")[2])]


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
                    joined: Collection[int] = (), live: dict[str, int] | None = None
                    ) -> list[Edit]:
    lexicon = ctx.lexicon
    speller = speller_for(lexicon, ctx.profile.channel, ctx.profile.confusions_file,
                          ctx.profile.context_counts)
    allow = ctx.allowed
    extra = ctx.extra_names
    counted = Document(types, lexicon.common)
    # Without profile names, the lexicon's own: a ChainMap's lookups cost eight times a dict's.
    names = ChainMap(extra, lexicon.names) if extra else lexicon.names
    # Words the OCR ran together or split are decided first; their tokens are theirs.
    settings = BoundarySettings.for_profile(ctx.profile, ctx.format)
    real_words = ctx.profile.context_model
    if live is None:
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
            could_be_wrong(speller, base, names, None)
            # a short name's dropped vowel is a candidate in a carelessly typed window only
            and (speller.has_candidates(base)
                 or careless_names.may_have_readings(speller, base, extra))
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
        t for t in tokenize(text, only=wanted, counts=types)
        if t.start not in claimed and not is_line_split(text, t, lexicon.common)
    ]
    in_context_edits = edits
    # A fix changes the document's evidence ('L1BVA' has a rival once 'LIBVA' is 'LIBYA'), and
    # the fixes say whether the window is typed carelessly (`letter_shape.careless_shape_discount`),
    # so decide again with them counted until nothing moves: normalizing twice then finds
    # nothing new.
    careless = False
    for _ in range(MAX_ROUNDS):
        doc = counted.copy()
        for edit in edits.values():
            if edit.confidence >= ctx.profile.threshold:
                doc.record(edit)
        decided: dict[int, Edit] = {}
        for token in tokens:
            if is_suspect(speller, token, text, names, doc):
                weighing = weigh(speller, token, text, doc, names, extra, careless)
                # Reasons quote the counts of the text as it is, not as the fixes made it.
                edit = decide(speller, token, counted, weighing)
                if edit is not None:
                    decided[token.start] = edit
        decided |= in_context_edits
        was_careless = careless
        careless = typed_carelessly(decided.values(), sum(types.values()), ctx.profile.threshold)
        if decided == edits and careless == was_careless:
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

    Without `real_words`, a word of ASCII letters, lowercase or capitalized (most types), is
    priced in one step: `could_be_error` and `is_target` both come down to its length,
    `real_word_risk` and `typo_rivals` for its lowercase form (a capitalized one has no case
    slip; tests/correction/test_passes.py checks that they agree)."""
    if not real_words and surface.isascii() and surface.isalpha() and surface[1:].islower():
        key = surface.lower()
        return key in speller.lexicon.common and not (
            MIN_LENGTH <= len(key) <= MAX_LENGTH
            and (speller.real_word_risk(key) or bool(speller.typo_rivals(key))))
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
    careless = typed_carelessly(decided.values(), sum(doc.types.values()), ctx.profile.threshold)
    if not ctx.profile.context_model:
        found |= {
            start: edit for start, edit in
            second_opinion.propose(text, in_context, speller, ctx, claimed, decided, allow,
                                   doc.types, careless).items()
            if not own_word_typo(doc, edit.original, edit.replacement.lower(), edit.kind,
                                 "lexicon")
        }
    def free(edit: Edit) -> bool:  # no boundary edit's token, no half of a broken word
        token = Token(edit.start, edit.end, edit.original, edit.original)
        return edit.start not in claimed and not is_line_split(text, token, ctx.lexicon.common)

    wanted = {s for s in capitals.surfaces(speller, types, names, doc) if s.lower() not in allow}
    found |= {edit.start: edit for edit in
              capitals.propose(text, wanted, speller, decided, ctx.profile.threshold, careless)
              if free(edit)}
    paired = {s for s in name_pairs.surfaces(ctx.lexicon, types, names)
              | name_pairs.written_surfaces(speller, text, names) if s.lower() not in allow}
    found |= {edit.start: edit for edit in
              name_pairs.propose(text, paired, speller, {**decided, **found},
                                 ctx.profile.threshold, careless)
              if free(edit)}
    found |= {edit.start: edit for edit in
              whole_names.propose(
                  text, {s: n for s, n in types.items() if s.lower() not in allow}, speller,
                  {**decided, **found}, ctx.profile.threshold)
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
    found |= {edit.start: edit for edit in
              dated_months.propose(text, speller, {**decided, **found}, ctx.profile.threshold)
              if free(edit)}
    if not ctx.profile.context_model:  # typed text: OCR misreads "on" as "an" (see articles)
        found |= {edit.start: edit for edit in
                  articles.propose(text, speller, {**decided, **found}, ctx.profile.threshold)
                  if free(edit)}
    if careless:  # a text that shows its slips (a first pass over clean text skips this)
        found |= {edit.start: edit for edit in
                  lost_letter_words.propose(text, speller, {**decided, **found},
                                            ctx.profile.threshold, types,
                                            any_letter=not ctx.profile.context_model)
                  if free(edit)}
    return found


def context_targets(text: str, surfaces: Collection[str], lexicon: Lexicon) -> set[int]:
    """Starts of the tokens of `text` with these surfaces that the context model decides:
    every one but the halves of a word broken at a line end."""
    return {
        t.start for t in tokenize(text, only=surfaces)
        if not is_line_split(text, t, lexicon.common)
    }
