"""Correction quality of this project and its peers, one table per evaluation set.

    python bench/quality.py                 # every set, every system that can run here
    python bench/quality.py --docs --plot   # also rewrite docs/benchmarks.md and docs/quality.png
    python bench/quality.py --sets seed,norvig --systems normalizer,hunspell --limit 20

Document sets: ``seed`` (seeds/*.input.txt vs *.expected.txt), ``overproof-d2`` and
``overproof-d3`` (real newspaper OCR vs human ground truth, with OverProof's own published
output as a reference row: dataset 2, the Sydney Morning Herald articles the learned OCR channel
was made from and the engine was tuned on; dataset 3, 49 US articles never tuned on, the test
set),
``synth`` (seeded synthetic corruption of the clean texts, see bench/synth.py),
``synth-clean`` (the same texts uncorrupted: every change is a false positive), and
``synth-news`` and ``synth-news-clean`` (the same for the modern news alone, without the
OverProof ground truth: the closest to modern news with OCR errors and typos). Word-pair sets:
``norvig``, ``birkbeck`` (Mitton's corpora, sampled) and ``wikipedia`` (Mitton's list of
common misspellings from Wikipedia, every pair): accuracy@1 and @5 of ranked candidates, and
how many each system fixes when asked to correct the misspelling alone (its `correct` on the
word as a whole text: the engine's `normalize(word)`, a spell checker's first suggestion).
Metric definitions are in bench/metrics.py. Raw results go to bench/out/quality.json (git-ignored).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/quality.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import datasets, metrics, peers, report
from bench.synth import CorruptionModel, SynthDoc, synthesize_set

DOC_SETS = ("seed", "overproof-d2", "overproof-d3", "synth", "synth-clean", "synth-news",
            "synth-news-clean")
OVERPROOF_SETS = {"overproof-d2": "overproof-d2-", "overproof-d3": "overproof-d3-"}
"""Document set -> the id prefix of its OverProof articles."""
PAIR_SETS = ("norvig", "birkbeck", "wikipedia")
PAIR_FOLDERS = {"norvig": "norvig_spell_testsets", "birkbeck": "birkbeck_mitton",
                "wikipedia": "birkbeck_mitton"}
PAIR_SOURCES = {"wikipedia": "wikipedia.dat"}
"""Pair set -> the source file its pairs come from, where the set is part of a folder's pairs:
``wikipedia`` is Mitton's list of common misspellings made by Wikipedia's editors."""
DEFAULT_LIMITS = {"overproof-d2": 60, "synth": 60, "synth-clean": 60, "birkbeck": 2000}
"""Items per set unless --limit/--full: a seeded sample keeps a full run near a few minutes."""
OVERPROOF_REFERENCE = "OverProof (published output)"


@dataclass(slots=True)
class EvalDoc:
    """A document to score: input, expected, gold boilerplate tokens, optional reference."""

    id: str
    input: str
    expected: str
    gold_removed: list[metrics.Token]
    reference: str | None = None


@dataclass(slots=True)
class DocScore:
    """Aggregated scores of one system on one document set."""

    set: str
    system: str
    version: str
    counts: metrics.Counts = field(default_factory=metrics.Counts)
    boilerplate: metrics.Boilerplate = field(default_factory=metrics.Boilerplate)
    errors_before: int = 0
    errors_after: int = 0
    reference_chars: int = 0
    words: int = 0
    seconds: float = 0.0

    def add(self, doc: EvalDoc, output: str, seconds: float) -> None:
        self.counts += metrics.correction_counts(doc.input, doc.expected, output)
        if doc.gold_removed:
            self.boilerplate += metrics.boilerplate_counts(doc.input, output, doc.gold_removed)
        before, length = metrics.char_errors(doc.input, doc.expected)
        self.errors_before += before
        self.errors_after += metrics.char_errors(output, doc.expected)[0]
        self.reference_chars += length
        self.words += len(metrics.tokenize(doc.input))
        self.seconds += seconds

    @property
    def cer_before(self) -> float:
        return self.errors_before / self.reference_chars if self.reference_chars else 0.0

    @property
    def cer_after(self) -> float:
        return self.errors_after / self.reference_chars if self.reference_chars else 0.0

    def summary(self) -> dict[str, object]:
        c = self.counts
        return {
            **{k: v for k, v in asdict(self).items() if k not in ("counts", "boilerplate")},
            **asdict(c),
            "precision": c.precision,
            "recall": c.recall,
            "f1": c.f1,
            "fp_per_1k": c.fp_per_1k,
            "cer_before": self.cer_before,
            "cer_after": self.cer_after,
            "cer_reduction": metrics.relative_reduction(self.cer_before, self.cer_after),
            "boilerplate_gold_chars": self.boilerplate.gold,
            "boilerplate_precision": self.boilerplate.precision,
            "boilerplate_recall": self.boilerplate.recall,
            "words_per_s": metrics.words_per_second(self.words, self.seconds)
            if self.seconds
            else None,
        }


@dataclass(slots=True)
class PairScore:
    """Accuracy of one system's ranked candidates on one word-pair set, and the share of the
    misspellings it fixes when asked to correct each alone (`alone`)."""

    set: str
    system: str
    version: str
    at1: float
    at5: float
    alone: float
    pairs: int
    seconds: float

    def summary(self) -> dict[str, object]:
        return {**asdict(self), "pairs_per_s": self.pairs / self.seconds if self.seconds else None}


def _from_synth(doc: SynthDoc) -> EvalDoc:
    return EvalDoc(
        doc.id, doc.input, doc.expected, metrics.tokens_in_spans(doc.input, doc.injected)
    )


def load_doc_sets(
    limits: dict[str, int | None], data: Path, seed: int
) -> tuple[dict[str, list[EvalDoc]], dict[str, str]]:
    """The document sets named in `limits` (a seeded sample of that many documents, all when
    None), and {set: why it was skipped or what is missing}."""
    loaded: dict[str, list[EvalDoc]] = {}
    skipped: dict[str, str] = {}
    for name, cap in limits.items():
        if name == "seed":
            loaded[name] = [
                EvalDoc(d.id, d.input, d.expected, metrics.removed_tokens(d.input, d.expected))
                for d in datasets.seed_documents()
            ]
        elif name in OVERPROOF_SETS:
            docs = datasets.overproof_documents(data)
            if docs is None:
                skipped[name] = f"{data / 'overproof'} not found"
                continue
            docs = [d for d in docs if d.id.startswith(OVERPROOF_SETS[name])]
            loaded[name] = [
                EvalDoc(d.id, d.input, d.expected, [], d.reference)
                for d in datasets.sample(docs, cap, seed)
            ]
        else:
            texts = datasets.sample(
                datasets.clean_texts(data, modern_only=name.startswith("synth-news")), cap, seed)
            model = CorruptionModel.clean() if name.endswith("-clean") else CorruptionModel()
            loaded[name] = [_from_synth(d) for d in synthesize_set(texts, seed, model)]
            if not (data / "overproof").is_dir():
                skipped[name] = "overproof ground truth absent: built from repository texts only"
    return loaded, skipped


def score_documents(set_name: str, docs: list[EvalDoc], system: peers.System) -> DocScore:
    score = DocScore(set_name, system.name, system.version)
    for doc in docs:
        start = time.perf_counter()
        output = system.correct(doc.input)
        score.add(doc, output, time.perf_counter() - start)
    return score


def score_reference(set_name: str, docs: list[EvalDoc]) -> DocScore | None:
    """OverProof's own output, scored like a system (its time is unknown)."""
    if not docs or any(d.reference is None for d in docs):
        return None
    score = DocScore(set_name, OVERPROOF_REFERENCE, "published")
    for doc in docs:
        score.add(doc, doc.reference or "", 0.0)
    return score


