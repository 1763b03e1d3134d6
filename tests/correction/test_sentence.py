"""The context-model decision of lowercase words (the archive profile's)."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction import sentence
from normalizer.correction.speller import speller_for
from normalizer.tokens import Token, tokenize

ARCHIVE = Normalizer(profile="archive")
DEFAULT = Normalizer()


@pytest.fixture(scope="module")
def learned(lexicon):
    return speller_for(lexicon, "learned")


@pytest.mark.parametrize(("surface", "target"), [
    ("tho", True), ("pooplo", True), ("Tho", True), ("the", False), ("house", False),
    ("McCain", False), ("LIBVA", False), ("x", True), ("a", False), ("X", False),
    ("l8", False),
])
def test_targets_are_lowercase_non_words_and_risky_real_words(learned, surface, target):
    assert sentence.is_target(learned, surface, True) is target


@pytest.mark.parametrize(("surface", "target"), [
    ("pooplo", True), ("thd", True), ("aud", True), ("clone", True), ("Thc", True),
    ("Hyad", True), ("the", False), ("The", False), ("arc", True), ("ore", True),
    ("cart", False), ("ae", True),
    ("te", True), ("Te", False), ("of", False), ("LIBVA", False),
    ("Hie", True), ("Bur", True),  # rare words a typist's slip from 'his', 'but'
])
def test_without_real_words_targets_are_non_words_of_three_letters_or_two_lowercase(
        learned, surface, target):
    assert sentence.is_target(learned, surface, False) is target


def test_lowercase_words_wordfreq_has_seen_get_their_nearest_words(speller):
    hypotheses = dict(sentence._hypotheses(speller, "thd", typos=True))  # Zipf 2.2
    assert "the" in hypotheses and "the" not in dict(sentence._hypotheses(speller, "thd"))
    assert "murray" not in dict(sentence._hypotheses(speller, "murram", typos=True))


def test_a_typo_in_symspells_own_dictionary_gets_its_nearest_other_words(speller):
    # 'wto', 'ater', 'amd' are in symspell's frequency list: the closest term is the key itself.
    for typo, word in (("wto", "two"), ("ater", "after"), ("amd", "and")):
        assert word in dict(speller.nearest_words(typo))
        assert typo not in dict(speller.nearest_words(typo))
    text = "In the course of wto or three years, shortly ater the girls amd the boys left."
    assert Normalizer().normalize(text).text == (
        "In the course of two or three years, shortly after the girls and the boys left.")


def test_british_spellings_are_no_hypotheses(speller):
    assert "traveled" not in dict(sentence._hypotheses(speller, "travelled"))
    assert "recognizance" not in dict(sentence._hypotheses(speller, "recognisance"))


def test_a_real_word_is_offered_its_frequent_rivals_through_the_learned_channel(learned):
    hypotheses = dict(sentence._hypotheses(learned, "tho"))
    assert "the" in hypotheses and hypotheses["the"] < 2.0


def test_the_real_word_margin_needs_strong_context_evidence(learned):
    def margin(text, word, rival, cost):
        start = text.index(word)
        return sentence.real_word_margin(learned, text,
                                         Token(start, start + len(word), word, word), rival, cost)

    assert margin("It was in tho morning that he came.", "tho", "the", 1.1) > 0
    assert margin("Scientists were able to isolate and clone the gene.", "clone", "done",
                  2.4) < 0


def _targets(learned, text):
    return {m.start() for m in sentence.WORD.finditer(text) if sentence.is_target(learned, m.group(), True)}


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
    assert "clone" in "".join(text.split()) and sentence.is_target(learned, "clone", True)
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
    assert sentence.is_target(learned, "bad", True) and not sentence.is_target(learned, "house", True)
    assert _fixes(text, _targets(learned, text), learned) == fixed


@pytest.mark.parametrize(("text", "opens"), [
    ("Its systems had been hacked. Thc Carter Center said so.", True),
    ("Thc Carter Center said so.", True),
    ("They met Mr. Thc on Monday.", False),  # after a title: a name
    ("They met H. Thc on Monday.", False),  # after an initial
    ("They met the Thc team on Monday.", False),  # inside a sentence
    ("In the second cabin. Oonah (s), 1695 tons.", False),  # no corpus saw it: a name
    ("He spoke first. Lavrov said so.", False),  # a gazetteer name
])
def test_a_typed_capital_may_be_a_word_only_opening_a_sentence_and_seen_by_wordfreq(
        speller, text, opens):
    word = next(m for m in sentence.WORD.finditer(text) if m.group() in ("Thc", "Oonah", "Lavrov"))
    assert sentence.opens_typed_sentence(speller, text, word.start()) is opens


def test_a_typed_capital_opening_a_sentence_gets_a_second_opinion():
    engine = Normalizer()
    fixed = engine.normalize("Its systems had been hacked. Thc Carter Center said so.").text
    assert fixed == "Its systems had been hacked. The Carter Center said so."
    for clean in ("He spoke first. Biegun said the talks would go on. Gerasimov agreed.",
                  "Mr. Toose appeared for the defence. Toose said nothing.",
                  "In the second cabin. Oonah (s), 1695 tons."):
        assert engine.normalize(clean).text == clean


@pytest.mark.parametrize(("text", "expected"), [
    ('It was "politically motivated." Hie predecessor, Javad Zarif, resigned.',
     'It was "politically motivated." His predecessor, Javad Zarif, resigned.'),
    ("It was seen in 2016.  Aince the intelligence became public, officials said.",
     "It was seen in 2016.  Since the intelligence became public, officials said."),
    ('"They were within touching distance."  "Thc trend is unequivocal," she said.',
     '"They were within touching distance."  "The trend is unequivocal," she said.'),
])
def test_a_rare_word_or_a_slip_opening_a_sentence_reads_as_its_sentence_expects(text, expected):
    assert Normalizer().normalize(text).text == expected


@pytest.mark.parametrize("text", [
    "Hie thee hence, said the old man.",  # the word the sentence expects
    "They met Mr. Hie in Beijing.",  # after a title: a name
    "The winners: 1. Aince and 2. Biegun.",  # after a list's number: a name
    "The bur oak grows slowly. Bur oak acorns are large.",
])
def test_a_capitalized_rare_word_stays_where_its_sentence_expects_it_or_a_name(text):
    assert Normalizer().normalize(text).text == text


@pytest.mark.parametrize(("text", "start", "lone"), [
    ("the prisoner m no way", 13, True),
    ("which was m\nthe hands", 10, True),
    ("at 5 p. m. today", 8, False),  # an abbreviation
    ("it is 5 m long", 8, False),  # a unit after a number
    ("(b) the item", 1, False),  # a list mark
    ("he said m. then", 8, False),
    ("the end m", 8, False),  # no word after it
])
def test_a_lone_letter_stands_between_two_words(text, start, lone):
    assert sentence.is_lone_letter(text, start) is lone


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


def test_a_rare_word_one_ocr_confusion_from_a_frequent_one_gets_a_second_opinion():
    engine = Normalizer()
    fixed = engine.normalize("It does not distinguish between civilians aud combatants.").text
    assert fixed == "It does not distinguish between civilians and combatants."
    for clean in ("They isolate and clone the gene.", "An arc of fire lit the sky.",
                  "Walkers climbed the tor above the village.",
                  "Make sure that you clone this repo before you start.",
                  'Misreadings real OCR makes ("tho", "aud", "boon"), and others.'):
        assert engine.normalize(clean).text == clean


def test_a_two_letter_token_reads_only_as_a_very_frequent_word(speller):
    readings = [word for word, _ in sentence._hypotheses(speller, "te", True)]
    assert "the" in readings
    assert all(speller.lexicon.frequency(w) >= sentence.SHORT_TYPO_MIN_ZIPF for w in readings)


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
