"""Protected spans of a reStructuredText document, from docutils' document tree.

docutils parses the document; the raw source of each prose node (paragraphs, titles, terms,
line-block lines, attributions) is located line by line in the original text, near the line
docutils reports, so every offset is exact. Everything else that is not blank is protected:
directives and their options, literal and code blocks, comments, targets, substitution
definitions, tables' borders and pipes, section adornments.

Inside prose, reST inline markup is protected: inline literals, roles and interpreted text,
hyperlink references (`text <url>`_, name_), inline targets, substitution references
(|name|) and footnote or citation references. A prose node that keeps a backquote after that
is protected whole (precision first). A document docutils cannot parse has no prose.
"""

from __future__ import annotations

import io

import docutils.core
import docutils.nodes
import docutils.utils
import regex

from ..patterns import compile_regex
from .spans import Lines, Span, complement_spans

PROSE_NODES = (
    docutils.nodes.paragraph, docutils.nodes.title, docutils.nodes.subtitle,
    docutils.nodes.term, docutils.nodes.rubric, docutils.nodes.line,
    docutils.nodes.attribution,
)
NOT_PROSE_PARENTS = (
    docutils.nodes.system_message, docutils.nodes.substitution_definition,
    docutils.nodes.comment, docutils.nodes.raw,
)
SETTINGS = {
    "report_level": 5, "halt_level": 5,
    "file_insertion_enabled": False, "raw_enabled": False, "_disable_config": True,
}
INLINE_MARKUP = compile_regex(
    r"""
      ``.+?``                                                     # inline literal
    | (?::[\w.+:-]+:)?`(?!\s)[^`]+?(?<!\s)`(?::[\w.+:-]+:|__?)?   # roles, interpreted text, links
    | _`[^`]+`                                                    # inline internal target
    | (?<![\w|])\|(?!\s)[^|\n]+?(?<!\s)\|(?:__?)?(?![\w|])        # substitution reference
    | \[(?:\d+|\#[\w.-]*|\*|[\w.-]+)\]_                           # footnote, citation reference
    | (?<![\w`])[\w.+-]*\w__?(?![\w`])                            # reference name: name_
    """,
    regex.VERBOSE | regex.DOTALL,
)
SEARCH_BEFORE, SEARCH_AFTER = 6, 2
"""docutils reports a node's line loosely (a title at its underline): search this window."""


def _doctree(text: str) -> docutils.nodes.document | None:
    try:
        return docutils.core.publish_doctree(
            text, settings_overrides={**SETTINGS, "warning_stream": io.StringIO()}
        )
    except (docutils.utils.SystemMessage, ValueError, AssertionError, IndexError):
        return None


def _is_prose(node: docutils.nodes.Node) -> bool:
    if not isinstance(node, PROSE_NODES) or not node.rawsource.strip():
        return False
    parent = node.parent
    while parent is not None:
        if isinstance(parent, NOT_PROSE_PARENTS):
            return False
        parent = parent.parent
    return True


def _is_code(node: docutils.nodes.Node) -> bool:
    return isinstance(node, (docutils.nodes.literal, docutils.nodes.literal_block))


def _hint(node: docutils.nodes.Node) -> int | None:
    while node is not None:
        if node.line:
            return node.line - 1
        node = node.parent
    return None


def _locate(lines: Lines, raw: list[str], hint: int | None, after: int,
            cursors: dict[int, int]) -> list[tuple[int, int]] | None:
    """Source spans of `raw` lines on consecutive lines near `hint` (or from line `after`)."""
    first = max(hint - SEARCH_BEFORE, 0) if hint is not None else after
    last = min(hint + SEARCH_AFTER if hint is not None else after + 50, len(lines) - len(raw))
    for start_line in range(first, last + 1):
        spans = []
        for number, piece in enumerate(raw):
            index = start_line + number
            at = lines.line(index).find(piece, cursors.get(index, 0))
            if at < 0:
                break
            spans.append((lines.starts[index] + at, lines.starts[index] + at + len(piece)))
        else:
            for number, (_start, end) in enumerate(spans):
                cursors[start_line + number] = end - lines.starts[start_line + number]
            return spans
    return None


def _markup(text: str, start: int, end: int) -> list[Span] | None:
    """Inline markup between `start` and `end`; None when a backquote is left over."""
    found = [Span(*m.span()) for m in INLINE_MARKUP.finditer(text, start, end)]
    cursor = start
    for span in [*found, Span(end, end)]:
        if "`" in text[cursor : span.start]:
            return None
        cursor = span.end
    return found


def protected(text: str) -> tuple[list[Span], int]:
    """Protected spans of the reStructuredText document `text` (see the module doc), and how
    many literal blocks and inline literals it holds."""
    lines = Lines(text)
    document = _doctree(text)
    prose: list[tuple[int, int]] = []
    markup: list[Span] = []
    cursors: dict[int, int] = {}  # a table row holds several cells: search on from the last
    after = 0
    for node in document.findall(_is_prose) if document is not None else ():
        raw = [piece.strip() for piece in node.rawsource.splitlines()]
        located = _locate(lines, raw, _hint(node), after, cursors)
        if located is None:
            continue
        inline = _markup(text, located[0][0], located[-1][1])
        if inline is None:
            continue
        after = lines.index_of(located[-1][0])
        prose.extend(located)
        markup.extend(inline)
    code = 0 if document is None else sum(1 for _ in document.findall(_is_code))
    return complement_spans(lines, sorted(prose)) + markup, code