def score_pairs(set_name: str, pairs: list[datasets.Pair], system: peers.System) -> PairScore:
    start = time.perf_counter()
    ranked = [system.candidates(p.wrong) for p in pairs]
    seconds = time.perf_counter() - start
    answers = [p.right for p in pairs]
    alone = [[system.correct(p.wrong).strip()] for p in pairs]
    return PairScore(
        set_name,
        system.name,
        system.version,
        metrics.accuracy_at(ranked, answers, 1),
        metrics.accuracy_at(ranked, answers, 5),
        metrics.accuracy_at(alone, answers, 1),
        len(pairs),
        seconds,
    )


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _rate(value: object) -> str:
    return f"{value:,.0f}" if isinstance(value, float) else "–"


def doc_table(scores: list[DocScore]) -> str:
    rows = []
    for s in scores:
        d = s.summary()
        c = s.counts
        bp = (
            f"{_pct(s.boilerplate.precision) if s.boilerplate.removed else '–'}"
            f" / {_pct(s.boilerplate.recall)}"
            if s.boilerplate.gold
            else "–"
        )
        rows.append(
            [
                s.system,
                _pct(c.precision) if c.fixes + c.wrong_fixes + c.false_positives else "–",
                _pct(c.recall) if c.needed else "–",
                _pct(c.f1) if c.needed else "–",
                f"{c.fp_per_1k:.2f}",
                f"{c.fixes} / {c.needed}",
                c.wrong_fixes,
                c.false_positives,
                f"{_pct(s.cer_before)} → {_pct(s.cer_after)}",
                _pct(d["cer_reduction"]) if s.errors_before else "–",  # type: ignore[arg-type]
                bp,
                _rate(d["words_per_s"]),
            ]
        )
    headers = [
        "system",
        "precision",
        "recall",
        "F1",
        "FP / 1k clean",
        "fixed / needed",
        "wrong fixes",
        "false pos.",
        "CER before → after",
        "CER reduction",
        "boilerplate P / R",
        "words/s",
    ]
    return report.table(headers, rows)


