"""Capitalized typos read at a fixed confidence, without their sentence's lift.

Some of the capitalized tokens the capitalized-typo pass judges (`capitals`) say what they
stand for by where they stand (a title before a name, a month beside a day's number, a first
name before another name) or by their shape (a long token with a single common word one slip
from it, or a known word or name with two neighbouring letters swapped or one letter typed
in), where the trigram model knows the words poorly or the sentence says little (a headline).
`fixed_reading` reads such a token by the first rule that reads it, at the fixed confidence
`ONLY_WORD_CONFIDENCE` and without its sentence's lift; `capitals` asks it before the
sentence. The rules, with their measurements:

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
OverProof dataset 2 1, in either profile, and changed no clean token. So does a day of the
week's, after the words a day follows ('on', 'last', 'since') or before a part of the day
('night'): 'on Tuesay' -> 'Tuesday' (one more typo fixed at news seeds 3, 17 and 55, nothing
else changed on any set).

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

from ..lexicon import Entity, Lexicon
from ..patterns import compile_regex
from ..tokens import Token
from .candidates import lowercase_candidate
from .capital_candidates import nearest_common_words
from .context import sentence_neighbours
from .keyboard import (
    ADJACENT_KEYS,
    CHEAP_SLIP_COST,
    KEYS_BESIDE,
    TYPO_COST,
    key_beside,
    missing_cost,
    transposed,
)
from .speller import Speller
from .words import lookup_key

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
TRANSPOSED_SEEN_MAX_ZIPF = 1.5
"""Such a swap is read in a token wordfreq has seen this rarely too: a typo the web holds
('Govenrment': one more typo fixed on the synthetic set, nothing else changed on the
synthetic sets, their clean twins or OverProof dataset 2; from six letters a surname spelt
two ways read as the other, 'Rundel' -> 'Rundle'). The other readings below stay for tokens
wordfreq never saw."""
TYPED_IN_MIN_ZIPF = 3.5
TYPED_IN_PLACE_MIN_ZIPF = 2.5
"""Such a token is also read as the one word or name it is with one letter typed in beside a
letter it doubles or a key next to it ('Vilknius' -> 'Vilnius', 'Oscazrs' -> 'Oscars'), when
that is a place, an organization or a word English capitalizes (a demonym, a language:
'Conholese' -> Congolese) of the gazetteer of this Zipf or more, or another word of
`TYPED_IN_MIN_ZIPF` or more: a surname takes an extra letter as a variant too often ('Meillon'
is no 'Mellon', at 3.2), and so do rarer words and places ('Carolkinas' stays, at 2.8;
'Pricthard' is no 'Prichard', Alabama, at 2.4). A final s is a plural ('Parramattas').
So is a token one letter shorter than `TRANSPOSED_NAME_MIN_LENGTH` or longer read as such a
place, organization or word of that length or more with a vowel or one of a double letter
left out (`left_out`: 'Krmlin' -> 'Kremlin'): on the synthetic news set one more typo fixed,
on the synthetic set 2 ('Brmley' -> 'Bromley'), no clean token changed on them, their clean
twins or OverProof dataset 2, where one OCR error read another place ('Knmore', for Enmore,
read 'Kenmore'). And from `TRANSPOSED_MIN_LENGTH` letters, as one with a letter struck by a
key beside the right one (`key_beside`: 'Captqin' -> 'Captain', 'Nofth' -> 'North', 'Thoxe'
-> 'Those'): 1 more typo fixed on the synthetic news set, 9 on the synthetic set, no clean
token changed on them, their clean twins or OverProof dataset 2. A person's name is read by
none of these three slips (a surname takes them as variant spellings), nor is a word the
token begins (a word cut short is one the OCR broke: 'Tuesda y')."""
TYPED_IN_ENTITIES = frozenset({"place", "org", "other"})
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


def fixed_reading(speller: Speller, text: str, token: Token, title: str | None
                  ) -> tuple[str, str, str | None] | None:
    """(word, why, canonical spelling) of the first rule read at `ONLY_WORD_CONFIDENCE` that
    reads the token: its `title`, the month it is (`judge_month`), the day of the week it
    is (`judge_weekday`), its only word
    (`judge_only_word`), its swapped reading (`judge_transposed`), its reading with another
    first letter (`judge_first_key`), or the first name it is (`judge_first_name`); None when
    none does."""
    surface = token.surface
    if title is not None:
        return (title, f"'{surface}' stands before a name like a title, and '{title}' is the "
                "only title one slip from it", None)
    month = judge_month(speller, text, token)
    if month is not None:
        return (month, f"'{surface}' stands before a day's number like a month, and "
                f"'{month.capitalize()}' is the only month one slip from it", None)
    day = judge_weekday(speller, text, token)
    if day is not None:
        return (day, f"'{surface}' stands where a day of the week does, and "
                f"'{day.capitalize()}' is the only day one slip from it", None)
    only = judge_only_word(speller, token)
    if only is not None:
        return (only, f"'{surface}' is in no word list, and '{only}' is the only common word "
                "one slip from it", None)
    swapped = judge_transposed(speller, token)
    if swapped is not None:
        key = lookup_key(surface)
        zipf = speller.lexicon.frequency(key)
        unknown = f"'{surface}' is in no word list" + (
            f" and rare in wordfreq (Zipf {zipf:.2f})" if zipf > 0 else "")
        slip = ("two neighbouring letters swapped" if transposed(key, swapped)
                else "a vowel or one of a double letter left out" if left_out(key, swapped)
                else "one letter typed in (doubled, or a key next to its neighbour)")
        return (swapped, f"{unknown}, and '{swapped}' is the only known word or name it is "
                f"with {slip}", _canonical(speller.lexicon, swapped))
    struck = judge_first_key(speller, token)
    if struck is not None and not after_first_name(speller.lexicon, text, token.start,
                                                   unlisted=True):
        return (struck, f"'{surface}' is in no word list, and '{struck}' is the only common "
                "word it is with its first letter struck by a key beside the right one",
                _canonical(speller.lexicon, struck))
    name = judge_first_name(speller, text, token)
    if name is not None:
        return (name.canonical.lower(), f"'{surface}' is in no word list, a capitalized word "
                f"follows it, and '{name.canonical}' is the only well-known name one slip "
                "from it", name.canonical)
    return None


def judge_only_word(speller: Speller, token: Token) -> str | None:
    """The one common word a long all-capital or Title Case token wordfreq never saw may be
    (see the module docstring), or None."""
    key = lookup_key(token.surface)
    least = CAPS_MIN_LENGTH if token.surface.isupper() else TRANSPOSED_MIN_LENGTH
    if len(key) < least or speller.lexicon.frequency(key) > 0:
        return None
    found = [w for w, _ in nearest_common_words(speller, key)
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
    of `TRANSPOSED_NAME_MIN_LENGTH` letters or more wordfreq never saw (or saw no more often
    than `TRANSPOSED_SEEN_MAX_ZIPF`) is with two
    neighbouring letters swapped ('Pasdaena' -> 'Pasadena', 'Negotiaotrs') or, if it is a
    place, an organization or a frequent word (`TYPED_IN_MIN_ZIPF`), with a letter typed in
    ('Vilknius' -> 'Vilnius'), from one letter shorter with a vowel left out ('Krmlin' ->
    'Kremlin') or, from `TRANSPOSED_MIN_LENGTH` letters, with a key struck beside the right
    one ('Captqin'), when no other is one slip from it ('Ministyr' may be 'minister' too:
    its sentence decides), or None."""
    surface, key = token.surface, lookup_key(token.surface)
    if (len(key) < TRANSPOSED_MIN_LENGTH or not surface[1:].islower()
            or speller.lexicon.frequency(key) > TRANSPOSED_SEEN_MAX_ZIPF):
        return None
    found = [term for term, zipf in speller.nearest_words_within_slip(key)
             if zipf >= TRANSPOSED_NAME_MIN_ZIPF and term[0] == key[0]
             and speller.cost(key, term, TYPO_COST) <= TYPO_COST]
    if len(found) != 1 or found[0].startswith(key):
        return None  # a word cut short is one the OCR broke more often ('Tuesda y')
    word = found[0]
    if len(key) >= TRANSPOSED_NAME_MIN_LENGTH and transposed(key, word):
        return word
    if speller.lexicon.frequency(key) > 0:
        return None  # a seen token's other readings are too often a name's other spelling
    entity = speller.lexicon.names.get(word)
    if entity is not None and entity.type == "person":
        return None  # a surname takes a slip as a variant spelling ('Meillon')
    least = (TYPED_IN_PLACE_MIN_ZIPF if entity is not None and entity.type in TYPED_IN_ENTITIES
             else TYPED_IN_MIN_ZIPF)
    if speller.lexicon.frequency(word) < least:
        return None
    if key_beside(key, word) or (len(key) >= TRANSPOSED_NAME_MIN_LENGTH and typed_in(key, word)):
        return word
    return word if len(word) >= TRANSPOSED_NAME_MIN_LENGTH and left_out(key, word) else None


