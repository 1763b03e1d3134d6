"""The systems compared: this project and the peers a user would otherwise pick.

A system maps a document to a corrected document (`System.correct`) and a single word to a
ranked list of candidates (`System.candidates`, for the word-pair sets).

Fair treatment of the peers: every word-level peer sees the same tokens (`metrics.TOKEN_RE`
matches made only of letters and apostrophes; tokens with digits are never sent), gets each
distinct token once (answers are memoized per run), and its first suggestion replaces the
token in place with the token's case pattern kept (`match_case`): ALL CAPS stays all caps, a
capital initial stays capital. Punctuation, spacing and line breaks are never touched, so any
difference in the scores comes from the correction decisions alone. symspellpy's
lookup_compound, which works on whole lines, has its line output aligned back to the line's
tokens the same way (`SymSpellCompound`).

Peers needing something absent (a Debian package, a Python package) raise `Unavailable`; the
harness prints the reason and skips them (`bench/install_peers.sh` installs everything).
"""

from __future__ import annotations

import difflib
import importlib.metadata
import re
import shutil
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from bench.metrics import TOKEN_RE

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
"""The tokens sent to word-level peers: `TOKEN_RE` tokens made of letters and apostrophes."""


class Unavailable(RuntimeError):
    """A system cannot run on this machine; the message says what to install."""


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError as error:
        raise Unavailable(f"{name} is not installed (pip install -e '.[bench]')") from error