def pair_table(scores: list[PairScore]) -> str:
    rows = [
        [s.system, _pct(s.at1), _pct(s.at5), _pct(s.alone), s.pairs,
         _rate(s.summary()["pairs_per_s"])]
        for s in scores
    ]
    return report.table(
        ["system", "accuracy@1", "accuracy@5", "fixed alone", "pairs", "pairs/s"], rows)


def losses(
    doc_scores: dict[str, list[DocScore]], pair_scores: dict[str, list[PairScore]]
) -> list[str]:
    """Every row where a peer beats or ties the engine on F1/accuracy, or has fewer FPs."""
    found: list[str] = []
    for set_name, scores in doc_scores.items():
        engine = next((s for s in scores if s.system == "normalizer"), None)
        if engine is None:
            continue
        for peer in scores:
            if peer.system.startswith("normalizer") or peer.system == OVERPROOF_REFERENCE:
                continue
            e, p = engine.counts, peer.counts
            if (e.needed or p.needed) and p.f1 >= e.f1:
                found.append(f"{set_name}: {peer.system} F1 {_pct(p.f1)} >= engine {_pct(e.f1)}")
            if p.fp_per_1k < e.fp_per_1k:
                found.append(
                    f"{set_name}: {peer.system} FP/1k {p.fp_per_1k:.2f} < engine {e.fp_per_1k:.2f}"
                )
    for set_name, scores in pair_scores.items():
        engine = next((s for s in scores if s.system == "normalizer"), None)
        if engine is None:
            continue
        rivals = [p for p in scores if not p.system.startswith("normalizer")]
        found += [
            f"{set_name}: {p.system} accuracy@1 {_pct(p.at1)} >= engine {_pct(engine.at1)}"
            for p in rivals if p.at1 >= engine.at1
        ]
        found += [
            f"{set_name}: {p.system} fixed alone {_pct(p.alone)} >= engine {_pct(engine.alone)}"
            for p in rivals if p.alone >= engine.alone
        ]
    return found


