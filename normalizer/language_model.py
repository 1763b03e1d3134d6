"""A trigram context model: how likely a word is after the one or two words before it.

The n-grams are CMU Sphinx's generic US English model (`en-us.lm.bin`: 72,547 words, 2.05M
bigrams, 1.67M trigrams, Katz back-off), read from the installed `pocketsphinx` package through
its own C reader: nothing is copied into this repository, loading takes a few hundredths of a
second and the model takes about 31 MB of memory. Probabilities are log10.

Words the CMU model lacks (34k of symspellpy's 82,765 common words: British spellings, rarer
words) fall back to symspellpy's bigram and unigram counts, which the lexicon loads anyway,
shifted onto the CMU model's scale (see `SYMSPELL_BIGRAM_SHIFT`). A word neither source knows
scores `UNKNOWN_LOGPROB`, below every known word.

Matching is case-insensitive (the model is lowercase) and treats the typographic apostrophe as
the plain one; a number in digits, which the CMU model (trained on spoken text) never saw, is
read as its last word aloud (`spoken_number`). `SENTENCE_START` in a context (or
`score(..., start=True)`) conditions on the beginning of a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import pocketsphinx

from .lexicon import Lexicon, load_lexicon

SENTENCE_START = "<s>"
SENTENCE_END = "</s>"
ORDER = 3
"""The longest n-gram: a word is scored given at most the two words before it."""

UNKNOWN_LOGPROB = -10.0
"""log10 probability of a word neither source knows: below the rarest CMU word (-9.47)."""
SYMSPELL_BIGRAM_SHIFT = -1.81
"""Added to log10(count(prev word) / count(prev)) from symspellpy's lists, whose bigram counts
come from a larger corpus than its unigram counts: the median difference to the CMU model's
log10 P(word | prev) over the 240,974 bigrams both have."""
SYMSPELL_UNIGRAM_SHIFT = -0.35
"""Added to log10(count(word) / total) from symspellpy's unigram list: the median difference to
the CMU model's unigram log10 probability over the 48,469 words both have."""
MAX_SPOKEN_DIGITS = 9
"""A longer run of digits is no number read aloud (an identifier, a phone number)."""
CACHE_LIMIT = 100_000
"""Memoized queries kept before the memo starts afresh: about 23 MB at the limit (measured:
46 MB for 200,000), beside the model's 31 MB."""

_LOG10_BASE = math.log10(1.0001)  # pocketsphinx scores are integer logs in base 1.0001
_LOG_ZERO_BELOW = -100_000_000  # pocketsphinx's log(0) is -2**29


def model_path() -> Path:
    """The CMU en-us trigram model file shipped inside the pocketsphinx package."""
    return Path(pocketsphinx.get_model_path("en-us/en-us.lm.bin"))


@lru_cache(maxsize=1 << 16)
def normalize_word(word: str) -> str:
    """A word as the models spell it: lowercase, with the plain apostrophe."""
    return word.lower().replace("’", "'")


_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@lru_cache(maxsize=4_096)
def spoken_number(digits: str) -> str:
    """The last word of a number written in digits, as it is read aloud ('30' -> thirty,
    '59' -> nine, '1985' -> five, '1900' -> hundred, '2000' -> thousand), the word the
    CMU model, trained on spoken text, conditions on: 'in 30 years' is 'in thirty years'
    (log10 P(years | in thirty) -0.66, P(yes | ...) -4.59), where the digits, a word it
    does not know, leave it to guess ('years' -2.93, 'yes' -3.16)."""
    n = int(digits)
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10 - 2] if n % 10 == 0 else _UNITS[n % 10]
    if n % 1000 == 0:
        return "thousand"
    if n % 100 == 0:
        return "hundred"
    return spoken_number(str(n % 100))


