"""Technical words in prose: paths, identifiers, options, commands and pipes.

A *chunk* is a run of characters between spaces (or masked text). A chunk that holds a mark
of code is technical and its words are never corrected: a path (`/usr/share/x`,
`C:\\Users\\x`, `~/.config`), a file or module name (`setup.py`, `os.path`), an identifier
(`snake_case`, `camelCase`, `__init__`, `f(x)`, `a[i]`, `std::vector`), an option (`--strict`)
or anything with a character prose never uses (`=`, `{`, `<`, `\\`, `^`, `~`, `$`, a backquote).
A line starting with a shell prompt (`$ `) is technical whole. Pipes are delimiters, and the
chunks around them technical, on a line with two or more pipes outside words
(`a | from| to|`, `grep foo| sort| uniq`); a lone pipe inside or at the edge of a word stays
an OCR reading of "l" ("Va|ery", "Stee|").

In `strict` mode (Markdown and reST documents) words with digits (`utf8`, `h5py`) and every
camelCase word are technical too; in plain text "GoogIe" may be an OCR "Google", and a word
that opens with a capital ("YoiiTube") a brand's name.

Whether a whole document reads as technical writing is a separate, stricter question
(`count_code_chunks`): OCR of old print is full of stray `\\`, `^`, `<`, `}`, `/` and `.` inside
words, which make chunks safe from correction but are no evidence of code. In plain text only
well-formed code counts: a snake_case name, a file name with a known extension, a path, a
long option, a call, a key=value pair, a backquoted span, a shell command, or a line the pipes
make a table row or a pipeline (once per line). Abbreviations with dots ('m.p.h.') are none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from ..patterns import compile_regex
from .spans import BLOCK_MASK, Span

_MARKS = r"""
      [\\=<>{}^~$`]                                  # never prose
    | (?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])             # snake_case
    | (?<!\S)__(?=\w)                                # __dunder__
    | /(?=[\p{L}\p{N}._~-])|(?<=[\p{L}\p{N}._~-])/   # paths, a/b
    | (?<=[\p{L}\p{N}_])\.(?=[\p{Ll}_])              # dotted.names, file.ext
    | (?<!\S)\.(?=[\p{L}_])                          # .dotfiles
    | (?<=[\p{L}\p{N}_])[(\[](?=\S)                  # f(x), a[i]
    | (?<=\w)::|::(?=\w)                             # std::vector
    | (?<!\S)--?(?=\p{L})                            # -v, --option
    | (?<=\w)[@&](?=\w) | \+\+ | (?<=\w)\+(?=\w)     # user@host, AT&T, C++, a+b
    | (?<=\p{Ll})(?<!\p{Lu}l)(?<!^\p{Ll}|[^\p{L}]\p{Ll})(?<!(?:^|[^\p{L}\p{N}_])\p{Lu}\p{L}{0,20})
      (?![IOB])\p{Lu}                                  # camelCase, see below
    | (?<=\p{Lu}l)(?![IO])\p{Lu}(?!\p{Lu}*(?:\P{L}|$))
"""
# camelCase: a capital after a lowercase letter, but I, O and B (OCR's l, 0 and s: 'GoogIe',
# 'workB'), a capital after an l between capitals of a word in capitals (OCR's l for I:
# 'INTELLlGENCE'), one after a word's single first letter (two letters swapped: 'aLmbing',
# 'eBfore'), and one in a word that opens with a capital (a name of a brand: 'YoiiTube' is
# OCR's YouTube, 'CrovvdStrike' CrowdStrike; code names open in lowercase, 'getURL') are no
# code.
MARKS = compile_regex(_MARKS, regex.VERBOSE)
STRICT_MARKS = compile_regex(
    _MARKS + r"| (?<=\p{Ll})\p{Lu} | (?<=\p{L})\p{N} | (?<=\p{N})\p{L}", regex.VERBOSE
)
PROMPT_LINE = compile_regex(r"^[ \t]*\$[ \t]+\S[^\r\n]*", regex.MULTILINE)
PIPE_LINE = compile_regex(r"^[^\r\n|]*\|[^\r\n]*\|[^\r\n]*", regex.MULTILINE)
EDGE_PIPE = compile_regex(r"(?<!\p{L})\||\|(?!\p{L})")
PIPE = compile_regex(r"\|")
"""A pipe character: a cell border of a pipe table."""
# Web addresses, abbreviations (e.g., a.m., U.S.) and word pairs (and/or) are no sign of a
# technical document.
NOT_CODE = compile_regex(
    r"[\W\d]*(?:.*(?:://|www\.|@).*|(?:\p{L}{1,2}\.)+\p{L}{0,2}|\p{L}+/\p{L}+)[\W\d]*$"
)


_CHUNK_CHARS = r"[^\s" + BLOCK_MASK + "]*"
CHUNK_AFTER = compile_regex(_CHUNK_CHARS)
CHUNK_BEFORE = compile_regex(_CHUNK_CHARS, regex.REVERSE)


def _chunk(text: str, at: int) -> tuple[int, int]:
    """The chunk around position `at`."""
    return CHUNK_BEFORE.match(text, 0, at).start(), CHUNK_AFTER.match(text, at).end()


def _chunks(text: str, positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The chunks around ascending `positions`, each once (a long chunk may hold many)."""
    end = -1
    for at in positions:
        if at >= end:
            start, end = _chunk(text, at)
            yield start, end


def technical_spans(text: str, strict: bool = False) -> list[Span]:
    """Sorted, non-overlapping spans of technical chunks and prompt lines in `text`."""
    found: list[tuple[int, int]] = [m.span() for m in PROMPT_LINE.finditer(text)]
    marks = STRICT_MARKS if strict else MARKS
    found.extend(_chunks(text, (m.start() for m in marks.finditer(text))))
    if "|" in text:
        for line in PIPE_LINE.finditer(text):
            if len(EDGE_PIPE.findall(line.group())) >= 2:
                pipes = (bar.start() for bar in PIPE.finditer(text, line.start(), line.end()))
                found.extend(_chunks(text, pipes))
    spans: list[Span] = []
    for start, end in sorted(found):
        if spans and start < spans[-1].end:
            if end > spans[-1].end:
                spans[-1] = Span(spans[-1].start, end)
        elif end > start:
            spans.append(Span(start, end))
    return spans


# Well-formed code, the only sign of a technical plain-text document (see the module docstring).
WELL_FORMED_CODE = compile_regex(r"""
      [A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+_?                  # snake_case
    | __[A-Za-z]\w*__                                           # __dunder__
    | [a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*
      \.(?:py|js|ts|md|rst|txt|toml|json|ya?ml|cfg|ini|sh|c|h|cpp|rs|go|html?|css|xml|csv
        |exe|dll|so|log|conf|lock|zip|gz)                        # file.ext
    | [a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\(\)               # module.call()
    | (?:~|\.{1,2})?/[\w.-]*[A-Za-z][\w.-]*(?:/[\w.-]+)*/?      # /abs/path, ~/x, ./x
    | [\w.-]+(?:/[\w.-]+){2,}/?                                 # rel/path/x
    | [A-Za-z]:\\(?:[\w.-]+\\)*[\w.-]*                          # C:\Windows
    | --[a-z][a-z0-9-]+(?:=\S+)?                                # --option
    | [A-Za-z_]\w*\([^()\s]*\) | [A-Za-z_]\w*\[[^\[\]\s]*\]     # f(x), a[i]
    | \w+(?:::\w+)+                                             # std::vector
    | [A-Za-z_]\w*=\S+                                          # key=value
    | `[^`]+`
    | \$[ \t]+[a-z][\w.-]*(?:[ \t].*)?                          # $ command
""", regex.VERBOSE)
PROSE_PUNCTUATION = compile_regex(r"[\"'“‘(\[<]*(.*?)[\"'”’)\]>,;:.!?]*", regex.DOTALL)
# Three or more single letters with dots ('m.p.h.'): an abbreviation, though 'm.p.h' ends like
# a C header file ('x.h' stays one).
DOTTED_LETTERS = compile_regex(r"(?:\p{L}\.){2,}\p{L}")


def _well_formed(chunk: str) -> bool:
    inner = PROSE_PUNCTUATION.fullmatch(chunk)
    if inner and DOTTED_LETTERS.fullmatch(inner.group(1)):
        return False
    return bool(WELL_FORMED_CODE.fullmatch(chunk)
                or (inner and WELL_FORMED_CODE.fullmatch(inner.group(1))))


def count_code_chunks(text: str, spans: list[Span], strict: bool = False) -> int:
    """How many of the technical `spans` are code: in `strict` mode (Markdown, reST) every
    chunk but web addresses and abbreviations, in plain text only well-formed code, and the
    chunks of a line its pipes make a table row or a pipeline as one (a share bar, 'Pinterest
    | Reddit | Print', is a single line)."""
    if strict:
        return sum(1 for span in spans if not NOT_CODE.match(text, span.start, span.end))
    count, end, line_counted = 0, 0, False
    for span in spans:  # sorted: each gap between chunks is searched for a line end once
        if text.find("\n", end, span.start) != -1:
            line_counted = False
        end = span.end
        chunk = text[span.start : span.end]
        if "|" in chunk:  # only a table row or a pipeline makes a pipe technical
            if not line_counted:
                count, line_counted = count + 1, True
        elif _well_formed(chunk):
            count += 1
    return count
