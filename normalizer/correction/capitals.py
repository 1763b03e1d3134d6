"""Capitalized typos of common words, judged by what their sentence says.

A capitalized token no corpus has seen ('Hoetl', 'Capain', 'Gradn') is far more often a rare
name than a typo, so the single-word decision lets only OCR confusions or very common words
replace it. Its sentence tells the two apart: in 'the Commercial Hoetl, King Street' the
trigram model expects 'hotel' far more than it expects that word anywhere, while in
'Mr. George Gardnor, James Harris' it expects 'gardner' no more than usual. The *lift* of a
candidate is how much likelier the model finds it (with the two words after it) in the
sentence than out of it:

    lift(w) = log10 P(w, after | before) - log10 P(w) - log10 P(after)

A candidate is a common word (Zipf >= `MIN_ZIPF`) within one slip of the token (symspellpy's
nearest words, same first letter, channel cost at most `channel.TYPO_COST`). The name the
token may be competes at `NAME_LIFT`, and each candidate at its lift less its channel cost
beyond an ordinary typo's; the best candidate's posterior share among them is the edit's
confidence. Measured on the synthetic news set: a name never seen elsewhere in its document
stays unless a candidate's lift passes about 2 (2 of 85 clean tokens of this shape in 84,536
reach 1.5; 181 of 211 typos that do are right).

Only Title Case and all-capital tokens of `MIN_LENGTH` letters or more that wordfreq never
saw, no gazetteer holds, and the document does not repeat (a repeated spelling is a name it
uses) are judged, and not after a title or an initial ('Mr. Toose', 'H. Gardnor'). A long
token is judged without its sentence: an all-capital one of `CAPS_MIN_LENGTH` letters or more
(headlines are no sentences) or a Title Case one of `TITLE_MIN_LENGTH` or more (the longer a
string, the fewer names lie one slip from a common word) is read as its only common word one
slip away ('ALLOTMETS' -> 'ALLOTMENTS', 'Saturdeay' -> 'Saturday'), if it has exactly one.
So is a Title Case one of `TRANSPOSED_MIN_LENGTH` letters or more when that word is the token
with two neighbouring letters swapped ('Marhc' -> 'March', 'Htoel' -> 'Hotel'): the
commonest slip of a typist, and one that rarely makes a name of a word.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..lexicon import Entity
from ..model import Edit
from ..tokens import Token, starts_sentence, tokenize
from .boundaries import opens_sentence
from .candidates import Speller, lowercase_candidate
from .channel import TYPO_COST
from .context import in_sentence_logprob, sentence_neighbours
from .document import Document
from .words import apply_case, dialect_form, lookup_key

MIN_LENGTH = 4
"""Shorter capitalized tokens are one slip from too many words ('Redg', 'Kmit')."""
MIN_ZIPF = 3.0
"""The rarest common word a capitalized typo may be read as."""
NAME_LIFT = 1.5
"""The lift the token's own reading as a name competes at (log10 units)."""
MAX_CANDIDATES = 6
CAPS_MIN_LENGTH = 6
TITLE_MIN_LENGTH = 8
TRANSPOSED_MIN_LENGTH = 5
ONLY_WORD_MIN_ZIPF = 3.5
ONLY_WORD_CONFIDENCE = 0.9
"""An all-capital token (a headline's word, where the sentence says little) of
`CAPS_MIN_LENGTH` letters or more, or a Title Case one of `TITLE_MIN_LENGTH` or more, is read
as the only common word of Zipf `ONLY_WORD_MIN_ZIPF` or more one slip from it, at this
confidence. On the synthetic news set 31 of 31 such all-capital readings were right, and no
clean all-capital token of that shape had exactly one; of the Title Case ones 21 of 22 were
right, and one clean token of 84,536 had one (a typo its ground truth kept, 'Irrigaion'). At
seven letters real surnames start to have one ('Milston', 'Burlton'), but seldom by two
neighbouring letters swapped: from five letters, such readings fixed 11 more typos and broke
one clean name ('Ruoge')."""


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
        if len(surface) >= MIN_LENGTH and _shape_fits(surface)
        and lexicon.frequency(key := lookup_key(surface)) == 0 and key not in names
        and key not in lexicon.common and doc.count(surface) < 2 and types[surface] < 2
    }


