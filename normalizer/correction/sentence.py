"""Lowercase words decided by the trigram context model (profiles with `context-model`).

A target is a lowercase token `o` that is not a word, or is a rare word one cheap OCR
confusion from a frequent one ('tho', 'aud', 'arc'). Its choices are the token itself and its
hypotheses `w` (the channel's and symspell's candidates, and the whole-word misreadings
learned from real OCR), each at minus its channel cost `cost(o | w)`; a real word as written
keeps `REAL_WORD_STICKINESS` on top, so it yields only to strong context evidence, never to a
glyph confusion plus a frequency difference.

Targets at most two words apart share a trigram and are decided together: the sentence's
best reading of each such run of words (an exact Viterbi search over trigram states, see
`lattice`) maximizes the summed log10 P(word | two words before) plus the choices' scores, so
'tho aud' reads 'the and' although neither fix wins against the other error as written. A
word changes where the best reading changes it; its confidence is its posterior share among
its choices, each scored by the best reading that puts it there (the max-marginals), and its
reason quotes the margin over the best reading that keeps the word.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..channel_table import load_channel_table
from ..language_model import (
    ORDER,
    SENTENCE_START,
    UNKNOWN_LOGPROB,
    ContextModel,
)
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import Token, beside_capital, starts_sentence
from .boundaries import opens_sentence
from .candidates import known_misspelling, lowercase_candidate
from .context import SENTENCE_BREAK, WORD, in_sentence_logprob, sentence_neighbours
from .hypothesis import ZIPF_TO_LOG10
from .lattice import Choice, best_reading
from .speller import Speller
from .words import (
    I_GLYPHS,
    LATIN_WORD,
    MAX_LENGTH,
    MIN_LENGTH,
    apply_case,
    capital_from_glyph,
    inflects_common_word,
    is_name_shaped,
    lookup_key,
    restore_capital,
    writers_choice,
)

REAL_WORD_STICKINESS = 1.5
"""log10 odds a real word keeps against any rival, on top of the context model's verdict."""
TYPED_REAL_WORD_STICKINESS = 1.0
"""What a real word keeps instead in typed text's second opinion (the default profile), where
it is judged only against a very frequent rival one cheap confusion or slip away ('remanded
tor trial', 'on the sane footing'): 1.5 -> 1.0 fixed 2 more typos on the synthetic news set
and 8 on the whole synthetic set (and 71 more error units on OverProof dataset 2), and changed
one clean word in each of those sets' clean twins but the news ('Stockman and M hut' -> but).
The archive profile keeps `REAL_WORD_STICKINESS`: at 1.0 its precision on dataset 2 fell
from 0.94 to 1.29 wrongly changed tokens per 1,000."""
RIVAL_MIN_ZIPF = 4.0
"""A real word is checked only against rivals at least this frequent ('tho' -> 'the')."""
REAL_WORD_MAX_COST = 2.5
"""A real word's rival is at most this far through the channel: one cheap OCR confusion."""
CHECKED_WORD_MAX_ZIPF = 5.0
"""Any lowercase word this rare or rarer is checked in context too ('bad' -> 'had'), against
rivals `CHECKED_WORD_RIVAL_GAP` more frequent, with `CHECKED_WORD_EXTRA_STICKINESS` more."""
CHECKED_WORD_RIVAL_GAP = 1.0
CHECKED_WORD_EXTRA_STICKINESS = 0.5
SEEN_WORD_STICKINESS = 1.5
"""With typo hypotheses, log10 odds a word wordfreq has seen keeps against any rival: a rare
word ('roods') is no typo for a frequent one that fits the sentence better. So does a word
wordfreq never saw that inflects a common one ('sewered', see `inflects_common_word`) and is
no listed misspelling ('stoped'): on the synthetic news set and OverProof dataset 2 this
kept one clean word each ('their being sewered' -> severed) and lost no fix."""
SEEN_TYPO_STICKINESS = 0.5
"""The odds that a lowercase word wordfreq has seen keeps instead when it is no inflection of
a common word (`inflects_common_word`): such words are mostly typos the web is full of
('vist', 'thw', 'buildin': Zipf 1-3.4) that lose their sentence by a wide margin. On the
synthetic news set, 1.5 -> 0.5 fixed 32 more typos and changed one clean word, a typo its
ground truth kept ('baree' -> bare); on OverProof dataset 2, 135 more error units and no
clean word. A capitalized one opening a sentence may be a name ('ll. Chave' read 'Have'), so
it keeps `SEEN_WORD_STICKINESS`."""
TYPO_MIN_ZIPF = 3.0
"""With typo hypotheses (the default profile's second opinion), the rarest word a target
may read as. At 2.5 ('streets eaked in mud' -> caked, not naked) one more typo was fixed on
the synthetic news set and 7 more error units on OverProof dataset 2, but 'pytest-xdist' in
this README read as 'dist'."""
MISREAD_OFTEN_MAX_ZIPF = 4.0
"""A real word counts as one OCR misreads often (`_misread_often`: less sticky, and its
rivals may be rarer) only up to this Zipf. `speller.REAL_WORD_MAX_ZIPF` lets the default
profile's checks reach 4.5 ('arc', 'tho': 6 more typos fixed on the synthetic news set and
491 more error units on OverProof dataset 2, the clean words changed two OCR errors the
ground truth kept and 'some ore said' -> are); the archive profile's context model, whose
stickiness this sets, lost fixes and precision at 4.5."""
SHORT_TYPO_MIN_ZIPF = 5.5
"""A two-letter lowercase token no common word list holds ('te', 'th', 'ws') is a target of
typed text's second opinion too, read only as a very frequent word (this Zipf or more: 'the',
'was') and keeping `SHORT_TYPO_STICKINESS`, so 'ok', 'oh', 'kg', 'cf', 'vs' stay where they
fit. On the synthetic news set this fixed 8 more typos, on OverProof dataset 2 184 more
error units; every clean word it changed in either is an OCR error their ground truth
kept ('which ho felt', 'keep yp with', 'here and un Germany')."""
SHORT_TYPO_STICKINESS = 1.0
"""What such a two-letter token keeps: 1.5 -> 1.0 ('"Rusalka," te first time' -> the) fixed
one more typo on the synthetic news set, 2 on the whole synthetic set and 49 more error units
on OverProof dataset 2, and changed no clean word ('ok', 'oh', 'kg', 'cf', 'vs' stay); at 0.5,
31 more units but 13 more misreadings read wrong."""
MAX_CANDIDATES = 8
"""Candidates per token weighed by the context model, the likeliest out of context first."""
MAX_TYPO_CANDIDATES = 4
"""The same with typo hypotheses (typed text's second opinion): the fixes of the synthetic
sets and OverProof dataset 2 are the same with 4 as with 8, at a fifth of the model queries
per word of a run ((4 + 1)³ against 9³)."""
DENSE_RUN_TARGETS = 4
DENSE_RUN_CHOICES = 3
"""A run with more than `DENSE_RUN_TARGETS` targets (text dense with suspects, real or
hostile: 'ho bo aro tho aud' repeated) weighs at most `DENSE_RUN_CHOICES` choices per word,
the word as written and its likeliest readings: 27 model queries per word instead of up to
729, which keeps such text within the cost of text of invented words."""
ADAPT_MIN_CONFIDENCE = 0.9
ADAPT_MIN_COUNT = 2
ADAPT_BONUS = 0.5
"""log10 units a confusion the window's own confident fixes made twice costs less."""
FLOOR = 0.5
"""Below this posterior a candidate is not reported."""


