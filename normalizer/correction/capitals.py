"""Capitalized typos of common words, judged by what their sentence says.

A capitalized token no corpus has seen ('Hoetl', 'Capain', 'Gradn') is far more often a rare
name than a typo, so the single-word decision lets only OCR confusions or very common words
replace it. Its sentence tells the two apart: in 'the Commercial Hoetl, King Street' the
trigram model expects 'hotel' far more than it expects that word anywhere, while in
'Mr. George Gardnor, James Harris' it expects 'gardner' no more than usual. The *lift* of a
candidate is how much likelier the model finds it (with the two words after it) in the
sentence than out of it:

    lift(w) = log10 P(w, after | before) - log10 P(w) - log10 P(after)

A candidate is a common word within one slip of the token (`capital_candidates`: Zipf >=
`capital_candidates.MIN_ZIPF`, symspellpy's nearest words, same first letter, channel cost at
most `keyboard.TYPO_COST`). The name the
token may be competes at `NAME_LIFT`, and each candidate at its lift less its channel cost
beyond an ordinary typo's; the best candidate's posterior share among them is the edit's
confidence. Measured on the synthetic news set: a name never seen elsewhere in its document
stays unless a candidate's lift passes about 2 (2 of 85 clean tokens of this shape in 84,536
reach 1.5; 181 of 211 typos that do are right).

A possessive is judged by its word, the 's kept ('Britani's Met Office' -> "Britain's",
'on Tuesay's visit' -> "Tuesday's"): 2 more typos fixed at news seeds 3, 17 and 55, one on
the synthetic set (and in the archive profile), no clean word changed. Each candidate is read
as its possessive, one word to the context model, followed by the words after the 's
("Parkinsonh's disease": 'parkinson's disease', not 'parkinson s disease'), and finds no
evidence where the model lacks that form (`possessive_lift`): 3 more at news seeds 5, 11 and
23, one on the synthetic set, no clean word changed; 1 more of 4,000 rare census names
written as possessives ('Malorie's' -> "Malone's").

Only Title Case tokens of `TITLE_CASE_MIN_LENGTH` letters or more and all-capital ones of
`MIN_LENGTH` or more (three capitals are an acronym too often) that wordfreq has seen less
often than `SEEN_MAX_ZIPF`, no gazetteer holds, and the document does not repeat (a
repeated spelling is a name it uses) are judged, and not after a title or an initial ('Mr.
Toose', 'H. Gardnor'). So are those of `LISTED_MIN_LENGTH` letters or more that the
common-misspellings table lists as a slip of a common word ('Tbe', 'Teh', 'Nwe'), however often
wordfreq saw them: their frequency is the slip's. Besides the nearest words, a candidate is
any common word one OCR confusion reads the token as ('Tlie' -> 'the', two edits for
symspell) and the word the table lists for it (for an all-capital token shorter than
`MIN_LENGTH`, only that one: 'DNE' is 'done', not 'due'). A spelling wordfreq has seen is a
name more often than one it never saw: it is left alone right after a first name ('Charles
Tler', 'John Henry Deau': a surname), and read as a word only where the sentence itself expects
the word (`SEEN_MIN_LIFT`), not on a cheap OCR confusion alone.

Measured on the synthetic news set (every document, default profile), judging seen and listed
spellings fixed 21 more typos ('Univeristy', 'Febraury', 'Mavor', 'Tbe', 'Tlie', 'Nwe', 'TNE')
with no wrong fix and no clean token changed (archive profile: 29 more, none broken); its
60-document sample, corrupted apart, gained 6 ('Staes' in 'United Staes', 'Thje', 'Teh') and
lost a wrong fix. OverProof dataset 2: 3 more fixes (archive 8), one miss became a wrong fix
('New bouth Walis' -> 'Walls'; archive also 'TIIE' -> 'TUE'), no false positive. Without the
OCR readings 'Tlie' read 'tile'; without the first-name rule 'Tler' read 'tier' and 'Deau'
'dear'; without `SEEN_MIN_LIFT` the archive read 'Rawan' as 'Rowan' and 'Loob' as 'Loeb';
up to Zipf 2.5, 'Topix' read 'topic'. Judging Title Case tokens of three letters too
('the Central Bnk of Nigeria', 'The Ncw England Journal', 'Pty Ldt.') fixed 5 more (archive
6; modern news alone 3) and changed nothing else on either set.

Before its sentence is asked, a judged token is offered to the readings that need no lift
(`fixed_readings`: a title's, a month's or a first name's slip, a long token's only common
word, a known word or name with two letters swapped or one typed in). The first that reads it
makes the edit at their fixed confidence (`fixed_readings.ONLY_WORD_CONFIDENCE`) where the
profile's threshold allows that; otherwise its sentence judges it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..tokens import Token, starts_sentence, strip_possessive, tokenize
from .boundaries import opens_sentence
from .candidates import known_misspelling
from .capital_candidates import may_read_as, nearest_common_words
from .context import in_sentence_logprob, sentence_neighbours
from .document import Document
from .fixed_readings import (
    ONLY_WORD_CONFIDENCE,
    after_first_name,
    fixed_reading,
    judge_title,
    title_slip,
)
from .keyboard import TYPO_COST
from .letter_shape import careless_shape_discount
from .speller import Speller
from .surnames import may_be_surname, stands_as_surname
from .words import apply_case, lookup_key

MIN_LENGTH = 4
"""Shorter all-capital tokens are acronyms too often ('FTX', 'WOB' for 'was'), and shorter
Title Case ones than `TITLE_CASE_MIN_LENGTH` one slip from too many words."""
TITLE_CASE_MIN_LENGTH = 3
LISTED_MIN_LENGTH = 3
"""A token the common-misspellings table lists is judged from this length ('Tbe', 'TNE')."""
SEEN_MAX_ZIPF = 2.0
"""A capitalized spelling wordfreq has seen this often or more is a name (or a word) as
written; below it, wordfreq's web text holds it as a typo as often as a name."""
SEEN_MIN_LIFT = 1.0
"""A spelling wordfreq has seen is read as a word only where its sentence expects that word at
least ten times more than anywhere: a cheap OCR confusion alone does not outweigh it."""
NAME_LIFT = 1.5
"""The lift the token's own reading as a name competes at (log10 units)."""


