"""Rule packs: the TOML files under `dictionaries/boilerplate/`, parsed, validated and compiled.

Each `*.toml` file under `dictionaries/boilerplate/` (and under the directories named by the
`NORMALIZER_BOILERPLATE_PATH` environment variable) is a *pack* of rules with stable ids such as
`newsletter.signup`; docs/boilerplate.md documents the format. Packs are plain data: no code runs
from them, and an invalid file is a `PackError` naming the file and the rule.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..lexicon import dictionaries_dir
from ..patterns import Pattern, compile_regex
from ..profile import ConfigError, read_toml

PATH_ENV = "NORMALIZER_BOILERPLATE_PATH"
"""Environment variable: extra pack directories, separated by `os.pathsep`."""

# The longest paragraph any rule can trigger on is far below this, so long prose is skipped
# without normalizing it.
_CHARS_PER_WORD = 30


class PackError(ConfigError):
    """A boilerplate pack is missing, malformed or has an invalid rule."""


@dataclass(frozen=True, slots=True)
class BodySpec:
    """What the paragraphs after a box heading must look like to be removed with it."""

    pattern: Pattern
    min_count: int
    max_count: int
    min_words: int
    max_words: int
    reject: Pattern | None


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate rule; `body` is set for box rules (heading + following paragraphs).

    `examples` and `counter_examples` are real wordings the rule must and must not remove; the
    test suite checks both, so the pack documents its family and proves it.
    """

    id: str
    pack: str
    description: str
    pattern: Pattern
    keywords: tuple[str, ...]
    min_words: int
    max_words: int
    require: Pattern | None
    reject: Pattern | None
    unless_next: Pattern | None
    unless_document: Pattern | None
    title: bool
    not_first: bool
    confidence: float
    reason: str
    body: BodySpec | None
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pack:
    """A parsed pack file: its header and its rules, in file order."""

    id: str
    description: str
    provenance: str
    licence: str
    path: Path
    rules: tuple[Rule, ...]


def pack_dirs() -> tuple[Path, ...]:
    """Pack directories: the shipped one, then those in `$NORMALIZER_BOILERPLATE_PATH`."""
    return _pack_dirs(dictionaries_dir(), os.environ.get(PATH_ENV, ""))


@lru_cache(maxsize=8)
def _pack_dirs(dictionaries: Path, extra: str) -> tuple[Path, ...]:
    """The same tuple for the same settings: `load_rules`'s cache, asked once per document,
    then hashes paths it has hashed before instead of new ones."""
    return (dictionaries / "boilerplate", *(Path(p) for p in extra.split(os.pathsep) if p))


_PACK_KEYS = {"id", "description", "provenance", "licence", "reject", "rules"}
_RULE_KEYS = {
    "id", "description", "pattern", "keywords", "min-words", "max-words", "require", "reject",
    "unless-next", "unless-document", "title", "not-first", "confidence", "reason", "body",
    "examples", "counter-examples",
}
_BODY_KEYS = {"pattern", "min-count", "max-count", "min-words", "max-words", "reject"}


def get_key(
    table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = None
) -> Any:
    """`table[key]` checked to be of `kind` (`default` when absent; no default: required)."""
    value = table.get(key, default)
    if value is None:
        raise PackError(f"{where}: missing required key {key!r}")
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        name = kind.__name__ if isinstance(kind, type) else "a number"
        raise PackError(f"{where}: {key!r} must be {name}, got {type(value).__name__}")
    return value


def compile_pack_pattern(source: str | None, where: str) -> Pattern | None:
    """Compile a pack regex (the `regex` module); `None` stays `None`."""
    if source is None:
        return None
    try:
        return compile_regex(source)
    except regex.error as exc:
        raise PackError(f"{where}: invalid regular expression: {exc}") from exc


def check_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    """Raise `PackError` on the first key of `table` that is not `allowed`."""
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(f"{where}: unknown key {unknown[0]!r}")