def plot(doc_scores: dict[str, list[DocScore]], path: Path) -> None:
    """Precision against recall, one panel per document set that needs corrections; systems
    that changed nothing in a set have no precision and are left out of its panel."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = {k: v for k, v in doc_scores.items() if any(s.counts.needed for s in v)}
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4.6), squeeze=False)
    for ax, (set_name, scores) in zip(axes[0], panels.items(), strict=True):
        for s in scores:
            if not s.counts.fixes + s.counts.wrong_fixes + s.counts.false_positives:
                continue  # changed nothing: precision undefined, not plotted
            marker = "*" if s.system.startswith("normalizer") else "o"
            ax.scatter(
                s.counts.recall, s.counts.precision, marker=marker, s=120 if marker == "*" else 40
            )
            ax.annotate(
                s.system,
                (s.counts.recall, s.counts.precision),
                fontsize=7,
                xytext=(4, 3),
                textcoords="offset points",
            )
        ax.set(title=set_name, xlabel="recall", ylabel="precision", xlim=(0, 1), ylim=(0, 1.05))
        ax.grid(alpha=0.3)
    fig.suptitle("Token correction precision vs recall (bench/quality.py)")
    report.save_figure(fig, path)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data",
        help=f"benchmark data folder (default ${datasets.DATA_ENV} "
        "or ../shared/benchmarks next to the repository)",
    )
    parser.add_argument(
        "--sets", default=",".join(DOC_SETS + PAIR_SETS), help="comma-separated sets (default: all)"
    )
    parser.add_argument(
        "--systems", help="comma-separated systems (default: all; names in bench/peers.py)"
    )
    defaults = ", ".join(f"{k} {v}" for k, v in DEFAULT_LIMITS.items())
    parser.add_argument(
        "--limit", type=int, help=f"items per set (default: {defaults}; others all)"
    )
    parser.add_argument("--full", action="store_true", help="no default limits: every item")
    parser.add_argument("--seed", type=int, default=13, help="sampling and corruption seed")
    parser.add_argument("--plot", action="store_true", help="write docs/quality.png")
    parser.add_argument(
        "--docs",
        action="store_true",
        help="rewrite the Quality section of docs/benchmarks.md and docs/quality.png",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    data = datasets.data_dir(args.data)
    wanted = args.sets.split(",")
    unknown = set(wanted) - set(DOC_SETS + PAIR_SETS)
    if unknown:
        raise SystemExit(f"unknown sets: {', '.join(sorted(unknown))}")
    systems, skipped_systems = peers.build(args.systems.split(",") if args.systems else None)
    print(f"# Quality\n\nData: {data} (read at run time, never copied into the repository)\n")
    for name, reason in skipped_systems.items():
        print(f"- skipped system {name}: {reason}")

    limits = {
        name: args.limit if args.limit is not None or args.full else DEFAULT_LIMITS.get(name)
        for name in wanted
    }
    doc_sets, skipped_sets = load_doc_sets(
        {name: cap for name, cap in limits.items() if name in DOC_SETS}, data, args.seed
    )
    pair_sets: dict[str, list[datasets.Pair]] = {}
    for name in (s for s in wanted if s in PAIR_SETS):
        found = datasets.pairs(data, PAIR_FOLDERS[name], PAIR_SOURCES.get(name))
        if found is None:
            skipped_sets[name] = f"{data / PAIR_FOLDERS[name]} not found"
        else:
            pair_sets[name] = datasets.sample(found, limits[name], args.seed)
    for name, reason in skipped_sets.items():
        print(f"- set {name}: {reason}")

    sections: list[str] = []
    doc_scores: dict[str, list[DocScore]] = {}
    for set_name, docs in doc_sets.items():
        scores = []
        for system in systems:
            start = time.perf_counter()
            scores.append(score_documents(set_name, docs, system))
            _progress(set_name, system.name, start)
        reference = score_reference(set_name, docs)
        doc_scores[set_name] = scores + ([reference] if reference else [])
        words = sum(len(metrics.tokenize(d.input)) for d in docs)
        sections.append(
            f"### {set_name} ({len(docs)} documents, {words:,} input tokens)\n\n"
            + doc_table(doc_scores[set_name])
        )
        print("\n" + sections[-1], flush=True)
    pair_scores: dict[str, list[PairScore]] = {}
    for set_name, pairs in pair_sets.items():
        pair_scores[set_name] = []
        for system in systems:
            start = time.perf_counter()
            pair_scores[set_name].append(score_pairs(set_name, pairs, system))
            _progress(set_name, system.name, start)
        sections.append(
            f"### {set_name} ({len(pairs):,} pairs)\n\n" + pair_table(pair_scores[set_name])
        )
        print("\n" + sections[-1], flush=True)

    notes = [f"- {s.name}: {s.note}" for s in systems if s.note]
    verdict = losses(doc_scores, pair_scores)
    tail = "\n".join(
        [
            *(["Notes:", *notes, ""] if notes else []),
            "Rows where the engine does not beat a peer:",
            *([f"- {line}" for line in verdict] or ["- none"]),
        ]
    )
    print("\n" + tail)
    report.write_json(
        "quality",
        {
            "data": str(data),
            "machine": report.machine(),
            "systems": {s.name: s.version for s in systems},
            "skipped_systems": skipped_systems,
            "skipped_sets": skipped_sets,
            "documents": {k: [s.summary() for s in v] for k, v in doc_scores.items()},
            "pairs": {k: [s.summary() for s in v] for k, v in pair_scores.items()},
            "losses": verdict,
        },
    )
    if args.plot or args.docs:
        plot(doc_scores, report.DOCS / "quality.png")
    if args.docs:
        versions = report.table(["system", "version"], [[s.name, s.version] for s in systems])
        body = "\n\n".join(
            [
                "## Quality",
                report.provenance(),
                versions,
                *sections,
                tail.strip(),
                "![precision against recall](quality.png)",
            ]
        )
        report.update_section("quality", body)
    return 0


def _progress(set_name: str, system: str, start: float) -> None:
    elapsed = time.perf_counter() - start
    print(f"  {set_name}: {system} done in {elapsed:.1f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