FIRST_KEY_MIN_LENGTH = 7
FIRST_KEY_MIN_ZIPF = 3.5
"""A Title Case token of `FIRST_KEY_MIN_LENGTH` letters or more that wordfreq never saw is
read as the one common word, or place, organization or word English capitalizes of the
gazetteer (`TYPED_IN_ENTITIES`), of this Zipf or more that it is with its first letter
struck by a key beside the right one ('Gurkish' -> 'Turkish',
'Rvacuation' -> 'Evacuation', 'Lresident' -> 'President'), when no word or name of Zipf
`TRANSPOSED_NAME_MIN_ZIPF` or more keeps its first letter one slip from it, and it follows
no capitalized word that may be a first name (`after_first_name`: 'Zbigniew Dunningham' is
no 'Cunningham'). Every other reading keeps a capitalized token's first letter, the one a name
is known by; a long rare name seldom lies one key from a frequent word there. At news seeds
3, 17, 55, 5, 11 and 23 one more typo fixed, one on OverProof dataset 2 in either profile;
nothing else changed there, on the synthetic set or on the clean twins. Of 44,994 rare
census names in a plain sentence 24 more changed ('Galentine' -> Valentine, 'Surrency' ->
Currency; the engine changed 2,037 of them before)."""


def judge_first_key(speller: Speller, token: Token) -> str | None:
    """The word a Title Case token is with its first letter struck beside the right key
    (`FIRST_KEY_MIN_ZIPF`), or None."""
    surface, key = token.surface, lookup_key(token.surface)
    lexicon = speller.lexicon
    if (len(key) < FIRST_KEY_MIN_LENGTH or not surface[1:].islower()
            or lexicon.frequency(key) > 0 or key[0] not in KEYS_BESIDE):
        return None
    found = [word for word in (letter + key[1:] for letter in KEYS_BESIDE[key[0]])
             if lexicon.frequency(word) >= FIRST_KEY_MIN_ZIPF and _struck_reading(lexicon, word)]
    if len(found) != 1 or any(
            term[0] == key[0] and zipf >= TRANSPOSED_NAME_MIN_ZIPF
            for term, zipf in speller.nearest_words_within_slip(key)):
        return None
    return found[0]


