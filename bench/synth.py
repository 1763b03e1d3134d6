"""Seeded synthetic development set: clean paragraphs in, corrupted news text out.

Corruption model (all draws from one ``random.Random(seed)``, so a seed fixes the output):

- Only word tokens (`metrics.TOKEN_RE`) of at least `MIN_LENGTH` characters made of letters
  (apostrophes allowed) are corrupted; numbers and short words are left alone.
- A capitalized token (a name, or a sentence start) is corrupted with probability
  `CorruptionModel.name_rate`, any other eligible token with `CorruptionModel.word_rate`.
- A corrupted token gets ONE change: with probability `CorruptionModel.glyph_share` an OCR
  glyph confusion from `GLYPH_CONFUSIONS` (one occurrence, chosen at random, of a pattern the
  token contains; ``v->y``, ``rn->m``, ``cl->d``, ``li->h``, ``e->c``... both ways), otherwise
  or when no confusion applies a typo: a QWERTY-adjacent substitution, a transposition of two
  neighbouring letters, a deletion, or an insertion of a key adjacent to its neighbour. The
  letter case of the replaced position is kept; the result is always one token and always
  differs from the original (a real word may come out, as real OCR does).
- Between two paragraphs, with probability `CorruptionModel.promo_rate`, one promo block from
  `PROMOS` is injected: "Advertisement", newsletter sign-ups, "Understand the ..." explainer
  boxes, "Read more" lines, subscription and social prompts.

`synthesize` returns the input, the expected text (the clean paragraphs, joined by blank
lines), every corruption with its span in the input, and the injected spans. The clean variant
(`CorruptionModel.clean()`) changes nothing: input == expected, for counting false positives.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.metrics import TOKEN_RE

MIN_LENGTH = 3

GLYPH_CONFUSIONS: tuple[tuple[str, str], ...] = tuple(
    pair
    for a, b in (
        ("v", "y"),
        ("rn", "m"),
        ("cl", "d"),
        ("li", "h"),
        ("1", "l"),
        ("I", "l"),
        ("0", "O"),
        ("e", "c"),
        ("n", "u"),
        ("h", "b"),
        ("ii", "u"),
        ("vv", "w"),
        ("f", "t"),
    )
    for pair in ((a, b), (b, a))
)
"""OCR glyph confusions, each listed in both directions as (seen in the text, misread as)."""

_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


_ROW_OFFSETS = (0.0, 0.5, 1.0)


def _neighbours() -> dict[str, str]:
    """Letters next to each letter on a staggered QWERTY keyboard (``s``: ``weadzx``)."""
    where = {
        ch: (r, c + _ROW_OFFSETS[r]) for r, row in enumerate(_KEYBOARD) for c, ch in enumerate(row)
    }
    return {
        ch: "".join(
            other
            for other, (r2, x2) in where.items()
            if other != ch and abs(r - r2) <= 1 and abs(x - x2) <= 1
        )
        for ch, (r, x) in where.items()
    }


NEIGHBOURS = _neighbours()

_TOPICS = ("Afghanistan", "the Election", "Climate Change", "the Economy", "Health", "Ukraine")
PROMOS: tuple[str, ...] = (
    "Advertisement",
    "Continue reading the main story",
    "Sign up for the {topic} newsletter. Get the latest news and analysis delivered to your "
    "inbox every morning.",
    "Updates on {topic} Sign up for a daily email with the latest news on {topic}. Get it sent "
    "to your inbox.",
    "Understand the {topic} Story\n\nWhat is happening? Our explainer covers the background, "
    "the people involved and what could come next. Here's more on the story so far.",
    "Read more: What we know about {topic}",
    "Subscribe now for unlimited access to our journalism. Cancel anytime.",
    "Follow our live coverage of {topic} on Twitter and Facebook.",
)
"""Promo block templates; ``{topic}`` is filled from a fixed list."""


@dataclass(frozen=True, slots=True)
class CorruptionModel:
    """Rates of the corruption model (see the module docstring)."""

    word_rate: float = 0.04
    name_rate: float = 0.12
    glyph_share: float = 0.6
    promo_rate: float = 0.15

    @classmethod
    def clean(cls) -> CorruptionModel:
        """No corruption and no promo blocks: input equals expected."""
        return cls(word_rate=0.0, name_rate=0.0, promo_rate=0.0)


@dataclass(frozen=True, slots=True)
class Corruption:
    """One corrupted token: its span in the input, the original and the corrupted form."""

    start: int
    end: int
    original: str
    corrupted: str
    kind: str  # "glyph" or "typo"


@dataclass(frozen=True, slots=True)
class SynthDoc:
    """A generated document: input, expected, corruptions and injected promo spans."""

    id: str
    input: str
    expected: str
    corruptions: tuple[Corruption, ...]
    injected: tuple[tuple[int, int], ...]


def _keep_case(source: str, letter: str) -> str:
    return letter.upper() if source.isupper() else letter


def _glyph(word: str, rng: random.Random) -> str | None:
    options = [(a, b) for a, b in GLYPH_CONFUSIONS if a in word]
    if not options:
        return None
    seen, misread = rng.choice(options)
    spots = [i for i in range(len(word)) if word.startswith(seen, i)]
    i = rng.choice(spots)
    return word[:i] + misread + word[i + len(seen) :]


def _typo(word: str, rng: random.Random) -> str | None:
    letters = [i for i, ch in enumerate(word) if ch.lower() in NEIGHBOURS]
    if not letters:
        return None
    i = rng.choice(letters)
    operation = rng.choice(("substitute", "transpose", "delete", "insert"))
    near = _keep_case(word[i], rng.choice(NEIGHBOURS[word[i].lower()]))
    if operation == "substitute":
        return word[:i] + near + word[i + 1 :]
    if operation == "transpose" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if operation == "delete":
        return word[:i] + word[i + 1 :]
    if operation == "insert":
        return word[: i + 1] + near + word[i + 1 :]
    return None


def corrupt_word(word: str, rng: random.Random, glyph_share: float) -> tuple[str, str] | None:
    """(corrupted word, kind) for `word`, or None when no change keeps it one new token."""
    for _attempt in range(5):
        kind = "glyph" if rng.random() < glyph_share else "typo"
        changed = (_glyph if kind == "glyph" else _typo)(word, rng)
        if changed is None and kind == "glyph":
            kind, changed = "typo", _typo(word, rng)
        if changed and changed != word and TOKEN_RE.fullmatch(changed):
            return changed, kind
    return None


def _eligible(token: str) -> bool:
    return len(token) >= MIN_LENGTH and token.replace("'", "").replace("’", "").isalpha()


def synthesize(
    doc_id: str, paragraphs: list[str], rng: random.Random, model: CorruptionModel
) -> SynthDoc:
    """Corrupt `paragraphs` and inject promo blocks between them (see the module docstring)."""
    parts: list[str] = []
    corruptions: list[Corruption] = []
    injected: list[tuple[int, int]] = []
    offset = 0

    def emit(text: str) -> None:
        nonlocal offset
        parts.append(text)
        offset += len(text)

    for index, paragraph in enumerate(paragraphs):
        if index:
            emit("\n\n")
            if rng.random() < model.promo_rate:
                promo = rng.choice(PROMOS).format(topic=rng.choice(_TOPICS))
                injected.append((offset, offset + len(promo)))
                emit(promo + "\n\n")
        cursor = 0
        for match in TOKEN_RE.finditer(paragraph):
            word = match.group()
            rate = model.name_rate if word[0].isupper() else model.word_rate
            if not _eligible(word) or rng.random() >= rate:
                continue
            changed = corrupt_word(word, rng, model.glyph_share)
            if changed is None:
                continue
            emit(paragraph[cursor : match.start()])
            corruptions.append(Corruption(offset, offset + len(changed[0]), word, *changed))
            emit(changed[0])
            cursor = match.end()
        emit(paragraph[cursor:])
    return SynthDoc(
        doc_id, "".join(parts), "\n\n".join(paragraphs), tuple(corruptions), tuple(injected)
    )


def synthesize_set(
    texts: list[tuple[str, list[str]]], seed: int, model: CorruptionModel
) -> list[SynthDoc]:
    """One `SynthDoc` per (id, paragraphs), all drawn from ``random.Random(seed)`` in order."""
    rng = random.Random(seed)
    return [synthesize(doc_id, paragraphs, rng, model) for doc_id, paragraphs in texts]
