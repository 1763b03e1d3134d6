"""The OpenAPI 3 document served at `/openapi.json`, built from the running configuration.

It describes what the service really does (limits, authentication when an API key is set, every
status an operation can answer); tests run schemathesis against it.
"""

from __future__ import annotations

from typing import Any

from normalizer import EDIT_JSON_SCHEMA, STAGES, __version__
from normalizer.profile import ENTITY_TYPES, MODES, profile_names

from .config import ServiceConfig
from .inputs import DOCUMENT_FORMATS
from .languagetool import LANGUAGES

ERROR_STATUSES = {
    400: "Malformed or non-strict JSON, a field of the wrong type or value (the message names "
    "the field), too many documents in a batch, or a body shorter than its Content-Length.",
    401: "Missing or wrong API key (only when an API key is configured).",
    408: "The client did not send its request line and headers, or then its body, within the "
    "client time limit; the connection is closed.",
    413: "Request body over the size limit (a declared length over it is refused at once).",
    415: "Unsupported Content-Type or charset, or a compressed body.",
    422: "The text is not valid UTF-8 (or contains a lone surrogate).",
    429: "Rate limit exceeded (only when a rate limit is configured); see Retry-After.",
    500: "Server fault; the message carries the request id, never a stack trace.",
    503: "The request exceeded the per-request time limit.",
}
REF = "#/components/schemas/"

NON_BLANK = r"[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
"""A character that is no whitespace as Python's `str.strip` reads it (which the service
checks names with); ECMA-262's `\\S` would let U+001E through and refuse U+FEFF."""


def _ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {"X-Request-ID": {"$ref": "#/components/headers/RequestId"}},
        "content": {"application/json": {"schema": schema}},
    }


def _operation(
    summary: str,
    ok: dict[str, Any],
    errors: tuple[int, ...],
    config: ServiceConfig,
    body: dict[str, Any] | None = None,
    public: bool = False,
) -> dict[str, Any]:
    statuses = set(errors) | {500}
    if not public:
        statuses |= {code for code, on in ((401, config.api_key), (429, config.rate_limit)) if on}
    operation: dict[str, Any] = {
        "summary": summary,
        "responses": {
            "200": ok,
            **{
                str(code): _json(_ref("Error"), ERROR_STATUSES[code])
                for code in sorted(statuses)
            },
        },
    }
    if body is not None:
        operation["requestBody"] = {"required": True, "content": body}
    if public and config.api_key is not None:
        operation["security"] = []
    return operation


def _document_schema(with_mode: bool) -> dict[str, Any]:
    stage_list = {"type": "array", "items": {"type": "string", "enum": list(STAGES)}}
    properties: dict[str, Any] = {
        "text": {"type": "string", "description": "The document (any Unicode text)."},
        "mode": {"type": "string", "enum": list(MODES), "description": "fix (default) or suggest"},
        "only": {**stage_list, "description": "Run only these stages."},
        "skip": {**stage_list, "description": "Do not run these stages."},
        "allow": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Words never changed, in addition to the profile's allow list.",
        },
        "gazetteer": {
            "type": "array",
            "description": "Extra names for this call, in addition to the profile's gazetteer.",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "pattern": NON_BLANK},
                    "type": {"type": "string", "enum": list(ENTITY_TYPES), "default": "name"},
                },
                "additionalProperties": False,
            },
        },
        "profile": {
            "type": "string",
            "enum": profile_names(),
            "description": "A profile shipped with the package for this call instead of the "
            "service's (archive: historical OCR); the other fields refine it.",
        },
        "format": {
            "type": "string",
            "enum": list(DOCUMENT_FORMATS),
            "default": "text",
            "description": "How the text is read: markdown and rst keep code, links, markup "
            "and technical words untouched and check only the prose.",
        },
    }
    if not with_mode:
        del properties["mode"]
    return {"type": "object", "required": ["text"], "properties": properties,
            "additionalProperties": False}


