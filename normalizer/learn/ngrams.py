"""A collection's context: the n-gram counts of its confidently clean text.

The map step counts, in one document as the engine corrected it, every pair and triple of
words that lies inside a run of clean words of one sentence (single words are no context:
the collection model uses none): words the lexicon knows
that are not often misreadings ('tho', 'bo' and the other rare words one OCR confusion from
a frequent one break a run, so an error the engine left in place is not learned as the
collection's usage), with `<s>` before a run that opens its sentence. The reduce step sums
the counts; `prune` keeps those seen often enough to be the collection's usage, and
`render_counts` writes them as the table `normalizer.collection_model` reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from ..channel_table import load_channel_table
from ..collection_model import NGRAM_COLUMNS
from ..correction.context import SENTENCE_BREAK, WORD
from ..correction.speller import Speller
from ..correction.words import lookup_key
from ..language_model import ORDER, SENTENCE_START, normalize_word

MAX_MISREADING_RATE = 0.1
"""A word the OCR printed for another more often than this (in the channel's own counts of
real OCR: 'tho' for 'the' 597 times in 599) is no clean word; 'it' (for 'h' or 'r' 7 times
in 225) is."""

MIN_NGRAM_COUNT = 3
"""An n-gram printed fewer times in the collection's clean text is not written."""

NgramCounts = Counter[tuple[str, ...]]


def is_clean_word(speller: Speller, word: str) -> bool:
    """A word the lexicon knows that is not often an OCR misreading of another."""
    key = lookup_key(word)
    lexicon = speller.lexicon
    return (
        (key in lexicon.common or key in lexicon.names)
        and not speller.real_word_risk(key)
        and sum(m.rate for m in load_channel_table().misreadings_of(key)) <= MAX_MISREADING_RATE
    )


def _clean_runs(text: str, speller: Speller) -> Iterator[list[str]]:
    """The runs of clean words of each sentence (lowercase), `<s>` before a sentence's first."""
    run: list[str] = []
    previous_end = None
    for match in WORD.finditer(text):
        if previous_end is None or SENTENCE_BREAK.search(text, previous_end, match.start()):
            yield run
            run = [SENTENCE_START]
        previous_end = match.end()
        if is_clean_word(speller, match.group()):
            run.append(normalize_word(match.group()))
        else:
            yield run
            run = []
    yield run


def count_ngrams(text: str, speller: Speller) -> NgramCounts:
    """The map step: the n-grams of `text`'s clean runs (see the module docstring)."""
    counts: NgramCounts = Counter()
    for run in _clean_runs(text, speller):
        for i in range(len(run)):
            for size in range(2, ORDER + 1):
                gram = tuple(run[i : i + size])
                if len(gram) == size:
                    counts[gram] += 1
    return counts


def prune(counts: NgramCounts, minimum: int = MIN_NGRAM_COUNT) -> NgramCounts:
    """The n-grams seen at least `minimum` times."""
    return Counter({gram: n for gram, n in counts.items() if n >= minimum})


def render_counts(counts: Mapping[tuple[str, ...], int], origin: str) -> str:
    """The counts table: most frequent first, then by n-gram, so equal counts write equal
    bytes."""
    lines = [f"# N-gram counts of the confidently clean text, {origin}.",
             "# Read through `context-counts`: mixed into the context model.",
             "\t".join(NGRAM_COLUMNS)]
    lines += [f"{' '.join(gram)}\t{n}" for gram, n in sorted_counts(counts)]
    return "\n".join(lines) + "\n"


def sorted_counts(counts: Mapping[tuple[str, ...], int]) -> list[tuple[tuple[str, ...], int]]:
    """Most frequent first, ties by n-gram."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
