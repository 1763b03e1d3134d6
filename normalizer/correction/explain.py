"""Ranked candidates for one word, and how a word is judged: for benchmarks and `explain`."""

from __future__ import annotations

from collections import ChainMap
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from symspellpy import Verbosity

from ..model import Edit
from ..tokens import Token, tokenize, word_types
from . import sentence
from .candidates import scored_candidates
from .decide import decide, is_suspect, weigh
from .document import Document
from .document_usage import DocumentUsage
from .hypothesis import Candidate, offer
from .passes import context_targets
from .reasons import entity_kind, reason
from .sentence_targets import is_target
from .sound_alikes import MAX_COST_PER_LETTER, SAME_SOUND_BONUS, sound_alikes
from .speller import Speller, speller_for
from .spelling_channel import load_spelling_channel
from .words import lookup_key, unchecked_because

if TYPE_CHECKING:
    from ..pipeline import StageContext

MAX_SUGGESTIONS = 5
"""Ranked corrections `explain` lists for a suspect word it leaves unchanged."""
RANKED_SPAN = 3.0
"""log10 units below the best candidate beyond which a ranked candidate is not priced as a
misspelling: a thousand times less likely, it seldom moves a rank that is read and never the
best's share. Ranking Birkbeck's 2,000-pair sample took a sixth of the time, with 0.3 points
fewer right in the first five and the same right first."""


def candidates(word: str, ctx: StageContext, context: str | None = None) -> list[str]:
    """Ranked corrections for `word` alone (or inside `context`), best first; for benchmarks
    of candidate ranking (accuracy@k). Empty when nothing is close."""
    return [c.word for c in ranked_candidates(word, ctx, context)]


def _word_in(word: str, context: str | None) -> tuple[str, int]:
    """The text `word` is judged in (`context` when it holds the word, else the word alone)
    and where the word stands in it: its first token of its own, not a part of another word
    ('sai' in a text that writes 'said' before it), else its first occurrence."""
    if not context or word not in context:
        return word, 0
    found = next(tokenize(context, only={word}), None)
    return context, found.start if found is not None else context.index(word)


def ranked_candidates(word: str, ctx: StageContext, context: str | None = None
                      ) -> list[Candidate]:
    """`candidates` with their scores: every common word within two edits of `word`, the
    words it sounds like, and the correction decision's own hypotheses, best first."""
    text, start = _word_in(word, context)
    token = Token(start, start + len(word), word, word)
    speller = speller_for(ctx.lexicon, ctx.profile.channel, ctx.profile.confusions_file,
                          ctx.profile.context_counts)
    lexicon = ctx.lexicon
    doc = Document(word_types(text), lexicon.common)
    found = {c.key: c for c in scored_candidates(speller, token, text, doc, ctx.extra_names)}
    # A ranked list wants every word within two edits, not only the nearest ones the
    # correction decision needs.
    key = word.lower()
    for item in lexicon.symspell.lookup(key, Verbosity.ALL, 2):
        if item.term != key and item.term in lexicon.common:
            offer(found, word, item.term, speller.cost(key, item.term),
                   lexicon.frequency(item.term), "lexicon")
    if key not in lexicon.common:
        _offer_sound_alikes(found, word, speller)
    if key not in lexicon.misspellings:
        _price_as_misspellings(found, key)  # the table's own words are priced by it
    return sorted(found.values(), key=lambda c: (-c.score, c.key))


def _price_as_misspellings(found: dict[str, Candidate], key: str) -> None:
    """Price each candidate by the cheaper of its channel cost and the spelling channel's
    (`spelling_channel`): a person's misspelling of it ('centraly' -> centrally, not
    central). One that could not come within `RANKED_SPAN` of the best even were it the
    cheapest misspelling is not priced (a short word has 200 candidates, a few matter)."""
    channel = load_spelling_channel()
    best = max((c.score for c in found.values()), default=0.0)
    for cand_key, cand in sorted(found.items(), key=lambda kc: -kc[1].score - kc[1].cost):
        # The spelling cost it must beat to matter: its own, and what keeps it in the span.
        needed = cand.cost - max(0.0, best - RANKED_SPAN - cand.score)
        if needed <= channel.cheapest:
            continue
        cost = channel.cost(key, cand_key, needed)
        if cost < needed:
            found[cand_key] = replace(cand, cost=cost, score=cand.score + cand.cost - cost)
            best = max(best, found[cand_key].score)