def _shape_fits(surface: str) -> bool:
    """Title Case or all capitals, letters only."""
    return surface.isalpha() and surface[0].isupper() and (
        surface[1:].islower() or surface.isupper())


def surfaces(speller: Speller, types: Mapping[str, int], names: Mapping[str, Entity],
             doc: Document) -> set[str]:
    """The token surfaces of a window this pass judges (see the module docstring)."""
    lexicon = speller.lexicon
    return {
        surface for surface in types
        if _shape_fits(base := strip_possessive(surface)) and (key := lookup_key(base)) not in names
        and key not in lexicon.common and doc.count(base) < 2 and types[surface] < 2
        and _judged(speller, base, key)
    }


def _judged(speller: Speller, surface: str, key: str) -> bool:
    """A listed slip of `LISTED_MIN_LENGTH` letters or more, a spelling of `MIN_LENGTH`
    letters or more that wordfreq has seen less often than `SEEN_MAX_ZIPF`, or a title's
    slip (`title_slip`)."""
    lexicon = speller.lexicon
    if known_misspelling(lexicon, key) is not None:
        return len(surface) >= LISTED_MIN_LENGTH
    return ((len(surface) >= _min_length(surface) and lexicon.frequency(key) < SEEN_MAX_ZIPF)
            or title_slip(speller, key) is not None)


def _min_length(surface: str) -> int:
    """The shortest judged spelling of this shape: `MIN_LENGTH` in capitals, else
    `TITLE_CASE_MIN_LENGTH`."""
    return MIN_LENGTH if surface.isupper() else TITLE_CASE_MIN_LENGTH


def _readings(speller: Speller, surface: str) -> list[tuple[str, float]]:
    """What a judged token may stand for, with channel costs: its nearest words
    (`nearest_common_words`), the words one OCR confusion reads it as, and the word the
    common-misspellings table lists for it; a token shorter than `_min_length` (one slip from
    too many words, or an acronym) only the listed one."""
    key = lookup_key(surface)
    listed = known_misspelling(speller.lexicon, key)
    short = len(key) < _min_length(surface)
    found = {} if short else dict(nearest_common_words(speller, key))
    extra = [] if short else list(speller.variants(key))
    if listed is not None:
        extra.append((listed, speller.cost(key, listed)))
    for term, cost in extra:
        if term not in found and may_read_as(speller, key, term, cost):
            found[term] = cost
    return list(found.items())


def lift(speller: Speller, before: tuple[str, ...], word: str, after: tuple[str, ...]) -> float:
    """How much likelier the context model finds `word` and the words after it in the
    sentence than alone (log10)."""
    model = speller.language_model
    alone = model.logprob((), word) + sum(model.logprob((), following) for following in after)
    return in_sentence_logprob(model, before, word, after) - alone


