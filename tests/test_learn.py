"""Learning a collection: the map and reduce steps, the vocabulary rules, the profile files."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer import Normalizer
from normalizer.correction.candidates import speller_for
from normalizer.learn import (
    count_corpus,
    count_document,
    learn_collection,
    merge_counts,
    render_files,
    render_report,
)
from normalizer.learn.vocabulary import MAX_VARIANT_COST
from normalizer.lexicon import load_lexicon
from normalizer.profile import load_config, named_profile

LOCAL = [
    "The sheep sale at Tarrawonga was well attended on Monday.",
    "Mr. Smith of Tarrawonga has returned from the coast.",
    "Rain fell heavily near Tarrawonga during the week.",
    "The road from Tarrawouga to the river is closed.",
]


@pytest.fixture(scope="module")
def speller():
    profile = named_profile("archive")
    return speller_for(load_lexicon(profile.gazetteer_files), profile.channel)


def test_count_document_counts_types_and_documents() -> None:
    counts = count_document("Russia's army and Russia. The army, the sea.")
    assert counts.document_count == 1
    assert counts.occurrences["Russia"] == 2
    assert counts.occurrences["army"] == 2
    assert counts.documents["army"] == 1


def test_count_document_skips_the_halves_of_a_broken_word() -> None:
    counts = count_document("a great opera-\ntion and a well-\n  known man")
    assert "opera" not in counts.occurrences and "tion" not in counts.occurrences
    assert "known" not in counts.occurrences
    assert counts.occurrences["great"] == 1


def test_merge_is_the_sum_and_does_not_depend_on_grouping() -> None:
    a, b, c = (count_document(text) for text in LOCAL[:3])
    left = a.merge(b).merge(c)
    right = a.merge(b.merge(c))
    assert left == right == merge_counts([c, a, b])
    assert left.document_count == 3
    assert left.documents["Tarrawonga"] == 3
    assert left.occurrences["the"] == 1 + 1  # 'the coast', 'the week'
    assert a == count_document(LOCAL[0])  # merging changed no operand


def test_count_corpus_in_worker_processes_equals_one_process() -> None:
    texts = [f"{line} Document {i}." for i in range(40) for line in LOCAL[i % 4 : i % 4 + 1]]
    assert count_corpus(texts, jobs=2) == count_corpus(texts, jobs=1) == merge_counts(
        map(count_document, texts))


def _learn(texts: list[str]):
    return learn_collection(merge_counts(map(count_document, texts)), "archive")


def test_a_name_recurring_across_documents_is_trusted() -> None:
    learned = _learn(LOCAL)
    assert [(w.word, w.occurrences, w.documents) for w in learned.names] == [
        ("Tarrawonga", 3, 3)]


def test_a_name_in_two_documents_is_not_trusted() -> None:
    assert _learn(LOCAL[:2]).names == ()


def test_a_recurring_misreading_of_a_word_is_not_trusted() -> None:
    texts = [f"Tbe cattle were sold at noon in town {i}." for i in range(5)]
    assert _learn(texts).names == ()


def test_a_one_confusion_rare_variant_is_a_candidate(speller) -> None:
    learned = _learn(LOCAL)
    [candidate] = learned.candidates
    assert (candidate.variant, candidate.target) == ("Tarrawouga", "Tarrawonga")
    assert candidate.cost == round(speller.cost("Tarrawouga", "Tarrawonga"), 2)
    assert "n->u" in candidate.explanation


def test_a_real_rare_name_the_channel_does_not_explain_is_no_candidate(speller) -> None:
    texts = [*LOCAL[:3], "The Tarrabenga run was sold on Monday."]
    assert speller.cost("Tarrabenga", "Tarrawonga") > MAX_VARIANT_COST
    assert _learn(texts).candidates == ()


def test_the_learned_profile_fixes_the_variant_and_keeps_the_rare_name(tmp_path: Path) -> None:
    files = render_files(_learn(LOCAL), tmp_path / "coll.toml")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    learned = Normalizer(load_config(tmp_path / "coll.toml").profile)
    plain = Normalizer("archive")
    text = "The road from Tarrawouga to Tarrabenga is closed."
    assert plain.normalize(text).text == text
    assert learned.normalize(text).text == "The road from Tarrawonga to Tarrabenga is closed."


def test_learning_is_deterministic_whatever_the_document_order(tmp_path: Path) -> None:
    path = tmp_path / "coll.toml"
    first = render_files(_learn(LOCAL), path)
    second = render_files(_learn(LOCAL[::-1]), path)
    assert first == second
    assert sorted(p.name for p in first) == ["coll.candidates.tsv", "coll.names.tsv", "coll.toml"]
    assert 'gazetteer-files = ["coll.names.tsv"]' in first[path]


def test_report_lists_names_candidates_and_counts() -> None:
    report = render_report(_learn(LOCAL))
    assert "Learned from 4 documents" in report
    assert "Tarrawouga (1) -> Tarrawonga (3)" in report
    assert render_report(_learn(LOCAL), limit=0).count("... and 1 more") == 2
