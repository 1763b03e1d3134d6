"""Words decided by the trigram context model: lowercase words (profiles with
`context-model`), and typed text's second opinion (`typos`, see `second_opinion`), whose own
rules are `typed_text`'s.

A target (see `sentence_targets`) is a lowercase token `o` that is not a word, or is a rare
word one cheap OCR confusion from a frequent one ('tho', 'aud', 'arc'). Its choices are the
token itself and its hypotheses `w` (the channel's and symspell's candidates, and the
whole-word misreadings learned from real OCR), each at minus its channel cost `cost(o | w)`;
a real word as written keeps `REAL_WORD_STICKINESS` on top, so it yields only to strong
context evidence, never to a glyph confusion plus a frequency difference.

Targets at most two words apart share a trigram and are decided together: the sentence's
best reading of each such run of words (an exact Viterbi search over trigram states, see
`lattice`) maximizes the summed log10 P(word | two words before) plus the choices' scores, so
'tho aud' reads 'the and' although neither fix wins against the other error as written. A
word changes where the best reading changes it; its confidence is its posterior share among
its choices, each scored by the best reading that puts it there (the max-marginals), and its
reason quotes the margin over the best reading that keeps the word.
"""

from __future__ import annotations

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
from ..tokens import Token, capitalized_neighbours, starts_sentence
from .context import (
    SENTENCE_BREAK,
    SENTENCE_BREAK_BEFORE,
    WORD,
    in_sentence_logprob,
    sentence_neighbours,
)
from .document_usage import DocumentUsage
from .hypothesis import ZIPF_TO_LOG10
from .keyboard import struck_at_end
from .lattice import Choice, best_reading
from .name_case import capitalized_only, neighbour_case
from .sentence_targets import (
    CHECKED_WORD_EXTRA_STICKINESS,
    Hypotheses,
    hypotheses_of,
    is_lone_letter,
    misread_often,
)
from .speller import Speller
from .typed_text import (
    CARELESS_RIVAL_BONUS,
    FREQUENT_WORD_MIN_ZIPF,
    TYPED_REAL_WORD_STICKINESS,
    opens_typed_sentence,
    typed_stickiness,
    unexplained_zipf,
)
from .words import (
    I_GLYPHS,
    apply_case,
    capital_from_glyph,
    is_name_shaped,
    long_unseen_penalty,
    lookup_key,
)

REAL_WORD_STICKINESS = 1.5
"""log10 odds a real word keeps against any rival, on top of the context model's verdict."""
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
LONG_UNKNOWN_FROM = 7
"""The letters past which a lowercase token no source knows loses `words.LONG_UNSEEN_STEP`
a letter in typed text (`words.long_unseen_penalty`, as in the single-word decision from
`decide.LONG_UNSEEN_FROM`): the longer an unknown string, the likelier a word one slip from
it is what was typed ('trucks with camoulage netting', 'Many were scepticalo.'). On news
seeds 3, 17, 55, 5, 11 and 23, 2 more typos fixed; on OverProof dataset 2, 21 more error
units, 2 more read wrong and one clean token changed, the second half of a word broken at a
line end with junk between ('reprer sentative'); the synthetic set 2 more read wrong; no
clean word of the synthetic sets or the Markdown audit changed. From 10 letters, as the
single-word decision, nothing changed at those seeds."""


@dataclass(frozen=True, slots=True)
class Slot:
    """A word of the window: its span, its text and, for a target, its hypotheses."""

    start: int
    end: int
    word: str
    hypotheses: Hypotheses = ()  # (candidate key, channel cost)


def _identity_logprob(model: ContextModel, speller: Speller, word: str,
                      hypotheses: Hypotheses, typos: bool) -> float | None:
    """The unigram-level score of the token itself when the model does not know it: what
    wordfreq saw of it, in typed text only what its hypotheses' slips leave unexplained
    (`typed_text.unexplained_zipf`) of a lowercase one; of one wordfreq never saw either,
    less for a long lowercase one in typed text (`LONG_UNKNOWN_FROM`)."""
    key = lookup_key(word)
    if model.knows(key):
        return None
    zipf = speller.lexicon.frequency(key)
    if not zipf:
        typed_word = typos and word.islower()
        return UNKNOWN_LOGPROB - (long_unseen_penalty(key, LONG_UNKNOWN_FROM) if typed_word
                                  else 0.0)
    if typos and word.islower():  # a capitalized one may be a name ('Boto' beside 'Both')
        zipf = unexplained_zipf(speller, key, zipf, hypotheses)
    return max(UNKNOWN_LOGPROB, zipf + ZIPF_TO_LOG10)


