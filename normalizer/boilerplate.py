"""Boilerplate stage: removes promo blocks that sites inject into article text.

Rules are data, not code: each `*.toml` file under `dictionaries/boilerplate/` (and under the
directories named by the `NORMALIZER_BOILERPLATE_PATH` environment variable) is a *pack* of rules
with stable ids such as `newsletter.signup` (see docs/boilerplate.md for the format).

The stage works on *paragraphs*, which are the non-blank lines of the text (blank-line separated
layouts and one-line-per-paragraph layouts alike). A rule either matches one paragraph (`Sign up
for ...`, `Advertisement`) or is a *box*: a heading paragraph followed by a bounded number of
short body paragraphs (`Understand the ...` + `Who are the Taliban? ...`). Only whole paragraphs
are ever removed, so a paragraph that merely mentions a newsletter is never cut into.

Each removal takes the block and the separator after it, up to the start of the next kept
paragraph, so the paragraphs around it stay separated exactly as before. When that would join
two blocks (the promo ends a block or the document), the separator before it goes instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from .lexicon import dictionaries_dir
from .model import Edit
from .profile import ConfigError, read_toml

if TYPE_CHECKING:
    from .pipeline import StageContext

PATH_ENV = "NORMALIZER_BOILERPLATE_PATH"
"""Environment variable: extra pack directories, separated by `os.pathsep`."""

_LINE = re.compile(r"[^\r\n]+")
# A leading bullet or arrow and one level of enclosing brackets are layout, not content.
_BULLET = re.compile(r"^(?:[•·▪►▸▶→»*]|-(?=\s))\s*")
_BRACKETS = {"[": "]", "(": ")"}
_TITLE_END = re.compile(r"[.,;]$")
# Words a title leaves in lower case.
_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "vs", "with", "about", "after", "over",
})
# The longest paragraph any rule can trigger on is far below this, so long prose is skipped
# without normalizing it.
_CHARS_PER_WORD = 30


class PackError(ConfigError):
    """A boilerplate pack is missing, malformed or has an invalid rule."""


@dataclass(frozen=True, slots=True)
class BodySpec:
    """What the paragraphs after a box heading must look like to be removed with it."""

    pattern: regex.Pattern[str]
    min_count: int
    max_count: int
    min_words: int
    max_words: int
    reject: regex.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate rule; `body` is set for box rules (heading + following paragraphs)."""

    id: str
    pack: str
    description: str
    pattern: regex.Pattern[str]
    keywords: tuple[str, ...]
    min_words: int
    max_words: int
    require: regex.Pattern[str] | None
    reject: regex.Pattern[str] | None
    title: bool
    not_first: bool
    confidence: float
    reason: str
    body: BodySpec | None


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
    extra = os.environ.get(PATH_ENV, "")
    return (dictionaries_dir() / "boilerplate", *(Path(p) for p in extra.split(os.pathsep) if p))


# --------------------------------------------------------------------------- pack loading

_PACK_KEYS = {"id", "description", "provenance", "licence", "reject", "rules"}
_RULE_KEYS = {
    "id", "description", "pattern", "keywords", "min-words", "max-words", "require", "reject",
    "title", "not-first", "confidence", "reason", "body",
}
_BODY_KEYS = {"pattern", "min-count", "max-count", "min-words", "max-words", "reject"}


def _get(
    table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = None
) -> Any:
    value = table.get(key, default)
    if value is None:
        raise PackError(f"{where}: missing required key {key!r}")
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        name = kind.__name__ if isinstance(kind, type) else "a number"
        raise PackError(f"{where}: {key!r} must be {name}, got {type(value).__name__}")
    return value


def _compile(source: str | None, where: str) -> regex.Pattern[str] | None:
    if source is None:
        return None
    try:
        return regex.compile(source)
    except regex.error as exc:
        raise PackError(f"{where}: invalid regular expression: {exc}") from exc


def _check_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(f"{where}: unknown key {unknown[0]!r}")


def _parse_body(table: Any, where: str) -> BodySpec:
    if not isinstance(table, dict):
        raise PackError(f"{where}: 'body' must be a table")
    _check_keys(table, _BODY_KEYS, where)
    spec = BodySpec(
        pattern=_compile(_get(table, "pattern", str, where), where),  # type: ignore[arg-type]
        min_count=_get(table, "min-count", int, where, 1),
        max_count=_get(table, "max-count", int, where, 1),
        min_words=_get(table, "min-words", int, where, 1),
        max_words=_get(table, "max-words", int, where),
        reject=_compile(table.get("reject"), where),
    )
    if not 0 <= spec.min_count <= spec.max_count:
        raise PackError(f"{where}: need 0 <= min-count <= max-count")
    return spec


