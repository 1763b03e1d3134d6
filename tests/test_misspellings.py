"""Common misspellings: what dictionaries/build_misspellings.py keeps, and the loader."""

import pytest

from dictionaries.build_misspellings import (
    lexicon_words,
    select,
    select_ambiguous,
    select_names,
)
from normalizer.lexicon import dictionaries_dir, load_lexicon
from normalizer.misspellings import read_ambiguous_misspellings, read_misspellings

ZIPF = {"britian": 1.97, "britain": 4.72, "malcom": 2.57, "malcolm": 4.01, "jenkin": 2.34,
        "jenkins": 3.84, "mohammedan": 1.5, "muslim": 4.6, "teh": 3.04, "the": 7.7, "a": 7.3, "lot": 5.6, "alot": 3.9, "abbot": 2.5, "abort": 3.4,
        "abbort": 1.2, "colour": 4.8, "recieve": 2.75, "receive": 4.9, "xylofone": 0.0,
        "xylophone": 3.0, "kwyjibo": 1.1}


@pytest.mark.parametrize(("entry", "kept"), [
    (("teh", "the"), ("teh", "the", "3.04")),
    (("alot", "a lot"), ("alot", "a lot", "3.90")),  # a two-word correction
    (("abbort", "abort, abbot,"), None),  # two corrections: ambiguous
    (("recieve", "receive,"), None),  # a trailing comma: codespell does not fix it by itself
    (("colour", "color"), None),  # a word of the lexicon
    (("xylofone", "xylophone"), ("xylofone", "xylophone", "0.00")),  # never seen: kept to rank
    (("kwyjibo", "zorblax"), None),  # the correction is no known word
    (("Teh", "The"), None),  # not lowercase
])
def test_selection(entry, kept):
    assert select([entry], ZIPF, lexicon={"colour"}) == ([kept] if kept else [])


@pytest.mark.parametrize(("entry", "kept"), [
    (("abbort", "abort, abbot,"), ("abbort", "abort,abbot", "1.20")),  # codespell's order
    (("teh", "the"), None),  # one correction: the other table's
    (("recieve", "receive,"), None),  # one correction, not fixed by codespell itself
    (("abbort", "abort, kwyjibo, abbot,"), ("abbort", "abort,abbot", "1.20")),  # unknown dropped
    (("abbort", "abort, kwyjibo,"), None),  # one known correction left: not ambiguous
    (("abbort", "abort, a lot,"), None),  # two-word corrections are not kept
    (("colour", "abort, abbot,"), None),  # a word of the lexicon
    (("Abbort", "Abort, Abbot,"), None),  # not lowercase
])
def test_selection_of_ambiguous_entries(entry, kept):
    assert select_ambiguous([entry], ZIPF, lexicon={"colour"}) == ([kept] if kept else [])


@pytest.mark.parametrize(("entry", "kept"), [
    (("britian", "Britain"), ("britian", "Britain", "1.97")),
    (("Britian", "Britain"), ("britian", "Britain", "1.97")),  # keyed lowercase
    (("malcom", "Malcolm"), None),  # seen nearly as often: a name of its own
    (("jenkin", "Jenkins"), None),  # the correction less its final s: a surname too
    (("mohammedan", "Muslim"), None),  # a word replaced, not misspelt
    (("teh", "the"), None),  # a lowercase correction: the main table's
    (("colour", "Color"), None),  # a word of the lexicon
])
def test_selection_of_capitalized_words_misspellings(entry, kept):
    assert select_names([entry], ZIPF, lexicon={"colour"}) == ([kept] if kept else [])


def test_the_shipped_ambiguous_table_keeps_codespells_order():
    table = read_ambiguous_misspellings(
        dictionaries_dir() / "built" / "ambiguous_misspellings.tsv")
    assert 3_000 < len(table) < 6_000
    assert table["realy"] == ("really", "relay")
    assert table["throught"] == ("thought", "through", "throughout")
    assert not set(table) & set(load_lexicon().misspellings)


def test_an_ambiguous_row_with_one_correction_is_an_error(tmp_path):
    path = tmp_path / "ambiguous.tsv"
    path.write_text("misspelling\tcorrections\tzipf\nrealy\treally\t2.76\n", encoding="utf-8")
    with pytest.raises(ValueError, match="fewer than two"):
        read_ambiguous_misspellings(path)


@pytest.fixture(scope="module")
def table():
    return load_lexicon().misspellings


@pytest.mark.parametrize(("slip", "fix"), [
    ("teh", "the"), ("recieve", "receive"), ("seperate", "separate"),
    ("definately", "definitely"), ("againts", "against"),
])
def test_the_slips_word_lists_let_through_are_in_the_shipped_table(table, slip, fix):
    assert table[slip] == fix


def test_no_row_is_a_word_of_the_lexicon_and_all_are_plain_lowercase(table):
    lexicon = lexicon_words()
    assert 40_000 < len(table) < 60_000
    assert table["britian"] == "Britain"  # a capitalized word's: name_misspellings.tsv
    for misspelling, correction in table.items():
        assert misspelling not in lexicon
        assert misspelling.isascii() and misspelling.isalpha() and misspelling.islower()
        assert misspelling != correction
    assert "house" not in table


def test_the_table_is_read_only_and_loaded_once_with_the_lexicon(table):
    shipped = read_misspellings(dictionaries_dir() / "built" / "misspellings.tsv")
    with pytest.raises(TypeError):
        shipped["teh"] = None  # type: ignore[index]
    names = read_misspellings(dictionaries_dir() / "built" / "name_misspellings.tsv")
    assert {**shipped, **names} == table
    assert load_lexicon().misspellings is table



def test_a_broken_row_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "misspellings.tsv"
    path.write_text("# made by hand\nmisspelling\tcorrection\tzipf\nteh\tthe\t3.04\n"
                    "# a comment\nrecieve receive\t2.75\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"misspellings.tsv:5: expected 3 fields, got 2"):
        read_misspellings(path)
    path.write_text("misspelling\tcorrection\tzipf\nteh\t\t3.04\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty misspelling or correction"):
        read_misspellings(path)


def test_only_line_ends_cut_rows(tmp_path):
    # A form feed or U+2028 inside a field is data, not a line end (str.splitlines would cut).
    path = tmp_path / "misspellings.tsv"
    path.write_text("misspelling\tcorrection\tzipf\r\nteh\tthe\u2028x\t3.04\r\n"
                    "abot\tabout\x0c\t0.00\n", encoding="utf-8")
    assert dict(read_misspellings(path)) == {"teh": "the\u2028x", "abot": "about\x0c"}
