"""The case of a fix beside capitalized words: in a name or not.

A lowercase token whose fix changed its first letter ('lames', 'ork', 'outh', 'vvon') says
nothing of its case: the OCR lost or misread the letter that carried it. Its capitalized
neighbours decide:
- a capitalized word after it makes it the first word of a name ('lames Smith' -> James),
  unless it reads as a function word (`FUNCTION_WORD_ZIPF`: 'said', 'will', 'may') that
  forms no gazetteer name with it ('asid Lachlan Whitcombe' -> said, not the surname Said;
  'vvill Smith' -> Will where the gazetteer knows Will Smith);
- a capitalized word before it makes it part of a name only when the two are one of the
  gazetteer's names ('New ork' -> York, 'the Dodgers vvon the' stays 'won', though the
  gazetteer knows a person Won: 'Dodgers Won' is no name);
- a common word that, with a capitalized neighbour, completes a gazetteer name takes its
  capital too ('outh Africa' -> South, 'Securities and xchange Commission' -> Exchange), but
  a function word does not ('fhe Atlantic' -> the).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..lexicon import Entity, Lexicon
from .words import restore_capital

FUNCTION_WORD_ZIPF = 5.5
"""A word this frequent is a function word before it is anyone's name ('said' 6.0, 'will'
6.5, 'may' 6.0), while first names stay under it ('john' 5.4, 'bill' 5.2, 'james' 5.1)."""


def in_name(neighbours: tuple[str | None, str | None], key: str, lexicon: Lexicon) -> bool:
    """Whether a token read as `key`, with these capitalized neighbours (before, after:
    `tokens.capitalized_neighbours`), stands in a name (module docstring)."""
    if neighbours[1] is not None and lexicon.frequency(key) < FUNCTION_WORD_ZIPF:
        return True
    return completes_name(neighbours, key, lexicon)


def completes_name(neighbours: tuple[str | None, str | None], key: str,
                   lexicon: Lexicon) -> bool:
    """Whether `key` forms one of the gazetteer's names with a capitalized neighbour."""
    before, after = neighbours
    pairs = lexicon.name_pairs
    return ((before is not None and f"{before.lower()} {key}" in pairs)
            or (after is not None and f"{key} {after.lower()}" in pairs))


def name_capital(template: str, replacement: str, neighbours: tuple[str | None, str | None],
                 lexicon: Lexicon) -> str:
    """`replacement` capitalized when the token is lowercase, its fix changed its first
    letter and completes a gazetteer name with a capitalized neighbour; else unchanged. A
    function word (`FUNCTION_WORD_ZIPF`) stays lowercase: a name that opens with one ('The
    Atlantic', 'The Free Press') is written so far less often than the word before a name
    ('fhe Atlantic' -> the, 'fhe Free Democrats' -> the)."""
    if (template[:1].islower() and replacement.islower() and template[0] != replacement[0]
            and lexicon.frequency(replacement) < FUNCTION_WORD_ZIPF
            and completes_name(neighbours, replacement, lexicon)):
        return replacement[:1].upper() + replacement[1:]
    return replacement


def neighbour_case(template: str, replacement: str, key: str, entity: Entity | None,
                   neighbours: tuple[str | None, str | None], lexicon: Lexicon,
                   capitalized_in_document: bool = False) -> str:
    """The case of the fix `replacement` (read as `key`) of the token `template`, with these
    capitalized neighbours: a gazetteer name's capital when it stands in a name
    (`words.restore_capital` with `in_name`), a common word's when it completes one
    (`name_capital`)."""
    if entity is None:
        return name_capital(template, replacement, neighbours, lexicon)
    return restore_capital(template, replacement, entity.canonical, entity.source,
                           in_name(neighbours, key, lexicon), capitalized_in_document)


def capitalized_only(types: Mapping[str, int], entity: Entity | None, written: str) -> bool:
    """Whether a document (its word `types`) writes the gazetteer name `entity` capitalized
    and never as `written`, the fix in lowercase ('warned ussia' -> Russia)."""
    return entity is not None and types.get(entity.canonical, 0) > 0 and not types.get(written)
