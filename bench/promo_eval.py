"""Promo stripping, family by family, on clean news with injected promo blocks.

    python bench/promo_eval.py                  # every family, seed 1
    python bench/promo_eval.py --seed 7 --rate 0.5

For each promo family of bench/synth.py (`PROMO_FAMILIES`), the clean texts (seeds and
tests/cases/clean) get blocks of that family only, injected between paragraphs at `--rate`;
the engine's boilerplate stage runs with the default profile, and the removed characters are
compared with the injected ones (`metrics.boilerplate_counts`): recall per family, and character
precision over all families. Then the same texts get generated news sentences that start like a
promo ("Subscribe to the union's strike fund, the minister told reporters ...") as extra
paragraphs, and every one removed is counted and printed: the target is none.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/promo_eval.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import datasets, metrics, report
from bench.synth import PROMO_FAMILIES, CorruptionModel, synthesize_set
from normalizer import Normalizer

_OPENERS = (
    "Subscribe to", "Follow", "Join", "Support", "Share", "Become a member of", "Sign up for",
    "Download", "Watch", "Read", "Like", "Get", "Listen to", "Click on",
)
_OBJECTS = (
    "the union's strike fund", "the new pension scheme", "the national guard", "the live feed",
    "the government's app", "the party's youth wing", "the reform campaign", "the Senate race",
)
_TAILS = (
    ", the minister told reporters in {city} on {day}.",
    ", {name} said in a speech in {city} on {day}.",
    ", the campaign urged voters in a mailer sent in {year}.",
    ", the host joked on the {day} broadcast from {city}.",
    ", officials in {city} advised residents on {day}.",
)
_STANDALONE = (
    "Copyright {year} lawsuits against the platform were dismissed by a judge in {city}.",
    "Advertising spending in {city} fell {n} percent in {year}, the agency said.",
    "Already a member of the alliance since {year}, {country} has doubled its defence budget.",
    "Follow-up tests in {city} found {n} new cases of measles by {day}.",
    "Subscribers in {city} will pay ${n} more a month from {year}, the company said.",
    "Share prices in {city} fell {n} percent on {day} after the profit warning.",
    "Support for the measure fell to {n} percent in a poll released on {day}.",
    "Sign-ups for the scheme reached {n},000 in {year}, the ministry said.",
)
_FILL = {
    "city": ("Lagos", "Manila", "Leeds", "Denver", "Lyon", "Quito", "Perth", "Kraków"),
    "day": ("Monday", "Tuesday", "Friday", "Sunday"),
    "name": ("Ana Ruiz", "President Ruto", "Mr. Okafor", "Ms. Lindqvist"),
    "year": ("2019", "2021", "2023", "2024"),
    "country": ("Sweden", "Finland", "Poland", "Chile"),
    "n": ("4", "12", "38", "61"),
}


def promo_like_sentences(rng: random.Random, count: int) -> list[str]:
    """News sentences that start like a call to action, drawn from the templates above."""
    out = []
    for _ in range(count):
        if rng.random() < 0.6:
            template = f"{rng.choice(_OPENERS)} {rng.choice(_OBJECTS)}{rng.choice(_TAILS)}"
        else:
            template = rng.choice(_STANDALONE)
        out.append(template.format(**{k: rng.choice(v) for k, v in _FILL.items()}))
    return out


def evaluate(seed: int, rate: float) -> tuple[dict[str, metrics.Boilerplate], list[str]]:
    """Per-family boilerplate counts, and the promo-like news sentences that were removed."""
    texts = datasets.clean_texts(datasets.data_dir())
    texts = [(name, p) for name, p in texts if not name.startswith("overproof")]
    engine = Normalizer()
    per_family: dict[str, metrics.Boilerplate] = {}
    for family in PROMO_FAMILIES:
        model = CorruptionModel(0.0, 0.0, promo_rate=rate, families=(family,))
        counts = metrics.Boilerplate()
        for doc in synthesize_set(texts, seed, model):
            output = engine.normalize(doc.input, only=["boilerplate"]).text
            gold = metrics.tokens_in_spans(doc.input, doc.injected)
            counts += metrics.boilerplate_counts(doc.input, output, gold)
        per_family[family] = counts
    rng = random.Random(seed)
    removed = []
    for _name, paragraphs in texts:
        sentences = promo_like_sentences(rng, max(1, len(paragraphs) // 2))
        for sentence in sentences:
            at = rng.randint(1, len(paragraphs))
            text = "\n\n".join([*paragraphs[:at], sentence, *paragraphs[at:]])
            if sentence not in engine.normalize(text, only=["boilerplate"]).text:
                removed.append(sentence)
    return per_family, removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--rate", type=float, default=0.4, help="promo blocks per paragraph gap")
    args = parser.parse_args(argv)
    per_family, removed = evaluate(args.seed, args.rate)
    total = metrics.Boilerplate()
    rows = []
    for family, counts in per_family.items():
        total += counts
        rows.append([family, f"{counts.gold:,}", f"{counts.recall:.3f}", f"{counts.precision:.3f}"])
    rows.append(["all", f"{total.gold:,}", f"{total.recall:.3f}", f"{total.precision:.3f}"])
    print(report.table(["family", "gold chars", "recall", "char precision"], rows))
    print(f"\npromo-like news sentences removed: {len(removed)}")
    for sentence in removed:
        print(f"  - {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
