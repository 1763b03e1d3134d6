"""Request decoding and validation shared by every endpoint.

Bodies are decoded as strict UTF-8 (422 otherwise); JSON is parsed by the service itself so that
malformed JSON is a 400 naming the problem, and every field is checked with its path in the
message (`documents[2].gazetteer[0].type: ...`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, request
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge

from normalizer import STAGES, GazetteerEntry
from normalizer.profile import ENTITY_TYPES, MODES, profile_names

from .errors import ApiError, field_error
from .receiving import CLIENT_TIMEOUT, body_deadline

UTF8_CHARSETS = ("utf-8", "utf8", "us-ascii", "ascii")
MAX_NUMBER_CHARS = 100
"""Longest number literal accepted in JSON (no field is a number; this bounds parsing work)."""
QUOTE_CHARS = 40
"""Characters of a client's value repeated in an error message."""
OPTION_FIELDS = ("mode", "only", "skip", "allow", "gazetteer", "profile", "format")
DOCUMENT_FORMATS = ("text", "markdown", "rst")
"""`format` values: the service gets no file name, so there is no `auto`."""


@dataclass(frozen=True, slots=True)
class Document:
    """One validated document: its text and the per-call options of `Normalizer.normalize`."""

    text: str
    options: dict[str, Any] = field(default_factory=dict)


def require_content_type(*accepted: str) -> str:
    """The request's media type if it is one of `accepted` with a UTF-8 charset, else 415."""
    mimetype = request.mimetype
    if mimetype not in accepted:
        got = mimetype or "no Content-Type"
        raise ApiError(
            415, "unsupported_media_type", f"expected {' or '.join(accepted)}, got {got}"
        )
    charset = request.mimetype_params.get("charset")
    if charset is not None and charset.lower() not in UTF8_CHARSETS:
        message = f"charset {charset!r}: only UTF-8 is accepted"
        raise ApiError(415, "unsupported_media_type", message)
    return mimetype


def decode_utf8(data: bytes, what: str) -> str:
    """Strict UTF-8 decoding; 422 naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            422,
            "invalid_utf8",
            f"{what} is not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
        ) from None


def check_text(text: str, where: str) -> str:
    """Reject lone surrogates (possible through JSON escapes): they are not Unicode text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ApiError(
            422,
            "invalid_utf8",
            f"{where}: contains a lone surrogate U+{ord(text[exc.start]):04X} at {exc.start}",
        ) from None
    return text


class _IncompleteBody(Exception):
    """The body ended before its declared length."""


@contextmanager
def receiving_body() -> Iterator[None]:
    """Read the body in this block: 408 if the client takes longer than `client_timeout`
    (the read was cut short), 400 if the body ends before its declared length."""
    with body_deadline(request.environ) as expired:
        try:
            yield
        except (ClientDisconnected, OSError, _IncompleteBody):
            if not expired():
                message = "the request body ended before its declared length"
                raise ApiError(400, "incomplete_body", message) from None
        if expired():
            seconds = current_app.config[CLIENT_TIMEOUT]
            message = f"the request body did not arrive within {seconds:g} s"
            raise ApiError(408, "request_timeout", message)


def read_body() -> bytes:
    """The whole request body (call once per request).

    A streamed (chunked) body has no Content-Length for werkzeug to check, and werkzeug silently
    cuts it at the limit: here the cut is detected and answered 413 like any other large body.
    A body shorter than its Content-Length (the client stopped or was cut off) is never used.
    """
    with receiving_body():
        data = request.get_data(cache=True)
        declared = request.content_length
        if declared is not None and len(data) < declared:
            raise _IncompleteBody
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        if declared is None and len(data) >= limit and request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    return data


class StrictJSONError(ValueError):
    """Valid JSON syntax the service refuses: NaN/Infinity, huge numbers, duplicate keys."""


def _refuse_constant(name: str) -> Any:
    raise StrictJSONError(f"{name} is not a JSON number")


def _bounded_number(kind: type[int] | type[float]) -> Any:
    def parse(literal: str) -> int | float:
        if len(literal) > MAX_NUMBER_CHARS:
            raise StrictJSONError(f"a number longer than {MAX_NUMBER_CHARS} characters")
        value = kind(literal)
        if not math.isfinite(value):
            raise StrictJSONError(f"number {literal} is out of range")
        return value

    return parse


def first_duplicate(pairs: list[tuple[str, Any]]) -> str | None:
    """The first key that occurs twice among (key, value) pairs, or None."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        key = first_duplicate(pairs)
        raise StrictJSONError(f"duplicate key {describe(key)} in an object")
    return obj


_STRICT_JSON = json.JSONDecoder(
    object_pairs_hook=_unique_keys,
    parse_constant=_refuse_constant,
    parse_int=_bounded_number(int),
    parse_float=_bounded_number(float),
)
"""RFC 8259 JSON without Python's extensions (NaN, Infinity) and with unique keys."""


