"""Throughput, cold start and peak memory of this project and its peers, on one corpus.

    python bench/speed.py                # print the table
    python bench/speed.py --docs         # also rewrite docs/benchmarks.md and docs/speed.png
    python bench/speed.py --systems "normalizer,symspell lookup" --budget 10 --cold-runs 3

First pass only: every corpus holds each distinct document once, and each system corrects it
once, in a fresh process, so no timing is a warm repeat of text already seen (a system's own
memos fill as it goes, as they would on any new batch). Corpora, built deterministically by
the seeded generator of bench/synth.py from every clean text (seeds, tests/cases/clean,
OverProof dataset 2's ground truth when present): "news", the modern news alone, uncorrupted (the
everyday case); "clean", all the clean texts uncorrupted (OverProof's 19th-century prose
included); "noisy", all of them with seeded synthetic OCR noise and promo blocks.
`--corpora` picks them. They are written to bench/out/ (git-ignored); the output says how
many documents, words and distinct words each has.

Each system runs in its own fresh subprocess (``--worker``): it is built, warmed up on one
word, then corrects the corpus document by document. A system still running after
`--budget` seconds stops after the current document and its words/s is the rate over the
documents done (the table says how many words were timed). `--repeats` rounds run per corpus,
each a fresh worker per system in turn (a slow stretch of a shared machine then falls on every
system alike), and the table gives the median words/s (and the largest peak memory), which
keeps a busy machine's noise out of a corpus that takes a fraction of a second; "words/CPU s"
divides by the CPU time the worker and its helper processes spent instead of the wall time,
which other load on the machine hardly moves (its median too). Peak memory is
the worker's ``ru_maxrss`` plus the peak RSS (``VmHWM``) of its helper processes (hunspell,
aspell). Cold start: the median wall time of `--cold-runs` fresh ``python -c`` processes that
import the system, build it and correct one word. Timings are printed, never asserted: on a
shared machine compare the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/speed.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import datasets, metrics, peers, report
from bench.synth import CorruptionModel, synthesize_set

ENGINE = "normalizer"
COLD_SNIPPETS = {ENGINE: 'import normalizer; normalizer.Normalizer().normalize("x")'}
"""Cold-start programs; every other system: `_peer_snippet`."""


def _peer_snippet(name: str) -> str:
    return f"from bench.peers import SYSTEMS; SYSTEMS[{name!r}]().correct('x')"


def build_corpus(
    data: Path, seed: int, model: CorruptionModel | None = None, modern_only: bool = False
) -> list[str]:
    """Every clean text once through `model` (default: the synthetic corruption), drawn with
    `seed`, without duplicate documents; `modern_only` leaves out the OverProof text."""
    texts = datasets.clean_texts(data, modern_only)
    if not texts:
        raise SystemExit("no clean text found to build the corpus from")
    docs = synthesize_set(texts, seed, model or CorruptionModel())
    return list(dict.fromkeys(doc.input for doc in docs))


def _children() -> list[str]:
    """The process ids of this process's live children (Linux; none elsewhere)."""
    children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    return children.read_text().split() if children.is_file() else []


def _helper_peak_kb() -> int:
    """Sum of the peak RSS (VmHWM, KiB) of this process's live children (Linux only)."""
    total = 0
    for pid in _children():
        status = Path(f"/proc/{pid}/status")
        for line in status.read_text().splitlines() if status.is_file() else []:
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
    return total


def _cpu_seconds() -> float:
    """CPU time of this process and its live helper processes (hunspell, aspell) so far."""
    total = time.process_time()
    for pid in _children():
        stat = Path(f"/proc/{pid}/stat")
        if stat.is_file():
            # Fields after the command name: utime and stime are the 12th and 13th.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def worker(name: str, corpus_path: Path, budget: float) -> dict[str, object]:
    """Run one system over the corpus in this process (see the module docstring)."""
    start = time.perf_counter()
    systems, skipped = peers.build([name])
    if skipped:
        return {"skipped": skipped[name]}
    system = systems[0]
    system.correct("warm up")
    load = time.perf_counter() - start
    docs = json.loads(corpus_path.read_text(encoding="utf-8"))
    words = done = 0
    elapsed = cpu = 0.0
    for doc in docs:
        began, began_cpu = time.perf_counter(), _cpu_seconds()
        system.correct(doc)
        elapsed += time.perf_counter() - began
        cpu += _cpu_seconds() - began_cpu
        words += len(metrics.tokenize(doc))
        done += 1
        if elapsed > budget:
            break
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + _helper_peak_kb()
    return {
        "system": system.name,
        "version": system.version,
        "load_s": load,
        "words": words,
        "docs": done,
        "docs_total": len(docs),
        "seconds": elapsed,
        "words_per_s": metrics.words_per_second(words, elapsed),
        "cpu_s": cpu,
        "words_per_cpu_s": metrics.words_per_second(words, cpu),
        "peak_rss_mb": peak_kb / 1024,
    }


