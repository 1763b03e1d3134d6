"""What a document's own words say of a typo's reading."""

from __future__ import annotations

from collections import Counter

import pytest

from normalizer import Normalizer
from normalizer.correction.document_usage import DocumentUsage
from normalizer.tokens import word_types

STORY = (
    "Flooding hit the coast on Monday after two days of heavy rain, and officials said more "
    "was expected. Residents of low streets were told to leave their homes before dark, "
    "while crews worked through the night to clear drains. The flooding closed schools in "
    "three towns, and power was cut to thousands of houses along the river, where water "
    "rose faster than anyone had predicted. Forecasters said conditions would ease by Friday."
)


def test_a_rare_word_the_text_uses_gains_and_a_frequent_one_hardly(speller):
    usage = DocumentUsage(word_types(STORY))
    assert usage.used("flooding") == 2  # Title Case and lowercase alike
    assert usage.lift(speller, "flooding") > 1.0
    # 'the' is used about as often as wordfreq expects of 60 words: log10(2) at most
    assert 0 < usage.lift(speller, "the") < 0.2
    assert usage.lift(speller, "flowing") == 0.0  # not used


def test_the_total_is_the_token_count():
    assert DocumentUsage(Counter({"a": 3, "B": 2})).total == 5


@pytest.mark.parametrize(("text", "expected"), [
    ("The storm brought flooding to the coast on Monday. Forecasters warned of"
     " life-threatening floding in the southern states.",
     "The storm brought flooding to the coast on Monday. Forecasters warned of"
     " life-threatening flooding in the southern states."),
    ("The team played its last game in June. \"This was my last vame in this format,\" he"
     " said.",
     "The team played its last game in June. \"This was my last game in this format,\" he"
     " said."),
])
def test_a_typo_reads_as_the_word_its_text_uses(text, expected):
    result = Normalizer().normalize(text)
    assert result.text == expected
    assert "the text's own use of" in result.edits[0].reason


def test_without_the_text_using_it_the_tie_stays_unresolved():
    # 'flowing', 'flooding' and 'folding' are one slip each and alike to the trigram model
    text = "Forecasters warned of life-threatening floding in the southern states."
    assert Normalizer().normalize(text).text == text


def test_a_real_word_yields_to_its_sentence_alone_not_to_the_text_using_its_rival():
    text = ("The first step is done. The second is done too, and the third will be done by "
            "Friday. Then we isolate and clone the gene.")
    assert Normalizer().normalize(text).text == text
