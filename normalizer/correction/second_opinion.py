"""The default profile's second opinion on typed text: the trigram context model's reading
(`sentence` with `typos`, by `typed_text`'s rules) of the targets the single-word decision
left unfixed, the non-words and rare words one slip or cheap confusion from a frequent one
(`sentence_targets.is_target` without `real_words`). It adds fixes, never suggestions: only
those confident enough to apply.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from ..model import Edit
from ..tokens import quoted_alone, tokenize
from . import sentence
from .document_usage import DocumentUsage
from .line_ends import is_line_split
from .sentence_targets import careless_targets, may_change
from .speller import Speller
from .typed_text import opens_typed_sentence, word_like_capital

if TYPE_CHECKING:
    from ..pipeline import StageContext


def propose(text: str, surfaces: Collection[str], speller: Speller, ctx: StageContext,
            claimed: Collection[int], decided: Mapping[int, Edit],
            allow: Collection[str], types: Mapping[str, int], careless: bool) -> dict[int, Edit]:
    """Edits the trigram model makes for the targets (`surfaces`: non-words, and rare words
    one OCR confusion from a frequent one, see `sentence_targets.is_target`) the single-word
    decision left unfixed ('voters hyad a' -> 'had', where 'head' is as likely out of
    context; 'civilians aud combatants' -> 'and'; 'Thc Carter Center' -> 'The' opening a
    sentence): only those confident enough to apply (a second opinion adds fixes, not
    suggestions). A capitalized one only where `opens_typed_sentence` says it may be a word.

    A lowercase token the single-word decision fixed is read too, and the sentence's reading
    replaces that fix where it confidently reads another word: 'fossil-fule lobbyists' is
    'fuel', not the 'file' codespell's list gives out of context. On the synthetic set that
    made two wrong fixes right, on OverProof dataset 2 six; nothing changed at news seeds 3,
    17 and 55, and no clean word changed."""
    threshold = ctx.profile.threshold
    if careless:
        surfaces = {*surfaces, *careless_targets(speller, types)}
    lowercase = [s for s in surfaces if s.islower() and may_change(speller, s, True, careless)]
    capitalized = [s for s in surfaces
                   if not s.islower() and word_like_capital(speller, s)]
    if not lowercase and not capitalized:
        return {}
    settled = set(claimed) | {
        start for start, edit in decided.items() if edit.confidence >= threshold
        and not edit.original.islower()
    }
    common = ctx.lexicon.common
    targets = {
        t.start for t in tokenize(text, only=lowercase + capitalized, counts=types)
        if t.start not in settled and not is_line_split(text, t, common) and (
            t.surface.islower() or (opens_typed_sentence(speller, text, t.start)
                                    and may_change(speller, t.surface, True, careless)))
        # A real word quoted alone is mentioned, not used ('the misreadings "aud", "tor"').
        and not (t.surface in common and quoted_alone(text, t.start, t.end))
    }
    return {
        edit.start: edit for edit in
        sentence.propose(text, targets, speller, allow, typos=True,
                         usage=DocumentUsage(types, careless))
        if edit.confidence >= threshold and not _agrees(decided.get(edit.start), edit, threshold)
    }


def _agrees(earlier: Edit | None, edit: Edit, threshold: float) -> bool:
    """Whether the single-word decision already read the token as `edit` does, confidently
    (in whatever case: its own case, a name's capital, stands: 'ussia' -> 'Russia')."""
    return (earlier is not None and earlier.confidence >= threshold
            and earlier.replacement.lower() == edit.replacement.lower())
