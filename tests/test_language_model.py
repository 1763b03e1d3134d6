"""The trigram context model: OCR misreadings lose to the words they hide, in context."""

import pytest

from normalizer.language_model import (
    SENTENCE_END,
    SENTENCE_START,
    UNKNOWN_LOGPROB,
    load_language_model,
    spoken_number,
)


@pytest.fixture(scope="module")
def model():
    return load_language_model()


@pytest.mark.parametrize(("right", "wrong"), [
    ("of the", "of tho"),
    ("he said", "ho said"),
    ("and the", "aud the"),
    ("it was one of the best", "it was ono of the best"),
    ("they were there", "they wore there"),
    ("it has been said", "it has boon said"),
    ("there are many", "there arc many"),
    ("waiting for the train", "waiting tor the train"),
])
def test_real_word_ocr_errors_score_far_below_the_intended_words(model, right, wrong):
    # A hundredfold (2 log10 units) at least: the margin the engine's decision can trust.
    assert model.score(right.split()) > model.score(wrong.split()) + 2


def test_a_rare_real_word_faces_only_weak_evidence_against_it(model):
    """"clone" is ten times rarer than "done", but in "isolate and _ the gene" the model's
    preference for "done" stays far below its verdict on a true misreading: the engine can
    keep rare real words with a real-word prior without losing "tho" -> "the"."""
    def sentence(word: str, article: str = "the") -> float:
        return model.score(["isolate", "and", word, article, "gene"])

    preference_for_done = sentence("done") - sentence("clone")
    assert preference_for_done < 2
    assert sentence("clone") - sentence("clone", "tho") > 2 * preference_for_done


def test_case_and_typographic_apostrophes_are_ignored(model):
    assert model.logprob(("Of",), "The") == model.logprob(("of",), "the")
    assert model.logprob(("I",), "don’t") == model.logprob(("i",), "don't")
    assert model.logprob(("i",), "don't") > UNKNOWN_LOGPROB


def test_only_the_last_two_context_words_count(model):
    assert model.logprob(("lost", "one", "of"), "the") == model.logprob(("one", "of"), "the")
    # ...and they do count: a trigram differs from its bigram back-off.
    assert model.logprob(("one", "of"), "the") != model.logprob(("of",), "the")


def test_unknown_words_score_below_every_known_word(model):
    assert model.logprob(("of",), "qzxjvw") == UNKNOWN_LOGPROB
    assert model.logprob((), "") == UNKNOWN_LOGPROB
    assert not model.knows("qzxjvw")
    assert model.knows("Sydney")
    assert model.logprob((), "aborn") > UNKNOWN_LOGPROB  # among the rarest CMU words


def test_words_the_cmu_model_lacks_back_off_to_symspell_counts(model):
    # "italicized" is in symspellpy's lists (also as the bigram "in italicized"), not in CMU's.
    alone = model.logprob((), "italicized")
    after_in = model.logprob(("in",), "italicized")
    assert UNKNOWN_LOGPROB < alone < model.logprob((), "the")
    assert after_in > alone
    assert model.logprob(("the",), "italicized") == alone  # no such bigram: the unigram


def test_an_unknown_context_word_is_an_unseen_history(model):
    assert model.logprob(("qzxjvw",), "the") == model.logprob((), "the")


@pytest.mark.parametrize(("digits", "spoken"), [
    ("7", "seven"), ("14", "fourteen"), ("30", "thirty"), ("59", "nine"), ("100", "hundred"),
    ("250", "fifty"), ("1900", "hundred"), ("1985", "five"), ("2000", "thousand"),
])
def test_a_number_is_its_last_word_read_aloud(digits, spoken):
    assert spoken_number(digits) == spoken


def test_numbers_in_digits_are_context_as_read_aloud(model):
    assert model.logprob(("in", "30"), "years") == model.logprob(("in", "thirty"), "years")
    # the number makes the context: years after it, not its typo's rival
    assert model.logprob(("in", "30"), "years") > model.logprob(("in", "30"), "yes") + 3
    assert model.logprob(("in",), "30") > UNKNOWN_LOGPROB
    long_digits = "1234567890"  # an identifier, no number read aloud
    assert model.logprob((), long_digits) == UNKNOWN_LOGPROB


def test_sequence_score_sums_the_words_in_their_contexts(model):
    words = ["the", "government", "said", "that"]
    expected = (model.logprob((SENTENCE_START,), "the")
                + model.logprob((SENTENCE_START, "the"), "government")
                + model.logprob(("the", "government"), "said")
                + model.logprob(("government", "said"), "that")
                + model.logprob(("said", "that"), SENTENCE_END))
    assert model.score(words, start=True, end=True) == pytest.approx(expected)
    assert model.score(["said", "that"], context=("the", "government")) == pytest.approx(
        model.logprob(("the", "government"), "said") + model.logprob(("government", "said"), "that"))
    assert model.score([]) == 0.0


def test_sentence_start_is_context(model):
    assert model.score(["the"], start=True) > model.score(["the"], context=("the",))


def test_memoized_answers_do_not_drift(model):
    first = model.logprob(("isolate", "and"), "clone")
    assert [model.logprob(("isolate", "and"), "clone") for _ in range(3)] == [first] * 3


def test_one_model_per_process(model):
    assert load_language_model() is model
