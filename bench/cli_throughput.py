"""Corpus throughput of `normalizer clean --in-place` with --jobs 1 and --jobs 2.

Builds a corpus of news-like files from the seed article (paragraphs in varying order, with
its OCR errors and promo blocks), then times the real command line on fresh copies of it.
Each run is a new process, so the figures include start-up and the lexicon load of every
worker; the start-up alone is measured on one file and reported too.

    .venv/bin/python bench/cli_throughput.py                 # 1,000 files, jobs 1 and 2
    .venv/bin/python bench/cli_throughput.py --files 200 --jobs 1 2 4 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "pompeo-lavrov-bounties.input.txt"


def build_corpus(root: Path, files: int) -> tuple[int, int]:
    """Write `files` articles under `root`; return (words, bytes)."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    words = size = 0
    for i in range(files):
        count = 4 + i % 9
        chosen = [paragraphs[(i * 11 + k * 3) % len(paragraphs)] for k in range(count)]
        text = "\n\n".join(chosen) + "\n"
        path = root / f"desk{i % 10}" / f"story{i:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        words += len(text.split())
        size += len(data)
    return words, size


def run_clean(corpus: Path, jobs: int) -> float:
    """Seconds for one `normalizer clean --in-place` over `corpus`."""
    command = [
        sys.executable,
        "-m",
        "normalizer",
        "clean",
        "--in-place",
        "--quiet",
        "--jobs",
        str(jobs),
        str(corpus),
    ]
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"normalizer failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values")
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting; best is kept")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="normalizer-bench-") as tmp:
        pristine = Path(tmp) / "pristine"
        words, size = build_corpus(pristine, args.files)
        one = Path(tmp) / "one"
        build_corpus(one, 1)
        startup = run_clean(one, 1)
        rows = []
        for jobs in args.jobs:
            best = float("inf")
            for _ in range(args.repeat):
                work = Path(tmp) / f"work-{jobs}"
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(pristine, work)
                best = min(best, run_clean(work, jobs))
            rows.append(
                {
                    "jobs": jobs,
                    "seconds": round(best, 3),
                    "files_per_s": round(args.files / best, 1),
                    "words_per_s": round(words / best),
                    "mb_per_s": round(size / best / 1e6, 3),
                }
            )
    base = rows[0]["seconds"]
    for row in rows:
        row["speedup"] = round(base / row["seconds"], 2)
        # The one-file run is start-up; what remains is the work that the jobs share.
        row["speedup_after_startup"] = round(
            max(base - startup, 1e-9) / max(row["seconds"] - startup, 1e-9), 2
        )
    figures = {
        "files": args.files,
        "words": words,
        "bytes": size,
        "startup_one_file_s": round(startup, 3),
        "runs": rows,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"corpus: {args.files} files, {words:,} words, {size / 1e6:.2f} MB; "
        f"start-up on one file: {startup:.2f} s"
    )
    print(
        f"{'jobs':>4}  {'seconds':>8}  {'files/s':>8}  {'words/s':>9}  {'MB/s':>6}  speed-up"
        "  speed-up after start-up"
    )
    for row in rows:
        print(
            f"{row['jobs']:>4}  {row['seconds']:>8.2f}  {row['files_per_s']:>8.1f}  "
            f"{row['words_per_s']:>9,}  {row['mb_per_s']:>6.2f}  {row['speedup']:>7.2f}x"
            f"  {row['speedup_after_startup']:>7.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
