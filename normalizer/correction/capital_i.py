"""A lowercase i the OCR printed as a capital I in the middle of a sentence: 'laid In that
locality' -> 'in', 'the motion Is carried' -> 'is'.

On the page the two letters differ by a dot and a hair of height, and historical newspaper
OCR takes one for the other; the word it makes is a real word in the wrong case, which no
other decision looks at. In OverProof dataset 2, 'In', 'Is', 'Into', 'Its' and 'If' between
two lowercase words stand for the lowercase word about 140 times in 160.

The other reading of such a capital is a sentence start whose period the OCR lost ('the
School of Mining In the mountains'). The trigram context model weighs the two: the word
continuing its sentence, log10 P(word | the two before) and of the two words after it,
against the sentence ending before it, log10 P(</s> | the two before) + log10 P(word | <s>)
and of the words after it. The word is lowercased when the first leads by `MIN_MARGIN`.

Only a token `I` + lowercase letters whose lowercase form is a very frequent word
(`MIN_ZIPF`: function words, not 'Income' or 'Instructed', which a writer may capitalize as
a term) is considered, and only where the word before it on its line or the one before
(no sentence break between) and the word after it are all lowercase: not at a sentence start,
in a headline or in a Title Case phrase. Only profiles with the context model (the `archive`
profile) make these edits.
"""

from __future__ import annotations

from collections.abc import Container

from ..language_model import SENTENCE_END, SENTENCE_START
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import in_headline, starts_sentence
from .context import sentence_neighbours
from .readings import Scorer
from .speller import Speller

MIN_ZIPF = 5.5
"""The lowercase form must be at least this frequent a word."""
MIN_MARGIN = 1.5
"""log10 units the sentence going on must lead the sentence starting at the word by."""

_CANDIDATE = compile_regex(
    r"(?<=(?<![\p{L}\p{M}\p{Nd}'’.-])\p{Ll}+,?[ \t]*\n?[ \t]*)"
    r"I\p{Ll}+(?![\p{L}\p{M}\p{Nd}'’-])(?=[ \t]*\n?[ \t]*\p{Ll})"
)
"""`I` + lowercase letters after a lowercase word (on its line or the one before) and before
one."""


def propose(text: str, speller: Speller, allow: Container[str], threshold: float,
            taken: Container[int] = ()) -> list[Edit]:
    """Edits that lowercase a capital I the OCR printed for an i mid-sentence; `taken`:
    starts of tokens other decisions already changed."""
    lexicon = speller.lexicon
    scorer: Scorer | None = None
    edits = []
    for match in _CANDIDATE.finditer(text):
        surface, start, end = match.group(), match.start(), match.end()
        key = surface.lower()
        if (
            start in taken or key in allow or key not in lexicon.common
            or lexicon.frequency(key) < MIN_ZIPF
            or starts_sentence(text, start) or in_headline(text, start)
        ):
            continue
        scorer = scorer or Scorer(speller.language_model, lexicon)
        before, after = sentence_neighbours(text, start, end)
        going_on = scorer.sequence(before, (key,), after)
        new_sentence = (scorer.logprob(before[-2:], SENTENCE_END)
                        + scorer.sequence((SENTENCE_START,), (key,), after))
        margin = going_on - new_sentence
        confidence = 1 / (1 + 10 ** -margin)
        if margin < MIN_MARGIN or confidence < threshold:
            continue
        edits.append(Edit(
            start, end, surface, key, "ocr", "ocr.capital-i", round(confidence, 4),
            f"a lowercase 'i' printed as a capital mid-sentence; the trigram context model "
            f"reads '{key}' as going on with its sentence rather than opening a new one by "
            f"{margin:.1f} log10 units",
        ))
    return edits
