"""Where the evaluation data lives and how it is read.

Public data is read at run time from ``../shared/benchmarks/`` next to the repository (or
from ``$NORMALIZER_BENCH_DATA`` / ``--data``) and is never copied into this repository; a set
whose folder is missing is skipped with a note. The seed case and the clean paragraphs under
``tests/cases/clean/`` are read from the repository itself.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
DATA_ENV = "NORMALIZER_BENCH_DATA"
T = TypeVar("T")


def data_dir(option: str | None = None) -> Path:
    """The benchmark data folder: `option`, else ``$NORMALIZER_BENCH_DATA``, else the default."""
    return Path(option or os.environ.get(DATA_ENV) or DEFAULT_DATA)


@dataclass(frozen=True, slots=True)
class Document:
    """One document to correct; `reference` is a third-party system's output, if any."""

    id: str
    input: str
    expected: str
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    """A misspelling and its intended word."""

    id: str
    wrong: str
    right: str


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def seed_documents() -> list[Document]:
    """Every ``seeds/<name>.input.txt`` with its ``<name>.expected.txt``."""
    return [
        Document(
            path.name.removesuffix(".input.txt"),
            path.read_text(encoding="utf-8"),
            path.with_name(path.name.replace(".input.", ".expected.")).read_text(encoding="utf-8"),
        )
        for path in sorted((REPO / "seeds").glob("*.input.txt"))
    ]


def overproof_documents(data: Path) -> list[Document] | None:
    """The OverProof articles (OCR input, human ground truth, OverProof's output), or None."""
    path = data / "overproof" / "overproof.jsonl"
    if not path.is_file():
        return None
    return [
        Document(row["id"], row["input"], row["expected"], row.get("overproof_output"))
        for row in _jsonl(path)
    ]


def pairs(data: Path, folder: str, source: str | None = None) -> list[Pair] | None:
    """The word pairs of ``<data>/<folder>/pairs.jsonl`` (only those whose ``source`` ends
    with `source`, when given), or None when the file is missing."""
    path = data / folder / "pairs.jsonl"
    if not path.is_file():
        return None
    return [
        Pair(row["id"], row["wrong"], row["right"]) for row in _jsonl(path)
        if source is None or row.get("source", "").endswith(source)
    ]


def sample(items: list[T], limit: int | None, seed: int) -> list[T]:
    """A seeded random sample of `limit` items, in their original order (all when None)."""
    if limit is None or limit >= len(items):
        return items
    keep = sorted(random.Random(seed).sample(range(len(items)), limit))
    return [items[i] for i in keep]


_HYPHEN_BREAK_RE = re.compile(r"(\w)-\n(?=[a-z])")
_LINES_PER_PARAGRAPH = 12


def unwrap_columns(text: str) -> list[str]:
    """Column-layout ground truth -> paragraphs of `_LINES_PER_PARAGRAPH` lines each.

    End-of-line hyphens before a lowercase letter are joined (``foun-\\ndation`` ->
    ``foundation``) and the remaining line breaks inside a paragraph become spaces.
    """
    lines = _HYPHEN_BREAK_RE.sub(r"\1", text).split("\n")
    chunks = (
        lines[i : i + _LINES_PER_PARAGRAPH] for i in range(0, len(lines), _LINES_PER_PARAGRAPH)
    )
    paragraphs = (" ".join(line.strip() for line in chunk if line.strip()) for chunk in chunks)
    return [p for p in paragraphs if p]


def _blank_line_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


TUNING_OVERPROOF = "overproof-d2-"
"""The id prefix of the OverProof articles the engine may be tuned on: dataset 2. Dataset 3 is
the test set, so its ground truth never enters the synthetic sets either."""


def clean_texts(data: Path, modern_only: bool = False) -> list[tuple[str, list[str]]]:
    """(id, paragraphs) of every clean text: the seeds' expected files, the modern news in
    ``tests/cases/clean/*.txt`` and, unless `modern_only`, the ground truth of OverProof's
    dataset 2 (when `data` has it; never dataset 3's, the test set)."""
    texts = [(doc.id, _blank_line_paragraphs(doc.expected)) for doc in seed_documents()]
    texts += [
        (f"clean-{path.stem}", _blank_line_paragraphs(path.read_text(encoding="utf-8")))
        for path in sorted((REPO / "tests" / "cases" / "clean").glob("*.txt"))
    ]
    if not modern_only:
        texts += [(doc.id, unwrap_columns(doc.expected))
                  for doc in overproof_documents(data) or []
                  if doc.id.startswith(TUNING_OVERPROOF)]
    return [(name, paragraphs) for name, paragraphs in texts if paragraphs]
