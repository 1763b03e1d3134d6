"""A sentence that opens in lowercase lost its first letter: 'he result came' is 'The result
came', 'is arrest set off' is 'His arrest'.

Edited text opens every sentence with a capital, so a lowercase word right after a sentence
end (`boundaries.opens_sentence`, after a period that ends a sentence, not an abbreviation's)
is a slip either way: its capital was dropped ('he said' for 'He said'), or its first letter
was, and the capital with it. The second kind leaves a real word ('he', 'is', 'hat'), which
no other check looks at. Its hypotheses are the words one letter before it makes (`the`,
`his`, `she`, `that`, `what`) of Zipf `MIN_ZIPF` or more; the trigram model weighs each
opening the sentence, through the two words after it, against the word as written:

    score(w) = log10 P(w | <s>) + log10 P(next words | <s>, w) - cost(o | w) + LOST_CAPITAL

where `LOST_CAPITAL` is what the lowercase says by itself: a dropped first letter explains it,
a reading as written needs a second slip. The best reading is applied where its posterior
share among them reaches the profile's threshold ('he said' stays, 'she said' being no
likelier); it takes the capital the sentence wants.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from string import ascii_lowercase

import regex

from ..language_model import SENTENCE_START
from ..model import Edit
from ..patterns import compile_regex
from .boundaries import opens_sentence
from .context import in_sentence_logprob, sentence_neighbours
from .speller import Speller

MIN_ZIPF = 4.0
"""The rarest word a lowercase opening may have lost its first letter from."""
LOST_CAPITAL = 2.5
"""log10 odds a reading with its first letter restored gains: the lowercase opening is what
a lost first letter leaves, while the word as written needs a slip of its own."""
_AFTER_SENTENCE_END = (
    r"(?<!(?<![\p{L}\p{N}])\p{L}[.!?])[\"'”’)]*[ \t\n]+[\"'“‘(]?(\p{Ll}{2,})\b")
LOWERCASE_OPENING = compile_regex(r"[.!?]" + _AFTER_SENTENCE_END)
"""A lowercase word after a sentence end, an opening quote between them allowed; not after a
lone letter's period ('a.m. in the hills', 'U.S. officials'), an initial's or an
abbreviation's, after which a lowercase word goes on the sentence."""
LOWERCASE_OPENING_AFTER_PERIOD = compile_regex(r"\." + _AFTER_SENTENCE_END)
"""`LOWERCASE_OPENING` after a period only, the same pattern for a text without '!' or '?'."""


def lowercase_openings(text: str) -> Iterator[regex.Match[str]]:
    """`LOWERCASE_OPENING.finditer(text)`. A text without '!' or '?' (most) is scanned for
    `LOWERCASE_OPENING_AFTER_PERIOD`: the engine finds one character far faster than any of
    three (the scan cost 4 million instructions less over the news speed corpus)."""
    if "!" in text or "?" in text:
        return LOWERCASE_OPENING.finditer(text)
    return LOWERCASE_OPENING_AFTER_PERIOD.finditer(text)


def restored(speller: Speller, key: str) -> list[str]:
    """The common words of Zipf `MIN_ZIPF` or more that `key` is with its first letter lost."""
    frequency = speller.lexicon.frequency
    return [word for word in (letter + key for letter in ascii_lowercase)
            if word in speller.lexicon.common and frequency(word) >= MIN_ZIPF]


def propose(text: str, speller: Speller, decided: Mapping[int, Edit],
            threshold: float) -> list[Edit]:
    """Edits restoring the first letter of the lowercase real words that open a sentence of
    `text`, where that reading's share reaches `threshold`; tokens `decided` holds are left."""
    edits = []
    model = speller.language_model
    for match in lowercase_openings(text):
        start, end = match.span(1)
        key = match.group(1)
        if start in decided or key not in speller.lexicon.common:
            continue
        if not opens_sentence(text, start) or not (words := restored(speller, key)):
            continue
        _, after = sentence_neighbours(text, start, end)
        before = (SENTENCE_START,)
        own = in_sentence_logprob(model, before, key, after)
        scores = {word: in_sentence_logprob(model, before, word, after)
                  - speller.cost(key, word) + LOST_CAPITAL for word in words}
        best = max(scores, key=lambda w: (scores[w], w))
        share = 1 / (10 ** (own - scores[best])
                     + sum(10 ** (s - scores[best]) for s in scores.values()))
        if share < threshold:
            continue
        edits.append(Edit(
            start=start, end=end, original=key, replacement=best.capitalize(),
            kind="spelling", rule="spelling.opening", confidence=round(share, 4),
            reason=(f"'{key}' opens a sentence in lowercase: its first letter was lost "
                    f"({speller.channel.explain(key, best)}), and the context model prefers "
                    f"'{best.capitalize()}' there by {scores[best] - own:.1f} log10 units")))
    return edits


def with_lost_capital(text: str, edit: Edit) -> Edit:
    """`edit`, its replacement capitalized where it gives a lowercase word opening a sentence
    its lost first letter back ('ended. ccording to officials' -> 'According'): the capital
    was lost with the letter. A first letter mistyped ('rhe') leaves the writer's lowercase."""
    original, replacement = edit.original, edit.replacement
    if (original[:1].islower() and replacement[1:] == original and replacement[:1].islower()
            and opens_sentence(text, edit.start)):
        return replace(edit, replacement=replacement[:1].upper() + replacement[1:])
    return edit
