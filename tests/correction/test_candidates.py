"""Candidate generation and scoring for single tokens."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from normalizer import Normalizer
from normalizer.correction.candidates import (
    DEEP_MAX_COST,
    SLIP_BONUS,
    TYPO_LOOKUP_MAX_ZIPF,
    context_free_candidates,
    lowercase_candidate,
    lowercase_word,
    name_words,
    needs_deep_search,
    scored_candidates,
    slip_bonus,
)
from normalizer.correction.document import Document
from normalizer.correction.hypothesis import name_for, offer
from normalizer.correction.speller import Speller, speller_for
from normalizer.correction.word_policy import HEADLINE_POLICY, WordRule
from normalizer.tokens import word_types

from .support import token_in


def test_ocr_variants_reach_common_words_and_gazetteer_names(speller):
    assert "government" in speller.word_candidates("governrnent", None)
    assert "libya" in speller.word_candidates("Libva", None)


def test_the_spellers_variants_are_the_channels_known_words_at_their_costs(speller):
    """The speller keeps of the channel's pruned variants the words and names the lexicon
    knows, every one at its cost: the beginnings of words the pruning leaves are dropped."""
    lexicon = speller.lexicon
    for key in ("governrnent", "libva", "tliey", "rnodern", "arc", "xqzv"):
        pruned = speller.channel.variants(key, is_prefix=lexicon.beginnings)
        known = {v: c for v, c in pruned.items()
                 if v in lexicon.common or v in lexicon.zipf or v in lexicon.names}
        assert dict(speller.variants(key)) == known
    assert "government" in dict(speller.variants("governrnent"))


def test_a_name_shaped_token_without_policy_gets_no_common_word(speller):
    assert "bounties" not in speller.word_candidates("Bourities", None)
    assert "bounties" in speller.word_candidates("Bourities", HEADLINE_POLICY)


def test_a_capitalized_typo_of_a_very_common_word_needs_a_policy_that_admits_words(speller):
    """Without a policy (a spelling its document repeats: a name of its own, NVIDIA's
    'Nsight' twice in CMake's release notes) no common word is one slip away."""
    assert "department" in speller.word_candidates("Departmnet", HEADLINE_POLICY)
    assert "department" not in speller.word_candidates("Departmnet", None)
    text = "Projects for NVIDIA Nsight Tegra.\n\nNVIDIA Nsight Tegra Visual Studio Edition."
    assert Normalizer().normalize(text).text == text


def test_a_long_unseen_capitalized_token_reads_as_its_common_word(speller):
    assert "negotiators" in speller.word_candidates("Negotiafors", WordRule(3.0, 2.5, 2.0))
    assert "negotiators" not in speller.word_candidates("Negotiafors", WordRule(3.0, 2.5))


def test_a_lowercase_token_with_an_inner_digit_may_become_a_word_wordfreq_knows(speller):
    """'delisted' (Zipf 2.6) is in no word list: the digit proves the OCR error."""
    assert "delisted" not in speller.lexicon.common
    assert speller.word_candidates("de1isted", None)["delisted"].source == "wordfreq"
    assert "delisted" not in speller.word_candidates("dellsted", None)  # no digit: no proof


def test_offer_keeps_the_better_score_and_applies_case():
    found = {}
    offer(found, "LIBVA", "libya", 2.0, 4.0, "gazetteer")
    offer(found, "LIBVA", "libya", 3.0, 4.0, "gazetteer")
    assert found["libya"].word == "LIBYA" and found["libya"].cost == 2.0


def test_document_rivals_are_candidates(speller):
    text = "Smithe met Mr. Smithe. Smythe said so."
    doc = Document(word_types(text), speller.lexicon.common)
    found = scored_candidates(speller, token_in(text, "Smythe"), text, doc, {})
    assert found[0].word == "Smithe" and found[0].source == "document"


def test_a_rival_from_a_heading_in_capitals_takes_the_tokens_case(speller):
    text = ("WHEELER V WHEELER.\nHorace Whoeler petitioned for a divorce from his wife, "
            "who had left the house in the spring of that year.")
    doc = Document(word_types(text), speller.lexicon.common)
    found = scored_candidates(speller, token_in(text, "Whoeler"), text, doc, {})
    assert found[0].word == "Wheeler" and found[0].source == "document"


def test_a_name_with_a_capital_inside_is_no_slip_of_a_name_the_document_repeats(speller):
    text = "Python runs. Python is fast. CPython is one Python."
    doc = Document(word_types(text), speller.lexicon.common)
    found = scored_candidates(speller, token_in(text, "CPython"), text, doc, {})
    assert all(c.source != "document" for c in found)


def test_the_learned_channel_looks_up_typos_of_words_the_web_writes_now_and_then(lexicon):
    # 'siad' (Zipf 2.1) is above the default's bound and under the learned channel's.
    assert lexicon.frequency("siad") >= TYPO_LOOKUP_MAX_ZIPF
    assert context_free_candidates(speller_for(lexicon), "siad", None, {}) == {}
    learned = context_free_candidates(speller_for(lexicon, "learned"), "siad", None, {})
    assert learned["said"].source == "lexicon"


def test_candidates_are_sorted_best_first(speller):
    text = "The governrnent said it would act."
    doc = Document(Counter(), speller.lexicon.common)
    found = scored_candidates(speller, token_in(text, "governrnent"), text, doc, {})
    assert found[0].key == "government"
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_a_listed_common_misspelling_offers_its_correction_first(speller):
    found = speller.word_candidates("recieve", None)
    assert found["receive"].source == "misspellings"
    assert max(found.values(), key=lambda c: c.score).key == "receive"


def test_the_misspellings_table_is_used_for_lowercase_single_words_only(lexicon):
    from normalizer.correction.candidates import known_misspelling

    assert known_misspelling(lexicon, "teh") == "the"
    assert known_misspelling(lexicon, "Teh") is None
    assert known_misspelling(lexicon, "house") is None
    assert known_misspelling(lexicon, "britian") is None  # a capitalized word's slip


@pytest.mark.parametrize(("token", "word"), [
    ("britian", "Britain"), ("Britian", "Britain"), ("Carribean", "Caribbean"),
    ("febuary", "February"),
    ("BRITIAN", None),  # capitals: a heading's or an acronym's, not the table's
    ("Goole", None),  # a town the gazetteer holds
    ("Juli", None),  # German for July
    ("teh", None),  # a common word's slip: `known_misspelling`
])
def test_a_capitalized_words_misspelling_is_read_in_lower_or_title_case(lexicon, token, word):
    from normalizer.correction.candidates import known_name_misspelling

    assert known_name_misspelling(lexicon, token) == word


@pytest.fixture(scope="module")
def learned(lexicon) -> Speller:
    return speller_for(lexicon, "learned")


def test_a_deep_search_reaches_words_no_single_confusion_explains(learned):
    # Three operations or more: beyond the two cheap confusions `variants` undoes.
    assert "bearing" not in {v for v, _ in learned.variants("bcaung")}
    assert "bearing" in learned.word_candidates("bcaung", None)
    assert learned.word_candidates("toavn", None)["town"].cost < DEEP_MAX_COST
    assert "commenced" in learned.word_candidates("eommonced", None)


def test_a_capitalized_token_gets_only_a_very_common_word_within_its_policy(learned):
    found = learned.word_candidates("GOVORNRNONT", HEADLINE_POLICY)
    assert found["government"].word == "GOVERNMENT"
    assert "minerals" not in learned.word_candidates("MINEHALS", HEADLINE_POLICY)  # Zipf 3.9
    assert learned.word_candidates("Minehals", None) == {}  # mid-sentence and seen: names only
    # A name a typo away from another name, or from a rarer word, stays a name.
    assert "cunningham" not in learned.word_candidates("Dunningham", HEADLINE_POLICY)
    assert "barrier" not in learned.word_candidates("Bartier", WordRule(3.0, 2.5))


def test_a_deep_search_never_turns_a_lowercase_word_into_a_surname(learned):
    assert "murray" not in learned.word_candidates("murram", None)


def test_only_the_learned_channel_searches_deep(speller, learned):
    assert needs_deep_search(learned, "bcaung", None, {})
    assert not needs_deep_search(speller, "bcaung", None, {})
    assert "bearing" not in speller.word_candidates("bcaung", None)


def test_short_or_frequent_tokens_get_no_deep_search(learned):
    found = learned.word_candidates("bcaung", None)
    assert needs_deep_search(learned, "bcaung", None, {})
    assert not needs_deep_search(learned, "cffi", None, {})  # too short
    assert not needs_deep_search(learned, "Redg", HEADLINE_POLICY, {})  # too short for a name
    assert not needs_deep_search(learned, "donald", None, {})  # wordfreq knows it well
    assert not needs_deep_search(learned, "Minehals", None, {})  # only names may replace it
    cheap = {"from": replace(found["bearing"], cost=1.6)}
    assert not needs_deep_search(learned, "bcaung", None, cheap)  # one confusion explains it


def test_case_slips_are_read_as_the_words_they_slipped_from(speller):
    assert speller.word_candidates("aLmbing", None)["lambing"].word == "Lambing"
    assert speller.word_candidates("TReam", None)["team"].source == "case"
    assert speller.word_candidates("THis", None)["this"].word == "This"


def test_a_shifted_word_wordfreq_knows_in_lowercase_is_a_word_of_its_own(speller):
    assert "ding" not in speller.word_candidates("DJing", HEADLINE_POLICY)
    assert "djing" not in speller.word_candidates("DJing", HEADLINE_POLICY)


def test_a_person_name_replaces_a_lowercase_token_only_when_it_is_a_very_common_word(lexicon):
    assert lowercase_candidate(lexicon, "said")  # Edward Said, but Zipf 6
    assert not lowercase_candidate(lexicon, "murray")  # 'murram' is no typo for a surname
    assert not lowercase_candidate(lexicon, "xyzzyq")


def test_typo_rivals_are_very_frequent_words_a_rare_one_slips_from(speller):
    assert speller.typo_rivals("foe") == ("for",)
    assert "will" in speller.typo_rivals("sill")
    assert speller.typo_rivals("the") == ()  # a very frequent word has none
    assert speller.typo_rivals("omen") == ("women",)  # a letter lost
    assert speller.typo_rivals("eek") == ("week",)


def test_a_more_frequent_words_typo_rivals_are_asked_for_careless_text_only(speller):
    assert speller.typo_rivals("mode") == ()  # Zipf 4.6: above `REAL_WORD_MAX_ZIPF`
    assert "more" in speller.typo_rivals("mode", careless=True)
    assert "had" in speller.typo_rivals("bad", careless=True)  # Zipf 5.53
    assert speller.typo_rivals("the", careless=True) == ()  # Zipf 7.7


def test_a_title_case_token_is_never_read_as_an_acronym(lexicon):
    msf, nato = lexicon.names["msf"], lexicon.names["nato"]
    assert msf.canonical == "MSF" and name_for("Insf", msf) is None
    assert name_for("INSF", msf) is msf and name_for("insf", msf) is msf
    assert name_for("Natto", nato) is None and name_for("Lavroy", lexicon.names["lavrov"])


@pytest.mark.parametrize(("text", "expected"), [
    ("His Pakistan Tehreek-e-Insf party said so.", "His Pakistan Tehreek-e-Insf party said so."),
    ("Novv the court sat.", "Now the court sat."),  # the word, not the acronym NOW
])
def test_an_acronym_is_no_reading_of_a_title_case_token(text, expected):
    assert Normalizer().normalize(text).text == expected


@pytest.mark.parametrize(("key", "name", "bonus"), [
    ("bahsar", "bashar", SLIP_BONUS),  # two letters swapped
    ("bjndesbank", "bundesbank", SLIP_BONUS),  # a neighbouring key, 10 letters
    ("abfams", "abrams", 0.0),  # a neighbouring key in a short name: as often a real one
    ("hutchenson", "hutchinson", 0.0),  # a vowel for a vowel: how names vary
])
def test_a_slip_that_seldom_spells_one_name_as_another_favours_the_name(key, name, bonus):
    assert slip_bonus(key, name) == bonus


def test_an_unseen_token_one_swap_from_a_gazetteer_name_reads_as_the_name(speller):
    swapped = context_free_candidates(speller, "Bahsar", None, {})["bashar"]
    assert swapped.prior == speller.name_prior("bashar", speller.lexicon.names["bashar"]) + (
        SLIP_BONUS)


def test_a_long_unseen_lowercase_token_one_swap_from_a_word_favours_it(speller):
    frequency = speller.lexicon.frequency
    found = context_free_candidates(speller, "fiveflod", None, {})
    assert found["fivefold"].prior == frequency("fivefold") + SLIP_BONUS
    # A short one has too many neighbours: 'ucres' is 'acres' as much as 'cures'.
    short = context_free_candidates(speller, "ucres", None, {})
    assert short["cures"].prior == frequency("cures")


def test_a_slips_odds_are_no_frequency_in_the_reason(speller):
    edit = Normalizer().normalize("Spending rose, a fiveflod increase since 2014.").applied[0]
    zipf = speller.lexicon.frequency("fivefold")
    assert f"'fivefold' is a common word (Zipf {zipf:.1f})" in edit.reason


def test_a_surname_that_is_a_word_first_may_replace_a_lowercase_typo(lexicon):
    assert {"silver", "roof", "justice"} <= name_words()
    assert not {"murray", "jones", "obama", "tom"} & name_words()  # names, not words
    assert lowercase_word(lexicon, "silver") and not lowercase_candidate(lexicon, "silver")
    assert not lowercase_word(lexicon, "murray")
    assert lowercase_word(lexicon, "said")  # very frequent: a word whatever the gazetteer says
    engine = Normalizer()
    text = "Rebeca Andrade of Brazil took ilver and Sunisa Lee bronze."
    assert engine.normalize(text).text == text.replace("ilver", "silver")
    clean = "The cattle were fed on murram all winter."
    assert engine.normalize(clean).text == clean


def test_a_capitalized_token_mid_sentence_favours_a_gazetteer_name_over_a_word():
    text = "Human rights groups said 2,000 were detained. Mr. González later fled to Spaiu."
    # 'Spain' ('n' read as 'u') over 'Spam' ('m' as 'iu'): a capital there is a name's.
    assert Normalizer().normalize(text).text.endswith("later fled to Spain.")
