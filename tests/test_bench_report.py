"""What the benchmarks report: the provenance line they write into docs/benchmarks.md
(`bench/report.py`) and the word-pair scores (`bench/quality.py`)."""

from __future__ import annotations

import pytest

from bench.datasets import Pair
from bench.peers import System
from bench.quality import pair_table, score_pairs
from bench.report import public_arguments


@pytest.mark.parametrize(("arguments", "kept"), [
    (["--data", "somewhere/benchmarks", "--docs", "--budget", "10"], ["--docs", "--budget", "10"]),
    (["--docs", "--data=somewhere/benchmarks"], ["--docs"]),
    (["--systems", "normalizer,aspell", "--full"], ["--systems", "normalizer,aspell", "--full"]),
    (["--data"], []),
])
def test_the_local_data_folder_never_reaches_the_docs(arguments, kept):
    assert public_arguments(arguments) == kept


class _Table(System):
    """A peer that knows two slips: its candidates rank them, its `correct` fixes one."""

    name, version = "table", "1"

    def correct(self, text: str) -> str:
        return {"teh": "the"}.get(text, text)

    def candidates(self, word: str) -> list[str]:
        return {"teh": ["the"], "recieve": ["relieve", "receive"]}.get(word, [word])


def test_a_pair_set_is_scored_ranked_and_alone():
    pairs = [Pair("1", "teh", "the"), Pair("2", "recieve", "receive"), Pair("3", "xq", "ax")]
    score = score_pairs("set", pairs, _Table())
    assert (score.at1, score.at5, score.alone, score.pairs) == (1 / 3, 2 / 3, 1 / 3, 3)
    assert "fixed alone" in pair_table([score]).splitlines()[0]
