"""Profiles and configuration files.

A `Profile` is everything that changes what the engine does: mode, confidence threshold,
enabled stages, allow list, extra gazetteer entries and files, boilerplate packs, typography,
the OCR channel (and a collection's own confusions), the context model and the document
format. Configuration lives in `normalizer.toml` / `.normalizer.toml` (top-level keys) or in
the `[tool.normalizer]` table of `pyproject.toml`. Unknown keys are errors, never ignored.

Named profiles ship with the package as normalizer/profiles/<name>.toml (`archive`: historical
OCR). `profile = "archive"` in a config file starts from that profile, and the file's other
keys refine it; `named_profile("archive")` returns it in Python.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .data_files import CHECKS, check_gazetteer
from .formats import FORMATS
from .model import STAGES

CONFIG_NAMES = ("normalizer.toml", ".normalizer.toml", "pyproject.toml")
MODES = ("fix", "suggest")
TYPOGRAPHY = ("keep", "ascii")
ENTITY_TYPES = ("person", "place", "org", "name", "other")
CHANNELS = ("builtin", "learned")
"""`builtin`: the hand-written confusions (dictionaries/confusions.tsv) alone; `learned`: the
confusions learned from real newspaper OCR (dictionaries/built/channel.tsv) over them."""


class ConfigError(ValueError):
    """A configuration file or value is invalid; the message names the key and the cause."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    type: str = "name"


@dataclass(frozen=True, slots=True)
class Profile:
    """Engine settings. Immutable; derive variants with `Profile.with_overrides`."""

    mode: str = "fix"
    threshold: float = 0.8
    stages: tuple[str, ...] = STAGES
    allow: frozenset[str] = frozenset()
    gazetteer: tuple[GazetteerEntry, ...] = ()
    gazetteer_files: tuple[Path, ...] = ()
    boilerplate_packs: tuple[str, ...] | None = None  # None: every pack shipped
    typography: str = "keep"
    dehyphenate: bool = False
    channel: str = "builtin"
    confusions_file: Path | None = None
    """Extra OCR confusions (a channel.tsv-format table, e.g. learned by `normalizer learn`):
    each lowers the channel cost of its pair to its own where it is cheaper."""
    context_model: bool = False
    """Decide lowercase words with the trigram context model: real words ('tho', 'aud') become
    suspects, and candidates are weighed by what the sentence around them says."""
    dense_ocr: bool = True
    """Read a plain-text document misread as densely as historical OCR with the `archive`
    profile's channel, context model and threshold (see normalizer.dense_ocr)."""
    context_counts: Path | None = None
    """A collection's own n-gram counts (learned by `normalizer learn`), mixed into the
    context model (see normalizer.collection_model)."""
    corpus_corrections: Path | None = None
    """A collection's recurring misreadings (learned by `normalizer learn`), corrected in
    every occurrence the decisions leave (see normalizer.corpus_corrections)."""
    name: str = "default"
    format: str = "auto"  # text, markdown, rst; auto: by file name, text without one

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"mode: expected one of {', '.join(MODES)}, got {self.mode!r}")
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"threshold: expected a number in [0, 1], got {self.threshold!r}")
        for stage in self.stages:
            if stage not in STAGES:
                raise ConfigError(f"stages: unknown stage {stage!r} (known: {', '.join(STAGES)})")
        if self.format not in FORMATS:
            raise ConfigError(f"format: expected one of {', '.join(FORMATS)}, got {self.format!r}")
        if self.typography not in TYPOGRAPHY:
            raise ConfigError(f"typography: expected one of {', '.join(TYPOGRAPHY)}")
        if self.channel not in CHANNELS:
            raise ConfigError(f"channel: expected one of {', '.join(CHANNELS)}, "
                              f"got {self.channel!r}")
        for entry in self.gazetteer:
            if entry.type not in ENTITY_TYPES:
                raise ConfigError(
                    f"gazetteer: entry {entry.name!r} has unknown type {entry.type!r} "
                    f"(known: {', '.join(ENTITY_TYPES)})"
                )

    def with_overrides(
        self,
        *,
        mode: str | None = None,
        only: list[str] | tuple[str, ...] | None = None,
        skip: list[str] | tuple[str, ...] | None = None,
        allow: list[str] | tuple[str, ...] | frozenset[str] | None = None,
        gazetteer: list[GazetteerEntry] | tuple[GazetteerEntry, ...] | None = None,
        threshold: float | None = None,
        format: str | None = None,
    ) -> Profile:
        """A copy with per-call changes: `only`/`skip` select stages, `allow`/`gazetteer` add."""
        for name, values in (("only", only), ("skip", skip)):
            for stage in values or ():
                if stage not in STAGES:
                    known = ", ".join(STAGES)
                    raise ConfigError(f"{name}: unknown stage {stage!r} (known: {known})")
        stages = tuple(s for s in self.stages if (not only or s in only) and s not in (skip or ()))
        return replace(
            self,
            mode=mode or self.mode,
            stages=stages,
            allow=self.allow | frozenset(allow or ()),
            gazetteer=self.gazetteer + tuple(gazetteer or ()),
            threshold=self.threshold if threshold is None else threshold,
            format=format or self.format,
        )


