"""normalizer.dense_ocr: a plain text misread as densely as historical OCR takes the archive
profile's reading; modern news, markup, technical text and non-prose keep their profile's."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer import Normalizer, Profile
from normalizer.dense_ocr import (
    MAX_SHARE,
    MIN_SHARE,
    MIN_TOKENS,
    is_dense,
    technical_share,
    unknown_share,
)
from normalizer.tokens import word_types

ROOT = Path(__file__).resolve().parents[1]
PAGE = (
    "Tho mooting of tho council was hold on Tuesday evening, aud tho mayor prcsided. Tho tonder "
    "of Messrs. Brown aud Co. for tho now bridgo over tho creek was accoptod, aud tho work will "
    "bo commencod at onco. Mr. Smith movod that tho roport of tho works committee bo adoptod, "
    "which was carriod without dissent. Tho sum of fivo hundred pounds was votod for tho roads "
    "in tho northern ward, and tho council adjourned until Tuesday next."
)
"""A council report as 19th-century OCR prints it (written for this test)."""
DEFAULT = Normalizer()


def _share(engine: Normalizer, text: str) -> float | None:
    types = word_types(text)
    return unknown_share(types, types, engine.lexicon)


def test_a_densely_misread_page_takes_the_archive_reading_and_keeps_it():
    result = DEFAULT.normalize(PAGE)
    assert result.stats["dense_ocr"] == 1
    assert result.text == Normalizer(profile="archive").normalize(PAGE).text
    assert result.text.startswith("The meeting of the council was hold on Tuesday evening, and")
    again = DEFAULT.normalize(result.text)
    assert again.text == result.text and not again.edits


def test_a_profile_with_dense_ocr_off_keeps_its_own_reading():
    result = Normalizer(Profile(dense_ocr=False)).normalize(PAGE)
    assert "dense_ocr" not in result.stats
    assert result.text.startswith("Tho mooting of tho council")  # the default reading's caution


def test_markup_technical_text_and_modern_news_are_not_switched():
    assert "dense_ocr" not in DEFAULT.normalize(PAGE, format="markdown").stats
    # as dense in unknown words as the page, but they are commands and identifiers
    shell = "\n".join(["To count the lines run cat log.txt | grep erorr | wc -l and then set "
                       "{cfg} = $HOME/conf for the next step of the job."] * 6)
    assert MIN_SHARE <= _share(DEFAULT, shell) <= MAX_SHARE
    assert "dense_ocr" not in DEFAULT.normalize(shell).stats
    seed = next((ROOT / "seeds").glob("*.input.txt")).read_text(encoding="utf-8")
    assert "dense_ocr" not in DEFAULT.normalize(seed).stats


def test_the_share_bounds():
    page_types = word_types(PAGE)
    assert MIN_SHARE <= _share(DEFAULT, PAGE) <= MAX_SHARE
    assert is_dense(PAGE, page_types, page_types, DEFAULT.lexicon)
    assert technical_share(PAGE, sum(page_types.values())) == 0
    short = " ".join(PAGE.split()[: MIN_TOKENS // 2])
    assert _share(DEFAULT, short) is None  # too few tokens to say
    invented = " ".join(f"zq{chr(97 + i % 26)}x{chr(97 + i // 26 % 26)}v" for i in range(200))
    types = word_types(invented)
    assert _share(DEFAULT, invented) == pytest.approx(1.0)  # no prose: not switched
    assert not is_dense(invented, types, types, DEFAULT.lexicon)


def test_the_letters_of_dotted_abbreviations_are_no_misread_words():
    # A clean court list: its 'm's and 'p's of 'a.m.' and 'p.m.' are written so.
    hearings = (
        "Hearings this week. The court sits at 10 a.m. on Monday and rises at 4 p.m.; on "
        "Tuesday it sits at 9.30 a.m. and rises at 1 p.m. for the afternoon list. Appeals are "
        "heard at 11 a.m. on Wednesday, motions at 2.15 p.m. on Thursday, and the registry "
        "opens at 8 a.m. each day. Counsel are asked to be seated by 9.45 a.m. when the court "
        "sits at 10 a.m."
    )
    types = word_types(hearings)
    assert unknown_share(types, types, DEFAULT.lexicon) >= MIN_SHARE  # counted as words
    assert unknown_share(types, types, DEFAULT.lexicon, text=hearings) < MIN_SHARE
    assert not is_dense(hearings, types, types, DEFAULT.lexicon)
    assert "dense_ocr" not in DEFAULT.normalize(hearings).stats