def _schemas(config: ServiceConfig) -> dict[str, Any]:
    edit = {k: v for k, v in EDIT_JSON_SCHEMA.items() if k != "$schema"}
    error_body = {
        "type": "object",
        "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
    }
    stats = {
        "type": "object",
        "description": "Counters of the run (the engine may add more keys).",
        "required": [
            "chars_in", "chars_out", "edits_applied", "edits_suggested",
            "applied_by_kind", "suggested_by_kind",
        ],
        "properties": {
            "chars_in": {"type": "integer", "minimum": 0},
            "chars_out": {"type": "integer", "minimum": 0},
            "edits_applied": {"type": "integer", "minimum": 0},
            "edits_suggested": {"type": "integer", "minimum": 0},
            "applied_by_kind": {"type": "object", "additionalProperties": {"type": "integer"}},
            "suggested_by_kind": {"type": "object", "additionalProperties": {"type": "integer"}},
        },
    }
    lt_rule = {
        "type": "object",
        "required": ["id", "description", "issueType", "category"],
        "properties": {
            "id": {"type": "string"},
            "description": {"type": "string"},
            "issueType": {"type": "string"},
            "category": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            },
        },
    }
    return {
        "Edit": edit,
        "Stats": stats,
        "Error": {"type": "object", "required": ["error"], "properties": {"error": error_body},
                  "additionalProperties": False},
        "NormalizeRequest": _document_schema(with_mode=True),
        "CheckRequest": _document_schema(with_mode=False),
        "NormalizeResponse": {
            "type": "object",
            "required": ["text", "edits", "stats"],
            "properties": {
                "text": {"type": "string"},
                "edits": {"type": "array", "items": _ref("Edit")},
                "stats": _ref("Stats"),
            },
            "additionalProperties": False,
        },
        "CheckResponse": {
            "type": "object",
            "required": ["edits", "stats"],
            "properties": {
                "edits": {"type": "array", "items": _ref("Edit")},
                "stats": _ref("Stats"),
            },
            "additionalProperties": False,
        },
        "BatchRequest": {
            "type": "object",
            "required": ["documents"],
            "properties": {
                "documents": {
                    "type": "array",
                    "maxItems": config.batch_max_documents,
                    "description": "NormalizeRequest objects. Any JSON value is accepted in a "
                    "slot: an invalid one gets an error object in the same slot of the answer.",
                    "items": {},
                },
            },
            "additionalProperties": False,
        },
        "BatchResponse": {
            "type": "object",
            "required": ["results"],
            "properties": {
                "results": {
                    "type": "array",
                    "items": {"oneOf": [_ref("NormalizeResponse"), _ref("SlotError")]},
                },
            },
            "additionalProperties": False,
        },
        "SlotError": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    **error_body,
                    "required": ["code", "message", "status"],
                    "properties": {**error_body["properties"], "status": {"type": "integer"}},
                },
            },
            "additionalProperties": False,
        },
        "LanguageToolRequest": {
            "type": "object",
            "required": ["text", "language"],
            "properties": {
                "text": {"type": "string"},
                "language": {"type": "string", "enum": [*LANGUAGES, "auto"]},
                "disabledRules": {"type": "string", "description": "Comma-separated rule ids."},
                "enabledRules": {"type": "string", "description": "Comma-separated rule ids."},
                "disabledCategories": {"type": "string"},
                "enabledCategories": {"type": "string"},
                "enabledOnly": {"type": "string", "enum": ["true", "false"]},
                "apiKey": {"type": "string"},
            },
            "description": "Other LanguageTool fields (motherTongue, level, ...) are ignored.",
        },
        "LanguageToolResponse": {
            "type": "object",
            "required": ["software", "warnings", "language", "matches"],
            "properties": {
                "software": {"type": "object", "required": ["name", "version", "apiVersion"]},
                "warnings": {"type": "object"},
                "language": {"type": "object", "required": ["name", "code", "detectedLanguage"]},
                "matches": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": [
                            "message", "shortMessage", "replacements", "offset", "length",
                            "context", "sentence", "rule",
                        ],
                        "properties": {
                            "message": {"type": "string"},
                            "shortMessage": {"type": "string"},
                            "replacements": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["value"],
                                    "properties": {"value": {"type": "string"}},
                                },
                            },
                            "offset": {"type": "integer", "minimum": 0,
                                       "description": "UTF-16 code units"},
                            "length": {"type": "integer", "minimum": 0},
                            "context": {
                                "type": "object",
                                "required": ["text", "offset", "length"],
                                "properties": {
                                    "text": {"type": "string"},
                                    "offset": {"type": "integer"},
                                    "length": {"type": "integer"},
                                },
                            },
                            "sentence": {"type": "string"},
                            "rule": lt_rule,
                        },
                    },
                },
            },
        },
    }


