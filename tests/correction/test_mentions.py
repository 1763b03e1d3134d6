"""Words mentioned, not used, get no edit."""

from __future__ import annotations

import pytest

from normalizer.correction import passes
from normalizer.correction.mentions import mentioned
from normalizer.lexicon import load_lexicon
from normalizer.model import Edit
from normalizer.pipeline import StageContext
from normalizer.profile import Profile


def _ctx() -> StageContext:
    return StageContext(Profile(), load_lexicon())


def _edit(text: str, word: str, replacement: str) -> Edit:
    start = text.index(word)
    return Edit(start=start, end=start + len(word), original=word, replacement=replacement,
                kind="spelling", rule="spelling.misspellings", confidence=0.99, reason="")


@pytest.mark.parametrize("text", [
    "doc: fix typo occuring -> occurring (Leko)",
    "fix typo miliseconds->milliseconds",
    "occuring → occurring",
    "occuring => Occurring",
    "occuring --> occurring.",
    'typing "occuring" instead of',
    'people type "occuring," not "occurring"',  # the comma inside the marks
])
def test_a_word_followed_by_an_arrow_to_its_fix_or_quoted_alone_is_mentioned(text):
    word = "miliseconds" if "miliseconds" in text else "occuring"
    fix = "milliseconds" if word == "miliseconds" else "occurring"
    assert mentioned(text, _edit(text, word, fix), load_lexicon())


@pytest.mark.parametrize("text", [
    "the event occuring -> see below",  # the arrow points elsewhere
    "occuring -> occurringly",  # another word that starts like the fix
    "occuring - occurring",  # a dash, no arrow
    "events occuring daily",
])
def test_otherwise_it_is_used(text):
    assert not mentioned(text, _edit(text, "occuring", "occurring"), load_lexicon())


def test_a_quoted_spelling_nobody_writes_is_a_damaged_word():
    text = 'to trigger the agreement\'s "suapback" mechanism'
    assert not mentioned(text, _edit(text, "suapback", "snapback"), load_lexicon())


def test_the_decision_leaves_a_mentioned_fix_alone():
    assert passes.propose("doc: fix typo occuring -> occurring (Leko)", _ctx()) == []
    (edit,) = passes.propose("Errors occuring at start-up are logged.", _ctx())
    assert edit.replacement == "occurring"
