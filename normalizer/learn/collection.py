"""A learned collection: what `learn_collection` found, and the profile files it is written as.

`collection.toml` is a profile fragment (`normalizer clean --profile collection.toml`): it
extends a named profile and points at two files beside it, named
after it: `<stem>.names.tsv` (the trusted names, a gazetteer read through `gazetteer-files`,
so they are protected AND become correction targets) and `<stem>.candidates.tsv` (the rare
spellings the corpus reads as those names, for the archivist; the engine reaches them through
the names). Everything is sorted and carries no date, so learning twice from the same corpus
writes the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..correction.candidates import speller_for
from ..lexicon import load_lexicon
from ..profile import named_profile
from .counts import CorpusCounts
from .vocabulary import (
    CorpusCandidate,
    LearnedWord,
    corpus_candidates,
    trusted_names,
)

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


def learn_collection(counts: CorpusCounts, base: str = DEFAULT_BASE) -> LearnedCollection:
    """Apply the vocabulary rules (`normalizer.learn.vocabulary`) to a corpus's counts, with
    the channel model of the named profile `base`."""
    profile = named_profile(base)
    speller = speller_for(load_lexicon(profile.gazetteer_files), profile.channel)
    names = trusted_names(counts, speller)
    return LearnedCollection(
        base,
        counts.document_count,
        sum(counts.occurrences.values()),
        tuple(names),
        tuple(corpus_candidates(counts, speller, names)),
    )


def data_paths(profile_path: Path) -> tuple[Path, Path]:
    """The names and candidates files written beside `profile_path`."""
    stem = profile_path.name.removesuffix(".toml")
    return (profile_path.with_name(f"{stem}.names.tsv"),
            profile_path.with_name(f"{stem}.candidates.tsv"))


def render_files(learned: LearnedCollection, profile_path: Path) -> dict[Path, str]:
    """The text of every file of the collection, by path."""
    names_path, candidates_path = data_paths(profile_path)
    origin = f"learned by `normalizer learn` from {learned.documents} documents"
    toml = "\n".join([
        f"# A collection profile {origin} ({learned.tokens} words).",
        "# Use it with `normalizer clean --profile THIS_FILE`; see docs/cli.md.",
        f"profile = {json.dumps(learned.base)}",
        f"gazetteer-files = [{json.dumps(names_path.name)}]",
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
    return {
        profile_path: toml,
        names_path: "\n".join(names) + "\n",
        candidates_path: "\n".join(candidates) + "\n",
    }


def render_report(learned: LearnedCollection, limit: int | None = None) -> str:
    """What was learned, for an archivist to audit: every list with its counts (the first
    `limit` entries of each when given)."""

    def head(items: tuple) -> tuple:
        return items if limit is None else items[:limit]

    def more(items: tuple) -> list[str]:
        hidden = len(items) - len(head(items))
        return [f"  ... and {hidden} more"] if hidden > 0 else []

    lines = [
        f"Learned from {learned.documents} documents, {learned.tokens} words "
        f"(base profile: {learned.base}).",
        "",
        f"Trusted names ({len(learned.names)}): protected, and correction targets.",
        "  occurrences  documents  name",
    ]
    lines += [f"  {w.occurrences:>11}  {w.documents:>9}  {w.word}" for w in head(learned.names)]
    lines += more(learned.names)
    lines += ["", f"Corpus candidates ({len(learned.candidates)}): rare spellings the corpus "
              "reads as a trusted name (the engine decides each in context).",
              "  variant (count) -> name (count)  cost  why"]
    lines += [
        f"  {c.variant} ({c.variant_occurrences}) -> {c.target} ({c.target_occurrences})"
        f"  {c.cost:.2f}  {c.explanation}"
        for c in head(learned.candidates)
    ]
    lines += more(learned.candidates)
    return "\n".join(lines) + "\n"
