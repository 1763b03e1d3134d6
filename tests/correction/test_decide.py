"""The decision: suspects, posteriors, edits."""

from __future__ import annotations

from collections import Counter

from normalizer import Normalizer, Profile
from normalizer.correction import decide
from normalizer.correction.sentence_targets import is_target
from normalizer.correction.words import lookup_key
from normalizer.lexicon import load_lexicon
from normalizer.pipeline import StageContext


def _ctx(**options) -> StageContext:
    return StageContext(Profile(**options), load_lexicon())


def test_posterior_shares_sum_with_the_identity_to_one(speller):
    found = speller.word_candidates("governrnent", None)
    cands = sorted(found.values(), key=lambda c: -c.score)
    shares = decide.posterior(-10.5, cands)
    assert 0 < sum(shares) < 1 and shares[0] == max(shares)
    assert decide.posterior(0.0, cands)[0] < 1e-3  # an overwhelming identity keeps the word


def test_propose_fixes_a_glyph_error_with_offsets_and_a_reason():
    text = "The governrnent said it would act."
    (edit,) = decide.propose(text, _ctx())
    assert text[edit.start : edit.end] == "governrnent"
    assert edit.replacement == "government" and edit.kind == "ocr" and edit.reason


def test_allowed_words_and_line_split_halves_are_left_alone():
    assert decide.propose("The governrnent said so.", _ctx(allow=frozenset({"governrnent"}))) == []
    assert decide.propose("It was con-\ndemned.", _ctx()) == []


def test_a_typo_reading_of_a_spelling_the_document_uses_as_its_own_is_refused():
    # 'stmr' (steamer) three times in a shipping column is the column's word, not 'star'.
    column = ("From Kauai per stmr Hall. From Honokaa per stmr Noeau. "
              "From Maui per stmr Claudine.")
    engine = Normalizer()
    assert engine.normalize(column).text == column
    assert engine.normalize("From Kauai per stmr Hall.").text == "From Kauai per star Hall."


def test_an_ocr_misreading_the_page_repeats_is_still_fixed():
    # OCR repeats its confusions; the page prints the word right elsewhere ('have').
    text = "We have seen it. They havo gone, you havo won, we havo lost."
    assert "havo" not in Normalizer().normalize(text).text


def test_too_long_counts_the_tokens_of_unchecked_long_words():
    word, number = "a" * 41, "1" * 45
    assert decide._too_long(Counter({word: 2, number: 3, "short": 9})) == 2  # a number is no word
    assert decide._too_long(Counter({"a" * 40: 5})) == 0
    assert decide._too_long(Counter()) == 0


def test_inert_lowercase_words_are_those_no_check_looks_at(speller):
    """`_is_inert`'s one-step verdict on lowercase ASCII words agrees with its definition:
    a common word that neither `could_be_error` nor `is_target` picks out."""
    common = speller.lexicon.common
    words = [w for w in sorted(common) if w.isascii() and w.isalpha() and w.islower()]
    words += ["tho", "aud", "foe", "sill", "of", "a", "x", "xqzt", "a" * 41, "the" * 14]
    assert len(words) > 10_000
    verdicts = set()
    for word in words:
        expected = (lookup_key(word) in common and not speller.could_be_error(word)
                    and not is_target(speller, word, False))
        assert decide._is_inert(speller, word, False) == expected, word
        verdicts.add(expected)
    assert verdicts == {True, False}


def test_a_lowercase_word_quoted_alone_is_mentioned_not_corrected():
    assert decide.propose('For example, typing "teh" instead of "the".', _ctx()) == []
    assert decide.propose("Run the ‘windo’ command.", _ctx()) == []
    (edit,) = decide.propose("He wrote teh letter.", _ctx())
    assert edit.replacement == "the"


def test_a_rare_spelling_the_documents_name_explains_reads_as_the_name():
    # 'Kirn' (Zipf 1.82) is what the web's OCR makes of 'Kim' (rn for m): beside the
    # document's 'Kim' it is that name; alone it is a name of its own.
    text = ("Kim Jong-un watched the launch. Kim spoke after it, with his daughter, "
            "Kirn Ju-ae, beside him.")
    assert Normalizer().normalize(text).text == text.replace("Kirn", "Kim")
    alone = "The novelist Walter Kirn spoke after the launch."
    assert Normalizer().normalize(alone).text == alone


def test_a_dear_slip_of_a_documents_name_explains_nothing():
    # 'Oet' (OCR's 'Oct') before a day's number is a month, not the opera's 'Met'.
    text = ("The Met staged the opera. The Met sold out. Performances continue through "
            "Oet. 26 at the Met.")
    assert "Met. 26" not in Normalizer().normalize(text).text
