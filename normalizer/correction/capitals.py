"""Capitalized typos of common words, judged by what their sentence says.

A capitalized token no corpus has seen ('Hoetl', 'Capain', 'Gradn') is far more often a rare
name than a typo, so the single-word decision lets only OCR confusions or very common words
replace it. Its sentence tells the two apart: in 'the Commercial Hoetl, King Street' the
trigram model expects 'hotel' far more than it expects that word anywhere, while in
'Mr. George Gardnor, James Harris' it expects 'gardner' no more than usual. The *lift* of a
candidate is how much likelier the model finds it (with the two words after it) in the
sentence than out of it:

    lift(w) = log10 P(w, after | before) - log10 P(w) - log10 P(after)

A candidate is a common word (Zipf >= `MIN_ZIPF`) within one slip of the token (symspellpy's
nearest words, same first letter, channel cost at most `channel.TYPO_COST`). The name the
token may be competes at `NAME_LIFT`, and each candidate at its lift less its channel cost
beyond an ordinary typo's; the best candidate's posterior share among them is the edit's
confidence. Measured on the synthetic news set: a name never seen elsewhere in its document
stays unless a candidate's lift passes about 2 (2 of 85 clean tokens of this shape in 84,536
reach 1.5; 181 of 211 typos that do are right).

Only Title Case tokens of `TITLE_CASE_MIN_LENGTH` letters or more and all-capital ones of
`MIN_LENGTH` or more (three capitals are an acronym too often) that wordfreq has seen less
often than `SEEN_MAX_ZIPF`, no gazetteer holds, and the document does not repeat (a
repeated spelling is a name it uses) are judged, and not after a title or an initial ('Mr.
Toose', 'H. Gardnor'). So are those of `LISTED_MIN_LENGTH` letters or more that the
common-misspellings table lists as a slip of a common word ('Tbe', 'Teh', 'Nwe'), however often
wordfreq saw them: their frequency is the slip's. Besides the nearest words, a candidate is
any common word one OCR confusion reads the token as ('Tlie' -> 'the', two edits for
symspell) and the word the table lists for it (for an all-capital token shorter than
`MIN_LENGTH`, only that one: 'DNE' is 'done', not 'due'). A spelling wordfreq has seen is a
name more often than one it never saw: it is left alone right after a first name ('Charles
Tler', 'John Henry Deau': a surname), and read as a word only where the sentence itself expects
the word (`SEEN_MIN_LIFT`), not on a cheap OCR confusion alone.

Measured on the synthetic news set (every document, default profile), judging seen and listed
spellings fixed 21 more typos ('Univeristy', 'Febraury', 'Mavor', 'Tbe', 'Tlie', 'Nwe', 'TNE')
with no wrong fix and no clean token changed (archive profile: 29 more, none broken); its
60-document sample, corrupted apart, gained 6 ('Staes' in 'United Staes', 'Thje', 'Teh') and
lost a wrong fix. OverProof dataset 2: 3 more fixes (archive 8), one miss became a wrong fix
('New bouth Walis' -> 'Walls'; archive also 'TIIE' -> 'TUE'), no false positive. Without the
OCR readings 'Tlie' read 'tile'; without the first-name rule 'Tler' read 'tier' and 'Deau'
'dear'; without `SEEN_MIN_LIFT` the archive read 'Rawan' as 'Rowan' and 'Loob' as 'Loeb';
up to Zipf 2.5, 'Topix' read 'topic'. Judging Title Case tokens of three letters too
('the Central Bnk of Nigeria', 'The Ncw England Journal', 'Pty Ldt.') fixed 5 more (archive
6; modern news alone 3) and changed nothing else on either set.

A title before a name is the commonest word of a passenger list or a court report, and its
slips are no names: a Title Case token of at most `TITLE_SLIP_MAX_LENGTH` letters that
wordfreq has seen less often than `TITLE_SLIP_MAX_ZIPF` is read as the only title of `TITLES`
one slip from it where it stands like one, before a capitalized word or an initial and, for
an abbreviation, with its period ('Mrfs. John Sheehan', 'Mcssrs. Sly', 'Rrv. Father',
'Misd Gerving'). On the synthetic set (every document) that fixed 16 more typos (archive 15),
read 'The Resv. R. S. Paterson' as 'Rev' (for 'Revs') and changed no clean token; its sample
gained 3; OverProof dataset 2 gained 8 (archive 7: 'Mossrs.', 'Misa E. M. Androws') with none
broken. Without the period a token after a first name is a name ('Arthur Rov Janniln' and
'Marlon Mev Anderson' read 'Rev'); the titles of a military roll ('Spr', 'Dvr', 'Sgt') and
'Dr' and 'Sir' are abbreviations and names one slip from too many others.

A month's slip stands beside a day's number: a Title Case token wordfreq has seen less
often than `MONTH_SLIP_MAX_ZIPF` right before or after one is read as the only month (or,
before its period, the only month's abbreviation) one slip from it ('Oet. 14', 'On Jhly 5',
'24 Aprik'). On the synthetic news set that fixed 1 more typo, on the synthetic set 3, on
OverProof dataset 2 1, in either profile, and changed no clean token.

A name before a name is most often a first name (or a title: 'Judge', 'Lady'), and the first
names people bear most are few, while the trigram model knows names poorly. So a Title Case
token wordfreq never saw, right before another capitalized word and after no article, is read
as the only person's name of Zipf `FIRST_NAME_MIN_ZIPF` or more one slip from it with its
first letter ('Geoge Day' -> 'George', 'Keivn John', 'Dvid Chen', 'Jdge Shortland'). On the
synthetic set (every document) that fixed 9 more typos in either profile with no wrong fix and
no clean token changed; its sample gained 2 and read 'Burnos Aires' as 'Burns'; OverProof
dataset 2 (default) gained 4 ('Judgo Cohen', 'Bakei Joan') and read 'Pensy Mae' as 'Penny',
not 'Peggy'. After an article a capitalized word is no person's ('the Tonw Hall' read 'Tony',
'the Slst De- cember' 'Slot'); from Zipf 3, 'Margaret Snane Joan' read 'Shane'.

A long token wordfreq never saw is judged without its sentence: an all-capital one of
`CAPS_MIN_LENGTH` letters or more (headlines are no sentences) or a Title Case one of
`TITLE_MIN_LENGTH` or more (the longer a string, the fewer names lie one slip from a common
word) is read as its only common word one slip away ('ALLOTMETS' -> 'ALLOTMENTS', 'Saturdeay'
-> 'Saturday'), if it has exactly one. So is a Title Case one of `TRANSPOSED_MIN_LENGTH`
letters or more when that word is the token with two neighbouring letters swapped ('Marhc' ->
'March', 'Htoel' -> 'Hotel'): the commonest slip of a typist, and one that rarely makes a name
of a word.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..lexicon import Entity, Lexicon
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import Token, starts_sentence, tokenize
from .boundaries import opens_sentence
from .candidates import known_misspelling, lowercase_candidate
from .channel import ADJACENT_KEYS, TYPO_COST
from .context import in_sentence_logprob, sentence_neighbours
from .document import Document
from .speller import Speller
from .words import apply_case, dialect_form, lookup_key

MIN_LENGTH = 4
"""Shorter all-capital tokens are acronyms too often ('FTX', 'WOB' for 'was'), and shorter
Title Case ones than `TITLE_CASE_MIN_LENGTH` one slip from too many words."""
TITLE_CASE_MIN_LENGTH = 3
LISTED_MIN_LENGTH = 3
"""A token the common-misspellings table lists is judged from this length ('Tbe', 'TNE')."""
SEEN_MAX_ZIPF = 2.0
"""A capitalized spelling wordfreq has seen this often or more is a name (or a word) as
written; below it, wordfreq's web text holds it as a typo as often as a name."""
SEEN_MIN_LIFT = 1.0
"""A spelling wordfreq has seen is read as a word only where its sentence expects that word at
least ten times more than anywhere: a cheap OCR confusion alone does not outweigh it."""
MIN_ZIPF = 3.0
"""The rarest common word a capitalized typo may be read as."""
NAME_LIFT = 1.5
"""The lift the token's own reading as a name competes at (log10 units)."""
MAX_CANDIDATES = 6
CAPS_MIN_LENGTH = 6
TITLE_MIN_LENGTH = 8
TRANSPOSED_MIN_LENGTH = 5
TRANSPOSED_NAME_MIN_LENGTH = 7
TRANSPOSED_NAME_MIN_ZIPF = 2.0
"""A Title Case token wordfreq never saw, of `TRANSPOSED_NAME_MIN_LENGTH` letters or more, is
read as the one word or name of this Zipf or more it is with two neighbouring letters swapped
('Lubbokc' -> 'Lubbock', 'Graicela' -> 'Graciela'): the typist's commonest slip, which a real
name of that length is almost never of another. On the synthetic sets and OverProof dataset 2
no clean token of that shape has one; from five or six letters 'Scarba' read 'Scarab' and
'Rodna' 'Ronda'."""
TYPED_IN_MIN_ZIPF = 3.5
TYPED_IN_PLACE_MIN_ZIPF = 2.5
"""Such a token is also read as the one word or name it is with one letter typed in beside a
letter it doubles or a key next to it ('Vilknius' -> 'Vilnius', 'Oscazrs' -> 'Oscars'), when
that is a place or an organization of the gazetteer of this Zipf or more, or another word of
`TYPED_IN_MIN_ZIPF` or more: a surname takes an extra letter as a variant too often ('Meillon'
is no 'Mellon', at 3.2), and so do rarer words and places ('Carolkinas' stays, at 2.8;
'Pricthard' is no 'Prichard', Alabama, at 2.4). A final s is a plural ('Parramattas')."""
TYPED_IN_ENTITIES = frozenset({"place", "org"})
TITLES = ("mrs", "miss", "messrs", "rev")
"""The titles before a name whose slips are read back (see the module docstring)."""
UNDOTTED_TITLES = frozenset({"miss"})
"""Titles that are no abbreviation, so no period follows them."""
TITLE_SLIP_MAX_LENGTH = 6
TITLE_SLIP_MAX_ZIPF = 3.0
"""A spelling wordfreq has seen this often is a title or an abbreviation of its own ('Mr',
'Ms', 'Dvr'), not a slip of one."""
FIRST_NAME_MIN_ZIPF = 4.0
"""The rarest person's name a Title Case token before a capitalized word may be read as."""
ONLY_WORD_MIN_ZIPF = 3.5
ONLY_WORD_CONFIDENCE = 0.9
"""An all-capital token (a headline's word, where the sentence says little) of
`CAPS_MIN_LENGTH` letters or more, or a Title Case one of `TITLE_MIN_LENGTH` or more, is read
as the only common word of Zipf `ONLY_WORD_MIN_ZIPF` or more one slip from it, at this
confidence. On the synthetic news set 31 of 31 such all-capital readings were right, and no
clean all-capital token of that shape had exactly one; of the Title Case ones 21 of 22 were
right, and one clean token of 84,536 had one (a typo its ground truth kept, 'Irrigaion'). At
seven letters real surnames start to have one ('Milston', 'Burlton'), but seldom by two
neighbouring letters swapped: from five letters, such readings fixed 11 more typos and broke
one clean name ('Ruoge')."""


