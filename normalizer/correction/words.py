"""Token shapes: which tokens are checked at all, how the lexicon spells them, and case.

A token is checked when it is a Latin-script word of three to forty letters that is not a short
acronym; it is looked up lowercase with straight apostrophes; a correction is written in the
case pattern of the token it replaces.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container
from functools import lru_cache

from ..patterns import compile_regex

MIN_LENGTH = 3
"""Tokens shorter than this are never checked: too little to go on."""

MIN_TYPO_NAME_LENGTH = 6
"""A typo is corrected in a capitalized token only from this length: short rare names
('Konyg', 'Redg') are too often one slip from a real one."""


MAX_LENGTH = 40
"""Tokens longer than this are never checked: no English word or name is that long, and the
work per token (OCR variants, symspell deletes, the channel model's table) grows with the
square of its length, so an unbounded token is a way to exhaust memory."""


LATIN_WORD = compile_regex(r"^[\p{Latin}\p{M}\d'’!|]+$")


def unchecked_because(base: str) -> str | None:
    """Why `base` is never checked, or None: only Latin-script words of three to forty letters
    are, and not acronyms of up to four capitals."""
    if len(base) < MIN_LENGTH:
        return f"shorter than {MIN_LENGTH} characters"
    if len(base) > MAX_LENGTH:
        return f"longer than {MAX_LENGTH} characters (no word is; counted as unchecked)"
    if not (base.isascii() or LATIN_WORD.match(base)):
        return "not in the Latin script"
    if base.isupper() and len(base) <= 4 and not _o_as_zero(base):
        return "an acronym"  # NATO, FSB; UNHCR is 5 but known
    if not (base.isalpha() or any(c.isalpha() for c in base)):
        return "a number"
    return None


def _o_as_zero(base: str) -> bool:
    """Three capitals and a 0, the only digit ('NAT0'): OCR's 0 for an acronym's O, where an
    acronym's number has digits of its own ('G20', 'A320', 'F35')."""
    return base.count("0") == 1 and sum(c.isdigit() for c in base) == 1 and sum(
        c.isalpha() for c in base) >= 3


def is_checkable(base: str) -> bool:
    """Whether the speller looks at `base` at all (see `unchecked_because`)."""
    return unchecked_because(base) is None


def is_own_word(common: Container[str], key: str) -> bool:
    """A word in its own right: a common word (of one letter only 'a' and 'i')."""
    return key in common and (len(key) > 1 or key in ("a", "i"))


INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly")
ARCHAIC_INFLECTIONS = ("est", "st", "eth")
"""The endings of a verb's old second and third person ('persuadest', 'maketh')."""
INFLECTED_STEM_MIN_LENGTH = 4


def inflects_common_word(common: Container[str], key: str,
                         endings: tuple[str, ...] = INFLECTIONS) -> bool:
    """Whether `key` is a common word of `INFLECTED_STEM_MIN_LENGTH` letters or more with a
    regular English ending (one of `endings`), its final consonant doubled or its final 'e'
    dropped before it ('gravelling', 'sewered', 'roods'): a real word the common-word list
    lacks, not a typo."""
    for ending in endings:
        if not key.endswith(ending):
            continue
        stem = key[: -len(ending)]
        if len(stem) < INFLECTED_STEM_MIN_LENGTH:
            continue
        doubled = len(stem) > INFLECTED_STEM_MIN_LENGTH and stem[-1] == stem[-2]
        if stem in common or stem + "e" in common or (doubled and stem[:-1] in common):
            return True
    return False


def lookup_key(base: str) -> str:
    """How the lexicon spells a token: lowercase, straight apostrophe ('Doesn’t' -> "doesn't")."""
    return base.lower().replace("’", "'")


def unaccented(word: str) -> str:
    """The word without accents and with straight apostrophes: what spelling must not change."""
    word = word.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_DIALECT_SPELLINGS = tuple(
    (written, compile_regex(before + written + after), replacement)
    for before, written, after, replacement in (
        ("", "our", "(?=$|s$|ed$|ing$|ite|able|ful|less|er|ism)", "or"),  # colour, favourite
        ("(?<=[^aeiou])", "is", "(?=e|ing|ation|a)", "iz"),  # organise, recognisance
        ("", "ys", "(?=e$|es$|ed$|ing$)", "yz"),  # analyse
        # centre, metres; a vowel before: 'hre' is a slip of 'her', no dialect's
        ("(?<=[aeiou][^aeiou]*[^aeiour])", "re", "(?=$|s$|d$)", "er"),
        # a doubled l after an unstressed vowel: travelled, cancelled (not called, filled)
        ("(?<=[aeiou][^aeiou]+[ae])", "ll", "(?=ed$|ing$|er$|ers$)", "l"),
        ("(?<=^(?:def|off|lic|pret))", "ence", "(?=$|s$)", "ense"),  # defence, licence
        ("", "ogue", "$", "og"),  # catalogue
        ("", "gement", "", "gment"),  # judgement
    )
)
"""(letters a spelling writes, the pattern of where they are British, the American letters)"""


@lru_cache(maxsize=16_384)
def dialect_form(word: str) -> str:
    """`word` with British spellings written the American way ('colour' -> 'color',
    'travelled' -> 'traveled'): two words with one form differ by dialect, not by error.
    Memoized: a token's form is compared with each of its candidates'."""
    for written, pattern, replacement in _DIALECT_SPELLINGS:
        if written in word:  # most words write none of them: a substring test, no regex call
            word = pattern.sub(replacement, word)
    return word


def writers_choice(key: str, candidate: str, seen: bool) -> bool:
    """Whether `candidate` differs from the token `key` only as a writer may choose: by
    accents ('erdoğan'/'erdogan') or, for a spelling wordfreq has seen (`seen`), as British
    and American spellings differ ('colour'/'color'). A spelling nobody writes is no
    dialect's: 'ovre' is a slip of 'over', 'shuddre' of 'shudder'."""
    return unaccented(candidate) == unaccented(key) or (
        seen and dialect_form(candidate) == dialect_form(key))


ELIDING_WORDS = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu"})
"""The French and Italian words whose vowel an apostrophe elides before a vowel ("c'est",
"l'eau", "qu'il")."""
ELIDED_MIN_ZIPF = 4.5
"""A word this frequent is what a token that writes an apostrophe for one or more of its
letters elides ('never', 'over', 'would', 'heaven'); a rarer one is as likely a slip's
reading ("we'rs" is no 'wears', at 4.1, but "we're")."""


def elides(key: str, candidate: str, zipf: float) -> bool:
    """Whether the lowercase token `key` writes the word `candidate` (of Zipf `zipf`) with
    letters elided at its apostrophe ("ne'er", "o'er", "wou'd": `ELIDED_MIN_ZIPF`), or is
    French or Italian elision (one of `ELIDING_WORDS`, an apostrophe, a vowel: "c'est",
    "n'est", "l'an", whatever `candidate` is): written so on purpose, never a slip. A stray
    apostrophe elsewhere ("p'assed", "Gover'nment") is OCR's junk."""
    key = key.replace("’", "'")
    at = key.find("'")
    if at <= 0:
        return False
    before, after = key[:at], key[at + 1 :]
    middle = len(candidate) - len(before) - len(after)
    if middle < 0 or not (candidate.startswith(before) and candidate.endswith(after)):
        return False
    if before in ELIDING_WORDS and after[:1] in "aeiouhy":
        return True  # French or Italian, whatever the reading
    # After one letter, only a vowel's word ("o'er"): "l've" is OCR's "I've", not 'love'.
    return (middle > 0 and candidate[at : at + middle].isalpha() and zipf >= ELIDED_MIN_ZIPF
            and (len(before) > 1 or before in "aeiou"))


def closes_elision(text: str, start: int, end: int, reading: str, zipf: float) -> bool:
    """Whether the token `text[start:end]`, closed by an apostrophe (which no token holds when
    no letter follows it), elides letters of `reading` (of Zipf `zipf`) there: the g of an
    -ing word ("goin'", "nothin'", "fishin'", however rare the word), or what `elides`
    tells. The writer's spelling, never a slip."""
    if text[end : end + 1] not in ("'", "’"):
        return False
    key, reading = text[start:end].lower(), reading.lower()
    return (key.endswith("in") and reading == key + "g") or elides(key + "'", reading, zipf)


_VOWELS = compile_regex(r"[aeiouy]")
_DOUBLED = compile_regex(r"(.)\1+")


def consonant_skeleton(name: str) -> str:
    """A name's consonants, unaccented and lowercase, without y and with doubled letters once:
    two spellings of one skeleton ('Shoygu' and 'Shoigu', 'Navalnyy' and 'Navalny') are more
    often one name romanized two ways than a slip."""
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", unaccented(name).lower()))


def is_name_shaped(base: str) -> bool:
    """Capitalized, all-caps or with inner capitals ('McConnell', OCR's 'ZeIensky').

    A lowercase word whose only capitals are I is OCR's l ('lIave', 'witlI'); a word that
    starts with a digit or a bar ('0pen', '5aid', '|ater') is judged by its other letters."""
    first = base[0]
    if first.islower() or not first.isalpha():
        return any(c.isupper() and c != "I" for c in base[1:])
    return True


_INNER_CAPITAL = compile_regex(r"\p{Lu}")
_SWAPPED_START = compile_regex(r"^\p{Ll}\p{Lu}\p{Ll}+$")
_SHIFTED_SECOND = compile_regex(r"^\p{Lu}\p{Lu}\p{Ll}{2,}$")
_CAPITAL_I_FOR_L = compile_regex(r"(?<=\p{Ll})I|(?<=^\p{Lu})I(?=\p{Ll}{2})")
_CAPITAL_B_FOR_S = compile_regex(r"^(\p{Lu}?\p{Ll}+)B(\p{Ll}*)$")
_LOWERCASE_L_IN_CAPITALS = compile_regex(r"^(?=(?:.*\p{Lu}){2})[\p{Lu}l]*l[\p{Lu}l]*$")


def case_slip_readings(base: str) -> tuple[tuple[str, str], ...]:
    """What a token whose letter case no word has may stand for, cased as meant, each with
    the slip that explains it:

    - ``swap``: a lowercase letter, a capital, then lowercase ('aLmbing', 'eBfore'): the first
      two letters swapped ('Lambing', 'Before');
    - ``shift`` and ``case``: two capitals, then two or more lowercase letters ('FRalcon',
      'THis'): the second letter added with the shift key still held ('Falcon'), or typed as
      a capital ('This'); a plural acronym ('TVs', 'CEOs') never has this shape;
    - ``glyph``: a capital I after a lowercase letter ('HoteI', 'WorId') or between a first
      capital and two lowercase letters ('EIeni', 'CIinton'): OCR's l ('Hotel', 'Eleni');
      one capital B after a lowercase letter in a word of no other inner capital ('waB',
      'thiB', 'yoBterday'): OCR's s ('was'); a lowercase l among two capitals or more and no
      other lowercase letter ('PARlS', 'lBIT'): OCR's capital I ('PARIS').

    A reading is worth offering only when it is a word (the caller checks)."""
    if (base.isascii() and base[1:].islower()) or not _INNER_CAPITAL.search(base, 1):
        return ()  # each slip puts a capital after the first letter; most words have none
    readings = []
    if _SWAPPED_START.match(base):
        readings.append((base[1] + base[0] + base[2:], "swap"))
    elif _SHIFTED_SECOND.match(base):
        readings += [(base[0] + base[2:], "shift"), (base[0] + base[1].lower() + base[2:], "case")]
    if _CAPITAL_I_FOR_L.search(base):
        readings.append((_CAPITAL_I_FOR_L.sub("l", base), "glyph"))
    if (b_for_s := _CAPITAL_B_FOR_S.match(base)) is not None:
        readings.append((f"{b_for_s.group(1)}s{b_for_s.group(2)}", "glyph"))
    if _LOWERCASE_L_IN_CAPITALS.match(base):
        readings.append((base.replace("l", "I"), "glyph"))
    return tuple(readings)


def misread_lowercase(base: str) -> bool:
    """A lowercase word with OCR's capital I for l or B for s ('alI', 'haIted', 'waB'): no
    word or name is written so, whatever its letters fold to ('ali' is a name)."""
    return base[:1].islower() and any(slip == "glyph" for _, slip in case_slip_readings(base))


CAPITAL_GLYPHS = {"0": "o", "5": "s", "8": "b"}
"""Digits whose shape is a capital letter's: the letter they stand for is a capital."""
I_GLYPHS = frozenset("l1|!")
"""Glyphs the OCR prints for a capital I ('lsraeli')."""


ALWAYS_CAPITALIZED_SOURCE = "curated:capitalized_words.tsv"
"""The gazetteer file of words English always capitalizes (months, days, demonyms)."""


def restore_capital(template: str, replacement: str, canonical: str | None, source: str,
                    in_name: bool, capitalized_in_document: bool = False) -> str:
    """A lowercase token's fix to a gazetteer name, capitalized when the fix changed the
    token's first letter, whose case therefore says nothing, and either the document writes
    the name capitalized and never in lowercase (`capitalized_in_document`: 'warned ussia'
    -> 'Russia') or the name is a curated or user one (not a built list's small town:
    'Capital') that is always capitalized ('ugust' -> 'August') or stands in a name with a
    capitalized neighbour (`in_name`, see `name_case.in_name`: 'lames Smith' -> 'James
    Smith', 'New ork' -> 'New York'); otherwise `replacement` unchanged."""
    if (
        canonical and canonical[:1].isupper() and template[:1].islower()
        and replacement == replacement.lower() and template[0] != replacement[0]
        and (capitalized_in_document or (not source.startswith("built") and (
            source == ALWAYS_CAPITALIZED_SOURCE or in_name)))
    ):
        return canonical
    return replacement


def capital_from_glyph(template: str, replacement: str, beside_capital: bool) -> str:
    """A fix that reads a token's leading l, 1 or bar as an i, capitalized where the token
    stands beside a capitalized word ('The lnternational Monetary Fund', 'Business lnsider'):
    the OCR prints those glyphs for a capital I, whose dot-less shape they share, far more
    often than for a dotted i."""
    if beside_capital and template[:1] in I_GLYPHS and replacement[:1] == "i":
        return "I" + replacement[1:]
    return replacement


CAPITALS_MIN_LETTERS = 4
"""A word in capitals with one lowercase letter OCR misread in it ('COUNTnY') has at least
this many letters (l and i aside); a shorter one may be a name ('McD')."""


def apply_case(template: str, word: str, canonical: str | None = None) -> str:
    """Write `word` in the case pattern of `template` (LIBVA -> LIBYA, Lavroy -> Lavrov).

    A gazetteer name keeps its canonical spelling unless the template is lowercase; a leading
    I that stands for l is lowercase. Case from glyphs: a leading digit shaped like a capital
    ('5tate', '8urke') gives a capital, and a leading l, 1 or bar read for the I of a name
    gives the name ('lsraeli' -> 'Israeli' when `canonical` is 'Israeli')."""
    # OCR's l and i inside a capitalized word ('KABllL') do not make it lowercase, nor does
    # one other lowercase letter in a word that opens with two capitals ('COUNTnY', 'THErT').
    letters = [c for c in template if c.isalpha() and c not in "li"]
    lowercase = sum(c.islower() for c in letters)
    if len(letters) > 1 and (not lowercase or (
            lowercase == 1 and len(letters) >= CAPITALS_MIN_LETTERS
            and template[:2].isalpha() and template[:2].isupper())):
        return word.upper()
    first = template[0]
    if CAPITAL_GLYPHS.get(first) == word[:1].lower():
        return word[:1].upper() + word[1:].lower()
    if first in I_GLYPHS and word[:1].lower() == "i" and canonical and canonical[:1] == "I":
        return canonical
    if canonical and canonical.lower() == word.lower() and not first.islower():
        return canonical
    if first.isupper() and not (first == "I" and word[:1] == "l"):
        return word[:1].upper() + word[1:]
    return word.lower()


LONG_UNSEEN_STEP = 0.4
"""log10 units an unseen lowercase token loses as a word of its own for each letter past a
length (`long_unseen_penalty`): the longer a string, the fewer real words lie one slip from
another, so an unknown long word with a word one slip away is ever more likely that word
mistyped ('presjmptive', 'camoulage')."""


def long_unseen_penalty(key: str, after: int) -> float:
    """What an unseen `key` loses as written: `LONG_UNSEEN_STEP` for each letter past `after`."""
    return LONG_UNSEEN_STEP * max(0, len(key) - after)
