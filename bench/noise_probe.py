"""Kinds of damage the synthetic generator does not make, one at a time, on modern news.

    python bench/noise_probe.py glyph              # every confusion of GLYPHS
    python bench/noise_probe.py glyph s,5 o,0      # these confusions only (seen,misread)
    python bench/noise_probe.py boundary           # a lost space and an added one

bench/synth.py draws its OCR confusions from a fixed table and never moves a word boundary;
held-out text may do both. `glyph`: for each confusion (the table's and others OCR makes:
'5' for 's', 'o' for 'e', 'n' for 'r'), the modern news texts (seeds and tests/cases/clean)
are corrupted with that confusion as the collection's habit (`CorruptionModel.habit`,
glyphs only), corrected, and each corrupted token counted as fixed, read wrong (changed,
but not into the original: a wrong capital counts) or missed. `boundary`: in each paragraph
the engine leaves unchanged, one space between two words is dropped ('broadlythat') and,
apart, one long word gets a space inside it ('Po mpeo'); the paragraph is fixed when the
output equals the original, missed when it equals the damaged text, else read wrong. Both
print counts and up to `--examples` cases of each outcome, wrong ones first.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import Counter
from pathlib import Path

import regex

if __package__ in (None, ""):  # run as `python bench/noise_probe.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import datasets
from bench.synth import CorruptionModel, synthesize_set
from normalizer import Normalizer

GLYPHS = (
    "o,0", "s,5", "S,5", "B,8", "g,q", "O,Q", "a,o", "o,a", "e,o", "o,e", "c,o", "i,l", "l,i",
    "t,l", "r,n", "n,r", "m,nn", "in,m", "ri,n", "fi,h", "ni,m", "u,v", "G,6", "H,Il", "l,I",
    "l,1", "i,1", "I,1", "t,f", "d,cl", "w,vv", "m,rn", "h,li", "y,v", "c,e", "e,c", "u,n",
    "n,u", "b,h", "h,b", "E,F", "C,G", "a,s", "i,r",
)
WORD = regex.compile(r"\p{L}+")


def _possessive_kept(original: str, replacement: str) -> bool:
    """A fix of a possessive's word that leaves its 's as printed ("Russi's" -> 'Russia')."""
    return original.startswith(replacement) and original[len(replacement):] in ("'s", "’s")


def probe_glyph(engine: Normalizer, texts: list, pair: tuple[str, str], seed: int
                ) -> tuple[Counter[str], dict[str, list[str]]]:
    """Outcomes of the corrupted tokens when `pair` is the collection's habit."""
    model = CorruptionModel(word_rate=0.03, name_rate=0.06, glyph_share=1.0, promo_rate=0.0,
                            habit=pair, habit_weight=10**6)
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = {"wrong": [], "miss": []}
    for doc in synthesize_set(texts, seed, model):
        applied = {e.start: e for e in engine.normalize(doc.input).applied}
        for corruption in doc.corruptions:
            if corruption.kind != "glyph":
                continue
            edit = applied.get(corruption.start)
            original = corruption.original
            if edit is None:
                outcome, case = "miss", f"{corruption.corrupted}/{original}"
            elif edit.replacement == original or _possessive_kept(original, edit.replacement):
                outcome, case = "fix", ""
            else:
                outcome, case = "wrong", f"{corruption.corrupted}->{edit.replacement}/{original}"
            counts[outcome] += 1
            if case:
                shown[outcome].append(case)
    return counts, shown


def probe_boundary(engine: Normalizer, texts: list, seed: int
                   ) -> dict[str, tuple[Counter[str], dict[str, list[str]]]]:
    """Outcomes of one dropped space and one added space per unchanged paragraph."""
    rng = random.Random(seed)
    results = {kind: (Counter(), {"wrong": [], "miss": []}) for kind in ("merge", "split")}
    for _doc_id, paragraphs in texts:
        for paragraph in paragraphs:
            if engine.normalize(paragraph).text != paragraph:
                continue
            words = list(WORD.finditer(paragraph))
            for kind in results:
                damaged = _damage(paragraph, words, kind, rng)
                if damaged is None:
                    continue
                text, case = damaged
                out = engine.normalize(text).text
                outcome = ("fix" if out == paragraph else "miss" if out == text else "wrong")
                counts, shown = results[kind]
                counts[outcome] += 1
                if outcome != "fix":
                    shown[outcome].append(case)
    return results


def _damage(paragraph: str, words: list, kind: str, rng: random.Random
            ) -> tuple[str, str] | None:
    """`paragraph` with one space dropped (`merge`) or added inside a word (`split`)."""
    if kind == "merge":
        pairs = [(a, b) for a, b in itertools.pairwise(words)
                 if paragraph[a.end():b.start()] == " "]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        return paragraph[:a.end()] + paragraph[b.start():], a.group() + b.group()
    long_words = [w for w in words if len(w.group()) >= 5]
    if not long_words:
        return None
    word = rng.choice(long_words)
    cut = word.start() + rng.randrange(2, len(word.group()) - 1)
    return paragraph[:cut] + " " + paragraph[cut:], paragraph[word.start():cut] + " " + \
        paragraph[cut:word.end()]


def _line(label: str, counts: Counter[str], shown: dict[str, list[str]], examples: int) -> str:
    total = sum(counts.values()) or 1
    cases = (shown["wrong"] + shown["miss"])[:examples]
    return (f"{label}\tn={sum(counts.values())}\tfixed={counts['fix']} "
            f"({counts['fix'] / total:.0%})\twrong={counts['wrong']}\tmissed={counts['miss']}"
            f"\t{' '.join(cases)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=("glyph", "boundary"))
    parser.add_argument("pairs", nargs="*", help="glyph confusions as seen,misread (default: "
                        "every one of GLYPHS)")
    parser.add_argument("--seed", type=int, default=5, help="corruption seed")
    parser.add_argument("--examples", type=int, default=8, help="cases shown per line")
    args = parser.parse_args()
    texts = datasets.clean_texts(datasets.data_dir(), modern_only=True)
    engine = Normalizer()
    if args.kind == "boundary":
        for kind, (counts, shown) in probe_boundary(engine, texts, args.seed).items():
            print(_line(kind, counts, shown, args.examples))
        return
    for pair in args.pairs or GLYPHS:
        seen, misread = pair.split(",")
        counts, shown = probe_glyph(engine, texts, (seen, misread), args.seed)
        print(_line(f"{seen}->{misread}", counts, shown, args.examples), flush=True)


if __name__ == "__main__":
    main()
