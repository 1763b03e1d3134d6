"""Word tokens with offsets, and the protected spans no stage may touch.

A token is a run of letters (any script), combining marks and digits, with inner apostrophes
("Russia's", "don't"). Hyphens split tokens, so "Taliban-linked" is two tokens. Protected
spans: URLs, e-mail addresses, @handles, #tags, code in backticks, and tokens that are
numbers or number-like codes ("COVID-19" keeps its letters checkable, "10am" is protected).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import regex

# "!" and "|" between letters are OCR's l ("kil!ing", "Va|ery"), so they stay inside a token.
TOKEN = regex.compile(
    r"[\p{L}\p{M}\p{Nd}]+(?:(?:['’]|(?<=\p{L})[!|](?=\p{Ll}))[\p{L}\p{M}\p{Nd}]+)*"
)
PROTECTED = regex.compile(
    r"""
      (?:https?|ftp)://\S+?(?=[.,;:!?)\]'"’”]*(?:\s|$))   # URLs, without trailing punctuation
    | www\.[^\s/]+\.\p{L}{2,}\S*?(?=[.,;:!?)\]'"’”]*(?:\s|$))
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                       # e-mail addresses
    | (?<![\w@])@\w{1,30}                                # @handles
    | (?<![\w&#])\#\w+                                   # #tags
    | `[^`\n]+`                                          # inline code
    | \b[\w-]+\.(?:com|org|net|gov|edu|io|co|uk|txt|pdf|html?|py|json)\b  # domains, file names
    """,
    regex.VERBOSE,
)
# Digits inside a token are OCR confusions only in word shapes like "0bama" or "Libya1" (at
# least three letters, at most two digits, each a digit OCR mistakes for a letter); any other
# token with a digit is a number, unit, ordinal or code and stays: 10am, 1990s, 5G, H1N1, B52.
NUMBER_UNIT = regex.compile(
    r"^\d+(?:am|pm|st|nd|rd|th|s|m|k|km|kg|mg|ml|g|mm|cm|mph|bn|mn|x|gb|mb|tb|ft|lb|lbs|hz|d)$",
    regex.IGNORECASE,
)
OCR_DIGITS = frozenset("01568")


def _is_ocr_word_shape(surface: str) -> bool:
    digits = [c for c in surface if c.isdigit()]
    letters = sum(c.isalpha() for c in surface)
    return (
        letters >= 3 and len(digits) <= 2 and all(d in OCR_DIGITS for d in digits)
        and not NUMBER_UNIT.match(surface)
    )


HEADLINE_WORD = regex.compile(r"\p{L}+")
POSSESSIVE = regex.compile(r"['’][sS]$|(?<=[sS])['’]$")
SENTENCE_END = regex.compile(r"""[.!?]["'”’)\]]*\s*$|^\s*$|[\n]\s*$|[:;]\s*["“]?\s*$""")


@dataclass(frozen=True, slots=True)
class Token:
    """A word token: `text[start:end] == surface`; `base` drops a possessive 's."""

    start: int
    end: int
    surface: str
    base: str

    @property
    def base_end(self) -> int:
        return self.start + len(self.base)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of URLs, e-mails, handles, tags and inline code."""
    return [m.span() for m in PROTECTED.finditer(text)]


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) shares a character with one of the sorted `spans`."""
    i = bisect.bisect_right(starts, start) - 1
    return (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end)


def tokenize(text: str) -> Iterator[Token]:
    """Checkable word tokens of `text`, outside protected spans, in order."""
    spans = protected_spans(text)
    starts = [s for s, _ in spans]
    for match in TOKEN.finditer(text):
        start, end = match.span()
        if spans and _overlaps(spans, starts, start, end):
            continue
        surface = match.group()
        if any(c.isdigit() for c in surface) and not _is_ocr_word_shape(surface):
            continue
        base = POSSESSIVE.sub("", surface) or surface
        yield Token(start, end, surface, base)


def in_headline(text: str, start: int) -> bool:
    """True when the line around `start` is a Title Case headline (most words capitalized,
    no final period), where capitals mark style, not names."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if not line or line.endswith((".", "?", "!", ":", ";", ",")) or len(line) > 160:
        return False
    words = [w for w in HEADLINE_WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def starts_sentence(text: str, start: int) -> bool:
    """True when the token at `start` begins a sentence, a line or a quotation."""
    return bool(SENTENCE_END.search(text[max(0, start - 6) : start])) or start == 0
