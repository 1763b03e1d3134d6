"""A learned collection: what `learn_collection` found, and the profile files it is written as.

`collection.toml` is a profile fragment (`normalizer clean --profile collection.toml`): it
extends a named profile and points at files beside it, named after
it: `<stem>.names.tsv` (the trusted names, a gazetteer read through `gazetteer-files`, so
they are protected AND become correction targets), `<stem>.confusions.tsv` (the collection's
own OCR habits, read through `confusions-file`), `<stem>.ngrams.tsv` (the n-gram counts of
its confidently clean text, mixed into the context model through `context-counts` when
learned with `context`), `<stem>.corrections.tsv` (the spellings the engine corrected the
same way in most of their occurrences, corrected in all of them: `corpus-corrections`) and
`<stem>.candidates.tsv` (the rare spellings the corpus reads as trusted names, for the
archivist; the engine reaches them through the names). Everything is sorted and carries
no date, so learning twice from the same corpus writes the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..collection_model import COLLECTION_WEIGHT
from ..corpus_corrections import CORRECTION_COLUMNS, CorpusCorrection
from ..correction.speller import speller_for
from ..pipeline import Normalizer
from .consistency import corpus_corrections
from .habits import RateChange, rate_changes
from .ngrams import MIN_NGRAM_COUNT, prune, render_counts, sorted_counts
from .run import CorpusEvidence, observe_corpus, observe_corpus_on
from .vocabulary import (
    CorpusCandidate,
    LearnedWord,
    corpus_candidates,
    trusted_names,
)

if TYPE_CHECKING:
    import distributed

DEFAULT_BASE = "archive"
"""The named profile a learned collection extends unless told otherwise."""


@dataclass(frozen=True, slots=True)
class LearnedCollection:
    """Everything learned from one corpus, over the named profile `base`."""

    base: str
    documents: int
    tokens: int
    names: tuple[LearnedWord, ...]
    candidates: tuple[CorpusCandidate, ...]
    rates: tuple[RateChange, ...]
    ngrams: tuple[tuple[tuple[str, ...], int], ...]
    """The n-grams of the clean text kept (`prune`), most frequent first."""
    corrections: tuple[CorpusCorrection, ...] = ()
    """The collection's recurring misreadings (`consistency.corpus_corrections`)."""


def learn_collection(
    texts: Sequence[str], base: str = DEFAULT_BASE, jobs: int = 1,
    client: distributed.Client | None = None,
) -> LearnedCollection:
    """Observe `texts` with the engine of the named profile `base` (in `jobs` processes, or
    on the Dask cluster of `client`) and learn from what they show (see `learn_from`)."""
    normalizer = Normalizer(base)
    if client is not None:
        evidence = observe_corpus_on(client, texts, normalizer.profile)
    else:
        evidence = observe_corpus(texts, normalizer, jobs)
    return learn_from(evidence, normalizer)


def learn_from(evidence: CorpusEvidence, normalizer: Normalizer) -> LearnedCollection:
    """Apply the vocabulary rules (`normalizer.learn.vocabulary`) and the habit re-estimate
    (`normalizer.learn.habits`) to a corpus's evidence, with `normalizer`'s lexicon and OCR
    channel."""
    profile = normalizer.profile
    speller = speller_for(normalizer.lexicon, profile.channel, profile.confusions_file,
                          profile.context_counts)
    counts = evidence.counts
    names = trusted_names(counts, speller)
    return LearnedCollection(
        profile.name,
        counts.document_count,
        sum(counts.occurrences.values()),
        tuple(names),
        tuple(corpus_candidates(counts, speller, names)),
        tuple(rate_changes(evidence.habits, speller.channel)),
        tuple(sorted_counts(prune(evidence.ngrams))),
        tuple(corpus_corrections(evidence.decisions, speller)),
    )


def data_paths(profile_path: Path) -> tuple[Path, Path, Path, Path, Path]:
    """The names, confusions, n-gram, corrections and candidates files written beside
    `profile_path`."""
    stem = profile_path.name.removesuffix(".toml")
    return tuple(profile_path.with_name(f"{stem}.{kind}.tsv")  # type: ignore[return-value]
                 for kind in ("names", "confusions", "ngrams", "corrections", "candidates"))


