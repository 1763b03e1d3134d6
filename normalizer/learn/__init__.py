"""Learning a collection's own vocabulary from its OCR text, with no ground truth.

A map-reduce over documents: `count_document` (map) and `CorpusCounts.merge` /
`merge_counts` (reduce), in `counts`; `count_corpus` runs them here or in a process pool.
`learn_collection` applies the rules of `vocabulary` to the counts, and `render_files` /
`render_report` (in `collection`) turn the result into a profile and an audit report.
"""

from .collection import (
    DEFAULT_BASE,
    LearnedCollection,
    learn_collection,
    render_files,
    render_report,
)
from .counts import CorpusCounts, count_document, merge_counts
from .run import count_corpus

__all__ = [
    "DEFAULT_BASE",
    "CorpusCounts",
    "LearnedCollection",
    "count_corpus",
    "count_document",
    "learn_collection",
    "merge_counts",
    "render_files",
    "render_report",
]
