"""Cache files: digest-prefixed pickles in a private folder, read only when this user wrote
them and they are intact, and built only from the globals their kind allows.

Building the lexicon (symspell's million deletes, the tries) takes seconds; loading its
pickle, a fraction of one. Compiling the engine's regular expressions takes a fifth of a
second; loading them compiled, a few milliseconds. `normalizer.lexicon` and
`normalizer.pattern_cache` name their files (`file_key`) and decide when to build; this module
stores, checks and prunes.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import io
import logging
import os
import pickle
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_MAGIC = b"normalizer-lexicon-cache\n"
CACHE_DIGEST_SIZE = 32  # sha256 of the pickle that follows the magic and the digest
CACHE_CLASSES = frozenset({
    ("normalizer.lexicon", "Lexicon"), ("normalizer.lexicon", "Entity"),
    ("normalizer.lexicon", "Confusion"), ("normalizer.tries", "DeleteIndex"),
    ("normalizer.tries", "FrozenTable"), ("normalizer.tries", "WordBeginnings"),
    ("symspellpy.symspellpy", "SymSpell"),
    ("symspellpy.editdistance", "EditDistance"), ("symspellpy.editdistance", "DistanceAlgorithm"),
    ("normalizer.lexicon", "OsaDistance"), ("collections", "defaultdict"),
    ("builtins", "list"), ("normalizer.long_names", "LongNames"),
})
"""The only globals a lexicon cache file may name (see `_RestrictedUnpickler`)."""


log = logging.getLogger(__name__)

KEPT_CACHE_FILES = 4
"""Cache files of each kind kept in the cache folder (lexicons: one per gazetteer set in use,
say), most recently used first."""


def cache_dir() -> Path:
    """Where the cache files live: $NORMALIZER_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("NORMALIZER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "normalizer"


def file_key(settings: str, files: Iterable[Path]) -> str:
    """What a cache file is named by: `settings`, and the name, size and modification time
    of each of `files` (data and code). Statting them, not reading them (13.5 MB) and asking
    importlib.metadata for versions, keeps 40-50 ms out of every start: an edited file or an
    upgrade changes what `stat` says all the same."""
    digest = hashlib.sha256(settings.encode())
    for path in files:
        try:
            info = path.stat()
        except OSError:
            digest.update(f"{path.name} missing\n".encode())
        else:
            digest.update(f"{path.name} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


class _RestrictedUnpickler(pickle.Unpickler):
    """Builds only the `allowed` globals (a lexicon's classes, `regex`'s pattern rebuilder):
    any other global in the stream is refused, so a cache file can never import or call
    anything else (defence in depth behind the ownership and digest checks)."""

    def __init__(self, stream: io.BytesIO, allowed: frozenset[tuple[str, str]]) -> None:
        super().__init__(stream)
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"refused global {module}.{name}")
        return super().find_class(module, name)


def _untrusted(info: os.stat_result, what: str) -> str | None:
    """Why a cache file or folder with this status must not be trusted, or None."""
    if info.st_uid != os.geteuid():
        return f"{what} is owned by uid {info.st_uid}, not by this user (uid {os.geteuid()})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{what} is writable by other users (mode {stat.filemode(info.st_mode)})"
    return None


def usable_folder(folder: Path) -> bool:
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


def load_cached(path: Path, kind: type[T],
                allowed: frozenset[tuple[str, str]] = CACHE_CLASSES) -> T | None:
    """The `kind` of object (the lexicon, a pattern table) stored at `path`, built from the
    `allowed` globals only, or None (with a logged note) unless the file is this user's own,
    not writable by others, and its content matches the digest it was saved with."""
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
        log.warning("cache file %s ignored and rebuilt: %s", path, reason)
        return None
    # Unpickling ~1M small objects is three times faster with the collector paused.
    enabled = gc.isenabled()
    gc.disable()
    try:
        stream = io.BytesIO(data)  # shares `data`, no copy
        stream.seek(header)
        loaded = _RestrictedUnpickler(stream, allowed).load()
        if not isinstance(loaded, kind):
            raise TypeError(f"holds a {type(loaded).__name__}, not a {kind.__name__}")
    except (pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError) as exc:
        log.warning("cache file %s ignored and rebuilt: %s", path, exc)
        return None
    finally:
        if enabled:
            gc.enable()
    return loaded


def save_cached(path: Path, content: object) -> None:
    """Write the digest-prefixed pickle atomically, private to this user. Best effort: a
    read-only cache folder only costs start-up time."""
    payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
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
    _prune_cache(path.parent, path.name.partition("-")[0])


def _prune_cache(folder: Path, kind: str) -> None:
    """Remove all but the KEPT_CACHE_FILES most recently used cache files of a `kind` (their
    names' start, 'lexicon'): each new data file, version or gazetteer set writes a new
    lexicon cache (about 47 MB), and nothing else would remove the old."""
    try:
        caches = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime,
                        reverse=True)
        for stale in caches[KEPT_CACHE_FILES:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first, or the folder is read-only: harmless