Hypotheses = tuple[tuple[str, float], ...]
"""What a target may stand for: (candidate key, channel cost), the likeliest first."""


@dataclass(frozen=True, slots=True)
class Slot:
    """A word of the window: its span, its text and, for a target, its hypotheses."""

    start: int
    end: int
    word: str
    hypotheses: Hypotheses = ()  # (candidate key, channel cost)


def is_target(speller: Speller, surface: str, real_words: bool) -> bool:
    """Whether a token surface is decided by this pass: a Latin word of 2 to `MAX_LENGTH`
    letters (`MIN_LENGTH` without `real_words`, but for a lowercase one: see
    `SHORT_TYPO_MIN_ZIPF`), lowercase or capitalized like a sentence's first word, that is
    not a common word (a capitalized one is decided only where it may be a word:
    `_may_be_word`), or a rare word one cheap OCR confusion from a very frequent one ('aud',
    'arc': `Speller.real_word_risk`) or one typing slip from it ('foe', and 'Hie' opening a
    sentence: `Speller.typo_rivals`), which keeps `REAL_WORD_STICKINESS`. With `real_words`
    (profiles with `context-model`) also a whole-word misreading learned from real OCR, any
    lowercase word no more frequent than `CHECKED_WORD_MAX_ZIPF`, and a lone lowercase letter
    that is no word ('m' for 'in', 'n' for 'a'; decided only where it stands between two
    words, see `is_lone_letter`)."""
    if real_words and len(surface) == 1:
        return surface.islower() and surface.isascii() and surface not in speller.lexicon.common
    if not (surface.isalpha() and surface[1:].islower() and 2 <= len(surface) <= MAX_LENGTH
            and (surface.isascii() or LATIN_WORD.match(surface))):
        return False
    key, lexicon = lookup_key(surface), speller.lexicon
    if not real_words:
        if len(surface) < MIN_LENGTH:
            return surface.islower() and key not in lexicon.common
        return key not in lexicon.common or (
            speller.real_word_risk(key) or bool(speller.typo_rivals(key)))
    return (
        key not in lexicon.common
        or _misread_often(speller, key)
        or (surface.islower() and lexicon.frequency(key) <= CHECKED_WORD_MAX_ZIPF)
    )