def sentence_spans(text: str, targets: Collection[int]) -> list[tuple[int, int]]:
    """The spans of the sentences of `text` (between two `SENTENCE_BREAK`s a scan of the
    text finds) that hold a target (by start), in order. Each is found from its first
    target, a break searched backwards and one forwards: a second opinion on a few words of
    an article does not scan all of it. A break at a target (a token opening with OCR's '!'
    for an l) ends the sentence before it."""
    spans: list[tuple[int, int]] = []
    high = -1
    for target in sorted(targets):
        if target < high:
            continue  # in the sentence of the target before
        before = SENTENCE_BREAK_BEFORE.search(text, 0, target + 1)
        after = SENTENCE_BREAK.search(text, target + 1)
        high = after.start() if after else len(text)
        spans.append((before.end() if before else 0, high))
    return spans


def _sentences(text: str, targets: Collection[int], speller: Speller, typos: bool = False,
               careless: bool = False
               ) -> list[tuple[list[regex.Match[str]], dict[int, Hypotheses]]]:
    """The words of the window's sentences that hold a target with hypotheses, sentence by
    sentence (`sentence_spans`), each with its targets' (by start) hypotheses by word index
    (`careless`: see `hypotheses_of`). Only those sentences are read word by word."""
    sentences = []
    for low, high in sentence_spans(text, targets):
        words = list(WORD.finditer(text, low, high))
        hypotheses = {}
        for i, match in enumerate(words):
            if match.start() in targets and (
                    len(match.group()) > 1 or is_lone_letter(text, match.start())):
                found = hypotheses_of(speller, match.group(), typos, careless)
                if found:
                    hypotheses[i] = found
        if hypotheses:
            sentences.append((words, hypotheses))
    return sentences


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
          allow: Collection[str], typos: bool = False,
          usage: DocumentUsage | None = None) -> list[Judgement]:
    """The judgement of each target of `text` (a window, targets by start) that may change,
    by the best reading of each run of neighbouring targets (see `lattice`), so two
    neighbouring errors are fixed together ('tho aud' -> 'the and'). The channel adapts to the
    window: when the confident fixes of the first search made a confusion `ADAPT_MIN_COUNT`
    times, the runs where it could apply again are searched again with it `ADAPT_BONUS`
    cheaper (this page's OCR makes it). `typos`: lowercase words wordfreq has seen are offered
    their nearest words too (typed text, not OCR).

    Bound: at most `sentence_targets.MAX_CANDIDATES` + 1 choices per word, so at most
    (`MAX_CANDIDATES` + 1)³ model queries per word of a run (see `lattice`), and
    `DENSE_RUN_CHOICES`³ in a run dense with targets; each word in at most one run, and at
    most two searches: linear in the length of the text. `usage`: the document's own words,
    which a reading of a token no common-word list holds gains (`document_usage`), and
    whether it is typed carelessly (`typed_text.typed_carelessly`)."""
    model = speller.language_model
    careless = usage is not None and usage.careless
    runs = [run for words, hypotheses in _sentences(text, targets, speller, typos, careless)
            for run in _runs(words, hypotheses)]
    judged = [_judge_run(model, speller, text, run, allow, frozenset(), typos, usage)
              for run in runs]
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
                judged[n] = _judge_run(model, speller, text, run, allow, adapted, typos, usage)
    return [j for judgements in judged for j in judgements]


def propose(text: str, targets: Collection[int], speller: Speller,
            allow: Collection[str], typos: bool = False,
            usage: DocumentUsage | None = None) -> list[Edit]:
    """Edits for the target tokens of `text` (a window, targets by start): one for each word
    the best reading changes with a posterior share of at least `FLOOR` (see `judge`)."""
    return [
        edit(speller, text, j, usage)
        for j in judge(text, targets, speller, allow, typos, usage)
        if j.chosen and j.share(j.chosen) >= FLOOR
    ]


def _choices(model: ContextModel, speller: Speller, text: str, slot: Slot,
             allow: Collection[str], adapted: frozenset[str], typos: bool,
             usage: DocumentUsage | None = None) -> tuple[Choice, ...]:
    """What a word of a run may read as: the word as written first (a real word sticky, and
    with `typos` one wordfreq has seen too; one the model lacks at its unigram level), then
    each hypothesis at minus its channel cost (less, in carelessly typed text, for the
    readings `_careless_bonus` names)."""
    key = lookup_key(slot.word)
    decidable = slot.hypotheses and key not in allow and not (
        slot.word[0].isupper() and not _may_be_word(text, slot, speller, typos)
    )
    if not decidable:
        return (Choice(key),)
    stickiness = 0.0
    if key in speller.lexicon.common:
        stickiness = (TYPED_REAL_WORD_STICKINESS if typos else REAL_WORD_STICKINESS) + (
            0.0 if misread_often(speller, key) else CHECKED_WORD_EXTRA_STICKINESS)
    elif typos:
        stickiness = typed_stickiness(speller, slot.word, key,
                                      usage is not None and usage.careless)
    careless = usage if usage is not None and usage.careless else None
    usage = _usage_for(speller, key, usage)
    return (
        Choice(key, stickiness,
               _identity_logprob(model, speller, slot.word, slot.hypotheses, typos)),
        *(
            Choice(w, -cost + (usage.lift(speller, w) if usage is not None else 0.0) + (
                ADAPT_BONUS if adapted and _confusion(speller, key, w) in adapted else 0.0)
                + (_careless_bonus(speller, slot.word, key, w, careless) if careless else 0.0))
            for w, cost in slot.hypotheses
        ),
    )


