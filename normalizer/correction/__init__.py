"""The `spelling` stage: detection and correction of OCR glyph errors, misspellings and
misspelt names, as a noisy-channel decision.

Modules, one concern each:

- `words`: which tokens are checked, how they are looked up, case;
- `channel`: the OCR/typo channel model, -log10 P(observed | intended);
- `keyboard`: a typist's slips, the plain edits' costs the channel prices them at;
- `context`: what the neighbouring words say for a hypothesis;
- `document`: the document's own evidence (how often it spells each name);
- `candidates`: what a suspect token may stand for, scored; `word_policy`: which words
  may replace a capitalized token where it stands;
- `boundaries`: words the OCR ran together or split, and words broken at a line end;
- `decide`: which tokens change, to what, with what confidence;
- `passes`: the stage over a text, window by window, its passes in their order;
- `reasons`: why, in words; `explain`: ranked candidates and judgements for one word;
- `sound_alikes`: the words a misspelling sounds like, for the ranked candidates;
- `lone_word`: a text that is one word, answered as a spell checker answers;
- `identifiers`: tokens whose form says they name something (`ivory1`, `:windo`);
- `titles`: a person's title before the name (`Goy. Ron DeSantis`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lone_word, passes
from .explain import candidates, explain

if TYPE_CHECKING:
    from ..model import Edit
    from ..pipeline import StageContext

__all__ = ["candidates", "explain", "propose"]


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """The spelling stage's edits for `text` (see `passes.propose`); for a text that is one
    word the decision leaves unflagged, `lone_word`'s answer (a fix or a suggestion), and
    its fix of one the decision suggests or reads otherwise: alone, the ranked corrections
    (with the spelling channel) weigh a word better than a sentence of one word does
    ('receit' -> receipt, not recent; 'plesent' -> pleasant, not present). That fixed 13 more
    of Wikipedia's and Norvig's pairs alone, and one fewer ('upplied' -> applied, not
    supplied)."""
    edits = passes.propose(text, ctx)
    if len(edits) <= 1:
        lone = lone_word.answer(text, ctx)
        if lone is not None and (not edits or _overrules(lone, edits[0], ctx.profile.threshold)):
            return [lone]
    return edits


def _overrules(lone: Edit, decided: Edit, threshold: float) -> bool:
    """Whether a lone word's answer replaces the decision's edit of it: a confident fix of a
    word the decision only suggests, or reads as another word."""
    return (lone.applied and lone.confidence >= threshold
            and (decided.confidence < threshold or decided.replacement != lone.replacement))

