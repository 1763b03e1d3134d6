"""Properties that hold for any input: no exception, exact offsets, idempotence, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizer import Normalizer, Profile, apply_edits, resolve_overlaps
from normalizer.model import Edit
from normalizer.tokens import tokenize, word_types

EVERYTHING_ON = Normalizer(Profile(dehyphenate=True, typography="ascii"))

WORDS = [
    "Lavroy", "Lavrov", "Libva", "Libya", "the", "tbe", "governrnent", "Biegun", "Updates",
    "Sign up for a daily email", "inbox.", "Understand the Taliban", "Who are the Taliban?",
    "https://example.com/x", "@handle", "#tag", "10am", "0bama", "ki!led", "govern-\nment",
    "doesnâ€™t", "\u00a0", "\u200b", "\u00ad", "ﬁ", "😀", "“", "—", "\r\n", "\n", "\n\n\n",
    "  ", "\t", "Ünïcödé", "ZeIensky", "LIBVA", "Mr.", "'s", ",", ".", "?",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=40).map("".join),
)
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(text=texts)
def test_edits_are_exact_non_overlapping_and_reproduce_the_output(engine, text):
    result = engine.normalize(text)
    previous_end = -1
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start : edit.end] == edit.original
        assert edit.start >= previous_end
        assert 0.0 <= edit.confidence <= 1.0
        previous_end = max(previous_end, edit.end if edit.end > edit.start else edit.start)
    assert apply_edits(text, result.edits) == result.text


@SETTINGS
@given(text=texts)
def test_normalizing_twice_changes_nothing_the_second_time(engine, text):
    once = engine.normalize(text).text
    twice = engine.normalize(once)
    assert twice.text == once
    assert twice.applied == ()


@SETTINGS
@given(text=texts)
def test_every_option_on_keeps_offsets_exact_and_idempotent(text):
    result = EVERYTHING_ON.normalize(text)
    assert apply_edits(text, result.edits) == result.text
    assert EVERYTHING_ON.normalize(result.text).applied == ()


@SETTINGS
@given(text=texts)
def test_same_input_same_result(engine, text):
    assert engine.normalize(text).to_dict() == engine.normalize(text).to_dict()


@SETTINGS
@given(text=texts)
def test_suggest_mode_never_changes_text(engine, text):
    assert engine.check(text).text == text


def _edit(start: int, end: int, confidence: float) -> Edit:
    return Edit(start, end, "x" * (end - start), "y", "spelling", "test", confidence, "test")


def test_resolve_overlaps_keeps_the_more_confident_edit():
    kept = resolve_overlaps([_edit(0, 5, 0.6), _edit(3, 8, 0.9), _edit(8, 9, 0.5)])
    assert [(e.start, e.end) for e in kept] == [(3, 8), (8, 9)]


def test_resolve_overlaps_treats_an_insertion_inside_a_span_as_overlap():
    kept = resolve_overlaps([_edit(2, 2, 0.5), _edit(0, 5, 0.9), _edit(5, 5, 0.4)])
    assert [(e.start, e.end) for e in kept] == [(0, 5), (5, 5)]


@SETTINGS
@given(text=texts)
def test_tokenizing_selected_types_finds_the_same_tokens_as_a_full_scan(text):
    full = list(tokenize(text))
    selected = list(tokenize(text, only=set(word_types(text))))
    assert selected == full


def test_two_removals_sharing_one_dehyphenation_map_to_one_edit():
    # Found by hypothesis: the joined 'GOVERNment' ends one removed block and its moved line
    # break starts the next, so both removals touch the same earlier edit.
    text = "0\nS1GNUP foq:em0Il:GOVERN-\nment S1gNUP:em0Il"
    result = EVERYTHING_ON.normalize(text)
    assert apply_edits(text, result.edits) == result.text
    assert EVERYTHING_ON.normalize(result.text).applied == ()
