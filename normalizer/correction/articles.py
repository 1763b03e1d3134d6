"""'an' before a consonant: a slip of 'and' or of 'a' ('Seminole an Lubbock', 'statements an
his stance', 'an new idea').

English writes 'an' only before a vowel's sound. Before a word that opens with a consonant's
letter (`AN_BEFORE_CONSONANT`: not an 'h' but a pronoun's, 'an hour', 'an his'; not an 'x'
or capitals read as letters, 'an X-ray', 'an FBI agent', 'an F-16') and is no word of
another language ('an sein Vaterland'), it is a slip: of 'and' with its 'd' lost, or of 'a'
with an 'n' added. The trigram context model reads them in the sentence, 'an' as written
keeping `STICKINESS` (the model knows 'Frankfurt an der Oder'), and the likelier fix is made
where its share reaches the profile's threshold: the context says which ('statements and his
stance', 'a new idea'); between two names it knows nothing of ('Ozempic an Wegovy') it
decides nothing. A pass of typed text (profiles without `context-model`): in OCR, 'an'
before a consonant is as often a misread 'on' or 'as' ('boats an the deck', 'a doubt an to
whether'), which the dense reading's context model reads.

Measured: 4 more typos fixed at 13 news seeds, nothing else changed there, on the synthetic
set, its clean twin or OverProof dataset 2 (where reading 'an' as 'and' or 'a' in the
archive profile too read 4 error units wrong and fixed none). No clean text of the
benchmarks (the modern news, OverProof dataset 2's 19th-century prose, this project's
Markdown) writes 'an' before a consonant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Edit
from .context import in_sentence_logprob, sentence_neighbours
from .speller import Speller

AN_BEFORE_CONSONANT = re.compile(
    r"(?<![\w'’-])an ((?![A-Z]{2}|[A-Z]\b)[b-df-gj-np-tv-wyzB-DF-GJ-NP-TV-WYZ][\w'’-]*"
    r"|(?:h(?:is|ers?|im|e|ow|as|ad|ave|ere))\b)")
"""A lowercase 'an' and one space before a word opening with a consonant's letter (more
space is as often a masked code span's: 'an `npm` script'), as one reads it: not an
'h' but that of a pronoun or another word 'an' never stands before ('his', 'her', 'how',
'had'; the h is silent in 'hour' and 'honest', and 'an hotel', 'an historic' are the old
writers' choice), not an 'x' ('X-ray'), not capitals read letter by letter ('FBI', 'MP',
'F-16'). Python's `re`, ASCII letters: one scan of the window for a rare sight."""
READINGS = ("and", "a")
RIVALS = ("on",)
"""What 'an' may be read as but is never made: OCR's 'on', its 'o' printed as an 'a', which
the share of a reading counts ('boats an the deck'), so that a page's misread 'on' is left
to the context model of the dense reading. Counting 'as', 'in' and 'at' too cost 3 typos of
'and' at 13 news seeds and gained nothing on OverProof dataset 2."""
STICKINESS = 1.0
"""log10 odds 'an' as written keeps against its readings: what the context model knows of
'an' before a word ('Frankfurt an der Oder') stands."""


def propose(text: str, speller: Speller, decided: Mapping[int, Edit],
            threshold: float) -> list[Edit]:
    """Edits reading each 'an' of `text` before a consonant (`AN_BEFORE_CONSONANT`) as 'and'
    or 'a', where that reading is the context model's likeliest of 'an' as written, its
    `READINGS` and `RIVALS`, its share of them reaches `threshold`, and no earlier fix of the
    token is confident."""
    if "an " not in text:
        return []
    edits = []
    model = speller.language_model
    foreign = speller.lexicon.foreign_words
    for match in AN_BEFORE_CONSONANT.finditer(text):
        start, end = match.start(), match.start() + 2
        earlier = decided.get(start)
        if (earlier is not None and earlier.confidence >= threshold) or (
                match.group(1).lower() in foreign):
            continue
        before, after = sentence_neighbours(text, start, end)
        scores = {word: in_sentence_logprob(model, before, word, after)
                  for word in READINGS + RIVALS}
        scores["an"] = in_sentence_logprob(model, before, "an", after) + STICKINESS
        best = max(scores, key=scores.__getitem__)
        if best not in READINGS:
            continue
        share = 1 / sum(10 ** (score - scores[best]) for score in scores.values())
        if share < threshold:
            continue
        edits.append(Edit(
            start=start, end=end, original="an", replacement=best, kind="spelling",
            rule="spelling.article", confidence=round(share, 4),
            reason=(f"'an' stands before '{match.group(1)}', a consonant, where English writes "
                    f"no 'an'; the trigram context model reads '{best}' there "
                    f"({share:.2f} of its readings, 'an' as written among them)")))
    return edits
