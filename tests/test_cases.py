"""Data-driven cases in tests/cases/ (ftfy style): positive cases must come out as expected,
negative cases and clean articles must not change at all, known failures must still fail
(when one starts passing, move it to positive.json)."""

from __future__ import annotations

import json

import pytest
from conftest import CASES

ENGINE = CASES / "engine"
POSITIVE = json.loads((ENGINE / "positive.json").read_text(encoding="utf-8"))
NEGATIVE = json.loads((ENGINE / "negative.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = json.loads((ENGINE / "known_failures.json").read_text(encoding="utf-8"))
CLEAN_ARTICLES = sorted((CASES / "clean").glob("*.txt"))
NAMES = CASES / "names"


@pytest.mark.parametrize("case", POSITIVE, ids=[c["note"] for c in POSITIVE])
def test_positive(engine, case):
    result = engine.normalize(case["input"])
    assert result.text == case["expected"]
    assert all(e.reason for e in result.applied)


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_negative_sentences_stay_unchanged(engine, text):
    result = engine.normalize(text)
    assert result.text == text
    assert result.applied == ()


def test_clean_article_corpus_is_present():
    assert len(CLEAN_ARTICLES) >= 40


@pytest.mark.parametrize("path", CLEAN_ARTICLES, ids=[p.name for p in CLEAN_ARTICLES])
def test_clean_articles_stay_unchanged(engine, path):
    text = path.read_text(encoding="utf-8")
    result = engine.normalize(text)
    assert [(e.original, e.replacement, e.rule) for e in result.applied] == []


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[c["note"] for c in KNOWN_FAILURES])
def test_known_failures_still_fail(engine, case):
    assert engine.normalize(case["input"]).text != case["expected"]


def _name_pairs() -> list[tuple[str, str]]:
    lines = (NAMES / "corrupted.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(row[0], row[1]) for row in rows if row[0] != "wrong"]


def test_corrupted_names_are_corrected_and_never_miscorrected(engine):
    """Each corrupted gazetteer name, alone in a sentence: at least 90% fixed, none changed
    into anything but the right name."""
    pairs = _name_pairs()
    assert len(pairs) >= 100
    fixed = wrong = 0
    failures = []
    for bad, good in pairs:
        text = f"On Tuesday {bad} arrived for the talks."
        out = engine.normalize(text).text
        if out == f"On Tuesday {good} arrived for the talks.":
            fixed += 1
        elif out != text:
            wrong += 1
            failures.append((bad, good, out))
    assert wrong == 0, failures
    assert fixed / len(pairs) >= 0.9


def test_rare_real_names_are_never_changed(engine):
    names = [
        line.strip()
        for line in (NAMES / "protected.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(names) >= 100
    text = "\n\n".join(f"Officials said {name} would attend the meeting." for name in names)
    result = engine.normalize(text)
    assert [(e.original, e.replacement) for e in result.applied] == []
