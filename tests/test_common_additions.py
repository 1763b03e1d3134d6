"""Frequent words symspellpy's list lacks: what dictionaries/build_common_words.py keeps, and
what the engine makes of them."""

from __future__ import annotations

import pytest

from dictionaries import build_common_words
from normalizer import Normalizer
from normalizer.lexicon import common_additions_file, load_lexicon, symspell_common_words
from normalizer.tsv import read_rows

ZIPF = {"favorite": 4.97, "labor": 4.77, "gaddafi": 3.2, "mom": 5.12, "colour": 4.8,
        "favourite": 4.7, "jewelry": 4.12, "zzyzx": 1.2, "mm": 4.65, "Theater": 4.3}


def test_a_frequent_lowercase_word_hunspell_lists_and_symspell_lacks_is_added(monkeypatch):
    asked = []

    def hunspell(words):
        asked.extend(words)
        return {"favorite", "labor", "jewelry", "mom", "mm"}  # no 'gaddafi': a name

    monkeypatch.setattr(build_common_words, "accepted_by_hunspell", hunspell)
    rows = build_common_words.additions(ZIPF, common={"colour", "favourite"})
    assert [word for word, _ in rows] == ["favorite", "jewelry", "labor"]
    # too short ('mom', 'mm'), already common ('colour'), rare ('zzyzx') or not lowercase
    # ('Theater'): never even asked
    assert sorted(asked) == ["favorite", "gaddafi", "jewelry", "labor"]
    # the count symspellpy's list gives words of the same Zipf frequency
    assert dict(rows)["favorite"] == round(10 ** (4.97 + build_common_words.COUNT_SHIFT))


def test_the_shipped_table_adds_only_words_symspell_lacks():
    rows = read_rows(common_additions_file(), ("word", "count"))
    symspell = symspell_common_words()
    assert len(rows) > 300
    assert all(word not in symspell and word.isalpha() and word.islower() for word, _ in rows)
    common = load_lexicon().common
    assert all(common[word] == int(count) for word, count in rows)


@pytest.mark.parametrize(("text", "expected"), [
    ("It was her favorte song.", "It was her favorite song."),  # not 'favourite'
    ("The neighborhod was quiet.", "The neighborhood was quiet."),
    ("The jewlery store was robbed.", "The jewelry store was robbed."),
    ("The favorite won the labor vote.", "The favorite won the labor vote."),
])
def test_american_spellings_are_words_and_their_typos_read_as_them(text, expected):
    assert Normalizer().normalize(text).text == expected