def _shape_fits(surface: str) -> bool:
    """Title Case or all capitals, letters only."""
    return surface.isalpha() and surface[0].isupper() and (
        surface[1:].islower() or surface.isupper())


def surfaces(speller: Speller, types: Mapping[str, int], names: Mapping[str, Entity],
             doc: Document) -> set[str]:
    """The token surfaces of a window this pass judges (see the module docstring)."""
    lexicon = speller.lexicon
    return {
        surface for surface in types
        if _shape_fits(surface) and (key := lookup_key(surface)) not in names
        and key not in lexicon.common and doc.count(surface) < 2 and types[surface] < 2
        and _judged(speller, surface, key)
    }


def _judged(speller: Speller, surface: str, key: str) -> bool:
    """A listed slip of `LISTED_MIN_LENGTH` letters or more, a spelling of `MIN_LENGTH`
    letters or more that wordfreq has seen less often than `SEEN_MAX_ZIPF`, or a title's
    slip (`title_slip`)."""
    lexicon = speller.lexicon
    if known_misspelling(lexicon, key) is not None:
        return len(surface) >= LISTED_MIN_LENGTH
    return ((len(surface) >= _min_length(surface) and lexicon.frequency(key) < SEEN_MAX_ZIPF)
            or title_slip(speller, key) is not None)


