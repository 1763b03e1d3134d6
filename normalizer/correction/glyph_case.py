"""The case of a word's first letter where the token does not show it: a capital only where
the text wants one.

A 5, 8 or 0 has the height of a capital S, B or O, so `words.apply_case` reads '5tate' as
'State' and '8urke' as 'Burke'. But OCR prints the lowercase letters as those digits too
('the 5tatements', '0fficials said'), and there a capital makes a wrong fix of a right one.
The digit says the letter is a letter, not which case it has: the place does. A fix keeps the
capital where a capital belongs: a sentence's or a line's first word, a headline's, a word
before a capitalized one ('The 5tate Department'; not before a word English always
capitalizes, a demonym or a month: 'with isiting Qatari officials' is 'visiting') or after a
common word capitalized ('the National Weather 5ervice'; after a name it is as often the
name's verb, 'Gov. Kemp 5urveyed'); where the word is a month or a month's abbreviation
('0ct. 14') or a gazetteer name other than a person's name that is a common word too
('8razil', '5unday', 'Mr. 8urke'); or where the text writes it capitalized and never in
lowercase ('Chiefs of 5taff' in a text that writes 'Staff'). Elsewhere its first letter is
lowercase. So for any digit or mark that opens a token: a 1 has no case ('1ow' in 'the 1ow
70s' is 'low', not the surname 'Low' the gazetteer writes capitalized), and a person's name
after a title or a given name keeps its capital ('Mr. 1ee', `surnames.stands_as_surname`).
One wrong fix made right at 13 news seeds, one on the synthetic set in each profile; nothing
else changed there or on OverProof dataset 2.

Measured with corruption models that print one confusion only (`python bench/noise_probe.py
glyph s,5 o,0 S,5`): of 378 tokens with s printed as 5, 25 were read with a wrong capital
('5ternly' -> 'Sternly', '5tatements' -> 'Statements'), 4 after this (3 of them no case
slip); of 430 with o as 0, 6 and none. A capital S printed as 5 now loses its capital twice
in 403 ('the Walk of 5hame' -> shame), where it kept it always.

A word that lost its first letter lost its case with it: 'hailand' is 'Thailand', 'North
arolina' 'Carolina', 'the orld Weather Attribution group' 'World', by the same places but two
(the opening of a sentence is `openers.with_lost_capital`'s): after a capitalized common word
it is as often the sentence's own word ('in El Granado, a June ecord', 'Keaton Beach nd
Steinhatchee'), and a word that is a surname too is the word ('took ilver' is 'silver'). At
news seeds 3, 17, 55, 5, 11 and 23 that made 3 wrong fixes right and changed no other edit.

An l (or a 1 or a bar) read as an i opening a sentence was a capital I: 'focus. lts full text'
is 'Its' (`words.capital_from_glyph` gives it beside a capitalized word).

A word of Zipf `FUNCTION_WORD_MIN_ZIPF` or more takes a capital only opening a sentence or in
a headline ('rom Russia' is 'from'), for a digit too ('the Bank 0f England').
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..lexicon import Lexicon
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import capitalized_neighbours, in_headline, starts_sentence
from .boundaries import opens_sentence
from .candidates import lowercase_candidate
from .dated_months import MONTH_NAMES
from .surnames import stands_as_surname
from .words import ALWAYS_CAPITALIZED_SOURCE, I_GLYPHS


def with_glyph_case(text: str, edit: Edit, lexicon: Lexicon, types: Mapping[str, int]) -> Edit:
    """`edit`, its replacement's first letter lowercase when a leading capital-shaped digit
    gave it a capital where none belongs, or capitalized when the lost first letter it gives
    back belongs to a capitalized word, or when an l read as an i opens a sentence (see the
    module docstring); `types`: the token counts of `text` (`tokens.word_types`)."""
    original, replacement = edit.original, edit.replacement
    if not replacement[1:].islower():
        return edit
    if (original[:1] in I_GLYPHS and replacement[:1] == "i"
            and opens_sentence(text, edit.start)):
        return replace(edit, replacement="I" + replacement[1:])
    if replacement[1:] == original and replacement[:1].islower():
        capitalized = replacement[:1].upper() + replacement[1:]
        if _capital_belongs(text, edit, capitalized, lexicon, types, lost_letter=True):
            return replace(edit, replacement=capitalized)
        return edit
    if (original[:1].isalpha() or not replacement[:1].isupper()
            or not original[1:2].islower()):
        return edit
    if _capital_belongs(text, edit, replacement, lexicon, types):
        return edit
    return replace(edit, replacement=replacement[:1].lower() + replacement[1:])


def _capital_belongs(text: str, edit: Edit, capitalized: str, lexicon: Lexicon,
                     types: Mapping[str, int], lost_letter: bool = False) -> bool:
    """Whether the word `edit` reads, written `capitalized`, takes its capital where it
    stands (see the module docstring); `lost_letter`: the token lost its first letter, so
    neither a capitalized common word before it nor a person's name in it says so, and a
    sentence's opening is `openers.with_lost_capital`'s to judge."""
    start, end = edit.start, edit.end
    key = capitalized.lower()
    if (not lost_letter and starts_sentence(text, start)) or in_headline(text, start):
        return True
    if lost_letter and lexicon.frequency(key) >= LOST_FUNCTION_WORD_MIN_ZIPF:
        after = capitalized_neighbours(text, start, end)[1]
        return after is not None and f"{key} {after.lower()}" in lexicon.name_pairs
    if lexicon.frequency(key) >= FUNCTION_WORD_MIN_ZIPF:
        return False  # a word this frequent is capitalized by the sentence alone
    before = None if lost_letter else _capitalized_before(text, start)
    if before is not None and _in_name_run(lexicon, before):
        return True
    after = capitalized_neighbours(text, start, end)[1]
    if after is not None and not _always_capitalized(lexicon, after):
        return True
    if key in MONTH_NAMES:
        return True  # 'on 0ct. 14': a month's abbreviation the gazetteer lacks
    entity = lexicon.names.get(key)
    if entity is not None and (entity.type != "person" or not (
            lost_letter or lowercase_candidate(lexicon, key))
            or stands_as_surname(lexicon, text, start)):
        return True
    return written_capitalized(types, capitalized, key[:1] + capitalized[1:])


FUNCTION_WORD_MIN_ZIPF = 6.5
"""A word this frequent takes a capital from its sentence's opening or a headline only: beside
a capitalized word it is the sentence's, not the name's ('0f Russia', 'rom Russia', 'the Bank
0f England'), and a text that writes it capitalized only ('The') opens sentences with it.
At 6.0 'ew South Wales' lost the capital of 'New' (Zipf 6.25) on the synthetic set."""


LOST_FUNCTION_WORD_MIN_ZIPF = 6.0
"""A word this frequent that lost its first letter takes a capital only as a gazetteer name's
first word, the name's next word after it ('ew South Wales' -> New): 'killed wo Hamas
commanders' is 'two', 'a year ago ow sells' 'now', however the text writes them elsewhere."""


CAPITALIZED_BEFORE = compile_regex(r"(?r)(?<![\p{L}\p{N}])(\p{Lu}[\p{Ll}\p{N}]+)[ \t]+\Z")
"""A Title Case word right before a token on its line, digits among its letters allowed: a
neighbour the OCR damaged too ('Hea1th'); not an acronym ('the largest IT 0utages')."""
REACH = 42
"""Characters looked back for that word."""


def _capitalized_before(text: str, start: int) -> str | None:
    """The capitalized word right before `start` (`CAPITALIZED_BEFORE`), unless it opens a
    sentence ('The 0fficials'); None when there is none."""
    head = text[max(0, start - REACH) : start]
    found = CAPITALIZED_BEFORE.search(head)
    if found is None or starts_sentence(head, found.start()):
        return None
    return found.group(1)


def _in_name_run(lexicon: Lexicon, before: str) -> bool:
    """Whether a capitalized word before a token says it stands in a name's run of capitals:
    a common word capitalized ('the National Weather 5ervice') or one with a digit, damaged
    itself ('the World Hea1th 0rganization'); not a name ('Gov. Kemp 5urveyed', 'CrowdStrike
    0utages')."""
    return lowercase_candidate(lexicon, before.lower()) or any(c.isdigit() for c in before)


def _always_capitalized(lexicon: Lexicon, word: str) -> bool:
    """Whether English capitalizes `word` wherever it stands (a demonym, a month): a capital
    that says nothing of a name's run ('with 0fficial Qatari visitors')."""
    entity = lexicon.names.get(word.lower())
    return entity is not None and entity.source == ALWAYS_CAPITALIZED_SOURCE


def written_capitalized(types: Mapping[str, int], capitalized: str, lowercase: str) -> bool:
    """Whether a text with these token counts (`tokens.word_types`) writes the word as
    `capitalized` and never as `lowercase`."""
    return types.get(capitalized, 0) > 0 and not types.get(lowercase, 0)