def _offer_sound_alikes(found: dict[str, Candidate], word: str, speller: Speller) -> None:
    """Offer the common words that sound like `word` (`sound_alikes`), however many edits
    away but within `MAX_COST_PER_LETTER`; one that sounds exactly alike, found already or
    not, gains `SAME_SOUND_BONUS`."""
    key = word.lower()
    bound = MAX_COST_PER_LETTER * len(key)
    for alike, same in sound_alikes(speller.lexicon, key).items():
        bonus = SAME_SOUND_BONUS if same else 0.0
        known = found.get(alike)
        if known is not None:
            if same:  # the same reading, cheaper: its spelling (a name's capital) kept
                found[alike] = replace(known, cost=known.cost - bonus, score=known.score + bonus)
            continue
        cost = speller.cost(key, alike, bound)
        if cost <= bound:
            offer(found, word, alike, cost - bonus, speller.lexicon.frequency(alike), "sound")


def explain(word: str, context: str | None, ctx: StageContext) -> dict[str, Any]:
    """How `word` is judged: known or not, scored candidates and the decision, as a dict.
    The decision is the spelling stage's own edit of the word in its context (what
    `normalize` does, the profile's learned corpus corrections included), explained by the
    word's judgement where the two agree; an unknown word it does not fix gets ranked
    suggestions."""
    from . import propose  # the package imports this module (through lone_word)

    report = _judge(word, context, ctx)
    text, start = _word_in(word, context)
    made = next((e for e in propose(text, ctx) if e.start == start), None)
    if made is not None:
        # Its edit is the decision, whatever the word's own judgement says (a window typed
        # carelessly, a capitalized typo read in its sentence, a name beside its partner).
        decision = _decision(made, ctx)
        if not report["decision"].startswith(decision):
            report["decision"] = f"{decision}: {made.reason}"
    elif not report["decision"].startswith("unchanged"):
        report["decision"] = ("unchanged: the text keeps it as written (a word mentioned, an "
                              "identifier, or a passage in another language)")
    if not report["known"] and not report["decision"].startswith("fix to"):
        # What a reader may have meant, ranked (sound-alikes included), though none is sure
        # enough to change the word.
        report["suggestions"] = candidates(word, ctx, context)[:MAX_SUGGESTIONS]
    return report