def _min_length(surface: str) -> int:
    """The shortest judged spelling of this shape: `MIN_LENGTH` in capitals, else
    `TITLE_CASE_MIN_LENGTH`."""
    return MIN_LENGTH if surface.isupper() else TITLE_CASE_MIN_LENGTH


def _may_read_as(speller: Speller, key: str, term: str, cost: float) -> bool:
    """Whether `key` may be a capitalized typo of `term`: a common word (Zipf `MIN_ZIPF` or
    more, no person's name) with its first letter, at most a typo away, not a dialect spelling
    of it."""
    return (term[0] == key[0] and speller.lexicon.frequency(term) >= MIN_ZIPF
            and lowercase_candidate(speller.lexicon, term) and cost <= TYPO_COST
            and dialect_form(term) != dialect_form(key))


def _candidates(speller: Speller, key: str) -> list[tuple[str, float]]:
    """Common words one slip from `key` by symspell's nearest words, with their channel cost."""
    found = []
    for term, zipf in speller.nearest_words(key):
        if term[0] != key[0] or zipf < MIN_ZIPF:
            continue  # `_may_read_as`'s cheap tests first: most terms fail before a cost
        cost = speller.cost(key, term)
        if _may_read_as(speller, key, term, cost):
            found.append((term, cost))
    return found[:MAX_CANDIDATES]


