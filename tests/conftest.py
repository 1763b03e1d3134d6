"""Shared fixtures: one engine per test process (the lexicon loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer import Normalizer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def engine() -> Normalizer:
    return Normalizer()


@pytest.fixture(scope="session")
def seed() -> tuple[str, str]:
    """(input, expected) of the seed article."""
    return (
        (SEEDS / "pompeo-lavrov-bounties.input.txt").read_text(encoding="utf-8"),
        (SEEDS / "pompeo-lavrov-bounties.expected.txt").read_text(encoding="utf-8"),
    )
