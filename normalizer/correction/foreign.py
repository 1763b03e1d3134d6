"""Passages in another language, whose words are no English typos.

A news article quotes Portuguese or German ("O presidente disse que não vai mudar", "die
Steuern für kleine Unternehmen zu senken"), and a document may hold a translation. Read as
English, such a sentence is full of unknown words one slip from English ones ("não" -> no,
"senken" -> sunken, "oficiais" -> officials). A sentence is taken for another language when
at least `MIN_FOREIGN_WORDS` of its words, and `MIN_FOREIGN_SHARE` of them, are everyday
words of another Latin-alphabet language that English lacks (`Lexicon.foreign_words`, from
dictionaries/built/foreign_words.tsv, see dictionaries/build_foreign_words.py): OCR errors
and typos in English make such words rarely, and two of them in one sentence hardly ever.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence

from ..model import Edit
from ..patterns import compile_regex
from .context import WORD

MIN_FOREIGN_WORDS = 3
MIN_FOREIGN_SHARE = 0.2
MIN_TEXT_TYPES = 12
MIN_TEXT_TYPE_SHARE = 0.025
MIN_TEXT_TYPE_LENGTH = 4
"""A whole text is also in another language when what lies outside its foreign sentences
holds at least `MIN_TEXT_TYPES` distinct foreign words of `MIN_TEXT_TYPE_LENGTH` letters or
more, one for each 40 words: a translated help file whose short entries mix the language with
English identifiers (gnupg's help.*.txt: 24 to 60 such words, 0.036 to 0.074 of the rest).
English never comes near: at most 6 such words and 0.020 over OverProof dataset 2, the
synthetic OCR set and 4,200 Markdown, reST and plain-text files. Shorter words are left out
of this count: OCR noise makes them ('ini', 'ona', 'wer', 'foi' in one 1850 article)."""
BREAK = compile_regex(r"""[.!?;:()\[\]"“”«»„]|\n\s*\n""")
"""Where a stretch of one language may end: a sentence's end, and a quotation's or a
bracket's, so an English sentence quoting Portuguese is checked outside the quotation."""


def foreign_spans(text: str, words: Collection[str]) -> list[tuple[int, int]]:
    """The (start, end) of each sentence (or quotation, see `BREAK`) of `text` in another
    language (module docstring), or the whole text when the rest of it is, taken together
    (or by `MIN_TEXT_TYPES`): a translated page's short lines ('Insira o tamanho da chave')
    say too little one by one, while an English sentence around a quotation stays English.
    One pass over the text: linear in its length. `words`: the foreign words
    (`Lexicon.foreign_words`)."""
    spans = []
    start = rest_hits = rest_tokens = 0
    rest_types: set[str] = set()
    for end, after in [m.span() for m in BREAK.finditer(text)] + [(len(text), len(text))]:
        tokens = [m.group().lower() for m in WORD.finditer(text, start, end)]
        hits = [token for token in tokens if token in words]
        if _is_foreign(len(hits), len(tokens)):
            spans.append((start, end))
        else:
            rest_hits += len(hits)
            rest_tokens += len(tokens)
            rest_types.update(hit for hit in hits if len(hit) >= MIN_TEXT_TYPE_LENGTH)
        start = after
    whole = _is_foreign(rest_hits, rest_tokens) or (
        len(rest_types) >= max(MIN_TEXT_TYPES, MIN_TEXT_TYPE_SHARE * rest_tokens))
    return [(0, len(text))] if whole else spans


def _is_foreign(hits: int, tokens: int) -> bool:
    return hits >= MIN_FOREIGN_WORDS and hits >= MIN_FOREIGN_SHARE * tokens


def outside_foreign(text: str, edits: Sequence[Edit], words: Collection[str]) -> list[Edit]:
    """`edits` of `text` but those inside a sentence in another language (the spans are
    sorted and apart: each edit is placed by bisection)."""
    if not edits:
        return list(edits)
    spans = foreign_spans(text, words)
    starts = [start for start, _ in spans]

    def inside(edit: Edit) -> bool:
        i = bisect.bisect_right(starts, edit.start) - 1
        return i >= 0 and edit.end <= spans[i][1]

    return [e for e in edits if not inside(e)]