def _struck_reading(lexicon: Lexicon, word: str) -> bool:
    """Whether a token may be read as `word` with another first letter: a common word no
    person's name (or a word English capitalizes: 'Turkish'), or a place or an organization
    of the gazetteer."""
    entity = lexicon.names.get(word)
    if entity is not None:
        return entity.type in TYPED_IN_ENTITIES
    return lowercase_candidate(lexicon, word)


FIRST_NAME_BEFORE = compile_regex(r"\b(\p{Lu}\p{Ll}+)[ \t]+\Z")
FIRST_NAME_REACH = 40
"""Characters looked back for the first name before a token."""


def after_first_name(lexicon: Lexicon, text: str, start: int, unlisted: bool = False) -> bool:
    """Whether the token at `start` follows a capitalized person's name of the gazetteer on
    its line ('Charles Tler'): it is a surname. `unlisted`: any capitalized word no list of
    common words or gazetteer names holds counts as a first name too ('Hiroshi Asai')."""
    before = FIRST_NAME_BEFORE.search(text, max(0, start - FIRST_NAME_REACH), start)
    if before is None:
        return False
    key = before.group(1).lower()
    entity = lexicon.names.get(key)
    if entity is None:
        return unlisted and key not in lexicon.common
    return entity.type == "person"


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
    found = [title for title in TITLES if speller.cost(key, title, TYPO_COST) <= TYPO_COST]
    return found[0] if len(found) == 1 else None


