"""A collection's clean-text n-grams: what is counted, and how they mix into the context model."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from normalizer.collection_model import CollectionModel, load_collection_model, read_counts
from normalizer.correction.speller import speller_for
from normalizer.language_model import SENTENCE_START, load_language_model
from normalizer.learn.ngrams import count_ngrams, prune, render_counts
from normalizer.lexicon import load_lexicon
from normalizer.profile import ConfigError, load_config


@pytest.fixture(scope="module")
def speller():
    return speller_for(load_lexicon(), "learned")


def test_only_runs_of_clean_words_are_counted(speller) -> None:
    counts = count_ngrams("The Senate met in tho morning. It voted on the bill 12 to 3.", speller)
    assert counts[(SENTENCE_START, "the", "senate")] == 1
    assert counts[("senate", "met", "in")] == 1
    # 'tho' is a misreading far more often than a word: it breaks the run and is not counted
    assert not any("tho" in gram for gram in counts)
    assert ("in", "morning") not in counts
    assert counts[(SENTENCE_START, "it", "voted")] == 1  # 'it' is rarely a misreading
    assert ("bill", "to") not in counts  # a number breaks the run
    assert ("senate",) not in counts  # single words are no context


def test_prune_and_render_keep_frequent_ngrams_most_frequent_first(tmp_path: Path, speller) -> None:
    counts = count_ngrams("The Senate met. The Senate rose. The House met.", speller)
    kept = prune(counts, 2)
    assert kept[("the", "senate")] == 2 and ("the", "house") not in kept
    path = tmp_path / "c.ngrams.tsv"
    path.write_text(render_counts(kept, "from a test"), encoding="utf-8")
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    assert lines[:3] == ["ngram\tcount", "<s> the\t3", "<s> the senate\t2"]
    assert read_counts(path) == dict(kept)


def test_a_malformed_counts_table_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("ngram\tcount\nthe senate\t2\nthe\tmany\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:3"):
        read_counts(path)
    path.write_text("ngram\tcount\na b c d\t2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2: expected one to three words"):
        read_counts(path)


COUNTS = {("the", "senate"): 3, ("senate", "adjourned"): 2, ("the", "senate", "adjourned"): 2}


def test_witten_bell_backs_off_to_the_general_model_in_proportion_to_the_followers_seen(
) -> None:
    model = CollectionModel(load_language_model(), COUNTS)
    base = 0.01  # the general model's P(w | h)
    assert model.collection_probability((), "senate", base) == base  # no word frequencies
    # 'the' was followed 3 times by one word: (3 + 1 * base) / (3 + 1)
    assert model.collection_probability(("the",), "senate", base) == pytest.approx(
        (3 + base) / 4)
    assert model.collection_probability(("the",), "house", base) == pytest.approx(base / 4)
    assert model.collection_probability(("of", "the"), "senate", base) == pytest.approx(
        model.collection_probability(("the",), "senate", base))  # unseen history: back off
    assert model.collection_probability(("a",), "senate", base) == base


def test_the_mixture_lifts_the_collections_phrases_and_keeps_the_general_model_elsewhere(
) -> None:
    general = load_language_model()
    model = CollectionModel(general, COUNTS, weight=0.3)
    lifted = model.logprob(("the",), "senate")
    p_general = 10 ** general.logprob(("the",), "senate")
    expected = math.log10(0.3 * model.collection_probability(("the",), "senate", p_general)
                          + 0.7 * p_general)
    assert lifted == pytest.approx(expected) and lifted > general.logprob(("the",), "senate")
    # after words the collection has no counts for, and for a frequent word alone, the
    # general model decides unchanged: no lift for frequency
    assert model.logprob(("a",), "senate") == pytest.approx(general.logprob(("a",), "senate"))
    assert model.logprob((), "senate") == pytest.approx(general.logprob((), "senate"))
    assert model.logprob(("the",), "house") < general.logprob(("the",), "house")
    assert model.score(["the", "senate", "adjourned"]) > general.score(
        ["the", "senate", "adjourned"])
    with pytest.raises(ValueError, match="weight"):
        CollectionModel(general, COUNTS, weight=1.0)


def test_a_profile_with_context_counts_decides_with_the_mixed_model(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text(
        'profile = "archive"\ncontext-counts = "c.ngrams.tsv"\n', encoding="utf-8")
    (tmp_path / "c.ngrams.tsv").write_text(render_counts(COUNTS, "from a test"),
                                           encoding="utf-8")
    profile = load_config(tmp_path / "c.toml").profile
    assert profile.context_counts == tmp_path / "c.ngrams.tsv"
    speller = speller_for(load_lexicon(), profile.channel, profile.confusions_file,
                          profile.context_counts)
    assert speller.language_model is load_collection_model(tmp_path / "c.ngrams.tsv")
    assert speller_for(load_lexicon(), profile.channel).language_model is load_language_model()


def test_a_missing_counts_table_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text(
        'profile = "archive"\ncontext-counts = "gone.tsv"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"context-counts: .*gone.tsv: no such file"):
        load_config(tmp_path / "c.toml")
