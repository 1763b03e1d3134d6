"""Learning a collection's own vocabulary and OCR habits from its OCR text, with no ground
truth.

A map-reduce over documents: `count_document` (map) and `CorpusCounts.merge` /
`merge_counts` (reduce), in `counts`; the engine's confident fixes of one document
(`observe_document`) and their sum, in `habits`; `run` maps both over a corpus, here or in a
process pool. `learn_collection` applies the rules of `vocabulary` and the re-estimate of
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
from .habits import HabitCounts, observe_document
from .run import CorpusEvidence, merge_evidence, observe, observe_corpus

__all__ = [
    "DEFAULT_BASE",
    "CorpusCounts",
    "CorpusEvidence",
    "HabitCounts",
    "LearnedCollection",
    "count_document",
    "learn_collection",
    "learn_from",
    "merge_counts",
    "merge_evidence",
    "observe",
    "observe_corpus",
    "observe_document",
    "render_files",
    "render_report",
]
