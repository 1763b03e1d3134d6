"""How the engine's cost grows with the input: dense noisy text and hostile shapes.

    .venv/bin/python bench/scaling.py                 # 100 KB, 1 MB, 4 MB of dense noisy text
    .venv/bin/python bench/scaling.py --sizes 100000,400000 --hostile

Dense noisy text is the synthetic OCR corpus of bench/speed.py (seeded glyph confusions and
typos, every round different), cut to each size: every size is a first pass over text the
process has not seen. Prints seconds, words/s and the cost per byte relative to the smallest
size (1.0 = linear). `--hostile` adds 2 MB inputs of the shapes that once blew up (one
token, no spaces, long lines, blank lines, URLs of dots), of invented words (every token a
new unknown word) and of words the sentence search weighs densely (suspect real words, typos
the web has seen), with time, input KB per CPU second and the process's peak RSS
(`--hostile-size` shrinks them).
Numbers are printed, never asserted: tests/test_bounds.py holds the linearity checks.
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.service_load import noisy_corpus
from normalizer import Normalizer

HOSTILE_SIZE = 2_000_000


def invented_words(size: int, seed: int = 7) -> str:
    """About `size` characters of distinct made-up words of 3 to 12 random letters: every
    token unknown and new, so every one pays a full candidate search (the slowest text)."""
    rng = random.Random(seed)
    words, length = [], 0
    while length < size:
        words.append("".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12))))
        length += len(words[-1]) + 1
    return " ".join(words)


def name_families(size: int, seed: int = 3) -> str:
    """About `size` characters of long capitalized made-up names in families of 20, each
    one letter from the others of its family, shuffled: every spelling has many spellings
    one slip away, the worst case of a document's name rivals."""
    rng = random.Random(seed)
    words: list[str] = []
    length = 0
    while length < size:
        stem = "".join(rng.choices(string.ascii_lowercase, k=7))
        family = [(stem[:3] + letter + stem[3:]).capitalize() for letter in "abcdefghijklmnopqrst"]
        words += family
        length += sum(len(word) + 1 for word in family)
    rng.shuffle(words)
    return " ".join(words)


HOSTILE = {
    "invented words": invented_words,
    "name families": name_families,
    "one token": lambda n: "a" * n,
    "one line of words": lambda n: "Talks with Sergey Lavroy in Libva today " * (n // 40),
    "letters then @": lambda n: ("a" * 999 + "@") * (n // 1000),
    "URL of dots": lambda n: "http://" + "." * n,
    "bars": lambda n: "a|" * (n // 2),
    "blank lines": lambda n: "\n" * n,
    "junk glyphs": lambda n: "«»|!'’*0O1l " * (n // 12),
    "capitalized unknowns": lambda n: "Xyzzyq " * (n // 7),
    # Words the OCR misreads and typos the web has seen, every one a target of the sentence
    # search and all in one sentence: the densest runs of the trigram lattice.
    "suspect words": lambda n: "ho bo aro tho aud " * (n // 18),
    "seen typos": lambda n: "thw vist buildin teh wto ater " * (n // 30),
    "mojibake": lambda n: "Ã©" * (n // 2),
    "alternating case": lambda n: "aB" * (n // 2),  # once quadratic within a window
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,4000000",
                        help="sizes in characters, comma-separated (default: 100 KB, 1 MB, 4 MB)")
    parser.add_argument("--hostile", action="store_true", help="also time the hostile shapes")
    parser.add_argument("--hostile-size", type=int, default=HOSTILE_SIZE,
                        help="characters of each hostile input (default: 2 MB)")
    parser.add_argument("--data", help="benchmark data folder (default: ../shared/benchmarks)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    engine = Normalizer()
    engine.normalize("warm up")
    corpus = noisy_corpus(sum(sizes) + 1, args.data)
    print("| size | seconds | words/s | cost per byte vs smallest |\n| --- | --- | --- | --- |")
    offset, base = 0, None
    for size in sizes:
        text = corpus[offset : offset + size]  # unseen text at every size
        offset += size
        start = time.perf_counter()
        engine.normalize(text)
        seconds = time.perf_counter() - start
        per_byte = seconds / size
        base = base or per_byte
        print(f"| {size:,} | {seconds:.2f} | {len(text.split()) / seconds:,.0f} | "
              f"{per_byte / base:.2f} |", flush=True)
    if args.hostile:
        print(f"\n| hostile input of {args.hostile_size:,} characters | seconds | KB per CPU s "
              "| peak RSS (MB) |\n| --- | --- | --- | --- |")
        for name, make in HOSTILE.items():
            text = make(args.hostile_size)
            start, cpu = time.perf_counter(), time.process_time()
            engine.normalize(text)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"| {name} | {seconds:.2f} | {len(text) / 1000 / max(cpu, 1e-9):,.0f} "
                  f"| {_peak_mb():.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
