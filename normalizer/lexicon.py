"""The lexicon: word frequencies, the gazetteer of names, bigrams, common misspellings, foreign
words and the symspell index.

Loaded once per process and cached on disk, because rebuilding symspell's delete index from
text takes seconds while loading the cache (with the garbage collector paused) takes a
fraction of one. symspellpy builds its index as a dict of about a million delete strings;
the cache keeps it as one static trie (`normalizer.tries.DeleteIndex`), which loads from bytes in
a few hundredths of a second where unpickling the dict would take a second; the Zipf
frequencies and bigram counts are tries with arrays of numbers too (`FrozenTable`). The cache
key is a hash of the size and modification time of every data file and of the code that builds
the cache (see `_cache_key`), so an edited dictionary or an upgrade rebuilds it by itself.

A pickle can run code, so a cache file is loaded only when someone else cannot have written
it (`normalizer.cache_files`: the folder and the file this user's own, the content matching
its digest, only the lexicon's own classes built). Any other file is ignored and rebuilt, with
a logged warning.

Sources (see dictionaries/SOURCES.md):
- common words: symspellpy's bundled English frequency list (82,765 words, lowercase), and
  the frequent words it lacks of dictionaries/built/common_additions.tsv ('favorite');
- bigrams: symspellpy's bundled bigram list;
- Zipf frequencies: dictionaries/built/wordfreq_en.tsv (from wordfreq's `large` list), and
  `LISTED_WORD_ZIPF` for the rare words of dictionaries/built/real_words.tsv it lacks;
- gazetteer: dictionaries/curated/*.tsv, dictionaries/built/places.tsv and user files;
- common misspellings: dictionaries/built/misspellings.tsv (see `normalizer.misspellings`).
- foreign words: dictionaries/built/foreign_words.tsv (see `normalizer.correction.foreign`).
"""

from __future__ import annotations

import contextlib
import importlib.resources
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import marisa_trie
import symspellpy
from editdistpy import damerau_osa
from symspellpy import SymSpell
from symspellpy.abstract_distance_comparer import AbstractDistanceComparer
from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from . import cache_files, long_names, tries
from .long_names import LongNames
from .patterns import compile_regex
from .tries import DeleteIndex, FrozenTable, WordBeginnings
from .tsv import read_rows

SYMSPELL_MAX_DISTANCE = 2
SYMSPELL_PREFIX = 7
"""symspellpy's prefix length: with 7, a two-edit lookup compares a few dozen words instead
of the several hundred sharing a 5-letter prefix's deletes (ten times faster, same results);
the million delete keys it makes are why the index is kept as a `DeleteIndex`."""
LATIN_1_LAST = "\xff"
"""The last Latin-1 character: the widest a name key may hold to join symspell's index."""
CACHE_FORMAT = 22
"""Part of the cache key (`_cache_key`): raised when the cache's content changes meaning."""


class OsaDistance(AbstractDistanceComparer):
    """The distance symspellpy's `DAMERAU_OSA_FAST` computes (editdistpy's optimal string
    alignment, in C), called directly: symspellpy's own comparer imports editdistpy anew on
    every call, which costs as much as the comparison itself (a lookup makes dozens)."""

    distance = staticmethod(damerau_osa.distance)


# A name token worth indexing on its own: a capitalized word of at least three letters.
NAME_TOKEN = compile_regex(r"\p{Lu}[\p{L}\p{M}'’]+")
NAME_WORD_BREAK = compile_regex(r"[ -]+")
"""What separates the words of a name: spaces, and the hyphen of a double name."""
# Words that appear inside multi-word names but are not names themselves.
NAME_STOPWORDS = frozenset({
    "the", "of", "and", "for", "de", "del", "la", "le", "el", "al", "bin", "ibn", "van", "von",
    "der", "den", "da", "di", "du", "des", "los", "las", "san", "saint", "new", "north", "south",
    "east", "west", "upper", "lower", "city", "county", "state", "province", "region",
    "republic", "united", "national", "international", "university", "institute", "party",
    "union", "council", "ministry", "department",
})


def dictionaries_dir() -> Path:
    """The dictionaries/ folder: $NORMALIZER_DICTIONARIES, else the copy installed with the
    package (normalizer.dictionaries), else the one beside the package in a checkout."""
    env = os.environ.get("NORMALIZER_DICTIONARIES")
    return Path(env) if env else _shipped_dictionaries()


