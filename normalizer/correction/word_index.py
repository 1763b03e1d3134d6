"""What one lexicon's words say of each other, whatever the OCR channel: symspell's nearest
words, the very frequent words and their typing slips, the gazetteer's name partners and the
deep search's vocabulary, with their memos.

Every `Speller` of one lexicon shares one (`word_index_for`): the default profile's speller
and the one a densely misread document reads with (`dense_ocr`) read the same tables and
memos. Built per speller, the first dense document of a run waited about 80 ms for its own
copies (a tenth of the speed bench's clean corpus), and a process held both.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property, lru_cache

from symspellpy import SymSpell, Verbosity

from ..lexicon import SYMSPELL_PREFIX, Lexicon
from .keyboard import cheap_slips, lost_letters
from .vocabulary import Vocabulary

REAL_WORD_MIN_RIVAL_ZIPF = 5.2
"""A common word of Zipf `speller.REAL_WORD_MAX_ZIPF` or less one OCR confusion away from a
very frequent one ('aud'/'and', 'tor'/'for', 'arc'/'are', 'tho'/'the') is a suspect too, but
is corrected only when the bigram list pairs both neighbours with the rival and neither with
the word itself. So is one a typist's cheapest slip away from one (`typo_rivals`:
'foe'/'for', 'ans'/'and'), in typed text's second opinion. From 5.5 down to 5.2 ('carly'/
'early', 'sou'/'son'): 2 more typos fixed on the synthetic modern news, 4 on the whole
synthetic set, 20 error units on OverProof dataset 2 (default profile), and the one clean word
more changed an OCR error the ground truth kept ('three mouths ending the 30th of June');
at 5.0 'the clog was not a dog' lost its clog."""
ONE_EDIT_MAX_LENGTH = 5
"""symspell looks a key this short up one edit away only: two edits in a word of five letters
or fewer leave too little of it to go on."""

NamePartners = tuple[dict[str, set[str]], dict[str, set[str]]]
"""The words after and the words before each word in the gazetteer's names (read-only)."""

Nearest = tuple[tuple[str, float], ...]
"""Words with their Zipf, most frequent first."""


class WordIndex:
    """One lexicon's channel-free word tables and symspell lookups, memoized (bounded: a
    long batch run keeps a flat memory profile)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.nearest_words = lru_cache(maxsize=16_384)(self._nearest_uncached)
        self.nearest_words_within_one = lru_cache(maxsize=16_384)(
            lambda key: self._nearest_at(self.lexicon.symspell, key, 1))
        self.frequent_words_one_edit = lru_cache(maxsize=4_096)(
            lambda key: self._nearest_at(self.frequent_symspell, key, 1))
        self.slips_of_very_frequent = lru_cache(maxsize=4)(self._slips_uncached)

    def _nearest_uncached(self, key: str) -> Nearest:
        """symspell's nearest words (one edit, else two), most frequent first, with their
        Zipf. Two-edit OCR slips (rn -> m) come from the channel model's variants instead."""
        # One edit is asked first: a fraction of the lookup of two, and the same closest
        # words whenever it finds any (2.6 times faster over the speed bench's words).
        found = self.nearest_words_within_one(key)
        if found or len(key) <= ONE_EDIT_MAX_LENGTH:
            return found
        return self._nearest_at(self.lexicon.symspell, key, 2)

    def _nearest_at(self, symspell: SymSpell, key: str, distance: int) -> Nearest:
        """symspell's closest words to `key` within `distance` edits, but `key` itself, most
        frequent first, with their Zipf."""
        items = symspell.lookup(key, Verbosity.CLOSEST, distance)
        if items and items[0].distance == 0:
            # The key is in symspell's own dictionary ('wto', 'amd', 'ater': the web's
            # typos), where the closest term is itself: its nearest others are the
            # closest of all.
            items = [item for item in symspell.lookup(key, Verbosity.ALL, distance)
                     if item.distance]
            items = [item for item in items if item.distance == items[0].distance]
        found = [(item.term, self.lexicon.frequency(item.term)) for item in items]
        return tuple(sorted(((t, z) for t, z in found if t != key), key=lambda x: (-x[1], x[0])))

    @cached_property
    def very_frequent(self) -> tuple[str, ...]:
        """The common words a rare one may be a misreading or a slip of (Zipf at least
        `REAL_WORD_MIN_RIVAL_ZIPF`)."""
        return self.common_at_least(REAL_WORD_MIN_RIVAL_ZIPF)

    def common_at_least(self, zipf: float) -> tuple[str, ...]:
        """The common words of Zipf `zipf` or more, in the common-word list's order."""
        frequent = self.lexicon.words_at_least(zipf)
        return tuple(word for word in self.lexicon.common if word in frequent)

    def _slips_uncached(self, most: float) -> dict[str, tuple[str, ...]]:
        """The common words of Zipf `most` or less that are slips of very frequent words
        (`keyboard.cheap_slips`, `keyboard.lost_letters`), each with those words
        (`slips_of_very_frequent`, memoized per `most`)."""
        lexicon = self.lexicon
        rivals: dict[str, list[str]] = {}
        for word in self.very_frequent:
            for slip in cheap_slips(word) | lost_letters(word):
                if slip in lexicon.common and lexicon.frequency(slip) <= most:
                    rivals.setdefault(slip, []).append(word)
        return {slip: tuple(sorted(words)) for slip, words in rivals.items()}

    @cached_property
    def frequent_symspell(self) -> SymSpell:
        """A symspell index of the very frequent words alone, one edit deep."""
        full = self.lexicon.symspell
        # One edit: `nearest_words` asks no more of a key of `ONE_EDIT_MAX_LENGTH` letters.
        symspell = SymSpell(1, SYMSPELL_PREFIX, distance_comparer=full.distance_comparer)
        for word in self.very_frequent:
            symspell.create_dictionary_entry(word, full.words[word])
        return symspell

    @cached_property
    def name_partners(self) -> NamePartners:
        """For each word of a gazetteer name pair (`Lexicon.name_pairs`), the words that
        follow it and the words that precede it in some name (built once: about 10 ms)."""
        after: dict[str, set[str]] = defaultdict(set)
        before: dict[str, set[str]] = defaultdict(set)
        for pair in self.lexicon.name_pairs:
            first, _, second = pair.partition(" ")
            after[first].add(second)
            before[second].add(first)
        return dict(after), dict(before)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """What a deep search may find: common words, gazetteer names, and the words
        wordfreq has seen often enough to replace a capitalized token in a headline (no
        other candidate of a deep search could be offered), kept sorted in the lexicon
        (`Lexicon.deep_search_words`)."""
        return Vocabulary(self.lexicon.deep_search_words.split("\n"), in_order=True)

    LOADED = ("very_frequent", "frequent_symspell", "name_partners")
    """The tables `load` builds whatever the channel (`vocabulary` only for a deep search)."""

    def load(self, vocabulary: bool) -> bool:
        """Build the `LOADED` tables (and the `vocabulary` when asked) now; whether any was
        not built before."""
        names = self.LOADED + ("vocabulary",) * vocabulary
        fresh = any(name not in self.__dict__ for name in names)  # cached_property's values
        for name in names:
            getattr(self, name)
        return fresh


@lru_cache(maxsize=8)
def word_index_for(lexicon: Lexicon) -> WordIndex:
    """The one `WordIndex` of `lexicon`, which all its spellers share."""
    return WordIndex(lexicon)
