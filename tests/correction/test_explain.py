"""`explain` tells what `normalize` does to a word: its decision is the spelling stage's edit."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.explain import explain
from normalizer.lexicon import load_lexicon
from normalizer.pipeline import StageContext
from normalizer.profile import Profile

CARELESS = ("The goverment said it wuold send more troops to the regoin, and the unit tat was "
            "sent there arrived on Monday.")


@pytest.fixture(scope="module")
def ctx() -> StageContext:
    return StageContext(Profile(), load_lexicon())


def test_a_fix_made_only_in_a_carelessly_typed_text_is_explained_as_such(ctx):
    assert "unit that was" in Normalizer().normalize(CARELESS).text
    decision = explain("tat", CARELESS, ctx)["decision"]
    assert decision.startswith("fix to 'that'")
    assert "carelessly typed" in decision
    # In a text without other slips the real word stays, and explain says so.
    clean = "The unit tat was sent there arrived on Monday."
    assert Normalizer().normalize(clean).text == clean
    assert explain("tat", clean, ctx)["decision"].startswith("unchanged")


@pytest.mark.parametrize("word", ["goverment", "wuold", "regoin", "tat"])
def test_every_fix_normalize_makes_is_the_decision_explain_gives(ctx, word):
    (edit,) = [e for e in Normalizer().normalize(CARELESS).edits if e.original == word]
    assert explain(word, CARELESS, ctx)["decision"].startswith(
        f"fix to {edit.replacement!r} (confidence {edit.confidence:.2f})")


def test_a_word_alone_is_explained_as_normalize_answers_it(ctx):
    assert Normalizer().normalize("receit").text == "receipt"
    assert explain("receit", None, ctx)["decision"].startswith("fix to 'receipt'")


def test_a_word_the_text_mentions_is_explained_as_kept(ctx):
    text = 'Typing "teh" instead of "the" is a common slip.'
    assert Normalizer().normalize(text).text == text
    # The word alone reads 'the'; the text keeps it, and explain says why.
    assert explain("teh", "teh", ctx)["decision"].startswith("fix to 'the'")
    assert explain("teh", text, ctx)["decision"].startswith(
        "unchanged: the text keeps it as written")


def test_a_word_is_judged_where_it_stands_alone_not_inside_an_earlier_word(ctx):
    text = "Officials said the army sai it had left."
    assert Normalizer().normalize(text).text == "Officials said the army said it had left."
    # 'sai' first occurs inside 'said': the token judged is the one standing alone.
    report = explain("sai", text, ctx)
    assert report["decision"].startswith("fix to 'said'")
    assert report["why"] != "a common English word"
