"""Documents misread so densely that they are read as historical OCR is.

The default profile is tuned for modern news, where one word in twenty-five or fewer is
damaged; a page of 19th-century OCR damages one in five. Such a page is read better by the
`archive` profile's reading (its OCR channel learned from real newspaper OCR, its trigram
context model, its lower confidence threshold), and a profile that keeps `dense-ocr` on takes
that reading for a plain-text document where `MIN_SHARE` or more of the tokens are lowercase
words no source knows (`unknown_share`, measured on its first window). Where more than
`MAX_SHARE` are, the text is no English prose (a hostile input, a word list, another language)
and keeps its profile: the learned channel's deep search costs six times as much on invented
words. Markdown and reST are never switched, nor a technical text (`technical_share`): their
words no source knows are commands and identifiers.

The share is counted from what the spelling stage computes anyway (the window's word types and
those it looks at), so a clean text pays one sum for it; and it is decided again in each
round of `Normalizer.normalize` on the text as it stands, so that the last round, which
changes nothing, reads the output as a second run would: normalizing it again changes
nothing.

On OverProof dataset 2 (learned from: 75 of its 159 articles are read so) the default
profile's CER reduction went from 10.5% to 16.5%, its wrongly changed tokens per 1,000 from
0.52 to 0.61; on dataset 3 (the test set, 31 of 49 articles read so) from 14.8% to 22.9%, at
1.13 from 0.86. Of the synthetic news set at corruption seeds 3, 17, 55, 5, 11 and 23 one
article is read so (8.8% such words; its output is the same), and no output of the synthetic
set or of its clean twin changed (one page of each, of archaic spellings, is read so). From
`MIN_SHARE` 0.10 to 0.08, dataset 2 gained 0.5 points and nothing else changed; at 0.07 a
modern article took one more wrong fix, at 0.06 two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from .lexicon import Lexicon
from .profile import Profile, named_profile

MIN_SHARE = 0.08
MAX_SHARE = 0.4
MIN_TOKENS = 50
"""A text of fewer tokens says too little of its noise to switch."""
TECHNICAL = "{}=<>_\\`$#@[]|"
MAX_TECHNICAL_SHARE = 0.05
"""A text with this many `TECHNICAL` characters per token or more is technical (commands,
identifiers, markup), whose words no source knows but which are no misreadings: of 300
Markdown and reST files read as plain text, the 154 dense enough all have 0.05 or more; of
the 77 articles of OverProof dataset 2 dense enough, two."""
DOTTED_LETTER = re.compile(r"(?<=\b[a-z]\.)[a-z](?=\.)")
"""The letter after the first of a dotted abbreviation ('a.m.', 'p.m.', 'e.g.'): a token of
its own, written so, not misread. A clean page of Sydney court notices, its hearings 'at
10.30 a.m.', counted 10.6% unknown words with the 'm's (no misreading among them; 6.5%
without) and took the dense reading, which cost that one page a tenth of the speed bench's
clean corpus."""
READING = "archive"
"""The shipped profile whose reading a densely misread document takes."""


def dense_reading(profile: Profile, text_format: str) -> Profile | None:
    """`profile` with the `READING` profile's channel, context model and threshold, for a
    densely misread document; None when `profile` keeps its own reading (`dense-ocr` off, a
    format other than plain text, or that reading already)."""
    if not profile.dense_ocr or text_format != "text":
        return None
    reading = _reading()
    if (profile.channel, profile.context_model) == (reading.channel, reading.context_model):
        return None
    return replace(profile, channel=reading.channel, context_model=reading.context_model,
                   threshold=reading.threshold)


@lru_cache(maxsize=1)
def _reading() -> Profile:
    """The `READING` profile (read from its file once: about 0.1 ms a document otherwise)."""
    return named_profile(READING)


def unknown_share(types: Mapping[str, int], looked_at: Mapping[str, int],
                  lexicon: Lexicon, total: int | None = None, text: str | None = None
                  ) -> float | None:
    """The share of a window's tokens (`types`: surface -> count; `total` of them when the
    caller has counted them) that are lowercase words no common word spells, counted among
    the types the spelling stage looks at (`looked_at`: no common word it leaves alone is
    one), but the letters of dotted abbreviations in the window's `text`, when given
    (`DOTTED_LETTER`); None under `MIN_TOKENS` tokens."""
    total = sum(types.values()) if total is None else total
    if total < MIN_TOKENS:
        return None
    common = lexicon.common
    unknown = sum(count for surface, count in looked_at.items()
                  if surface.isalpha() and surface.islower() and surface not in common)
    if text is not None and "." in text:
        unknown -= sum(1 for letter in DOTTED_LETTER.findall(text)
                       if letter in looked_at and letter not in common)
    return unknown / total


def technical_share(text: str, tokens: int) -> float:
    """`TECHNICAL` characters of `text` per token."""
    return sum(text.count(c) for c in TECHNICAL) / max(tokens, 1)


def is_dense(text: str, types: Mapping[str, int], looked_at: Mapping[str, int],
             lexicon: Lexicon) -> bool:
    """Whether a window (`text`, its word `types` and those the spelling stage looks at)
    is prose misread densely enough to take the dense reading."""
    total = sum(types.values())
    share = unknown_share(types, looked_at, lexicon, total, text)
    return (share is not None and MIN_SHARE <= share <= MAX_SHARE
            and technical_share(text, total) < MAX_TECHNICAL_SHARE)
