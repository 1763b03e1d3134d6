"""Word boundaries: merged words split, split words joined, line-end words checked whole."""

from __future__ import annotations

import pytest

from normalizer import Normalizer, Profile
from normalizer.correction import boundaries
from normalizer.correction.boundaries import BoundarySettings
from normalizer.correction.line_ends import JoinedView
from normalizer.model import Edit, apply_edits
from normalizer.tokens import word_types

DEFAULT = Normalizer()
ARCHIVE = Normalizer(profile="archive")
ENGINES = {"default": DEFAULT, "archive": ARCHIVE}


def _fixed(engine: Normalizer, text: str) -> str:
    result = engine.normalize(text)
    assert apply_edits(text, result.applied) == result.text
    assert engine.normalize(result.text).text == result.text  # idempotent
    return result.text


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He went tothe market on Monday.", "He went to the market on Monday."),
        ("It was ordered tobe sold at once.", "It was ordered to be sold at once."),
        ("The Gov ernment said so.", "The Government said so."),
        ("He said th e plan was good.", "He said the plan was good."),
        ("The man w as fined ten shillings.", "The man was fined ten shillings."),
    ],
)
def test_merged_and_split_words_are_restored(profile, text, expected):
    assert _fixed(ENGINES[profile], text) == expected


def test_the_archive_profile_splits_a_merge_with_a_glyph_confusion_in_one_half():
    assert _fixed(ARCHIVE, "We went ontho road.") == "We went on the road."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They will co itinue so.", "They will continue so."),
        ("It ran to its eastern tel mination at the river.",
         "It ran to its eastern termination at the river."),
    ],
)
def test_the_archive_profile_joins_a_split_word_with_one_slip(text, expected):
    (edit,) = ARCHIVE.normalize(text).applied
    assert edit.reason.startswith("one word printed as two")
    assert "glyph confusion" in edit.reason or "spelling slip" in edit.reason
    assert _fixed(ARCHIVE, text) == expected
    assert _fixed(DEFAULT, text) == text  # the default joins only what is spelt whole


@pytest.mark.parametrize(("text", "start", "opens"), [
    ("Themen came.", 0, True), (" \n\u2003Themen came.", 3, True),  # only space before it
    ("\x1cThemen", 1, True),  # str.isspace's space, which str.strip would strip too
    ("He left. Themen came.", 9, True), ("They saw Themen.", 9, False),
    ("Mr. Themen came.", 4, False), ("x Themen", 2, False),
    ('He said "yes."  "Themen came.', 17, True), ('"Themen came.', 1, True),  # behind a quote
    ("It rose in 2016. Themen came.", 17, True),  # after a year
    ("1. Themen came.", 3, False),  # a list's number
    ('They saw "Themen came.', 10, False),  # a quote inside a sentence
    ("It said Cal Fire. Themen came.", 18, True),  # a four-letter word ends a sentence
    ("It said Prof. Themen came.", 14, False), ("Warner Bros. Themen", 13, False),
    ("It said Gen. Themen came.", 13, False),  # abbreviations and short titles do not
    ("Intro.\nKABUL, Afghanistan — Themen came.", 28, True),  # after a dateline
    ("NEW YORK — Themen came.", 11, True), ("NEW YORK — The Themen came.", 15, False),
    ("He said — Themen came.", 10, False),  # a dash inside a sentence
])
def test_a_sentence_plainly_opens_at_the_text_start_or_after_a_sentence_end(text, start, opens):
    assert boundaries.opens_sentence(text, start) is opens


def test_a_capitalized_merge_is_split_only_where_a_sentence_plainly_starts():
    text = "They were at rest.\nThemen under my command were tired."
    assert _fixed(ARCHIVE, text) == "They were at rest.\nThe men under my command were tired."
    for kept in ("The case was heard by Mr. Tooso today.", "The list:\nInall Brendan Keogh.",
                 "He met H. L. Butlor there."):
        rules = {e.rule for e in ARCHIVE.normalize(kept).edits}
        assert "ocr.merged-words" not in rules, kept


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    "text",
    [
        "It took a lot of work.",  # two real words stay apart
        "He came in to the room.",
        "She went on to win.",
        "He has im-\nported a foxterrier bitch from England.",  # a compound, not 'fox terrier'
        "The report was signed by J Smith and W Wood.",  # initials stay
        "He met Ray Son at the door.",  # names are never joined
        "The Talland family came.",  # nor split
        "Liabilities were heavy and the Asse s were few.",  # one letter lost more than a space
    ],
)
def test_real_words_and_names_keep_their_boundaries(profile, text):
    assert _fixed(ENGINES[profile], text) == text


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(("text", "expected"), [
    ("He met Secretary Po mpeo on Monday.", "He met Secretary Pompeo on Monday."),
    ("He spoke with Sergey Lav rov on Monday.", "He spoke with Sergey Lavrov on Monday."),
])
def test_a_name_split_in_two_is_joined(profile, text, expected):
    assert _fixed(ENGINES[profile], text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the fix 'third' is a half of the reading 'a third': no rival of it
    ("The party won athird of the seats.", "The party won a third of the seats."),
    ("Michael Gerasimov, aformer defense official, said it.",
     "Michael Gerasimov, a former defense official, said it."),
    # a long token no corpus has seen is two words more likely than a word of its own
    ("She spent the speech criticizinghis record on trade.",
     "She spent the speech criticizing his record on trade."),
    ("The government announcedthat it would resign.",
     "The government announced that it would resign."),
    # two frequent content words in modern text (the default profile)
    ("The attack came in severecircumstances for the city.",
     "The attack came in severe circumstances for the city."),
    ("There is no obviouschannel for talks.", "There is no obvious channel for talks."),
])
def test_the_default_profile_splits_these_merges(text, expected):
    assert _fixed(DEFAULT, text) == expected


