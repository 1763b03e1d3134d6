"""Counting a corpus: the map step over texts, in this process or in a process pool."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor

from .counts import CorpusCounts, count_document, merge_counts

CHUNK_DOCUMENTS = 16
"""Documents sent to a worker process at once."""


def count_texts(texts: Iterable[str]) -> CorpusCounts:
    """Map and reduce in this process."""
    return merge_counts(map(count_document, texts))


def _count_chunk(texts: list[str]) -> CorpusCounts:
    return count_texts(texts)


def count_corpus(texts: Sequence[str], jobs: int = 1) -> CorpusCounts:
    """The counts of `texts`; with `jobs` > 1 chunks of documents are counted in that many
    worker processes and their counts merged here, in order (the result does not depend on
    `jobs`)."""
    jobs = max(1, min(jobs, len(texts) // CHUNK_DOCUMENTS))
    if jobs == 1:
        return count_texts(texts)
    chunks = [list(texts[i : i + CHUNK_DOCUMENTS])
              for i in range(0, len(texts), CHUNK_DOCUMENTS)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        return merge_counts(pool.map(_count_chunk, chunks))