def _parse_rule(table: Any, pack_id: str, pack_reject: str | None, where: str) -> Rule:
    if not isinstance(table, dict):
        raise PackError(f"{where}: each entry of 'rules' must be a table")
    _check_keys(table, _RULE_KEYS, where)
    rule_id = _get(table, "id", str, where)
    where = f"{where} ({rule_id})"
    keywords = _get(table, "keywords", list, where)
    if not keywords or not all(isinstance(k, str) and k and k == k.lower() for k in keywords):
        raise PackError(f"{where}: 'keywords' must be a non-empty list of lowercase strings")
    confidence = float(_get(table, "confidence", (int, float), where))
    if not 0.0 < confidence <= 1.0:
        raise PackError(f"{where}: 'confidence' must be in (0, 1]")
    rejects = [r for r in (pack_reject, table.get("reject")) if r is not None]
    return Rule(
        id=rule_id,
        pack=pack_id,
        description=_get(table, "description", str, where, ""),
        pattern=_compile(_get(table, "pattern", str, where), where),  # type: ignore[arg-type]
        keywords=tuple(keywords),
        min_words=_get(table, "min-words", int, where, 1),
        max_words=_get(table, "max-words", int, where),
        require=_compile(table.get("require"), where),
        reject=_compile("|".join(f"(?:{r})" for r in rejects) if rejects else None, where),
        title=_get(table, "title", bool, where, False),
        not_first=_get(table, "not-first", bool, where, False),
        confidence=confidence,
        reason=_get(table, "reason", str, where),
        body=_parse_body(table["body"], f"{where} body") if "body" in table else None,
    )


