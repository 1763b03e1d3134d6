"""Lowercase words decided by the trigram context model (profiles with `context-model`).

For a lowercase token `o` that is not a word, or is a rare word one cheap OCR confusion from
a frequent one ('tho', 'aud', 'arc'), every hypothesis `w` (the token itself, the channel's
and symspell's candidates, and the whole-word misreadings learned from real OCR) scores

    S(w) = log10 P(w | b2 b1) + log10 P(a1 | b1 w) + log10 P(a2 | w a1) - cost(o | w)

with `b2 b1` the two words before it and `a1 a2` the two after it in the same sentence. A real
word keeps `REAL_WORD_STICKINESS` on top: it yields only to strong context evidence, never to
a glyph confusion plus a frequency difference. The confidence is the posterior share of the
best hypothesis. Neighbouring errors are decided together by running the pass twice, the
second time with the first pass's corrections as the neighbours' words and with the channel
adapted to the window (the confusions its confident fixes made are cheaper).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

import regex

from ..channel_table import load_channel_table
from ..language_model import SENTENCE_START, UNKNOWN_LOGPROB, LanguageModel, load_language_model
from ..model import Edit
from ..tokens import Token, starts_sentence
from .candidates import ZIPF_TO_LOG10, Speller
from .words import I_GLYPHS, apply_case, is_name_shaped, lookup_key, unaccented

WORD = regex.compile(r"[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}\d]+)*")
SENTENCE_BREAK = regex.compile(r"[.!?;:]|\n\s*\n")
REAL_WORD_STICKINESS = 1.5
"""log10 odds a real word keeps against any rival, on top of the context model's verdict."""
RIVAL_MIN_ZIPF = 4.0
"""A real word is checked only against rivals at least this frequent ('tho' -> 'the')."""
REAL_WORD_MAX_COST = 2.5
"""A real word's rival is at most this far through the channel: one cheap OCR confusion."""
MAX_CANDIDATES = 8
"""Candidates per token weighed by the context model, the likeliest out of context first."""
PASSES = 2
ADAPT_MIN_CONFIDENCE = 0.9
ADAPT_MIN_COUNT = 2
ADAPT_BONUS = 0.5
"""log10 units a confusion the window's own confident fixes made twice costs less."""
FLOOR = 0.5
"""Below this posterior a candidate is not reported."""


@dataclass(frozen=True, slots=True)
class _Slot:
    """A word of the window: its span, its text and, for a target, its hypotheses."""

    start: int
    end: int
    word: str
    hypotheses: tuple[tuple[str, float], ...] = ()  # (candidate key, channel cost)


def is_target(speller: Speller, surface: str) -> bool:
    """Whether a token surface is decided by this pass: a lowercase word-shaped token (or one
    capitalized like a sentence's first word) that is not a common word, or is a rare one with
    a frequent rival."""
    if not surface.isalpha() or not surface[1:].islower() or len(surface) < 2:
        return False
    key = lookup_key(surface)
    return (
        key not in speller.lexicon.common
        or speller.real_word_risk(key)
        or any(m.known for m in load_channel_table().misreadings_of(key))
    )


def _hypotheses(speller: Speller, base: str) -> tuple[tuple[str, float], ...]:
    """What a target may stand for, with channel costs: the likeliest out of context first."""
    lexicon = speller.lexicon
    key = lookup_key(base)
    known = key in lexicon.common
    found: dict[str, float] = {}
    if not known:
        for cand in speller.word_candidates(base, None).values():
            found[cand.key] = cand.cost
    else:
        for variant, cost in speller.variants(key):
            if (
                cost <= REAL_WORD_MAX_COST and variant in lexicon.common
                and lexicon.frequency(variant) >= RIVAL_MIN_ZIPF
            ):
                found[variant] = cost
    for misreading in load_channel_table().misreadings_of(key):
        intended = misreading.intended
        if intended.isalpha() and intended in lexicon.common:
            found.setdefault(intended, speller.cost(key, intended))
    plain = unaccented(key)
    ranked = sorted(
        ((w, c) for w, c in found.items() if unaccented(w) != plain),
        key=lambda wc: (wc[1] - lexicon.frequency(wc[0]), wc[0]),
    )
    return tuple(ranked[:MAX_CANDIDATES])


def _identity_logprob(model: LanguageModel, speller: Speller, key: str) -> float | None:
    """The unigram-level score of the token itself when the model does not know it."""
    if model.knows(key):
        return None
    zipf = speller.lexicon.frequency(key)
    return zipf + ZIPF_TO_LOG10 if zipf else UNKNOWN_LOGPROB


def _slots(text: str, targets: Collection[int], speller: Speller) -> list[list[_Slot]]:
    """The window's words, sentence by sentence; targets (by start) carry their hypotheses."""
    sentences: list[list[_Slot]] = [[]]
    previous_end = 0
    for match in WORD.finditer(text):
        if SENTENCE_BREAK.search(text, previous_end, match.start()):
            sentences.append([])
        word = match.group()
        hypotheses = _hypotheses(speller, word) if match.start() in targets else ()
        sentences[-1].append(_Slot(match.start(), match.end(), word, hypotheses))
        previous_end = match.end()
    return [s for s in sentences if any(slot.hypotheses for slot in s)]


def _score(model: LanguageModel, before: tuple[str, ...], word: str,
           after: tuple[str, ...]) -> float:
    """log10 P of `word` after `before` plus of the two words after it, given it."""
    total = model.logprob(before, word)
    history = (*before[-1:], word)
    for following in after:
        total += model.logprob(history, following)
        history = (history[-1], following)
    return total