def real_words_file() -> Path:
    """dictionaries/built/real_words.tsv: the rare words a spell checker's dictionary lists
    (see dictionaries/build_real_words.py)."""
    return dictionaries_dir() / "built" / "real_words.tsv"


HEADLINE_MIN_ZIPF = 2.5
"""In a Title Case headline most capitalized tokens are words ('Bourities' -> 'Bounties'):
the words wordfreq has seen this often or more, with the common words and the names, are what
a deep candidate search may end on (`Lexicon.deep_search_words`)."""


LISTED_WORD_ZIPF = 1.0
"""The Zipf frequency of a listed real word wordfreq lacks ('advisably', 'expellee'): the floor
of wordfreq's `large` list, as if it had been seen once more. Without it such a word was read
as a typo of a frequent one ('rescore' -> "restore"); with it, OverProof dataset 2 keeps its
real 'congou' and 'conduces' (5 fewer false positives over both profiles) for 3 error units
('staled', 'deration', 'Bister', themselves listed words), and the synthetic sets are as
before."""


@lru_cache(maxsize=1)
def _shipped_dictionaries() -> Path:
    installed = Path(__file__).resolve().parent / "dictionaries"
    if (installed / "confusions.tsv").is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "dictionaries"


@dataclass(frozen=True, slots=True)
class Entity:
    """A gazetteer entry for one name token: canonical spelling, type and where it came from."""

    canonical: str
    type: str
    source: str

    def __reduce__(self) -> tuple[type[Entity], tuple[str, str, str]]:
        # Unpickled through __init__: three times faster than the slots dataclass's
        # __setstate__, which matters for the 39,000 names of the lexicon cache.
        return (Entity, (self.canonical, self.type, self.source))


@dataclass(frozen=True)
class Confusion:
    """OCR printed `observed` where the page had `intended`; `cost` is -log10 probability."""

    observed: str
    intended: str
    cost: float


@dataclass(eq=False)  # identity equality and hashing: one instance per process, cache key
class Lexicon:
    """Immutable after loading; share one instance per process."""

    common: dict[str, int]
    zipf: Mapping[str, float]  # a FrozenTable once built
    names: dict[str, Entity]
    bigrams: Mapping[str, int]  # a FrozenTable once built
    confusions: tuple[Confusion, ...]
    symspell: SymSpell
    sources: tuple[str, ...] = field(default=())
    misspellings: dict[str, str] = field(default_factory=dict)
    """misspelling -> correction (`normalizer.misspellings`): read with the rest, so the first
    unknown word of a run does not wait for a 51,000-row table."""
    beginnings: WordBeginnings | None = None
    """The beginnings of every key of `common`, `zipf` and `names` (None: not indexed)."""
    foreign_words: frozenset[str] = frozenset()
    """Everyday words of other Latin-alphabet languages that English lacks
    (dictionaries/built/foreign_words.tsv, see `normalizer.correction.foreign`): kept in the
    cache, since reading the table at the first edit of a run cost a first pass over news 14%
    more instructions, most of them a garbage collection over the whole lexicon."""
    name_pairs: frozenset[str] = frozenset()
    """Every two neighbouring capitalized words of a gazetteer name, lowercase ("sonia
    sotomayor", "kim jong-un"): the context of a name, as the bigram list is a word's."""
    places: Collection[str] = frozenset()
    """Every place of one word in the gazetteer, lowercase, whatever `names` holds for it: a
    token keeps one entity, and 'Tokyo Electric Power Company' makes 'tokyo' an
    organisation's, 'London Breed' 'london' a person's. A FrozenTable used as a set: as a
    frozenset its 27,000 strings cost every cold start 35 million instructions to load."""
    listed: Collection[str] = frozenset()
    """The rare words a spell checker's dictionary lists (dictionaries/built/real_words.tsv:
    'roods', 'advisably'), a FrozenTable used as a set: kept in the cache, since reading the
    table at a run's first rare word cost a first pass over news a third of its time."""
    long_names: LongNames | None = None
    """The gazetteer's names of three words or more ('Delta Air Lines', 'Sergey V. Lavrov'),
    indexed so that a broken word of one is read back from the others (`long_names`)."""
    given_names: Collection[str] = frozenset()
    """Given names, lowercase: the first words of the curated gazetteer's people of two names
    or more, and the US census's frequent given names (dictionaries/built/census_names.tsv).
    A FrozenTable used as a set: one before a token says a surname follows (`surnames`)."""
    surnames: Collection[str] = frozenset()
    """The US census's surnames held by 0.002% of the population or more ('fisher', 'hart';
    not 'train'), lowercase: a FrozenTable used as a set (`correction.surnames`)."""
    deep_search_words: str = ""
    """Every word a deep candidate search may end on (`correction.vocabulary.Vocabulary`):
    the keys of `common` and `names` and the words of Zipf `HEADLINE_MIN_ZIPF` or more, sorted
    and joined by newlines. Kept in the cache: collecting and sorting its 125,000 words at a
    process's first deep search took a quarter of a second, and one string loads in a
    millisecond."""

    def sizes(self) -> dict[str, int]:
        return {
            "common_words": len(self.common),
            "word_frequencies": len(self.zipf),
            "gazetteer_names": len(self.names),
            "bigrams": len(self.bigrams),
            "ocr_confusions": len(self.confusions),
        }

    def frequency(self, lower: str) -> float:
        """Zipf frequency of a lowercase word (0 when unseen)."""
        return self.zipf.get(lower, 0.0)

    def words_at_least(self, zipf: float) -> frozenset[str]:
        """The lowercase words of Zipf frequency `zipf` or more (common words or not)."""
        if isinstance(self.zipf, FrozenTable):
            return self.zipf.keys_at_least(zipf)
        return frozenset(word for word, value in self.zipf.items() if value >= zipf)