def _python(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(datasets.REPO)}
    return subprocess.run(
        [sys.executable, *args], cwd=datasets.REPO, env=env, capture_output=True, text=True
    )


def cold_start(name: str, runs: int) -> float | None:
    """Median seconds of `runs` fresh processes that build the system and correct one word;
    None when `runs` is 0 or a process fails."""
    if runs < 1:
        return None
    snippet = COLD_SNIPPETS.get(name, _peer_snippet(name))
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        if _python(["-c", snippet]).returncode != 0:
            return None
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _worker_run(name: str, corpus_path: Path, budget: float) -> dict[str, object]:
    """One fresh worker process's result (see `worker`), or {"skipped": why}."""
    done = _python(
        [str(Path(__file__).resolve()), "--worker", name, "--corpus", str(corpus_path),
         "--budget", str(budget)]
    )
    if done.returncode != 0:
        return {"skipped": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout)


def measure(
    names: list[str], corpus_path: Path, budget: float, cold_runs: int, repeats: int
) -> list[dict[str, object]]:
    """Throughput and memory of each system in `repeats` rounds of fresh worker processes
    (median words/s, largest peak memory), then its cold start. A round runs one worker per
    system in turn, so a slow stretch of a shared machine falls on every system alike rather
    than on the one measured then."""
    runs: dict[str, list[dict]] = {name: [] for name in names}
    skipped: dict[str, dict[str, object]] = {}
    for _ in range(repeats):
        for name in names:
            if name not in skipped:
                run = _worker_run(name, corpus_path, budget)
                if "skipped" in run:
                    skipped[name] = run
                else:
                    runs[name].append(run)
    results: list[dict[str, object]] = []
    for name in names:
        if name in skipped:
            results.append({"system": name, **skipped[name]})
            continue
        rates = sorted(run["words_per_s"] for run in runs[name])
        median = next(run for run in runs[name]
                      if run["words_per_s"] == statistics.median_low(rates))
        results.append({
            "system": name,
            **median,
            "runs_words_per_s": rates,
            "words_per_cpu_s": statistics.median(run["words_per_cpu_s"] for run in runs[name]),
            "peak_rss_mb": max(run["peak_rss_mb"] for run in runs[name]),
            "cold_start_s": cold_start(name, cold_runs),
        })
    return results


def speed_table(results: list[dict]) -> str:
    engines = {r["corpus"]: r for r in results if r["system"] == ENGINE and "words_per_s" in r}
    rows = []
    for r in results:
        if "words_per_s" not in r:
            continue
        engine = engines.get(r["corpus"])
        ratio = r["words_per_s"] / engine["words_per_s"] if engine else None
        cold = r.get("cold_start_s")
        rows.append(
            [
                r["corpus"],
                r["system"],
                r["version"],
                f"{r['words_per_s']:,.0f}",
                f"{ratio:.2f}×" if ratio is not None else "–",
                f"{r['words_per_cpu_s']:,.0f}",
                f"{r['words']:,}" + ("" if r["docs"] == r["docs_total"] else " (subset)"),
                f"{cold:.2f}" if cold is not None else "–",
                f"{r['load_s']:.2f}",
                f"{r['peak_rss_mb']:.0f}",
            ]
        )
    headers = [
        "corpus",
        "system",
        "version",
        "words/s",
        "vs normalizer",
        "words/CPU s",
        "words timed",
        "cold start (s)",
        "build in worker (s)",
        "peak RSS (MB)",
    ]
    return report.table(headers, rows)


