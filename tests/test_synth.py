"""Unit tests of the seeded corruption generator bench/synth.py."""

from __future__ import annotations

import random
from itertools import pairwise

from bench.metrics import TOKEN_RE, correction_counts
from bench.synth import (
    GLYPH_CONFUSIONS,
    NEIGHBOURS,
    CorruptionModel,
    SynthDoc,
    corrupt_word,
    synthesize,
    synthesize_set,
)

PARAGRAPHS = [
    "Secretary of State Mike Pompeo warned Sergey Lavrov about the bounties in Afghanistan.",
    "The American officials spoke on the condition of anonymity because of the sensitivity.",
    "Russian officials have denounced the reports on the bounties as lies, Mr. Schiff said.",
    "President Vladimir Putin spoke with the minister about Libya, Syria and Ukraine again.",
]
TEXTS = [(f"doc{i}", PARAGRAPHS[i:] + PARAGRAPHS[:i]) for i in range(4)]
HEAVY = CorruptionModel(word_rate=0.5, name_rate=0.9, promo_rate=0.9)
MODERATE = CorruptionModel(word_rate=0.1, name_rate=0.3, promo_rate=0.6)


def _spans_hold(doc: SynthDoc) -> bool:
    spans = sorted([(c.start, c.end) for c in doc.corruptions] + list(doc.injected))
    disjoint = all(end <= start for (_s, end), (start, _e) in pairwise(spans))
    return disjoint and all(doc.input[c.start : c.end] == c.corrupted for c in doc.corruptions)


def test_same_seed_same_output_other_seed_differs() -> None:
    first = synthesize_set(TEXTS, 7, HEAVY)
    assert first == synthesize_set(TEXTS, 7, HEAVY)
    assert [d.input for d in first] != [d.input for d in synthesize_set(TEXTS, 8, HEAVY)]


def test_expected_is_the_clean_text_and_corruptions_are_real() -> None:
    docs = synthesize_set(TEXTS, 3, MODERATE)
    assert sum(len(d.corruptions) for d in docs) > 20
    assert sum(len(d.injected) for d in docs) > 3
    assert {c.kind for d in docs for c in d.corruptions} == {"glyph", "typo"}
    for doc, (_name, paragraphs) in zip(docs, TEXTS, strict=True):
        assert doc.expected == "\n\n".join(paragraphs)
        assert doc.input != doc.expected
        assert _spans_hold(doc)
        for c in doc.corruptions:
            assert c.corrupted != c.original and TOKEN_RE.fullmatch(c.corrupted)
        # the scorer sees every corruption as one unit to fix and nothing else but the promos
        counts = correction_counts(doc.input, doc.expected, doc.expected)
        assert counts.fixes == len(doc.corruptions) and counts.false_positives == 0


def test_promo_blocks_are_injected_between_paragraphs() -> None:
    doc = synthesize("d", PARAGRAPHS, random.Random(1), CorruptionModel(0, 0, promo_rate=1.0))
    assert len(doc.injected) == len(PARAGRAPHS) - 1
    assert not doc.corruptions
    stripped = doc.input
    for start, end in reversed(doc.injected):
        assert doc.input[start - 2 : start] == "\n\n"
        stripped = stripped[:start] + stripped[end + 2 :]
    assert stripped == doc.expected


def test_clean_variant_changes_nothing() -> None:
    for doc in synthesize_set(TEXTS, 5, CorruptionModel.clean()):
        assert doc.input == doc.expected
        assert not doc.corruptions and not doc.injected


def test_corrupt_word_changes_one_token_and_keeps_case() -> None:
    rng = random.Random(0)
    for word in ("Lavrov", "modern", "MINISTER", "bounties"):
        for _ in range(50):
            changed = corrupt_word(word, rng, glyph_share=0.5)
            assert changed is not None
            new, kind = changed
            assert new != word and TOKEN_RE.fullmatch(new) and kind in ("glyph", "typo")
            if word.isupper() and kind == "typo":
                assert new.isupper()


def test_confusion_tables() -> None:
    assert ("rn", "m") in GLYPH_CONFUSIONS and ("m", "rn") in GLYPH_CONFUSIONS
    assert set(NEIGHBOURS["s"]) == set("weadzx")


def test_a_habit_is_drawn_its_weight_times_as_often() -> None:
    model = CorruptionModel(habit=("t", "l"), habit_weight=8)
    assert model.glyphs.count(("t", "l")) == 8 + (("t", "l") in GLYPH_CONFUSIONS)
    assert CorruptionModel().glyphs == GLYPH_CONFUSIONS
    rng = random.Random(3)
    # 'tenth' offers five other confusions (h->li, e->c, n->u, h->b, t->f) and the habit
    # eight times: it is drawn 8 times in 13
    changed = [corrupt_word("tenth", rng, 1.0, model.glyphs)[0] for _ in range(400)]
    habit = sum(1 for word in changed if word in ("lenth", "tenlh"))
    assert abs(habit / len(changed) - 8 / 13) < 0.08
