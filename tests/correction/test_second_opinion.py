"""The default profile's second opinion on typed text."""

from __future__ import annotations

import pytest

from normalizer import Normalizer
from normalizer.correction.keyboard import struck_at_end


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
    ("Winds topped 80 miles per hour.  Th Palisades fire, which began at 10 a.m., spread.",
     "Winds topped 80 miles per hour.  The Palisades fire, which began at 10 a.m., spread."),
])
def test_a_rare_word_or_a_slip_opening_a_sentence_reads_as_its_sentence_expects(text, expected):
    assert Normalizer().normalize(text).text == expected


@pytest.mark.parametrize("text", [
    "Hie thee hence, said the old man.",  # the word the sentence expects
    "They met Mr. Hie in Beijing.",  # after a title: a name
    "The winners: 1. Aince and 2. Biegun.",  # after a list's number: a name
    "The bur oak grows slowly. Bur oak acorns are large.",
    "Ms. Smith said so. Dr. Jones agreed. St. Paul is a city. Mr Brown came.",  # titles
])
def test_a_capitalized_rare_word_stays_where_its_sentence_expects_it_or_a_name(text):
    assert Normalizer().normalize(text).text == text


def test_a_rare_word_one_ocr_confusion_from_a_frequent_one_gets_a_second_opinion():
    engine = Normalizer()
    fixed = engine.normalize("It does not distinguish between civilians aud combatants.").text
    assert fixed == "It does not distinguish between civilians and combatants."
    for clean in ("They isolate and clone the gene.", "An arc of fire lit the sky.",
                  "Walkers climbed the tor above the village.",
                  "Make sure that you clone this repo before you start.",
                  'Misreadings real OCR makes ("tho", "aud", "boon"), and others.'):
        assert engine.normalize(clean).text == clean


@pytest.mark.parametrize(("text", "expected"), [
    # wordfreq has seen each (Zipf 1.6-2.1), about as often as its correction mistyped
    ('Observers said voters had a "genuine politcal alternative" this time.',
     'Observers said voters had a "genuine political alternative" this time.'),
    ("Lawmakers climbed fences and shoved psat soldiers to reach the chamber.",
     "Lawmakers climbed fences and shoved past soldiers to reach the chamber."),
    ("firends", "friends"),
])
def test_a_seen_typo_its_correction_explains_reads_as_its_sentence_expects(text, expected):
    assert Normalizer().normalize(text).text == expected


@pytest.mark.parametrize("text", [
    "The roods of land were measured by the surveyor.",  # a dictionary lists it
    "The kernel keeps an inode for every file in the tree.",  # no typo of 'mode'
])
def test_a_rare_word_no_typo_explains_keeps_its_place(text):
    assert Normalizer().normalize(text).text == text


def test_a_frequent_word_with_a_letter_lost_reads_as_its_sentence_expects():
    engine = Normalizer()
    assert (engine.normalize("Mr. Trump said last eek that he did not mention it.").text
            == "Mr. Trump said last week that he did not mention it.")
    for clean in ("It was a bad omen for the party.", "A hen laid an egg in the barn."):
        assert engine.normalize(clean).text == clean


@pytest.mark.parametrize(("text", "expected"), [
    ('"With fear for our democracy, I dissent," she wrote. "Wiuth fear for it, I dissent."',
     '"With fear for our democracy, I dissent," she wrote. "With fear for it, I dissent."'),
    ("Police used water cannons. Jore than 10,000 reservists said they would stop.",
     "Police used water cannons. More than 10,000 reservists said they would stop."),
])
def test_an_unseen_opener_one_slip_from_a_very_frequent_word_reads_as_it(text, expected):
    assert Normalizer().normalize(text).text == expected


def test_the_sentence_overrules_a_single_word_fix_it_reads_otherwise():
    text = "Observers counted more than 1,700 fossil-fule lobbyists among them."
    result = Normalizer().normalize(text)
    assert result.text == text.replace("fule", "fuel")  # codespell's list says 'file'
    assert result.edits[0].rule == "ocr.context"
    # a fix the sentence agrees with keeps the single-word decision's edit
    agreed = Normalizer().normalize("The commitee met on Monday.")
    assert agreed.edits[0].rule == "spelling.misspellings"