def build_openapi(config: ServiceConfig, max_body_bytes: int) -> dict[str, Any]:
    """The OpenAPI 3.0 document of an application configured with `config`."""
    document_body = {
        "application/json": {"schema": _ref("NormalizeRequest")},
        "text/plain": {"schema": {"type": "string"}},
    }
    check_body = {
        "application/json": {"schema": _ref("CheckRequest")},
        "text/plain": {"schema": {"type": "string"}},
    }
    lt_body = {media: {"schema": _ref("LanguageToolRequest")}
               for media in ("application/x-www-form-urlencoded", "multipart/form-data")}
    input_errors = (400, 408, 413, 415, 422, 503)
    status = {
        "type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}
    }
    paths: dict[str, Any] = {
        "/v1/normalize": {"post": _operation(
            "Normalize one document", _json(_ref("NormalizeResponse"), "Clean text and edits."),
            input_errors, config, document_body)},
        "/v1/check": {"post": _operation(
            "List every finding of one document; nothing applied",
            _json(_ref("CheckResponse"), "Edits (all with applied=false) and counters."),
            input_errors, config, check_body)},
        "/v1/normalize/batch": {"post": _operation(
            f"Normalize up to {config.batch_max_documents} documents independently",
            _json(_ref("BatchResponse"), "One result or error object per document, in order."),
            (400, 408, 413, 415, 422), config,
            {"application/json": {"schema": _ref("BatchRequest")}})},
        "/v1/info": {"get": _operation(
            "Version, profile, dictionary sizes and sources, limits",
            _json({"type": "object", "required": ["name", "version", "profile", "dictionaries"]},
                  "Service information."), (), config)},
        "/v2/check": {"post": _operation(
            "LanguageTool-compatible check",
            _json(_ref("LanguageToolResponse"), "LanguageTool's answer shape."),
            input_errors, config, lt_body)},
        "/v2/languages": {"get": _operation(
            "Languages accepted by /v2/check (LanguageTool format)",
            _json({"type": "array", "items": {
                "type": "object", "required": ["name", "code", "longCode"]}}, "Languages."),
            (), config, public=True)},
        "/healthz": {"get": _operation(
            "Liveness", _json(status, "The process answers."), (), config, public=True)},
        "/readyz": {"get": _operation(
            "Readiness: dictionaries loaded", _json(status, "Ready to serve."), (503,), config,
            public=True)},
        "/openapi.json": {"get": _operation(
            "This document", _json({"type": "object"}, "OpenAPI 3 document."), (), config,
            public=True)},
        "/metrics": {"get": _operation(
            "Prometheus metrics",
            {"description": "Prometheus text format.",
             "content": {"text/plain": {"schema": {"type": "string"}}}}, (), config)},
    }
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {
            "title": "normalizer",
            "version": __version__,
            "description": "Precision-first OCR/misspelling correction and normalization of news "
            f"text. Request bodies are limited to {max_body_bytes} bytes; offsets in /v1 are "
            "Unicode code points of the original text, in /v2 UTF-16 code units.",
        },
        "paths": paths,
        "components": {
            "schemas": _schemas(config),
            "headers": {"RequestId": {
                "description": "Request id (the client's X-Request-ID if valid, else generated).",
                "schema": {"type": "string"}}},
        },
    }
    if config.api_key is not None:
        document["components"]["securitySchemes"] = {
            "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            "bearer": {"type": "http", "scheme": "bearer"},
        }
        document["security"] = [{"apiKey": []}, {"bearer": []}]
    return document
