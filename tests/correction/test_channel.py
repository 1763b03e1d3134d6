"""The channel model: confusion-aware edit costs, backward variants, forward misreadings."""

from __future__ import annotations

from normalizer.correction.channel import TYPO_COST, VOWEL_COST, ChannelModel
from normalizer.lexicon import Confusion

TABLE = (Confusion("rn", "m", 1.5), Confusion("v", "y", 1.2), Confusion("cl", "d", 2.0))


def test_equal_strings_cost_nothing_whatever_the_case():
    assert ChannelModel(TABLE).cost("Libya", "LIBYA") == 0.0


def test_a_two_character_confusion_is_one_cheap_operation():
    channel = ChannelModel(TABLE)
    assert channel.cost("governrnent", "government") == 1.5
    assert channel.cost("Libva", "Libya") == 1.2


def test_an_unknown_substitution_costs_a_typo_and_a_vowel_for_a_vowel_less():
    channel = ChannelModel(TABLE)
    assert channel.cost("houpe", "house") == TYPO_COST
    assert channel.cost("seperate", "separate") == VOWEL_COST


def test_variants_undo_up_to_two_confusions_with_summed_costs():
    variants = ChannelModel(TABLE).variants("rnovv")
    assert variants["movv"] == 1.5
    assert "moyy" not in variants  # three rewrites
    assert variants["moyv"] == 1.5 + 1.2


def test_misreadings_run_the_table_forwards():
    assert ChannelModel(TABLE).misreadings("dry", 2.0) == {"clry", "drv"}


def test_explain_names_the_confusion():
    channel = ChannelModel(TABLE)
    assert channel.explain("Libva", "Libya") == "glyph confusion y->v"
    assert channel.explain("houpe", "house") == "spelling slip: 's' written as 'p'"
    assert channel.explain("housse", "house") == "extra 's' inserted"
