"""The spelling stage over a text: its windows and passes (correction/passes.py)."""

from __future__ import annotations

import re
from collections import Counter

from normalizer import Profile
from normalizer.correction import passes
from normalizer.correction.sentence_targets import is_target
from normalizer.correction.words import lookup_key
from normalizer.lexicon import load_lexicon
from normalizer.pipeline import StageContext


def _ctx(**options) -> StageContext:
    return StageContext(Profile(**options), load_lexicon())


def test_propose_fixes_a_glyph_error_with_offsets_and_a_reason():
    text = "The governrnent said it would act."
    (edit,) = passes.propose(text, _ctx())
    assert text[edit.start : edit.end] == "governrnent"
    assert edit.replacement == "government" and edit.kind == "ocr" and edit.reason


def test_allowed_words_and_line_split_halves_are_left_alone():
    assert passes.propose("The governrnent said so.", _ctx(allow=frozenset({"governrnent"}))) == []
    assert passes.propose("It was con-\ndemned.", _ctx()) == []


def test_too_long_counts_the_tokens_of_unchecked_long_words():
    word, number = "a" * 41, "1" * 45
    assert passes._too_long(Counter({word: 2, number: 3, "short": 9})) == 2  # a number is no word
    assert passes._too_long(Counter({"a" * 40: 5})) == 0
    assert passes._too_long(Counter()) == 0


def test_inert_ascii_words_are_those_no_check_looks_at(speller):
    """`_is_inert`'s one-step verdict on lowercase and capitalized ASCII words agrees with
    its definition: a common word that neither `could_be_error` nor `is_target` picks out."""
    common = speller.lexicon.common
    words = [w for w in sorted(common) if w.isascii() and w.isalpha() and w.islower()]
    words += ["tho", "aud", "foe", "sill", "of", "a", "x", "xqzt", "a" * 41, "the" * 14]
    words += [w.capitalize() for w in words]
    assert len(words) > 20_000
    verdicts = set()
    for word in words:
        expected = (lookup_key(word) in common and not speller.could_be_error(word)
                    and not is_target(speller, word, False))
        assert passes._is_inert(speller, word, False) == expected, word
        verdicts.add(expected)
    assert verdicts == {True, False}


def test_a_lowercase_word_quoted_alone_is_mentioned_not_corrected():
    assert passes.propose('For example, typing "teh" instead of "the".', _ctx()) == []
    assert passes.propose("Run the ‘windo’ command.", _ctx()) == []
    (edit,) = passes.propose("He wrote teh letter.", _ctx())
    assert edit.replacement == "the"


REFAEL = "The build was fixed by Refael Ackermann on Monday."


def test_a_name_the_document_spells_so_three_times_is_its_own_not_a_slip():
    assert passes.propose(REFAEL, _ctx())[0].replacement == "Rafael"  # once: a slip of a name
    assert passes.propose("\n\n".join([REFAEL] * 3), _ctx()) == []


def test_a_long_documents_own_name_is_counted_over_all_its_windows(monkeypatch):
    text = "\n\n".join([REFAEL] * 3)
    one_per_window = [(m.start(), m.start() + len(REFAEL)) for m in re.finditer("The", text)]
    monkeypatch.setattr(passes, "windows", lambda _: one_per_window)
    assert passes.propose(text, _ctx()) == []


LUBECK = "In Germany, clinics in Kiel and Lübcck cancelled elective procedures."
SLIPS = "The goverment anounced teh new polcy yesterdy and the mayer was not availabel."


def test_a_carelessly_typed_window_reads_a_rare_spelling_as_a_slip_of_a_name():
    threshold = Profile().threshold
    (alone,) = passes.propose(LUBECK, _ctx())
    assert alone.replacement == "Lübeck" and alone.confidence < threshold  # a suggestion
    edits = passes.propose(LUBECK + "\n\n" + SLIPS, _ctx())
    fixes = {e.original: e.confidence for e in edits if e.confidence >= threshold}
    assert len(fixes) >= 6 and "Lübcck" in fixes
    # A rare name of usual letter sequences stays a suggestion beside the same slips.
    milston = "The plan was drawn up by Milston and two colleagues."
    (alone,) = passes.propose(milston, _ctx())
    edits = passes.propose(milston + "\n\n" + SLIPS, _ctx())
    assert [e.confidence for e in edits if e.original == "Milston"] == [alone.confidence]


def test_a_carelessly_typed_window_reads_a_rare_spelling_as_its_sentences_word():
    # (before a year, the date would say 'July' in any window: `dated_months`)
    text = "He was flown to an airfield near El Paso in Jluy on a small plane."
    assert not [e for e in passes.propose(text, _ctx()) if e.original == "Jluy"]
    (edit,) = [e for e in passes.propose(text + "\n\n" + SLIPS, _ctx()) if e.original == "Jluy"]
    assert edit.replacement == "July" and edit.rule == "spelling.capitalized"


def test_a_carelessly_typed_window_gives_a_short_names_dropped_vowel_back():
    text = "Marina Slva, the environment minister, said the disaster was not over."
    assert not [e for e in passes.propose(text, _ctx()) if e.original == "Slva"]
    (edit,) = [e for e in passes.propose(text + "\n\n" + SLIPS, _ctx()) if e.original == "Slva"]
    assert edit.replacement == "Silva" and edit.confidence >= Profile().threshold


def test_a_carelessly_typed_window_reads_a_rare_spelling_as_a_misread_name():
    text = "Wanjiru Kamau-Otieuo, 24, a graduate in actuarial science, said so."
    assert not [e for e in passes.propose(text, _ctx()) if e.original == "Otieuo"]
    edits = passes.propose(text + "\n\n" + SLIPS, _ctx())
    (edit,) = [e for e in edits if e.original == "Otieuo"]
    assert edit.replacement == "Otieno" and edit.confidence >= Profile().threshold
