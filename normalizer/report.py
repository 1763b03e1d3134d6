"""Output formats of the command line, some shared with the HTTP service.

Every function here is pure: most take a display path, the ORIGINAL text and the engine's
`Result` for that text (edit offsets are code points into `original`) and return strings or
JSON-ready objects; the rest render summaries and explanations. Nothing is read or written
here.

Positions are 1-based lines and columns. Lines are separated by ``\\n`` only (a ``\\r`` before
it belongs to the line ending); columns count code points, and a leading UTF-8 byte order
mark (U+FEFF) is not a column.
"""

from __future__ import annotations

import bisect
import difflib
import json
import urllib.parse
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any

from .model import EDIT_JSON_SCHEMA, Edit, Result

FORMATS = ("diff", "json", "github", "brief", "sarif")
"""Values of `normalizer check --format`."""

BOM = "\ufeff"

NO_NEWLINE = "\\ No newline at end of file\n"

FILE_REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "FileReport",
    "description": "What the engine did or would do to one text (one JSON line per file).",
    "type": "object",
    "required": ["path", "changed", "text", "edits", "fixes", "suggestions", "stats"],
    "properties": {
        "path": {"type": "string", "description": "the file as named on the command line"},
        "changed": {"type": "boolean", "description": "true: applying the edits changes it"},
        "text": {"type": "string", "description": "the clean text"},
        "edits": {"type": "array", "items": EDIT_JSON_SCHEMA,
                  "description": "every edit, applied or not, by offset"},
        "fixes": {"type": "array", "items": EDIT_JSON_SCHEMA,
                  "description": "the applied edits (the same objects as in edits)"},
        "suggestions": {"type": "array", "items": EDIT_JSON_SCHEMA,
                        "description": "the edits reported but not applied"},
        "stats": {"type": "object", "description": "counters, see normalizer.model.summarize"},
    },
    "additionalProperties": False,
}
"""JSON Schema of one `--format json` line: `Result.to_dict()` plus `path`, `changed`, and the
edits split into `fixes` and `suggestions`."""


class LineIndex:
    """Maps code-point offsets of one text to 1-based (line, column) positions."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
        self._bom = text.startswith(BOM)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the code point at `offset` (or of the end, for len(text))."""
        line = bisect.bisect_right(self._starts, offset)
        column = offset - self._starts[line - 1] + 1
        if line == 1 and self._bom and offset > 0:
            column -= 1
        return line, column


def split_lines(text: str) -> list[str]:
    """Lines of `text` with their ``\\n`` kept; only ``\\n`` separates lines."""
    lines = text.split("\n")
    last = lines.pop()
    out = [line + "\n" for line in lines]
    if last:
        out.append(last)
    return out


def _hunk_range(start: int, length: int) -> str:
    """The ``start,length`` of a hunk header, as `diff -u` writes it."""
    first = start + 1 if length else start
    return str(first) if length == 1 else f"{first},{length}"


def unified_diff(
    path: str,
    original: str,
    new_text: str,
    *,
    context: int = 3,
    labels: tuple[str, str] | None = None,
) -> str:
    """A unified diff from `original` to `new_text`; empty when they are equal.

    Exact: line endings are kept byte for byte, a missing final newline is marked with
    ``\\ No newline at end of file``, and the output applies with `git apply` or `patch -p1`
    (file names are ``a/PATH`` and ``b/PATH`` unless `labels` are given). The line matcher
    runs without difflib's junk heuristic, so no line is reported changed that was not.
    """
    if original == new_text:
        return ""
    old_lines, new_lines = split_lines(original), split_lines(new_text)
    old_label, new_label = labels or (f"a/{path}", f"b/{path}")
    out = [f"--- {old_label}\n", f"+++ {new_label}\n"]
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        old_range = _hunk_range(first[1], last[2] - first[1])
        new_range = _hunk_range(first[3], last[4] - first[3])
        out.append(f"@@ -{old_range} +{new_range} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_marked(" ", old_lines[i1:i2]))
                continue
            if tag in ("replace", "delete"):
                out.extend(_marked("-", old_lines[i1:i2]))
            if tag in ("replace", "insert"):
                out.extend(_marked("+", new_lines[j1:j2]))
    return "".join(out)


def _marked(prefix: str, lines: list[str]) -> Iterator[str]:
    for line in lines:
        yield prefix + line
        if not line.endswith("\n"):
            yield "\n" + NO_NEWLINE


def file_report(path: str, result: Result) -> dict[str, Any]:
    """The `--format json` object of one file (see `FILE_REPORT_SCHEMA`)."""
    data = {"path": path, "changed": result.changed, **result.to_dict()}
    data["fixes"] = [e for e in data["edits"] if e["applied"]]
    data["suggestions"] = [e for e in data["edits"] if not e["applied"]]
    return data


def json_line(path: str, result: Result) -> str:
    """`file_report` as one line of JSON (UTF-8 kept readable), newline-terminated."""
    return json.dumps(file_report(path, result), ensure_ascii=False) + "\n"


def show(value: str, limit: int = 60) -> str:
    """A one-line rendering of an edit's text: a plain word as is, anything else quoted.

    Text with spaces, line breaks, quotes or nothing at all is shown as a JSON string, cut
    after `limit` characters with an ellipsis, so a message never spans lines.
    """
    if value and all(c.isprintable() and not c.isspace() for c in value) and '"' not in value:
        return value if len(value) <= limit else value[:limit] + "…"
    quoted = json.dumps(value if len(value) <= limit else value[:limit], ensure_ascii=False)
    return quoted if len(value) <= limit else quoted[:-1] + '…"'


def _located(original: str, result: Result) -> Iterator[tuple[Edit, int, int, int, int]]:
    """Each edit with its start (line, column) and the position of its last code point."""
    index = LineIndex(original)
    for edit in result.edits:
        line, column = index.position(edit.start)
        end_line, end_column = index.position(max(edit.end - 1, edit.start))
        yield edit, line, column, end_line, end_column


def brief_lines(path: str, original: str, result: Result) -> list[str]:
    """Compiler-style messages, one per edit: ``path:line:col: original -> replacement (rule)``.

    A suggestion (an edit not applied) ends in ``(rule, suggestion)``.
    """
    lines = []
    for edit, line, column, _end_line, _end_column in _located(original, result):
        tag = edit.rule if edit.applied else f"{edit.rule}, suggestion"
        lines.append(
            f"{path}:{line}:{column}: {show(edit.original)} -> {show(edit.replacement)} ({tag})\n"
        )
    return lines


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_lines(path: str, original: str, result: Result) -> list[str]:
    """GitHub Actions workflow commands, one per edit.

    An applied edit is a ``::warning`` titled "fix", a suggestion a ``::notice`` titled
    "suggestion"; each names the file, the start line and column and the end line and
    column (inclusive) of the replaced text.
    """
    lines = []
    for edit, line, column, end_line, end_column in _located(original, result):
        level, what = ("warning", "fix") if edit.applied else ("notice", "suggestion")
        props = {
            "file": path,
            "line": line,
            "col": column,
            "endLine": end_line,
            "endColumn": end_column,
            "title": f"normalizer {what}: {edit.kind} ({edit.rule})",
        }
        prop_text = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items())
        message = f"{show(edit.original)} -> {show(edit.replacement)}: {edit.reason}"
        lines.append(f"::{level} {prop_text}::{_escape_data(message)}\n")
    return lines


