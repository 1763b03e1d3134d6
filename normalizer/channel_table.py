"""The OCR channel learned from real OCR: confusions, word boundaries and whole-word misreadings.

Three tables in dictionaries/built/, made by dictionaries/build_channel.py from OverProof
dataset 2 (aligned OCR and ground truth; see SOURCES.md), all lowercase:

- `channel.tsv`: confusions within words (`observed<TAB>intended<TAB>count<TAB>total<TAB>cost`):
  the OCR printed `observed` where the page had `intended`, `count` times out of `total`
  occurrences of `intended`; cost = -log10 P(observed | intended), smoothed with the hand
  table dictionaries/confusions.tsv as a prior. Segments are up to three characters a side
  ("li" for "h", "rn" for "m"); an inserted or lost character carries the character before it
  ("ee" for "e"), so neither side is ever empty.
- `boundaries.tsv`: word boundaries added (`split`) or lost (`merge`) between two letters
  (`event<TAB>before<TAB>after<TAB>count<TAB>total<TAB>cost`); `before` = `after` = `*` is
  the rate over all letter pairs.
- `ocr_misreadings.tsv`: whole words printed for other words
  (`observed<TAB>intended<TAB>count<TAB>observed_total<TAB>known`): "tho" for "the" 597 times
  of the 599 "tho" printed; `known` says whether the printed form is itself a word.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import Confusion, dictionaries_dir
from .tsv import nonempty, read_table

ANY_LETTER = "*"
"""`before`/`after` of the overall word-boundary rates."""


@dataclass(frozen=True, slots=True)
class LearnedConfusion:
    """The OCR printed `observed` for `intended` `count` times in `total`; `cost` = -log10 P."""

    observed: str
    intended: str
    cost: float
    count: int
    total: int


@dataclass(frozen=True, slots=True)
class BoundaryRate:
    """A word boundary added (`split`) or lost (`merge`) between letters `before` and `after`."""

    event: str
    before: str
    after: str
    cost: float
    count: int
    total: int


@dataclass(frozen=True, slots=True)
class Misreading:
    """The OCR printed the word `observed` for `intended` `count` times, of the
    `observed_total` times it printed `observed`; `known`: `observed` is itself a word."""

    observed: str
    intended: str
    count: int
    observed_total: int
    known: bool

    @property
    def rate(self) -> float:
        """P(the page said `intended` | the OCR printed `observed`), as counted."""
        return self.count / self.observed_total


@dataclass(frozen=True)
class ChannelTable:
    """The three learned tables; immutable, one instance per process."""

    confusions: tuple[LearnedConfusion, ...]
    boundaries: tuple[BoundaryRate, ...]
    misreadings: tuple[Misreading, ...]
    _boundary_costs: dict[tuple[str, str, str], float] = field(init=False, repr=False)
    _misreadings_by_observed: dict[str, tuple[Misreading, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        costs = {(b.event, b.before, b.after): b.cost for b in self.boundaries}
        for event in ("split", "merge"):
            if (event, ANY_LETTER, ANY_LETTER) not in costs:
                raise ValueError(f"boundaries table has no overall {event} rate")
        by_observed: dict[str, list[Misreading]] = {}
        for misreading in self.misreadings:
            by_observed.setdefault(misreading.observed, []).append(misreading)
        object.__setattr__(self, "_boundary_costs", costs)
        object.__setattr__(self, "_misreadings_by_observed",
                           {key: tuple(value) for key, value in by_observed.items()})

    def as_confusions(self) -> tuple[Confusion, ...]:
        """The confusions as the channel model's `Confusion(observed, intended, cost)`."""
        return tuple(Confusion(c.observed, c.intended, c.cost) for c in self.confusions)

    def boundary_cost(self, event: str, before: str, after: str) -> float:
        """-log10 P(the OCR `split` a word / `merge`d two words between letters `before` and
        `after`): the pair's own rate when the table has it, else the overall rate."""
        if event not in ("split", "merge"):
            raise ValueError(f"unknown boundary event: {event!r}")
        pair = self._boundary_costs.get((event, before.lower(), after.lower()))
        return pair if pair is not None else self._boundary_costs[event, ANY_LETTER, ANY_LETTER]

    def misreadings_of(self, observed: str) -> tuple[Misreading, ...]:
        """What the printed word `observed` (case-insensitive) stood for, most often first."""
        return self._misreadings_by_observed.get(observed.lower(), ())


def read_confusions(path: Path) -> tuple[LearnedConfusion, ...]:
    """The rows of a channel.tsv file (ValueError naming the file and line for a malformed
    one: a finite cost >= 0 and 0 <= count <= total)."""

    def row(fields: dict[str, str]) -> LearnedConfusion:
        confusion = LearnedConfusion(
            nonempty(fields["observed"]), nonempty(fields["intended"]), float(fields["cost"]),
            int(fields["count"]), int(fields["total"]))
        if not (math.isfinite(confusion.cost) and confusion.cost >= 0
                and 0 <= confusion.count <= confusion.total):
            raise ValueError(f"expected a finite cost >= 0 and 0 <= count <= total, got "
                             f"cost {fields['cost']}, count {confusion.count}, "
                             f"total {confusion.total}")
        return confusion

    return read_table(path, ("observed", "intended", "count", "total", "cost"), row)


def read_boundaries(path: Path) -> tuple[BoundaryRate, ...]:
    """The rows of a boundaries.tsv file."""
    return read_table(path, ("event", "before", "after", "count", "total", "cost"), lambda r: (
        BoundaryRate(r["event"], r["before"], r["after"], float(r["cost"]), int(r["count"]),
                     int(r["total"]))))


def read_misreadings(path: Path) -> tuple[Misreading, ...]:
    """The rows of an ocr_misreadings.tsv file."""
    return read_table(path, ("observed", "intended", "count", "observed_total", "known"),
                      lambda r: Misreading(nonempty(r["observed"]), nonempty(r["intended"]),
                                           int(r["count"]), int(r["observed_total"]),
                                           _yes_no(r["known"])))


def _yes_no(text: str) -> bool:
    if text not in ("yes", "no"):
        raise ValueError(f"known must be yes or no, not {text!r}")
    return text == "yes"


def read_channel_table(folder: Path) -> ChannelTable:
    """The tables of a dictionaries folder's built/ subfolder."""
    built = folder / "built"
    return ChannelTable(read_confusions(built / "channel.tsv"),
                        read_boundaries(built / "boundaries.tsv"),
                        read_misreadings(built / "ocr_misreadings.tsv"))


@lru_cache(maxsize=1)
def load_channel_table() -> ChannelTable:
    """The process-wide learned channel, from `dictionaries_dir()`, loaded once."""
    return read_channel_table(dictionaries_dir())