def _misread_often(speller: Speller, key: str) -> bool:
    """A real word OCR makes of a frequent one: a cheap confusion away from a very frequent
    word ('tho', 'aud', 'arc'), or a whole-word misreading learned from real OCR."""
    return speller.real_word_risk(key, MISREAD_OFTEN_MAX_ZIPF) or any(
        m.known for m in load_channel_table().misreadings_of(key))


@lru_cache(maxsize=16_384)
def _hypotheses(speller: Speller, base: str, typos: bool = False
                ) -> tuple[tuple[str, float], ...]:
    """What a target may stand for, with channel costs: the likeliest out of context first
    (memoized: a word type's hypotheses depend on nothing else). With `typos` (typed text),
    only words of Zipf `TYPO_MIN_ZIPF` or more: the trigram model prefers any word it knows
    to a token it does not, which a rare word ('xdist' -> 'dist') does not earn."""
    lexicon = speller.lexicon
    key = lookup_key(base)
    known = key in lexicon.common
    found: dict[str, float] = {}
    least = (SHORT_TYPO_MIN_ZIPF if len(key) < MIN_LENGTH else TYPO_MIN_ZIPF) if typos else 0.0
    if typos:
        base = base.lower()  # typed text: a capitalized target opens a sentence
    if not known:
        for cand in speller.word_candidates(base, None).values():
            found[cand.key] = cand.cost
        # With `typos`, the context weighs typos of lowercase words wordfreq has seen too
        # ('thd', 'saud'), which the out-of-context candidates leave to frequency alone (in
        # OCR, such short tokens are as often a split word's halves: 'detec ti\\cs').
        for term, zipf in speller.nearest_words(key) if typos and base.islower() else ():
            # Terms under the floor are not priced: they would be dropped anyway.
            if zipf >= least and lowercase_candidate(lexicon, term):
                found.setdefault(term, speller.cost(key, term))
    else:
        if typos:
            found.update((rival, speller.cost(key, rival)) for rival in speller.typo_rivals(key))
        floor = RIVAL_MIN_ZIPF
        if not _misread_often(speller, key):
            floor = max(floor, lexicon.frequency(key) + CHECKED_WORD_RIVAL_GAP)
        for variant, cost in speller.variants(key):
            if (
                cost <= REAL_WORD_MAX_COST and variant in lexicon.common
                and lexicon.frequency(variant) >= floor
            ):
                found[variant] = cost
    for misreading in load_channel_table().misreadings_of(key):
        intended = misreading.intended
        if intended.isalpha() and intended in lexicon.common:
            found.setdefault(intended, speller.cost(key, intended))
    seen = lexicon.frequency(key) > 0
    ranked = sorted(
        ((w, c) for w, c in found.items()
         if not writers_choice(key, w, seen) and lexicon.frequency(w) >= least),
        key=lambda wc: (wc[1] - lexicon.frequency(wc[0]), wc[0]),
    )
    return tuple(ranked[:MAX_TYPO_CANDIDATES if typos else MAX_CANDIDATES])