def render(fmt: str, path: str, original: str, result: Result) -> str:
    """The `normalizer check` output of one file in format `fmt` (one of `FORMATS`).

    `diff` is empty for a file that would not change; `brief` and `github` are empty for a
    file without edits; `json` always gives one line; `sarif` gives the file's SARIF results
    as one JSON line (a list), which `sarif_log` wraps into the run's log.
    """
    if fmt == "diff":
        return unified_diff(path, original, result.text)
    if fmt == "json":
        return json_line(path, result)
    if fmt == "brief":
        return "".join(brief_lines(path, original, result))
    if fmt == "github":
        return "".join(github_lines(path, original, result))
    if fmt == "sarif":
        return json.dumps(sarif_results(path, original, result), ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


# --------------------------------------------------------------------------- SARIF

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://pypi.org/project/normalizer/"


def sarif_results(path: str, original: str, result: Result) -> list[dict[str, Any]]:
    """SARIF 2.1.0 `result` objects for one file: an applied fix is a `warning`, a suggestion
    a `note`; each carries its replacement as a SARIF `fix`. Columns are code points (the
    log says so in `columnKind`) and regions end one past the last code point."""
    uri = urllib.parse.quote(PurePath(path).as_posix())
    results = []
    for edit, line, column, end_line, end_column in _located(original, result):
        region = {
            "startLine": line, "startColumn": column,
            "endLine": end_line, "endColumn": end_column + (edit.end > edit.start),
        }
        location = {"artifactLocation": {"uri": uri}, "region": region}
        results.append({
            "ruleId": edit.rule,
            "level": "warning" if edit.applied else "note",
            "message": {
                "text": f"{show(edit.original)} -> {show(edit.replacement)}: {edit.reason}"
            },
            "locations": [{"physicalLocation": location}],
            "fixes": [{
                "description": {"text": f"replace with {show(edit.replacement)}"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": uri},
                    "replacements": [{
                        "deletedRegion": region,
                        "insertedContent": {"text": edit.replacement},
                    }],
                }],
            }],
            "properties": {
                "kind": edit.kind, "confidence": edit.confidence, "applied": edit.applied,
            },
        })
    return results


def sarif_log(results: list[dict[str, Any]], version: str) -> str:
    """A SARIF 2.1.0 log of one `normalizer check` run holding `results`, with one rule per
    rule id met."""
    rules = sorted({r["ruleId"] for r in results})
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "normalizer", "version": version, "informationUri": TOOL_URI,
                "rules": [
                    {"id": rule, "shortDescription": {"text": f"normalizer {rule}"}}
                    for rule in rules
                ],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def summary_line(
    verb: str,
    files: int,
    changed: int,
    edits_by_kind: Mapping[str, int],
    errors: int = 0,
    skipped: int = 0,
) -> str:
    """The closing line of a batch run, e.g.
    ``normalizer: 3 files checked, 1 would change, 4 edits (ocr 2, whitespace 2)``.

    `verb` is the past participle for the files (``checked``, ``cleaned``) and decides how
    changed files are described (``would change`` for ``checked``, ``changed`` otherwise).
    """
    total = sum(edits_by_kind.values())
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(edits_by_kind.items()) if n)
    parts = [
        f"{plural(files, 'file')} {verb}",
        f"{changed} {'would change' if verb == 'checked' else 'changed'}",
        f"{plural(total, 'edit')}" + (f" ({kinds})" if kinds else ""),
    ]
    if skipped:
        parts.append(f"{skipped} skipped")
    if errors:
        parts.append(plural(errors, "error"))
    return "normalizer: " + ", ".join(parts) + "\n"


def plural(n: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cases_summary_line(cases: int, failed: int, errors: int = 0) -> str:
    """The closing line of `normalizer test`: ``normalizer: 3 cases, 2 passed, 1 failed``."""
    error_part = f", {plural(errors, 'error')}" if errors else ""
    return (
        f"normalizer: {plural(cases, 'case')}, {cases - failed} passed, {failed} failed"
        f"{error_part}\n"
    )


def explanation_text(info: Mapping[str, Any]) -> str:
    """A readable rendering of `normalizer.spelling.explain`'s dict (`normalizer explain`)."""
    known = "known word" if info.get("known") else "suspect word"
    lines = [f"{info.get('token', '')}: {known}", f"  why: {info.get('why', '')}"]
    candidates = info.get("candidates") or []
    lines.append("  candidates:" if candidates else "  candidates: none")
    width = max((len(str(c.get("candidate", ""))) for c in candidates), default=0)
    for rank, cand in enumerate(candidates, 1):
        lines.append(
            f"    {rank}. {cand.get('candidate', '')!s:<{width}}"
            f"  score {_number(cand.get('score'))}  cost {_number(cand.get('cost'))}"
            f"  frequency {_number(cand.get('frequency'))}  {cand.get('reason', '')}".rstrip()
        )
    lines.append(f"  decision: {info.get('decision', '')}")
    if info.get("suggestions"):
        lines.append(f"  suggestions: {', '.join(info['suggestions'])}")
    return "\n".join(lines) + "\n"


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "-" if value is None else str(value)