def _careless_bonus(speller: Speller, word: str, key: str, reading: str,
                    usage: DocumentUsage) -> float:
    """What `reading` of `word` (`key` its lookup key) gains in a carelessly typed window (`usage`),
    for a word the window writes once (`typed_text.CARELESS_RIVAL_BONUS`): a reading with its first
    letter of a real word, or of a capitalized word opening a sentence (which `_may_be_word` let
    through) when the reading is a very frequent word (`typed_text.FREQUENT_WORD_MIN_ZIPF`: 'Bu it'
    -> But, while 'Mondy said' is no 'Monday'), and of any other lowercase token the reading that
    gives it a lost first letter back ('ust' -> just, 'nd' -> and), for a two-letter one its
    lost last letter ('th' -> the, 'fo' -> for), or the reading without a key struck beside its
    last letter after it (`struck_at_end`: 'firmk' -> firm); 0 otherwise."""
    if usage.used(key) > 1:
        return 0.0
    if word[0].isupper():  # a name opens sentences too: only a very frequent word's slip
        kept = (reading[0] == key[0]
                and speller.lexicon.frequency(reading) >= FREQUENT_WORD_MIN_ZIPF)
    elif key in speller.lexicon.common:
        kept = reading[0] == key[0]
    else:
        kept = (reading[1:] == key or (len(key) == 2 and reading[:-1] == key)
                or struck_at_end(key, reading))
    return CARELESS_RIVAL_BONUS if kept else 0.0


def _usage_for(speller: Speller, key: str, usage: DocumentUsage | None
               ) -> DocumentUsage | None:
    """The document's usage where it weighs a token's readings: for a token no common-word
    list holds (a real word yields to its sentence alone)."""
    return None if key in speller.lexicon.common else usage


def _judge_run(model: ContextModel, speller: Speller, text: str, run: _Run,
               allow: Collection[str], adapted: frozenset[str], typos: bool,
               usage: DocumentUsage | None = None) -> list[Judgement]:
    """The judgement of each word of `run` that may change, by the run's best reading."""
    slots = run.slots
    lattice = [_choices(model, speller, text, slot, allow, adapted, typos, usage)
               for slot in slots]
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


def edit(speller: Speller, text: str, judgement: Judgement,
         usage: DocumentUsage | None = None) -> Edit:
    """The edit a judgement makes, cased like the token, with its reason: the confusion, the
    margin of the best reading over the best one that keeps the word, the neighbouring
    fixes that reading makes with it, what a carelessly typed text adds to the reading, and
    how often the text uses the word (`usage`)."""
    slot, best = judgement.slot, judgement.choices[judgement.chosen].word
    key = lookup_key(slot.word)
    entity = speller.lexicon.names.get(best)
    replacement = apply_case(slot.word, best, entity.canonical if entity else None)
    neighbours = capitalized_neighbours(text, slot.start, slot.end)
    # The document writes the name capitalized and never in lowercase ('into aza' -> Gaza).
    replacement = neighbour_case(slot.word, replacement, best, entity, neighbours,
                                 speller.lexicon, usage is not None
                                 and capitalized_only(usage.types, entity, best))
    if starts_sentence(text, slot.start) and (
        is_name_shaped(slot.word) or (slot.word[0] in I_GLYPHS and best[0] == "i")
    ):
        replacement = replacement[:1].upper() + replacement[1:]
    replacement = capital_from_glyph(slot.word, replacement, neighbours != (None, None))
    if best.startswith("i'"):  # the pronoun's capital: "l've" -> "I've"
        replacement = "I" + replacement[1:]
    if "’" in slot.word:  # a contraction keeps the token's apostrophe ("lt’s" -> "It’s")
        replacement = replacement.replace("'", "’")
    glyph = speller.channel.explain(key, best)
    reason = (f"{glyph}; the trigram context model prefers '{best}' to '{key}' here "
              f"by {judgement.margin:.1f} log10 units")
    if judgement.together:
        reason += ", reading " + " and ".join(
            f"'{new}' for '{old}'" for old, new in judgement.together) + " beside it"
    if usage is not None and usage.careless and (
            bonus := _careless_bonus(speller, slot.word, key, best, usage)):
        reason += (f", {bonus:.1f} more likely in a carelessly typed text (its other slips "
                   "fixed)")
    usage = _usage_for(speller, key, usage)
    used = usage.used(best) if usage is not None else 0
    if used:
        reason += f", counting the text's own use of '{best}' ({used} elsewhere)"
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