def may_change(speller: Speller, surface: str, typos: bool = False) -> bool:
    """Whether a target has any hypothesis (memoized): one with none reads as it stands in
    every reading, so its sentence need not be read at all."""
    return bool(_hypotheses(speller, surface, typos))


def _identity_logprob(model: ContextModel, speller: Speller, key: str) -> float | None:
    """The unigram-level score of the token itself when the model does not know it."""
    if model.knows(key):
        return None
    zipf = speller.lexicon.frequency(key)
    return zipf + ZIPF_TO_LOG10 if zipf else UNKNOWN_LOGPROB


def _sentences(text: str, targets: Collection[int], speller: Speller, typos: bool = False
               ) -> list[tuple[list[regex.Match[str]], dict[int, Hypotheses]]]:
    """The words of the window's sentences that hold a target with hypotheses, sentence by
    sentence, each with its targets' (by start) hypotheses by word index. Only those
    sentences are read word by word: a second opinion on a few words of an article does not
    walk all of it."""
    breaks = [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(text)]
    starts = [start for start, _ in breaks]
    sentences = []
    for index in sorted({bisect.bisect_right(starts, target) for target in targets}):
        low = breaks[index - 1][1] if index else 0
        high = breaks[index][0] if index < len(breaks) else len(text)
        words = list(WORD.finditer(text, low, high))
        hypotheses = {}
        for i, match in enumerate(words):
            if match.start() in targets and (
                    len(match.group()) > 1 or is_lone_letter(text, match.start())):
                found = _hypotheses(speller, match.group(), typos)
                if found:
                    hypotheses[i] = found
        if hypotheses:
            sentences.append((words, hypotheses))
    return sentences


LONE_LETTER = compile_regex(r"(?<=\p{L}[ \t]*\n?[ \t]*)(?<=[ \t\n])\p{Ll}(?=[ \t]*\n?[ \t]*\p{L})")
"""A lowercase letter standing alone between two words of a line or across a line break:
OCR's 'm' for 'in' or 'n' for 'a'. A letter after a period, digit or bracket, or before one
('p. m.', '5 m', '(b)'), is an abbreviation, a unit or a list mark, and stays."""


def is_lone_letter(text: str, start: int) -> bool:
    """Whether the one-letter token at `start` stands alone between two words (`LONE_LETTER`)."""
    return LONE_LETTER.match(text, start) is not None


@dataclass(frozen=True, slots=True)
class _Run:
    """Neighbouring targets of one sentence decided together: the words from the first
    target to two words after the last (whose probabilities its choice changes), after the
    fixed `history`."""

    slots: tuple[Slot, ...]
    history: tuple[str, ...]


