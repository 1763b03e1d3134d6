"""Honest measurement of `normalizer learn`: learn from OCR input alone, score on ground truth.

    python bench/learn_eval.py                    # every experiment below
    python bench/learn_eval.py --experiments d3   # one of them

Each experiment learns a collection profile (names, OCR habits, corpus corrections and the
n-grams of the clean text) from the OCR *input* of one set (the ground truth is never read
while learning), then cleans the evaluation set three times, with the `archive` profile, with
the learned profile that extends it (what `normalizer learn -o` writes), and with the learned
profile and its n-grams mixed into the context model (`normalizer learn --context`), and
scores each with bench/quality.py's
`DocScore` (CER and false positives per 1,000 clean tokens, as defined in bench/metrics.py):

- ``d2``: OverProof dataset 2, transductive (learn on it, clean it): the set the learning
  thresholds were chosen on;
- ``d3``: OverProof dataset 3, transductive: held out, never used to choose anything;
- ``d2->d3``: transfer, learn on dataset 2 and clean dataset 3;
- ``d2-odd->d2-even``: held-out real OCR of one paper: learn on dataset 2's odd-numbered
  articles, clean its even-numbered ones (a development check that leaves dataset 3 alone);
- ``synth``: the synthetic set of bench/quality.py (seeded corruption of clean texts),
  transductive;
- ``synth-habit``: the same clean texts corrupted by an OCR with a habit of its own (`HABIT`:
  `t` printed as `l` eight times as often as any other glyph confusion), transductive: the
  set where the collection's OCR habits are off the engine's channel, as one paper's are;
- ``synth-clean``: the same clean texts, uncorrupted, transductive: whatever a clean
  collection teaches must change nothing (every change is a false positive).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/learn_eval.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import datasets
from bench.metrics import tokens_in_spans
from bench.quality import DEFAULT_LIMITS, DocScore, EvalDoc, load_doc_sets
from bench.synth import CorruptionModel, synthesize_set
from normalizer import Normalizer
from normalizer.learn import LearnedCollection, learn_collection, render_files
from normalizer.profile import load_config

BASE = "archive"
EXPERIMENTS = {"d2": ("d2", "d2"), "d3": ("d3", "d3"), "d2->d3": ("d2", "d3"),
               "d2-odd->d2-even": ("d2-odd", "d2-even"),
               "synth": ("synth", "synth"), "synth-habit": ("synth-habit", "synth-habit"),
               "synth-clean": ("synth-clean", "synth-clean")}
"""Experiment name -> (set learned from, set cleaned)."""

HABIT = ("t", "l")
"""The glyph confusion (seen, misread as) the `synth-habit` collection's OCR favours."""


def load_sets(data: Path, seed: int, synth_limit: int) -> dict[str, list[EvalDoc]]:
    """OverProof datasets 2 and 3 (every article) and dataset 2's odd- and even-numbered
    articles, the synthetic set, the synthetic set with an OCR habit and the clean texts."""
    overproof = datasets.overproof_documents(data)
    if overproof is None:
        raise SystemExit(f"{data / 'overproof'} not found")
    sets = {
        name: [EvalDoc(d.id, d.input, d.expected, []) for d in overproof
               if d.id.startswith(f"overproof-{name}-")]
        for name in ("d2", "d3")
    }
    sets["d2-odd"], sets["d2-even"] = sets["d2"][0::2], sets["d2"][1::2]  # articles 1, 3, ...
    synthetic = load_doc_sets({"synth": synth_limit, "synth-clean": synth_limit}, data, seed)[0]
    sets["synth"], sets["synth-clean"] = synthetic["synth"], synthetic["synth-clean"]
    texts = datasets.sample(datasets.clean_texts(data), synth_limit, seed)
    sets["synth-habit"] = [
        EvalDoc(d.id, d.input, d.expected, tokens_in_spans(d.input, d.injected))
        for d in synthesize_set(texts, seed, CorruptionModel(habit=HABIT))
    ]
    return sets


def learned_normalizer(learned: LearnedCollection, folder: Path, context: bool) -> Normalizer:
    """An engine with the learned profile (with its n-grams in the context model when
    `context`), written and read back as `normalizer clean --profile` would read it."""
    path = folder / f"collection-{'context' if context else 'plain'}.toml"
    for file, text in render_files(learned, path, context).items():
        file.write_text(text, encoding="utf-8")
    return Normalizer(load_config(path).profile)


def score(name: str, docs: list[EvalDoc], normalizer: Normalizer) -> DocScore:
    result = DocScore(name, "normalizer", BASE)
    for doc in docs:
        start = time.perf_counter()
        output = normalizer.normalize(doc.input).text
        result.add(doc, output, time.perf_counter() - start)
    return result


def _row(label: str, s: DocScore) -> str:
    c = s.counts
    reduction = 1 - s.cer_after / s.cer_before if s.cer_before else 0.0
    return (f"| {label} | {100 * s.cer_before:.2f} | {100 * s.cer_after:.2f} "
            f"| {100 * reduction:.2f} | {c.fp_per_1k:.2f} | {c.fixes} | {c.wrong_fixes} "
            f"| {c.false_positives} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="benchmark data folder (see bench/datasets.py)")
    parser.add_argument("--experiments", default=",".join(EXPERIMENTS),
                        help="comma-separated, of: " + ", ".join(EXPERIMENTS))
    parser.add_argument("--synth-limit", type=int, default=DEFAULT_LIMITS["synth"],
                        help="clean texts the synthetic set is made from (default %(default)s)")
    parser.add_argument("--seed", type=int, default=13, help="synthetic set seed")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes that observe the corpus while learning")
    args = parser.parse_args(argv)
    sets = load_sets(datasets.data_dir(args.data), args.seed, args.synth_limit)
    plain = Normalizer(BASE)
    baseline: dict[str, DocScore] = {}
    print("| experiment | profile | CER before % | CER after % | CER reduction % | FP/1k "
          "| fixes | wrong fixes | false positives |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.experiments.split(","):
            source, target = EXPERIMENTS[name]
            learned = learn_collection([d.input for d in sets[source]], BASE, args.jobs)
            folder = Path(tmp) / name.replace(">", "")
            folder.mkdir()
            if target not in baseline:
                baseline[target] = score(target, sets[target], plain)
            print(_row(f"{name} | {BASE}", baseline[target]))
            what = (f"{len(learned.names)} names, {len(learned.candidates)} candidates, "
                    f"{len(learned.rates)} habits, {len(learned.corrections)} corrections")
            for context in (False, True):
                with_learning = score(target, sets[target],
                                      learned_normalizer(learned, folder, context))
                label = (f"{what}, {len(learned.ngrams)} n-grams in context" if context
                         else what)
                print(_row(f"{name} | {BASE} + learned from {source} ({label})", with_learning))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
