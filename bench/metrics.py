"""Evaluation metrics for correction systems: tokens, alignment, counts, CER, boilerplate.

Every system is scored the same way, from three texts: the `input` it was given, the
`expected` (gold) text and its `output`. Nothing here depends on the engine's edit lists, so
peers that only return text are measured exactly like the engine.

Tokens
    `tokenize` finds word tokens with `TOKEN_RE`: runs of letters/digits, with internal
    apostrophes kept (``Russia's``, ``O'Brien``). Punctuation and whitespace are not tokens,
    so layout, quote and spacing changes never count as corrections or false positives.

Units (the joint alignment)
    Input tokens are aligned to expected tokens and, separately, to output tokens by
    `align_blocks` (difflib equal runs, uneven replaced runs refined by a small edit-distance
    programme). In each alignment, a boundary between input tokens ``i-1`` and ``i`` is a
    *cut* unless it falls inside a block whose two sides differ in length (a split or merge
    such as ``to day -> today``); equal-length blocks are paired token by token.
    `align_units` cuts the input only where BOTH alignments allow it, so a unit is almost
    always one input token with its expected and output token; a split or merge makes one
    multi-token unit. Tokens inserted on the expected or output side with no input token form
    units with an empty input.

Classes of a unit (`Counts`)
    Let ``I``, ``E``, ``O`` be the unit's input, expected and output token tuples.

    - ``I == E`` (clean): a **false positive** if ``O != I``, else untouched.
    - ``I != E`` and both non-empty (needs a correction): a **fix** if ``O == E``, a **miss**
      if ``O == I``, otherwise a **wrong fix** (changed, but not into the expected tokens).
    - ``I != E`` with ``I`` or ``E`` empty (text to delete, e.g. a promo block, or text the
      input lacks entirely): **structural**; counted apart and scored by the boilerplate
      metric instead, because no speller can restore missing text and deletions are not
      spelling fixes.

    precision = fixes / (fixes + wrong fixes + false positives)
    recall    = fixes / (fixes + wrong fixes + misses)
    F1        = harmonic mean; false positives per 1,000 clean tokens = 1000 * FP / clean units.

Character error rate
    `cer(hypothesis, reference)` = Levenshtein distance / reference length, after collapsing
    every whitespace run to one space on both sides (line layout is not scored). Corpus CER
    sums distances and lengths over documents (micro average).

Boilerplate
    Measured on the characters of input tokens. A token is *removed* by a text if the token
    alignment (`align_blocks`) of the input to that text puts it in a pure deletion. Gold
    removed tokens come from the generator's injected spans (synthetic set) or from aligning
    input to expected (`removed_tokens(input, expected)`, the seed). Precision and recall are
    the shares of characters of the tokens the output removed that are gold, and of gold
    characters removed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from rapidfuzz.distance import Levenshtein

TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""A word token: letters/digits, with apostrophes allowed between them."""

_WHITESPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word token and its half-open character span in the text it came from."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Every `TOKEN_RE` match of `text`, in order."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class Unit:
    """One aligned unit: input tokens ``[start, end)`` and their expected and output tokens."""

    start: int
    end: int
    input: tuple[str, ...]
    expected: tuple[str, ...]
    output: tuple[str, ...]


INF = float("inf")
MAX_REFINE = 2500
"""Largest (source tokens x target tokens) replace block that `align_blocks` refines."""
MERGE_MAX_DISTANCE = 1 / 3
MERGE_PENALTY = 0.5
"""A merge or split is allowed when its concatenation is this close, and costs this more."""


