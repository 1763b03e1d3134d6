"""Learning a collection's own vocabulary and OCR habits from its OCR text, with no ground
truth.

A map-reduce over documents: `count_document` (map) and `CorpusCounts.merge` /
`merge_counts` (reduce), in `counts`; the engine's confident fixes of one document
(`habits_of`) and their sum, in `habits`; the n-grams of its confidently clean text
(`count_ngrams`), in `ngrams`; `run` maps all three over a corpus, here, in a process pool
or on a Dask cluster. `learn_collection` applies the rules of `vocabulary` and the re-estimate of
`habits` to the evidence, and `render_files` / `render_report` (in `collection`) turn the
result into a profile and an audit report.
"""

from .collection import (
    DEFAULT_BASE,
    LearnedCollection,
    learn_collection,
    learn_from,
    render_files,
    render_report,
)
from .counts import CorpusCounts, count_document, merge_counts
from .habits import HabitCounts, habits_of
from .ngrams import count_ngrams
from .run import CorpusEvidence, merge_evidence, observe, observe_corpus

__all__ = [
    "DEFAULT_BASE",
    "CorpusCounts",
    "CorpusEvidence",
    "HabitCounts",
    "LearnedCollection",
    "count_document",
    "count_ngrams",
    "habits_of",
    "learn_collection",
    "learn_from",
    "merge_counts",
    "merge_evidence",
    "observe",
    "observe_corpus",
    "render_files",
    "render_report",
]
