"""What a document's own writing keeps of each stage's edits.

A Markdown or reST document that shows code (a code block or code span) is its author's text,
not a scraped page: its "See also" heading and copyright line are part of it, and its no-break
spaces are typography ("Python 3.9" kept on one line). In such a document the `boilerplate`
stage removes nothing, and the `unicode` stage keeps no-break spaces (it still repairs broken
encodings and removes invisible characters). Plain text never counts: it has no code blocks to
show, and an article whose promo blocks bring a few technical-looking words is still an
article.

In a technical document (one that shows enough code, see `DocumentView.looks_technical`) the
unknown words are mostly names of tools and terms of art. A spelling correction is kept as a
suggestion when it reads a capitalized word as a common word or as a well-known name one slip
away (`RISKY_RULES`: a capitalized word no list knows is a product's or a contributor's name
here, 'Brotli' -> 'Broth', 'Rekognition' -> 'Recognition', 'Nirk' -> 'Nick'), as a name one
typing slip away (kind `entity`: 'Hassaan Pasha' -> 'Hassan'), or, in a name of several words
or alone in parentheses, as a name one glyph confusion away (`NAME_GLYPH_RULES`: 'Guillaume
Tuton' -> 'Luton'), when the word
has capitals after its first letter (an identifier: 'CDash' -> 'Cash', 'SCons' -> 'Sons',
'SEMVER' -> 'SERVER'), and when it is lowercase: a lowercase word no dictionary
knows is more often the name of a tool, package or function (`etcd`, `isort`, `gevent`,
`toml`, `rjust`) than a typo of a common word one or two letters away, and a known word is a
command or a term of art ("clone" a repository is not "done"). The evidence is overwhelming,
and the correction stays a fix, when:

- the word is a known common misspelling of the correction (codespell's list, see
  `normalizer.misspellings`, read with the lexicon: "recieve", "teh");
- the slip is a classic typing error in a lowercase word written once: two neighbouring
  letters swapped ("wlil", "cahce") or a doubled letter dropped or added ("occured",
  "untill"), its first letter as meant and not doubled (`ccache` is a tool);
- the correction undoes a glyph confusion (an `ocr` edit) of a token of five letters or more
  that wordfreq never saw, and the document itself uses the corrected word elsewhere while
  the misread spelling occurs only once ("governrnent"; not "npm ls" nor the C library
  "musl", which any document's "is" and "must" would confirm, nor a term of art some corpus
  has seen, "a new inode" in a page that says "mode" nine times).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Edit
from ..patterns import compile_regex
from ..tokens import beside_capital
from .view import DocumentView

if TYPE_CHECKING:
    from ..lexicon import Lexicon

WORD = compile_regex(r"[\p{L}\p{M}]+")
DOWNGRADE_REASON = (
    "kept as a suggestion: a word no list knows in a technical document may be a name or a term"
)
NO_BREAK_SPACE_RULE = "unicode.space"


def is_transposition(a: str, b: str) -> bool:
    """Whether `b` is `a` with two neighbouring letters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]


