"""LanguageTool-compatible API: `POST /v2/check` and `GET /v2/languages`.

Existing LanguageTool clients work unchanged: the request is LanguageTool's form
(`text`, `language`, `disabledRules`, `enabledRules`, `enabledOnly`, `disabledCategories`,
`enabledCategories`; other LanguageTool fields are accepted and ignored) and the answer has
LanguageTool's JSON shape. Offsets and lengths count UTF-16 code units, as LanguageTool (Java)
does: a character outside the Basic Multilingual Plane (an emoji) counts two.

The engine runs in `suggest` mode; every finding is one match, its first replacement being what
`fix` mode would write (an empty string for a removal).
"""

from __future__ import annotations

import bisect
import re
import urllib.parse
from typing import Any

from flask import Blueprint, Response, g, jsonify, request

from normalizer import Edit, __version__

from .errors import ApiError, field_error
from .inputs import (
    Document,
    check_text,
    cut,
    decode_utf8,
    describe,
    first_duplicate,
    read_body,
    receiving_body,
    require_content_type,
)
from .state import state

bp = Blueprint("lt", __name__, url_prefix="/v2")

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
READ_FIELDS = frozenset({
    "text", "data", "language", "disabledRules", "enabledRules", "disabledCategories",
    "enabledCategories", "enabledOnly", "apiKey",
})
"""The form fields the service reads; LanguageTool's others are accepted and ignored."""
LANGUAGES = {
    "en": "English",
    "en-US": "English (US)",
    "en-GB": "English (GB)",
    "en-AU": "English (Australian)",
    "en-CA": "English (Canadian)",
    "en-NZ": "English (New Zealand)",
    "en-ZA": "English (South African)",
}
"""Language codes accepted by `/v2/check`: the engine's dictionaries are English."""
DEFAULT_VARIANT = "en-US"

KIND_RULES: dict[str, tuple[str, str, str, str]] = {
    # kind: (category id, category name, LanguageTool issueType, short message)
    "ocr": ("TYPOS", "Possible Typo", "misspelling", "OCR error"),
    "spelling": ("TYPOS", "Possible Typo", "misspelling", "Spelling mistake"),
    "entity": ("TYPOS", "Possible Typo", "misspelling", "Misspelled name"),
    "boilerplate": ("BOILERPLATE", "Promotional boilerplate", "style", "Boilerplate"),
    "unicode": ("TYPOGRAPHY", "Typography", "typographical", "Unicode"),
    "whitespace": ("TYPOGRAPHY", "Typography", "whitespace", "Whitespace"),
}
"""How each engine kind appears to a LanguageTool client."""

CONTEXT_CHARS = 40
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+|\n+")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.$")
"""A title, an initial or a dotted acronym before a period (Mr., Gen., V., U.S.): no break."""