def parse_pack(path: Path) -> Pack:
    """Read and validate one pack file; raise `PackError` naming the file and the rule."""
    data = read_toml(path, "pack", PackError)
    where = str(path.name)
    _check_keys(data, _PACK_KEYS, where)
    pack_id = _get(data, "id", str, where)
    pack_reject = data.get("reject")
    if pack_reject is not None and not isinstance(pack_reject, str):
        raise PackError(f"{where}: 'reject' must be a string")
    rules = tuple(
        _parse_rule(table, pack_id, pack_reject, f"{where} rule {i + 1}")
        for i, table in enumerate(_get(data, "rules", list, where))
    )
    return Pack(
        id=pack_id,
        description=_get(data, "description", str, where),
        provenance=_get(data, "provenance", str, where),
        licence=_get(data, "licence", str, where),
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


def _alternation(words: list[str]) -> str:
    """A regex for any of `words` (none a prefix of another), factored into a trie: `re` tries
    alternatives one by one, so shared prefixes make the per-paragraph prefilter ~3x faster."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    alts = [
        re.escape(first) + (_alternation(rests) if rests != [""] else "")
        for first, rests in sorted(groups.items())
    ]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


class RuleSet:
    """The compiled rules of the selected packs, with a per-length keyword prefilter."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        # Paragraphs longer than this cannot trigger any rule and are not even normalized.
        self.char_limit = max((r.max_words for r in rules), default=0) * _CHARS_PER_WORD
        self._by_words: dict[int, tuple[tuple[Rule, ...], re.Pattern[str] | None]] = {}

    def candidates(self, words: int) -> tuple[tuple[Rule, ...], re.Pattern[str] | None]:
        """Rules that may fit a line of `words` words, and one pattern finding their keywords."""
        entry = self._by_words.get(words)
        if entry is None:
            # One word of slack: a leading bullet counts here but not once normalized.
            rules = tuple(r for r in self.rules if r.min_words <= words <= r.max_words + 1)
            keywords = {k for r in rules for k in r.keywords}
            # A keyword containing another adds nothing to a presence test.
            minimal = sorted(k for k in keywords if not any(o != k and o in k for o in keywords))
            prefilter = re.compile(_alternation(minimal)) if minimal else None
            entry = self._by_words[words] = (rules, prefilter)
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


# --------------------------------------------------------------------------- matching


@dataclass(slots=True)
class _Para:
    """A non-blank line: offsets of its text and whether it starts a blank-line block."""

    start: int
    end: int
    block_start: bool
    norm: str | None = None
    words: int = 0


def _paragraphs(text: str) -> list[_Para]:
    paras: list[_Para] = []
    prev_end = 0
    blank = True  # the document start counts as a block boundary
    for match in _LINE.finditer(text):
        start, end = match.span()
        if text[start:end].isspace():
            blank = True
            continue
        gap = text[prev_end:start]
        if gap.count("\n") >= 2 or ("\n" not in gap and gap.count("\r") >= 2):
            blank = True
        paras.append(_Para(start, end, blank))
        blank = False
        prev_end = end
    return paras


def _normalize(para: _Para, text: str) -> str:
    """The paragraph as rules see it: bullets and enclosing brackets gone, spaces collapsed."""
    if para.norm is None:
        norm = " ".join(text[para.start : para.end].split())
        norm = _BULLET.sub("", norm)
        if len(norm) > 2 and _BRACKETS.get(norm[0]) == norm[-1]:
            norm = norm[1:-1].strip()
        para.norm = norm
        para.words = len(norm.split())
    return para.norm


def _titleish(norm: str) -> bool:
    """A heading: starts with a capital, no closing sentence punctuation, and either short or
    with its content words capitalized."""
    if not norm or not norm[0].isupper() or _TITLE_END.search(norm):
        return False
    words = [w for w in norm.split() if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    capped = sum(1 for w in words if w[0].isupper())
    return len(words) <= 4 or capped >= 0.6 * len(words)


def _snippet(norm: str) -> str:
    words = norm.split()
    return norm if len(words) <= 12 else " ".join([*words[:6], "...", *words[-4:]])


def _trigger(rule: Rule, norm: str, low: str, words: int) -> str | None:
    """The cue that makes `norm` match `rule` (for the reason), or None when it does not."""
    if not rule.min_words <= words <= rule.max_words:
        return None
    keyword = next((k for k in rule.keywords if k in low), None)
    if keyword is None or (rule.title and not _titleish(norm)):
        return None
    if not rule.pattern.fullmatch(norm) or (rule.reject and rule.reject.search(norm)):
        return None
    if rule.require:
        found = rule.require.search(norm)
        return found.group() if found else None
    return keyword


def _body_ok(spec: BodySpec, norm: str, words: int) -> bool:
    return (
        spec.min_words <= words <= spec.max_words
        and spec.pattern.fullmatch(norm) is not None
        and not (spec.reject and spec.reject.search(norm))
    )


@dataclass(frozen=True, slots=True)
class _Match:
    rule: Rule
    first: int  # paragraph indices, inclusive
    last: int
    reason: str


def _matches(text: str, paras: list[_Para], ruleset: RuleSet) -> Iterator[_Match]:
    index = 0
    while index < len(paras):
        para = paras[index]
        found = None
        if para.end - para.start <= ruleset.char_limit:
            found = _match_at(text, paras, index, ruleset)
        if found is None:
            index += 1
        else:
            yield found
            index = found.last + 1


def _match_at(text: str, paras: list[_Para], index: int, ruleset: RuleSet) -> _Match | None:
    """The first rule matching the paragraph at `index` (with its box body), if any."""
    para = paras[index]
    line = text[para.start : para.end]
    rules, prefilter = ruleset.candidates(len(line.split()))
    if prefilter is None or not prefilter.search(line.lower()):
        return None  # the common case for prose: no rule keyword at all
    norm = _normalize(para, text)
    low = norm.lower()
    for rule in rules:
        cue = _trigger(rule, norm, low, para.words)
        if cue is None or (rule.not_first and index == 0):
            continue
        last = index
        if rule.body is not None:
            spec = rule.body
            while last + 1 < len(paras) and last - index < spec.max_count:
                nxt = paras[last + 1]
                if not _body_ok(spec, _normalize(nxt, text), nxt.words):
                    break
                last += 1
            if last - index < spec.min_count:
                continue
        reason = rule.reason.format(
            snippet=_snippet(norm), heading=norm, cue=cue, count=last - index
        )
        return _Match(rule, index, last, reason)
    return None


def _spans(paras: list[_Para], matches: list[_Match]) -> Iterator[tuple[_Match, int, int]]:
    """Edit spans: each run of adjacent matches takes one separator, after it or before it."""
    run: list[_Match] = []
    for k, match in enumerate(matches):
        run.append(match)
        if k + 1 < len(matches) and matches[k + 1].first == match.last + 1:
            continue
        first, last = run[0].first, run[-1].last
        has_next = last + 1 < len(paras)
        if has_next and paras[first].block_start:
            # Up to the next kept paragraph: removes the separator after the run.
            bounds = [paras[m.first].start for m in run] + [paras[last + 1].start]
        elif first > 0:
            # From the end of the previous kept paragraph: removes the separator before it.
            bounds = [paras[first - 1].end] + [paras[m.last].end for m in run]
        else:
            bounds = [paras[m.first].start for m in run] + [paras[last].end]
        yield from zip(run, bounds, bounds[1:], strict=False)
        run = []


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Propose one `boilerplate` edit per promo paragraph or box found in `text`."""
    ruleset = load_rules(ctx.profile.boilerplate_packs, pack_dirs())
    if not ruleset.rules or not text:
        return []
    paras = _paragraphs(text)
    matches = list(_matches(text, paras, ruleset))
    return [
        Edit(
            start=start,
            end=end,
            original=text[start:end],
            replacement="",
            kind="boilerplate",
            rule=match.rule.id,
            confidence=match.rule.confidence,
            reason=match.reason,
        )
        for match, start, end in _spans(paras, matches)
    ]