class ContextModel:
    """Log10 word probabilities given the words before: the query methods the context
    decision uses, memoized; subclasses say how one probability is computed (`_compute`).
    Share one instance per process."""

    def __init__(self) -> None:
        self._cache: dict[tuple[tuple[str, ...], str], float] = {}

    def logprob(self, context: tuple[str, ...], word: str) -> float:
        """log10 P(word | the last two words of `context`), case-insensitive."""
        key = (context[-2:], word)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        value = self._cache[key] = self._compute(key[0], word)
        return value

    def _compute(self, context: tuple[str, ...], word: str) -> float:
        raise NotImplementedError

    def score(self, words: Sequence[str], *, context: tuple[str, ...] = (),
              start: bool = False, end: bool = False) -> float:
        """Summed log10 probability of `words` in order, each given the two before it.

        `context`: words before the sequence (conditioning only, not scored); `start`: the
        sequence begins a sentence (overrides `context`); `end`: add the probability that the
        sentence ends after it."""
        history = (SENTENCE_START,) if start else tuple(context[-(ORDER - 1):])
        total = 0.0
        for word in words:
            total += self.logprob(history, word)
            history = (*history[-(ORDER - 2):], word)
        if end:
            total += self.logprob(history, SENTENCE_END)
        return total

    def knows(self, word: str) -> bool:
        """Whether the model has `word` (case-insensitive)."""
        return self.logprob((), word) > UNKNOWN_LOGPROB


class LanguageModel(ContextModel):
    """Trigram log10 probabilities with back-off: the CMU model over symspellpy's counts."""

    def __init__(self, ngrams: pocketsphinx.NGramModel, unigram_counts: dict[str, int],
                 bigram_counts: Mapping[str, int]) -> None:
        """`ngrams`: a pocketsphinx model; `unigram_counts` (word -> count) and
        `bigram_counts` ("prev word" -> count): symspellpy's lists, the back-off source."""
        super().__init__()
        self._ngrams = ngrams
        self._unigram_counts = unigram_counts
        self._bigram_counts = bigram_counts
        self._log_total = math.log10(max(1, sum(unigram_counts.values())))

    def _compute(self, context: tuple[str, ...], word: str) -> float:
        """Backs off from trigram to bigram to unigram within the CMU model; a word the CMU
        model lacks is scored from symspellpy's bigram (with the previous word) or unigram
        counts, else `UNKNOWN_LOGPROB`. Context words nobody knows (numbers, names) are
        skipped by the back-off as an unseen history."""
        word = _model_word(word)
        if not word:
            return UNKNOWN_LOGPROB
        history = [_model_word(w) for w in reversed(context)]
        score = self._ngrams.prob([word, *history])
        if score > _LOG_ZERO_BELOW:
            return score * _LOG10_BASE
        count = self._unigram_counts.get(word)
        if count is None:
            return UNKNOWN_LOGPROB
        if history:
            pair = self._bigram_counts.get(f"{history[0]} {word}")
            previous = self._unigram_counts.get(history[0])
            if pair and previous:
                return min(0.0, math.log10(pair / previous) + SYMSPELL_BIGRAM_SHIFT)
        return math.log10(count) - self._log_total + SYMSPELL_UNIGRAM_SHIFT


def _model_word(word: str) -> str:
    """A word as the CMU model spells it (`normalize_word`), a number as it is read aloud
    (`spoken_number`)."""
    if word.isdigit() and word.isascii() and len(word) <= MAX_SPOKEN_DIGITS:
        return spoken_number(word)
    return normalize_word(word)


def build_language_model(lexicon: Lexicon, path: Path | None = None) -> LanguageModel:
    """A model over the n-gram file `path` (default: `model_path()`), backed off to the
    lexicon's symspellpy counts."""
    ngrams = pocketsphinx.NGramModel.readfile(str(path or model_path()))
    return LanguageModel(ngrams, lexicon.common, lexicon.bigrams)


@lru_cache(maxsize=1)
def load_language_model() -> LanguageModel:
    """The process-wide language model over the process-wide lexicon, loaded once."""
    return build_language_model(load_lexicon())