def _readings(speller: Speller, surface: str) -> list[tuple[str, float]]:
    """What a judged token may stand for, with channel costs: its nearest words
    (`_candidates`), the words one OCR confusion reads it as, and the word the
    common-misspellings table lists for it; a token shorter than `_min_length` (one slip from
    too many words, or an acronym) only the listed one."""
    key = lookup_key(surface)
    listed = known_misspelling(speller.lexicon, key)
    short = len(key) < _min_length(surface)
    found = {} if short else dict(_candidates(speller, key))
    extra = [] if short else list(speller.variants(key))
    if listed is not None:
        extra.append((listed, speller.cost(key, listed)))
    for term, cost in extra:
        if term not in found and _may_read_as(speller, key, term, cost):
            found[term] = cost
    return list(found.items())


def lift(speller: Speller, before: tuple[str, ...], word: str, after: tuple[str, ...]) -> float:
    """How much likelier the context model finds `word` and the words after it in the
    sentence than alone (log10)."""
    model = speller.language_model
    alone = model.logprob((), word) + sum(model.logprob((), following) for following in after)
    return in_sentence_logprob(model, before, word, after) - alone


def judge(speller: Speller, text: str, token: Token) -> tuple[str, float, float] | None:
    """(best candidate, its posterior share, its lift) for a capitalized token in `text`, or
    None when no common word is one slip from it."""
    found = _readings(speller, token.surface)
    if not found:
        return None
    before, after = sentence_neighbours(text, token.start, token.end)
    scored = [(lift(speller, before, w, after), w, cost) for w, cost in found]
    scores = [NAME_LIFT] + [value - (cost - TYPO_COST) for value, _, cost in scored]
    best = max(range(1, len(scores)), key=lambda i: scores[i])
    share = 1 / sum(10 ** (s - scores[best]) for s in scores)
    return scored[best - 1][1], share, scored[best - 1][0]


def judge_only_word(speller: Speller, token: Token) -> str | None:
    """The one common word a long all-capital or Title Case token wordfreq never saw may be
    (see the module docstring), or None."""
    key = lookup_key(token.surface)
    least = CAPS_MIN_LENGTH if token.surface.isupper() else TRANSPOSED_MIN_LENGTH
    if len(key) < least or speller.lexicon.frequency(key) > 0:
        return None
    found = [w for w, _ in _candidates(speller, key)
             if speller.lexicon.frequency(w) >= ONLY_WORD_MIN_ZIPF]
    # A long word cut short is more often one the OCR broke, its rest in the next token
    # ('Correspon r dent'), than a typo.
    if len(found) != 1 or found[0].startswith(key):
        return None
    if len(key) < TITLE_MIN_LENGTH and not token.surface.isupper() and not transposed(
            key, found[0]):
        return None
    return found[0]


