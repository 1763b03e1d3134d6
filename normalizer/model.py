"""The result model: every change the engine makes or proposes is an `Edit`.

Offsets are code points into the ORIGINAL input text (Python `str` indices), half-open
`[start, end)`. Applying every edit with `applied=True` to the input, in order, gives
`Result.text` exactly; edits never overlap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("ocr", "spelling", "entity", "boilerplate", "unicode", "whitespace")
"""Every value `Edit.kind` can take."""

STAGES = ("unicode", "boilerplate", "whitespace", "spelling")
"""Pipeline stages, in the order they run. `spelling` proposes `ocr`, `spelling` and `entity`."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One proposed or applied change to the original text."""

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    rule: str
    confidence: float
    reason: str
    alternatives: tuple[str, ...] = ()
    applied: bool = True

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["alternatives"] = list(self.alternatives)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edit:
        return cls(**{**data, "alternatives": tuple(data.get("alternatives", ()))})


@dataclass(frozen=True, slots=True)
class Result:
    """Clean text, every edit (applied and suggested) sorted by offset, and counters."""

    text: str
    edits: tuple[Edit, ...]
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def applied(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.applied)

    @property
    def suggestions(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if not e.applied)

    @property
    def changed(self) -> bool:
        return bool(self.applied)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "edits": [e.to_dict() for e in self.edits],
            "stats": dict(self.stats),
        }


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply the `applied` edits to `text`; raise ValueError on overlap or bad offsets."""
    parts: list[str] = []
    cursor = 0
    for edit in sorted((e for e in edits if e.applied), key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.end > len(text) or edit.start > edit.end:
            raise ValueError(f"edit {edit.start}-{edit.end} overlaps or is out of range")
        if text[edit.start : edit.end] != edit.original:
            raise ValueError(f"edit {edit.start}-{edit.end} does not match the text it replaces")
        parts.append(text[cursor : edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def summarize(text: str, edits: Iterable[Edit]) -> dict[str, Any]:
    """Counters for `Result.stats`: deterministic, no timings."""
    edits = list(edits)
    applied = Counter(e.kind for e in edits if e.applied)
    suggested = Counter(e.kind for e in edits if not e.applied)
    return {
        "chars_in": len(text),
        "edits_applied": sum(applied.values()),
        "edits_suggested": sum(suggested.values()),
        "applied_by_kind": dict(sorted(applied.items())),
        "suggested_by_kind": dict(sorted(suggested.items())),
    }


EDIT_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Edit",
    "description": "One change. Offsets are Unicode code points into the original input.",
    "type": "object",
    "required": [
        "start", "end", "original", "replacement", "kind", "rule",
        "confidence", "reason", "alternatives", "applied",
    ],
    "properties": {
        "start": {"type": "integer", "minimum": 0, "description": "first code point replaced"},
        "end": {"type": "integer", "minimum": 0, "description": "one past the last code point"},
        "original": {"type": "string", "description": "input[start:end]"},
        "replacement": {"type": "string"},
        "kind": {"type": "string", "enum": list(KINDS)},
        "rule": {"type": "string", "description": "stable rule id, e.g. ocr.gazetteer"},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "reason": {"type": "string", "description": "one sentence a person understands"},
        "alternatives": {"type": "array", "items": {"type": "string"}},
        "applied": {"type": "boolean", "description": "false: a suggestion, not applied"},
    },
    "additionalProperties": False,
}
"""JSON Schema of one serialized `Edit` (shared by the CLI's JSON output and the service)."""
