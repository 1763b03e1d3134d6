"""Word boundaries the OCR moved: two words printed as one ('tothe' -> 'to the') and one word
printed as two ('Gov ernment' -> 'Government'). Words broken at a line end are checked whole
through `line_ends.JoinedView`.

A lowercase token that is no word ('tothe', 'wasnot') may be two words
that lost the space between them; two neighbours on one line, at least one of them no word
('Gov ernment', 'th e'), may be one word the OCR split; so may two pieces a junk
character cuts apart ('Gover*nment'), which no other decision changes alone. Each reading is
scored by the trigram context model over the two words before and after it:

    S(words) = sum of log10 P(word | the two before it), through the two words after them,
               minus the learned cost of the boundary event (dictionaries/built/boundaries.tsv:
               -log10 P(the OCR lost / added a space between those two letters))

and competes with the token(s) as printed (a word the model lacks scores its wordfreq
frequency, or the model's floor) and with the speller's single-word corrections (their channel
cost subtracted). The reading is applied when its posterior share reaches the profile's
threshold. Two real words are never joined ('a lot', 'in to'), a capitalized neighbour after
the break is a name and never joined ('W Smith'), and a capitalized token is split only where
a sentence starts ('Themen' -> 'The men'), and never when the gazetteer knows it. A name the
gazetteer knows is joined from a capitalized half ('Po mpeo' -> 'Pompeo'); a word fix that is
one of a merge reading's halves is no rival of that reading ('athird' is 'a third', not
'third'), and a long unseen token loses as printed (`MERGED_UNSEEN_FROM`). With a lost space
and an added one per paragraph of the modern news texts (`python bench/noise_probe.py
boundary`), these took merges from 119 to 161 fixed of 324 (15 to 9 read wrong) and splits
from 243 to 258 (9 to 6 wrong); OverProof dataset 2 gained 3 error units in the default
profile and none in the archive one; no clean word of the news twins changed, and one of the
synthetic set's in either profile (`MIN_NAME_JOIN_LENGTH`). With the
profile's `context-model` (the `archive` profile) a merged half may also carry one cheap OCR
confusion ('ontho' -> 'on the').
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from symspellpy import Verbosity

from ..channel_table import load_channel_table
from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..patterns import compile_regex
from ..profile import Profile
from ..tokens import tokenize
from .context import sentence_neighbours
from .datelines import DATELINE
from .readings import Reading, Scorer, weigh
from .speller import Speller
from .word_policy import SINGLE_CONFUSION_COST
from .words import apply_case, is_own_word, long_unseen_penalty, lookup_key

LETTERS = compile_regex(r"^\p{L}+$")


def _letters(surface: str) -> bool:
    """Whether a token surface is letters only (`LETTERS`): an ASCII one, most, is told by
    `str.isalpha` without a regex call (a token holds no line break for `$` to stop before)."""
    return surface.isalpha() if surface.isascii() else LETTERS.match(surface) is not None


WORD_RUN = compile_regex(r"[\p{L}\p{M}\p{Nd}]+")
JUNK = "*«»•·■^~¬"
"""Characters OCR prints inside a word for a speck or a broken letter ('Gover*nment'); the
tokenizer cuts at them, so the halves are joined like words split by a space."""
# Searched backwards (`(?r)`), like `SENTENCE_END_BEFORE`.
PREVIOUS_WORD = compile_regex(rf"(?r)(?<![\p{{L}}\p{{M}}\p{{Nd}}'’.-])(\p{{L}}+)([ {JUNK}])\Z")
NEXT_WORD = compile_regex(rf"([ {JUNK}])(\p{{L}}+)(?![\p{{L}}\p{{M}}\p{{Nd}}'’-])")
JUNK_INSIDE = compile_regex(rf"(?<=\p{{L}})[{JUNK}](?=\p{{L}})")
NEIGHBOUR_REACH = 42
"""A neighbour joined to a token is at most this long (a word of 40 letters and its space)."""

SENTENCE_END_BEFORE = compile_regex(r"(?r)([\p{L}\p{Nd}]+)[.!?][\"'”’)]*\s+[\"'“‘(]?\Z")
"""A sentence end right before a token, an opening quote or bracket between them allowed,
searched backwards from it (`(?r)`): one attempt at the token instead of one at every
character before it, with the same match."""
TEXT_OPENING = re.compile(r"\s*[\"'“‘(]?")
"""Space and an opening quote or bracket: all that may precede the first sentence (`re`'s
space is str.isspace's, as str.strip has it)."""
MIN_SENTENCE_END_NUMBER = 2
"""A number before a period this long ends a sentence ('in 2016.'); a shorter one may number
a list ('1. Gardnor')."""
MIN_SENTENCE_END_NAME = 4
"""A capitalized word before a period this long is no title or initial ('Mr.', 'H.', 'Gen.'),
unless `ABBREVIATIONS` holds it: 'Cal Fire. Yhe Eaton fire' opens a sentence (from five
letters down to four: one more typo fixed on the synthetic news set, three on the synthetic
set, no clean word changed)."""
ABBREVIATIONS = frozenset({
    "messrs", "lieut", "capt", "sergt", "colonel", "major", "rev",
    "prof", "supt", "insp", "cmdr", "brig", "msgr", "atty", "bros", "corp", "dept", "univ",
    "inst", "assn", "govt", "mich", "wash", "okla", "ariz", "colo", "conn", "mass", "minn",
    "tenn", "calif",
})
"""Titles, abbreviations of names and states' abbreviations of four letters or more that a
period follows without ending the sentence ('Prof. Gardnor', 'Warner Bros. Discovery',
'Boston, Mass. Officials')."""

MIN_MERGED_LENGTH = 4
"""A token shorter than this is not two words ('toa' is more often a slip than 'to a')."""
MERGE_MAX_LENGTH = 24
"""Merged tokens longer than this are not split (the readings grow with the length)."""
ONE_LETTER_WORDS = frozenset({"a"})
"""The one-letter words a merged token may contain (OCR prints the pronoun as 'I')."""
FUNCTION_WORD_ZIPF = 6.0
"""One half of a merged token is a word at least this frequent ('of', 'the', 'is', 'him'):
two rarer words run together are more often a compound ('foxterrier', 'yearold')..."""
CONTENT_HALF_ZIPF = 4.5
"""...unless, without the context model (the default profile, for modern text) and in plain
text (`BoundarySettings.plain_prose`), both halves are words at least this frequent and
wordfreq never saw the token ('severecircumstances', 'obviouschannel'): modern print writes
few compounds solid that wordfreq has not seen, while Markdown coins them (Aspell's
"soundslike"). No clean word of the synthetic set or the news twins changed; at 4.0
'crossexamination' in OverProof's ground truth read 'cross examination', and in the archive
profile, at 4.5, 'lowergrade' read 'lower grade'."""
MERGED_UNSEEN_FROM = 7
"""The letters past which a token wordfreq never saw loses `words.LONG_UNSEEN_STEP` a letter
as printed against its readings as two words (`words.long_unseen_penalty`), in plain prose
(`BoundarySettings.plain_prose`): the longer an unknown string that two words spell
exactly, the likelier it is those words run together ('criticizinghis', 'announcedthat').
At 6, a clean word of the synthetic set changed; a Markdown or reST document coins such
words ('soundslike')."""
MIN_NAME_JOIN_LENGTH = 4
"""Two neighbours are joined into a gazetteer name ('Po mpeo', 'Lav rov', 'Schmi tt') when
the first is capitalized and one of them is no word, for names this long or longer. In
OverProof dataset 2's ground truth 'Marrick ville' (the suburb, split in print) now reads
'Marrickville'."""
GLYPH_HALF_MAX_LENGTH = 4
"""A merged half this short may carry one OCR confusion ('tho' in 'ontho'): the function
words OCR garbles most; longer halves would multiply the readings for little."""
GLYPH_HALF_MIN_ZIPF = 5.0
"""A merged half read through a confusion must be a word at least this frequent."""
SPLIT_WORD_MIN_ZIPF = 3.0
"""Two tokens are joined into a word only when it is at least this frequent."""
LETTER_SPLIT_MIN_ZIPF = 5.5
"""A letter standing alone is joined to its neighbour only into a word this frequent ('w as',
'th e'): a split that leaves one letter more often lost letters too ('hea d' was 'heard')."""
MIN_CONFIDENCE = 0.8
"""The posterior share a merge or split reading needs in every profile (above the archive's
threshold: a boundary reading whose rivals are close is as often a garbled word)."""
PLAIN_MIN_CONFIDENCE = 0.95
"""The same for a profile without the context model (the precision-first default)."""
MAX_ALTERNATIVES = 4
"""Single-word corrections of a token weighed against a boundary reading."""


def _word_fixes(speller: Speller, token: str) -> list[tuple[str, float]]:
    """The speller's likeliest single-word corrections of a lowercase token, with costs."""
    if len(token) < 3 or not token.islower():
        return []
    found = speller.word_candidates(token, None).values()
    best = sorted(found, key=lambda c: (-c.score, c.key))[:MAX_ALTERNATIVES]
    return [(c.key, c.cost) for c in best]


@dataclass(frozen=True)
class BoundarySettings:
    """What a profile lets this module do: `threshold`, the posterior share a reading needs;
    `glyphs`, a merged half may carry one OCR confusion; `plain_prose`, the default profile
    reading plain text, where a token may be two frequent content words run together
    (`CONTENT_HALF_ZIPF`) and a long unseen one loses as printed (`MERGED_UNSEEN_FROM`)."""

    threshold: float
    glyphs: bool
    plain_prose: bool = False

    @classmethod
    def for_profile(cls, profile: Profile, text_format: str = "text") -> BoundarySettings:
        """The profile's threshold (at least `MIN_CONFIDENCE`, or `PLAIN_MIN_CONFIDENCE`
        without the context model); glyphs with its context model; `plain_prose` without it,
        in plain text (a Markdown or reST document coins long solid words: Aspell's
        "soundslike")."""
        least = MIN_CONFIDENCE if profile.context_model else PLAIN_MIN_CONFIDENCE
        return cls(max(profile.threshold, least), glyphs=profile.context_model,
                   plain_prose=not profile.context_model and text_format == "text")


def _merge_readings(speller: Speller, surface: str, glyphs: bool,
                    content_words: bool = False) -> list[Reading]:
    """Readings of `surface` as two words, with the cost of the lost space (and, with
    `glyphs`, of one OCR confusion in a short half beside a word; with `content_words`, of
    two frequent content words too)."""
    lexicon = speller.lexicon
    table = load_channel_table()
    key = lookup_key(surface)
    unseen = lexicon.frequency(key) == 0
    readings: dict[tuple[str, ...], float] = {}
    for i in range(1, len(key)):
        left, right = key[:i], key[i:]
        left_word, right_word = _is_half(lexicon, left), _is_half(lexicon, right)
        if not (left_word or right_word) or not (
            any(lexicon.frequency(half) >= FUNCTION_WORD_ZIPF for half in (left, right))
            or (content_words and left_word and right_word and unseen
                and min(lexicon.frequency(left), lexicon.frequency(right)) >= CONTENT_HALF_ZIPF)
        ):
            continue  # two content words run together are more often a compound ('foxterrier')
        cost = table.boundary_cost("merge", left[-1], right[0])
        found = [((left, right), cost)] if left_word and right_word else []
        if glyphs and left_word:
            found += [((left, w), cost + c) for w, c in _glyph_words(speller, right)]
        if glyphs and right_word:
            found += [((w, right), cost + c) for w, c in _glyph_words(speller, left)]
        for pair, total in found:
            if total < readings.get(pair, float("inf")):
                readings[pair] = total
    return [Reading(pair, cost, True) for pair, cost in sorted(readings.items())]


def _is_half(lexicon: Lexicon, half: str) -> bool:
    """Whether `half` may stand as a word of a merged token (of one letter only 'a')."""
    return half in lexicon.common and (len(half) > 1 or half in ONE_LETTER_WORDS)


@lru_cache(maxsize=16_384)
def _glyph_words(speller: Speller, half: str) -> tuple[tuple[str, float], ...]:
    """Frequent words a short half may be through one cheap OCR confusion ('tho' -> 'the')."""
    if len(half) > GLYPH_HALF_MAX_LENGTH:
        return ()
    lexicon = speller.lexicon
    return tuple(
        (variant, cost) for variant, cost in speller.variants(half)
        if cost <= SINGLE_CONFUSION_COST and variant in lexicon.common
        and lexicon.frequency(variant) >= GLYPH_HALF_MIN_ZIPF
    )


def _mergeable(speller: Speller, text: str, start: int, surface: str,
               names: Mapping[str, Entity]) -> bool:
    """Whether a token may be two words run together: no word, letters only, lowercase or
    (where a sentence plainly starts, and not a gazetteer name) capitalized or all capitals."""
    key = lookup_key(surface)
    if not (MIN_MERGED_LENGTH <= len(surface) <= MERGE_MAX_LENGTH) or not _letters(surface):
        return False
    if key in speller.lexicon.common:
        return False
    if surface.islower():
        return True
    return (
        (surface[1:].islower() or surface.isupper()) and key not in names
        and opens_sentence(text, start)
    )


DATELINE_REACH = 80
"""Characters looked back for a dateline before a token: a place of four words, a region."""


def after_dateline(text: str, start: int) -> bool:
    """Whether the token at `start` follows a news dateline on its line ('KABUL, Afghanistan
    — The Taliban'): the article's first sentence opens there."""
    line = text.rfind("\n", max(0, start - DATELINE_REACH), start) + 1
    if line == 0 and start > DATELINE_REACH:
        return False
    found = DATELINE.match(text, line, start)
    return found is not None and not text[found.end() : start].strip()


def opens_sentence(text: str, start: int) -> bool:
    """Whether the text plainly starts a sentence at `start`: at its start, after a news
    dateline (`after_dateline`: 'KABUL, Afghanistan — Thue Taliban' -> The, one more typo
    fixed at news seeds 3, 17 and 55, nothing else changed), or after a sentence end that
    follows a lowercase word, a long capitalized one or a number of `MIN_SENTENCE_END_NUMBER`
    digits or more ('in 2016.'), an opening quote between allowed; so not after a title or an
    initial ('Mr. Tooso', 'H. L. Butlor'), a list's number ('1.') nor at a mere line start."""
    if TEXT_OPENING.fullmatch(text, 0, start) is not None:
        return True  # nothing but space and a quote before it (found without copying it)
    before = SENTENCE_END_BEFORE.search(text, max(0, start - NEIGHBOUR_REACH), start)
    if before is None:
        return after_dateline(text, start)
    word = before.group(1)
    if word.isdigit():
        return len(word) >= MIN_SENTENCE_END_NUMBER
    return word.islower() or (
        len(word) >= MIN_SENTENCE_END_NAME and word.lower() not in ABBREVIATIONS)


def _merge(speller: Speller, scorer: Scorer, text: str, start: int, surface: str,
           settings: BoundarySettings) -> Edit | None:
    """A merged token split in two, when that reading wins."""
    splits = _merge_readings(speller, surface, settings.glyphs, settings.plain_prose)
    if not splits:
        return None
    key = lookup_key(surface)
    # A word fix that is a half of a reading reads the same word, the other half's letters
    # taken for a slip ('athird' -> 'third'): it is no rival of the reading ('a third').
    halves = {word for split in splits for word in split.words}
    fixes = [Reading((w,), c, False) for w, c in _word_fixes(speller, surface) if w not in halves]
    before, after = sentence_neighbours(text, start, start + len(surface))
    printed = (long_unseen_penalty(key, MERGED_UNSEEN_FROM)
               if settings.plain_prose and speller.lexicon.frequency(key) == 0 else 0.0)
    verdict = weigh(scorer, [Reading((key,), printed, False), *fixes, *splits], before, after)
    if not verdict.best.boundary or verdict.confidence < settings.threshold:
        return None
    left, right = verdict.best.words
    cut = len(left) if key.startswith(left) or not key.endswith(right) else len(key) - len(right)
    replacement = f"{apply_case(surface[:cut], left)} {apply_case(surface[cut:], right)}"
    if surface.isupper():
        replacement = replacement.upper()
    table = load_channel_table()
    lost = table.boundary_cost("merge", key[cut - 1], key[cut])
    return Edit(
        start, start + len(surface), surface, replacement, "ocr", "ocr.merged-words",
        round(verdict.confidence, 4),
        f"two words printed as one: the space between '{key[cut - 1]}' and '{key[cut]}' "
        f"lost (learned rate 10^-{lost:.1f}); the trigram context model prefers "
        f"'{left} {right}' to '{key}' here by {verdict.margin:.1f} log10 units",
    )


def _joinings(speller: Speller, first: str, second: str,
              glyphs: bool) -> list[tuple[str, float]]:
    """The words two neighbours may make, with the cost of any confusion in them, when one
    of them is no word and the second does not start a name: the word they spell, or (with
    `glyphs`, halves of two letters or more) a word one confusion or slip from it
    ('tel mination' -> 'termination')."""
    lexicon = speller.lexicon
    if not (_may_end_join(second) and _may_start_join(first)):
        return []
    if is_own_word(lexicon.common, lookup_key(first)) and is_own_word(lexicon.common, second):
        return []  # two real words stay apart ('a lot', 'in to')
    joined = lookup_key(first + second)
    least = SPLIT_WORD_MIN_ZIPF if min(len(first), len(second)) > 1 else LETTER_SPLIT_MIN_ZIPF
    if joined in lexicon.common:
        return [(joined, 0.0)] if lexicon.frequency(joined) >= least else []
    if first[:1].isupper() and len(joined) >= MIN_NAME_JOIN_LENGTH and _canonical(
            lexicon, joined)[:1].isupper():
        return [(joined, 0.0)]  # a gazetteer name ('Po mpeo', 'Lav rov')
    if not glyphs or least > SPLIT_WORD_MIN_ZIPF:
        return []
    return [(word, cost) for word, cost in _one_edit_words(speller, joined)
            if lexicon.frequency(word) >= least]


def _canonical(lexicon: Lexicon, key: str) -> str:
    """The gazetteer's spelling of the name `key` ('McConnell'), or '' when it holds none."""
    entity = lexicon.names.get(key)
    return entity.canonical if entity is not None else ""


def _may_start_join(word: str) -> bool:
    """A first half is lowercase or capitalized (it may open a sentence)."""
    return word.islower() or word[1:].islower()


def _may_end_join(word: str) -> bool:
    """A second half is lowercase: a capital there starts a name or a sentence."""
    return word.islower()


@lru_cache(maxsize=16_384)
def _one_edit_words(speller: Speller, spelt: str) -> tuple[tuple[str, float], ...]:
    """Common words one edit from `spelt` (the nearest dictionary words, within one edit: far
    cheaper than a full candidate search), with their channel costs; not names, whose case
    a lowercase half cannot give."""
    lexicon = speller.lexicon
    found = []
    for item in lexicon.symspell.lookup(spelt, Verbosity.CLOSEST, 1):
        term = item.term
        if term != spelt and term in lexicon.common and term not in lexicon.names:
            found.append((term, speller.cost(spelt, term)))
    return tuple(found)


def _split(speller: Speller, scorer: Scorer, text: str, start: int, first: str,
           second: str, joinings: list[tuple[str, float]],
           settings: BoundarySettings) -> Edit | None:
    """Two neighbours joined into a word they make, when that reading wins."""
    end = start + len(first) + 1 + len(second)
    keys = (lookup_key(first), second)
    readings = [Reading(keys, 0.0, False)]
    for index, part in enumerate(keys):
        if not is_own_word(speller.lexicon.common, part):
            for word, cost in [*_word_fixes(speller, part), *_glyph_words(speller, part)]:
                words = (word, keys[1]) if index == 0 else (keys[0], word)
                readings.append(Reading(words, cost, False))
    # A junk character inside a word is a speck, priced as a space the OCR added there.
    added = load_channel_table().boundary_cost("split", first[-1], second[0])
    between = text[start + len(first)]
    cause = (f"a space added between '{first[-1]}' and '{second[0]}'" if between == " "
             else f"a stray '{between}' between '{first[-1]}' and '{second[0]}'")
    readings += [Reading((word, ), added + cost, True) for word, cost in joinings]
    before, after = sentence_neighbours(text, start, end)
    verdict = weigh(scorer, readings, before, after)
    if not verdict.best.boundary or verdict.confidence < settings.threshold:
        return None
    (joined,) = verdict.best.words
    spelt = keys[0] + keys[1]
    glyph = "" if joined == spelt else f" and {speller.channel.explain(spelt, joined)}"
    canonical = _canonical(speller.lexicon, joined) or None
    return Edit(
        start, end, text[start:end], apply_case(first, joined, canonical), "ocr", "ocr.split-word",
        round(verdict.confidence, 4),
        f"one word printed as two: {cause} "
        f"(learned rate 10^-{added:.1f}){glyph}; the trigram context model prefers "
        f"'{joined}' to '{keys[0]} {keys[1]}' here by {verdict.margin:.1f} log10 units",
    )


def propose(text: str, surfaces: Mapping[str, int], speller: Speller,
            names: Mapping[str, Entity], allow: Container[str],
            settings: BoundarySettings, joined: Collection[int] = ()) -> list[Edit]:
    """Merge and split edits for `text`; `surfaces`: its token surfaces (word types), with
    their counts; `joined`: where a `JoinedView` joined a word broken at a line end (left to
    the word decisions). Edits never overlap; a token takes part in one at most."""
    lexicon = speller.lexicon
    candidates = {
        s for s in surfaces
        if _letters(s) and (key := lookup_key(s)) not in lexicon.common and key not in allow
        and _may_join(lexicon, s, key, names, settings.glyphs)
    }
    if not candidates:
        return []
    scorer = Scorer(speller.language_model, lexicon)
    edits: list[Edit] = []
    taken_end = -1
    for token in tokenize(text, only=candidates, counts=surfaces):
        start, surface = token.start, token.surface
        if start < taken_end or start in joined:
            continue
        edit = _split_around(speller, scorer, text, start, surface, allow, settings)
        if edit is None and _mergeable(speller, text, start, surface, names):
            edit = _merge(speller, scorer, text, start, surface, settings)
        if edit is not None and edit.start >= taken_end and not any(
            edit.start <= j < edit.end for j in joined
        ):
            edits.append(edit)
            taken_end = edit.end
    return edits


def _may_join(lexicon: Lexicon, surface: str, key: str, names: Container[str],
              glyphs: bool) -> bool:
    """Whether a token of this surface may be merged or joined at all, told by its type
    before its tokens are looked for (most are names): a name with a capital is never
    merged (`_mergeable`) and ends no join (`_may_end_join`), so it only starts one, if
    capitalized (`_may_start_join`), and without `glyphs` into a common word, which then
    starts with its key."""
    if surface.islower() or key not in names:
        return True
    return surface[1:].islower() and (
        glyphs or lexicon.beginnings is None or lexicon.beginnings.extends(key))


def _split_around(speller: Speller, scorer: Scorer, text: str, start: int, surface: str,
                  allow: Container[str], settings: BoundarySettings) -> Edit | None:
    """The join of the non-word at `start` with its neighbour before or after it (on the
    same line, one space apart), whichever wins; None when neither does."""
    end = start + len(surface)
    found = []
    # The shapes are checked first: most tokens here are names, which end no join.
    previous = _may_end_join(surface) and PREVIOUS_WORD.search(
        text[max(0, start - NEIGHBOUR_REACH) : start])
    if previous and lookup_key(previous.group(1)) not in allow:
        first = previous.group(1)
        joinings = _joinings(speller, first, surface, settings.glyphs)
        if joinings:
            found.append(_split(speller, scorer, text, start - len(first) - 1, first, surface,
                                joinings, settings))
    following = _may_start_join(surface) and NEXT_WORD.match(text, end)
    if following and lookup_key(following.group(2)) not in allow:
        second = following.group(2)
        joinings = _joinings(speller, surface, second, settings.glyphs)
        if joinings:
            found.append(_split(speller, scorer, text, start, surface, second, joinings,
                                settings))
    decided = [e for e in found if e is not None]
    return max(decided, key=lambda e: e.confidence, default=None)


def junk_fragment_starts(text: str) -> frozenset[int]:
    """Where the halves of a word cut by a junk character start ('Gover' and 'nment' in
    'Gover*nment'): each is a piece, not a word, and no word decision may change it alone.
    Linear: each letter run is walked back once, from the junk character after it."""
    if not any(junk in text for junk in JUNK):
        return frozenset()  # most texts hold none: substring tests, no regex scan
    starts = set()
    for junk in JUNK_INSIDE.finditer(text):
        at = junk.start()
        while at > 0 and text[at - 1].isalpha():
            at -= 1
        starts.update((at, junk.end()))
    return frozenset(starts)


def claimed_starts(text: str, edits: Iterable[Edit]) -> frozenset[int]:
    """Where the tokens inside `edits` start: the word decisions leave them alone."""
    return frozenset(m.start() for e in edits for m in WORD_RUN.finditer(text, e.start, e.end))
