"""The `unicode` stage: broken encodings, invisible characters, odd spaces, ligatures.

Mojibake and other encoding damage are repaired by ftfy, line by line, with options chosen
for news text: curly quotes, line breaks and full-width characters are left alone, and
ftfy's explanation of each repair becomes the edit's reason. On top of ftfy, a small table
removes zero-width spaces, word joiners, stray byte-order marks and soft hyphens, and turns
no-break spaces into plain ones. With the profile's `typography = "ascii"`, curly quotes,
dashes and ellipses become ASCII as well (off by default: news typography is kept).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import TYPE_CHECKING

import ftfy
import ftfy.badness

from .model import Edit
from .patterns import compile_regex
from .profile import TYPOGRAPHY

if TYPE_CHECKING:
    from .pipeline import StageContext

FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # typographic quotes are content in news; a profile may change them
    fix_line_breaks=False,  # CRLF and LF are the caller's to keep
    fix_character_width=False,  # full-width forms belong to CJK text
    normalization="NFC",
    explain=True,
)

INVISIBLE = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark",
             "\u00ad": "soft hyphen"}
SPACES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u2007": "figure space"}
ASCII_TYPOGRAPHY = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                    "\u2014": "--", "\u2026": "..."}

# Text needs a look when ftfy's own detector calls it mojibake, when it is not in NFC, or
# when it holds a character of the table, a ligature, a control character, a lone surrogate
# or an HTML entity. Curly quotes, dashes and accented letters alone do not count.
# The characters are one plain class, which `re` finds far faster than `regex`; an entity is
# looked for only in text with an ampersand.
NEEDS_LOOK = re.compile(
    "[" + "".join(INVISIBLE) + "".join(SPACES)
    + r"\ufb00-\ufb06\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
)
HTML_ENTITY = compile_regex(r"&#?\w+;")
NEEDS_ASCII = compile_regex("[" + "".join(ASCII_TYPOGRAPHY) + "]")
# UTF-8 read as Latin-1 or Windows-1252 always shows a lead byte as one of these characters;
# ftfy's (slower) detector runs only on text that has one.
MOJIBAKE_LEAD = compile_regex(r"[\u00c2-\u00f4]")
LINE = compile_regex(r"[^\r\n]*(?:\r\n|\n|\r|$)")
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
BADNESS_MAX_WIDTH = 7
"""The longest sequence ftfy's badness regex flags (tests/test_unicode.py checks it)."""


def looks_bad(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, searched only around the non-ASCII characters of `text`:
    every sequence ftfy's badness regex flags holds one among its first three characters and
    is at most `BADNESS_MAX_WIDTH` long (tests/test_unicode.py checks both against ftfy), so
    the ASCII stretches that make up most of an English text are skipped (a twentieth of the
    work over the speed bench's news and clean corpora, the same verdicts)."""
    badness = ftfy.badness.BADNESS_RE
    return any(
        badness.search(text, max(0, run.start() - 2), run.end() + BADNESS_MAX_WIDTH - 1)
        for run in NON_ASCII_RUN.finditer(text)
    )


def _needs_look(text: str, typography: str) -> bool:
    return bool(
        NEEDS_LOOK.search(text)
        or ("&" in text and HTML_ENTITY.search(text))
        or (MOJIBAKE_LEAD.search(text) and looks_bad(text))
        or not unicodedata.is_normalized("NFC", text)
        or (typography == "ascii" and NEEDS_ASCII.search(text))
    )


KEEP_TYPOGRAPHY = str.maketrans({**dict.fromkeys(INVISIBLE), **dict.fromkeys(SPACES, " ")})
MAKE_ASCII = str.maketrans({**dict.fromkeys(INVISIBLE), **dict.fromkeys(SPACES, " "),
                            **ASCII_TYPOGRAPHY})


def _table_fix(line: str, typography: str, at_start: bool) -> str:
    """Apply the character table; a byte-order mark that opens the text is kept."""
    table = MAKE_ASCII if typography == "ascii" else KEEP_TYPOGRAPHY
    if at_start and line.startswith("\ufeff"):
        return "\ufeff" + line[1:].translate(table)
    return line.translate(table)


TABLE_RUNS = {
    typography: re.compile("|".join(
        f"[{''.join(table)}]+" for table in (INVISIBLE, SPACES, ASCII_TYPOGRAPHY)
        if typography == "ascii" or table is not ASCII_TYPOGRAPHY))
    for typography in TYPOGRAPHY
}
"""Runs of one kind of the table's characters, by typography (ASCII typography only for
"ascii"): where ftfy repairs nothing, each run is one edit."""


def _table_edits(line: str, start: int, typography: str) -> list[Edit]:
    """The character table's edits of a line ftfy left as it was, run by run. A diff of the
    line against its fixed form could align a space inside a code span ('add\u00a0`bound\u00a0
    apply`') with the one before it and report a space moved, not replaced."""
    edits = []
    for run in TABLE_RUNS[typography].finditer(line):
        removed = run.group()
        added = _table_fix(removed, typography, at_start=start + run.start() == 0)
        if added != removed:
            rule, reason, confidence = _describe(removed, added, "")
            edits.append(Edit(start + run.start(), start + run.end(), removed, added,
                              "unicode", rule, confidence, reason))
    return edits


def _describe(removed: str, added: str, ftfy_steps: str) -> tuple[str, str, float]:
    """(rule, reason, confidence) for one changed span."""
    if removed and all(c in INVISIBLE for c in removed) and not added:
        names = sorted({INVISIBLE[c] for c in removed})
        return "unicode.invisible", f"invisible character removed ({', '.join(names)})", 1.0
    if removed and all(c in SPACES for c in removed) and added == " " * len(removed):
        return "unicode.space", f"{SPACES[removed[0]]} replaced by a plain space", 1.0
    if removed and all(c in ASCII_TYPOGRAPHY for c in removed):
        return "unicode.typography", "typography made ASCII (profile typography = ascii)", 1.0
    return "unicode.ftfy", f"broken Unicode repaired by ftfy ({ftfy_steps})", 0.95


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Edits repairing encoding damage and invisible or odd characters in `text`."""
    typography = ctx.profile.typography
    if not _needs_look(text, typography):
        return []
    edits: list[Edit] = []
    for match in LINE.finditer(text):
        raw = match.group()
        if not raw or not _needs_look(raw, typography):
            continue
        body = raw.rstrip("\r\n")
        start = match.start()
        fixed = ftfy.fix_and_explain(body, FTFY_CONFIG)
        if fixed.text == body:
            edits += _table_edits(body, start, typography)
            continue
        steps = ", ".join(f"{action} {param}" for action, param in fixed.explanation or ())
        result = _table_fix(fixed.text, typography, at_start=start == 0)
        if result == body:
            continue
        matcher = difflib.SequenceMatcher(None, body, result, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            rule, reason, confidence = _describe(body[i1:i2], result[j1:j2], steps)
            edits.append(Edit(start + i1, start + i2, body[i1:i2], result[j1:j2], "unicode",
                              rule, confidence, reason))
    return edits