def _judge(word: str, context: str | None, ctx: StageContext) -> dict[str, Any]:
    """The decision logic's judgement of `word` (see `explain`)."""
    lexicon = ctx.lexicon
    speller = speller_for(lexicon, ctx.profile.channel, ctx.profile.confusions_file,
                          ctx.profile.context_counts)
    text, start = _word_in(word, context)
    token = next(
        (t for t in tokenize(text) if t.start == start),
        Token(start, start + len(word), word, word),
    )
    base, key = token.base, lookup_key(token.base)
    names = ChainMap(ctx.extra_names, lexicon.names)
    doc = Document(word_types(text), ctx.lexicon.common)
    allow = ctx.allowed
    report: dict[str, Any] = {"token": word, "known": False, "why": "", "candidates": [],
                              "decision": "unchanged"}
    if key in allow:
        report.update(known=True, why="in the allow list")
        return report
    # With `context-model` the sentence decides a lowercase target alone; without it, it
    # gives a second opinion where the single-word decision does not fix the word.
    real_words = ctx.profile.context_model
    in_context = None
    if is_target(speller, base, real_words):
        surfaces = {s for s in word_types(text) if is_target(speller, s, real_words)}
        targets = context_targets(text, surfaces, lexicon)
        usage = None if real_words else DocumentUsage(word_types(text))
        judged = {j.slot.start: j for j in sentence.judge(text, targets, speller, allow,
                                                           typos=not real_words, usage=usage)}
        in_context = judged.get(token.start)
        if in_context is not None and real_words:
            return _in_context(report, in_context, speller, text, ctx)
    if (unchecked := unchecked_because(base)) is not None:
        report.update(known=True, why=f"not checked: {unchecked}")
        return report
    if key in lexicon.common:
        report.update(known=True, why="a common English word")
        if not is_suspect(speller, token, text, names, doc):
            return report
        report["why"] += ", but rare, and one OCR confusion from a very frequent word"
    elif key in names:
        entity = names[key]
        report.update(known=True,
                      why=f"in the gazetteer as {entity_kind(entity)} ({entity.source})")
        if not is_suspect(speller, token, text, names, doc):
            return report
    elif not is_suspect(speller, token, text, names, doc):
        report.update(known=True, why=f"a known word or name (Zipf {lexicon.frequency(key):.2f})")
        return report
    else:
        zipf = lexicon.frequency(key)
        report["why"] = (
            f"not a common word nor in the gazetteer; rare in wordfreq (Zipf {zipf:.2f})" if zipf
            else "in no word list and not in the gazetteer"
        )
    weighing = weigh(speller, token, text, doc, names, ctx.extra_names)
    report["identity_score"] = round(weighing.identity, 3)
    report["candidates"] = [
        {"candidate": c.word, "score": round(c.score, 3), "confidence": round(p, 4),
         "cost": round(c.cost, 2), "frequency": round(c.prior, 2), "source": c.source,
         "reason": reason(speller, base, c, doc)}
        for c, p in zip(weighing.candidates, weighing.posterior, strict=True)
    ]
    edit = decide(speller, token, doc, weighing)
    if (
        in_context is not None and in_context.chosen
        and in_context.share(in_context.chosen) >= ctx.profile.threshold
        and (edit is None or edit.confidence < ctx.profile.threshold)
    ):
        return _in_context(report, in_context, speller, text, ctx)
    if edit is None:
        report["decision"] = "unchanged: no candidate is clearly more likely than the word itself"
    else:
        report["decision"] = _decision(edit, ctx)
    return report


def _in_context(report: dict[str, Any], judgement: sentence.Judgement, speller: Speller,
                text: str, ctx: StageContext) -> dict[str, Any]:
    """The report of a word the trigram context model decides: each choice with the score of
    the best reading of the sentence that puts it there."""
    word = judgement.choices[0].word
    report.update(
        known=word in ctx.lexicon.common,
        why="decided in context: the best reading of its sentence under the trigram model",
        identity_score=round(judgement.scores[0], 3),
    )
    report["candidates"] = [
        {"candidate": choice.word, "score": round(score, 3),
         "confidence": round(judgement.share(n), 4), "cost": round(-choice.emission, 2),
         "frequency": round(ctx.lexicon.frequency(choice.word), 2), "source": "context",
         "reason": speller.channel.explain(word, choice.word)}
        for n, (choice, score) in sorted(
            enumerate(zip(judgement.choices, judgement.scores, strict=True)),
            key=lambda item: -item[1][1])
        if n
    ]
    if judgement.chosen == 0 or judgement.share(judgement.chosen) < sentence.FLOOR:
        report["decision"] = ("unchanged: no reading of the sentence that changes it is clearly "
                              "more likely than the best that keeps it")
    else:
        edit = sentence.edit(speller, text, judgement)
        report["decision"] = f"{_decision(edit, ctx)}: {edit.reason}"
    return report


def _decision(edit: Edit, ctx: StageContext) -> str:
    """What becomes of a proposed edit under the profile's threshold and mode, as the
    pipeline applies it."""
    confidence = f"confidence {edit.confidence:.2f}"
    if edit.confidence < ctx.profile.threshold:
        return (f"suggest {edit.replacement!r} only ({confidence} below the threshold "
                f"{ctx.profile.threshold})")
    if not edit.applied:
        return f"suggest {edit.replacement!r} only ({confidence}, but unconfirmed)"
    if ctx.profile.mode != "fix":
        return f"suggest {edit.replacement!r} ({confidence}; the profile only suggests)"
    return f"fix to {edit.replacement!r} ({confidence})"
