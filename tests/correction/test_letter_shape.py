"""Letter sequences English spelling seldom has (correction/letter_shape.py)."""

from __future__ import annotations

import pytest

from normalizer.correction.letter_shape import (
    CARELESS_SHAPE_DISCOUNT,
    careless_shape_discount,
    has_rare_trigram,
    letter_trigrams,
)


def test_trigrams_mark_the_ends_and_skip_what_is_no_ascii_letter():
    assert list(letter_trigrams("Word")) == ["^wo", "wor", "ord", "rd$"]
    assert list(letter_trigrams("O'Neil")) == ["nei", "eil", "il$"]
    assert list(letter_trigrams("Gonzá")) == ["^go", "gon", "onz"]


@pytest.mark.parametrize("word", ["Chkvers", "Draytpn", "Jluy", "Strathfidld", "MEKLLE"])
def test_damaged_spellings_hold_a_rare_trigram(word):
    assert has_rare_trigram(word)


@pytest.mark.parametrize("word", ["Burlton", "Milston", "Croese", "González", "O'Brien",
                                  "Nelarus", "Lamaro"])
def test_names_and_plausible_slips_hold_none(word):
    assert not has_rare_trigram(word)


def test_the_discount_needs_a_careless_window_and_a_rare_trigram():
    assert careless_shape_discount("Jluy", True) == CARELESS_SHAPE_DISCOUNT > 0
    assert careless_shape_discount("Jluy", False) == 0.0
    assert careless_shape_discount("Milston", True) == 0.0


def test_an_unseen_lowercase_token_loses_the_same_where_its_trigram_is_rare():
    assert careless_shape_discount("defclator", True) == CARELESS_SHAPE_DISCOUNT
    assert careless_shape_discount("defclator", False) == 0.0
    assert careless_shape_discount("deflating", True) == 0.0  # spelt as English spells
