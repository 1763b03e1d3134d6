"""The channel model: confusion-aware edit costs, backward variants, forward misreadings."""

from __future__ import annotations

from itertools import product

import pytest

from normalizer.correction.channel import (
    JUNK_COST,
    LOOKAHEAD,
    SEARCH_BEAM,
    SHORTLIST,
    ChannelModel,
    is_junk,
)
from normalizer.correction.keyboard import (
    ADJACENT_KEY_COST,
    TRANSPOSE_COST,
    TYPO_COST,
    VOWEL_COST,
    added_cost,
    added_letters,
    cheap_slips,
    key_beside,
    lost_letters,
    missing_cost,
    struck_beside,
    substitution_cost,
    transposed,
)
from normalizer.correction.vocabulary import Vocabulary
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


def test_pruned_variants_keep_every_word_at_its_cost():
    """With `is_prefix`, a variant no word begins is dropped with all made from it; every
    variant that is a word is still found, at the same cost."""
    channel = ChannelModel((*TABLE, Confusion("c", "e", 1.3), Confusion("li", "h", 1.4)))
    words = {"moyv", "move", "mode", "the", "they", "mv", "movement"}
    is_prefix = Vocabulary(words).has_prefix
    for token in ("rnovv", "rnocle", "tlie", "tliev", "rnv", "rnovernent", "clclcl"):
        every = channel.variants(token)
        pruned = channel.variants(token, is_prefix=is_prefix)
        assert set(pruned) <= set(every)
        assert {w: c for w, c in every.items() if w in words} == {
            w: c for w, c in pruned.items() if w in words}
        assert all(is_prefix(w[:1]) for w in pruned)
    assert channel.variants("tlie", is_prefix=is_prefix) == {"the": 1.4}


def _plain_cost(channel: ChannelModel, observed: str, intended: str) -> float:
    """The weighted edit distance written out cell by cell, every pair of segments tried."""
    w, c = observed.lower(), intended.lower()
    inf = float("inf")
    dp = [[inf] * (len(c) + 1) for _ in range(len(w) + 1)]
    dp[0][0] = 0.0
    table = channel._table
    for i, j in product(range(len(w) + 1), range(len(c) + 1)):
        here = dp[i][j]
        if here == inf:
            continue
        if i < len(w) and j < len(c):
            step = 0.0 if w[i] == c[j] else table.get((w[i], c[j]),
                                                       substitution_cost(w[i], c[j]))
            dp[i + 1][j + 1] = min(dp[i + 1][j + 1], here + step)
        if i < len(w):
            added = JUNK_COST if is_junk(w[i]) else added_cost(w, i)
            dp[i + 1][j] = min(dp[i + 1][j], here + added)
        if j < len(c):
            dp[i][j + 1] = min(dp[i][j + 1], here + missing_cost(c, j))
        if i + 1 < len(w) and j + 1 < len(c) and w[i] == c[j + 1] and w[i + 1] == c[j]:
            dp[i + 2][j + 2] = min(dp[i + 2][j + 2], here + TRANSPOSE_COST)
        for lo, li in product(range(1, 4), range(1, 4)):
            cost = table.get((w[i : i + lo], c[j : j + li]))
            if (lo, li) != (1, 1) and cost is not None and i + lo <= len(w) and j + li <= len(c):
                dp[i + lo][j + li] = min(dp[i + lo][j + li], here + cost)
    return 0.0 if w == c else dp[-1][-1]


@pytest.mark.parametrize(("observed", "intended", "cost"), [
    ("pasges", "pages", ADJACENT_KEY_COST),  # s beside a on the keyboard
    ("papges", "pages", TYPO_COST),  # p beside neither a nor g
    ("pagess", "pages", ADJACENT_KEY_COST),  # a letter doubled costs the same
    ("lowercased", "lowercase", TYPO_COST),  # after the last letter: as often a suffix
    ("xdist", "dist", TYPO_COST),  # before the first: as often a prefix
])
def test_a_letter_added_beside_its_key_neighbour_costs_an_adjacent_key_slip(
        observed, intended, cost):
    assert ChannelModel(()).cost(observed, intended) == cost


def test_a_missing_vowel_costs_a_vowel_slip_and_a_missing_consonant_a_typo():
    channel = ChannelModel(TABLE)
    assert channel.cost("ws", "was") == channel.cost("definitly", "definitely") == VOWEL_COST
    assert channel.cost("eal", "deal") == channel.cost("goverment", "government") == TYPO_COST
    assert missing_cost("seen", 2) == added_cost("seen", 2)  # one e of two: a double letter


