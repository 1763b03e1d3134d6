"""A broken word of a gazetteer name, read back from the intact word beside it.

A word the gazetteer pairs with a neighbour in a multi-word name ('Axel Kicillof', 'Beit
Lahiya', 'World Food Programme', 'Smolenskaya Square') is strong evidence for what the
token beside that neighbour is, stronger than its frequency or its first letter: in 'Axel
Micillof' the only word 'Axel' stands before in any name is 'Kicillof', one slip from the
token; in 'Beit ahiya', 'Lahiya' with its first letter lost. The speller's nearest names keep
the token's first letter and need six letters, so neither is found there.

A token is read so when it is no common word, no gazetteer name and rare in wordfreq (Zipf
under `MAX_ZIPF`: 'Wrld', 'Tims' are typos the web holds), letters only, of `MIN_LENGTH` or
more; a capitalized neighbour stands right beside it (one space or a hyphen between; not a
very frequent word opening a sentence, whose capital is the sentence's: 'The Gaa Health
Ministry' is no 'The Gap', a wrong fix fewer at news seeds 3, 17 and 55), and
exactly one word is its partner in a gazetteer name on that side (or on the other, from the
other neighbour) at most one slip from the token (`keyboard.TYPO_COST`). A neighbour the
token itself partners is a name read right, and a spelling that may be the same name spelt
another way is not read (`may_be_slip`), but in a carelessly typed window beside a
distinctive neighbour (`DISTINCTIVE_NEIGHBOUR_MAX_ZIPF`: 'Imra Khan' -> Imran). A common
word or a name stays whatever its neighbours are ('the South Korean troops' is no 'Korea',
'John William Dunn' no 'Williams'): counted offline on the synthetic news set, the
synthetic set, their clean twins and OverProof dataset 2, admitting them would change about
140 clean tokens; the rare tokens alone change none, and fix 9 more typos on the synthetic
news set, 15 on the synthetic set and 5 on OverProof dataset 2. Such a reading replaces an
earlier fix of the token to a word no neighbour's name pairs with ('Kauo Ueda' is 'Kazuo',
not the place 'Kano' one glyph confusion away: `_settled`).

A capitalized word or name as written ('A Hog Kong court', 'Lase Vegas'), no very frequent
word and no person's name of the gazetteer ('Kerry Brown' and 'Terry Brown' are not 'Jerry
Brown', whom the model knows), one letter from a word its capitalized neighbour stands
beside in a name, is read so only
where the trigram model finds the pair with the name's word far likelier than the pair as
written, by `WORD_PAIR_MIN_LIFT` log10 units or more ('hong kong' against 'hog kong': 5.8).
A pair the bigram list or the gazetteer knows as written ('Prime Minister', 'Hong Kong') is
what people write, and is never looked at (`written_surfaces`): that keeps the pass cheap,
where checking every capitalized pair cost 5% of a first pass.

A capitalized token of that first kind (no word list holds it) whose neighbours' names pair
with no word near it is read as a common word the bigram list pairs with a capitalized
neighbour, when exactly one is one slip from it and the trigram model ties the two
(`word_partners`: 'the Federal District Fourt' -> Court, 'since Election Dav' -> Day). At
news seeds 3, 17, 55, 5, 11 and 23, 3 more typos fixed and one wrong fix fewer, one more on
the synthetic set and at seed 7; nothing else changed there, on the clean twins or on
OverProof dataset 2. Of 44,994 rare census names after 'President' and before 'County',
one more changed ('Lorange County' -> Orange). Without the model's tie, 7 more ('President
Spaid' -> Said); with lowercase tokens too, 9 more wrong fixes at news seed 23 alone ('fhe
Holiday Inn' -> The).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache
from itertools import pairwise

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import Token, starts_sentence, strip_possessive, tokenize
from .candidates import lowercase_candidate
from .keyboard import TYPO_COST, lost_letters, transposed
from .speller import REAL_WORD_MAX_ZIPF, Speller
from .word_policy import SINGLE_CONFUSION_COST
from .words import MIN_LENGTH, apply_case, consonant_skeleton, lookup_key

MAX_ZIPF = 3.0
"""A token wordfreq has seen this often is a word or name as written ('Paty' is Samuel
Paty's name too, and stays: it is in the gazetteer)."""

NEIGHBOUR_BEFORE = compile_regex(r"(?r)(?<![\p{L}\p{M}'’])(\p{Lu}[\p{L}\p{M}]*)[ -]\Z")
NEIGHBOUR_AFTER = compile_regex(r"[ -](\p{Lu}[\p{L}\p{M}]*)(?![\p{L}\p{M}])")
"""A capitalized word right before or after a token: one space or a hyphen between."""


OPENING_WORD_MIN_ZIPF = 6.0
"""A neighbour this frequent opening a sentence ('The', 'In', 'But') is no name's word."""
DISTINCTIVE_NEIGHBOUR_MAX_ZIPF = 4.5
"""In a carelessly typed window (`typed_text.typed_carelessly`), a token beside a neighbour
wordfreq has seen less often than this, a name more than a common first name ('Khan' 4.25,
'Kallas' 1.5, 'Lapid' 2.0; not 'John' 5.4, 'Robert' 4.9, 'Kim' 4.6), is read as the
neighbour's partner one slip from it whatever the slip (`may_be_slip` does not apply): 'Imra
Khan' is Imran, 'Kajua Kallas' Kaja, 'Tair Lapid' Yair. Such a neighbour names one person
or two, and a writer who slips often slipped there too. At news seeds 3, 17, 55, 5, 11 and
23, 15 more typos fixed (20 with any neighbour, 'John Lec' -> Lee, 'Robert Fic' -> Fico);
one on the synthetic set; nothing else changed there, at seeds 99, 7, 21 and 42 (12 more),
on the clean twins or on OverProof dataset 2. So is a word or name as written there without
the model's word (`WORD_PAIR_MIN_LIFT`: 'Mak Rutte' -> Mark, 'the Suwałki Gao' -> Gap, 'Hau
Dong-hoon' -> Han), but for a plural's 's': 13 more typos fixed at those six seeds, 4 at the
four, nothing else changed; with the plurals, 'the Strawberry Hills' in dataset 2 became the
gazetteer's Strawberry Hill. Of 4,000 random pairs of US census first names
and surnames, one of them rare, in a carelessly typed sentence, none more changed; of 2,000
rare census names one slip from a name's word, each set beside that word's partner in such a
sentence (the worst case: 'Kaia Kallas'), 1,627 changed against 990 before."""
WORD_PAIR_MIN_LIFT = 3.0
"""How much likelier the trigram model must find the name's pair than the pair as written to
read a capitalized word or name as the name's word (see the module docstring)."""


def surfaces(lexicon: Lexicon, types: Collection[str], names: Mapping[str, Entity]
             ) -> set[str]:
    """The token surfaces of a window this pass may read as they are not words: letters
    only (but for a possessive's 's: 'Virat ohli's'), of `MIN_LENGTH` or more, no word or
    name as written (`written_word`), no name the caller added (`names`). Words as written
    come from `written_surfaces`."""
    return {
        surface for surface in types
        if (base := strip_possessive(surface)).isalpha() and len(base) >= MIN_LENGTH
        and (key := lookup_key(base)) not in names and not written_word(lexicon, key)
    }


CAPITALIZED_RUN = compile_regex(
    r"(?<![\p{L}\p{M}'’])\p{Lu}[\p{L}\p{M}]*+(?:[ -]\p{Lu}[\p{L}\p{M}]*+)+")
"""Capitalized words side by side, one space or a hyphen between each two, the first opening
a word ('McDonald Hall', not 'Donald Hall' in it). The letters are taken possessively and
a run starts only at a word's start, so that each word is read once: a letter run with
capitals all along ('aBaB...') made every capital a start that read the rest of the run,
quadratic in its length."""


def written_surfaces(speller: Speller, text: str, names: Mapping[str, Entity]) -> set[str]:
    """The capitalized words as written in `text` this pass may read (`written_slip`): found
    pair by pair, among the pairs where one word stands beside a name's word on the other's
    side and that neither the gazetteer nor the bigram list knows as written."""
    lexicon = speller.lexicon
    after, before = speller.name_partners
    found = set()
    for run in CAPITALIZED_RUN.finditer(text):
        # The run's words, cut at each space or hyphen (str methods: no regex call).
        for first, second in pairwise(run.group().replace("-", " ").split(" ")):
            lower_first, lower_second = first.lower(), second.lower()
            if lower_second not in before and lower_first not in after:
                continue  # neither stands beside a name's word on the other's side
            pair = f"{lower_first} {lower_second}"
            if pair in lexicon.name_pairs or pair in lexicon.bigrams:
                continue  # written so: 'Hong Kong', 'Prime Minister'
            for token, neighbour, stands_first in ((first, lower_second, True),
                                                   (second, lower_first, False)):
                if written_slip(speller, token, neighbour, stands_first) and (
                        lookup_key(token) not in names or lookup_key(token) in lexicon.names):
                    found.add(token)
    return found


@lru_cache(maxsize=16_384)
def written_slip(speller: Speller, token: str, neighbour: str, stands_first: bool) -> bool:
    """Whether a capitalized word or name as written (`written_word`), no more frequent than
    `REAL_WORD_MAX_ZIPF` ('The', 'North' are no slips) and no gazetteer person's name ('Kerry'
    beside 'Brown' is no 'Jerry'), is one letter from a word the
    `neighbour` (lowercase) stands beside in a gazetteer name on its side, and is not that
    word."""
    after, before = speller.name_partners
    partners = (before if stands_first else after).get(neighbour)
    if not partners:
        return False
    lexicon = speller.lexicon
    key = lookup_key(token)
    entity = lexicon.names.get(key)
    if len(key) < MIN_LENGTH and (len(key) < SHORT_WORD_LENGTH or token.isupper()):
        return False  # two capitals are an acronym ('UN', 'EW YORK' in mid-sentence)
    return (key.isalpha() and key not in partners
            and written_word(lexicon, key) and lexicon.frequency(key) <= REAL_WORD_MAX_ZIPF
            and (entity is None or entity.type != "person")
            and bool(near_words(key, partners)))


SHORT_WORD_LENGTH = 2
"""The shortest capitalized word as written read as a name's word. One under `MIN_LENGTH` is
read only as the word with one letter lost ('the Lo Angeles school district', 'Ro Grande do
Sul', 'Sk News'), never another letter in its place ('Wm Heywood' is William, not 'Wu'),
and never in capitals, an acronym's ('EW YORK' mid-sentence is the dateline's to read):
news seeds 3, 17, 55, 5, 11 and 23 fixed 4 more typos, OverProof dataset 2 1 more error unit
('it Ls Banos') and read one more wrong ('Kevin John Bl own', Brown split in two); no clean
token of any set changed (with a letter replaced too, 'Wm' became 'Wu' in the synthetic
set's 19th-century twin), nor any of 58 two-letter names beside a surname ('Jo Cox',
'Ed Davey', 'Ho Chi Minh')."""


def near_words(key: str, words: Collection[str]) -> list[str]:
    """The `words` one letter from `key` (inserted, dropped, replaced, or two neighbours
    swapped); for a `key` shorter than `MIN_LENGTH`, only with one letter inserted."""
    found = [word for word, _, _ in process.extract(key, words, scorer=OSA.distance,
                                                    score_cutoff=1, limit=None)]
    if len(key) < MIN_LENGTH:
        return [word for word in found if key in lost_letters(word)]
    return found


def written_word(lexicon: Lexicon, key: str) -> bool:
    """Whether a token is a word or name as written: a common word, a gazetteer name, or a
    spelling wordfreq has seen `MAX_ZIPF` or more; such a one is read only on the model's
    word (`WORD_PAIR_MIN_LIFT`)."""
    return key in lexicon.common or key in lexicon.names or lexicon.frequency(key) >= MAX_ZIPF


def beside(speller: Speller, text: str, token: Token
           ) -> list[tuple[str, Collection[str], bool]]:
    """Each capitalized neighbour of the token (`NEIGHBOUR_BEFORE`, `NEIGHBOUR_AFTER`) with
    the words it stands beside on the token's side in the gazetteer's names, and whether it
    stands before the token."""
    after, before = speller.name_partners
    found = []
    for match, side, first in (
            (NEIGHBOUR_BEFORE.search(text, max(0, token.start - 42), token.start), after, True),
            (NEIGHBOUR_AFTER.match(text, token.end), before, False)):
        if match is not None and not _opening_word(speller.lexicon, text, match):
            found.append((match.group(1), side.get(match.group(1).lower(), ()), first))
    return found


def _opening_word(lexicon: Lexicon, text: str, neighbour: regex.Match[str]) -> bool:
    """Whether the capitalized `neighbour` is a very frequent word opening a sentence ('The
    Gaa Health Ministry'): its capital is the sentence's, and the names it opens ('The Gap',
    'The Hague') say nothing of the word after it."""
    return (lexicon.frequency(neighbour.group(1).lower()) >= OPENING_WORD_MIN_ZIPF
            and starts_sentence(text, neighbour.start(1)))


def pair_lift(speller: Speller, neighbour: str, first: bool, key: str, word: str) -> float:
    """How much likelier (log10) the trigram model finds `word` than `key` beside
    `neighbour` (which stands `first` or after), the pair's probability as a whole."""
    model, near = speller.language_model, neighbour.lower()
    if first:
        return model.score([near, word]) - model.score([near, key])
    return model.score([word, near]) - model.score([key, near])


def reading(speller: Speller, text: str, token: Token, careless: bool = False
            ) -> tuple[str, str] | None:
    """(the name word the token stands for, the neighbour whose name says so), or None: the
    token's neighbours pair with no word one slip from it, with more than one, or with the
    token itself, or a glyph confusion reads it more cheaply as a word extending that one
    (`_cheaper_glyph_word`). `careless`: the window is typed carelessly, where a distinctive
    neighbour's partner may be any slip (`DISTINCTIVE_NEIGHBOUR_MAX_ZIPF`)."""
    lexicon = speller.lexicon
    key = lookup_key(token.base)
    # No name is written in lowercase: what wordfreq saw of it ('erry', 'uang') is no name's
    # own spelling, but a name that lost its capital with its first letter.
    seen = lexicon.frequency(key) > 0 and not token.base.islower()
    written = written_word(lexicon, key)
    found: dict[str, str] = {}
    neighbours = beside(speller, text, token)
    for neighbour, words, first in neighbours:
        if key in words:
            return None  # the name as the gazetteer spells it
        for word in near_words(key, words) if written else words:
            if (word not in found and abs(len(word) - len(key)) <= 1 and word.isalpha()
                    and _may_read(speller, key, word, (neighbour, first), written, seen,
                                  careless)
                    and speller.cost(key, word, TYPO_COST) <= TYPO_COST):
                found[word] = neighbour
    if not found and not written and token.base[:1].isupper():
        found = word_partners(speller, key, [(n, first) for n, _, first in neighbours])
    if len(found) != 1:
        return None
    word = next(iter(found))
    if _cheaper_glyph_word(speller, key, word):
        return None
    return word, found[word]


def _may_read(speller: Speller, key: str, word: str, neighbour: tuple[str, bool],
              written: bool, seen: bool, careless: bool) -> bool:
    """Whether the token `key` may be read as the name's `word` its `neighbour` (and whether
    it stands first) pairs with: a word or name as written (`written`) where the trigram
    model finds the name's pair far likelier (`WORD_PAIR_MIN_LIFT`), another token where it
    may be a slip (`may_be_slip`); either, in a carelessly typed window (`careless`), beside
    a distinctive neighbour (`DISTINCTIVE_NEIGHBOUR_MAX_ZIPF`), unless a word as written
    differs from the name's only by a plural's 's' ('Strawberry Hills' is a place of its own
    beside Strawberry Hill)."""
    lexicon = speller.lexicon
    loose = careless and distinctive(lexicon, neighbour[0])
    if written:
        return (loose and key.rstrip("s") != word.rstrip("s")) or pair_lift(
            speller, neighbour[0], neighbour[1], key, word) >= WORD_PAIR_MIN_LIFT
    return loose or may_be_slip(lexicon, key, word, seen)


def _cheaper_glyph_word(speller: Speller, key: str, word: str) -> bool:
    """Whether one OCR glyph confusion reads `key` as a common word that extends the name's
    `word`, its demonym most often, more cheaply than its slip reads it as `word` ('the South
    Koreau' is Korean, not Korea: 2 wrong fixes fewer and 2 more typos fixed at news seeds 3,
    17, 55, 5, 11 and 23; nothing else changed there, on the synthetic set, its clean twin
    or OverProof dataset 2. Any cheaper common word, not only one extending the name's,
    lost 7 fixes there)."""
    cost = speller.cost(key, word, TYPO_COST)
    common = speller.lexicon.common
    return any(variant in common and variant_cost < cost and variant.startswith(word)
               for variant, variant_cost in speller.variants(key)
               if variant_cost <= SINGLE_CONFUSION_COST)


PARTNER_MIN_LIFT = 1.5
"""How much likelier (log10) the trigram model finds a word beside a capitalized neighbour
than anywhere for it to be that neighbour's partner in `word_partners`: 'district court'
(3.4) and 'election day' are, 'president said' and 'county each' are not."""


def word_partners(speller: Speller, key: str, neighbours: list[tuple[str, bool]]
                  ) -> dict[str, str]:
    """{common word: neighbour} for a capitalized token (`key` its lookup key) no name pairs
    with a word near it: the common words one slip from it (`lowercase_candidate`, symspell's
    nearest within one edit) that the bigram list pairs with a capitalized neighbour on the
    token's side (`neighbours`: each with whether it stands first) and the trigram model
    expects there `PARTNER_MIN_LIFT` more than anywhere ('Federal District Fourt' -> Court,
    'since Election Dav' -> Day). Only a neighbour that is a common word and no gazetteer
    name is asked: a name's neighbour is most often another name ('Arne Slot'), and the
    nearest words' look-up, asked for every rare name beside one, cost a tenth of a first
    pass over the clean texts."""
    lexicon, model = speller.lexicon, speller.language_model
    asked = [(low, neighbour, first) for neighbour, first in neighbours
             if (low := neighbour.lower()) in lexicon.common and low not in lexicon.names]
    found: dict[str, str] = {}
    if not asked:
        return found
    near = [word for word, _ in speller.nearest_words_within_one(key)
            if word != key and lowercase_candidate(lexicon, word)
            and speller.cost(key, word, TYPO_COST) <= TYPO_COST]
    for near_key, neighbour, first in asked:
        for word in near:
            if first:
                pair, lift = f"{near_key} {word}", (
                    model.logprob((near_key,), word) - model.logprob((), word))
            else:
                pair, lift = f"{word} {near_key}", (
                    model.logprob((word,), near_key) - model.logprob((), near_key))
            if pair in lexicon.bigrams and lift >= PARTNER_MIN_LIFT:
                found.setdefault(word, neighbour)
    return found


def distinctive(lexicon: Lexicon, neighbour: str) -> bool:
    """Whether a capitalized neighbour is rare enough to name few people
    (`DISTINCTIVE_NEIGHBOUR_MAX_ZIPF`)."""
    return lexicon.frequency(neighbour.lower()) < DISTINCTIVE_NEIGHBOUR_MAX_ZIPF


def may_be_slip(lexicon: Lexicon, key: str, word: str, seen: bool) -> bool:
    """Whether the token `key` may be a slip of a name's `word` rather than the same name
    spelt another way: a spelling wordfreq has seen (`seen`) may be one ('Sergei Shoygu'),
    so it is read only as a common word no person bears ('the Wrld Food Programme', not
    'Eric Schmit' as 'Schmidt'); so may one it never saw
    that differs from the name only in vowels, y and doubled letters ('Alexei Navalnyy'),
    unless two neighbouring letters are swapped ('Kim Jnog-un'). A lowercase token counts as
    unseen (`reading`): 'John erry', 'Jensen uang' and 'Mohamed alah' are Kerry, Huang and
    Salah (4 more typos fixed at news seeds 3, 17, 55, 5, 11 and 23, nothing else changed on
    the synthetic sets, their clean twins or OverProof dataset 2); read so in Title Case
    too, 'Imra Khan' would be Imran, but so would 1,000 more of 2,483 rare census names
    that are a name's word less a letter, set beside its partner ('Mogan Freeman'): only a
    carelessly typed window reads it so, beside a distinctive neighbour
    (`DISTINCTIVE_NEIGHBOUR_MAX_ZIPF`)."""
    if lowercase_candidate(lexicon, word):
        return True  # a common word, no person's name
    return not seen and (transposed(key, word)
                         or consonant_skeleton(word) != consonant_skeleton(key))


def propose(text: str, wanted: Collection[str], speller: Speller,
            decided: Mapping[int, Edit], threshold: float, careless: bool = False
            ) -> list[Edit]:
    """Edits for the tokens of `text` with these surfaces (see `surfaces`) that the
    single-word decision did not fix, where a neighbour's name reads them (`reading`)."""
    edits: list[Edit] = []
    if threshold > NAME_PAIR_CONFIDENCE:
        return edits  # a name pair adds fixes, not suggestions
    for token in tokenize(text, only=wanted):
        found = reading(speller, text, token, careless)
        if found is None or _settled(speller, text, token, decided.get(token.start), threshold):
            continue
        word, neighbour = found
        entity = speller.lexicon.names.get(word)
        # A name's word is capitalized, whatever case the damaged token kept ('Beit ahiya'),
        # but for the lowercase part after a hyphen of some ('Kim Yo-jong').
        hyphenated = text[token.start - 1 : token.start] == "-"
        template = token.base.capitalize() if token.base.islower() and not hyphenated \
            else token.base
        replacement = apply_case(template, word, entity.canonical if entity else None)
        near = neighbour.lower()
        named = (f"{near} {word}" in speller.lexicon.name_pairs
                 or f"{word} {near}" in speller.lexicon.name_pairs)
        where = "in a gazetteer name" if named else "in the bigram list, as its partner"
        edits.append(Edit(
            start=token.start, end=token.start + len(token.base), original=token.base,
            replacement=replacement, kind="spelling", rule="spelling.name-pair",
            confidence=NAME_PAIR_CONFIDENCE,
            reason=(f"{speller.channel.explain(lookup_key(token.base), word)}; "
                    f"'{token.base}' is in no word list, and '{replacement}' is the only word "
                    f"one slip from it that '{neighbour}' stands beside {where}")))
    return edits


def _settled(speller: Speller, text: str, token: Token, earlier: Edit | None,
             threshold: float) -> bool:
    """Whether an earlier confident fix of the token stands: it does unless it reads the
    token as a word no neighbour's name pairs with, where a name does ('Kauo Ueda' is not
    'Kano' but 'Kazuo')."""
    if earlier is None or earlier.confidence < threshold:
        return False
    if earlier.end != token.start + len(token.base):
        return True  # a fix of another span (a split or a merge)
    word = lookup_key(earlier.replacement)
    return any(word in words for _, words, _ in beside(speller, text, token))


NAME_PAIR_CONFIDENCE = 0.9
"""On the synthetic news set, the synthetic set, their clean twins and OverProof dataset 2,
every such reading (29 in the default profile, 28 in the archive one) fixed a typo, and no
clean token was read so."""