def match_case(original: str, replacement: str) -> str:
    """`replacement` with the case pattern of `original` (ALL CAPS, Capitalized, else as is)."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class System(ABC):
    """A correction system under test."""

    name: str
    version: str
    note: str = ""
    """Caveats shown under the tables (e.g. how candidates are ranked)."""
    speed_only: bool = False
    """Whether only bench/speed.py runs it by default (its corrections are another's)."""

    @abstractmethod
    def correct(self, text: str) -> str:
        """The corrected document."""

    @abstractmethod
    def candidates(self, word: str) -> list[str]:
        """Ranked candidate corrections of one word (the word itself when it is accepted)."""


class Engine(System):
    """This project with the default profile."""

    name = "normalizer"
    profile = "default"

    def __init__(self) -> None:
        import normalizer
        from normalizer import correction, pipeline

        self._normalizer = normalizer.Normalizer(profile=self.profile)
        self.version = normalizer.__version__
        self._rank: Callable[[str], list[str]] | None = None
        ranker = getattr(correction, "candidates", None)
        if ranker is None:
            self.note = "no spelling.candidates(): @1 from normalize(word), @5 = @1"
        else:
            context = pipeline.StageContext(self._normalizer.profile, self._normalizer.lexicon)
            self._rank = lambda word: list(ranker(word, context))

    def correct(self, text: str) -> str:
        return self._normalizer.normalize(text).text

    def candidates(self, word: str) -> list[str]:
        if self._rank is not None:
            return self._rank(word) or [word]
        return [self._normalizer.normalize(word).text]


class ArchiveEngine(Engine):
    """This project with the `archive` profile (historical OCR)."""

    name = "normalizer (archive)"
    profile = "archive"


class TokenPeer(System):
    """A peer asked about one word at a time; see the module docstring for the protocol."""

    memoized = True
    """Whether each distinct word is asked once per run (every peer but a speed baseline)."""

    def __init__(self) -> None:
        self._memo: dict[str, str | None] = {}

    @abstractmethod
    def suggest(self, word: str) -> str | None:
        """The peer's correction of `word`, or None when it accepts the word."""

    def correct(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            word = match.group()
            if not self.memoized:
                fix = self.suggest(word)
            else:
                if word not in self._memo:
                    self._memo[word] = self.suggest(word)
                fix = self._memo[word]
            return match_case(word, fix) if fix else word

        return _WORD_RE.sub(replace, text)


class SymSpellLookup(TokenPeer):
    """symspellpy `lookup` (Verbosity.TOP, max distance 2, bundled 82,765-word dictionary) on
    the lowercased token; candidates from Verbosity.ALL (distance, then frequency)."""

    name = "symspell lookup"

    def __init__(self) -> None:
        super().__init__()
        self.version = _package_version("symspellpy")
        from symspellpy import SymSpell, Verbosity

        self._verbosity = Verbosity
        self._symspell = _load_symspell(SymSpell, bigrams=False)

    def suggest(self, word: str) -> str | None:
        found = self._symspell.lookup(word.lower(), self._verbosity.TOP, max_edit_distance=2)
        return found[0].term if found and found[0].distance > 0 else None

    def candidates(self, word: str) -> list[str]:
        found = self._symspell.lookup(word.lower(), self._verbosity.ALL, max_edit_distance=2)
        return [item.term for item in found] or [word]


class SymSpellPerToken(SymSpellLookup):
    """`SymSpellLookup` without the memo: one `lookup` per token, repeats included. The speed
    bar of the issue this project is measured by names "bare symspellpy per-token lookup";
    the memoized peer, which every word-level peer is by default, is the harder comparison,
    and both are reported. Its corrections are `SymSpellLookup`'s, so it only runs in the
    speed benchmark."""

    name = "symspell per-token"
    speed_only = True
    memoized = False


def _load_symspell(symspell_class: type, bigrams: bool) -> object:
    import symspellpy

    folder = Path(symspellpy.__file__).parent
    symspell = symspell_class(max_dictionary_edit_distance=2, prefix_length=7)
    symspell.load_dictionary(folder / "frequency_dictionary_en_82_765.txt", 0, 1)
    if bigrams:
        symspell.load_bigram_dictionary(folder / "frequency_bigramdictionary_en_243_342.txt", 0, 2)
    return symspell


class SymSpellCompound(System):
    """symspellpy `lookup_compound` (max distance 2, bundled unigram + bigram dictionaries,
    ignore_non_words, transfer_casing) per line; its output words are aligned back to the
    line's tokens, a 1:1 change replaces the token, a split or merge replaces the token run."""

    name = "symspell compound"
    note = "lookup_compound returns one suggestion: @5 = @1"

    def __init__(self) -> None:
        self.version = _package_version("symspellpy")
        from symspellpy import SymSpell

        self._symspell = _load_symspell(SymSpell, bigrams=True)

    def _compound(self, line: str) -> str:
        found = self._symspell.lookup_compound(
            line, max_edit_distance=2, ignore_non_words=True, transfer_casing=True
        )
        return found[0].term if found else line

    def correct(self, text: str) -> str:
        return "\n".join(self._correct_line(line) for line in text.split("\n"))

    def _correct_line(self, line: str) -> str:
        tokens = list(TOKEN_RE.finditer(line))
        if not tokens:
            return line
        words = TOKEN_RE.findall(self._compound(line))
        matcher = difflib.SequenceMatcher(
            None, [t.group().lower() for t in tokens], [w.lower() for w in words], autojunk=False
        )
        changes: list[tuple[int, int, str]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "replace":
                continue  # kept tokens; dropped tokens (punctuation-like) stay in the text
            if i2 - i1 == j2 - j1:
                changes += [
                    (t.start(), t.end(), match_case(t.group(), w))
                    for t, w in zip(tokens[i1:i2], words[j1:j2], strict=True)
                ]
            else:
                changes.append((tokens[i1].start(), tokens[i2 - 1].end(), " ".join(words[j1:j2])))
        for start, end, replacement in reversed(changes):
            line = line[:start] + replacement + line[end:]
        return line

    def candidates(self, word: str) -> list[str]:
        return [self._compound(word)]


class PySpellChecker(TokenPeer):
    """pyspellchecker (English, distance 2): `correction()` of each unknown lowercased token;
    candidates = `candidates()` ranked by word frequency, as `correction()` ranks them."""

    name = "pyspellchecker"

    def __init__(self) -> None:
        super().__init__()
        self.version = _package_version("pyspellchecker")
        from spellchecker import SpellChecker

        self._spell = SpellChecker(language="en", distance=2)

    def suggest(self, word: str) -> str | None:
        lower = word.lower()
        if self._spell.known([lower]):
            return None
        fix = self._spell.correction(lower)
        return fix if fix and fix != lower else None

    def candidates(self, word: str) -> list[str]:
        found = self._spell.candidates(word.lower()) or set()
        return sorted(found, key=lambda c: (-self._spell.word_usage_frequency(c), c)) or [word]


def _debian_version(package: str) -> str:
    """``", <package> <version>"`` from dpkg when it knows the package, else ``""``."""
    if shutil.which("dpkg-query") is None:
        return ""
    found = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True
    )
    return f", {package} {found.stdout.strip()}" if found.returncode == 0 else ""


class PipeSpeller(TokenPeer):
    """An Ispell-compatible checker in pipe mode (``-a``): one ``^word`` line per token, the
    first suggestion of an ``&`` answer replaces it; ``#`` (no suggestion) keeps it."""

    def __init__(self, name: str, command: list[str], dictionary: str, install: str) -> None:
        super().__init__()
        self.name = name
        if shutil.which(command[0]) is None:
            raise Unavailable(f"{command[0]} is not installed ({install})")
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        assert self._process.stdin and self._process.stdout
        self._stdin, self._stdout = self._process.stdin, self._process.stdout
        banner = self._stdout.readline()
        if not banner:
            raise Unavailable(f"{name} did not start: {self._process.stderr.read().strip()}")
        found = re.search(r"but really (.+?)\)", banner)
        self.version = (found.group(1) if found else banner.strip()) + _debian_version(dictionary)

    def _ask(self, word: str) -> list[str] | None:
        """Suggestions for `word`, or None when the checker accepts it."""
        self._stdin.write(f"^{word}\n")
        self._stdin.flush()
        answers = []
        while line := self._stdout.readline().rstrip("\n"):
            answers.append(line)
        for answer in answers:
            if answer.startswith("&"):
                return answer.split(": ", 1)[1].split(", ")
            if answer.startswith("#"):
                return []
        return None

    def suggest(self, word: str) -> str | None:
        found = self._ask(word)
        return found[0] if found else None

    def candidates(self, word: str) -> list[str]:
        return self._ask(word) or [word]


class Autocorrect(TokenPeer):
    """autocorrect `Speller('en').autocorrect_word` per token (it keeps a capital initial);
    candidates = `get_candidates` ranked by its word frequencies."""

    name = "autocorrect"

    def __init__(self) -> None:
        super().__init__()
        self.version = _package_version("autocorrect")
        from autocorrect import Speller

        self._speller = Speller("en")

    def suggest(self, word: str) -> str | None:
        fix = self._speller.autocorrect_word(word)
        return fix if fix != word else None

    def candidates(self, word: str) -> list[str]:
        return [w for _count, w in sorted(self._speller.get_candidates(word.lower()), reverse=True)]


class Codespell(TokenPeer):
    """codespell's default dictionaries (``clear,rare``), applied as ``codespell
    --write-changes`` does: a known misspelling with a single fix is replaced; entries with
    several fixes are only candidates (codespell leaves them for interactive choice)."""

    name = "codespell"

    def __init__(self) -> None:
        super().__init__()
        self.version = _package_version("codespell")
        from codespell_lib import _codespell

        self._misspellings: dict = {}
        data = Path(_codespell.__file__).parent / "data"
        wanted = _codespell._builtin_default.split(",")
        for name, _doc, suffix, *_rest in _codespell._builtin_dictionaries:
            if name in wanted:
                path = data / f"dictionary{suffix}.txt"
                _codespell.build_dict(str(path), self._misspellings, set())

    def _fixes(self, word: str) -> tuple[list[str], bool]:
        entry = self._misspellings.get(word.lower())
        if entry is None:
            return [], False
        return [c.strip() for c in entry.data.split(",") if c.strip()], entry.fix

    def suggest(self, word: str) -> str | None:
        fixes, automatic = self._fixes(word)
        return fixes[0] if automatic and fixes else None

    def candidates(self, word: str) -> list[str]:
        return self._fixes(word)[0] or [word]


_APT = "bench/install_peers.sh, or apt-get install hunspell hunspell-en-us aspell aspell-en"

SYSTEMS: dict[str, Callable[[], System]] = {
    "normalizer": Engine,
    "normalizer-archive": ArchiveEngine,
    "symspell lookup": SymSpellLookup,
    "symspell per-token": SymSpellPerToken,
    "symspell compound": SymSpellCompound,
    "pyspellchecker": PySpellChecker,
    "hunspell": lambda: PipeSpeller(
        "hunspell", ["hunspell", "-a", "-d", "en_US", "-i", "utf-8"], "hunspell-en-us", _APT
    ),
    "aspell": lambda: PipeSpeller(
        "aspell", ["aspell", "-a", "--lang=en", "--encoding=utf-8"], "aspell-en", _APT
    ),
    "autocorrect": Autocorrect,
    "codespell": Codespell,
}
"""Every system, by name, in table order."""


def _speed_only(name: str) -> bool:
    return getattr(SYSTEMS[name], "speed_only", False)


def build(names: list[str] | None = None) -> tuple[list[System], dict[str, str]]:
    """Construct the named systems (by default all but the `speed_only` ones): (the ones that
    run, {name: skip reason})."""
    systems: list[System] = []
    skipped: dict[str, str] = {}
    for name in names or [n for n in SYSTEMS if not _speed_only(n)]:
        if name not in SYSTEMS:
            raise KeyError(f"unknown system {name!r} (known: {', '.join(SYSTEMS)})")
        try:
            systems.append(SYSTEMS[name]())
        except Unavailable as error:
            skipped[name] = str(error)
    return systems, skipped
