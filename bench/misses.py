"""What the engine misses and breaks on a document set, by kind: the analysis behind recall work.

    python bench/misses.py                        # synth, default profile
    python bench/misses.py --set synth-clean --profile archive --show 40
    python bench/misses.py --set overproof-d2 --limit 30

Every unit that needed a correction and was not fixed (a miss or a wrong fix) and every false
positive is classified by shape, so the largest general classes stand out:

- case of the expected word: ``lower``, ``sentence-start`` (capitalized first word of a
  sentence), ``name`` (capitalized elsewhere), ``caps``;
- what the input token is: ``real-word`` (in the common-word list), ``seen`` (wordfreq knows
  it, Zipf > 0), ``unseen``; ``multi`` for a unit of several tokens (a split or merge);
- for synthetic sets the corruption kind (``glyph`` or ``typo``, from the generator);
- for a miss or wrong fix, where its intended word is known (``target-common``,
  ``target-name``, ``target-wordfreq``, ``target-document``, ``target-nowhere``);
- for a wrong fix, ``case-only`` when the output differs from the expected word in case alone.

Counts go to stdout as a table, then `--show` examples of each class.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/misses.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import datasets, metrics
from bench.quality import DEFAULT_LIMITS, load_doc_sets
from bench.synth import CorruptionModel, synthesize_set


def _case(word: str, sentence_start: bool) -> str:
    if len(word) > 1 and word.isupper():
        return "caps"
    if word[:1].isupper():
        return "sentence-start" if sentence_start else "name"
    return "lower"


def _shape(lexicon, tokens: tuple[str, ...]) -> str:
    if len(tokens) != 1:
        return "multi"
    key = tokens[0].lower().replace("’", "'")
    if key in lexicon.common:
        return "real-word"
    return "seen" if lexicon.frequency(key) > 0 else "unseen"


def _target(lexicon, expected: tuple[str, ...], document: str) -> str:
    """Where the intended word could come from: ``common`` (the common-word list), ``name``
    (the gazetteer), ``wordfreq``, ``document`` (elsewhere in the input) or ``nowhere``."""
    if len(expected) != 1:
        return "target-multi"
    key = expected[0].lower().replace("’", "'")
    if key in lexicon.common:
        return "target-common"
    if key in lexicon.names:
        return "target-name"
    if lexicon.frequency(key) > 0:
        return "target-wordfreq"
    return "target-document" if document.count(expected[0]) else "target-nowhere"


def _synth_kinds(data: Path, limit: int | None, seed: int) -> dict[tuple[str, int], str]:
    """(document id, input start) -> corruption kind, for the synthetic set."""
    texts = datasets.sample(datasets.clean_texts(data), limit, seed)
    return {
        (doc.id, c.start): c.kind
        for doc in synthesize_set(texts, seed, CorruptionModel())
        for c in doc.corruptions
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data")
    parser.add_argument("--set", default="synth")
    parser.add_argument("--profile", default="default")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--show", type=int, default=15, help="examples per class")
    parser.add_argument("--override", action="append", default=[], metavar="FIELD=VALUE",
                        help="a Profile field to change, e.g. context_model=true (repeatable)")
    args = parser.parse_args(argv)

    import dataclasses
    import tomllib

    import normalizer
    from normalizer.profile import named_profile

    data = datasets.data_dir(args.data)
    limit = None if args.full else (args.limit or DEFAULT_LIMITS.get(args.set))
    docs = load_doc_sets({args.set: limit}, data, args.seed)[0][args.set]
    kinds = _synth_kinds(data, limit, args.seed) if args.set == "synth" else {}
    overrides = {
        key: tomllib.loads(f"v = {value}")["v"]
        for key, value in (item.split("=", 1) for item in args.override)
    }
    engine = normalizer.Normalizer(dataclasses.replace(named_profile(args.profile), **overrides))
    lexicon = engine.lexicon
    classes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    totals = metrics.Counts()
    for doc in docs:
        output = engine.normalize(doc.input).text
        tokens = metrics.tokenize(doc.input)
        units = metrics.align_units(
            [t.text for t in tokens],
            [t.text for t in metrics.tokenize(doc.expected)],
            [t.text for t in metrics.tokenize(output)],
        )
        totals += metrics.classify(units)
        for unit in units:
            if not unit.input or not unit.expected:
                continue
            if unit.input == unit.expected:
                if unit.output == unit.input:
                    continue
                verdict = "false-positive"
            elif unit.output == unit.expected:
                continue
            elif unit.output == unit.input:
                verdict = "miss"
            elif " ".join(unit.output).lower() == " ".join(unit.expected).lower():
                verdict = "wrong-fix case-only"
            else:
                verdict = "wrong-fix"
            start = tokens[unit.start].start
            before = doc.input[max(0, start - 3) : start].rstrip(" \"'“‘(")
            sentence_start = unit.start == 0 or before[-1:] in ".!?\n" or not before
            parts = [
                verdict,
                _case(unit.expected[0], sentence_start),
                _shape(lexicon, unit.input),
            ]
            if verdict != "false-positive":
                parts.append(_target(lexicon, unit.expected, doc.input))
            kind = kinds.get((doc.id, start))
            if kind:
                parts.append(kind)
            label = " / ".join(parts)
            classes[label] += 1
            context = doc.input[max(0, start - 30) : start + 40].replace("\n", " ")
            examples[label].append(
                f"{' '.join(unit.input)!r} -> {' '.join(unit.output)!r}"
                f" (want {' '.join(unit.expected)!r})   …{context}…"
            )
    print(f"{args.set}, profile {args.profile}: fixes {totals.fixes}, misses {totals.misses}, "
          f"wrong fixes {totals.wrong_fixes}, false positives {totals.false_positives}, "
          f"clean {totals.clean}; P {totals.precision:.3f} R {totals.recall:.3f} "
          f"F1 {totals.f1:.3f} FP/1k {totals.fp_per_1k:.2f}\n")
    for label, n in classes.most_common():
        print(f"{n:5d}  {label}")
    for label, _ in classes.most_common():
        print(f"\n## {label}")
        for line in examples[label][: args.show]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
