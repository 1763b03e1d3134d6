"""A collection's own n-gram counts, mixed into the general trigram context model.

`normalizer learn` counts the word pairs and triples of a collection's confidently clean text
(see `normalizer.learn.ngrams`) and writes them as a table; a profile reads it through
`context-counts`. `CollectionModel` estimates P_c(w | h) from the counts by Witten-Bell
interpolation (each order backs off to the shorter history in proportion to how many
different words followed the longer one) down to the general model's own P(w | h), never to
the collection's word frequencies, and mixes it with the general model:

    P(w | h) = COLLECTION_WEIGHT * P_c(w | h) + (1 - COLLECTION_WEIGHT) * P_general(w | h)

so the collection's evidence is about context alone: a word it often prints after these words
('the Senate', 'Mr. Blank') gains there and a word it never printed after them loses a little,
while after words the collection has no counts for the general model decides alone. A word
frequent in the collection gains nothing by frequency alone (that lift made rare correct words
lose to frequent rivals: 'roods' read as 'goods'). The mixed model answers the same queries
as the general one (`ContextModel`), so the context decision needs no change to use it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from .language_model import (
    SENTENCE_START,
    ContextModel,
    load_language_model,
    normalize_word,
)
from .tsv import nonempty, read_table

COLLECTION_WEIGHT = 0.5
"""The collection model's share of the mixture (chosen on OverProof dataset 2 and the
synthetic set: 0.1 to 0.7 tried; 0.3 made the most fixes on dataset 2, 0.5 the fewest false
positives on both)."""

NGRAM_COLUMNS = ("ngram", "count")
"""The header of a counts table: an n-gram (words joined by single spaces, `<s>` for a
sentence start) and how often the collection's clean text has it. Single words may be listed
(older tables have them) but only pairs and triples are evidence."""


class CollectionModel(ContextModel):
    """The general model mixed with a collection's Witten-Bell n-gram estimate."""

    def __init__(self, general: ContextModel, counts: Mapping[tuple[str, ...], int],
                 weight: float = COLLECTION_WEIGHT) -> None:
        """`counts`: n-gram (lowercase words, one to three; single words are not used)
        -> count; `weight`: the collection's share of the mixture, in (0, 1)."""
        super().__init__()
        if not 0.0 < weight < 1.0:
            raise ValueError(f"the collection weight must be in (0, 1), got {weight!r}")
        self.general = general
        self.weight = weight
        self._counts = dict(counts)
        self._history_total: Counter[tuple[str, ...]] = Counter()
        self._history_types: Counter[tuple[str, ...]] = Counter()
        for gram, count in self._counts.items():
            if len(gram) > 1:
                self._history_total[gram[:-1]] += count
                self._history_types[gram[:-1]] += 1

    def collection_probability(self, context: tuple[str, ...], word: str, base: float
                               ) -> float:
        """P_c(word | the last two words of `context`): the collection's pair and triple
        counts, backing off to `base` (the general model's probability), never to the
        collection's own word frequencies."""
        history = tuple(normalize_word(w) for w in context[-2:])
        return self._witten_bell(history, normalize_word(word), base)

    def _witten_bell(self, history: tuple[str, ...], word: str, base: float) -> float:
        if not history:
            return base
        shorter = self._witten_bell(history[1:], word, base)
        total = self._history_total[history]
        if not total:
            return shorter
        types = self._history_types[history]
        return (self._counts.get((*history, word), 0) + types * shorter) / (total + types)

    def _compute(self, context: tuple[str, ...], word: str) -> float:
        general = 10.0 ** self.general.logprob(context, word)
        mixed = (self.weight * self.collection_probability(context, word, general)
                 + (1.0 - self.weight) * general)
        return math.log10(mixed)


def read_counts(path: Path) -> dict[tuple[str, ...], int]:
    """The n-gram counts of a table written by `normalizer learn` (ValueError naming the
    file and line for a malformed one)."""

    def row(fields: dict[str, str]) -> tuple[tuple[str, ...], int]:
        gram = tuple(nonempty(fields["ngram"]).split(" "))
        count = int(fields["count"])
        if not 1 <= len(gram) <= 3 or "" in gram or count < 1:
            raise ValueError(f"expected one to three words and a positive count, "
                             f"got {fields['ngram']!r} {count}")
        if SENTENCE_START in gram[1:] or gram == (SENTENCE_START,):
            raise ValueError(f"{SENTENCE_START} may only open an n-gram of two or three words")
        return gram, count

    return dict(read_table(path, NGRAM_COLUMNS, row))


@lru_cache(maxsize=4)
def load_collection_model(path: Path) -> CollectionModel:
    """The general model mixed with the counts table at `path`, loaded once per process."""
    return CollectionModel(load_language_model(), read_counts(path))