def _candidates(speller: Speller, key: str) -> list[tuple[str, float]]:
    """Common words one slip from `key`, starting with its letter, with their channel cost."""
    lexicon = speller.lexicon
    found = []
    dialect = dialect_form(key)
    for term, zipf in speller.nearest_words(key):
        if term[0] != key[0] or zipf < MIN_ZIPF or not lowercase_candidate(lexicon, term):
            continue
        cost = speller.cost(key, term)
        if cost <= TYPO_COST and dialect_form(term) != dialect:
            found.append((term, cost))
    return found[:MAX_CANDIDATES]


def lift(speller: Speller, before: tuple[str, ...], word: str, after: tuple[str, ...]) -> float:
    """How much likelier the context model finds `word` and the words after it in the
    sentence than alone (log10)."""
    model = speller.language_model
    alone = model.logprob((), word) + sum(model.logprob((), following) for following in after)
    return in_sentence_logprob(model, before, word, after) - alone


def judge(speller: Speller, text: str, token: Token) -> tuple[str, float, float] | None:
    """(best candidate, its posterior share, its lift) for a capitalized token in `text`, or
    None when no common word is one slip from it."""
    key = lookup_key(token.surface)
    found = _candidates(speller, key)
    if not found:
        return None
    before, after = sentence_neighbours(text, token.start, token.end)
    scored = [(lift(speller, before, w, after), w, cost) for w, cost in found]
    scores = [NAME_LIFT] + [value - (cost - TYPO_COST) for value, _, cost in scored]
    best = max(range(1, len(scores)), key=lambda i: scores[i])
    share = 1 / sum(10 ** (s - scores[best]) for s in scores)
    return scored[best - 1][1], share, scored[best - 1][0]


def judge_only_word(speller: Speller, token: Token) -> str | None:
    """The one common word a long all-capital or Title Case token may be (see the module
    docstring), or None."""
    key = lookup_key(token.surface)
    least = CAPS_MIN_LENGTH if token.surface.isupper() else TRANSPOSED_MIN_LENGTH
    if len(key) < least:
        return None
    found = [w for w, _ in _candidates(speller, key)
             if speller.lexicon.frequency(w) >= ONLY_WORD_MIN_ZIPF]
    # A long word cut short is more often one the OCR broke, its rest in the next token
    # ('Correspon r dent'), than a typo.
    if len(found) != 1 or found[0].startswith(key):
        return None
    if len(key) < TITLE_MIN_LENGTH and not token.surface.isupper() and not transposed(
            key, found[0]):
        return None
    return found[0]


def transposed(key: str, word: str) -> bool:
    """Whether `key` is `word` with two neighbouring letters swapped ('marhc', 'march')."""
    differ = [i for i, (a, b) in enumerate(zip(key, word, strict=False)) if a != b]
    return (len(key) == len(word) and len(differ) == 2 and differ[1] == differ[0] + 1
            and key[differ[0]] == word[differ[1]] and key[differ[1]] == word[differ[0]])


def propose(text: str, wanted: Collection[str], speller: Speller,
            decided: Mapping[int, Edit], threshold: float) -> list[Edit]:
    """Edits for the tokens of `text` with these surfaces that the single-word decision did
    not fix, where a candidate's share reaches `threshold`."""
    edits = []
    for token in tokenize(text, only=wanted):
        before = decided.get(token.start)
        if before is not None and before.confidence >= threshold:
            continue
        if starts_sentence(text, token.start) and not opens_sentence(text, token.start):
            continue  # after a title or an initial ('Mr. Toose'): a name
        only = judge_only_word(speller, token)
        if only is not None and threshold <= ONLY_WORD_CONFIDENCE:
            edits.append(Edit(
                start=token.start, end=token.end, original=token.surface,
                replacement=apply_case(token.surface, only), kind="spelling",
                rule="spelling.capitalized", confidence=ONLY_WORD_CONFIDENCE,
                reason=(f"{speller.channel.explain(token.surface, only)}; '{token.surface}' is "
                        f"in no word list, and '{only}' is the only common word one slip "
                        "from it"),
            ))
            continue
        judged = judge(speller, text, token)
        if judged is None or judged[1] < threshold:
            continue
        word, share, value = judged
        edits.append(Edit(
            start=token.start,
            end=token.end,
            original=token.surface,
            replacement=apply_case(token.surface, word),
            kind="spelling",
            rule="spelling.capitalized",
            confidence=round(share, 4),
            reason=(f"{speller.channel.explain(token.surface, word)}; '{token.surface}' is in "
                    f"no word list, and its sentence expects '{word}' {value:.1f} log10 units "
                    "more than anywhere"),
        ))
    return edits