def _symspell_file(name: str) -> Path:
    return Path(str(importlib.resources.files("symspellpy") / name))


def census_names_file() -> Path:
    """dictionaries/built/census_names.tsv: the US census's given names and frequent surnames
    (see dictionaries/build_census_names.py)."""
    return dictionaries_dir() / "built" / "census_names.tsv"


def _census_names(kind: str) -> set[str]:
    """The names of one kind (`given`, `surname`) of `census_names_file`."""
    return {name for name, row_kind in read_rows(census_names_file(), ("name", "kind"))
            if row_kind == kind}


def first_names(paths: Iterable[Path]) -> set[str]:
    """The first words of the people of two names or more of these gazetteer files,
    lowercase."""
    return {tokens[0].lower() for path in paths for name, kind in read_gazetteer_file(path)
            if kind == "person" and len(tokens := name_tokens(name)) > 1}


def _given_names(files: list[tuple[Path, str]]) -> FrozenTable:
    """`Lexicon.given_names`: the census's, and the first names of the curated people."""
    given = _census_names("given")
    given |= first_names(path for path, source in files if source == "curated")
    return FrozenTable.of(dict.fromkeys(given, 1), "b")


def name_words_file() -> Path:
    """dictionaries/built/name_words.tsv: common words that are also a person's name, but words
    first ('silver', 'roof'; see dictionaries/build_name_words.py)."""
    return dictionaries_dir() / "built" / "name_words.tsv"


def common_additions_file() -> Path:
    """dictionaries/built/common_additions.tsv: frequent words symspellpy's common list lacks
    ('favorite', 'labor'; see dictionaries/build_common_words.py)."""
    return dictionaries_dir() / "built" / "common_additions.tsv"


def symspell_common_words() -> dict[str, int]:
    """symspellpy's 82,765 common English words with their counts."""
    return {row[0]: int(row[1])
            for row in _read_tsv_space(_symspell_file("frequency_dictionary_en_82_765.txt"))}


def _data_files(extra: Iterable[Path]) -> list[Path]:
    root = dictionaries_dir()
    files = [root / "confusions.tsv", root / "built" / "wordfreq_en.tsv",
             common_additions_file(),
             root / "built" / "misspellings.tsv", root / "built" / "name_misspellings.tsv",
             root / "built" / "foreign_words.tsv",
             real_words_file(), census_names_file()]
    files += sorted((root / "built").glob("places.tsv"))
    files += sorted((root / "curated").glob("*.tsv"))
    files += [Path(p) for p in extra]
    files += [_symspell_file("frequency_dictionary_en_82_765.txt"),
              _symspell_file("frequency_bigramdictionary_en_243_342.txt")]
    return files


def _numbered_rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    """(line number, fields) of every row of a TSV file, skipping comments and the header."""
    with path.open(encoding="utf-8") as fh:
        header_seen = False
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                if line.split("\t")[0] in ("name", "word", "observed"):
                    continue
            yield number, line.split("\t")