def is_doubling(a: str, b: str) -> bool:
    """Whether one of `a`, `b` is the other with one letter doubled."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(
        long_[i] == long_[i + 1] and long_[:i] + long_[i + 1 :] == short
        for i in range(len(long_) - 1)
    )


RISKY_RULES = frozenset({"spelling.lexicon", "ocr.lexicon", "spelling.capitalized"})
"""The rules that read a capitalized token as a common word ('Brotli' -> 'Broth',
'Rekognition' -> 'Recognition') or as a well-known name one slip away ('Nirk' -> 'Nick')."""
NAME_GLYPH_RULES = frozenset({"ocr.gazetteer", "ocr.wordfreq"})
"""The rules that read a capitalized token as a well-known name one glyph confusion away:
risky in a name of several words or alone in parentheses, since typed documents have no OCR
and a changelog's contributors are who they are ('Guillaume Tuton' -> "Luton", 'Bogdan
Lobor' -> "Labor", '(Konv)' -> "Kony"), while a lone misread place ('runs in Libva') and a
name with OCR's junk in it ('Va|ery Gerasimov') stay fixes. A name read through a typing
slip (kind `entity`) is always risky: a contributor list's 'Hassaan', 'Diosney Sarmiento'
and 'Martii' are no 'Hassan', 'Disney' and 'Martin'."""
CONFIRMED_MIN_LENGTH = 5
"""The shortest misread token the document's own use of its correction confirms: a shorter
one is a glyph away from words every text uses ('npm ls' is no 'is', the C library 'musl'
no 'must')."""


def _confirmed_by_document(edit: Edit, counts: Counter[str], lexicon: Lexicon) -> bool:
    misread = edit.original.lower()
    return (
        edit.kind == "ocr"
        and len(edit.original) >= CONFIRMED_MIN_LENGTH
        and counts[edit.replacement.lower()] >= 1
        and counts[misread] <= 1
        and not lexicon.frequency(misread)
    )


def _is_risky(edit: Edit, text: str) -> bool:
    return edit.applied and edit.kind in ("spelling", "ocr", "entity") and (
        edit.original.islower() or edit.rule in RISKY_RULES
        or not edit.original[1:].islower()  # 'CDash', 'SCons', 'SEMVER': capitals inside
        or _reads_a_name(edit, text))


def _reads_a_name(edit: Edit, text: str) -> bool:
    """Whether `edit` reads a typed name as another: through a typing slip (kind `entity`),
    or through a glyph confusion in a name of several words or alone in parentheses. The
    document's own use of the reading confirms nothing here: a changelog credits 'Colin'
    and 'Simona Cotin' alike."""
    return edit.kind == "entity" or (
        edit.rule in NAME_GLYPH_RULES and edit.original.isalpha()
        and (beside_capital(text, edit.start, edit.end)
             or _in_parenthesized_name(text, edit.start, edit.end)))


PARENTHESIZED_NAME = compile_regex(r"\((?:\p{Lu}[\p{L}\p{M}'’.-]*+ ?){1,6}\)")
"""Capitalized words alone in parentheses, as a changelog credits its contributors
('(Simona Cotin)', '(Konv)')."""
NAME_REACH = 120
"""How far before a token its opening parenthesis is looked for."""


def _in_parenthesized_name(text: str, start: int, end: int) -> bool:
    """Whether the token `text[start:end]` is one of capitalized words alone in parentheses."""
    opening = text.rfind("(", max(0, start - NAME_REACH), start)
    if opening < 0:
        return False
    found = PARENTHESIZED_NAME.match(text, opening, end + NAME_REACH)
    return found is not None and found.end() > end


def review(stage: str, edits: list[Edit], view: DocumentView, lexicon: Lexicon) -> list[Edit]:
    """What stage `stage` may propose of `edits` in the document `view` (see the module
    docstring); `lexicon`: its common-misspellings table and wordfreq's frequencies."""
    if stage == "boilerplate" and view.shows_code:
        return []
    if stage == "unicode" and view.shows_code:
        return [edit for edit in edits if edit.rule != NO_BREAK_SPACE_RULE]
    if stage != "spelling":
        return edits
    risky = [edit for edit in edits if _is_risky(edit, view.masked)]
    # Most documents have no risky edit: they need not be read for code at all.
    if not risky or not view.looks_technical:
        return edits
    counts = Counter(word.lower() for word in WORD.findall(view.masked))
    downgraded = {
        id(edit) for edit in risky
        if not is_overwhelming(edit, counts, lexicon) or _reads_a_name(edit, view.masked)
    }
    return [
        replace(edit, applied=False, reason=f"{edit.reason}; {DOWNGRADE_REASON}")
        if id(edit) in downgraded else edit
        for edit in edits
    ]


def is_overwhelming(edit: Edit, counts: Counter[str], lexicon: Lexicon) -> bool:
    """Whether the evidence for `edit` holds even in technical writing (see module doc);
    `counts` are the document's lowercase word counts."""
    wanted = edit.replacement.lower()
    return (
        lexicon.misspellings.get(edit.original.lower()) == wanted
        or _typing_slip(edit.original, wanted, counts)
        or _confirmed_by_document(edit, counts, lexicon)
    )


def _typing_slip(original: str, wanted: str, counts: Counter[str]) -> bool:
    """A lowercase word written once in the document with two neighbouring letters swapped
    or a letter doubled or dropped, its first letter as meant: a term is written the same way
    again ('deopt' twice is V8's word, not 'depot'), a tool's name may double its first
    letter ('ccache'), and a name's spelling is its own ('Hassaan')."""
    if not (original.islower() and original[0] == wanted[0] and counts[original] <= 1):
        return False
    if is_transposition(original, wanted):
        return True
    doubled_first = any(word[1:2] == word[0] for word in (original, wanted))
    return is_doubling(original, wanted) and not doubled_first