def judge_transposed(speller: Speller, token: Token) -> str | None:
    """The word or name of Zipf `TRANSPOSED_NAME_MIN_ZIPF` or more that a Title Case token
    of `TRANSPOSED_NAME_MIN_LENGTH` letters or more wordfreq never saw is with two
    neighbouring letters swapped ('Pasdaena' -> 'Pasadena', 'Negotiaotrs') or, if it is a
    place, an organization or a frequent word (`TYPED_IN_MIN_ZIPF`), with a letter typed in
    ('Vilknius' -> 'Vilnius'), when no other is one slip from it ('Ministyr' may be
    'minister' too: its sentence decides), or None."""
    surface, key = token.surface, lookup_key(token.surface)
    if (len(key) < TRANSPOSED_NAME_MIN_LENGTH or not surface[1:].islower()
            or speller.lexicon.frequency(key) > 0):
        return None
    found = [term for term, zipf in speller.nearest_words(key)
             if zipf >= TRANSPOSED_NAME_MIN_ZIPF and term[0] == key[0]
             and speller.cost(key, term) <= TYPO_COST]
    if len(found) != 1:
        return None
    word = found[0]
    if transposed(key, word):
        return word
    entity = speller.lexicon.names.get(word)
    zipf = speller.lexicon.frequency(word)
    plain = (zipf >= TYPED_IN_MIN_ZIPF if entity is None
             else entity.type in TYPED_IN_ENTITIES and zipf >= TYPED_IN_PLACE_MIN_ZIPF)
    return word if plain and typed_in(key, word) else None


def _canonical(lexicon: Lexicon, word: str) -> str | None:
    """How the gazetteer spells a name ('Pasadena'), or None for a word it lacks."""
    entity = lexicon.names.get(word)
    return entity.canonical if entity is not None else None


def title_slip(speller: Speller, key: str) -> str | None:
    """The only title of `TITLES` one slip from `key`, a spelling of at most
    `TITLE_SLIP_MAX_LENGTH` letters wordfreq has seen less often than
    `TITLE_SLIP_MAX_ZIPF`, or None."""
    if (len(key) > TITLE_SLIP_MAX_LENGTH or key in TITLES
            or speller.lexicon.frequency(key) >= TITLE_SLIP_MAX_ZIPF):
        return None
    found = [title for title in TITLES if speller.cost(key, title) <= TYPO_COST]
    return found[0] if len(found) == 1 else None


TITLE_AFTER = compile_regex(r"(\.?) \p{Lu}")
"""A title's period, if any, and the capital of the name after it."""


def judge_title(speller: Speller, text: str, token: Token) -> str | None:
    """The title a Title Case token stands for (`title_slip`) where it stands like one:
    before a capitalized word or an initial, with a period unless the title is no
    abbreviation ('Mrfs. John Sheehan', 'Misd Gerving'), or None."""
    title = title_slip(speller, lookup_key(token.surface))
    after = TITLE_AFTER.match(text, token.end)
    if (title is None or not token.surface[1:].islower() or after is None
            or (not after.group(1) and title not in UNDOTTED_TITLES)):
        return None
    return title


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                       "nov", "dec")
DAY_AFTER = compile_regex(r"(\.?) \d{1,2}(?![\d\p{L}])")
"""A day's number right after a month, its abbreviation's period before it: 'Oct. 14'."""
DAY_BEFORE = compile_regex(r"(?r)(?<![\d\p{L}])\d{1,2} \Z")
"""A day's number right before a month: '24 April'."""


