"""The learned OCR channel: how dictionaries/build_channel.py aligns and counts, and the loader."""

import math

import pytest

from dictionaries.build_channel import (
    MIN_COUNT,
    PRIOR_WEIGHT,
    Article,
    channel_rows,
    classify,
    count,
    edit_regions,
    misreading_rows,
    spearman,
    word_pairs,
)
from normalizer.channel_table import (
    ChannelTable,
    load_channel_table,
    read_channel_table,
    read_confusions,
)
from normalizer.correction.channel import ChannelModel


def confusions_of(observed: str, intended: str) -> list:
    return [classify(observed, intended, region) for region in edit_regions(observed, intended)]


@pytest.mark.parametrize(("observed", "intended", "expected"), [
    ("tho", "the", [("segment", "o", "e")]),
    ("rnodern", "modern", [("segment", "rn", "m")]),  # two glyphs for one: one confusion
    ("tlie", "the", [("segment", "li", "h")]),
    ("thee", "the", [("segment", "ee", "e")]),  # an inserted letter carries the one before
    ("al ready", "already", [("split", "l", "r")]),
    ("ofthe", "of the", [("merge", "f", "t")]),
    ("cat", "cat.", [None]),  # punctuation lost: not a word confusion
    ("so", "80", [None]),  # the engine never writes digits for letters
    ("5tate", "state", [("segment", "5", "s")]),
    ("xqzwv", "house", [None]),  # garbled beyond three characters
])
def test_edit_regions_become_confusions(observed, intended, expected):
    assert confusions_of(observed, intended) == expected


def test_word_pairs_align_the_words_of_a_line():
    assert list(word_pairs("tho cat, aud dog", "the cat and dog")) == [
        ("tho", "the"), ("cat", "cat"), ("aud", "and"), ("dog", "dog")]
    # A split word pairs nothing rather than the wrong neighbours.
    assert ("al", "already") not in list(word_pairs("al ready now", "already now"))


def test_counts_rates_and_the_hand_prior():
    lines = [("tho cat sat on tho mat", "the cat sat on the mat")] * 3
    lines += [("a bird in the tree", "a bird in the tree")]
    counts = count([Article("a", lines)])
    assert counts.confusions["segment", "o", "e"] == 6
    rows = {(r.observed, r.intended): r for r in channel_rows(counts, {("rn", "m"): 0.05})}
    o_for_e = rows["o", "e"]
    assert (o_for_e.count, o_for_e.total) == (6, counts.intended["e"])
    assert o_for_e.cost == pytest.approx(-math.log10(6 / (o_for_e.total + PRIOR_WEIGHT)), abs=1e-3)
    # The hand table's confusion stays, unseen, at its prior shrunk by the data.
    assert rows["rn", "m"].count == 0
    assert rows["rn", "m"].cost > -math.log10(0.05)


def test_rare_confusions_are_pruned():
    lines = [("the cot", "the cat")] * (MIN_COUNT - 1) + [("tho", "the")] * MIN_COUNT
    keys = {(r.observed, r.intended) for r in channel_rows(count([Article("a", lines)]), {})}
    assert keys == {("o", "e")}


def test_misaligned_lines_are_skipped():
    counts = count([Article("a", [("completely different", "nothing alike here")])])
    assert (counts.lines_used, counts.lines_skipped) == (0, 1)
    assert not counts.confusions


def test_misreading_rows_count_how_often_a_printed_word_meant_another():
    lines = [("tho end", "the end")] * 4 + [("tho", "tho")]
    rows = misreading_rows(count([Article("a", lines)]), known={"tho"})
    assert rows == [("tho", "the", 4, 5, "yes")]


def test_spearman():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2], [5, 5, 9]) == pytest.approx(1.0)


@pytest.fixture(scope="module")
def table() -> ChannelTable:
    return load_channel_table()


def test_shipped_table_has_this_ocrs_main_confusions(table):
    costs = {(c.observed, c.intended): c for c in table.confusions}
    assert costs["o", "e"].count > 1000  # "tho", "ho", "bo": the commonest of all
    for pair in [("i", "r"), ("l", "i"), ("c", "e"), ("n", "a"), ("u", "n"), ("li", "h"),
                 ("rn", "m")]:
        assert pair in costs, pair
    assert costs["o", "e"].cost < costs["rn", "m"].cost
    assert all(c.observed != c.intended and c.observed and c.intended for c in table.confusions)
    assert 100 < len(table.confusions) < 3000


def test_learned_confusions_plug_into_the_channel_model(table):
    model = ChannelModel(table.as_confusions())
    assert model.cost("tho", "the") < model.cost("thx", "the")
    assert model.cost("fiom", "from") < model.cost("fxom", "from")


def test_misreadings(table):
    tho = table.misreadings_of("Tho")
    assert tho[0].intended == "the" and tho[0].known and tho[0].rate > 0.9
    assert any(m.intended == "and" for m in table.misreadings_of("aud"))
    assert table.misreadings_of("house") == ()


def test_boundary_costs_fall_back_to_the_overall_rate(table):
    overall = table.boundary_cost("split", "*", "*")
    pairs = [(b.before, b.after) for b in table.boundaries if b.event == "split" and b.before != "*"]
    assert pairs and table.boundary_cost("split", *pairs[0]) != overall
    assert table.boundary_cost("split", "q", "x") == overall
    with pytest.raises(ValueError, match="unknown boundary event"):
        table.boundary_cost("swap", "a", "b")


def test_one_table_per_process(table):
    assert load_channel_table() is table


def test_malformed_files_say_where(tmp_path):
    path = tmp_path / "channel.tsv"
    path.write_text("# note\nobserved\tintended\tcount\ttotal\tcost\no\te\t3\t10\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"channel.tsv:3: could not convert"):
        read_confusions(path)
    path.write_text("observed\tintended\tcount\ttotal\tcost\no\te\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"channel.tsv:2: expected 5 fields, got 3"):
        read_confusions(path)
    path.write_text("observed\tintended\n", encoding="utf-8")
    with pytest.raises(ValueError, match="the header must be"):
        read_confusions(path)
    path.write_text("observed\tintended\tcount\ttotal\tcost\n\te\t3\t10\t1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty"):
        read_confusions(path)


def test_a_folder_without_overall_boundary_rates_is_refused(tmp_path):
    built = tmp_path / "built"
    built.mkdir()
    (built / "channel.tsv").write_text("observed\tintended\tcount\ttotal\tcost\n", encoding="utf-8")
    (built / "boundaries.tsv").write_text("event\tbefore\tafter\tcount\ttotal\tcost\n", encoding="utf-8")
    (built / "ocr_misreadings.tsv").write_text(
        "observed\tintended\tcount\tobserved_total\tknown\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no overall split rate"):
        read_channel_table(tmp_path)
