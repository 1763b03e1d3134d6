"""Protected spans of a Markdown document, from markdown-it-py's CommonMark token stream.

Prose is the content of the `inline` tokens (paragraphs, headings, table cells). markdown-it
gives each block a line map; the content of each line of an inline token is located in its
source line, so every offset is exact in the original text. Everything else that is not blank
is protected: fenced and indented code, HTML blocks, link reference definitions, front matter,
table delimiter rows and pipes, list and quote markers.

Inside prose, the inline tokens' children say which constructs are code or markup; each is
found in the content at or after the previous one: code spans, raw HTML tags, autolinks, link
and image destinations and reference labels. HTML entities (`&lt;`) and the trailing spaces
that make a hard line break are protected too. When a child cannot be found, the whole block
is protected (precision first).
"""

from __future__ import annotations

from functools import lru_cache

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..patterns import Pattern, compile_regex
from .spans import Lines, Span, complement_spans

FRONT_MATTER = compile_regex(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|\Z)",
    regex.DOTALL,
)
HARD_BREAK = compile_regex(r" {2,}$")
# An entity is markup: "&lt;tag&gt;" decoded would become an HTML tag.
ENTITY = compile_regex(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
NOT_NEWLINE = compile_regex(r"[^\r\n]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Unlocatable(Exception):
    """A child token's source could not be found: the block is protected whole."""


def _backtick_run(markup: str) -> Pattern:
    # A run of exactly len(markup) backticks, not escaped by a backslash.
    return compile_regex(r"(?<![`\\])" + markup + r"(?!`)")


def _link_tail(content: str, close: int) -> int:
    """End of the destination or label after a link text's closing bracket at `close`."""
    after = close + 1
    if content.startswith("(", after):
        depth, pos, quote = 0, after, ""
        while pos < len(content):
            char = content[pos]
            if char == "\\":
                pos += 2
                continue
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        raise _Unlocatable
    if content.startswith("[", after):
        end = content.find("]", after)
        if end < 0:
            raise _Unlocatable
        return end + 1
    return after


def _closing_bracket(content: str, open_: int) -> int:
    """The bracket closing the one at `open_`, skipping escaped and nested ones."""
    depth, pos = 0, open_
    while pos < len(content):
        char = content[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    raise _Unlocatable


def _inline_markup(content: str, children: list[Token]) -> list[tuple[int, int]]:
    """Spans of `content` (an inline token's) holding code or markup, found child by child."""
    found: list[tuple[int, int]] = []
    cursor = 0
    links: list[tuple[int, bool]] = []  # open bracket, whether the text is the label
    for child in children:
        kind = child.type
        if kind == "text":
            at = content.find(child.content, cursor)
            if at >= 0:
                cursor = at + len(child.content)
        elif kind == "code_inline":
            run = _backtick_run(child.markup)
            opening = run.search(content, cursor)
            closing = opening and run.search(content, opening.end())
            if not closing:
                raise _Unlocatable
            found.append((opening.start(), closing.end()))
            cursor = closing.end()
        elif kind == "html_inline":
            at = content.find(child.content, cursor)
            if at < 0:
                raise _Unlocatable
            found.append((at, at + len(child.content)))
            cursor = at + len(child.content)
        elif kind == "link_open" and child.markup == "autolink":
            at = content.find("<", cursor)
            end = content.find(">", at)
            if at < 0 or end < 0:
                raise _Unlocatable
            found.append((at, end + 1))
            cursor = end + 1
        elif kind == "link_open":
            at = content.find("[", cursor)
            if at < 0:
                raise _Unlocatable
            links.append((at, False))
            cursor = at + 1
        elif kind == "link_close" and child.markup != "autolink":
            open_ = links.pop()[0]
            close = _closing_bracket(content, open_)
            end = _link_tail(content, close)
            # `[label]` and `[label][]` link by their text: it is a key, not prose.
            shortcut = end == close + 1 or content.startswith("[]", close + 1)
            found.append((open_ if shortcut else close, end))
            cursor = end
        elif kind == "image":
            at = content.find("![", cursor)
            if at < 0:
                raise _Unlocatable
            end = _link_tail(content, _closing_bracket(content, at + 1))
            found.append((at, end))
            cursor = end
    return found


def _locate_lines(lines: Lines, first_line: int, content: str,
                  cursors: dict[int, int]) -> list[tuple[int, int]]:
    """(content offset, source offset) of each content line, found in the token's lines."""
    located = []
    offset = 0
    for number, piece in enumerate(content.split("\n")):
        index = first_line + number
        if index >= len(lines):
            raise _Unlocatable
        source = lines.line(index)
        at = source.find(piece, cursors.get(index, 0)) if piece else cursors.get(index, 0)
        if at < 0:
            raise _Unlocatable
        cursors[index] = at + len(piece)
        located.append((offset, lines.starts[index] + at))
        offset += len(piece) + 1
    return located


def _to_source(located: list[tuple[int, int]], offset: int) -> int:
    content_start, source_start = next(pair for pair in reversed(located) if pair[0] <= offset)
    return source_start + offset - content_start


def protected(text: str) -> tuple[list[Span], int]:
    """Protected spans of the Markdown document `text` (see the module doc), and how many
    code blocks and code spans it holds."""
    front = FRONT_MATTER.match(text)
    # Front matter lines become blank lines, so markdown-it's line numbers stay those of `text`.
    source = NOT_NEWLINE.sub("", front.group()) + text[front.end():] if front else text
    lines = Lines(text)
    prose: list[tuple[int, int]] = []
    markup: list[Span] = []
    cursors: dict[int, int] = {}  # table rows hold several cells: search on from the last
    code = 0
    for token in _parser().parse(source):
        if token.type in ("fence", "code_block"):
            code += 1
        if token.type != "inline" or token.map is None:
            continue
        code += sum(child.type == "code_inline" for child in token.children or ())
        content = token.content
        try:
            located = _locate_lines(lines, token.map[0], content, cursors)
            inline = _inline_markup(content, token.children or [])
        except _Unlocatable:
            continue  # its lines have no prose: protected whole
        for (content_start, source_start), piece in zip(
            located, content.split("\n"), strict=True
        ):
            prose.append((source_start, source_start + len(piece)))
            if content_start + len(piece) < len(content):
                hard = HARD_BREAK.search(piece)
                if hard:
                    markup.append(Span(source_start + hard.start(), source_start + len(piece)))
        inline.extend(match.span() for match in ENTITY.finditer(content))
        markup.extend(
            Span(_to_source(located, start), _to_source(located, end)) for start, end in inline
        )
    return complement_spans(lines, sorted(prose)) + markup, code