def judge_month(speller: Speller, text: str, token: Token) -> str | None:
    """The month a Title Case token of at most `TITLE_SLIP_MAX_LENGTH` + 3 letters that
    wordfreq has seen less often than `MONTH_SLIP_MAX_ZIPF` stands for where it stands like
    one, beside a day's number, when exactly one month or month's abbreviation is one slip
    from it ('Oet. 14' -> 'Oct', 'On Jhly 5' -> 'July', 'Jazn. 16'); an abbreviation only
    with its period, a full name only without one; else None."""
    key = lookup_key(token.surface)
    if (not token.surface[1:].islower() or len(key) > TITLE_SLIP_MAX_LENGTH + 3
            or speller.lexicon.frequency(key) >= MONTH_SLIP_MAX_ZIPF):
        return None
    after = DAY_AFTER.match(text, token.end)
    if after is None and DAY_BEFORE.search(text, max(0, token.start - 4), token.start) is None:
        return None
    dotted = after is not None and after.group(1) == "."
    found = [month for month in (MONTH_ABBREVIATIONS if dotted else MONTHS)
             if month != key and speller.cost(key, month) <= TYPO_COST]
    return found[0] if len(found) == 1 else None


MONTH_SLIP_MAX_ZIPF = 2.0
"""A spelling wordfreq has seen this often before a number is a name or a word of its own
('Max 5', 'Route 66')."""


NAME_AFTER = compile_regex(r" \p{Lu}\p{Ll}+\b")
"""A capitalized word right after a token, one space away."""
ARTICLES = frozenset({"the", "a", "an"})
"""Words no person's name follows ('the Tonw Hall' is no 'Tony')."""


def judge_first_name(speller: Speller, text: str, token: Token) -> Entity | None:
    """The well-known name a Title Case token wordfreq never saw stands for, when a
    capitalized word follows it, no article precedes it, and that name is the only person's
    name of Zipf `FIRST_NAME_MIN_ZIPF` or more one slip from it with its first letter (see
    the module docstring), or None."""
    surface, key = token.surface, lookup_key(token.surface)
    lexicon = speller.lexicon
    if (not surface[1:].islower() or lexicon.frequency(key) > 0
            or NAME_AFTER.match(text, token.end) is None
            or sentence_neighbours(text, token.start, token.end)[0][-1] in ARTICLES):
        return None
    found = [
        entity for term, zipf in speller.nearest_words(key)
        if zipf >= FIRST_NAME_MIN_ZIPF and term[0] == key[0]
        and (entity := lexicon.names.get(term)) is not None and entity.type == "person"
        and speller.cost(key, term) <= TYPO_COST
    ]
    return found[0] if len(found) == 1 else None


def transposed(key: str, word: str) -> bool:
    """Whether `key` is `word` with two neighbouring letters swapped ('marhc', 'march')."""
    differ = [i for i, (a, b) in enumerate(zip(key, word, strict=False)) if a != b]
    return (len(key) == len(word) and len(differ) == 2 and differ[1] == differ[0] + 1
            and key[differ[0]] == word[differ[1]] and key[differ[1]] == word[differ[0]])


def typed_in(key: str, word: str) -> bool:
    """Whether `key` is `word` with one letter typed in beside a letter it doubles or a key
    next to it ('vilknius', 'vilnius'; 'natioonal'); an added final s is a plural, no slip."""
    if len(key) != len(word) + 1 or (key[:-1] == word and key.endswith("s")):
        return False
    for i, letter in enumerate(key):
        if key[:i] + key[i + 1:] == word:
            beside = key[i - 1:i] + key[i + 1:i + 2]
            if any(letter == near or (letter, near) in ADJACENT_KEYS for near in beside):
                return True
    return False