def judge(speller: Speller, text: str, token: Token, end: int | None = None,
          careless: bool = False) -> tuple[str, float, float] | None:
    """(best candidate, its posterior share, its lift) for a capitalized token in `text`, or
    None when no common word is one slip from it. `end`: where the written token ends, after
    a possessive's 's that `token` leaves out (`possessive_lift`); `careless`: the window is
    typed carelessly (`letter_shape.careless_shape_discount`)."""
    found = _readings(speller, token.surface)
    if not found:
        return None
    end = token.end if end is None else end
    before, after = sentence_neighbours(text, token.start, end)
    if end > token.end:
        scored = [(possessive_lift(speller, before, w, after), w, cost) for w, cost in found]
    else:
        scored = [(lift(speller, before, w, after), w, cost) for w, cost in found]
    own = NAME_LIFT - careless_shape_discount(token.surface, careless)
    scores = [own] + [value - (cost - TYPO_COST) for value, _, cost in scored]
    best = max(range(1, len(scores)), key=lambda i: scores[i])
    share = 1 / sum(10 ** (s - scores[best]) for s in scores)
    return scored[best - 1][1], share, scored[best - 1][0]


def possessive_lift(speller: Speller, before: tuple[str, ...], word: str,
                    after: tuple[str, ...]) -> float:
    """The lift of `word`'s possessive, one word to the context model ("parkinson's"), with
    the words after its 's; 0 (no evidence) where the model does not know that form: the
    bare word before the next one would read "Mitton's collection" as 'milton collection'."""
    form = f"{word}'s"
    return lift(speller, before, form, after) if speller.language_model.knows(form) else 0.0


def propose(text: str, wanted: Collection[str], speller: Speller,
            decided: Mapping[int, Edit], threshold: float, careless: bool = False) -> list[Edit]:
    """Edits for the tokens of `text` with these surfaces that the single-word decision did
    not fix, where a candidate's share reaches `threshold` (`careless`: see `judge`)."""
    edits = []
    for written in tokenize(text, only=wanted):
        # A possessive's 's is no part of the word judged ('Britani's' -> "Britain's").
        token = Token(written.start, written.start + len(written.base), written.base,
                      written.base)
        before = decided.get(token.start)
        if before is not None and before.confidence >= threshold:
            continue
        if starts_sentence(text, token.start) and not opens_sentence(text, token.start):
            continue  # after a title or an initial ('Mr. Toose'): a name
        title = judge_title(speller, text, token)
        seen = speller.lexicon.frequency(lookup_key(token.surface)) > 0
        if title is None and seen and after_first_name(speller.lexicon, text, token.start):
            continue  # a spelling wordfreq has seen, after a first name: a surname
        reading = fixed_reading(speller, text, token, title)
        if reading is not None and threshold <= ONLY_WORD_CONFIDENCE:
            if _surname_kept(speller.lexicon, text, token, reading[0]):
                continue
            edits.append(_edit(speller, token, ONLY_WORD_CONFIDENCE, *reading))
            continue
        judged = judge(speller, text, token, written.end, careless)
        if judged is None or judged[1] < threshold:
            continue
        word, share, value = judged
        if (seen and value < SEEN_MIN_LIFT) or _surname_kept(speller.lexicon, text, token, word):
            continue
        edits.append(_edit(
            speller, token, round(share, 4), word,
            f"{_standing(speller.lexicon, token.surface)}, and its sentence expects '{word}' "
            f"{value:.1f} log10 units more than anywhere"))
    return edits


def _surname_kept(lexicon: Lexicon, text: str, token: Token, word: str) -> bool:
    """Whether `token` stands as a surname and `word` may be none ('Jay Bonci' is no
    'Bondi'; see `surnames`)."""
    return (not may_be_surname(lexicon, {}, word.lower())
            and stands_as_surname(lexicon, text, token.start))


def _edit(speller: Speller, token: Token, confidence: float, word: str, why: str,
          canonical: str | None = None) -> Edit:
    """The edit reading `token` as `word` (cased like it), with the channel's explanation of
    the slip and `why` as its reason."""
    return Edit(
        start=token.start, end=token.end, original=token.surface,
        replacement=apply_case(token.surface, word, canonical), kind="spelling",
        rule="spelling.capitalized", confidence=confidence,
        reason=f"{speller.channel.explain(token.surface, word)}; {why}")


def _standing(lexicon: Lexicon, surface: str) -> str:
    """What the word lists say of a judged token, for its edit's reason."""
    key = lookup_key(surface)
    listed = known_misspelling(lexicon, key)
    if listed is not None:
        return f"'{surface}' is a common misspelling of '{listed}'"
    zipf = lexicon.frequency(key)
    if zipf:
        return f"'{surface}' is in no word list and rare in wordfreq (Zipf {zipf:.2f})"
    return f"'{surface}' is in no word list"