TITLE_AFTER = compile_regex(r"(\.?) \p{Lu}")
"""A title's period, if any, and the capital of the name after it."""


def judge_title(speller: Speller, text: str, token: Token) -> str | None:
    """The title a Title Case token stands for (`title_slip`) where it stands like one:
    before a capitalized word or an initial, with a period unless the title is no
    abbreviation ('Mrfs. John Sheehan', 'Misd Gerving'), or None."""
    after = TITLE_AFTER.match(text, token.end)
    if not token.surface[1:].islower() or after is None:
        return None  # checked first: most tokens stand like no title
    title = title_slip(speller, lookup_key(token.surface))
    if title is None or (not after.group(1) and title not in UNDOTTED_TITLES):
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
    return only_slip_of(speller, key, MONTH_ABBREVIATIONS if dotted else MONTHS)


def only_slip_of(speller: Speller, key: str, words: tuple[str, ...]) -> str | None:
    """The only one of `words` one slip (`TYPO_COST`) from `key` but `key` itself, or None."""
    found = [word for word in words
             if word != key and speller.cost(key, word, TYPO_COST) <= TYPO_COST]
    return found[0] if len(found) == 1 else None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_BEFORE = compile_regex(
    r"(?ri)(?<![\p{L}])(?:on|last|next|since|until|by|from|through|every|early|late) \Z")
"""A word a day of the week follows ('on Tuesday', 'since Friday'), right before a token."""
WEEKDAY_AFTER = compile_regex(r"(?:'s)? (?:morning|afternoon|evening|night)\b")
"""A part of the day after a day of the week ('Tuesday night')."""


def judge_weekday(speller: Speller, text: str, token: Token) -> str | None:
    """The day of the week a Title Case token that wordfreq has seen less often than
    `MONTH_SLIP_MAX_ZIPF` stands for where it stands like one, after 'on', 'last', 'since'
    and the like or before a part of the day, when exactly one day is one slip from it
    ('on Tuesay' -> 'Tuesday', 'Wednesdy night'); else None."""
    key = lookup_key(token.surface)
    if (not token.surface[1:].islower()
            or speller.lexicon.frequency(key) >= MONTH_SLIP_MAX_ZIPF):
        return None
    if (WEEKDAY_BEFORE.search(text, max(0, token.start - 8), token.start) is None
            and WEEKDAY_AFTER.match(text, token.end) is None):
        return None
    return only_slip_of(speller, key, WEEKDAYS)


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
        entity for term, zipf in speller.nearest_words_within_slip(key)
        if zipf >= FIRST_NAME_MIN_ZIPF and term[0] == key[0]
        and (entity := lexicon.names.get(term)) is not None and entity.type == "person"
        and speller.cost(key, term, TYPO_COST) <= TYPO_COST
    ]
    return found[0] if len(found) == 1 else None


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


def left_out(key: str, word: str) -> bool:
    """Whether `key` is `word` with a vowel or one of a double letter left out ('krmlin',
    'kremlin'; see `keyboard.missing_cost`)."""
    return len(word) == len(key) + 1 and any(
        word[:i] + word[i + 1:] == key and missing_cost(word, i) <= CHEAP_SLIP_COST
        for i in range(len(word)))