def propose(text: str, wanted: Collection[str], speller: Speller,
            decided: Mapping[int, Edit], threshold: float) -> list[Edit]:
    """Edits for the tokens of `text` with these surfaces that the single-word decision did
    not fix, where a candidate's share reaches `threshold`."""
    edits = []
    for token in tokenize(text, only=wanted):
        before = decided.get(token.start)
        if before is not None and before.confidence >= threshold:
            continue
        if starts_sentence(text, token.start) and not opens_sentence(text, token.start):
            continue  # after a title or an initial ('Mr. Toose'): a name
        title = judge_title(speller, text, token)
        seen = speller.lexicon.frequency(lookup_key(token.surface)) > 0
        if title is None and seen and after_first_name(speller.lexicon, text, token.start):
            continue  # a spelling wordfreq has seen, after a first name: a surname
        reading = _fixed_reading(speller, text, token, title)
        if reading is not None and threshold <= ONLY_WORD_CONFIDENCE:
            edits.append(_edit(speller, token, ONLY_WORD_CONFIDENCE, *reading))
            continue
        judged = judge(speller, text, token)
        if judged is None or judged[1] < threshold:
            continue
        word, share, value = judged
        if seen and value < SEEN_MIN_LIFT:
            continue
        edits.append(_edit(
            speller, token, round(share, 4), word,
            f"{_standing(speller.lexicon, token.surface)}, and its sentence expects '{word}' "
            f"{value:.1f} log10 units more than anywhere"))
    return edits


def _fixed_reading(speller: Speller, text: str, token: Token, title: str | None
                   ) -> tuple[str, str, str | None] | None:
    """(word, why, canonical spelling) of the first rule read at `ONLY_WORD_CONFIDENCE` that
    reads the token: its `title`, the month it is (`judge_month`), its only word
    (`judge_only_word`), its swapped reading (`judge_transposed`), or the first name it is
    (`judge_first_name`); None when none does."""
    surface = token.surface
    if title is not None:
        return (title, f"'{surface}' stands before a name like a title, and '{title}' is the "
                "only title one slip from it", None)
    month = judge_month(speller, text, token)
    if month is not None:
        return (month, f"'{surface}' stands before a day's number like a month, and "
                f"'{month.capitalize()}' is the only month one slip from it", None)
    only = judge_only_word(speller, token)
    if only is not None:
        return (only, f"'{surface}' is in no word list, and '{only}' is the only common word "
                "one slip from it", None)
    swapped = judge_transposed(speller, token)
    if swapped is not None:
        return (swapped, f"'{surface}' is in no word list, and '{swapped}' is the only known "
                "word or name it is with two neighbouring letters swapped"
                if transposed(lookup_key(surface), swapped) else
                f"'{surface}' is in no word list, and '{swapped}' is the only known word or "
                "name it is with one letter typed in (doubled, or a key next to its neighbour)",
                _canonical(speller.lexicon, swapped))
    name = judge_first_name(speller, text, token)
    if name is not None:
        return (name.canonical.lower(), f"'{surface}' is in no word list, a capitalized word "
                f"follows it, and '{name.canonical}' is the only well-known name one slip "
                "from it", name.canonical)
    return None


def _edit(speller: Speller, token: Token, confidence: float, word: str, why: str,
          canonical: str | None = None) -> Edit:
    """The edit reading `token` as `word` (cased like it), with the channel's explanation of
    the slip and `why` as its reason."""
    return Edit(
        start=token.start, end=token.end, original=token.surface,
        replacement=apply_case(token.surface, word, canonical), kind="spelling",
        rule="spelling.capitalized", confidence=confidence,
        reason=f"{speller.channel.explain(token.surface, word)}; {why}")


FIRST_NAME_BEFORE = compile_regex(r"\b(\p{Lu}\p{Ll}+)[ \t]+\Z")
FIRST_NAME_REACH = 40
"""Characters looked back for the first name before a token."""


def after_first_name(lexicon: Lexicon, text: str, start: int) -> bool:
    """Whether the token at `start` follows a capitalized person's name of the gazetteer on
    its line ('Charles Tler'): it is a surname."""
    before = FIRST_NAME_BEFORE.search(text, max(0, start - FIRST_NAME_REACH), start)
    entity = before and lexicon.names.get(before.group(1).lower())
    return bool(entity) and entity.type == "person"


def _standing(lexicon: Lexicon, surface: str) -> str:
    """What the word lists say of a judged token, for its edit's reason."""
    key = lookup_key(surface)
    listed = known_misspelling(lexicon, key)
    if listed is not None:
        return f"'{surface}' is a common misspelling of '{listed}'"
    zipf = lexicon.frequency(key)
    if zipf:
        return f"'{surface}' is in no word list and rare in wordfreq (Zipf {zipf:.2f})"
    return f"'{surface}' is in no word list"
