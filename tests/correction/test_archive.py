"""The `archive` profile: real-word errors decided in context, the learned OCR channel, and
real words that stay (tests/cases/archive); its selection by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer import ConfigError, Normalizer, apply_edits, named_profile
from normalizer.correction.explain import explain
from normalizer.pipeline import StageContext
from normalizer.profile import parse_config, profile_names

CASES = Path(__file__).resolve().parents[1] / "cases" / "archive"
POSITIVE = json.loads((CASES / "positive.json").read_text(encoding="utf-8"))
NEGATIVE = json.loads((CASES / "negative.json").read_text(encoding="utf-8"))
GLYPH_CASE = json.loads((CASES / "glyph_case.json").read_text(encoding="utf-8"))
ARCHIVE = Normalizer(profile="archive")
DEFAULT = Normalizer()


@pytest.mark.parametrize("case", POSITIVE, ids=[c["note"] for c in POSITIVE])
def test_archive_fixes(case):
    result = ARCHIVE.normalize(case["input"])
    assert result.text == case["expected"]
    assert all(e.reason for e in result.applied)


@pytest.mark.parametrize("case", GLYPH_CASE, ids=[c["note"] for c in GLYPH_CASE])
def test_case_from_glyphs_in_both_profiles(case):
    assert ARCHIVE.normalize(case["input"]).text == case["expected"]
    assert DEFAULT.normalize(case["input"]).text == case["expected"]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_real_words_stay_in_both_profiles(text):
    assert ARCHIVE.normalize(text).applied == ()
    assert DEFAULT.normalize(text).applied == ()


@pytest.mark.parametrize("text", [
    "It was cold, tho the sun was out.", "I like it tho.", "Good game tho.",
])
def test_the_default_profile_leaves_real_words_to_strong_evidence(text):
    assert DEFAULT.normalize(text).text == text


def test_the_default_profile_reads_a_real_word_its_sentence_rules_out():
    assert DEFAULT.normalize("It was in tho morning.").text == "It was in the morning."


def test_archive_output_is_a_fixed_point():
    text = " ".join(c["input"] for c in POSITIVE)
    once = ARCHIVE.normalize(text).text
    assert ARCHIVE.normalize(once).applied == ()


def test_named_profiles_ship_with_the_package():
    assert profile_names() == ["default", "archive"]
    archive = named_profile("archive")
    assert archive.channel == "learned" and archive.context_model and archive.threshold < 0.8
    assert named_profile("default") == DEFAULT.profile


def test_a_config_file_starts_from_a_named_profile_and_refines_it():
    profile = parse_config({"profile": "archive", "threshold": 0.7}, Path(".")).profile
    assert profile.name == "archive" and profile.channel == "learned"
    assert profile.threshold == 0.7


def test_an_unknown_profile_is_an_error_naming_the_known_ones():
    with pytest.raises(ConfigError, match="known: default, archive"):
        parse_config({"profile": "museum"}, Path("."))
    with pytest.raises(ConfigError, match="profile: expected a string"):
        parse_config({"profile": 3}, Path("."))


def test_the_channel_key_is_checked():
    with pytest.raises(ConfigError, match="channel"):
        parse_config({"channel": "psychic"}, Path("."))


WORDS = ["tho", "ho", "aud", "arc", "boon", "wore", "pooplo", "con-\ndemned", "repre\nsentative",
         "5tate", "lsraeli", "Tho", "the", "and", "clone", "gene", ".", ",", "\n", "\n\n", "teh"]


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_archive_offsets_are_exact_and_the_output_a_fixed_point(text):
    result = ARCHIVE.normalize(text)
    assert apply_edits(text, result.edits) == result.text
    assert ARCHIVE.normalize(result.text).applied == ()


def _explain(word: str, context: str) -> dict:
    return explain(word, context, StageContext(ARCHIVE.profile, ARCHIVE.lexicon))


def test_explain_gives_the_context_search_its_say():
    text = "Many ol tho houses were burnt."
    info = _explain("ol", text)  # two letters: checked in context only
    assert info["why"].startswith("decided in context")
    assert info["candidates"][0]["candidate"] == "of"
    assert info["decision"].startswith("fix to 'of'")
    assert "reading 'the' for 'tho' beside it" in info["decision"]
    (edit,) = [e for e in ARCHIVE.normalize(text).edits if e.original == "ol"]
    assert info["decision"].endswith(edit.reason)
    kept = _explain("clone", "Scientists were able to isolate and clone the gene.")
    assert kept["decision"].startswith("unchanged")
    assert [c["candidate"] for c in kept["candidates"]] == ["done"]
