"""The provenance line the benchmarks write into docs/benchmarks.md (`bench/report.py`)."""

from __future__ import annotations

import pytest

from bench.report import public_arguments


@pytest.mark.parametrize(("arguments", "kept"), [
    (["--data", "somewhere/benchmarks", "--docs", "--budget", "10"], ["--docs", "--budget", "10"]),
    (["--docs", "--data=somewhere/benchmarks"], ["--docs"]),
    (["--systems", "normalizer,aspell", "--full"], ["--systems", "normalizer,aspell", "--full"]),
    (["--data"], []),
])
def test_the_local_data_folder_never_reaches_the_docs(arguments, kept):
    assert public_arguments(arguments) == kept
