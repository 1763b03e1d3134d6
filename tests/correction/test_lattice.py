"""The Viterbi search over trigram states, checked against enumerating every reading."""

from __future__ import annotations

import itertools
import random
import zlib

import pytest

from normalizer.correction.lattice import Choice, best_reading


class HashedModel:
    """A stand-in trigram model: a fixed pseudo-random log10 P for each (two words, word)
    that counts its queries."""

    def __init__(self) -> None:
        self.queries = 0

    def logprob(self, context: tuple[str, ...], word: str) -> float:
        self.queries += 1
        return -(zlib.crc32(" ".join((*context[-2:], word)).encode()) % 1000) / 100


def _score(model: HashedModel, history: tuple[str, ...], choices: list[Choice]) -> float:
    total, context = 0.0, history
    for choice in choices:
        logprob = choice.fixed_logprob
        total += (model.logprob(context, choice.word) if logprob is None else logprob)
        total += choice.emission
        context = (*context[-1:], choice.word)
    return total


def _lattice(rng: random.Random, length: int) -> list[list[Choice]]:
    return [
        [Choice(f"w{i}_{k}", rng.uniform(-3, 1), rng.choice([None, -6.0]))
         for k in range(rng.randint(1, 3))]
        for i in range(length)
    ]


@pytest.mark.parametrize("seed", range(30))
def test_the_best_reading_and_max_marginals_are_those_of_full_enumeration(seed):
    rng = random.Random(seed)
    lattice = _lattice(rng, rng.randint(1, 6))
    history = rng.choice([("<s>",), ("a", "b")])
    model = HashedModel()
    reading = best_reading(model, history, lattice)
    readings = {
        path: _score(model, history, [lattice[i][c] for i, c in enumerate(path)])
        for path in itertools.product(*(range(len(position)) for position in lattice))
    }
    best = max(readings, key=readings.__getitem__)
    assert reading.path == best
    assert reading.score == pytest.approx(readings[best])
    for i, position in enumerate(lattice):
        for c in range(len(position)):
            expected = max(s for path, s in readings.items() if path[i] == c)
            assert reading.max_marginals[i][c] == pytest.approx(expected)


def test_a_long_lattice_costs_a_linear_number_of_model_queries():
    def queries(length: int) -> int:
        model = HashedModel()
        lattice = [[Choice(f"w{i}_{k}") for k in range(4)] for i in range(length)]
        best_reading(model, ("<s>",), lattice)
        return model.queries

    # K choices at the first position, K² pairs at the second, K³ triples after: linear.
    for length in (100, 400):
        assert queries(length) == 4 + 4**2 + (length - 2) * 4**3
