"""Stage stub (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Edit

if TYPE_CHECKING:
    from .pipeline import StageContext


def propose(text: str, ctx: StageContext) -> list[Edit]:
    return []