def _runs(words: list[regex.Match[str]], hypotheses: dict[int, Hypotheses]) -> list[_Run]:
    """A sentence's words (see `_sentences`) cut into runs: targets at most two words apart
    share a trigram, so they share a run; a run ends two words after its last target, whose
    choice those words' probabilities depend on. Words outside every run score the same in
    every reading, and only the words of a run become `Slot`s."""
    targets = sorted(hypotheses)
    runs = []
    first = previous = targets[0]
    for i in [*targets[1:], None]:
        if i is not None and i - previous <= ORDER - 1:
            previous = i
            continue
        before = words[max(0, first - ORDER + 1) : first]
        history = (SENTENCE_START, *(lookup_key(m.group()) for m in before))[-(ORDER - 1):]
        last = min(previous + ORDER - 1, len(words) - 1)
        slots = tuple(Slot(m.start(), m.end(), m.group(), hypotheses.get(j, ()))
                      for j, m in enumerate(words[first : last + 1], first))
        runs.append(_Run(slots, history))
        if i is not None:
            first = previous = i
    return runs


@dataclass(frozen=True, slots=True)
class Judgement:
    """How the best reading of its run judges one target word: each choice (the word as
    written first) with its max-marginal score, the choice the best reading makes, and the
    neighbouring words that reading changes with it (as written, as read)."""

    slot: Slot
    choices: tuple[Choice, ...]
    scores: tuple[float, ...]
    chosen: int
    together: tuple[tuple[str, str], ...]

    def share(self, index: int) -> float:
        """The posterior share of choice `index` among the word's choices."""
        return 1 / sum(10 ** (score - self.scores[index]) for score in self.scores)

    @property
    def margin(self) -> float:
        """log10 units the best reading beats the best one that keeps the word as written."""
        return self.scores[self.chosen] - self.scores[0]


def judge(text: str, targets: Collection[int], speller: Speller,
          allow: Collection[str], typos: bool = False) -> list[Judgement]:
    """The judgement of each target of `text` (a window, targets by start) that may change,
    by the best reading of each run of neighbouring targets (see `lattice`), so two
    neighbouring errors are fixed together ('tho aud' -> 'the and'). The channel adapts to the
    window: when the confident fixes of the first search made a confusion `ADAPT_MIN_COUNT`
    times, the runs where it could apply again are searched again with it `ADAPT_BONUS`
    cheaper (this page's OCR makes it). `typos`: lowercase words wordfreq has seen are offered
    their nearest words too (typed text, not OCR).

    Bound: at most `MAX_CANDIDATES` + 1 choices per word, so at most (`MAX_CANDIDATES` + 1)³
    model queries per word of a run (see `lattice`), and `DENSE_RUN_CHOICES`³ in a run dense
    with targets; each word in at most one run, and at most two searches: linear in the
    length of the text."""
    model = speller.language_model
    runs = [run for words, hypotheses in _sentences(text, targets, speller, typos)
            for run in _runs(words, hypotheses)]
    judged = [_judge_run(model, speller, text, run, allow, frozenset(), typos) for run in runs]
    made = Counter(
        _confusion(speller, lookup_key(j.slot.word), j.choices[j.chosen].word)
        for judgements in judged for j in judgements
        if j.chosen and j.share(j.chosen) >= ADAPT_MIN_CONFIDENCE
    )
    adapted = frozenset(c for c, n in made.items() if n >= ADAPT_MIN_COUNT)
    if adapted:
        for n, run in enumerate(runs):
            if any(
                _confusion(speller, lookup_key(slot.word), w) in adapted
                for slot in run.slots for w, _ in slot.hypotheses
            ):
                judged[n] = _judge_run(model, speller, text, run, allow, adapted, typos)
    return [j for judgements in judged for j in judgements]


def propose(text: str, targets: Collection[int], speller: Speller,
            allow: Collection[str], typos: bool = False) -> list[Edit]:
    """Edits for the target tokens of `text` (a window, targets by start): one for each word
    the best reading changes with a posterior share of at least `FLOOR` (see `judge`)."""
    return [
        edit(speller, text, j) for j in judge(text, targets, speller, allow, typos)
        if j.chosen and j.share(j.chosen) >= FLOOR
    ]