def _read_tsv(path: Path) -> Iterable[list[str]]:
    """Rows of a TSV file, skipping comments and the header line."""
    return (fields for _, fields in _numbered_rows(path))


def read_gazetteer_file(path: Path, types: Collection[str] | None = None
                        ) -> list[tuple[str, str]]:
    """(name, type) pairs of a gazetteer TSV (`name<TAB>type[<TAB>note]`); type defaults to
    name. An empty name, or a type not among `types` when they are given, is a ValueError
    naming the file and line."""
    entries = []
    for number, row in _numbered_rows(path):
        name = row[0].strip()
        if not name:
            raise ValueError(f"{path}:{number}: empty name")
        kind = row[1].strip() if len(row) > 1 and row[1].strip() else "name"
        if types is not None and kind not in types:
            raise ValueError(f"{path}:{number}: unknown type {kind!r} (known: {', '.join(types)})")
        entries.append((name, kind))
    return entries


def name_tokens(name: str) -> list[str]:
    """The tokens of a (possibly multi-word) name worth indexing as names on their own."""
    return [
        tok for tok in NAME_TOKEN.findall(name)
        if len(tok) >= 3 and tok.lower() not in NAME_STOPWORDS
    ]


SLIP_MIN_LENGTH = 6
"""The shortest common misspelling not indexed as a word of a multi-word place or
organisation (`_index_names`)."""


def _index_names(files: list[tuple[Path, str]], common: dict[str, int],
                 slips: Mapping[str, str]) -> dict[str, Entity]:
    """Index every name token by lowercase form; curated and user entries win over built.

    The common words of a multi-word organisation or place name ('Federal Bureau of
    Investigation', 'Great Barrier Reef') are words, not names: only its other tokens are
    indexed; nor are the common misspellings of common words (`slips`) among them, another
    language's words there ('Ciudad Satelite', 'Fuente Profesor'), whose protection as names
    kept 'Satelite images' from being read as 'Satellite' (from `SLIP_MIN_LENGTH` letters:
    a shorter one is as often a slip of another word, 'not yot fixed' no 'yacht'). People
    keep every token: 'Rice' and 'Bush' are surnames too."""
    names: dict[str, Entity] = {}
    for path, source in files:
        for name, kind in read_gazetteer_file(path):
            tokens = name_tokens(name)
            for token in tokens:
                key = token.lower()
                if kind in ("org", "place") and len(tokens) > 1 and (
                        key in common
                        or (len(key) >= SLIP_MIN_LENGTH and slips.get(key) in common)):
                    continue
                if key not in names or source != "built":
                    names[key] = Entity(token, kind, f"{source}:{path.name}")
    return names


def _places(files: list[tuple[Path, str]]) -> FrozenTable:
    """The places of one word of the gazetteer files, lowercase (`Lexicon.places`)."""
    return FrozenTable.of({name.lower(): 1 for path, _ in files
                           for name, kind in read_gazetteer_file(path)
                           if kind == "place" and len(name_tokens(name)) == 1
                           and " " not in name}, "b")


def _name_pairs(files: list[tuple[Path, str]]) -> frozenset[str]:
    """The neighbouring capitalized word pairs of every multi-word name of the gazetteer files
    ('Sonia Sotomayor'; not 'of the' in 'Bank of the West'), lowercase, the halves of a
    hyphenated word included ('Bankman-Fried': 'bankman fried')."""
    pairs = set()
    for path, _ in files:
        for name, _ in read_gazetteer_file(path):
            pairs.update(f"{a} {b}".lower() for a, b in pairwise(NAME_WORD_BREAK.split(name))
                         if a[:1].isupper() and b[:1].isupper())
    return frozenset(pairs)