def string_list(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """An optional list of non-empty strings."""
    values = get_key(table, key, list, where, [])
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise PackError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(values)


def _parse_body(table: Any, where: str) -> BodySpec:
    if not isinstance(table, dict):
        raise PackError(f"{where}: 'body' must be a table")
    check_keys(table, _BODY_KEYS, where)
    spec = BodySpec(
        pattern=compile_pack_pattern(get_key(table, "pattern", str, where), where),  # type: ignore[arg-type]
        min_count=get_key(table, "min-count", int, where, 1),
        max_count=get_key(table, "max-count", int, where, 1),
        min_words=get_key(table, "min-words", int, where, 1),
        max_words=get_key(table, "max-words", int, where),
        reject=compile_pack_pattern(table.get("reject"), where),
    )
    if not 0 <= spec.min_count <= spec.max_count:
        raise PackError(f"{where}: need 0 <= min-count <= max-count")
    return spec


def _parse_rule(table: Any, pack_id: str, pack_reject: str | None, where: str) -> Rule:
    if not isinstance(table, dict):
        raise PackError(f"{where}: each entry of 'rules' must be a table")
    check_keys(table, _RULE_KEYS, where)
    rule_id = get_key(table, "id", str, where)
    where = f"{where} ({rule_id})"
    keywords = get_key(table, "keywords", list, where)
    if not keywords or not all(isinstance(k, str) and k and k == k.lower() for k in keywords):
        raise PackError(f"{where}: 'keywords' must be a non-empty list of lowercase strings")
    confidence = float(get_key(table, "confidence", (int, float), where))
    if not 0.0 < confidence <= 1.0:
        raise PackError(f"{where}: 'confidence' must be in (0, 1]")
    rejects = [r for r in (pack_reject, table.get("reject")) if r is not None]
    return Rule(
        id=rule_id,
        pack=pack_id,
        description=get_key(table, "description", str, where, ""),
        pattern=compile_pack_pattern(get_key(table, "pattern", str, where), where),  # type: ignore[arg-type]
        keywords=tuple(keywords),
        min_words=get_key(table, "min-words", int, where, 1),
        max_words=get_key(table, "max-words", int, where),
        require=compile_pack_pattern(table.get("require"), where),
        reject=compile_pack_pattern(
            "|".join(f"(?:{r})" for r in rejects) if rejects else None, where
        ),
        unless_next=compile_pack_pattern(table.get("unless-next"), where),
        unless_document=compile_pack_pattern(table.get("unless-document"), where),
        title=get_key(table, "title", bool, where, False),
        not_first=get_key(table, "not-first", bool, where, False),
        confidence=confidence,
        reason=get_key(table, "reason", str, where),
        body=_parse_body(table["body"], f"{where} body") if "body" in table else None,
        examples=string_list(table, "examples", where),
        counter_examples=string_list(table, "counter-examples", where),
    )


def parse_pack(path: Path) -> Pack:
    """Read and validate one pack file; raise `PackError` naming the file and the rule."""
    data = read_toml(path, "pack", PackError)
    where = str(path.name)
    check_keys(data, _PACK_KEYS, where)
    pack_id = get_key(data, "id", str, where)
    pack_reject = data.get("reject")
    if pack_reject is not None and not isinstance(pack_reject, str):
        raise PackError(f"{where}: 'reject' must be a string")
    rules = tuple(
        _parse_rule(table, pack_id, pack_reject, f"{where} rule {i + 1}")
        for i, table in enumerate(get_key(data, "rules", list, where))
    )
    return Pack(
        id=pack_id,
        description=get_key(data, "description", str, where),
        provenance=get_key(data, "provenance", str, where),
        licence=get_key(data, "licence", str, where),
        path=path,
        rules=rules,
    )


def available_packs(dirs: Iterable[Path]) -> dict[str, Path]:
    """Pack id -> file; a pack in a later directory replaces a shipped pack with the same id."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            found[parse_pack(path).id] = path
    return found


class RuleSet:
    """The compiled rules of the selected packs, by the word counts they fit (with their
    keywords: a paragraph holding none of its word count's is not tested at all)."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        # Paragraphs longer than this cannot trigger any rule and are not even normalized.
        self.char_limit = max((r.max_words for r in rules), default=0) * _CHARS_PER_WORD
        self._by_words: dict[int, tuple[tuple[Rule, ...], tuple[str, ...]]] = {}

    def candidates(self, words: int) -> tuple[tuple[Rule, ...], tuple[str, ...]]:
        """Rules that may fit a line of `words` words, and their keywords."""
        entry = self._by_words.get(words)
        if entry is None:
            # One word of slack: a leading bullet counts here but not once normalized.
            rules = tuple(r for r in self.rules if r.min_words <= words <= r.max_words + 1)
            keywords = tuple(sorted({k for r in rules for k in r.keywords}))
            entry = self._by_words[words] = (rules, keywords)
        return entry


@lru_cache(maxsize=32)
def load_rules(pack_ids: tuple[str, ...] | None, dirs: tuple[Path, ...]) -> RuleSet:
    """The compiled rules of the selected packs (`None`: every pack found), cached per call key."""
    found = available_packs(dirs)
    selected = sorted(found) if pack_ids is None else pack_ids
    rules: list[Rule] = []
    for pack_id in selected:
        if pack_id not in found:
            known = ", ".join(sorted(found)) or "none"
            raise PackError(f"boilerplate-packs: unknown pack {pack_id!r} (known: {known})")
        rules.extend(parse_pack(found[pack_id]).rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise PackError(f"boilerplate rule id {rule.id!r} is defined by more than one pack")
        seen.add(rule.id)
    # Box rules are tried first so a heading is removed together with its body.
    return RuleSet(tuple(sorted(rules, key=lambda r: r.body is None)))
