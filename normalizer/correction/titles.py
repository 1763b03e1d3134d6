"""A person's title before the name, read back: 'Goy. Ron DeSantis' is Gov., 'Scn. Chuck
Schumer' is Sen.

News writes a title abbreviated, with a period, right before a name (`TITLED`): 'Sen.',
'Gov.', 'Rep.', 'Gen.', 'Dr.'. A capitalized token standing so that is no title itself, that
wordfreq has seen less often than `MAX_ZIPF` (the abbreviations of states, months and units it
holds well: 'Mo.', 'La.', 'Fla.', 'Mar.', 'Ft.') and that the text writes once (a roll of
soldiers repeats its own 'Ptes.', privates, which is no 'Pres.'), is read as the one title of
`TITLES` one glyph confusion away ('Goy.', 'Rcp.') or two letters swapped ('Sne.'); a
keyboard slip or a dropped letter is as often another abbreviation ('Spl.', 'Dvr.' in a roll
of soldiers: no 'Cpl.', no 'Dr.'). Two titles that close are for the reader to choose
between.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz.distance import OSA

from ..model import Edit
from ..patterns import compile_regex
from .keyboard import TYPO_COST, transposed
from .name_pairs import NAME_PAIR_CONFIDENCE
from .speller import Speller
from .word_policy import SINGLE_CONFUSION_COST

TITLED = compile_regex(r"(?<![\p{L}\p{N}.'’-])(\p{Lu}\p{Ll}{1,5})\.[ \t]+(?=\p{Lu}\p{Ll})")
"""A capitalized token, a period, and a capitalized word after it."""

TITLES = ("Adm", "Atty", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Gen", "Gov", "Hon", "Lt", "Maj",
          "Mr", "Mrs", "Ms", "Pres", "Prof", "Rep", "Rev", "Sen", "Sgt", "Supt")
"""The titles news abbreviates before a name."""

TITLE_BEFORE = compile_regex(
    r"(?<![\p{L}\p{N}])(?:" + "|".join(TITLES) + r")\.?[ \t]+\Z")
"""A title (`TITLES`, its period optional) right before a position on its line."""
TITLE_REACH = 8
"""Characters looked back for a title before a token."""


def after_title(text: str, start: int) -> bool:
    """Whether the token at `start` of `text` follows a person's title ('Mr. Asai')."""
    return TITLE_BEFORE.search(text, max(0, start - TITLE_REACH), start) is not None


TITLE_SURFACES = frozenset(TITLES)
NAME_AFTER = compile_regex(r"\.?[ \t]+\p{Lu}")
"""A capitalized word after a token on its line, a period between them optional."""


def titles_a_name(text: str, start: int, end: int) -> bool:
    """Whether the token `text[start:end]` is one of `TITLES` before a capitalized word ('Mr
    Pompeo', 'Dr. Fauci'): so written it is the title, no slip of a word ('My', 'Or')."""
    return text[start:end] in TITLE_SURFACES and NAME_AFTER.match(text, end) is not None


MAX_ZIPF = 3.0
"""A token wordfreq has seen this often is a word or an abbreviation of its own."""


def propose(text: str, types: Mapping[str, int], speller: Speller,
            decided: Mapping[int, Edit], threshold: float) -> list[Edit]:
    """Edits for the tokens of `text` (whose word types `types` counts) standing as a title
    (`TITLED`) that one title reads (`reading`), where no earlier fix is confident."""
    if threshold > NAME_PAIR_CONFIDENCE:
        return []  # a title adds fixes, not suggestions
    edits = []
    for match in TITLED.finditer(text):
        start, token = match.start(1), match.group(1)
        earlier = decided.get(start)
        if types.get(token, 0) > 1 or (earlier is not None and earlier.confidence >= threshold):
            continue
        title = reading(speller, token)
        if title is None:
            continue
        edits.append(Edit(
            start=start, end=start + len(token), original=token, replacement=title,
            kind="spelling", rule="spelling.title", confidence=NAME_PAIR_CONFIDENCE,
            reason=(f"'{token}.' stands before a name, as a title does, and '{title}.' is "
                    "the only title one glyph confusion or swap from it")))
    return edits


@lru_cache(maxsize=4_096)
def reading(speller: Speller, token: str) -> str | None:
    """The one title one glyph confusion or swap from `token` (see the module docstring),
    when it is no title and rare in wordfreq (memoized: any name before a sentence's end
    stands as a title does, 'met Pompeo. The')."""
    key = token.lower()
    if token in TITLES or speller.lexicon.frequency(key) >= MAX_ZIPF:
        return None
    close = [title for title in TITLES
             if OSA.distance(key, title.lower()) == 1
             and (transposed(key, title.lower())
                  or speller.cost(key, title.lower(), TYPO_COST) <= SINGLE_CONFUSION_COST)]
    return close[0] if len(close) == 1 else None