def _refine(source: Sequence[str], target: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Blocks of a replace whose sides differ in length, by a small dynamic programme.

    Moves and costs: substitute one token for one (normalized Levenshtein distance of the two,
    0..1), delete or insert one token (1), merge two source tokens into one target token or
    split one into two (distance of the concatenation + `MERGE_PENALTY`, allowed only when that
    distance is at most `MERGE_MAX_DISTANCE`). The cheapest path is returned as
    (i1, i2, j1, j2) blocks relative to the two slices.
    """
    n, m = len(source), len(target)
    moves = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    best = [[INF] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for a in range(n + 1):
        for b in range(m + 1):
            if best[a][b] == INF:
                continue
            for da, db in moves:
                if a + da > n or b + db > m:
                    continue
                if not (da and db):
                    cost = 1.0
                else:
                    left, right = "".join(source[a : a + da]), "".join(target[b : b + db])
                    cost = Levenshtein.normalized_distance(left, right)
                    if da + db > 2:
                        cost = cost + MERGE_PENALTY if cost <= MERGE_MAX_DISTANCE else INF
                if best[a][b] + cost < best[a + da][b + db]:
                    best[a + da][b + db] = best[a][b] + cost
                    back[a + da][b + db] = (da, db)
    blocks: list[tuple[int, int, int, int]] = []
    a, b = n, m
    while a or b:
        da, db = back[a][b]
        blocks.append((a - da, a, b - db, b))
        a, b = a - da, b - db
    return blocks[::-1]


def align_blocks(source: Sequence[str], target: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Token alignment as consecutive (i1, i2, j1, j2) blocks covering both sequences.

    `difflib.SequenceMatcher` (autojunk off) finds the equal runs; each ``replace`` whose two
    sides differ in length (at most `MAX_REFINE` token pairs) is refined by `_refine`, so a
    corrected token next to a deleted promo block stays its own block. Every block is either
    equal-length (tokens paired one to one), a pure deletion, a pure insertion, or an
    unequal replace (a split, a merge, or a block too large to refine).
    """
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    blocks: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        sizes = (i2 - i1, j2 - j1)
        if tag == "replace" and sizes[0] != sizes[1] and sizes[0] * sizes[1] <= MAX_REFINE:
            refined = _refine(source[i1:i2], target[j1:j2])
            blocks += [(i1 + a1, i1 + a2, j1 + b1, j1 + b2) for a1, a2, b1, b2 in refined]
        else:
            blocks.append((i1, i2, j1, j2))
    return blocks


def _cuts(source: Sequence[str], target: Sequence[str]) -> dict[int, tuple[int, int]]:
    """Allowed cuts of `source` -> (target position where the unit before ends, where the next
    starts). The two differ only at a pure insertion, whose tokens lie between them."""
    cuts: dict[int, tuple[int, int]] = {0: (0, 0)}
    for i1, i2, j1, j2 in align_blocks(source, target):
        if i1 == i2:
            cuts[i1] = (cuts.get(i1, (j1, j1))[0], j2)
            continue
        cuts.setdefault(i1, (j1, j1))
        if i2 - i1 == j2 - j1:
            for k in range(1, i2 - i1):
                cuts[i1 + k] = (j1 + k, j1 + k)
        elif j1 == j2:
            for k in range(1, i2 - i1):
                cuts[i1 + k] = (j1, j1)
        cuts[i2] = (j2, j2)
    return cuts


def align_units(
    input_tokens: Sequence[str], expected_tokens: Sequence[str], output_tokens: Sequence[str]
) -> list[Unit]:
    """Cut the input where both alignments allow it (see the module docstring)."""
    to_expected = _cuts(input_tokens, expected_tokens)
    to_output = _cuts(input_tokens, output_tokens)
    cuts = sorted(set(to_expected) & set(to_output))
    units: list[Unit] = []
    for index, cut in enumerate(cuts):
        e_before, e_after = to_expected[cut]
        o_before, o_after = to_output[cut]
        if e_before != e_after or o_before != o_after:
            units.append(
                Unit(
                    cut,
                    cut,
                    (),
                    tuple(expected_tokens[e_before:e_after]),
                    tuple(output_tokens[o_before:o_after]),
                )
            )
        if index + 1 < len(cuts):
            nxt = cuts[index + 1]
            units.append(
                Unit(
                    cut,
                    nxt,
                    tuple(input_tokens[cut:nxt]),
                    tuple(expected_tokens[e_after : to_expected[nxt][0]]),
                    tuple(output_tokens[o_after : to_output[nxt][0]]),
                )
            )
    return units


@dataclass(slots=True)
class Counts:
    """Unit counts of one or more documents; add documents with `+=`."""

    fixes: int = 0
    misses: int = 0
    wrong_fixes: int = 0
    false_positives: int = 0
    clean: int = 0
    structural: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    @property
    def needed(self) -> int:
        """Units that needed a correction (fixes + misses + wrong fixes)."""
        return self.fixes + self.misses + self.wrong_fixes

    @property
    def precision(self) -> float:
        """fixes / every change made to a unit that was not structural; 1.0 when none."""
        changed = self.fixes + self.wrong_fixes + self.false_positives
        return self.fixes / changed if changed else 1.0

    @property
    def recall(self) -> float:
        """fixes / units that needed a correction; 0.0 when none needed one."""
        return self.fixes / self.needed if self.needed else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def fp_per_1k(self) -> float:
        """False positives per 1,000 clean units."""
        return 1000 * self.false_positives / self.clean if self.clean else 0.0


def classify(units: Iterable[Unit]) -> Counts:
    """Count units by class (see the module docstring)."""
    counts = Counts()
    for unit in units:
        if unit.input == unit.expected:
            counts.clean += 1 if unit.input else 0
            counts.false_positives += unit.output != unit.input
        elif not unit.input or not unit.expected:
            counts.structural += 1
        elif unit.output == unit.expected:
            counts.fixes += 1
        elif unit.output == unit.input:
            counts.misses += 1
        else:
            counts.wrong_fixes += 1
    return counts


def correction_counts(input_text: str, expected_text: str, output_text: str) -> Counts:
    """Tokenize the three texts, align them and count units by class."""
    units = align_units(
        [t.text for t in tokenize(input_text)],
        [t.text for t in tokenize(expected_text)],
        [t.text for t in tokenize(output_text)],
    )
    return classify(units)


def _squash(text: str) -> str:
    return _WHITESPACE_RE.sub(" ", text).strip()


def char_errors(hypothesis: str, reference: str) -> tuple[int, int]:
    """(Levenshtein distance, reference length) after whitespace runs become one space."""
    ref = _squash(reference)
    return Levenshtein.distance(_squash(hypothesis), ref), len(ref)


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate of `hypothesis` against `reference` (0.0 for two empty texts)."""
    distance, length = char_errors(hypothesis, reference)
    return distance / length if length else float(distance > 0)


def relative_reduction(before: float, after: float) -> float:
    """(before - after) / before: 1.0 removes every error, negative values add errors."""
    return (before - after) / before if before else 0.0


def removed_tokens(source: str, target: str) -> list[Token]:
    """Tokens of `source` that the token alignment (`align_blocks`) to `target` deletes."""
    src = tokenize(source)
    blocks = align_blocks([t.text for t in src], [t.text for t in tokenize(target)])
    return [token for i1, i2, j1, j2 in blocks if j1 == j2 for token in src[i1:i2]]


def tokens_in_spans(source: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """Tokens of `source` lying entirely inside one of the half-open character `spans`."""
    spans = list(spans)
    return [t for t in tokenize(source) if any(s <= t.start and t.end <= e for s, e in spans)]


@dataclass(slots=True)
class Boilerplate:
    """Characters (of input tokens) removed by the output, gold removed, and both."""

    removed: int = 0
    gold: int = 0
    both: int = 0

    def __iadd__(self, other: Boilerplate) -> Boilerplate:
        self.removed += other.removed
        self.gold += other.gold
        self.both += other.both
        return self

    @property
    def precision(self) -> float:
        """Share of removed characters that were gold; 1.0 when nothing was removed."""
        return self.both / self.removed if self.removed else 1.0

    @property
    def recall(self) -> float:
        """Share of gold characters removed; 1.0 when there was nothing to remove."""
        return self.both / self.gold if self.gold else 1.0


def boilerplate_counts(input_text: str, output_text: str, gold: Iterable[Token]) -> Boilerplate:
    """Compare the tokens `output_text` removed from `input_text` with the `gold` tokens."""
    removed = {(t.start, t.end) for t in removed_tokens(input_text, output_text)}
    gold_spans = {(t.start, t.end) for t in gold}
    return Boilerplate(
        removed=sum(e - s for s, e in removed),
        gold=sum(e - s for s, e in gold_spans),
        both=sum(e - s for s, e in removed & gold_spans),
    )


def accuracy_at(ranked: Sequence[Sequence[str]], answers: Sequence[str], k: int) -> float:
    """Share of answers found (case-insensitively) among the first `k` ranked candidates."""
    if len(ranked) != len(answers):
        raise ValueError("one candidate list per answer is needed")
    if not answers:
        return 0.0
    hits = sum(
        answer.lower() in {c.lower() for c in candidates[:k]}
        for candidates, answer in zip(ranked, answers, strict=True)
    )
    return hits / len(answers)


def words_per_second(words: int, seconds: float) -> float:
    """Throughput; infinite when the time is too small to measure."""
    return words / seconds if seconds > 0 else INF