def test_two_content_words_stay_one_in_the_archive_profile():
    text = "The lowergrade clerks were paid less."
    assert _fixed(ARCHIVE, text) == text


def test_an_edit_reports_the_boundary_rate_and_the_context_model():
    (edit,) = DEFAULT.normalize("He went tothe market.").applied
    assert (edit.original, edit.replacement, edit.rule) == ("tothe", "to the", "ocr.merged-words")
    assert "space between 'o' and 't' lost (learned rate 10^-" in edit.reason
    assert "trigram context model prefers 'to the' to 'tothe'" in edit.reason
    (edit,) = DEFAULT.normalize("The Gov ernment said so.").applied
    assert (edit.original, edit.rule) == ("Gov ernment", "ocr.split-word")
    assert "space added between 'v' and 'e'" in edit.reason


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Gover*nment said so.", "The Government said so."),
        ("It was a fine day in the coun«try.", "It was a fine day in the country."),
        ("The state of the Gover•nment was dire.", "The state of the Government was dire."),
    ],
)
def test_a_word_cut_by_a_junk_character_is_joined(profile, text, expected):
    assert _fixed(ENGINES[profile], text) == expected
    (edit,) = ENGINES[profile].normalize(text).applied
    assert edit.rule == "ocr.split-word" and "a stray '" in edit.reason


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    "text",
    [
        "The pass*word is a*b, 2*3 and x^y.",  # two words, letters, digits: no join
        "The hou«o was taken at once.",  # pieces no join (nor letter) explains stay whole
        "A Govern*qx decree.",
    ],
)
def test_pieces_around_a_junk_character_are_never_changed_alone(profile, text):
    assert _fixed(ENGINES[profile], text) == text


def test_a_junk_cut_word_with_a_slip_is_joined_by_the_archive_profile_only():
    # The default profile joins only what is spelt whole, and no longer reads 'tencd' as
    # 'tend' on its own; the archive profile joins with one slip.
    assert _fixed(DEFAULT, "He was sen*tencd today.") == "He was sen*tencd today."
    assert _fixed(ARCHIVE, "He was sen*tencd today.") == "He was sentenced today."
    assert _fixed(ARCHIVE, "The ma«istrate said so.") == "The magistrate said so."


def test_junk_fragment_starts_walk_each_letter_run_once():
    text = "The Gover*nment hou«o a*b*c 2*3 x *y"
    starts = boundaries.junk_fragment_starts(text)
    pieces = sorted(text[s:].split(" ")[0] for s in starts)
    assert pieces == ["Gover*nment", "a*b*c", "b*c", "c", "hou«o", "nment", "o"]
    assert boundaries.junk_fragment_starts("a" * 100_000 + "*" + "b" * 100_000) == {0, 100_001}


@pytest.mark.parametrize("profile", ["default", "archive"])
def test_a_line_end_word_is_corrected_whole_and_the_layout_stays(profile):
    text = "The prisoner was con-\ndemncd to death."
    result = ENGINES[profile].normalize(text)
    (edit,) = result.applied
    assert (edit.original, edit.replacement) == ("demncd", "demned")
    assert "checked as 'condemncd', the word broken at the line end" in edit.reason
    assert result.text == "The prisoner was con-\ndemned to death."


def test_with_dehyphenate_the_corrected_word_is_also_joined():
    text = "The prisoner was con-\ndemncd to death."
    fixed = Normalizer(Profile(dehyphenate=True)).normalize(text).text
    assert fixed == "The prisoner was condemned\nto death."


