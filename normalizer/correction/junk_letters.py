"""Junk characters the OCR printed for a letter: 'earning»' -> 'earnings', '»hip' -> 'ship',
'sign»d' -> 'signed'.

Historical newspaper OCR reads a broken or faint letter, most often an s, as a character no
word contains ('«', '»', '*', '\\'); the tokenizer cuts at it, so the word loses a letter
('earning»' is the token 'earning') and no word decision sees the character. In OverProof
dataset 2, of the words with such a character at their end, about 100 lost an 's' to it and
25 carry it as mere noise; at their start 'w', 's' and 'a' are lost the same way.

For each junk character touching letters (at a word's end, its start, or between two pieces
of one), the readings are: the text as printed (the junk a speck: `JUNK_COST`), the pieces
joined without it, and the junk read as each letter string the learned channel
(dictionaries/built/channel.tsv) says it stands for, at that confusion's cost, when the
result is a word. The trigram context model scores each over the sentence (`readings`); the
letter reading is applied when its posterior share reaches the profile's threshold. A
capitalized span may only read as a word or a gazetteer name, and needs
`MIN_CAPITALIZED_LETTERS` as printed ('W»' stays); a real word as printed keeps
`REAL_WORD_STICKINESS`, so 'bridge»' stays unless its sentence plainly wants 'bridges'. Only
profiles with the context model (the `archive` profile) make these edits.

Cost: one pass over the text with a regular expression; per junk character, at most one
reading per letter string the table gives it (a dozen) and the trigram queries of each.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping
from functools import lru_cache

import regex

from ..channel_table import load_channel_table
from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..patterns import compile_regex
from .candidates import lowercase_candidate
from .channel import JUNK_COST
from .context import sentence_neighbours
from .readings import Reading, Scorer, weigh
from .sentence import REAL_WORD_STICKINESS
from .speller import Speller
from .words import apply_case, lookup_key

JUNK_FOR_LETTER = "*«»•·■^~¬\\"
"""Characters no word contains that OCR prints for a letter (or a speck)."""
_PATTERN = compile_regex(
    rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}'’{regex.escape(JUNK_FOR_LETTER)}])"
    rf"(\p{{L}}*)([{regex.escape(JUNK_FOR_LETTER)}])(\p{{L}}*)"
    rf"(?![\p{{L}}\p{{M}}\p{{Nd}}'’{regex.escape(JUNK_FOR_LETTER)}])"
)
MIN_CAPITALIZED_LETTERS = 2
"""A capital alone beside a junk character is an initial or a fragment more often than a
word that lost a letter ('W»', 'U»')."""
MAX_LETTER_COST = 4.0
"""The dearest learned confusion of a junk character for letters that is tried."""


@lru_cache(maxsize=1)
def letters_for_junk() -> Mapping[str, tuple[tuple[str, float], ...]]:
    """For each junk character, the letter strings the learned channel says it stands for,
    with their costs (-log10 P(junk | letters)), cheapest first."""
    found: dict[str, list[tuple[str, float]]] = {}
    for confusion in load_channel_table().confusions:
        if (
            len(confusion.observed) == 1 and confusion.observed in JUNK_FOR_LETTER
            and confusion.intended.isalpha() and confusion.cost <= MAX_LETTER_COST
        ):
            found.setdefault(confusion.observed, []).append((confusion.intended,
                                                             confusion.cost))
    return {junk: tuple(sorted(pairs, key=lambda p: (p[1], p[0])))
            for junk, pairs in found.items()}


def _is_word(lexicon: Lexicon, key: str, names: Mapping[str, Entity], capitalized: bool
             ) -> bool:
    """Whether a reading may be `key`: a common word (for a lowercase span, not a surname
    only), or, for a capitalized span, a gazetteer name too."""
    if capitalized:
        return key in lexicon.common or key in names
    return lowercase_candidate(lexicon, key)


def _readings(lexicon: Lexicon, left: str, junk: str, right: str,
              names: Mapping[str, Entity]) -> list[Reading]:
    """The span as printed first, then the pieces joined, then each junk-as-letters word."""
    pieces = tuple(lookup_key(p) for p in (left, right) if p)
    capitalized = (left or right)[:1].isupper()
    printed = Reading(pieces, JUNK_COST, False)
    if len(pieces) == 1 and pieces[0] in lexicon.common:
        printed = Reading(pieces, JUNK_COST - REAL_WORD_STICKINESS, False)
    readings = [printed]
    if len(pieces) == 2 and "".join(pieces) in lexicon.common:
        readings.append(Reading(("".join(pieces),), JUNK_COST, False))
    for letters, cost in letters_for_junk().get(junk, ()):
        key = lookup_key(left + letters + right)
        if _is_word(lexicon, key, names, capitalized):
            readings.append(Reading((key,), cost, True))
    return readings


def propose(text: str, speller: Speller, names: Mapping[str, Entity], allow: Container[str],
            threshold: float, taken: Collection[tuple[int, int]] = ()) -> list[Edit]:
    """Edits that read a junk character of `text` as the letters it stands for; `taken`:
    spans other decisions already changed (or words joined across a line end), left alone."""
    lexicon = speller.lexicon
    table = letters_for_junk()
    scorer = Scorer(speller.language_model, lexicon)
    edits = []
    for match in _PATTERN.finditer(text):
        left, junk, right = match.groups()
        letters = left + right
        if not letters or junk not in table or (
            letters[0].isupper() and len(letters) < MIN_CAPITALIZED_LETTERS
        ):
            continue
        start, end = match.span()
        if any(lookup_key(p) in allow for p in (left, right) if p) or any(
            start < t_end and t_start < end for t_start, t_end in taken
        ):
            continue
        readings = _readings(lexicon, left, junk, right, names)
        if len(readings) == 1:
            continue
        before, after = sentence_neighbours(text, start, end)
        verdict = weigh(scorer, readings, before, after)
        if not verdict.best.boundary or verdict.confidence < threshold:
            continue
        (word,) = verdict.best.words
        letters = word[len(left): len(word) - len(right)]
        printed = " ".join(readings[0].words)
        # A letter lost at the start leaves no case of its own: the rest of the word says it.
        template = left + right if left or right.isupper() else "x" + right
        edits.append(Edit(
            start, end, match.group(), apply_case(template, word), "ocr",
            "ocr.junk-letter", round(verdict.confidence, 4),
            f"a stray '{junk}' printed for '{letters}' (learned rate "
            f"10^-{verdict.best.cost:.1f}); the trigram context model prefers '{word}' to "
            f"'{printed}' here by {verdict.margin:.1f} log10 units",
        ))
    return edits