def _choices(model: ContextModel, speller: Speller, text: str, slot: Slot,
             allow: Collection[str], adapted: frozenset[str], typos: bool
             ) -> tuple[Choice, ...]:
    """What a word of a run may read as: the word as written first (a real word sticky, and
    with `typos` one wordfreq has seen too; one the model lacks at its unigram level), then
    each hypothesis at minus its channel cost."""
    key = lookup_key(slot.word)
    decidable = slot.hypotheses and key not in allow and not (
        slot.word[0].isupper() and not _may_be_word(text, slot, speller, typos)
    )
    if not decidable:
        return (Choice(key),)
    stickiness = 0.0
    if key in speller.lexicon.common:
        stickiness = (TYPED_REAL_WORD_STICKINESS if typos else REAL_WORD_STICKINESS) + (
            0.0 if _misread_often(speller, key) else CHECKED_WORD_EXTRA_STICKINESS)
    elif typos:
        stickiness = _typed_stickiness(speller, slot.word, key)
    return (
        Choice(key, stickiness, _identity_logprob(model, speller, key)),
        *(
            Choice(w, -cost + (
                ADAPT_BONUS if adapted and _confusion(speller, key, w) in adapted else 0.0))
            for w, cost in slot.hypotheses
        ),
    )


def _typed_stickiness(speller: Speller, word: str, key: str) -> float:
    """The log10 odds a word no common-word list holds keeps in typed text: a word wordfreq
    has seen keeps `SEEN_WORD_STICKINESS` when it is capitalized or inflects a common word,
    `SHORT_TYPO_STICKINESS` when it is lowercase and shorter than `MIN_LENGTH`, and
    `SEEN_TYPO_STICKINESS` otherwise; an unseen one keeps `SEEN_WORD_STICKINESS` when it
    inflects a common word and is no listed misspelling."""
    lexicon = speller.lexicon
    inflection = inflects_common_word(lexicon.common, key)
    if lexicon.frequency(key) > 0:
        if not word.islower():
            return SEEN_WORD_STICKINESS
        if len(key) < MIN_LENGTH:
            return SHORT_TYPO_STICKINESS
        return SEEN_WORD_STICKINESS if inflection else SEEN_TYPO_STICKINESS
    if inflection and known_misspelling(lexicon, word) is None:
        return SEEN_WORD_STICKINESS
    return 0.0


def _judge_run(model: ContextModel, speller: Speller, text: str, run: _Run,
               allow: Collection[str], adapted: frozenset[str], typos: bool
               ) -> list[Judgement]:
    """The judgement of each word of `run` that may change, by the run's best reading."""
    slots = run.slots
    lattice = [_choices(model, speller, text, slot, allow, adapted, typos) for slot in slots]
    targets = sum(len(choices) > 1 for choices in lattice)
    if not targets:
        return []
    if targets > DENSE_RUN_TARGETS:
        lattice = [choices[:DENSE_RUN_CHOICES] for choices in lattice]
    reading = best_reading(model, run.history, lattice)
    return [
        Judgement(
            slot, choices, reading.max_marginals[i], reading.path[i],
            tuple(
                (slots[j].word, lattice[j][reading.path[j]].word)
                for j in range(max(0, i - ORDER + 1), min(len(slots), i + ORDER))
                if j != i and reading.path[j] != 0
            ),
        )
        for i, (slot, choices) in enumerate(zip(slots, lattice, strict=True))
        if len(choices) > 1
    ]


@lru_cache(maxsize=16_384)
def _confusion(speller: Speller, observed: str, intended: str) -> str:
    """What turned `intended` into `observed`, as the channel explains it."""
    return speller.channel.explain(observed, intended.lower())


