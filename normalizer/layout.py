"""The `whitespace` stage: blank-line runs, trailing spaces, words split at line ends.

- A run of two or more blank lines (lines holding only spaces or tabs count as blank) becomes
  one blank line, in the document's own line ending (LF or CRLF).
- Spaces and tabs at the end of a line are removed.
- In Markdown and reST blank lines and trailing spaces are the author's layout (renderers
  ignore most of them, two trailing spaces make a line break): neither is changed.
- With the profile's `dehyphenate = true` (off by default: archives and corpora often keep
  the printed line layout), a word hyphenated across a line break ("govern-\\nment") is
  joined when the joined word is a known word and its second part is not a word by itself, so
  real compounds ("Taliban-\\nlinked", "well-\\nknown") keep their hyphen. The rest of the
  word moves up to the first line; the line break takes the place of the space after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Edit
from .patterns import compile_regex

if TYPE_CHECKING:
    from .pipeline import StageContext

BLANK_RUN_START = compile_regex(r"\r?\n(?:[ \t]*\r?\n){2}")
BLANK_LINES = compile_regex(r"(?:[ \t]*\r?\n){1,4096}")
"""A run's further blank lines, a bounded number at a time: one unbounded repetition would
make the regex engine keep a backtracking record per line (270 MB for 2 MB of newlines)."""
TRAILING = compile_regex(r"[ \t]+(?=\r?\n|\Z)")
SPLIT_WORD = compile_regex(
    r"(?<=(?<![\p{L}-])(\p{L}+))-(\r?\n)(\p{Ll}+)([.,;:!?'\")\]’”]*)( ?)"
)
JOINED_MIN_ZIPF = 3.0


def _blank_runs(text: str) -> list[Edit]:
    edits = []
    match = BLANK_RUN_START.search(text)
    while match:
        start, end = match.span()
        while more := BLANK_LINES.match(text, end):
            end = more.end()
        run = text[start:end]
        newline = "\r\n" if "\r\n" in run else "\n"
        lines = run.count("\n") - 1
        edits.append(Edit(
            start, end, run, newline * 2, "whitespace",
            "whitespace.blank-lines", 1.0, f"{lines} blank lines folded to one",
        ))
        match = BLANK_RUN_START.search(text, end)
    return edits


def _has_trailing(text: str) -> bool:
    """Whether a line of `text` ends in a space or tab (what `TRAILING` finds), by substring
    search: the regex tries every space of the text, and most texts have none to find."""
    return text.endswith((" ", "\t")) or any(
        end in text for end in (" \n", "\t\n", " \r\n", "\t\r\n"))


def _trailing(text: str, taken: list[tuple[int, int]]) -> list[Edit]:
    if not _has_trailing(text):
        return []
    edits = []
    for match in TRAILING.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        edits.append(Edit(
            match.start(), match.end(), match.group(), "", "whitespace",
            "whitespace.trailing", 1.0, "spaces at the end of a line removed",
        ))
    return edits


def _split_words(text: str, ctx: StageContext) -> list[Edit]:
    lexicon = ctx.lexicon
    edits = []
    for match in SPLIT_WORD.finditer(text):
        head, newline, tail, punct, space = match.groups()
        joined = (head + tail).lower()
        known = joined in lexicon.common or lexicon.frequency(joined) >= JOINED_MIN_ZIPF
        if not known or tail in lexicon.common:
            continue
        edits.append(Edit(
            match.start(), match.end(), match.group(),
            tail + punct + (newline if space else ""), "whitespace", "whitespace.line-end-hyphen",
            0.9, f"'{head}-{tail}' is '{head + tail}' split at a line end",
        ))
    return edits


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Layout edits for `text`; none of them overlap."""
    edits = []
    if ctx.format == "text":
        edits = _blank_runs(text)
        edits += _trailing(text, [(e.start, e.end) for e in edits])
    return edits + _split_words(text, ctx) if ctx.profile.dehyphenate else edits
