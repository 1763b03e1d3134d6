"""Load time, query rate and memory of the trigram context model (normalizer/language_model.py).

    python bench/language_model.py              # default: 3 rounds over the clean news cases
    python bench/language_model.py --rounds 5

Queries are every (two previous words, word) of tests/cases/clean/*.txt, then the same queries
with each word swapped for a one-letter OCR variant ("the" -> "tho"), the kind of candidate the
correction engine asks about. "first" queries miss the memo cache and touch the model's
memory for the first time in the process; "unmemoized" are the same queries on a second,
fresh model instance (memo empty); "memoized" repeats them. Load time is measured in a fresh
process, after the lexicon the engine loads anyway: `import pocketsphinx` plus reading the
model. Memory is resident set size (psutil, the `bench` extra). Timings are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

import psutil
import regex

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as `python bench/language_model.py`
    sys.path.insert(0, str(ROOT))

WORD = regex.compile(r"\p{L}[\p{L}'’]*")
LOAD_PROGRAM = """
import time, psutil
from normalizer.lexicon import load_lexicon
lexicon = load_lexicon()
process = psutil.Process()
rss = process.memory_info().rss
start = time.perf_counter()
from normalizer.language_model import build_language_model
model = build_language_model(lexicon)
model.logprob(("of",), "the")
print(time.perf_counter() - start, process.memory_info().rss - rss)
"""


def queries() -> list[tuple[tuple[str, ...], str]]:
    """(context, word) pairs of the clean news cases, then with OCR-like variants."""
    words = []
    for path in sorted((ROOT / "tests" / "cases" / "clean").glob("*.txt")):
        words += WORD.findall(path.read_text(encoding="utf-8"))
    pairs = [(tuple(words[max(0, i - 2):i]), word) for i, word in enumerate(words)]
    swap = str.maketrans("eaoi", "ocei")
    return pairs + [(context, word.translate(swap)) for context, word in pairs]


def measure_load(runs: int) -> tuple[float, int]:
    """Median seconds and RSS growth (bytes) of loading the model in fresh processes."""
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_PROGRAM], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
        results.append((float(out[0]), int(out[1])))
    results.sort()
    return results[len(results) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="load runs and query rounds")
    args = parser.parse_args()
    from normalizer.language_model import build_language_model
    from normalizer.lexicon import load_lexicon

    seconds, rss = measure_load(args.rounds)
    print(f"load (import pocketsphinx + read model, fresh process, median of {args.rounds}): "
          f"{seconds * 1000:.0f} ms, RSS +{rss / 2**20:.0f} MB")
    lexicon = load_lexicon()
    work = queries()
    process = psutil.Process()
    rss_before = process.memory_info().rss
    model = build_language_model(lexicon)
    for label in ["first", "unmemoized"] + ["memoized"] * args.rounds:
        if label == "unmemoized":
            model = build_language_model(lexicon)
        start = time.perf_counter()
        for context, word in work:
            model.logprob(context, word)
        elapsed = time.perf_counter() - start
        print(f"{label}: {len(work)} queries, {len(work) / elapsed:,.0f} queries/s")
    grown = process.memory_info().rss - rss_before
    print(f"RSS growth (two model instances + memo of {len(work)} queries): "
          f"{grown / 2**20:.0f} MB; process peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
