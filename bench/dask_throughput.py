"""Corpus throughput of `normalizer clean --output-dir --executor dask` with 1 and 2 workers.

Builds the news-like corpus of bench/cli_throughput.py (20,000 documents by default), then
runs the real command line on a local Dask cluster of each worker count, as a new process
each time (cluster start-up and each worker's lexicon load included). While a run goes on,
the resident memory of every worker process is sampled (psutil); the peak per worker is
reported. The outputs of all runs must be identical, byte for byte.

    .venv/bin/python bench/dask_throughput.py                    # 20,000 documents, 1 and 2 workers
    .venv/bin/python bench/dask_throughput.py --docs 1000 --workers 1 2

On several machines: start `dask scheduler` on one, `dask worker tcp://HOST:8786` on each
(the corpus on a shared file system, mounted at the same path), and run
`normalizer clean CORPUS --output-dir OUT --executor dask --scheduler tcp://HOST:8786`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

if __package__ in (None, ""):  # run as `python bench/dask_throughput.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cli_throughput import build_corpus


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.txt")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run(corpus: Path, out: Path, workers: int) -> dict[str, float]:
    """One timed run; returns seconds and the peak resident MB of the busiest worker."""
    command = [sys.executable, "-m", "normalizer", "clean", str(corpus), "--output-dir",
               str(out), "--executor", "dask", "--jobs", str(workers), "-q"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        for child in main.children(recursive=True):
            try:
                if "normalizer" in " ".join(child.cmdline()) or "spawn_main" in " ".join(
                    child.cmdline()
                ):
                    peaks[child.pid] = max(peaks.get(child.pid, 0.0),
                                           child.memory_info().rss / 1e6)
            except psutil.Error:
                continue
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"run failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return {"seconds": seconds, "worker_peak_mb": max(peaks.values(), default=0.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        words, size = build_corpus(corpus, args.docs)
        rows, digests = [], set()
        for workers in args.workers:
            out = Path(tmp) / f"out{workers}"
            figures = run(corpus, out, workers)
            digests.add(_digest(out))
            rows.append({"workers": workers, **figures,
                         "docs_per_s": args.docs / figures["seconds"]})
    assert len(digests) == 1, "outputs differ between worker counts"
    if args.json:
        print(json.dumps({"docs": args.docs, "words": words, "bytes": size, "runs": rows}))
        return
    print(f"corpus: {args.docs:,} documents, {words:,} words, {size / 1e6:.2f} MB")
    print("workers   seconds    docs/s  speed-up  peak MB per worker")
    for row in rows:
        speedup = rows[0]["seconds"] / row["seconds"]
        print(f"{row['workers']:>7} {row['seconds']:>9.2f} {row['docs_per_s']:>9.1f}"
              f" {speedup:>8.2f}x {row['worker_peak_mb']:>10.0f}")
    print("outputs identical across worker counts")


if __name__ == "__main__":
    main()
