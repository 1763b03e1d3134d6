"""The default profile's second opinion on typed text: the trigram context model's reading
(`sentence` with `typos`, by `typed_text`'s rules) of the targets the single-word decision
left unfixed, the non-words and rare words one slip or cheap confusion from a frequent one
(`sentence_targets.is_target` without `real_words`). It adds fixes, never suggestions: only
those confident enough to apply, or those the single-word decision suggested too (`agreed`).
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Edit
from ..tokens import quoted_alone, tokenize
from . import sentence
from .document_usage import DocumentUsage
from .line_ends import is_line_split
from .sentence_targets import careless_targets, may_change
from .speller import Speller
from .titles import titles_a_name
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
            t.surface.islower() or (not titles_a_name(text, t.start, t.end)
                                    and opens_typed_sentence(speller, text, t.start)
                                    and may_change(speller, t.surface, True, careless)))
        # A real word quoted alone is mentioned, not used ('the misreadings "aud", "tor"').
        and not (t.surface in common and quoted_alone(text, t.start, t.end))
    }
    found = {}
    for edit in sentence.propose(text, targets, speller, allow, typos=True,
                                 usage=DocumentUsage(types, careless)):
        earlier = decided.get(edit.start)
        if edit.confidence < threshold:
            edit = agreed(earlier, edit)
        if edit.confidence >= threshold and not _agrees(earlier, edit, threshold):
            found[edit.start] = edit
    return found


AGREED_MIN_SHARE = 0.7
"""The least posterior share of the sentence's reading that the single-word decision's
suggestion of the same word (at least `decide.SUGGEST_FLOOR`) may lift to a fix (`agreed`)."""


def agreed(earlier: Edit | None, edit: Edit) -> Edit:
    """The single-word decision's suggestion `earlier`, with the confidence both opinions give
    together (1 minus the product of their doubts), where the sentence's reading `edit` reads
    the token as the same word with at least `AGREED_MIN_SHARE`; else `edit`. Out of context
    'fnance' is finance 0.61 (France and fiance share the rest), in 'a new fnance goal' the
    sentence makes it finance 0.75: together 0.90. Two models that weigh different evidence
    (frequency and slip cost alone; the trigram context with them) seldom agree on a wrong
    word: on news seeds 99, 7, 21, 42, 13, 101, 202, 303, 404, 505, 606, 707 and 808, 8
    typos more fixed ('foights', 'overight', 'lniked', 'latesr') and one read wrong ('rling'
    -> ring, for ruling), and no clean token of the modern news or the 19th-century texts
    changed; on OverProof dataset 2 one error unit more fixed and one more read wrong."""
    if (earlier is None or edit.confidence < AGREED_MIN_SHARE
            or earlier.replacement.lower() != edit.replacement.lower()):
        return edit
    both = 1 - (1 - edit.confidence) * (1 - earlier.confidence)
    return replace(earlier, confidence=round(both, 4), reason=(
        f"{earlier.reason}; the trigram context model reads it so too "
        f"({edit.confidence:.2f} of its readings)"))


def _agrees(earlier: Edit | None, edit: Edit, threshold: float) -> bool:
    """Whether the single-word decision already read the token as `edit` does, confidently
    (in whatever case: its own case, a name's capital, stands: 'ussia' -> 'Russia')."""
    return (earlier is not None and earlier.confidence >= threshold
            and earlier.replacement.lower() == edit.replacement.lower())