def _may_be_word(text: str, slot: Slot, speller: Speller, typos: bool = False) -> bool:
    """A capitalized token is a word only at a sentence start, and then not a name the
    gazetteer knows unless real OCR misread it often ('Tho', 'Ho'); in typed text (`typos`)
    only as `opens_typed_sentence` says."""
    key = lookup_key(slot.word)
    if typos:
        return opens_typed_sentence(speller, text, slot.start)
    return starts_sentence(text, slot.start) and (
        key not in speller.lexicon.names or bool(load_channel_table().misreadings_of(key))
    )


def seen_capital(speller: Speller, surface: str) -> bool:
    """A capitalized token wordfreq has seen, no gazetteer name: the only kind a second
    opinion reads as a word (see `opens_typed_sentence`)."""
    key = lookup_key(surface)
    return speller.lexicon.frequency(key) > 0 and key not in speller.lexicon.names


def opens_typed_sentence(speller: Speller, text: str, start: int) -> bool:
    """Whether the capitalized token at `start` of typed text may be a word's slip: it plainly
    opens a sentence (not after a title or an initial: 'Mr. Toose'), where a capital says
    nothing, and `seen_capital` holds ('Thc', 'Hsi', 'Aince'). One that no corpus has seen
    opening a sentence is a name far more often ('Oonah', 'Tossy'): on the synthetic news
    set, reading those too fixed 5 more typos and broke 3 clean names, while the seen ones
    fixed 28 and broke none."""
    match = WORD.match(text, start)
    return (match is not None and opens_sentence(text, start)
            and seen_capital(speller, match.group()))


def real_word_margin(speller: Speller, text: str, token: Token, rival: str, cost: float
                     ) -> float:
    """How much more likely the context model finds `rival` than the real word `token` in
    `text`, less the channel cost and `REAL_WORD_STICKINESS` (log10): positive only on
    strong context evidence."""
    model = speller.language_model
    before, after = sentence_neighbours(text, token.start, token.end)
    word = lookup_key(token.base)
    return (
        in_sentence_logprob(model, before, rival, after)
        - in_sentence_logprob(model, before, word, after)
        - cost - REAL_WORD_STICKINESS
    )


def edit(speller: Speller, text: str, judgement: Judgement) -> Edit:
    """The edit a judgement makes, cased like the token, with its reason: the confusion, the
    margin of the best reading over the best one that keeps the word, and the neighbouring
    fixes that reading makes with it."""
    slot, best = judgement.slot, judgement.choices[judgement.chosen].word
    key = lookup_key(slot.word)
    entity = speller.lexicon.names.get(best)
    replacement = apply_case(slot.word, best, entity.canonical if entity else None)
    if entity is not None:
        replacement = restore_capital(slot.word, replacement, entity.canonical, entity.source,
                                      beside_capital(text, slot.start, slot.end))
    if starts_sentence(text, slot.start) and (
        is_name_shaped(slot.word) or (slot.word[0] in I_GLYPHS and best[0] == "i")
    ):
        replacement = replacement[:1].upper() + replacement[1:]
    replacement = capital_from_glyph(slot.word, replacement,
                                     beside_capital(text, slot.start, slot.end))
    glyph = speller.channel.explain(key, best)
    reason = (f"{glyph}; the trigram context model prefers '{best}' to '{key}' here "
              f"by {judgement.margin:.1f} log10 units")
    if judgement.together:
        reason += ", reading " + " and ".join(
            f"'{new}' for '{old}'" for old, new in judgement.together) + " beside it"
    ranked = sorted(range(1, len(judgement.choices)),
                    key=lambda c: (-judgement.scores[c], c))
    return Edit(
        start=slot.start,
        end=slot.end,
        original=slot.word,
        replacement=replacement,
        kind="ocr" if glyph.startswith("glyph") else "spelling",
        rule="ocr.context",
        confidence=round(judgement.share(judgement.chosen), 4),
        reason=reason,
        alternatives=tuple(
            judgement.choices[c].word for c in ranked if c != judgement.chosen)[:3],
    )