@dataclass(frozen=True, slots=True)
class FileOptions:
    """Settings of the command line's file walker (not used by the engine)."""

    include: tuple[str, ...] = ("*.txt", "*.md", "*.rst", "*.text")
    exclude: tuple[str, ...] = ()
    max_file_size: int = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Config:
    profile: Profile = field(default_factory=Profile)
    files: FileOptions = field(default_factory=FileOptions)
    source: Path | None = None


def _expect(key: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ConfigError(f"{key}: expected {what}, got {type(value).__name__}")
    return value


def _data_file(key: str, value: Any, base_dir: Path) -> Path:
    """The data file a key names, relative to `base_dir`: it must exist and be well formed
    (checked now by `normalizer.data_files`; the engine reads it at first use)."""
    path = base_dir / _expect(key, value, str, "a string")
    if not path.is_file():
        raise ConfigError(f"{key}: {path}: no such file")
    try:
        if key == "gazetteer-files":
            check_gazetteer(path, ENTITY_TYPES)
        else:
            CHECKS[key](path)
    except (OSError, ValueError) as exc:  # the check names the file and line
        raise ConfigError(f"{key}: {exc}") from None
    return path


def _string_list(key: str, value: Any) -> tuple[str, ...]:
    _expect(key, value, list, "a list of strings")
    for item in value:
        _expect(key, item, str, "a list of strings")
    return tuple(value)


def profile_names() -> list[str]:
    """The named profiles shipped with the package, `default` first."""
    shipped = importlib.resources.files("normalizer") / "profiles"
    named = (p.name.removesuffix(".toml") for p in shipped.iterdir() if p.name.endswith(".toml"))
    return ["default", *sorted(named)]


def named_profile(name: str) -> Profile:
    """A profile shipped with the package (`default`, `archive`); ConfigError names the known
    ones when `name` is not one of them."""
    return _named_settings(name)[0]


def _named_settings(name: str) -> tuple[Profile, dict[str, Any]]:
    """The named profile and the settings it was made from (config keys -> Profile fields)."""
    if not isinstance(name, str) or name not in profile_names():
        raise ConfigError(
            f"profile: unknown profile {name!r} (known: {', '.join(profile_names())})"
        )
    if name == "default":
        return Profile(), {}
    path = importlib.resources.files("normalizer") / "profiles" / f"{name}.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    settings, _ = _settings(table, Path("."), nested=False)
    return Profile(**settings, name=name), settings


def parse_config(table: dict[str, Any], base_dir: Path, source: Path | None = None) -> Config:
    """Validate a config table (TOML keys in kebab-case); relative paths resolve from base_dir.
    A `profile` key starts from that named profile; the other keys refine it."""
    profile, files = _settings(table, base_dir, nested=True)
    return Config(Profile(**profile), FileOptions(**files), source)


def _settings(
    table: dict[str, Any], base_dir: Path, nested: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(Profile fields, FileOptions fields) of a config table; `nested`: a `profile` key is
    allowed (a named profile's own file may not name another)."""
    profile: dict[str, Any] = {}
    files: dict[str, Any] = {}
    if nested and "profile" in table:
        name = _expect("profile", table["profile"], str, "a string")
        profile.update(_named_settings(name)[1], name=name)
    for key, value in table.items():
        if key == "profile" and nested:
            continue
        if key == "mode":
            profile["mode"] = _expect(key, value, str, "a string")
        elif key == "threshold":
            profile["threshold"] = float(_expect(key, value, (int, float), "a number"))
        elif key == "stages":
            profile["stages"] = _string_list(key, value)
        elif key == "allow":
            profile["allow"] = frozenset(_string_list(key, value))
        elif key == "gazetteer":
            _expect(key, value, list, "a list of {name, type} tables")
            entries = []
            for item in value:
                _expect(key, item, dict, "a list of {name, type} tables")
                unknown = set(item) - {"name", "type"}
                if unknown:
                    raise ConfigError(f"gazetteer: unknown key {sorted(unknown)[0]!r} in an entry")
                name = _expect("gazetteer.name", item.get("name"), str, "a string")
                kind = _expect("gazetteer.type", item.get("type", "name"), str, "a string")
                entries.append(GazetteerEntry(name, kind))
            profile["gazetteer"] = tuple(entries)
        elif key == "gazetteer-files":
            profile["gazetteer_files"] = tuple(_data_file(key, p, base_dir)
                                               for p in _string_list(key, value))
        elif key == "boilerplate-packs":
            profile["boilerplate_packs"] = _string_list(key, value)
        elif key == "typography":
            profile["typography"] = _expect(key, value, str, "a string")
        elif key == "format":
            profile["format"] = _expect(key, value, str, "a string")
        elif key == "dehyphenate":
            profile["dehyphenate"] = _expect(key, value, bool, "true or false")
        elif key == "channel":
            profile["channel"] = _expect(key, value, str, "a string")
        elif key == "confusions-file":
            profile["confusions_file"] = _data_file(key, value, base_dir)
        elif key == "context-model":
            profile["context_model"] = _expect(key, value, bool, "true or false")
        elif key == "dense-ocr":
            profile["dense_ocr"] = _expect(key, value, bool, "true or false")
        elif key == "context-counts":
            profile["context_counts"] = _data_file(key, value, base_dir)
        elif key == "corpus-corrections":
            profile["corpus_corrections"] = _data_file(key, value, base_dir)
        elif key in ("include", "exclude"):
            files[key] = _string_list(key, value)
        elif key == "max-file-size":
            files["max_file_size"] = _expect(key, value, int, "an integer (bytes)")
        else:
            raise ConfigError(f"unknown configuration key {key!r}")
    return profile, files


def read_toml(path: Path, what: str, error: type[ConfigError] = ConfigError) -> dict[str, Any]:
    """Parse a TOML file; raise `error` naming the file and the cause."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: invalid TOML: {exc}") from exc


def load_config(path: Path) -> Config:
    """Read a config file: `pyproject.toml` uses `[tool.normalizer]`, others the top level.

    Every error names the file: ``PATH: cause``.
    """
    data = read_toml(path, "config")
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("normalizer", {})
    try:
        return parse_config(data, path.parent, path)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def discover_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`; a pyproject.toml counts only with a
    `[tool.normalizer]` table."""
    start = start.resolve()
    for folder in (start, *start.parents) if start.is_dir() else start.parents:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                with candidate.open("rb") as fh:
                    if "normalizer" in tomllib.load(fh).get("tool", {}):
                        return candidate
            except (OSError, tomllib.TOMLDecodeError):
                continue
    return None
