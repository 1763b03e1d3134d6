"""Observing a corpus: the map step over texts, in this process, in a process pool or on a
Dask cluster, and the reduce step over what the documents showed."""

from __future__ import annotations

import gc
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..correction.speller import speller_for
from ..pipeline import Normalizer
from ..profile import Profile
from .consistency import DecisionCounts, decisions_of
from .counts import CorpusCounts, count_document
from .habits import HabitCounts, habits_of
from .ngrams import NgramCounts, count_ngrams

if TYPE_CHECKING:
    import distributed

CHUNK_DOCUMENTS = 8
"""Documents sent to a worker process at once."""


@dataclass(slots=True)
class CorpusEvidence:
    """What a corpus shows: its word counts, its OCR habits, the n-grams of its clean text
    and the engine's decisions for each spelling."""

    counts: CorpusCounts = field(default_factory=CorpusCounts)
    habits: HabitCounts = field(default_factory=HabitCounts)
    ngrams: NgramCounts = field(default_factory=Counter)
    decisions: DecisionCounts = field(default_factory=DecisionCounts)

    def merge(self, other: CorpusEvidence) -> CorpusEvidence:
        """The evidence of both corpora (a new object; neither operand changes)."""
        return merge_evidence((self, other))


def observe(text: str, normalizer: Normalizer) -> CorpusEvidence:
    """The map step: one document's word counts, confident OCR fixes, clean n-grams (of
    the text as the engine corrected it) and decisions."""
    result = normalizer.normalize(text)
    profile = normalizer.profile
    speller = speller_for(normalizer.lexicon, profile.channel, profile.confusions_file,
                          profile.context_counts)
    return CorpusEvidence(count_document(text), habits_of(result),
                          count_ngrams(result.text, speller), decisions_of(text, result))


def merge_evidence(parts: Iterable[CorpusEvidence]) -> CorpusEvidence:
    """The reduce step over any number of partial observations (summed in place, so that
    merging many parts costs one pass over each)."""
    total = CorpusEvidence()
    for part in parts:
        total.counts.add(part.counts)
        total.habits.add(part.habits)
        total.ngrams.update(part.ngrams)
        total.decisions.add(part.decisions)
    return total


_NORMALIZER: Normalizer | None = None
"""The engine of this run, made before the workers fork so that they share its lexicon."""


def _observe_chunk(texts: list[str]) -> CorpusEvidence:
    assert _NORMALIZER is not None, "observe_corpus sets the engine first"
    return merge_evidence(observe(text, _NORMALIZER) for text in texts)


def _chunks(texts: Sequence[str]) -> list[list[str]]:
    return [list(texts[i : i + CHUNK_DOCUMENTS]) for i in range(0, len(texts), CHUNK_DOCUMENTS)]


def _observe_on_worker(texts: list[str], profile: Profile) -> CorpusEvidence:
    """The map step on a Dask worker, with that worker process's engine for `profile`."""
    from ..dask import engine

    return merge_evidence(observe(text, engine(profile)) for text in texts)


def observe_corpus_on(client: distributed.Client, texts: Sequence[str], profile: Profile
                      ) -> CorpusEvidence:
    """What `texts` show to the engine of `profile`, observed on the Dask cluster of
    `client` (see `normalizer.dask.cluster_client`), chunk by chunk, and merged here."""
    futures = client.map(_observe_on_worker, _chunks(texts), profile=profile, pure=False)
    return merge_evidence(client.gather(futures))


def observe_corpus(texts: Sequence[str], normalizer: Normalizer, jobs: int = 1
                   ) -> CorpusEvidence:
    """What `texts` show to `normalizer`; with `jobs` > 1 chunks of documents are observed
    in that many worker processes and merged here (the result does not depend on `jobs`)."""
    global _NORMALIZER
    _NORMALIZER = normalizer
    chunks = _chunks(texts)
    jobs = max(1, min(jobs, len(chunks)))
    if jobs == 1:
        return merge_evidence(map(_observe_chunk, chunks))
    gc.freeze()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        return merge_evidence(pool.map(_observe_chunk, chunks))
