"""Word tokens with offsets, and the protected spans no stage may touch.

A token is a run of letters (any script), combining marks and digits, with inner apostrophes
("Russia's", "don't"). Hyphens split tokens, so "Taliban-linked" is two tokens. Protected
spans: URLs, e-mail addresses, @handles, #tags, code in backticks, and tokens that are
numbers or number-like codes ("COVID-19" keeps its letters checkable, "10am" is protected).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

import regex

from .patterns import Pattern, compile_regex

# "!" and "|" are OCR's l inside a word ("kil!ing", "Va|ery"), and so is a bar that starts a
# word after a space ("|ater") or a bar that ends one ("Stee|").
TOKEN = compile_regex(
    r"(?:(?<![^\s(\"“‘])[!|](?=\p{Ll}{2}))?"
    r"[\p{L}\p{M}\p{Nd}]+(?:(?:['’]|(?<=\p{L})[!|](?=\p{Ll}))[\p{L}\p{M}\p{Nd}]+)*"
    r"(?:(?<=\p{L}\p{L})\|(?![\p{L}\p{N}]))?"
)
TOKEN_CHAR = compile_regex(r"[\p{L}\p{M}\p{Nd}]")
# The same tokens in text without "!" or "|", twice as fast to scan.
TOKEN_PLAIN = compile_regex(r"[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}\p{Nd}]+)*")
# A scan costs constant work per position even on a megabyte with no space in it: URLs are
# greedy runs (their final punctuation is trimmed afterwards, not by backtracking), every
# other repetition is bounded (RFC 5321/1035 lengths for addresses and labels).
ENDINGS = r"(?i:com|org|net|gov|edu|io|co|uk|txt|pdf|html?|py|json)"
"""The endings that make a dotted word a domain or a file name ('BEOPEN.COM', 'setup.py')."""
PROTECTED = compile_regex(
    r"""
      (?:https?|ftp)://\S+                                # URLs (final punctuation: see below)
    | www\.[^\s/.]{1,253}\.\p{L}\S+
    | [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+          # e-mail addresses
    | (?<![\w@])@\w{1,30}                                # @handles
    | (?<![\w&#])\#\w{1,140}                              # #tags
    | `[^`\n]{1,2000}`                                    # inline code
    | \b[\w-]{1,63}\.""" + ENDINGS + r"""\b               # domains, files, in any case
    """,
    regex.VERBOSE,
)
# Digits inside a token are OCR confusions only in word shapes like "0bama" or "Libya1" (at
# least three letters, at most two digits, each a digit OCR mistakes for a letter), or "a1l",
# "y0u", "1ed", "oi1" (see `_short_word_with_digit`); any other token with a digit is a
# number, unit, ordinal or code and stays: 10am, 1990s, 5G, H1N1, B52, ps1, md5.
NUMBER_UNIT = compile_regex(
    r"^\d+(?:am|pm|st|nd|rd|th|s|m|k|km|kg|mg|ml|g|mm|cm|mph|bn|mn|x|gb|mb|tb|ft|lb|lbs|hz|d)$",
    regex.IGNORECASE,
)
OCR_DIGITS = frozenset("01568")


def _is_ocr_word_shape(surface: str) -> bool:
    digits = [c for c in surface if c.isdigit()]
    letters = sum(c.isalpha() for c in surface)
    if not all(d in OCR_DIGITS for d in digits) or NUMBER_UNIT.match(surface):
        return False
    if letters == 2:
        return len(surface) == 3 and _short_word_with_digit(surface)
    return letters >= 3 and len(digits) <= 2


MONTH_GLYPH_SHAPES = frozenset({"0ct", "5ep"})
"""The month abbreviations whose capital O or S OCR prints as a digit."""


def _short_word_with_digit(surface: str) -> bool:
    """Whether a token of two letters and a digit is a short word in OCR's hand: the digit
    between the letters ('a1l', 'y0u'), or two lowercase letters with a vowel among them and
    a 1 before them or a 1 or 0 after them ('1ed', 'oi1', 'al1', 'no1': OCR's l, i or o).
    A code's letters are consonants ('ps1', 'md5') or its digit another ('es5', 'ie8'); 'av1'
    is a word shape, but no word lies one glyph from it. A leading 0, 5 or 8 reads as a
    letter too readily ('0ex' as 'sex', '0ad' as 'had'), but in the month abbreviations
    OCR prints so (`MONTH_GLYPH_SHAPES`: '0ct. 14'). News seeds 3/17/55/5/11/23: 3 more
    fixes; no clean token of any set or of 300 Markdown and reST files changed; one wrong
    reading more on OverProof dataset 2 ('1er') and one wrong in case on the synthetic set
    ('1aw' -> Law: a leading 1 reads as a capital)."""
    if surface[1].isdigit() or surface in MONTH_GLYPH_SHAPES:
        return True
    first, last = surface[0], surface[-1]
    letters = surface[1:] if first.isdigit() else surface[:-1]
    return (letters.islower() and any(c in "aeiouy" for c in letters)
            and (first == "1" or last in "01"))


HEADLINE_WORD = compile_regex(r"\p{L}+")
HEADLINE_MAX_LENGTH = 160
POSSESSIVE = compile_regex(r"['’][sS]$|(?<=[sS])['’]$")
SENTENCE_END = compile_regex(r"""[.!?]["'”’)\]]*\s*$|^\s*$|[\n]\s*$|[:;]\s*["“]?\s*$""")


@dataclass(frozen=True, slots=True)
class Token:
    """A word token: `text[start:end] == surface`; `base` drops a possessive 's."""

    start: int
    end: int
    surface: str
    base: str


URL_STARTS = ("http://", "https://", "ftp://", "www.")
URL_TRAILING = ".,;:!?)]'\"’”"
"""Punctuation that ends a sentence around a URL rather than the URL itself."""
# Every protected span holds one of these: most lines hold none. Substring tests find a mark,
# and a pattern opening with its one literal dot an ending: `re` tried an alternation of them
# all at each place of a line, 145 instructions a character.
DOT_ENDING = re.compile(r"\." + ENDINGS)


def may_hold_protected(text: str) -> bool:
    """Whether `text` holds a mark or a dotted ending that every protected span holds."""
    return ("://" in text or "www." in text or "@" in text or "#" in text or "`" in text
            or DOT_ENDING.search(text) is not None)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of URLs, e-mails, handles, tags and inline code."""
    if not may_hold_protected(text):
        return []
    spans = []
    for match in PROTECTED.finditer(text):
        start, end = match.span()
        if text.startswith(URL_STARTS, start):
            end = start + len(match.group().rstrip(URL_TRAILING))
        spans.append((start, end))
    return spans


@lru_cache(maxsize=64)
def _line_protected_spans(line: str) -> tuple[tuple[int, int], ...]:
    """`protected_spans` of one line, memoized: each pass over a window tokenizes the lines
    that hold its word types again (on modern news, half the lines asked for)."""
    return tuple(protected_spans(line))


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end >= 0 else len(text)


SEARCH_LIMIT = 64
"""Up to this many wanted word types are found by substring search, more by one scan."""


def _pattern(text: str) -> Pattern:
    return TOKEN if "!" in text or "|" in text else TOKEN_PLAIN


def _starts_token(text: str, pos: int, pattern: Pattern) -> bool:
    """Whether a full scan with `pattern` would start a token at `pos`."""
    if pos == 0:
        return True
    before = text[pos - 1]
    # An ASCII character is a token character when it is a letter or a digit.
    if before.isalnum() if before.isascii() else TOKEN_CHAR.match(before):
        return False  # a run of token characters is always one token
    if before not in "'’!|":
        return True
    # An apostrophe or a bar may join tokens: rescan the run of characters that can.
    start = pos - 1
    while start > 0 and pos - start < 64 and (
        TOKEN_CHAR.match(text[start - 1]) or text[start - 1] in "'’!|"
    ):
        start -= 1
    for match in pattern.finditer(text, start):
        if match.start() >= pos:
            return match.start() == pos
    return False


def _ends_plain_token(text: str, end: int) -> bool:
    """Whether a `TOKEN_PLAIN` token of token characters up to `end` ends there: no token
    character follows, nor an apostrophe before one."""
    after = text[end : end + 2]
    if after[:1] in ("'", "’"):
        after = after[1:]  # an apostrophe joins a token character after it
    # An ASCII character is a token character when it is a letter or a digit.
    return not after or not (after[0].isalnum() if after[0].isascii()
                             else TOKEN_CHAR.match(after[0]))


_found = threading.local()
"""Per thread, the last text `_matches` searched and the spans it found of each surface: the
passes over a window ask for the same few word types again (half the surfaces asked for on
the speed bench's corpora)."""


def _matches(text: str, only: Iterable[str], counts: Mapping[str, int]
             ) -> list[tuple[int, int]]:
    """Spans of the tokens whose surface is one of `only`, in order, found by substring
    search (`_surface_spans`, memoized for the last text searched)."""
    memo = getattr(_found, "memo", None)
    if memo is None or memo[0] is not text:
        memo = _found.memo = (text, {})
    spans = memo[1]
    found = []
    for surface in only:
        known = spans.get(surface)
        if known is None:
            known = spans[surface] = _surface_spans(text, surface, counts.get(surface, 0))
        found += known
    return sorted(found)  # no two tokens start at one place


def _surface_spans(text: str, surface: str, count: int) -> list[tuple[int, int]]:
    """Spans of the tokens `surface` in `text`, in order, found by substring search: clean
    text has few unknown word types, and str.find outruns a regex scan of every token. Where
    a token starts, one of ASCII letters and digits (most) is told to end with its surface by
    the characters after it, without a regex call. The search stops at its last token, where
    `count` (0: unknown) tells how many there are."""
    pattern = _pattern(text)
    plain = pattern is TOKEN_PLAIN and surface.isascii() and surface.isalnum()
    found = []
    pos = text.find(surface)
    while pos >= 0:
        # Most finds are inside a longer word: the cheaper test first.
        if _starts_token(text, pos, pattern):
            end = pos + len(surface)
            if _ends_plain_token(text, end) if plain else (
                    (match := pattern.match(text, pos)) and match.end() == end):
                found.append((pos, end))
                if len(found) == count:
                    break
        pos = text.find(surface, pos + 1)
    return found


def tokenize(text: str, only: Collection[str] | None = None,
             counts: Mapping[str, int] | None = None) -> Iterator[Token]:
    """Checkable word tokens of `text`, outside protected spans, in order.

    With `only`, just the tokens whose surface is in it: the engine asks for the few word
    types it does not know, so clean text costs one regex scan and no Token objects.
    Protected spans are found line by line, and only on lines that hold a wanted token.
    `counts`: how often each surface of `only` is a token of `text` (its `word_types`),
    where the caller knows it: the search for a surface stops at its last token.
    """
    line_end = -1  # the line holding the previous match, and its protected spans
    spans: list[tuple[int, int]] = []
    if only is not None and len(only) <= SEARCH_LIMIT:
        found: Iterable[tuple[int, int]] = _matches(text, only, counts or {})
    else:  # one scan: substring search per type would grow with types x length
        found = (match.span() for match in _pattern(text).finditer(text))
    for start, end in found:
        surface = text[start:end]
        if only is not None and surface not in only:
            continue
        if start > line_end:  # matches come in order: each line is scanned once
            line_start, line_end = _line_bounds(text, start)
            spans = [
                (line_start + s, line_start + e)
                for s, e in _line_protected_spans(text[line_start:line_end])
            ]
        if spans and any(s < end and start < e for s, e in spans):
            continue
        # Letters only (most tokens) hold no digit.
        if (not surface.isalpha() and any(c.isdigit() for c in surface)
                and not _is_ocr_word_shape(surface)):
            continue
        yield Token(start, end, surface, strip_possessive(surface))


def strip_possessive(surface: str) -> str:
    """'Russia's' -> 'Russia', 'officials'' -> 'officials'."""
    if "'" not in surface and "’" not in surface:
        return surface
    return POSSESSIVE.sub("", surface) or surface


WORD_EDGES = ".,;:?\"'()[]{}“”‘’«»—–-…/*"
"""Characters of no token that often stand around a word ('said,' '(AP)' '“We')."""


def word_types(text: str) -> Counter[str]:
    """How often each token surface occurs (protected spans included: a cheap upper bound).

    No token spans white space, so `TOKEN_PLAIN`'s are read chunk by chunk (`str.split`): a
    chunk that is ASCII letters and digits once `WORD_EDGES` are stripped off (most) is one
    token, without a regex scan of its characters; the others are scanned."""
    pattern = _pattern(text)
    if pattern is not TOKEN_PLAIN:
        return Counter(pattern.findall(text))
    surfaces: list[str] = []
    for chunk in text.split():
        if not (chunk.isascii() and chunk.isalnum()):
            chunk = chunk.strip(WORD_EDGES)
            if not (chunk.isascii() and chunk.isalnum()):
                surfaces += pattern.findall(chunk)
                continue
        surfaces.append(chunk)
    return Counter(surfaces)


def in_headline(text: str, start: int) -> bool:
    """True when the line around `start` is a Title Case headline (most words capitalized,
    no final period), where capitals mark style, not names."""
    # Only a short line can be a headline: look no further than HEADLINE_MAX_LENGTH either
    # way, so that tokens on one very long line cost constant time each.
    lo = max(0, start - HEADLINE_MAX_LENGTH - 1)
    line_start = text.rfind("\n", lo, start) + 1
    line_end = text.find("\n", start, start + HEADLINE_MAX_LENGTH + 1)
    if (line_start == 0 and lo > 0) or (line_end < 0 and start + HEADLINE_MAX_LENGTH < len(text)):
        return False
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if not line or len(line) > HEADLINE_MAX_LENGTH or line.endswith((".", "?", "!", ":", ";", ",")):
        return False
    words = [w for w in HEADLINE_WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# Searched backwards (`(?r)`): one attempt at the end instead of one per character before it.
CAPITALIZED_NEIGHBOUR_BEFORE = compile_regex(
    r"(?r)(?<![.!?:;\"“]\s{0,3})\b\p{Lu}\p{Ll}+[ \t]+\Z")
CAPITALIZED_NEIGHBOUR_AFTER = compile_regex(r"[ \t]+\p{Lu}\p{Ll}+\b")
DATELINE_DASH = compile_regex(r"[—–][ \t]*\Z")
"""A dash before a capitalized word: a dateline's ('ADRÉ, Chad — Every day'), whose next word
opens the article's first sentence."""


def capitalized_neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The capitalized words right before the token `text[start:end]` (one that opens no
    sentence) and right after it, on its line, each None when there is none."""
    head = text[max(0, start - HEADLINE_MAX_LENGTH) : start]
    before = CAPITALIZED_NEIGHBOUR_BEFORE.search(head)
    if before is not None and (starts_sentence(head, before.start())
                               or DATELINE_DASH.search(head, 0, before.start())):
        before = None
    after = CAPITALIZED_NEIGHBOUR_AFTER.match(text, end, end + HEADLINE_MAX_LENGTH)
    return (before.group().rstrip() if before else None,
            after.group().lstrip() if after else None)


def beside_capital(text: str, start: int, end: int) -> bool:
    """Whether the token `text[start:end]` has a capitalized word right before it (one that
    opens no sentence) or right after it, on its line: it may stand in a name ('lames Smith')."""
    return capitalized_neighbours(text, start, end) != (None, None)


CLOSING_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»"}


QUOTED_PUNCTUATION = ",.;:!?"
"""What may stand between a quoted word and its closing mark ('named "ninaa," then')."""


def quoted_alone(text: str, start: int, end: int) -> bool:
    """Whether the token `text[start:end]` stands alone between quotation marks ('"aud"',
    '“tor”', '"teh,"'): a word mentioned, not used, whose spelling is the point."""
    if start == 0 or end >= len(text):
        return False
    closing = CLOSING_QUOTES.get(text[start - 1])
    if closing is None:
        return False
    if text[end] in QUOTED_PUNCTUATION:
        end += 1
    return end < len(text) and text[end] == closing


def starts_sentence(text: str, start: int) -> bool:
    """True when the token at `start` begins a sentence, a line or a quotation."""
    return bool(SENTENCE_END.search(text[max(0, start - 6) : start])) or start == 0


LINE_END_JUNK = r"[*«»•·■^~¬\\]?"
"""A junk character the OCR printed at a line end, often where a hyphen was ('ac«' / 'cused')."""
LINE_START_JUNK = r"(?:[?!*«»•·■^~¬|\\][ \t]*)?"
"""A junk character opening a line, which no sentence starts with ('con' / '? trast')."""
# Searched backwards (`(?r)`): a match ends at the end or before a final line break, tried
# there first, where a forward search read the letters from every place before it.
LINE_BREAK_BEFORE = compile_regex(
    rf"(?r)([\p{{L}}\p{{M}}]+)(-?){LINE_END_JUNK}[ \t]*\r?\n[ \t]*{LINE_START_JUNK}$")
LINE_BREAK_AFTER = compile_regex(
    rf"^(-?){LINE_END_JUNK}[ \t]*\r?\n[ \t]*{LINE_START_JUNK}([\p{{L}}\p{{M}}]+)")
LINE_LOOK = 48
"""Characters looked at on either side of a line break for the other half of a word."""


def joined_across_line(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """The word the token `text[start:end]` makes with its neighbour across a line break
    ("con-" / "demned", or "con" / "demned" where the OCR lost the hyphen), and whether a
    hyphen marks the break; None when the token touches no line break. A junk character at
    the line end or opening the next line is no word's and is passed over ("ac«" / "cused",
    "con" / "? trast" make "accused" and "contrast")."""
    # Either pattern needs a line break: most tokens have none near them, told by a substring
    # test before the search, which tries every place of the text before the token.
    before = text[max(0, start - LINE_LOOK) : start]
    if "\n" in before and (head := LINE_BREAK_BEFORE.search(before)):
        return head.group(1) + text[start:end], bool(head.group(2))
    after = text[end : end + LINE_LOOK]
    if "\n" in after and (tail := LINE_BREAK_AFTER.match(after)):
        return text[start:end] + tail.group(2), bool(tail.group(1))
    return None

