"""Learning a collection: the map and reduce steps, the vocabulary rules, the profile files."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from normalizer import Normalizer
from normalizer.corpus_corrections import CorpusCorrection, case_class
from normalizer.correction.explain import explain
from normalizer.correction.speller import speller_for
from normalizer.learn import (
    HabitCounts,
    count_document,
    habits_of,
    learn_collection,
    merge_counts,
    merge_evidence,
    observe,
    observe_corpus,
    render_files,
    render_report,
)
from normalizer.learn.consistency import MIN_WORD_SHARE, DecisionCounts, corpus_corrections
from normalizer.learn.habits import (
    MAX_CHANCE,
    MIN_DOCUMENTS,
    MIN_GAIN,
    chance_of,
    confusion_of,
    rate_changes,
)
from normalizer.learn.vocabulary import MAX_VARIANT_COST
from normalizer.lexicon import load_lexicon
from normalizer.pipeline import StageContext
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


@pytest.fixture(scope="module")
def archive() -> Normalizer:
    return Normalizer("archive")


def test_observing_in_worker_processes_equals_one_process(archive: Normalizer) -> None:
    texts = [f"{LOCAL[i % 4]} Tho cattle wero sold on day {i}." for i in range(20)]
    one = observe_corpus(texts, archive, jobs=1)
    assert observe_corpus(texts, archive, jobs=2) == one
    assert one == merge_evidence(observe(text, archive) for text in texts)
    assert one.counts == merge_counts(map(count_document, texts))
    assert one.habits.confusions[("o", "e")] == 40  # 'Tho' and 'wero', confidently fixed


def _learn(texts: list[str]):
    return learn_collection(texts, "archive")


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
    assert sorted(p.name for p in first) == [
        "coll.candidates.tsv", "coll.confusions.tsv", "coll.corrections.tsv", "coll.names.tsv",
        "coll.ngrams.tsv", "coll.toml"]
    assert 'gazetteer-files = ["coll.names.tsv"]' in first[path]


def test_report_lists_names_candidates_and_counts() -> None:
    texts = [*LOCAL, "The sheep were sold at noon."]
    report = render_report(_learn(texts))
    assert "Learned from 5 documents" in report
    assert "Tarrawouga (1) -> Tarrawonga (3)" in report
    assert "Context (1 n-grams printed at least 3 times" in report
    assert "      3  <s> the\n" in report  # three sentences open with 'The'; no other pair
    # limited: names, candidates and n-grams each hide one; there are no habits
    assert render_report(_learn(texts), limit=0).count("... and 1 more") == 3


@pytest.mark.parametrize(("observed", "intended", "pair"), [
    ("tho", "the", ("o", "e")),
    ("Tlie", "The", ("li", "h")),
    ("goverment", "government", ("r", "rn")),  # a lost letter carries the one before it
    ("tbero", "there", None),  # two places
    ("thoro", "there", None),  # 'oro' for 'ere': two confusions around a kept 'r'
    ("the", "the", None),
])
def test_confusion_of_a_fix(observed: str, intended: str, pair) -> None:
    assert confusion_of(observed, intended) == pair


def test_rate_changes_keep_habits_the_channel_underrates(speller) -> None:
    channel = speller.channel
    habits = HabitCounts(
        Counter({("lio", "he"): 40, ("o", "e"): 40, ("zq", "ab"): 2}),
        Counter({"he": 400, "e": 100_000, "ab": 10}),
        Counter({("lio", "he"): MIN_DOCUMENTS, ("o", "e"): 20, ("zq", "ab"): 2}),
    )
    [change] = rate_changes(habits, channel)
    assert (change.observed, change.intended, change.count, change.total) == ("lio", "he", 40, 400)
    assert change.cost == 1.0  # -log10(40 / 400)
    assert change.base_cost is not None and change.cost <= change.base_cost - MIN_GAIN
    # 'o' for 'e' 40 times in 100,000 is rarer than the channel says; 'zq' is seen twice only


def test_a_habit_of_one_or_two_documents_is_no_habit_of_the_collection(speller) -> None:
    confusions = Counter({("lio", "he"): 40})
    segments = Counter({"he": 400})
    few = HabitCounts(confusions, segments, Counter({("lio", "he"): MIN_DOCUMENTS - 1}))
    assert rate_changes(few, speller.channel) == []
    many = HabitCounts(confusions, segments, Counter({("lio", "he"): MIN_DOCUMENTS}))
    assert [(c.observed, c.intended) for c in rate_changes(many, speller.channel)] == [
        ("lio", "he")]


def test_a_habit_must_be_more_than_chance_under_the_channel_rate(speller) -> None:
    base = speller.channel.confusion_cost("lio", "he")
    assert base is not None
    # five fixes where the channel's rate expects about two: cheap enough, but chance
    total = round(5 * 10 ** (base - MIN_GAIN - 0.05))
    assert chance_of(5, total, base) > MAX_CHANCE
    documents = Counter({("lio", "he"): MIN_DOCUMENTS})
    few = HabitCounts(Counter({("lio", "he"): 5}), Counter({"he": total}), documents)
    assert rate_changes(few, speller.channel) == []
    # the same rate from four times the evidence is a habit
    assert chance_of(20, 4 * total, base) < MAX_CHANCE
    many = HabitCounts(Counter({("lio", "he"): 20}), Counter({"he": 4 * total}), documents)
    assert [c.count for c in rate_changes(many, speller.channel)] == [20]


def test_chance_of_is_the_poisson_tail() -> None:
    expected = 2.0
    direct = 1 - sum(math.exp(-expected) * expected**k / math.factorial(k) for k in range(5))
    assert chance_of(5, 1000, -math.log10(expected / 1000)) == pytest.approx(direct)


def test_habits_count_the_documents_that_show_a_confusion() -> None:
    engine = Normalizer("archive")
    one = habits_of(engine.normalize("Tlie cattle and tlie sheep were sold."))
    assert one.confusions["li", "h"] == 2 and one.documents["li", "h"] == 1
    both = one.merge(one)
    assert both.confusions["li", "h"] == 4 and both.documents["li", "h"] == 2


def test_a_learned_confusions_file_lowers_the_engine_cost(tmp_path: Path, speller) -> None:
    (tmp_path / "c.toml").write_text(
        'profile = "archive"\nconfusions-file = "c.tsv"\n', encoding="utf-8")
    (tmp_path / "c.tsv").write_text(
        "observed\tintended\tcount\ttotal\tcost\nlio\the\t40\t400\t1.000\n",
        encoding="utf-8")
    profile = load_config(tmp_path / "c.toml").profile
    assert profile.confusions_file == tmp_path / "c.tsv"
    learned = speller_for(speller.lexicon, profile.channel, profile.confusions_file)
    assert learned.cost("tlio", "the") == 1.0 < speller.cost("tlio", "the")


HO = [
    "The man was sent to gaol. Ho was also charged with theft.",
    "The prisoner pleaded guilty. Ho said he was sorry.",
    "The constable gave evidence. Ho found the horse in a paddock.",
    "He was sent to gaol with hard labour Ho was also charged with theft.",
]


def test_a_spelling_corrected_in_most_occurrences_is_a_corpus_correction() -> None:
    [correction] = _learn(HO).corrections
    assert (correction.variant, correction.target, correction.changed, correction.seen) == (
        "Ho", "He", 3, 4)
    assert _learn(HO[:2] + HO[3:]).corrections == ()  # two corrections are no habit yet


def test_a_word_needs_a_larger_majority_than_a_misreading(speller) -> None:
    evidence = DecisionCounts(Counter({"wore": 10, "ho": 10}),
                              Counter({("wore", "were"): 7, ("ho", "he"): 7}))
    assert [(c.variant, c.target) for c in corpus_corrections(evidence, speller)] == [
        ("ho", "he")]
    evidence.changed["wore", "were"] = round(MIN_WORD_SHARE * 10)
    assert {c.variant for c in corpus_corrections(evidence, speller)} == {"ho", "wore"}


def test_a_capitalized_spelling_counts_with_its_lowercase(speller) -> None:
    # 'tho' corrected in 5 of 5, 'Tho' (after a lost full stop) in 1 of 2: together 6 of 7
    evidence = DecisionCounts(Counter({"tho": 5, "Tho": 2}),
                              Counter({("tho", "the"): 5, ("Tho", "The"): 1}))
    assert [(c.variant, c.target, c.changed, c.seen)
            for c in corpus_corrections(evidence, speller)] == [
        ("Tho", "The", 6, 7), ("tho", "the", 6, 7)]
    # a capitalized spelling left in most of its occurrences outweighs its lowercase
    evidence.seen["Tho"] = 20
    assert corpus_corrections(evidence, speller) == []
    # other shapes keep their own counts: 'THO' is no member of 'tho'
    evidence = DecisionCounts(Counter({"tho": 5, "THO": 3}), Counter({("tho", "the"): 5}))
    assert [c.variant for c in corpus_corrections(evidence, speller)] == ["tho"]


def test_a_spelling_the_engine_never_corrected_gets_no_row(speller) -> None:
    # 'Tbe' stayed in both its occurrences: the class holds, but no row for 'Tbe' itself
    evidence = DecisionCounts(Counter({"tbe": 6, "Tbe": 2}), Counter({("tbe", "the"): 6}))
    assert [c.variant for c in corpus_corrections(evidence, speller)] == ["tbe"]


def test_two_capitalized_letters_count_apart_from_their_lowercase(speller) -> None:
    # 'Wo' may be initials or an abbreviation: its own 1 of 2 is too few, whatever 'wo' is
    evidence = DecisionCounts(Counter({"wo": 6, "Wo": 2}),
                              Counter({("wo", "we"): 6, ("Wo", "We"): 1}))
    assert [(c.variant, c.changed, c.seen) for c in corpus_corrections(evidence, speller)] == [
        ("wo", 6, 6)]
    assert case_class("Wo") == "Wo" and case_class("Tho") == "tho" and case_class("THO") == "THO"


def test_the_reason_names_the_counts_it_quotes() -> None:
    assert CorpusCorrection("Tho", "The", 626, 642).spelling() == "'Tho' (capitalized or not)"
    assert CorpusCorrection("Ho", "He", 24, 37).spelling() == "'Ho'"
    assert CorpusCorrection("THO", "THE", 3, 3).spelling() == "'THO'"


def test_a_capitalized_target_stays_capitalized_for_every_case(speller) -> None:
    evidence = DecisionCounts(Counter({"lohn": 4, "Lohn": 1}),
                              Counter({("lohn", "John"): 3, ("Lohn", "John"): 1}))
    assert {(c.variant, c.target) for c in corpus_corrections(evidence, speller)} == {
        ("lohn", "John"), ("Lohn", "John")}


def test_a_clean_word_is_never_a_corpus_correction(speller) -> None:
    evidence = DecisionCounts(Counter({"cattle": 5}), Counter({("cattle", "castle"): 5}))
    assert corpus_corrections(evidence, speller) == []


def test_the_learned_profile_corrects_the_occurrence_the_engine_left(tmp_path: Path) -> None:
    learned = _learn(HO)
    files = render_files(learned, tmp_path / "coll.toml")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    assert files[tmp_path / "coll.corrections.tsv"].splitlines()[-1] == "Ho\tHe\t3\t4"
    engine = Normalizer(load_config(tmp_path / "coll.toml").profile)
    result = engine.normalize(HO[3])
    assert result.text == HO[3].replace("Ho", "He")
    [edit] = result.applied
    assert edit.rule == "ocr.corpus" and "3 of its 4 occurrences" in edit.reason
    assert "corrected 'Ho' to 'He'" in edit.reason
    assert engine.normalize(result.text).text == result.text  # idempotent
    allowed = Normalizer(engine.profile.with_overrides(allow=["ho"]))
    assert allowed.normalize(HO[3]).text == HO[3]
    broken = "the old Ho-\nward Street"
    assert engine.normalize(broken).text == broken  # half of a broken word
    assert "Ho -> He  3/4" in render_report(learned)
    ctx = StageContext(engine.profile, engine.lexicon)
    said = explain("Ho", HO[3], ctx)["decision"]
    assert said.startswith("fix to 'He' (confidence 0.90): corpus consistency")
    assert explain("Ho", HO[3], StageContext(allowed.profile, engine.lexicon))["decision"] \
        .startswith("unchanged")