def plot(results: list[dict], path: Path) -> None:
    """Horizontal bars of words/s per system (log scale)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    done = [r for r in results if "words_per_s" in r]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(done) + 1.2))
    colors = ["tab:orange" if r["system"] == ENGINE else "tab:blue" for r in done]
    labels = [f"{r['system']} ({r['corpus']})" for r in done]
    ax.barh(labels, [r["words_per_s"] for r in done], color=colors)
    ax.set_xscale("log")
    ax.invert_yaxis()
    ax.set_xlabel("words per second (log scale, higher is faster)")
    ax.set_title("Throughput on the same corpora (bench/speed.py)")
    ax.grid(axis="x", alpha=0.3)
    report.save_figure(fig, path)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", help="benchmark data folder (as in bench/quality.py)")
    parser.add_argument("--systems", help="comma-separated systems (default: all)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="fresh worker processes per system and corpus, median words/s (default 3)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=30.0,
        help="seconds of correction per system before it stops (default 30)",
    )
    parser.add_argument("--cold-runs", type=int, default=3,
                        help="cold-start runs (median; 0: no cold start measured)")
    parser.add_argument("--seed", type=int, default=13, help="corpus seed")
    parser.add_argument(
        "--corpora",
        default="news,clean,noisy",
        help="which corpora, comma-separated: news, clean, noisy (default: all three)",
    )
    parser.add_argument(
        "--docs",
        action="store_true",
        help="rewrite the Speed section of docs/benchmarks.md and docs/speed.png",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.budget)))
        return 0
    data = datasets.data_dir(args.data)
    models = {
        "news": CorruptionModel.clean(),
        "clean": CorruptionModel.clean(),
        "noisy": CorruptionModel(),
    }
    kinds = args.corpora.split(",")
    for kind in kinds:
        if kind not in models:
            raise SystemExit(f"--corpora: unknown corpus {kind!r} (known: {', '.join(models)})")
    print("# Speed\n", flush=True)
    headers, results = [], []
    for kind in kinds:
        corpus = build_corpus(data, args.seed, models[kind], modern_only=kind == "news")
        corpus_path = report.OUT / f"speed_corpus_{kind}.json"
        corpus_path.parent.mkdir(parents=True, exist_ok=True)
        corpus_path.write_text(json.dumps(corpus), encoding="utf-8")
        size = sum(len(d.encode("utf-8")) for d in corpus)
        tokens = [token.text for d in corpus for token in metrics.tokenize(d)]
        described = {
            "news": "modern news only (seeds, tests/cases/clean), uncorrupted",
            "clean": "uncorrupted, OverProof's 19th-century text included",
            "noisy": "with seeded synthetic OCR noise and promo blocks",
        }[kind]
        headers.append(
            f"Corpus {kind}: {len(corpus):,} distinct documents, {size / 1e6:.2f} MB, "
            f"{len(tokens):,} words, {len(set(tokens)):,} distinct words (every clean text "
            f"once, {described}; seed {args.seed}); each document corrected once per fresh "
            f"process, median of {args.repeats} processes"
        )
        print(headers[-1], flush=True)
        names = args.systems.split(",") if args.systems else list(peers.SYSTEMS)
        for result in measure(names, corpus_path, args.budget, args.cold_runs, args.repeats):
            results.append({"corpus": kind, **result})
        print(f"  {kind}: done", file=sys.stderr, flush=True)
    header = "\n\n".join(headers)
    skipped = [f"- skipped {r['system']}: {r['skipped']}" for r in results if "skipped" in r]
    table = speed_table(results)
    print("\n".join([table, *skipped]))
    report.write_json("speed", {"machine": report.machine(), "corpus": header, "results": results})
    if args.docs:
        plot(results, report.DOCS / "speed.png")
        notes = (
            "First pass: each system corrects every distinct document once, for up to "
            f"{args.budget:g} s, in a fresh process (words/s: the median of {args.repeats} "
            'such processes); "(subset)" marks systems that did not finish the corpus in that '
            "time (their rate is over the words they did). Peers memoize their answer per "
            "distinct token, the engine its candidate searches per word type, as they fill "
            "during the run."
        )
        body = "\n\n".join(
            [
                "## Speed",
                report.provenance(),
                header,
                table,
                *skipped,
                notes,
                "![words per second](speed.png)",
            ]
        )
        report.update_section("speed", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