def read_json_body() -> Any:
    """The request body parsed as strict JSON (application/json, UTF-8); 400 otherwise."""
    raw = decode_utf8(read_body(), "request body")
    try:
        return _STRICT_JSON.decode(raw.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        message = f"malformed JSON at {where}: {exc.msg}"
    except RecursionError:
        message = "malformed JSON: arrays or objects nested too deeply"
    except StrictJSONError as exc:
        message = f"malformed JSON: {exc}"
    raise ApiError(400, "malformed_json", message)


def read_document(allow_mode: bool = True) -> Document:
    """The document of a `/v1/normalize` or `/v1/check` request: JSON object or plain text."""
    if require_content_type("application/json", "text/plain") == "text/plain":
        text = decode_utf8(read_body(), "request body")
        return Document(text)
    return parse_document(read_json_body(), "", allow_mode)


def parse_document(body: Any, prefix: str, allow_mode: bool = True) -> Document:
    """Validate one JSON document `{"text", "mode"?, "only"?, "skip"?, "allow"?, "gazetteer"?,
    "profile"?, "format"?}`."""
    if not isinstance(body, dict):
        where = prefix.rstrip(".") or "body"
        raise field_error(where, f"expected a JSON object, got {json_type(body)}")
    known = ("text", *OPTION_FIELDS) if allow_mode else ("text", *OPTION_FIELDS[1:])
    reject_unknown_fields(body, prefix, known)
    if "text" not in body:
        raise field_error(f"{prefix}text", "required field missing")
    text = body["text"]
    if not isinstance(text, str):
        raise field_error(f"{prefix}text", f"expected a string, got {json_type(text)}")
    options: dict[str, Any] = {}
    if "mode" in body:
        options["mode"] = _choice(f"{prefix}mode", body["mode"], MODES)
    for name in ("only", "skip"):
        if name in body:
            values = _string_list(f"{prefix}{name}", body[name])
            for i, value in enumerate(values):
                _choice(f"{prefix}{name}[{i}]", value, STAGES)
            options[name] = values
    if "allow" in body:
        options["allow"] = _string_list(f"{prefix}allow", body["allow"])
    if "gazetteer" in body:
        options["gazetteer"] = _gazetteer(f"{prefix}gazetteer", body["gazetteer"])
    if "profile" in body:
        options["profile"] = _choice(f"{prefix}profile", body["profile"], tuple(profile_names()))
    if "format" in body:
        options["format"] = _choice(f"{prefix}format", body["format"], DOCUMENT_FORMATS)
    return Document(check_text(text, f"{prefix}text"), options)


def reject_unknown_fields(obj: dict[str, Any], prefix: str, known: tuple[str, ...]) -> None:
    """400 naming the first key of `obj` that is not one of `known`."""
    for key in obj:
        if key not in known:
            where = f"{prefix}{cut(key)}"
            raise field_error(where, f"unknown field (known: {', '.join(known)})")


def _gazetteer(where: str, value: Any) -> list[GazetteerEntry]:
    if not isinstance(value, list):
        got = json_type(value)
        raise field_error(where, f"expected an array of {{name, type}} objects, got {got}")
    entries = []
    for i, item in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise field_error(at, f"expected an object {{name, type}}, got {json_type(item)}")
        reject_unknown_fields(item, f"{at}.", ("name", "type"))
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise field_error(f"{at}.name", "expected a non-empty string")
        kind = _choice(f"{at}.type", item.get("type", "name"), ENTITY_TYPES)
        entries.append(GazetteerEntry(check_text(name, f"{at}.name"), kind))
    return entries


def _choice(where: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise field_error(where, f"expected one of {', '.join(choices)}, got {describe(value)}")
    return value


def _string_list(where: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise field_error(where, f"expected an array of strings, got {json_type(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise field_error(f"{where}[{i}]", f"expected a string, got {json_type(item)}")
    return [check_text(v, f"{where}[{i}]") for i, v in enumerate(value)]


def describe(value: Any) -> str:
    """A client's value for an error message: a string quoted and cut short, else its type."""
    if isinstance(value, str):
        return json.dumps(cut(value), ensure_ascii=False)
    return json_type(value)


def cut(text: str) -> str:
    """`text`, cut to `QUOTE_CHARS` characters for an error message."""
    return text[:QUOTE_CHARS] + "..." if len(text) > QUOTE_CHARS else text


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), type(value).__name__)
