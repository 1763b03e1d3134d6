"""Boilerplate stage: removes promo blocks and injected boxes that sites put into article text.

The stage works on *paragraphs* (`paragraphs`), finds them with two kinds of evidence and
removes only whole paragraphs:

- the rules of the selected *packs* (`packs`, matched by `rules`): data files under
  `dictionaries/boilerplate/` for newsletter sign-ups, ad labels, share bars, related links ...;
- the structural *titled-box detector* (`boxes`, with the `explainer` pack): a short title
  followed by one to three sentences of general background, scored on evidence.

A paragraph that reads as a complete news sentence is never removed by a rule (`prose`), and
a text that is nothing but boilerplate is kept whole: its removals are only suggested, for
'Advertisement' (or 'cclose', read as a player's 'Close') sent alone is the text the user
asks about, not an article holding a promo. See docs/boilerplate.md.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Edit
from .boxes import box_matches
from .packs import PATH_ENV, PackError, available_packs, load_rules, pack_dirs, parse_pack
from .paragraphs import paragraphs, spans
from .rules import rule_matches

if TYPE_CHECKING:
    from ..pipeline import StageContext

__all__ = ["PATH_ENV", "PackError", "available_packs", "load_rules", "parse_pack", "propose"]

BOX_PACK = "explainer"
"""The pack whose selection enables the titled-box detector."""


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Propose one `boilerplate` edit per promo paragraph or box found in `text`."""
    profile = ctx.profile
    ruleset = load_rules(profile.boilerplate_packs, pack_dirs())
    boxes_on = profile.boilerplate_packs is None or BOX_PACK in profile.boilerplate_packs
    if not text or not (ruleset.rules or boxes_on):
        return []
    paras = paragraphs(text)
    matches = list(rule_matches(text, paras, ruleset))
    if boxes_on:
        taken = {i for m in matches for i in range(m.first, m.last + 1)}
        matches += box_matches(text, paras, taken, profile.threshold)
        matches.sort(key=lambda m: m.first)
    edits = [
        Edit(
            start=start,
            end=end,
            original=text[start:end],
            replacement="",
            kind="boilerplate",
            rule=match.rule,
            confidence=match.confidence,
            reason=match.reason,
            applied=match.applied,
        )
        for match, start, end in spans(paras, matches)
    ]
    if _leaves_nothing(text, edits):
        return [replace(e, applied=False, reason=f"{e.reason}; {WHOLE_TEXT_REASON}")
                for e in edits]
    return edits


WHOLE_TEXT_REASON = "kept: the text holds nothing else"


def _leaves_nothing(text: str, edits: list[Edit]) -> bool:
    """Whether the applied removals of `edits` (in text order, disjoint) would leave only
    space of `text`."""
    kept, end = [], 0
    for edit in edits:
        if edit.applied:
            kept.append(text[end:edit.start])
            end = edit.end
    kept.append(text[end:])
    return end > 0 and not "".join(kept).strip()
