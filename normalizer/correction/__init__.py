"""The `spelling` stage: detection and correction of OCR glyph errors, misspellings and
misspelt names, as a noisy-channel decision.

Modules, one concern each:

- `words`: which tokens are checked, how they are looked up, case;
- `channel`: the OCR/typo channel model, -log10 P(observed | intended);
- `context`: what the neighbouring words say for a hypothesis;
- `document`: the document's own evidence (how often it spells each name);
- `candidates`: what a suspect token may stand for, scored;
- `boundaries`: words the OCR ran together or split, and words broken at a line end;
- `decide`: which tokens change, to what, with what confidence;
- `reasons`: why, in words; `explain`: ranked candidates and judgements for one word;
- `sound_alikes`: the words a misspelling sounds like, for the ranked candidates;
- `lone_word`: a text that is one word, answered as a spell checker answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import decide, lone_word
from .explain import candidates, explain

if TYPE_CHECKING:
    from ..model import Edit
    from ..pipeline import StageContext

__all__ = ["candidates", "explain", "propose"]


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """The spelling stage's edits for `text` (see `decide.propose`); for a text that is one
    word the decision leaves unflagged, `lone_word`'s answer (a fix or a suggestion)."""
    edits = decide.propose(text, ctx)
    if not edits:
        lone = lone_word.answer(text, ctx)
        if lone is not None:
            edits.append(lone)
    return edits
