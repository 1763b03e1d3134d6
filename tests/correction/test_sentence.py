"""The context-model decision of lowercase words (the archive profile's)."""

from __future__ import annotations

import bisect

import pytest

from normalizer import Normalizer
from normalizer.correction import sentence, sentence_targets
from normalizer.correction.context import SENTENCE_BREAK, WORD
from normalizer.correction.speller import speller_for
from normalizer.tokens import Token, tokenize

ARCHIVE = Normalizer(profile="archive")
DEFAULT = Normalizer()


@pytest.fixture(scope="module")
def learned(lexicon):
    return speller_for(lexicon, "learned")


@pytest.mark.parametrize("text", [
    "He said so. Then aud left!\n\nWhy? Because; tho: end",
    "One \n \n\t\nTwo\u2028\u2028three\x1c\n\xa0\nfour\r\n\r\nfive",
    "Erdoğan’s ‘no’… é.à !ater !s it?", "no break at all", "a", ".a.", "!a",
])
def test_the_sentences_of_targets_are_those_a_scan_of_every_break_finds(text):
    """Found from each target, the spans between the breaks a scan of the text finds, at
    every token start and OCR '!' (which is a break itself)."""
    breaks = [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(text)]
    starts = [start for start, _ in breaks]

    def plain(targets):
        indices = sorted({bisect.bisect_right(starts, target) for target in targets})
        return [(breaks[i - 1][1] if i else 0, breaks[i][0] if i < len(breaks) else len(text))
                for i in indices]

    places = [i for i, c in enumerate(text) if c.isalpha() or c == "!"]
    for n, target in enumerate(places):
        assert sentence.sentence_spans(text, {target}) == plain({target})
        assert sentence.sentence_spans(text, places[n::3]) == plain(places[n::3])


def test_the_real_word_margin_needs_strong_context_evidence(learned):
    def margin(text, word, rival, cost):
        start = text.index(word)
        return sentence.real_word_margin(learned, text,
                                         Token(start, start + len(word), word, word), rival, cost)

    assert margin("It was in tho morning that he came.", "tho", "the", 1.1) > 0
    assert margin("Scientists were able to isolate and clone the gene.", "clone", "done",
                  2.4) < 0


def _targets(learned, text):
    return {m.start() for m in WORD.finditer(text) if sentence_targets.is_target(learned, m.group(), True)}


def _fixes(text, targets, learned):
    return [(e.original, e.replacement) for e in sentence.propose(text, targets, learned, ())
            if e.confidence >= 0.6]


def test_two_neighbouring_errors_are_fixed_together(learned):
    text = "Many ol tho houses were burnt."
    both = {text.index("ol"), text.index("tho")}
    # Beside 'tho' as written, 'ol' has no case for 'of'; read together, both are fixed.
    assert _fixes(text, {text.index("ol")}, learned) == []
    edits = sentence.propose(text, both, learned, allow=())
    assert [(e.original, e.replacement) for e in edits] == [("ol", "of"), ("tho", "the")]
    assert all(e.confidence > 0.9 for e in edits)
    assert all(text[e.start : e.end] == e.original and e.rule == "ocr.context" for e in edits)
    assert "reading 'the' for 'tho' beside it" in edits[0].reason
    assert "reading 'of' for 'ol' beside it" in edits[1].reason


def test_a_real_word_without_strong_evidence_stays_among_fixed_neighbours(learned):
    text = "They will isolate aud clone tho gene."
    assert "clone" in "".join(text.split()) and sentence_targets.is_target(learned, "clone", True)
    assert _fixes(text, _targets(learned, text), learned) == [("aud", "and"), ("tho", "the")]


def test_isolated_targets_are_decided_in_separate_runs(learned):
    text = "It was in tho morning that he came to the house of ono friend."
    words, hypotheses = sentence._sentences(text, {text.index("tho"), text.index("ono")},
                                            learned)[0]
    runs = sentence._runs(words, hypotheses)
    assert [[s.word for s in run.slots] for run in runs] == [
        ["tho", "morning", "that"], ["ono", "friend"],
    ]
    assert [run.history for run in runs] == [("was", "in"), ("house", "of")]


def test_allowed_words_are_left_alone(learned):
    text = "It was in tho morning."
    assert sentence.propose(text, {text.index("tho")}, learned, allow={"tho"}) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("He bad been there before.", [("bad", "had")]),
    ("It was a bad day for the farmers.", []),
    ("The meeting was hold in the hall.", [("hold", "held")]),
    ("They hold the land.", []),
])
def test_a_less_frequent_real_word_yields_only_to_strong_context(learned, text, fixed):
    assert sentence_targets.is_target(learned, "bad", True) and not sentence_targets.is_target(learned, "house", True)
    assert _fixes(text, _targets(learned, text), learned) == fixed


@pytest.mark.parametrize(("text", "fixed"), [
    ("The prisoner m no way combatted the allegations.",
     "The prisoner in no way combatted the allegations."),
    ("He assaulted n constable in the execution of his duty.",
     "He assaulted a constable in the execution of his duty."),
])
def test_a_lone_letter_is_read_as_the_short_word_its_sentence_wants(text, fixed):
    assert ARCHIVE.normalize(text).text == fixed
    assert DEFAULT.normalize(text).text == text  # the default profile leaves letters alone


@pytest.mark.parametrize("text", [
    "The letter x marks the spot.",
    "Plan b is better.",
    "The vitamin c content is high.",
    "It opens at 10 a m and closes at 4 p m daily.",
    "It cost 2 s 6 d in all.",
])
def test_a_letter_that_is_meant_stays(text):
    assert ARCHIVE.normalize(text).text == text


class _CountingModel:
    """A context model that counts its queries."""

    def __init__(self, model):
        self.model, self.queries = model, 0

    def logprob(self, context, word):
        self.queries += 1
        return self.model.logprob(context, word)

    def knows(self, word):
        return self.model.knows(word)


def test_a_run_dense_with_targets_weighs_at_most_three_choices_per_word(speller, monkeypatch):
    counting = _CountingModel(speller.language_model)
    monkeypatch.setitem(speller.__dict__, "language_model", counting)
    words = ["ho", "bo", "aro", "tho", "aud", "thw", "vist", "teh"] * 5
    text = " ".join(words) + "."
    targets = {t.start for t in tokenize(text)}
    judgements = sentence.judge(text, targets, speller, (), typos=True)
    assert len(judgements) == len(words)
    assert all(len(j.choices) <= sentence.DENSE_RUN_CHOICES for j in judgements)
    # Two searches at most (the second with the page's adapted channel), 3³ queries per word.
    assert counting.queries <= 2 * sentence.DENSE_RUN_CHOICES ** 3 * (len(words) + 2)


def test_a_long_unknown_word_keeps_less_in_typed_text(speller):
    # 'camoulage' (9 letters) is 'camouflage' with its f left out more likely than a word
    # of its own
    text = "Volunteers loaded pickup trucks with camoulage netting and tourniquets."
    start = text.index("camoulage")
    typed = sentence.judge(text, {start}, speller, (), typos=True)
    assert typed[0].choices[typed[0].chosen].word == "camouflage"
    assert typed[0].share(typed[0].chosen) >= DEFAULT.profile.threshold
