"""The document as the stages see it after the edits applied so far.

The protected spans of the original text are moved to the current text (no applied edit
ever touches one, so each keeps its content), the current text is masked, and technical
chunks are found in it for the spelling stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from ..model import Edit
from . import Structure
from .spans import Span, intersects, mask
from .technical import count_code_chunks, technical_spans

TECHNICAL_MIN_SIGNS = {"text": 2, "markdown": 1, "rst": 1}
"""Code blocks, code spans and technical chunks a document shows before it counts as technical
(plain text needs two: one odd chunk in an article proves little)."""


def _shift(spans: Sequence[Span], applied: Sequence[Edit]) -> list[Span]:
    """`spans` of the original text moved past the `applied` edits (none touches a span)."""
    if not applied:
        return list(spans)
    moved = []
    index = delta = 0
    for span in spans:
        while index < len(applied) and applied[index].end <= span.start:
            edit = applied[index]
            delta += len(edit.replacement) - (edit.end - edit.start)
            index += 1
        moved.append(Span(span.start + delta, span.end + delta, span.block))
    return moved


class DocumentView:
    """The current `text`, its protected `spans`, the `masked` text the stages read."""

    def __init__(self, structure: Structure, text: str, applied: Sequence[Edit]) -> None:
        self.structure = structure
        self.text = text
        self.spans = _shift(structure.spans, applied)
        self._starts = [span.start for span in self.spans]
        self.masked = mask(text, self.spans)

    @cached_property
    def technical(self) -> list[Span]:
        """Technical chunks of the prose (see `technical`)."""
        return technical_spans(self.masked, strict=self.structure.format != "text")

    @cached_property
    def _technical_starts(self) -> list[int]:
        return [span.start for span in self.technical]

    @property
    def shows_code(self) -> bool:
        """Whether the document is Markdown or reST with a code block or code span."""
        return self.structure.code > 0

    @cached_property
    def looks_technical(self) -> bool:
        """Whether the document shows enough code to be read as technical writing."""
        strict = self.structure.format != "text"
        signs = self.structure.code + count_code_chunks(self.masked, self.technical, strict)
        return signs >= TECHNICAL_MIN_SIGNS[self.structure.format]

    def allows(self, edit: Edit, words: bool = False) -> bool:
        """Whether `edit` keeps off every protected span (and, for `words`, technical chunks)."""
        if intersects(edit.start, edit.end, self.spans, self._starts):
            return False
        return not words or not intersects(
            edit.start, edit.end, self.technical, self._technical_starts
        )
