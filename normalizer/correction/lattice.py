"""The best reading of a run of words under the trigram model: an exact Viterbi search.

A lattice gives each position its `Choice`s (the word as written first, then what it may stand
for), each with an emission score in log10 units (minus the channel cost of a rival, plus the
stickiness of a real word as written). A reading picks one choice per position and scores

    sum_i  log10 P(w_i | w_i-2 w_i-1) + emission(w_i)

with the two words before the lattice as fixed history. The search runs over trigram states
(the last two words), forward for the best reading and backward for each position's
max-marginals: the score of the best reading that puts a given choice there, which is what
a choice is judged by (its margin over the word as written, its posterior share).

Bound: with at most K choices per position, a lattice of n positions costs at most n·K³ model
queries (K² states times K successors per position, kept for the way back) and n·K³ stored
scores: linear in n.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..language_model import ContextModel

_NONE = -1
"""The state index of the fixed history before the first position."""
_WORST = float("-inf")


@dataclass(frozen=True, slots=True)
class Choice:
    """One word a position may read as.

    `fixed_logprob`, when set, replaces the model's log10 P of the word in any context: for a
    word as written that the model does not know, whose back-off floor says nothing about it."""

    word: str
    emission: float = 0.0
    fixed_logprob: float | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """The best reading: the choice index at each position, its score and, per position and
    choice, the best score of any reading with that choice there."""

    path: tuple[int, ...]
    score: float
    max_marginals: tuple[tuple[float, ...], ...]


def best_reading(model: ContextModel, history: tuple[str, ...],
                 lattice: Sequence[Sequence[Choice]]) -> Reading:
    """The best reading of a non-empty `lattice` (every position with at least one choice)
    after the words `history` (at least one: `SENTENCE_START` at a sentence's start)."""

    def word(position: int, index: int) -> str:
        return history[-1] if index == _NONE else lattice[position][index].word

    def step(context: tuple[str, ...], choice: Choice) -> float:
        logprob = choice.fixed_logprob
        if logprob is None:
            logprob = model.logprob(context, choice.word)
        return logprob + choice.emission

    # alpha[i][(p, q)]: the best score of positions 0..i ending with choices p, q at i-1, i;
    # steps[i][(p, q)]: the score of each choice at i + 1 after them (kept for the way back).
    alpha = [{(_NONE, q): step(history, c) for q, c in enumerate(lattice[0])}]
    back: list[dict[tuple[int, int], int]] = [{}]
    steps: list[dict[tuple[int, int], list[float]]] = []
    for i in range(1, len(lattice)):
        scores: dict[tuple[int, int], float] = {}
        pointers: dict[tuple[int, int], int] = {}
        following: dict[tuple[int, int], list[float]] = {}
        for (p, q), score in alpha[-1].items():
            context = (word(i - 2, p), word(i - 1, q))
            following[(p, q)] = values = [step(context, choice) for choice in lattice[i]]
            for r, value in enumerate(values):
                value += score
                if value > scores.get((q, r), _WORST):
                    scores[(q, r)] = value
                    pointers[(q, r)] = p
        alpha.append(scores)
        back.append(pointers)
        steps.append(following)

    # beta[i][(p, q)]: the best score of positions i+1.. given choices p, q at i-1, i.
    beta: list[dict[tuple[int, int], float]] = [dict.fromkeys(alpha[-1], 0.0)]
    for i in range(len(lattice) - 2, -1, -1):
        after = beta[-1]
        beta.append({
            (p, q): max(value + after[(q, r)] for r, value in enumerate(values))
            for (p, q), values in steps[i].items()
        })
    beta.reverse()

    max_marginals = []
    for i, position in enumerate(lattice):
        best = [_WORST] * len(position)
        for (p, q), score in alpha[i].items():
            best[q] = max(best[q], score + beta[i][(p, q)])
        max_marginals.append(tuple(best))

    state = max(alpha[-1], key=alpha[-1].__getitem__)
    score = alpha[-1][state]
    path = [state[1]]
    for i in range(len(lattice) - 1, 0, -1):
        state = (back[i][state], state[0])
        path.append(state[1])
    return Reading(tuple(reversed(path)), score, tuple(max_marginals))