@pytest.mark.parametrize("observed, intended", [
    ("governrnent", "government"), ("clry", "dry"), ("rnclv", "mdy"), ("Libva", "Libya"),
    ("tlie", "the"), ("hte", "the"), ("aa", "a"), ("g*vernment", "government"), ("x", "yz"),
    ("rnrnrn", "mmm"), ("", "ab"), ("ab", ""), ("tliat", "that"), ("cllear", "dear"),
])
def test_cost_is_the_plain_weighted_edit_distance(observed, intended):
    channel = ChannelModel((*TABLE, Confusion("li", "h", 1.4), Confusion("cin", "era", 2.2)))
    assert channel.cost(observed, intended) == _plain_cost(channel, observed, intended)


@pytest.mark.parametrize("bound", [0.0, 1.4, 2.2, TYPO_COST, 5.0, 9.0])
def test_a_bounded_cost_is_exact_within_its_bound_and_infinite_above(bound):
    """The reading stops once every path costs more than `bound`: a cheap confusion several
    rows down ('cin' for 'era', 'rn' for 'm') still counts before it does."""
    channel = ChannelModel((*TABLE, Confusion("li", "h", 1.4), Confusion("cin", "era", 2.2)))
    pairs = [("governrnent", "government"), ("cinly", "early"), ("rnclv", "mdy"),
             ("dulwich", "castle"), ("tliat", "that"), ("xxcin", "era"), ("mrs", "messrs"),
             ("g*vernment", "government"), ("", "ab"), ("ab", ""), ("hte", "the")]
    for observed, intended in pairs:
        full = channel.cost(observed, intended)
        bounded = channel.cost(observed, intended, bound)
        assert bounded == (full if full <= bound else float("inf")), (observed, intended)


def test_misreadings_run_the_table_forwards():
    assert ChannelModel(TABLE).misreadings("dry", 2.0) == {"clry", "drv"}


def test_explain_names_the_confusion():
    channel = ChannelModel(TABLE)
    assert channel.explain("Libva", "Libya") == "glyph confusion y->v"
    assert channel.explain("houpe", "house") == "spelling slip: 's' written as 'p'"
    assert channel.explain("housse", "house") == "extra 's' inserted"


VOCABULARY = Vocabulary(
    ["government", "governor", "bearing", "bring", "modern", "the", "them", "separate"]
)
SEARCH_TABLE = (*TABLE, Confusion("c", "e", 1.3), Confusion("u", "ri", 1.4),
                Confusion("a", "n", 1.6), Confusion("«", "s", 1.5))


def test_search_finds_a_word_four_confusions_away():
    # 'rn' -> 'm', 'c' -> 'e' twice: three rewrites, beyond `variants`.
    found = ChannelModel(SEARCH_TABLE).search("governrncnt", VOCABULARY, 7.0)
    assert found == {"government": 1.5 + 1.3}
    assert "government" not in ChannelModel(SEARCH_TABLE).variants("govcrnrncnt")
    assert ChannelModel(SEARCH_TABLE).search("govcrnrncnt", VOCABULARY, 7.0) == {
        "government": 1.3 + 1.5 + 1.3
    }


def test_search_allows_confusions_and_one_typo_but_not_two():
    channel = ChannelModel(SEARCH_TABLE)
    # 'c' -> 'e' and the lost 'i' (a typo).
    assert channel.search("bcarng", VOCABULARY, 7.0)["bearing"] == pytest.approx(1.3 + TYPO_COST)
    assert "bearing" not in channel.search("bcxrng", VOCABULARY, 9.0)  # two typos


def test_search_drops_junk_characters_and_undoes_junk_confusions():
    channel = ChannelModel(SEARCH_TABLE)
    assert channel.search("gover*nment", VOCABULARY, 7.0) == {"government": JUNK_COST}
    # An apostrophe is no junk: dropping it is a typo, dearer than JUNK_COST.
    assert channel.search("th'em", VOCABULARY, JUNK_COST + 0.1) == {}
    assert channel.search("«eparate", VOCABULARY, 7.0) == {"separate": 1.5}


def test_search_respects_its_cost_bound_and_never_returns_the_token():
    channel = ChannelModel(SEARCH_TABLE)
    assert "bearing" not in channel.search("bcarng", VOCABULARY, 4.0)
    assert channel.search("the", VOCABULARY, 7.0).get("the") is None


class CountingVocabulary(Vocabulary):
    """A vocabulary that counts the prefix queries asked of it."""

    __slots__ = ("queries",)

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self.queries = 0
        has_prefix, next_characters = self._has_prefix, self._next_characters
        self.has_prefix = lambda prefix: self._count() or has_prefix(prefix)
        self.next_characters = lambda prefix: self._count() or next_characters(prefix)

    def _count(self) -> None:
        self.queries += 1