def render_files(learned: LearnedCollection, profile_path: Path, context: bool = False
                 ) -> dict[Path, str]:
    """The text of every file of the collection, by path. The n-gram table is always
    written; the profile reads it (`context-counts`) only with `context`, else the key is
    left commented out for the archivist to turn on."""
    names_path, confusions_path, ngrams_path, corrections_path, candidates_path = (
        data_paths(profile_path))
    origin = f"learned by `normalizer learn` from {learned.documents} documents"
    toml = "\n".join([
        f"# A collection profile {origin} ({learned.tokens} words).",
        "# Use it with `normalizer clean --profile THIS_FILE`; see docs/cli.md.",
        f"profile = {json.dumps(learned.base)}",
        f"gazetteer-files = [{json.dumps(names_path.name)}]",
        f"confusions-file = {json.dumps(confusions_path.name)}",
        ("" if context else "# ") + f"context-counts = {json.dumps(ngrams_path.name)}",
        f"corpus-corrections = {json.dumps(corrections_path.name)}",
        "",
    ])
    names = [f"# Trusted names {origin}: name, type, occurrences/documents.",
             "name\ttype\tnote"]
    names += [f"{w.word}\tname\t{w.occurrences}/{w.documents}" for w in learned.names]
    candidates = [f"# Rare spellings read as trusted names, {origin}.",
                  "variant\ttarget\tvariant_count\ttarget_count\tcost\twhy"]
    candidates += [
        f"{c.variant}\t{c.target}\t{c.variant_occurrences}\t{c.target_occurrences}"
        f"\t{c.cost:.2f}\t{c.explanation}"
        for c in learned.candidates
    ]
    confusions = [f"# OCR confusions {origin}, re-estimated from its confident fixes;",
                  "# cost = -log10(count / total), read through `confusions-file`.",
                  "observed\tintended\tcount\ttotal\tcost"]
    confusions += [f"{r.observed}\t{r.intended}\t{r.count}\t{r.total}\t{r.cost:.3f}"
                   for r in learned.rates]
    corrections = [f"# Spellings the engine corrected the same way in most of their "
                   f"occurrences, {origin};",
                   "# read through `corpus-corrections`: corrected in every occurrence.",
                   "\t".join(CORRECTION_COLUMNS)]
    corrections += [f"{c.variant}\t{c.target}\t{c.changed}\t{c.seen}"
                    for c in learned.corrections]
    return {
        profile_path: toml,
        corrections_path: "\n".join(corrections) + "\n",
        names_path: "\n".join(names) + "\n",
        confusions_path: "\n".join(confusions) + "\n",
        ngrams_path: render_counts(dict(learned.ngrams), origin),
        candidates_path: "\n".join(candidates) + "\n",
    }


def _section(title: str, header: str, rows: list[str], limit: int | None) -> list[str]:
    """One list of the report: a title, a column header, the first `limit` rows."""
    shown = rows if limit is None else rows[:limit]
    hidden = len(rows) - len(shown)
    return ["", title, header, *shown, *([f"  ... and {hidden} more"] if hidden else [])]


def render_report(learned: LearnedCollection, limit: int | None = None) -> str:
    """What was learned, for an archivist to audit: every list with its counts (the first
    `limit` entries of each when given)."""
    lines = [f"Learned from {learned.documents} documents, {learned.tokens} words "
             f"(base profile: {learned.base})."]
    lines += _section(
        f"Trusted names ({len(learned.names)}): protected, and correction targets.",
        "  occurrences  documents  name",
        [f"  {w.occurrences:>11}  {w.documents:>9}  {w.word}" for w in learned.names], limit)
    lines += _section(
        f"Corpus candidates ({len(learned.candidates)}): rare spellings the corpus reads as a "
        "trusted name (the engine decides each in context).",
        "  variant (count) -> name (count)  cost  why",
        [f"  {c.variant} ({c.variant_occurrences}) -> {c.target} ({c.target_occurrences})"
         f"  {c.cost:.2f}  {c.explanation}" for c in learned.candidates], limit)
    lines += _section(
        f"OCR habits ({len(learned.rates)}): confusions this collection makes more often than "
        "the engine's channel assumes.",
        "  intended -> printed  count/total  cost (channel's)",
        [f"  {r.intended} -> {r.observed}  {r.count}/{r.total}  {r.cost:.2f} "
         f"({'none' if r.base_cost is None else f'{r.base_cost:.2f}'})" for r in learned.rates],
        limit)
    lines += _section(
        f"Corpus corrections ({len(learned.corrections)}): spellings the engine corrected "
        "to one word in most of their occurrences; the rest are corrected for consistency.",
        "  variant -> target  corrected/occurrences",
        [f"  {c.variant} -> {c.target}  {c.changed}/{c.seen}" for c in learned.corrections],
        limit)
    orders = Counter(len(gram) for gram, _ in learned.ngrams)
    lines += _section(
        f"Context ({len(learned.ngrams)} n-grams printed at least {MIN_NGRAM_COUNT} times in "
        f"clean text; pairs {orders[2]}, triples {orders[3]}): with --context, "
        f"mixed into the context model at weight {COLLECTION_WEIGHT}.",
        "  count  n-gram",
        [f"  {n:>5}  {' '.join(gram)}" for gram, n in learned.ngrams], limit)
    return "\n".join(lines) + "\n"
