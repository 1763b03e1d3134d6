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
it: the cache folder and the file must belong to the current user and be writable by no one
else, the file's content must match the sha256 digest saved in front of it (checked before
unpickling), and unpickling builds only the lexicon's own classes. Any other file is ignored
and rebuilt, with a logged warning.

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
import gc
import hashlib
import hmac
import importlib.resources
import io
import logging
import os
import pickle
import stat
import tempfile
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

from . import tries
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
CACHE_FORMAT = 21
CACHE_MAGIC = b"normalizer-lexicon-cache\n"
CACHE_DIGEST_SIZE = 32  # sha256 of the pickle that follows the magic and the digest
CACHE_CLASSES = frozenset({
    ("normalizer.lexicon", "Lexicon"), ("normalizer.lexicon", "Entity"),
    ("normalizer.lexicon", "Confusion"), ("normalizer.tries", "DeleteIndex"),
    ("normalizer.tries", "FrozenTable"), ("normalizer.tries", "WordBeginnings"),
    ("symspellpy.symspellpy", "SymSpell"),
    ("symspellpy.editdistance", "EditDistance"), ("symspellpy.editdistance", "DistanceAlgorithm"),
    ("normalizer.lexicon", "OsaDistance"), ("collections", "defaultdict"),
    ("builtins", "list"),
})
"""The only globals a cache file may name (see `_LexiconUnpickler`)."""

log = logging.getLogger(__name__)


class OsaDistance(AbstractDistanceComparer):
    """The distance symspellpy's `DAMERAU_OSA_FAST` computes (editdistpy's optimal string
    alignment, in C), called directly: symspellpy's own comparer imports editdistpy anew on
    every call, which costs as much as the comparison itself (a lookup makes dozens)."""

    distance = staticmethod(damerau_osa.distance)


# A name token worth indexing on its own: a capitalized word of at least three letters.
NAME_TOKEN = compile_regex(r"\p{Lu}[\p{L}\p{M}'’]+")
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


KEPT_CACHE_FILES = 4
"""Lexicon caches kept in the cache folder (one per gazetteer set in use, say), most
recently used first."""


def cache_dir() -> Path:
    """Where the lexicon cache lives: $NORMALIZER_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("NORMALIZER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "normalizer"


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
    listed: Collection[str] = frozenset()
    """The rare words a spell checker's dictionary lists (dictionaries/built/real_words.tsv:
    'roods', 'advisably'), a FrozenTable used as a set: kept in the cache, since reading the
    table at a run's first rare word cost a first pass over news a third of its time."""

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
             root / "built" / "misspellings.tsv", root / "built" / "foreign_words.tsv",
             real_words_file()]
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


def _index_names(files: list[tuple[Path, str]], common: dict[str, int]) -> dict[str, Entity]:
    """Index every name token by lowercase form; curated and user entries win over built.

    The common words of a multi-word organisation or place name ('Federal Bureau of
    Investigation', 'Great Barrier Reef') are words, not names: only its other tokens are
    indexed. People keep every token: 'Rice' and 'Bush' are surnames too."""
    names: dict[str, Entity] = {}
    for path, source in files:
        for name, kind in read_gazetteer_file(path):
            tokens = name_tokens(name)
            for token in tokens:
                key = token.lower()
                if kind in ("org", "place") and len(tokens) > 1 and key in common:
                    continue
                if key not in names or source != "built":
                    names[key] = Entity(token, kind, f"{source}:{path.name}")
    return names


def _name_pairs(files: list[tuple[Path, str]]) -> frozenset[str]:
    """The neighbouring capitalized word pairs of every multi-word name of the gazetteer files
    ('Sonia Sotomayor'; not 'of the' in 'Bank of the West'), lowercase."""
    pairs = set()
    for path, _ in files:
        for name, _ in read_gazetteer_file(path):
            pairs.update(f"{a} {b}".lower() for a, b in pairwise(name.split())
                         if a[0].isupper() and b[0].isupper())
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
    names = _index_names(gazetteer_files, common)
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
    misspellings = dict(read_misspellings(root / "built" / "misspellings.tsv"))
    beginnings = WordBeginnings.of({*common, *zipf, *names})
    foreign = frozenset(
        row[0] for row in read_rows(root / "built" / "foreign_words.tsv", ("word", "languages")))
    return Lexicon(common, zipf, names, bigrams, confusions, symspell, sources, misspellings,
                   beginnings, foreign, _name_pairs(gazetteer_files), listed)


