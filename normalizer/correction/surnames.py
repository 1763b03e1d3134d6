"""Where a person's name stands, a token is a surname, and so must its reading be.

After a title or a given name on its line ('Mrs. Hcnderson', 'Philippe Troin'), a token is a
surname: it is read as a person's name of the gazetteer ('Sergey Lavroy' -> Lavrov), a surname
the US census lists as frequent ('James Fishcr' -> Fisher, 'Robert WaIl' -> Wall), a given
name ('Joan Eevlyn Storey' -> Evelyn: a middle name), or a name no other list holds ('Mr.
Morricc' -> Morrice); never as another word or another kind of name: 'Philippe Troin' is no
'Train', 'Jerome Fimes' no 'Times' (a newspaper), 'Jay Bonci' no 'Bondi' (a beach). Rare
surnames one glyph from a word or a place are common in news, and such a reading breaks a
correct name. A given name the gazetteer also holds as a place or an organization ('Paris',
'Hubert', a town) says nothing: 'Paris Olympies' is the Olympics.

Of 3,000 rare census surnames (held by less than 0.002% of the population) after a given name
in a plain sentence, 54 are changed instead of 67, most now into frequent surnames
('Craawford' -> Crawford). At news seeds 99, 7, 21, 42, 13, 101, 202, 303, 404, 505, 606, 707
and 808 one typo fewer is fixed ('Christian Dcmocrats': 'Christian' is a given name); on the
60-document synthetic sample one wrong fix fewer, on the whole synthetic set 2 typos fewer
fixed, 2 more read wrong and 1 clean token fewer changed (the archive profile: 6 fewer clean
tokens changed); on OverProof dataset 2's sample one wrongly changed token fewer and two wrong
fixes fewer (archive: three and two); nothing changed on dataset 3.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..lexicon import Entity, Lexicon
from .fixed_readings import FIRST_NAME_BEFORE, FIRST_NAME_REACH
from .titles import after_title


def stands_as_surname(lexicon: Lexicon, text: str, start: int) -> bool:
    """Whether the token at `start` of `text` follows a title or a given name on its line:
    one of `Lexicon.given_names` that the gazetteer holds as nothing but a person's ('Paris
    Olympies' and 'Columbus Ayenue' are no names)."""
    if after_title(text, start):
        return True
    before = FIRST_NAME_BEFORE.search(text, max(0, start - FIRST_NAME_REACH), start)
    if before is None:
        return False
    key = before.group(1).lower()
    entity = lexicon.names.get(key)
    return key in lexicon.given_names and (entity is None or entity.type == "person")


NAME_LIKE_WORD_MAX_ZIPF = 3.0
"""A common word rarer than this is as often a name ('chifley', 'dangerfield' are in
symspellpy's list of common words)."""


def may_be_surname(lexicon: Lexicon, extra: Mapping[str, Entity], key: str) -> bool:
    """Whether the lowercase reading `key` may stand where a surname does (module
    docstring): a person's name of the gazetteer, a census surname or given name (a middle
    name stands there too: 'Joan Eevlyn Storey'), or a name no other list holds, which is no
    common word of Zipf `NAME_LIKE_WORD_MAX_ZIPF` or more."""
    entity = extra.get(key) or lexicon.names.get(key)
    if ((entity is not None and entity.type == "person") or key in lexicon.surnames
            or key in lexicon.given_names):
        return True
    return entity is None and (key not in lexicon.common
                               or lexicon.frequency(key) < NAME_LIKE_WORD_MAX_ZIPF)