def propose(text: str, targets: Collection[int], speller: Speller,
            allow: Collection[str]) -> list[Edit]:
    """Edits for the target tokens of `text` (a window, targets by start), decided in
    context. Each pass adapts the channel to the window: a confusion its confident fixes made
    `ADAPT_MIN_COUNT` times costs `ADAPT_BONUS` less in the next pass (this page's OCR makes
    it)."""
    model = load_language_model()
    edits: dict[int, Edit] = {}
    sentences = _slots(text, targets, speller)
    words = [[s.word.lower() for s in sentence] for sentence in sentences]
    adapted: frozenset[str] = frozenset()
    for _ in range(PASSES):
        made: Counter[str] = Counter()
        for sentence, sentence_words in zip(sentences, words, strict=True):
            for i, slot in enumerate(sentence):
                key = lookup_key(slot.word)
                if not slot.hypotheses or key in allow or (
                    slot.word[0].isupper() and not _may_be_word(text, slot, speller)
                ):
                    continue
                before = tuple(sentence_words[max(0, i - 2) : i]) or (SENTENCE_START,)
                after = tuple(sentence_words[i + 1 : i + 3])
                edit = _decide(model, speller, text, slot, before, after, adapted)
                if edit is None:
                    edits.pop(slot.start, None)
                    sentence_words[i] = key
                    continue
                edits[slot.start] = edit
                sentence_words[i] = edit.replacement.lower()
                if edit.confidence >= ADAPT_MIN_CONFIDENCE:
                    made[_confusion(speller, key, edit.replacement)] += 1
        adapted = frozenset(c for c, n in made.items() if n >= ADAPT_MIN_COUNT)
    return [edits[start] for start in sorted(edits)]


def _confusion(speller: Speller, observed: str, intended: str) -> str:
    """What turned `intended` into `observed`, as the channel explains it."""
    return speller.channel.explain(observed, intended.lower())


def _may_be_word(text: str, slot: _Slot, speller: Speller) -> bool:
    """A capitalized token is a word only at a sentence start, and then not a name the
    gazetteer knows unless real OCR misread it often ('Tho', 'Ho')."""
    key = lookup_key(slot.word)
    return starts_sentence(text, slot.start) and (
        key not in speller.lexicon.names or bool(load_channel_table().misreadings_of(key))
    )


def real_word_margin(text: str, token: Token, rival: str, cost: float) -> float:
    """How much more likely the context model finds `rival` than the real word `token` in
    `text`, less the channel cost and `REAL_WORD_STICKINESS` (log10): positive only on
    strong context evidence."""
    model = load_language_model()
    head = text[max(0, token.start - 80) : token.start]
    cut = max((m.end() for m in SENTENCE_BREAK.finditer(head)), default=0)
    before = tuple(w.lower() for w in WORD.findall(head, cut)[-2:]) or (SENTENCE_START,)
    tail = text[token.end : token.end + 80]
    stop = SENTENCE_BREAK.search(tail)
    after = tuple(w.lower() for w in WORD.findall(tail, 0, stop.start() if stop else len(tail))[:2])
    word = lookup_key(token.base)
    return (
        _score(model, before, rival, after) - _score(model, before, word, after)
        - cost - REAL_WORD_STICKINESS
    )


def _decide(model: LanguageModel, speller: Speller, text: str, slot: _Slot,
            before: tuple[str, ...], after: tuple[str, ...],
            adapted: frozenset[str] = frozenset()) -> Edit | None:
    key = lookup_key(slot.word)
    identity = _score(model, before, key, after)
    unknown = _identity_logprob(model, speller, key)
    if unknown is not None:  # the model's floor for a word it lacks says nothing about it
        identity += unknown - model.logprob(before, key)
    if key in speller.lexicon.common:
        identity += REAL_WORD_STICKINESS
    scored = sorted(
        (
            (_score(model, before, w, after) - cost
             + (ADAPT_BONUS if adapted and _confusion(speller, key, w) in adapted else 0.0),
             w, cost)
            for w, cost in slot.hypotheses
        ),
        reverse=True,
    )
    if not scored:
        return None
    top = max(identity, scored[0][0])
    total = 10 ** (identity - top) + sum(10 ** (s - top) for s, _, _ in scored)
    best_score, best, _ = scored[0]
    confidence = 10 ** (best_score - top) / total
    if confidence < FLOOR:
        return None
    token = Token(slot.start, slot.end, slot.word, slot.word)
    sentence_start = starts_sentence(text, slot.start)
    entity = speller.lexicon.names.get(best)
    replacement = apply_case(slot.word, best, entity.canonical if entity else None)
    if sentence_start and (
        is_name_shaped(slot.word) or (slot.word[0] in I_GLYPHS and best[0] == "i")
    ):
        replacement = replacement[:1].upper() + replacement[1:]
    glyph = speller.channel.explain(key, best)
    return Edit(
        start=token.start,
        end=token.end,
        original=slot.word,
        replacement=replacement,
        kind="ocr" if glyph.startswith("glyph") else "spelling",
        rule="ocr.context",
        confidence=round(confidence, 4),
        reason=f"{glyph}; the trigram context model prefers '{best}' to '{key}' here "
               f"by {best_score - identity:.1f} log10 units",
        alternatives=tuple(w for _, w, _ in scored[1:4]),
    )
