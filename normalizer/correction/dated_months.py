"""A month's slip in a written date, read back: 'Published Ang. 7, 2020' is Aug., 'until Ma
2024' is May, 'of 0ct. 7, 2023' is Oct.

A capitalized token (or one opening with a zero, OCR's O) right before a day's number, a
comma and a year (`FULL_DATE`: 'Ang. 7, 2020') stands where only a month does, whatever the
word lists say of it: 'Ang' is a surname, but no surname is followed so. It is read as the
only month's abbreviation (before its period) or month (without one) one slip from it.
Before a year alone (`YEAR_DATE`: 'Ma 2024') a token stands as often as a name of its own
('Euro 2024', 'Tokyo 2020', 'Vision 2030'), so there it is read only as a month written
out, and only when it is no gazetteer name and no common word.
`fixed_readings.judge_month` reads the rarer tokens beside a day's number alone ('Oet.
14'); this reads the frequent ones the date leaves no doubt about. Measured: 3 more typos
fixed at news seeds 3, 17, 55, 5, 11 and 23; nothing else changed there, on the synthetic
set, the clean twins or OverProof dataset 2.

A time phrase without a number (`time_phrase_readings`) reads a month or a day of the week
too: 'since Mah, replacing' is May, 'in Octobre, the lowest' October, 'on Frida, meeting'
Friday. Measured: 4 more typos fixed at those seeds, nothing else changed there, on the
synthetic set, the clean twins, OverProof dataset 2 or 300 Markdown and reST files. Of
77,838 US census names no word list or gazetteer holds, written where a month stands, 4
change after 'in' ('Marchi' -> March), 32 after 'since' and 43 before 'until' ('Abril' ->
April), one after 'on' (Frida): a name seldom stands so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Edit
from ..patterns import compile_regex
from .fixed_readings import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, only_slip_of
from .name_pairs import NAME_PAIR_CONFIDENCE
from .speller import Speller

YEAR = compile_regex(r"(?<![\p{L}\p{N}])(?:1[6-9]|20)\d\d(?![\p{L}\p{N}])")
"""A year of four digits."""
_TOKEN = r"(?<![\p{L}\p{N}.'’-])([\p{Lu}0]\p{Ll}{1,8})"
FULL_DATE = compile_regex(r"(?r)" + _TOKEN + r"(\.?)[ \t]+\d{1,2},[ \t]+\Z")
"""Before a year: a capitalized token (its period optional), a day's number and a comma."""
YEAR_DATE = compile_regex(r"(?r)" + _TOKEN + r"[ \t]+\Z")
"""Before a year: a capitalized token."""
DATE_REACH = 20
"""Characters looked back from a year for its date's month."""
MONTH_NAMES = frozenset(MONTHS + MONTH_ABBREVIATIONS)
"""A month written out or abbreviated ('Sept', no slip of 'Sep')."""


def readings(text: str, speller: Speller) -> list[tuple[int, str, str]]:
    """(start, token, month) for each token of `text` standing as a month in a date that
    one month or month's abbreviation reads (see the module docstring). The years are found
    first and the date read back from each: digits are rarer than letters, so the scan
    stops at far fewer places than a pattern opening with a capital would."""
    found = []
    lexicon = speller.lexicon
    for year in YEAR.finditer(text):
        reach = max(0, year.start() - DATE_REACH)
        if (match := FULL_DATE.search(text, reach, year.start())) is not None:
            token, dotted = match.group(1), bool(match.group(2))
            key, months = token.lower(), MONTH_ABBREVIATIONS if dotted else MONTHS
        elif (match := YEAR_DATE.search(text, reach, year.start())) is not None:
            token, key, months = match.group(1), match.group(1).lower(), MONTHS
            if key in lexicon.names or key in lexicon.common:
                continue
        else:
            continue
        if key in MONTH_NAMES:
            continue
        month = only_slip_of(speller, key, months)
        if month is not None:
            found.append((match.start(1), token, month))
    return found


CAPITAL_BEFORE_BREAK = re.compile(r" ([A-Z][a-z]{2,8})(?=[,.;:])")
"""A capitalized token after a space, before a comma or a sentence's end: where a time
phrase's month or day stands ('since May,', 'on Friday.'); its word before is asked next.
ASCII, as the months and days are, and Python's own `re`: this scan costs a tenth of one
for the whole phrase with `regex`'s Unicode classes (0.5 against 5 ms over the speed
bench's news corpus)."""
MONTH, LONG_MONTH, WEEKDAY = "month", "long month", "weekday"
TIME_WORDS = {word: kind for words, kind in (
    (("since", "until", "last", "next", "early", "late"), MONTH), (("in",), LONG_MONTH),
    (("on",), WEEKDAY)) for lower in words for word in (lower, lower.capitalize())}
"""The words a month ('since May') or a day of the week ('on Friday') follows, by kind.
After 'in', where places stand far more often than months, only a token of
`LONG_MONTH_MIN_LENGTH` letters or more."""
TIME_WORD_REACH = 1 + max(map(len, TIME_WORDS))
"""Characters looked back from a token's space for its time word and the break before it."""
LONG_MONTH_MIN_LENGTH = 6
"""The shortest token read as a month after 'in': a place near a short month is common
('Marchi', 'Junie', 'Abril' of the US census names), near a long one rare."""


def time_phrase_readings(text: str, speller: Speller) -> list[tuple[int, str, str]]:
    """(start, token, month or day) for each token of `text` that stands as a month or a day
    of the week stands (`CAPITAL_BEFORE_BREAK`, after one of `TIME_WORDS`), is no common word
    and no gazetteer name, and is one slip from exactly one month written out or day ('since
    Mah, replacing' -> May, 'in Octobre, the lowest' -> October, 'on Frida, meeting' ->
    Friday): wordfreq has seen these spellings as names or in other languages, but a name
    seldom stands so."""
    found = []
    lexicon = speller.lexicon
    for match in CAPITAL_BEFORE_BREAK.finditer(text):
        before = text[max(0, match.start() - TIME_WORD_REACH) : match.start()].rsplit(None, 1)
        kind = TIME_WORDS.get(before[-1]) if before else None
        if kind is None:
            continue
        token = match.group(1)
        key = token.lower()
        if key in lexicon.common or key in lexicon.names or (
                kind == LONG_MONTH and len(key) < LONG_MONTH_MIN_LENGTH):
            continue
        reading = only_slip_of(speller, key, WEEKDAYS if kind == WEEKDAY else MONTHS)
        if reading is not None:
            found.append((match.start(1), token, reading))
    return found


def propose(text: str, speller: Speller, decided: Mapping[int, Edit],
            threshold: float) -> list[Edit]:
    """Edits for the tokens of `text` standing as a month in a date (`readings`), where no
    earlier fix is confident."""
    if threshold > NAME_PAIR_CONFIDENCE:
        return []  # a date adds fixes, not suggestions
    edits = []
    for start, token, month in readings(text, speller) + time_phrase_readings(text, speller):
        earlier = decided.get(start)
        if earlier is not None and earlier.confidence >= threshold:
            continue
        replacement = month.capitalize()
        edits.append(Edit(
            start=start, end=start + len(token), original=token, replacement=replacement,
            kind="spelling", rule="spelling.date", confidence=NAME_PAIR_CONFIDENCE,
            reason=(f"'{token}' stands before a date's numbers, as a month does, and "
                    f"'{replacement}' is the only month one slip from it")))
    return edits
