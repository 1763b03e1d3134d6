"""Document formats: which parts of a document are prose the engine may check and change.

`analyze(text, format)` parses a Markdown (markdown-it-py) or reStructuredText (docutils)
document into the spans no stage may touch (code, markup, link targets, table delimiters,
hard line breaks); plain text has none. `resolve_format` picks the format of a file from its
name when the configured format is `auto`. The pipeline masks the protected spans before
each stage, drops every edit that would touch one, keeps technical words (`technical`) out of
spelling, and lets `policy` turn risky corrections in technical documents into suggestions.
In every format a line holding `normalizer: ignore` (in a comment, say) is protected whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from .spans import Lines, Span, merge

FORMATS = ("auto", "text", "markdown", "rst")
"""Values of the `format` setting; `auto` picks by file name, plain text without one."""

IGNORE_MARKER = "normalizer: ignore"
"""A line holding this text (in a comment, say) is left alone by every stage."""

EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".mkdn": "markdown", ".rst": "rst", ".rest": "rst",
}


def resolve_format(declared: str, name: str | PurePath | None = None) -> str:
    """The concrete format (`text`, `markdown` or `rst`) of a document called `name`."""
    if declared != "auto":
        return declared
    if name is None:
        return "text"
    return EXTENSIONS.get(PurePath(name).suffix.lower(), "text")


@dataclass(frozen=True, slots=True)
class Structure:
    """What a document's format says: the protected spans (sorted, non-overlapping, in the
    document's own offsets; lines marked `normalizer: ignore` included) and how many code
    blocks and code spans it shows."""

    format: str
    spans: tuple[Span, ...] = ()
    code: int = 0


def analyze(text: str, format: str) -> Structure:
    """The `Structure` of `text` read as `format` (`text`, `markdown` or `rst`)."""
    # The parsers are imported on first use: plain text never pays for them.
    if format == "text":
        spans, code = [], 0
    elif format == "markdown":
        from . import markdown

        spans, code = markdown.protected(text)
    elif format == "rst":
        from . import rst

        spans, code = rst.protected(text)
    else:
        raise ValueError(f"format: expected text, markdown or rst, got {format!r}")
    return Structure(format, tuple(merge(spans + ignored_lines(text))), code)


def ignored_lines(text: str) -> list[Span]:
    """Whole lines holding `IGNORE_MARKER`."""
    if IGNORE_MARKER not in text:
        return []
    lines = Lines(text)
    spans = []
    at = text.find(IGNORE_MARKER)
    while at >= 0:
        index = lines.index_of(at)
        spans.append(Span(lines.starts[index], lines.ends[index], True))
        at = text.find(IGNORE_MARKER, lines.ends[index])
    return spans