@pytest.mark.parametrize("token", ["x" * 40, "ab" * 20, "abba" * 10])
def test_search_work_is_bounded_by_its_beam(token):
    # Every string of a and b up to twelve letters is a word, and a and b are confused for
    # each other: without the beam the hypotheses would double at each place.
    words = ["".join(letters) for n in range(1, 13) for letters in product("ab", repeat=n)]
    vocabulary = CountingVocabulary(words)
    table = (Confusion("a", "b", 0.5), Confusion("b", "a", 0.5))
    ChannelModel(table).search(token, vocabulary, 7.0)
    places = len(token) + 1
    # Per hypothesis kept: the character as printed, one confusion, the next characters for
    # a lost and a substituted letter (two each), a swap, and the look-ahead of its ranking.
    per_hypothesis = 1 + 1 + 2 + 2 + 1 + LOOKAHEAD
    assert 0 < vocabulary.queries <= places * SEARCH_BEAM * SHORTLIST * per_hypothesis


@pytest.mark.parametrize(("word", "slip"), [
    ("for", "fro"),  # neighbours swapped
    ("for", "foe"),  # a key beside r
    ("and", "ans"),  # a key beside d
    ("more", "mora"),  # a vowel for a vowel
    ("will", "wil"),  # a double letter single
    ("for", "foor"),  # a letter doubled
    ("pages", "pasges"),  # s struck with the a beside it
    ("campuses", "cazmpuses"),  # z struck with the a before it
    ("that", "thgat"),  # g struck with the h before it
])
def test_cheap_slips_are_a_typists_cheapest(word, slip):
    assert slip in cheap_slips(word)
    assert ChannelModel(()).cost(slip, word) <= TRANSPOSE_COST


@pytest.mark.parametrize(("word", "other"), [
    ("for", "fox"),  # x is nowhere near r
    ("pages", "papges"),  # p added beside a and g, keys far from it
    ("been", "bee"),  # a letter lost: dearer than a slip
    ("women", "omen"),
    ("and", "and"),
])
def test_dearer_edits_are_no_cheap_slips(word, other):
    assert other not in cheap_slips(word)


@pytest.mark.parametrize(("confusions", "tells"), [
    (TABLE, True),
    # a confusion within one slip that `variants` does not run backwards
    ((*TABLE, Confusion("li", "h", 3.0)), False),
    # three confusions cheap enough to stay within one slip together
    ((*TABLE, Confusion("c", "e", 1.0)), False),
    # a confusion and a plain edit within one slip together
    ((Confusion("0", "o", 0.4),), False),
])
def test_readings_within_one_slip_are_variants_or_one_plain_edit_away(confusions, tells):
    channel = ChannelModel(confusions, rewrite_max_cost=2.5)
    assert channel.finds_every_reading_within(TYPO_COST) is tells


def test_lost_letters_are_the_word_with_any_one_letter_left_out():
    assert lost_letters("week") == {"eek", "wek", "wee"}


def test_added_letters_are_the_word_with_any_one_letter_typed_in():
    added = added_letters("he")
    assert {"the", "hew", "hxe"} <= added and "he" not in added
    assert len(added) == 3 * 26 - 2  # 'hhe' and 'hee' twice each


@pytest.mark.parametrize(("observed", "intended", "kind"), [
    ("bahsar", "bashar", "swap"),
    ("bjndesbank", "bundesbank", "neighbour key"),  # j beside u
    ("hutchenson", "hutchinson", None),  # a vowel for a vowel: no neighbouring key
    ("abfams", "abrams", "neighbour key"),
    ("bashar", "bashar", None),
    ("bashr", "bashar", None),  # a letter lost
    ("bhasar", "bashar", None),  # a letter moved two places
])
def test_a_swap_and_a_neighbouring_key_are_told_apart(observed, intended, kind):
    assert transposed(observed, intended) is (kind == "swap")
    assert key_beside(observed, intended) is (kind == "neighbour key")


@pytest.mark.parametrize(("observed", "intended", "struck"), [
    ("schifgf", "schiff", True),  # g struck with the f before it
    ("lübecfk", "lübeck", True),
    ("inbternist", "internist", True),  # b beside the n
    ("kazzuo", "kazuo", False),  # a letter doubled
    ("boulevardes", "boulevards", False),  # a vowel: names and words differ so
    ("trumpo", "trump", False),  # after the last letter: a suffix as often
    ("xschiff", "schiff", False),  # before the first
    ("papges", "pages", False),  # p is far from a and g
    ("trester", "tester", False),  # an onset: a name of its own
    ("fglogging", "flogging", True),  # no onset
    ("schiff", "schiff", False),
])
def test_a_consonant_struck_beside_its_neighbour(observed, intended, struck):
    assert struck_beside(observed, intended) is struck