def _build(extra: list[Path]) -> Lexicon:
    from .misspellings import read_misspellings  # it imports this module

    root = dictionaries_dir()
    common = symspell_common_words()
    for word, count in read_rows(common_additions_file(), ("word", "count")):
        common.setdefault(word, int(count))
    # The large tables are frozen as soon as they are read: their dicts are gone before
    # symspellpy builds its deletes, the peak of the build (once per install).
    bigrams = FrozenTable.of({
        f"{row[0]} {row[1]}": int(row[2])
        for row in _read_tsv_space(_symspell_file("frequency_bigramdictionary_en_243_342.txt"))
    }, "q")
    frequencies = {row[0]: float(row[1]) for row in _read_tsv(root / "built" / "wordfreq_en.tsv")}
    listed = FrozenTable.of({word: 1 for (word,) in read_rows(real_words_file(), ("word",))}, "b")
    for word in listed:
        frequencies.setdefault(word, LISTED_WORD_ZIPF)
    zipf = FrozenTable.of(frequencies, "d")
    del frequencies
    confusions = tuple(
        Confusion(row[0], row[1], float(row[2])) for row in _read_tsv(root / "confusions.tsv")
    )
    gazetteer_files = [(p, "built") for p in sorted((root / "built").glob("places.tsv"))]
    gazetteer_files += [(p, "curated") for p in sorted((root / "curated").glob("*.tsv"))]
    gazetteer_files += [(p, "user") for p in extra]
    symspell = SymSpell(
        SYMSPELL_MAX_DISTANCE,
        SYMSPELL_PREFIX,
        distance_comparer=EditDistance(DistanceAlgorithm.USER_PROVIDED, OsaDistance()),
    )
    for word, count in common.items():
        symspell.create_dictionary_entry(word, count)
    misspellings = {**read_misspellings(root / "built" / "misspellings.tsv"),
                    **read_misspellings(root / "built" / "name_misspellings.tsv")}
    names = _index_names(gazetteer_files, common, misspellings)
    # Name keys join the index so that a typo in a name finds it ('Krwmlin' -> 'kremlin',
    # 'Kairkó' -> 'karikó'). Latin-1 letters only: one wider character ('ğ') would make the
    # delete index's word block, a single string, take two bytes a character (30 MB more).
    for key in names:
        if key not in common and key.isalpha() and max(key) <= LATIN_1_LAST:
            symspell.create_dictionary_entry(key, 1)
    symspell._deletes = DeleteIndex.of(symspell._deletes)
    sources = tuple(
        f"{p.parent.name}/{p.name}" for p in _data_files(extra) if p.is_file()
    )
    beginnings = WordBeginnings.of({*common, *zipf, *names})
    deep_search_words = "\n".join(sorted(
        {*common, *names, *zipf.keys_at_least(HEADLINE_MIN_ZIPF)}))
    foreign = frozenset(
        row[0] for row in read_rows(root / "built" / "foreign_words.tsv", ("word", "languages")))
    return Lexicon(common, zipf, names, bigrams, confusions, symspell, sources, misspellings,
                   beginnings, foreign, _name_pairs(gazetteer_files),
                   _places(gazetteer_files), listed,
                   LongNames.of(name for path, _ in gazetteer_files
                                for name, _ in read_gazetteer_file(path)),
                   _given_names(gazetteer_files),
                   FrozenTable.of(dict.fromkeys(_census_names("surname"), 1), "b"),
                   deep_search_words)


def _read_tsv_space(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                yield parts


def _cache_key(extra: list[Path]) -> str:
    """What a cache file is named by (`cache_files.file_key`): the settings, the data files,
    and the code that builds the cache (this module, `cache_files`, `tries`, `long_names`,
    symspellpy's and marisa-trie's)."""
    settings = f"format {CACHE_FORMAT} {SYMSPELL_MAX_DISTANCE} {SYMSPELL_PREFIX}"
    code = [Path(__file__), Path(cache_files.__file__), Path(tries.__file__),
            Path(long_names.__file__),
            Path(symspellpy.__file__), Path(marisa_trie.__file__)]
    return cache_files.file_key(settings, [*_data_files(extra), *code])


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Lexicon:
    for path in extra:
        if not path.is_file():
            raise FileNotFoundError(f"gazetteer file not found: {path}")
    key = _cache_key(list(extra))
    folder = cache_files.cache_dir()
    cache_file = folder / f"lexicon-{key}.pickle"
    usable = cache_files.usable_folder(folder)
    lexicon = cache_files.load_cached(cache_file, Lexicon) if usable else None
    if lexicon is None:
        lexicon = _build(list(extra))
        if usable:
            cache_files.save_cached(cache_file, lexicon)
    else:
        with contextlib.suppress(OSError):
            os.utime(cache_file)  # recently used: kept when the folder is pruned
    return lexicon


def load_lexicon(extra_gazetteer_files: Iterable[Path] = ()) -> Lexicon:
    """The process-wide lexicon (plus optional extra gazetteer TSV files), loaded once."""
    return _load(tuple(sorted(Path(p).resolve() for p in extra_gazetteer_files)))