CARELESS = "Offcials were suprised by the reprot and its timng. "
"""Three slips the single-word decision fixes: the text shows it was typed carelessly."""


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said a military intelligence unit tat was first reported in June had paid.",
     "unit that was"),
    ("The firm has mode than a million subscribers.", "has more than"),  # Zipf 4.6
    ("Commanders said that Russia bad been providing weapons.", "Russia had been"),  # 5.53
    # A capitalized word opening a sentence, which may be a word's slip there.
    ("The officers were named. Bu it is not known if the current officers knew.",
     "But it is"),
    # Any other token: the reading that gives it a lost first letter back.
    ("Negotiations between the party nd the government broke down last month.",
     "party and the"),
    # A two-letter one: the reading that gives it a lost last letter back.
    ("Shares fell by midday, and th Kospi closed down 1.4 percent.", "and the Kospi"),
    # A rare real word one OCR confusion from a frequent one.
    ("Texas reported 48 new measles eases on Tuesday.", "measles cases on"),
    # Or without a key struck beside its last letter after it.
    ("CrowdStrike, the cybersecurity firmk, crashed millions of machines.",
     "cybersecurity firm, crashed"),
])
def test_a_real_word_reads_as_its_typo_rival_in_carelessly_typed_text_only(text, expected):
    normalizer = Normalizer()
    assert expected in normalizer.normalize(CARELESS + text).text
    assert normalizer.normalize(text).text == text


@pytest.mark.parametrize("text", [
    # A rival of another first letter gains nothing: typists seldom miss it.
    "The court may strike down decisions it deems unreasonable, the minister said.",
    # A name opening a sentence is read only as a very frequent word's slip ('Monday' is not).
    "Mondy said the talks would continue on Monday.",
    # A word written twice is no slip: slips seldom repeat one word the same way.
    "The unit tat was formed in June and the unit tat was formed in May both paid.",
])
def test_a_real_word_keeps_its_place_in_careless_text_against_a_rival_it_has_no_slip_of(text):
    assert Normalizer().normalize(CARELESS + text).text.endswith(text)


def test_a_key_struck_after_the_last_letter_is_no_suffix():
    assert struck_at_end("firmk", "firm") and struck_at_end("bountiesd", "bounties")
    assert not struck_at_end("lowercased", "lowercase")  # 'ed' ends a suffix
    assert not struck_at_end("firmp", "firm")  # p is nowhere near m
    assert not struck_at_end("sok", "so")  # too short to tell


@pytest.mark.parametrize(("text", "word", "fix"), [
    ("They agreed early on Sunday to a new fnance goal of $300 billion a year.", "fnance",
     "finance"),  # finance 0.61 alone (France, fiance), 0.75 in the sentence
    ("An oil depot near Novorossiysk burned overight. The claim could not be verified.",
     "overight", "overnight"),
])
def test_a_suggestion_the_sentence_reads_the_same_way_becomes_a_fix(text, word, fix):
    result = Normalizer().normalize(text)
    assert result.text == text.replace(word, fix)
    (edit,) = result.edits
    assert edit.confidence >= 0.8 and "the trigram context model reads it so too" in edit.reason


def test_a_suggestion_the_sentence_reads_otherwise_stays_a_suggestion():
    # Alone 'boadly' is badly (0.74); the sentence prefers badly as well, but only with 0.69
    # of its readings: neither is sure enough, and the two together are not asked.
    text = "The W.H.O. has said it considers boadly reliable."
    result = Normalizer().normalize(text)
    assert result.text == text
    assert [e.replacement for e in result.edits if not e.applied] == ["badly"]


@pytest.mark.parametrize(("text", "expected"), [
    ("It was known as Channel File 291. Affeted machines displayed the blue screen.",
     "It was known as Channel File 291. Affected machines displayed the blue screen."),
    ("The ruling was broad. Laywers for Texas said they would seek a rehearing.",
     "The ruling was broad. Lawyers for Texas said they would seek a rehearing."),
])
def test_a_long_unseen_opener_one_slip_from_a_common_word_reads_as_it(text, expected):
    assert Normalizer().normalize(text).text == expected


def test_a_long_unseen_name_opening_a_sentence_stays_where_no_word_is_near():
    text = "The vote was close. Kowalczyk said the count would go on."
    assert Normalizer().normalize(text).text == text
