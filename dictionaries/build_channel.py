"""Learn the OCR channel from real OCR aligned with its ground truth.

    python dictionaries/build_channel.py                 # check on half, write the tables
    python dictionaries/build_channel.py --check-only    # only the generalization check
    python dictionaries/build_channel.py --data DIR      # DIR/overproof/original/dataset2/

Source: OverProof's evaluation dataset 2 (159 Sydney Morning Herald articles, 1842-1954, OCR
lines beside their hand-corrected text; see SOURCES.md). Dataset 3 is the engine's held-out
test set and is never read here. The data folder is `--data`, else `$NORMALIZER_BENCH_DATA`,
else `../shared/benchmarks` beside the repository, as for bench/.

Method (deterministic: no sampling, every sort has a total order):
1. Each printed line is aligned with its ground truth, both lowercased and with runs of
   whitespace made one space, by Levenshtein opcodes (rapidfuzz). Lines whose normalized
   distance exceeds `MAX_LINE_DISTANCE` (text the OCR missed, misaligned lines) are skipped.
2. Adjacent edit operations merge into one region: "li" printed for "h", "rn" for "m",
   "tl" for "d" are one confusion each, not two. A region with an empty side (an inserted or
   lost character) takes the character before it on both sides ("ee" for "e": a doubled e),
   so every row has two non-empty sides. Left out: regions longer than `MAX_SEGMENT`
   characters on either side (garbled stretches), regions whose intended side is not
   letters (digits, punctuation: not the engine's to restore) and punctuation printed for
   punctuation.
3. A region that only adds or removes a space between two letters is a word-boundary event
   (boundaries.tsv): `split` when the OCR added a boundary ("al ready" for "already"),
   `merge` when it lost one ("ofthe" for "of the"), counted by the letters either side.
   Regions that change a space and letters together are left out.
4. cost = -log10 P(observed | intended), with P = (count + PRIOR_WEIGHT * p_hand) /
   (total + PRIOR_WEIGHT): `count` how often the OCR printed `observed` where the ground
   truth had `intended`, `total` how often `intended` occurs in the aligned ground truth,
   `p_hand` = 10 ** -cost of the same confusion in the hand table confusions.tsv (0 when it
   has none). Rows seen fewer than `MIN_COUNT` times are pruned unless the hand table has
   them.
5. Whole words: the word tokens of each aligned line pair are matched (difflib on the token
   lists; unequal runs of equal length pair up in order). ocr_misreadings.tsv lists every
   (printed word, true word) pair seen `MIN_WORD_COUNT` times or more, with how often the
   printed word stood for that true word, and whether the printed word is itself a word
   (Zipf >= `KNOWN_ZIPF` in built/wordfreq_en.tsv): "tho" for "the", "aud" for "and".

Check: the odd-numbered articles (file order) are held out, a table is learned from the even
ones, and the script reports how many confusion instances of the held-out half the learned
table covers (beside the hand table's coverage), and the Spearman correlation of the rates of
the learned table's most frequent confusions between the halves. The shipped tables are then
learned from all of dataset 2.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import math
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

HERE = Path(__file__).resolve().parent
OUT = HERE / "built"
DATASET2 = Path("overproof") / "original" / "dataset2" / "allArticles.txt"
ARTICLE_MARK = "*$*OVERPROOF*$*"
FIELD_SEPARATOR = "||@@||"

MAX_LINE_DISTANCE = 0.4
MAX_SEGMENT = 3
MIN_COUNT = 2
PRIOR_WEIGHT = 20.0
MIN_WORD_COUNT = 3
KNOWN_ZIPF = 2.0
TOP_TYPES = 100
"""How many of the most frequent learned confusions the rate correlation compares."""

WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
SPACES = regex.compile(r"\s+")


@dataclass
class Article:
    """One article of the dataset: its id and its (OCR, ground truth) line pairs."""

    id: str
    lines: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Counts:
    """What the aligned lines say: confusion counts and how often each intended string occurs."""

    confusions: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(kind, observed, intended) -> count."""
    intended: Counter[str] = field(default_factory=Counter)
    """every substring of up to MAX_SEGMENT + 1 characters of the aligned ground truth."""
    words: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(printed word, true word) -> count, equal pairs included."""
    lines_used: int = 0
    lines_skipped: int = 0
    characters: int = 0


def data_dir(option: str | None) -> Path:
    """The benchmark data folder: `option`, else $NORMALIZER_BENCH_DATA, else the default."""
    if option:
        return Path(option)
    env = os.environ.get("NORMALIZER_BENCH_DATA")
    return Path(env) if env else HERE.parent.parent / "shared" / "benchmarks"


def read_articles(path: Path) -> list[Article]:
    """The articles of an OverProof `allArticles.txt` file, in file order."""
    articles: list[Article] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(ARTICLE_MARK):
            articles.append(Article(line.split()[1]))
        elif articles and line.count(FIELD_SEPARATOR) == 2:
            ocr, truth, _overproof = line.split(FIELD_SEPARATOR)
            articles[-1].lines.append((ocr, truth))
    return articles


def normalize(line: str) -> str:
    return SPACES.sub(" ", line).strip().lower()


def alignable(ocr: str, truth: str) -> bool:
    """Whether two normalized lines say the same text closely enough to align."""
    return bool(ocr and truth) and (
        Levenshtein.normalized_distance(ocr, truth) <= MAX_LINE_DISTANCE)


def edit_regions(observed: str, intended: str) -> Iterator[tuple[int, int, int, int]]:
    """Maximal runs of adjacent edit operations, as (obs_start, obs_end, int_start, int_end)."""
    region: list[int] | None = None
    for op in Levenshtein.opcodes(observed, intended):
        if op.tag == "equal":
            if region:
                yield tuple(region)  # type: ignore[misc]
            region = None
        elif region is None:
            region = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            region[1], region[3] = op.src_end, op.dest_end
    if region:
        yield tuple(region)  # type: ignore[misc]


def _letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalpha()


def classify(observed: str, intended: str, region: tuple[int, int, int, int]
             ) -> tuple[str, str, str] | None:
    """What an edit region is: ("segment", observed, intended) for a confusion within a word,
    ("split" or "merge", letter before, letter after) for a word boundary the OCR added or
    lost between two letters, None for anything else (see the module docstring)."""
    o0, o1, i0, i1 = region
    obs, want = observed[o0:o1], intended[i0:i1]
    if obs.replace(" ", "") == want.replace(" ", ""):  # only the spaces changed
        kind = "split" if obs.count(" ") > want.count(" ") else "merge"
        if obs.strip() or want.strip() or not (_letter(observed, o0 - 1) and _letter(observed, o1)):
            return None
        return (kind, observed[o0 - 1], observed[o1])
    if " " in obs or " " in want or max(len(obs), len(want)) > MAX_SEGMENT:
        return None
    if not any(c.isalnum() for c in obs + want):  # punctuation for punctuation
        return None
    if not obs or not want:  # an inserted or lost character: take the one before it
        if o0 == 0 or i0 == 0 or observed[o0 - 1] == " ":
            return None
        obs, want = observed[o0 - 1:o1], intended[i0 - 1:i1]
    if not word_like(want):  # the engine writes words: digits and punctuation are not its job
        return None
    return ("segment", obs, want)


def word_like(text: str) -> bool:
    """Letters, possibly with apostrophes: what a confusion may restore."""
    return text.replace("'", "").isalpha()


def word_pairs(observed: str, intended: str) -> Iterator[tuple[str, str]]:
    """(printed word, true word) pairs of one aligned line, equal pairs included."""
    printed, true = WORD.findall(observed), WORD.findall(intended)
    matcher = difflib.SequenceMatcher(None, printed, true, autojunk=False)
    for tag, p0, p1, t0, t1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and p1 - p0 == t1 - t0):
            yield from zip(printed[p0:p1], true[t0:t1], strict=True)


def count(articles: Iterable[Article]) -> Counts:
    """Align every line of `articles` and count confusions, intended strings and word pairs."""
    counts = Counts()
    for article in articles:
        for raw_ocr, raw_truth in article.lines:
            ocr, truth = normalize(raw_ocr), normalize(raw_truth)
            if not alignable(ocr, truth):
                counts.lines_skipped += 1
                continue
            counts.lines_used += 1
            counts.characters += len(truth)
            for size in range(1, MAX_SEGMENT + 2):
                counts.intended.update(truth[i:i + size] for i in range(len(truth) - size + 1))
            for region in edit_regions(ocr, truth):
                confusion = classify(ocr, truth, region)
                if confusion:
                    counts.confusions[confusion] += 1
            counts.words.update(word_pairs(ocr, truth))
    return counts


def read_hand_table(path: Path) -> dict[tuple[str, str], float]:
    """(observed, intended) -> probability of the hand-written confusions, case-folded."""
    table: dict[tuple[str, str], float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) != 3 or parts[0] == "observed":
            continue
        key = (parts[0].lower(), parts[1].lower())
        if key[0] != key[1]:
            table[key] = max(table.get(key, 0.0), 10 ** -float(parts[2]))
    return table


@dataclass(frozen=True)
class Row:
    observed: str
    intended: str
    count: int
    total: int
    cost: float


def channel_rows(counts: Counts, hand: dict[tuple[str, str], float]) -> list[Row]:
    """The pruned, smoothed channel table (see the module docstring, steps 4)."""
    keys = {key[1:] for key, n in counts.confusions.items()
            if key[0] == "segment" and n >= MIN_COUNT}
    rows = []
    for obs, want in keys | {key for key in hand if word_like(key[1])}:
        n = counts.confusions["segment", obs, want]
        total = max(counts.intended[want], n)
        p = (n + PRIOR_WEIGHT * hand.get((obs, want), 0.0)) / (total + PRIOR_WEIGHT)
        rows.append(Row(obs, want, n, total, _cost(p)))
    return sorted(rows, key=lambda r: (r.cost, r.observed, r.intended))


def _cost(probability: float) -> float:
    return round(-math.log10(probability), 3)


def boundary_rows(counts: Counts) -> list[tuple[str, str, str, int, int, float]]:
    """(event, letter before, letter after, count, total, cost) of word boundaries added
    (split: total = the two letters side by side in the ground truth) or lost (merge: total
    = the two letters with a space between), seen `MIN_COUNT` times or more, and the rate
    over all letter pairs as event `*`, `*`."""
    totals = {"split": Counter[str](), "merge": Counter[str]()}
    for text, n in counts.intended.items():
        if len(text) == 2 and text.isalpha():
            totals["split"][text] = n
        elif len(text) == 3 and text[1] == " " and (text[0] + text[2]).isalpha():
            totals["merge"][text[0] + text[2]] = n
    rows = []
    for kind, pairs in totals.items():
        events = {k[1] + k[2]: n for k, n in counts.confusions.items() if k[0] == kind}
        all_events, all_pairs = sum(events.values()), sum(pairs.values())
        rows.append((kind, "*", "*", all_events, all_pairs, _cost(all_events / all_pairs)))
        for pair, n in sorted(events.items()):
            if n >= MIN_COUNT:
                total = max(pairs[pair], n)
                p = (n + PRIOR_WEIGHT * all_events / all_pairs) / (total + PRIOR_WEIGHT)
                rows.append((kind, pair[0], pair[1], n, total, _cost(p)))
    return rows


def misreading_rows(counts: Counts, known: set[str]) -> list[tuple[str, str, int, int, str]]:
    """(printed, true, count, printed total, known) for every frequent whole-word misreading."""
    printed_total: Counter[str] = Counter()
    for (printed, _true), n in counts.words.items():
        printed_total[printed] += n
    rows = [
        (printed, true, n, printed_total[printed], "yes" if printed in known else "no")
        for (printed, true), n in counts.words.items()
        if printed != true and n >= MIN_WORD_COUNT and printed.isalpha() and true.isalpha()
    ]
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


def rate(counts: Counts, key: tuple[str, str, str]) -> float:
    return counts.confusions[key] / max(1, counts.intended[key[2]])


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2
            i = j + 1
        return result
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return cov / var if var else 0.0


def check(articles: list[Article], hand: dict[tuple[str, str], float]) -> list[str]:
    """Learn on the even articles, test on the odd ones: lines of a report."""
    learn, held_out = count(articles[0::2]), count(articles[1::2])
    table = {("segment", r.observed, r.intended) for r in channel_rows(learn, hand)}
    segments = {k: n for k, n in held_out.confusions.items() if k[0] == "segment"}
    instances = sum(segments.values())
    covered = sum(n for k, n in segments.items() if k in table)
    by_hand = sum(n for k, n in segments.items() if (k[1], k[2]) in hand)
    letters = {k: n for k, n in segments.items() if (k[1] + k[2]).isalpha()}
    letter_instances = sum(letters.values())
    letters_covered = sum(n for k, n in letters.items() if k in table)
    letters_by_hand = sum(n for k, n in letters.items() if (k[1], k[2]) in hand)
    top = [k for k, _ in sorted(learn.confusions.items(), key=lambda kv: (-kv[1], kv[0]))
           if k[0] == "segment"][:TOP_TYPES]
    rho = spearman([rate(learn, k) for k in top], [rate(held_out, k) for k in top])
    overall = [[row for row in boundary_rows(part) if row[1] == "*"]
               for part in (learn, held_out)]
    words = {k: n for k, n in held_out.words.items() if k[0] != k[1]}
    learned_words = {(r[0], r[1]) for r in misreading_rows(learn, set())}
    words_covered = sum(n for k, n in words.items() if k in learned_words)
    return [
        f"learning half: {len(articles[0::2])} articles, {learn.lines_used} lines "
        f"({learn.lines_skipped} skipped); held-out half: {len(articles[1::2])} articles, "
        f"{held_out.lines_used} lines ({held_out.lines_skipped} skipped)",
        f"table learned on half: {len(table)} rows",
        f"held-out segment confusion instances: {instances}; covered by the learned table: "
        f"{covered / instances:.1%}; by the hand table: {by_hand / instances:.1%}",
        f"... of them letters for letters: {letter_instances}; covered by the learned table: "
        f"{letters_covered / letter_instances:.1%}; by the hand table: "
        f"{letters_by_hand / letter_instances:.1%}",
        *(f"{a[0]} rate per letter pair: learning half {a[3]}/{a[4]} = {a[3] / a[4]:.2e}, "
          f"held-out half {b[3]}/{b[4]} = {b[3] / b[4]:.2e}"
          for a, b in zip(*overall, strict=True)),
        f"Spearman of the rates of the {len(top)} most frequent learned confusions, "
        f"learning half vs held-out half: {rho:.3f}",
        f"held-out misread words: {sum(words.values())}; pair in the table learned on half: "
        f"{words_covered / max(1, sum(words.values())):.1%}",
    ]


def zipf_frequencies() -> dict[str, float]:
    """Zipf frequency (0-8) of every word of built/wordfreq_en.tsv, lowercase."""
    with (OUT / "wordfreq_en.tsv").open(encoding="utf-8") as fh:
        next(fh)
        return {word.lower(): float(zipf) for word, zipf in
                (line.rstrip("\n").split("\t") for line in fh)}


def known_words() -> set[str]:
    """The words common enough to count as words: Zipf >= KNOWN_ZIPF."""
    return {word for word, zipf in zipf_frequencies().items() if zipf >= KNOWN_ZIPF}


def require_pinned(package: str, pinned: str) -> None:
    """Stop unless `package` is installed at the version pyproject.toml's `build` extra pins:
    a table built from another version would differ from the shipped one."""
    installed = importlib.metadata.version(package)
    if installed != pinned:
        raise SystemExit(f"{package} {installed} is installed; this table pins {pinned} "
                         "(pip install -e '.[build]')")


def write(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> None:
    lines = header + ["\t".join(str(value) for value in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(lines) - len(header)} rows", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the benchmark data folder")
    parser.add_argument("--check-only", action="store_true", help="report, write nothing")
    args = parser.parse_args()
    articles = read_articles(data_dir(args.data) / DATASET2)
    hand = read_hand_table(HERE / "confusions.tsv")
    for line in check(articles, hand):
        print(line)
    if args.check_only:
        return
    counts = count(articles)
    rows = channel_rows(counts, hand)
    errors = sum(n for k, n in counts.confusions.items() if k[0] == "segment")
    summary = (f"# {len(articles)} articles, {counts.lines_used} lines, {counts.characters} "
               f"characters of ground truth, {errors} confusions within words.")
    write(OUT / "channel.tsv", [
        "# OCR confusions within words, learned from OverProof dataset 2 by",
        "# dictionaries/build_channel.py (see its docstring and SOURCES.md). Lowercase.",
        "# cost = -log10 P(observed | intended), smoothed with the hand table confusions.tsv",
        "# as a prior; count: times the OCR printed `observed` for `intended`; total:",
        "# occurrences of `intended` in the aligned ground truth.",
        summary,
        "observed\tintended\tcount\ttotal\tcost",
    ], ((r.observed, r.intended, r.count, r.total, f"{r.cost:.3f}") for r in rows))
    write(OUT / "boundaries.tsv", [
        "# Word boundaries the OCR of OverProof dataset 2 added (split: \"al ready\") or lost",
        "# (merge: \"ofthe\") between two letters (dictionaries/build_channel.py). cost =",
        "# -log10 P(event | the two letters), smoothed towards the overall rate (row * *);",
        "# total: the two letters side by side (split) or with one space between (merge).",
        summary,
        "event\tbefore\tafter\tcount\ttotal\tcost",
    ], ((*row[:5], f"{row[5]:.3f}") for row in boundary_rows(counts)))
    write(OUT / "ocr_misreadings.tsv", [
        "# Whole words the OCR of OverProof dataset 2 printed for other words, seen at least",
        f"# {MIN_WORD_COUNT} times (dictionaries/build_channel.py). count: times `observed` stood",
        "# for `intended`; observed_total: times `observed` was printed (aligned lines);",
        f"# known: `observed` is itself a word (Zipf >= {KNOWN_ZIPF}): a real-word error.",
        "observed\tintended\tcount\tobserved_total\tknown",
    ], misreading_rows(counts, known_words()))


if __name__ == "__main__":
    main()
