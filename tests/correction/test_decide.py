"""The decision: suspects, posteriors, edits."""

from __future__ import annotations

import pytest

from normalizer import Normalizer, Profile
from normalizer.correction import decide
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


@pytest.mark.parametrize(("text", "alone", "spelling", "name"), [
    # 'Kirn' (Zipf 1.82) is what the web's OCR makes of 'Kim' (rn for m).
    ("Kim Jong-un watched the launch. Kim spoke after it, with his daughter, Kirn Ju-ae, "
     "beside him.", "The novelist Walter Kirn spoke after the launch.", "Kirn", "Kim"),
    # 'Trumpo' (Zipf 1.03) is what typists make of 'Trump' (a letter typed in, the first
    # letter kept).
    ("Trump spoke on Monday. Trump said the talks were over, and aides to Trump agreed. "
     "Mr. Trumpo rarely reads the written briefing.",
     "Mr. Trumpo rarely reads the written briefing.", "Trumpo", "Trump"),
])
def test_a_rare_spelling_the_documents_name_explains_reads_as_the_name(
        text, alone, spelling, name):
    # Beside the document's name it is that name; alone, the web's count keeps it a
    # spelling of its own.
    assert Normalizer().normalize(text).text == text.replace(spelling, name)
    assert Normalizer().normalize(alone).text == alone


def test_a_dear_slip_of_another_first_letter_explains_nothing():
    # 'Oet' (OCR's 'Oct') before a day's number is a month, not the opera's 'Met'.
    text = ("The Met staged the opera. The Met sold out. Performances continue through "
            "Oet. 26 at the Met.")
    assert "Met. 26" not in Normalizer().normalize(text).text


def test_a_digit_among_a_words_letters_makes_it_less_likely_as_written(lexicon):
    # 'Ade1eke' is no name as written (OCR's 1 for l), but unseen 'Adeleke' might be one
    with_digit = decide.identity_score(lexicon, "Ade1eke", lexicon.names)
    assert with_digit == decide.UNSEEN_NAME - decide.DIGIT_IN_WORD_PENALTY
    assert decide.identity_score(lexicon, "Adelekz", lexicon.names) == decide.UNSEEN_NAME