@pytest.mark.parametrize("profile", ["default", "archive"])
@pytest.mark.parametrize(
    "text",
    [
        "The prisoner was con-\ndemned to death.",  # a word: its halves are left alone
        "He has a well-\nknown name.",  # a compound
        "He was recog-\nnisance bound.",  # a rare word wordfreq knows
    ],
)
def test_line_end_words_that_are_words_stay(profile, text):
    assert _fixed(ENGINES[profile], text) == text


def test_the_joined_view_keeps_every_offset(lexicon):
    text = "was con-\ndemncd and well-\nknown, then re-\nmainder"
    view = JoinedView.of(text, lexicon)
    assert len(view.text) == len(text)
    assert view.text == "was condemncd   and well-\nknown, then re-\nmainder"
    assert view.starts == (text.index("con"),)


@pytest.mark.parametrize(("text", "joined"), [
    ("was con- \t\r\n  demncd", "was condemncd"), ("a well-known con-demncd man", None),
    ("con-\n", None), ("con - \ndemncd", None),
])
def test_only_a_hyphen_ending_a_line_joins_a_word(lexicon, text, joined):
    view = JoinedView.of(text, lexicon)
    assert view.text.rstrip() == (joined or text).rstrip() and len(view.text) == len(text)


def _fix(view_text: str, word: str, replacement: str) -> Edit:
    start = view_text.index(word)
    return Edit(start, start + len(word), word, replacement, "ocr", "ocr.test", 0.9, "why")


@pytest.mark.parametrize(
    ("text", "word", "fixed", "original", "replacement"),
    [
        ("it was con-\ndemncd.", "condemncd", "condemned", "demncd", "demned"),  # the tail
        ("it was cnn-\ndemned.", "cnndemned", "condemned", "cnn", "con"),  # the head
        ("it was cnn-\ndemncd.", "cnndemncd", "condemned", "cnn-\ndemncd", "con-\ndemned"),
    ],
)
def test_a_fix_of_a_joined_word_edits_the_half_that_changes(
    lexicon, text, word, fixed, original, replacement
):
    view = JoinedView.of(text, lexicon)
    (edit,) = view.map_back([_fix(view.text, word, fixed)], text)
    assert (edit.original, edit.replacement) == (original, replacement)
    assert text[edit.start : edit.end] == edit.original


def test_a_fix_leaving_one_letter_on_a_line_is_dropped(lexicon):
    text = "for the re-\nite of her life"
    view = JoinedView.of(text, lexicon)
    assert view.map_back([_fix(view.text, "reite", "rite")], text) == []


def test_edits_elsewhere_pass_and_edits_across_a_break_are_dropped(lexicon):
    text = "the tbe con-\ndemncd man"
    view = JoinedView.of(text, lexicon)
    elsewhere = _fix(view.text, "tbe", "the")
    across = Edit(4, 15, view.text[4:15], "x", "ocr", "ocr.test", 0.9, "why")
    assert view.map_back([elsewhere, across], text) == [elsewhere]


def test_propose_never_overlaps_and_claims_its_tokens(speller):
    text = "He went tothe Gov ernment office w ith th e papers."
    settings = BoundarySettings(0.8, glyphs=False)
    surfaces = word_types(text)
    edits = boundaries.propose(text, surfaces, speller, {}, set(), settings)
    assert [(e.original, e.replacement) for e in edits] == [
        ("tothe", "to the"), ("Gov ernment", "Government"), ("w ith", "with"), ("th e", "the"),
    ]
    claimed = boundaries.claimed_starts(text, edits)
    assert text.index("ernment") in claimed and text.index("office") not in claimed
    assert boundaries.propose(text, surfaces, speller, {}, {"tothe", "ernment", "w", "th"},
                              settings) == []


@pytest.mark.parametrize("glyphs", [False, True])
def test_the_tokens_of_a_type_that_may_not_join_are_not_looked_for(speller, lexicon,
                                                                    monkeypatch, glyphs):
    """A name's type tells (`_may_join`): the edits of every token looked for one by one."""
    text = ("He wore a Jack et to the Mark et. Bill ion dollars, NATO ion, a Paris ian, "
            "Trump et. Will ing, JOHN son and Blinken said it to Londonx Smith ers. Blinken "
            "ed.")
    settings = BoundarySettings(0.8, glyphs=glyphs)
    surfaces = word_types(text)
    edits = boundaries.propose(text, surfaces, speller, lexicon.names, set(), settings)
    assert boundaries._may_join(lexicon, "Blinken", "blinken", lexicon.names, glyphs) is glyphs
    assert not boundaries._may_join(lexicon, "NATO", "nato", lexicon.names, glyphs)
    monkeypatch.setattr(boundaries, "_may_join", lambda *args: True)
    assert edits == boundaries.propose(text, surfaces, speller, lexicon.names, set(), settings)
    assert [e.original for e in edits][:2] == ["Jack et", "Mark et"]