def _read_tsv_space(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                yield parts


def _cache_key(extra: list[Path]) -> str:
    """What a cache file is named by: the settings, and the name, size and modification time
    of every data file and of the code that builds the cache (this module, `tries`,
    symspellpy's and marisa-trie's). Statting them, not reading them (13.5 MB) and asking
    importlib.metadata for versions, keeps 40-50 ms out of every start: an edited file or an
    upgrade changes what `stat` says all the same."""
    settings = f"format {CACHE_FORMAT} {SYMSPELL_MAX_DISTANCE} {SYMSPELL_PREFIX}"
    digest = hashlib.sha256(settings.encode())
    code = [Path(__file__), Path(tries.__file__), Path(symspellpy.__file__),
            Path(marisa_trie.__file__)]
    for path in [*_data_files(extra), *code]:
        try:
            info = path.stat()
        except OSError:
            digest.update(f"{path.name} missing\n".encode())
        else:
            digest.update(f"{path.name} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


class _LexiconUnpickler(pickle.Unpickler):
    """Builds only the classes a lexicon is made of: any other global in the stream is refused,
    so a cache file can never import or call anything else (defence in depth behind the
    ownership and digest checks)."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in CACHE_CLASSES:
            raise pickle.UnpicklingError(f"refused global {module}.{name}")
        return super().find_class(module, name)


def _untrusted(info: os.stat_result, what: str) -> str | None:
    """Why a cache file or folder with this status must not be trusted, or None."""
    if info.st_uid != os.geteuid():
        return f"{what} is owned by uid {info.st_uid}, not by this user (uid {os.geteuid()})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{what} is writable by other users (mode {stat.filemode(info.st_mode)})"
    return None


def _usable_folder(folder: Path) -> bool:
    """Whether the cache folder exists (it is created, private, when missing) and only this user
    can write to it; an unsafe folder is neither read nor written, with a logged note."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        reason = _untrusted(folder.stat(), "the folder")
    except OSError:
        return False  # no cache where none can be written: only start-up time is lost
    if reason:
        log.warning("lexicon cache folder %s not used: %s", folder, reason)
    return reason is None


def _load_cached(path: Path) -> Lexicon | None:
    """The lexicon stored at `path`, or None (with a logged note) unless the file is this
    user's own, not writable by others, and its content matches the digest it was saved with."""
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as fh:
            info = os.fstat(fh.fileno())
            reason = _untrusted(info, "the file") if stat.S_ISREG(info.st_mode) else "not a file"
            data = b"" if reason else fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        data, reason = b"", f"cannot be opened safely ({exc.strerror})"
    header = len(CACHE_MAGIC) + CACHE_DIGEST_SIZE
    if not reason and not (
        data.startswith(CACHE_MAGIC)
        and hmac.compare_digest(
            data[len(CACHE_MAGIC):header], hashlib.sha256(memoryview(data)[header:]).digest()
        )
    ):
        reason = "its content does not match its digest (damaged or altered)"
    if reason:
        log.warning("lexicon cache %s ignored and rebuilt: %s", path, reason)
        return None
    # Unpickling ~1M small objects is three times faster with the collector paused.
    enabled = gc.isenabled()
    gc.disable()
    try:
        stream = io.BytesIO(data)  # shares `data`, no copy
        stream.seek(header)
        lexicon = _LexiconUnpickler(stream).load()
        if not isinstance(lexicon, Lexicon):
            raise TypeError(f"holds a {type(lexicon).__name__}, not a lexicon")
    except (pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError) as exc:
        log.warning("lexicon cache %s ignored and rebuilt: %s", path, exc)
        return None
    finally:
        if enabled:
            gc.enable()
    return lexicon


def _save_cached(path: Path, lexicon: Lexicon) -> None:
    """Write the digest-prefixed pickle atomically, private to this user. Best effort: a
    read-only cache folder only costs start-up time."""
    payload = pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:  # mode 0600
            temporary = Path(tmp.name)
            tmp.write(CACHE_MAGIC + hashlib.sha256(payload).digest())
            tmp.write(payload)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return
    _prune_cache(path.parent)


def _prune_cache(folder: Path) -> None:
    """Remove all but the KEPT_CACHE_FILES most recently used lexicon caches: each new data
    file, version or gazetteer set writes a new one (about 47 MB), and nothing else would."""
    try:
        caches = sorted(folder.glob("lexicon-*.pickle"), key=lambda p: p.stat().st_mtime,
                        reverse=True)
        for stale in caches[KEPT_CACHE_FILES:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first, or the folder is read-only: harmless


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Lexicon:
    for path in extra:
        if not path.is_file():
            raise FileNotFoundError(f"gazetteer file not found: {path}")
    key = _cache_key(list(extra))
    folder = cache_dir()
    cache_file = folder / f"lexicon-{key}.pickle"
    usable = _usable_folder(folder)
    lexicon = _load_cached(cache_file) if usable else None
    if lexicon is None:
        lexicon = _build(list(extra))
        if usable:
            _save_cached(cache_file, lexicon)
    else:
        with contextlib.suppress(OSError):
            os.utime(cache_file)  # recently used: kept when the folder is pruned
    return lexicon


def load_lexicon(extra_gazetteer_files: Iterable[Path] = ()) -> Lexicon:
    """The process-wide lexicon (plus optional extra gazetteer TSV files), loaded once."""
    return _load(tuple(sorted(Path(p).resolve() for p in extra_gazetteer_files)))