def form() -> dict[str, str]:
    """The request's form fields, decoded as strict UTF-8; cached. A field the service reads,
    given twice, is ambiguous and refused (400), like a duplicate key in JSON."""
    if "lt_form" not in g:
        if require_content_type(*FORM_TYPES) == "multipart/form-data":
            with receiving_body():
                pairs = list(request.form.items(multi=True))
        else:
            body = decode_utf8(read_body(), "request body")
            try:
                pairs = urllib.parse.parse_qsl(body, keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                raise ApiError(422, "invalid_utf8", "a form field is not valid UTF-8") from None
        repeated = first_duplicate([pair for pair in pairs if pair[0] in READ_FIELDS])
        if repeated is not None:
            raise field_error(cut(repeated), "given more than once")
        g.lt_form = dict(pairs)
    return g.lt_form


@bp.get("/languages")
def languages() -> Response:
    """The languages `/v2/check` accepts, in LanguageTool's format."""
    return jsonify(
        [{"name": name, "code": "en", "longCode": code} for code, name in LANGUAGES.items()]
    )


@bp.post("/check")
def check() -> Response:
    """Check a text and answer LanguageTool's JSON (`software`, `language`, `matches`)."""
    fields = form()
    if "data" in fields:
        raise field_error("data", "annotated text is not supported; send the text field")
    text = fields.get("text")
    if text is None:
        raise field_error("text", "required field missing")
    code = _language(fields.get("language"))
    engine = state().engine
    result = engine.run(Document(check_text(text, "text")), "v2_check", engine.start(), check=True)
    offsets = _Offsets(text)
    matches = _select(fields, [_match(text, edit, offsets) for edit in result.edits])
    detected = DEFAULT_VARIANT if code in ("auto", "en") else code
    return jsonify(
        {
            "software": {
                "name": "normalizer",
                "version": __version__,
                "buildDate": None,
                "apiVersion": 1,
                "premium": False,
                "status": "",
            },
            "warnings": {"incompleteResults": False},
            "language": {
                "name": LANGUAGES[detected],
                "code": detected if code == "auto" else code,
                "detectedLanguage": {
                    "name": LANGUAGES[detected],
                    "code": detected,
                    "confidence": 1.0,
                },
            },
            "matches": matches,
        }
    )


def _language(value: str | None) -> str:
    if value is None:
        raise field_error("language", "required field missing (e.g. en-US or auto)")
    if value in LANGUAGES or value == "auto":
        return value
    supported = f"supported: {', '.join(LANGUAGES)}, auto"
    raise field_error("language", f"unsupported language {describe(value)} ({supported})")


def _split(value: str | None) -> set[str]:
    return {item.strip() for item in (value or "").split(",") if item.strip()}


def _select(fields: dict[str, str], matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply LanguageTool's rule and category filters."""
    enabled_rules, enabled_categories = _split(fields.get("enabledRules")), _split(
        fields.get("enabledCategories")
    )
    disabled_rules, disabled_categories = _split(fields.get("disabledRules")), _split(
        fields.get("disabledCategories")
    )
    only = fields.get("enabledOnly", "false")
    if only not in ("true", "false"):
        raise field_error("enabledOnly", f"expected true or false, got {describe(only)}")
    kept = []
    for match in matches:
        rule, category = match["rule"]["id"], match["rule"]["category"]["id"]
        if rule in disabled_rules or category in disabled_categories:
            continue
        if only == "true" and rule not in enabled_rules and category not in enabled_categories:
            continue
        kept.append(match)
    return kept


class _Offsets:
    """Code point -> UTF-16 offsets, and sentence boundaries, of one text."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]
        self.breaks = [
            (m.start(), m.end())
            for m in _SENTENCE_BREAK.finditer(text)
            if not _ABBREVIATION.search(text, max(0, m.start() - 16), m.start())
        ]
        self.break_ends = [end for _, end in self.breaks]

    def utf16(self, index: int, base: int = 0) -> int:
        """UTF-16 length of the code points [base, index)."""
        return index - base + bisect.bisect_left(self.astral, index) - bisect.bisect_left(
            self.astral, base
        )

    def sentence(self, text: str, start: int) -> str:
        """The sentence (or line) the code point `start` belongs to."""
        i = bisect.bisect_right(self.break_ends, start)
        begin = self.breaks[i - 1][1] if i else 0
        stop = self.breaks[i][0] if i < len(self.breaks) else len(text)
        return text[begin:stop].strip()


def _match(text: str, edit: Edit, offsets: _Offsets) -> dict[str, Any]:
    category, category_name, issue_type, short = KIND_RULES[edit.kind]
    rule_id = re.sub(r"[^A-Z0-9]+", "_", edit.rule.upper()).strip("_") or edit.kind.upper()
    left = max(0, edit.start - CONTEXT_CHARS)
    right = min(len(text), edit.end + CONTEXT_CHARS)
    prefix = "..." if left > 0 else ""
    context = prefix + text[left:right] + ("..." if right < len(text) else "")
    replacements = list(dict.fromkeys((edit.replacement, *edit.alternatives)))
    return {
        "message": edit.reason or short,
        "shortMessage": short,
        "replacements": [{"value": value} for value in replacements],
        "offset": offsets.utf16(edit.start),
        "length": offsets.utf16(edit.end, edit.start),
        "context": {
            "text": context.replace("\n", " ").replace("\r", " "),
            "offset": len(prefix) + offsets.utf16(edit.start, left),
            "length": offsets.utf16(edit.end, edit.start),
        },
        "sentence": offsets.sentence(text, edit.start),
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule_id,
            "description": f"{short} ({edit.rule})",
            "issueType": issue_type,
            "category": {"id": category, "name": category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }
