"""Fixtures for the correction modules' unit tests: the shared lexicon and its speller."""

from __future__ import annotations

import pytest

from normalizer.correction.speller import Speller, speller_for
from normalizer.lexicon import Lexicon, load_lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def speller(lexicon: Lexicon) -> Speller:
    return speller_for(lexicon)
